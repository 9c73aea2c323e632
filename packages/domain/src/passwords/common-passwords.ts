import { dictionary } from '@zxcvbn-ts/language-common';

// Pinyin and keyboard favourites seen in Chinese leaks that the English-centred list misses.
const PINYIN = [
  'woaini', 'woaini1314', 'woaiwojia', 'zhangwei', 'wangwei', 'liwei', 'laoshi', 'jiaoshi', 'xuexiao',
  'zhongguo', 'beijing', 'zhejiang', 'hangzhou', 'hunan', 'leiyang', 'gonghui', 'jiaoyu', 'qwertyuiop',
  'asdfghjkl', 'zxcvbnm', 'aini1314', 'mima', 'mimamima', 'nihao', 'nihaoma', 'wodemima', 'tianya',
];

/** About 49,000 passwords known from leaks, lower-case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...(dictionary['passwords-common'] as string[]),
  ...PINYIN,
]);

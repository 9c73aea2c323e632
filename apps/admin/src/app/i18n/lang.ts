import { en } from './en';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'guanai.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** Chinese unless the person chose English before (kept across sessions in localStorage). */
export function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

let current: Lang = initialLang();

/** The language outside React (the API client sends it as Accept-Language). */
export function currentLang(): Lang {
  return current;
}

export function rememberLang(lang: Lang): void {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    const text = dict[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}

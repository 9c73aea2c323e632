import type { FormRule as Rule } from 'antd';
import type { Translate } from '@/app/i18n/lang';

interface Issue {
  code: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

interface Parseable {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

function describe(issue: Issue, t: Translate): string {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.tooShort', { min: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.tooLong', { max: Number(issue.maximum) });
  return t('validation.format');
}

/**
 * An antd rule from the same zod schema the API validates with, so the form and the server agree.
 * `hint` replaces format messages (the contracts' own messages are English and terse).
 */
export function zodRule(schema: Parseable, t: Translate, hint?: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const issue = result.error.issues[0]!;
      const text = issue.code === 'invalid_format' && hint ? hint : describe(issue, t);
      throw new Error(text);
    },
  };
}

export function requiredRule(t: Translate): Rule {
  return { required: true, whitespace: true, message: t('validation.required') };
}

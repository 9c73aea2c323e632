import type { FormInstance, FormRule as Rule } from 'antd';
import type { Translate } from '@/app/i18n/lang';

interface Issue {
  code: string;
  path?: PropertyKey[];
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
 * Puts the issues of a whole-request zod check on the form's fields (the first per field), for what the
 * per-field rules cannot see. `rename` maps a request path to the form's name where they differ.
 * Returns true when at least one landed.
 */
export function applyZodIssues(
  form: FormInstance,
  issues: Issue[],
  t: Translate,
  rename: (path: (string | number)[]) => (string | number)[] = (p) => p,
): boolean {
  const seen = new Set<string>();
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    if (path.length === 0) continue;
    const name = rename(path);
    const key = name.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ name, errors: [describe(issue, t)] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
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

/** A text that must be given (blank counts as missing). */
export function requiredRule(t: Translate): Rule {
  return { required: true, whitespace: true, message: t('validation.required') };
}

/** A choice, number or date that must be given (no whitespace check: the value is not a string). */
export function requiredChoice(t: Translate): Rule {
  return { required: true, message: t('validation.required') };
}

import type { FormInstance } from 'antd';
import type { FieldError, Problem } from '@guanai/contracts';
import { currentLang, translator } from '@/app/i18n/lang';

/** A failed API call, carrying the server's problem document (or one made up for network failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function localProblem(status: number, code: string, zh: string, en: string): Problem {
  return { type: 'about:blank', title: code, status, code, detail: en, messages: { 'zh-CN': zh, en } };
}

export function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body;
}

/** The message a person should read, in the current language. */
export function errorMessage(err: unknown): string {
  const lang = currentLang();
  if (err instanceof ApiError) {
    return err.problem.messages?.[lang] || err.problem.detail || err.problem.title;
  }
  return translator(lang)('error.unknown');
}

/**
 * `body.orgId` → `['orgId']`, `body.titles.0.since` → `['titles', 0, 'since']` (list fields are indexed by
 * number); paths outside the body (query, params) are not form fields.
 */
function fieldName(error: FieldError): (string | number)[] | null {
  const [where, ...rest] = error.path.split('.');
  return where === 'body' && rest.length > 0 ? rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : null;
}

/**
 * Puts the server's field errors on the form's fields. Returns true when at least one landed, so the
 * caller can skip a duplicate toast. Only fields the form has are touched.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  // One field may fall short several ways (too short and too few classes): show every message.
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.problem.errors) {
    const name = fieldName(e);
    if (!name || !known.has(String(name[0]))) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

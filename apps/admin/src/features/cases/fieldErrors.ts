import type { FormInstance } from 'antd';
import { ApiError } from '@/app/api/problem';

/** A request path below `body` (`['respondent', 'orgId']`) to the form field that holds it. */
export type Rename = (path: (string | number)[]) => (string | number)[];

/**
 * Puts the server's field errors on the form's fields where the request's shape and the form's differ
 * (the respondent is one object on the wire, three fields on screen; fen on the wire, yuan typed).
 * Only fields the form has are touched; true when at least one landed, so no toast repeats it.
 */
export function applyServerErrors(form: FormInstance, err: unknown, rename: Rename): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.problem.errors) {
    const [where, ...rest] = e.path.split('.');
    if (where !== 'body' || rest.length === 0) continue;
    const name = rename(rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
    if (!known.has(String(name[0]))) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { AppError, type FieldProblem } from './app-error';
import { MESSAGES, type ErrorCode } from './messages';

const zh = z.locales.zhCN();
const en = z.locales.en();

/** Issues as field problems with paths like `body.orgId`; unknown keys get one entry each. */
export function zodFieldProblems(error: z.ZodError, location: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    // A contract may name a catalogued message (e.g. USERNAME_FORMAT) instead of zod's generic one.
    const catalogued = MESSAGES[issue.message as ErrorCode];
    const messages = catalogued
      ? { 'zh-CN': catalogued[1], en: catalogued[2] }
      : {
          'zh-CN': String(zh.localeError(issue as never) ?? issue.message),
          en: String(en.localeError(issue as never) ?? issue.message),
        };
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: `${base}.${key}`,
        code: 'unknown_field',
        messages: { 'zh-CN': `不允许的字段：${key}`, en: `Unknown field: ${key}` },
      }));
    }
    return [{ path: base, code: issue.code, messages }];
  });
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, location: string): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new AppError('VALIDATION_FAILED', { fields: zodFieldProblems(result.error, location) });
  return result.data;
}

/** Parses a body, query or param with its zod contract; anything else is a 400 naming the fields. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly location: 'body' | 'query' | 'params',
  ) {}

  transform(value: unknown): z.infer<T> {
    // An absent JSON body arrives as undefined; let the schema say what is missing.
    return parseOrThrow(this.schema, value ?? (this.location === 'body' ? {} : value), this.location);
  }
}

export const IdParam = z.uuid();

import type { FieldError } from '@guanai/contracts';
import { MESSAGES, type ErrorCode } from './messages';

/** A field problem before it is put in the request's language. */
export interface FieldProblem {
  path: string;
  code: string;
  /** Either a catalogued code's params, or ready messages in both languages. */
  params?: Record<string, unknown>;
  messages?: { 'zh-CN': string; en: string };
}

/** The one error type services throw; the problem filter turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { params?: Record<string, unknown>; fields?: FieldProblem[]; allowed?: string[] } = {},
  ) {
    super(code);
  }

  get status(): number {
    return MESSAGES[this.code][0];
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND');
  }
}

export type { FieldError };

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FieldError, Problem } from '@guanai/contracts';
import { isPoolTimeout } from '@guanai/db';
import { AppError, type FieldProblem } from './app-error';
import { MESSAGES, format, type ErrorCode } from './messages';
import { languageOf, type Lang } from './language';

/** Turns every error into RFC 9457 problem+json with a stable code and both languages. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const error = this.toAppError(exception);
    if (error.status >= 500) this.logger.error(exception);
    const lang = languageOf(req);
    const [status, zh, en] = MESSAGES[error.code];
    const params = error.options.params ?? {};
    const messages = { 'zh-CN': format(zh, params), en: format(en, params) };
    const body: Problem = {
      type: `https://guanai.example/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: lang === 'en' ? messages.en : messages['zh-CN'],
      status,
      code: error.code,
      detail: lang === 'en' ? messages.en : messages['zh-CN'],
      messages,
      ...(error.options.fields?.length ? { errors: error.options.fields.map((f) => localise(f, lang)) } : {}),
      ...(error.options.allowed ? { allowed: error.options.allowed } : {}),
      requestId: String(req.id ?? ''),
    };
    if (status === 429) res.setHeader('Retry-After', '60');
    res.status(status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toAppError(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (isPoolTimeout(e)) return new AppError('UNAVAILABLE');
    // body-parser errors carry a `type`.
    const type = (e as { type?: string })?.type;
    if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
    if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON');
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const byStatus: Record<number, ErrorCode> = {
        400: 'VALIDATION_FAILED',
        401: 'UNAUTHENTICATED',
        403: 'FORBIDDEN',
        404: 'ROUTE_NOT_FOUND',
        413: 'PAYLOAD_TOO_LARGE',
        415: 'UNSUPPORTED_MEDIA_TYPE',
        429: 'RATE_LIMITED',
      };
      return new AppError(byStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'));
    }
    return new AppError('INTERNAL');
  }
}

function localise(f: FieldProblem, lang: Lang): FieldError {
  if (f.messages) return { path: f.path, code: f.code, message: lang === 'en' ? f.messages.en : f.messages['zh-CN'] };
  const entry = MESSAGES[f.code as ErrorCode];
  const message = entry ? format(lang === 'en' ? entry[2] : entry[1], f.params) : f.code;
  return { path: f.path, code: f.code, message };
}

import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from './app-error';

/** Every request gets an id first (a caller's sane X-Request-Id is kept), so even early errors carry it. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

const parseJson = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });

const BODY_ERRORS: Record<string, AppError['code']> = {
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.parse.failed': 'MALFORMED_JSON',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.aborted': 'VALIDATION_FAILED',
};

/** JSON bodies up to 1 MB (uploads get their own limits on their own routes), errors as our codes. */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  parseJson(req, res, (err?: unknown) => {
    if (!err) return next();
    const type = (err as { type?: string }).type ?? '';
    next(new AppError(BODY_ERRORS[type] ?? 'VALIDATION_FAILED'));
  });
}

import type { Request } from 'express';

export type Lang = 'zh-CN' | 'en';

/** zh-CN unless the client prefers English. */
export function languageOf(req: Request): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  return header.startsWith('en') ? 'en' : 'zh-CN';
}

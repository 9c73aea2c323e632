import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built admin SPA from the same origin as the API; any non-API GET falls back to
 * index.html so client-side routes survive a reload.
 */
export function mountSpa(app: Express, dist: string): boolean {
  if (!dist || !existsSync(join(dist, 'index.html'))) return false;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
  return true;
}

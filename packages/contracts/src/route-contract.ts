import type { z } from 'zod';
import type { Permission } from './roles';

export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under the global prefix, e.g. `/v1/users/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no login; `self` routes need only a login; otherwise a permission. */
  access: 'public' | 'self' | Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Content type of a non-JSON response. */
  produces?: string;
  /** HTTP status of success; 200 unless said (201 for creations). */
  status?: 200 | 201 | 204;
}

/** Keeps a route literal typed as a route (its keys checked) without widening it. */
export const r = (c: RouteContract) => c;

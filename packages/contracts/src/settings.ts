import { z } from 'zod';

export const PlatformSettings = z.strictObject({
  /** MLPS level 3 (等保三级) asks two factors of administrators. */
  requireAdminMfa: z.boolean(),
});
export type PlatformSettings = z.infer<typeof PlatformSettings>;

export const Health = z.object({
  status: z.enum(['ok', 'error']),
  checks: z.record(z.string(), z.object({ status: z.enum(['ok', 'error']), detail: z.string().optional() })),
});

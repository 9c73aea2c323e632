import type { DataSource, EntityManager } from 'typeorm';

/**
 * What one transaction may see: the materialised path of an organisation (that node and everything
 * below it). It is set with `set_config(…, true)`, so it ends with the transaction and a pooled
 * connection never carries it into another request.
 */
export interface Scope {
  path: string;
  userId?: string | null;
  requestId?: string | null;
}

/**
 * The whole platform. Only for the few places that must look before anyone is known (login, refresh
 * token lookup) and for platform-wide jobs; every use names why.
 */
export function systemScope(reason: string): Scope {
  return { path: '/', requestId: `system:${reason}` };
}

export async function inScope<T>(ds: DataSource, scope: Scope, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (!scope.path.startsWith('/')) throw new Error('a scope path starts with /');
  return ds.transaction(async (em) => {
    await em.query(
      `SELECT set_config('app.scope_path', $1, true), set_config('app.user_id', $2, true),
              set_config('app.request_id', $3, true)`,
      [scope.path, scope.userId ?? '', scope.requestId ?? ''],
    );
    return work(em);
  });
}

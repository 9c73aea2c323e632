import { Logger } from '@nestjs/common';
import { inScope, returnedRows, systemScope, type DataSource } from '@guanai/db';

/**
 * Deletes sessions that ended (revoked or expired) more than N days ago, with their refresh tokens.
 * A platform-wide job, so it runs in the system scope and says so.
 */
export async function cleanupSessions(ds: DataSource, olderThanDays: number): Promise<number> {
  const deleted = await inScope(ds, systemScope('sessions-cleanup'), async (em) => {
    const rows = returnedRows(
      await em.query(
      `DELETE FROM sessions
       WHERE coalesce(revoked_at, expires_at) < now() - make_interval(days => $1) RETURNING id`,
        [olderThanDays],
      ),
    );
    return rows.length;
  });
  new Logger('sessions.cleanup').log(`deleted ${deleted} ended sessions`);
  return deleted;
}

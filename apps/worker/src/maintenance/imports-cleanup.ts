import { Logger } from '@nestjs/common';
import { inScope, returnedRows, systemScope, type DataSource } from '@guanai/db';

export interface ImportsCleanup {
  /** Uploaded but not imported (still at the mapping step, or failed) and untouched for this many days. */
  abandonedAfterDays: number;
  /** How long the rejected rows of a finished import stay downloadable. */
  rejectsKeptDays: number;
}

/** Shown on an import whose file was removed, in the SPA's language of record (Chinese). */
export const EXPIRED_ERROR = '上传后长期未导入，文件已按规定删除，请重新上传';

/**
 * An uploaded roster is personal data held for one purpose: once an import is abandoned, its sealed
 * file goes; once a finished import's rejected rows have had their time, they go too. The import's
 * record (name, counts, who and when) stays for the audit trail. A platform-wide job: system scope.
 */
export async function cleanupTeacherImports(ds: DataSource, opts: ImportsCleanup): Promise<{ expired: number; rejectsCleared: number }> {
  const result = await inScope(ds, systemScope('imports-cleanup'), async (em) => {
    const expired = returnedRows(
      await em.query(
        `UPDATE teacher_imports SET file_enc = NULL, status = 'failed', error = $2, updated_at = now(), version = version + 1
          WHERE status IN ('mapping', 'failed') AND file_enc IS NOT NULL
            AND updated_at < now() - make_interval(days => $1)
          RETURNING id`,
        [opts.abandonedAfterDays, EXPIRED_ERROR],
      ),
    ).length;
    const rejectsCleared = returnedRows(
      await em.query(
        `UPDATE teacher_imports SET rejects_enc = NULL, updated_at = now(), version = version + 1
          WHERE status = 'done' AND rejects_enc IS NOT NULL
            AND finished_at < now() - make_interval(days => $1)
          RETURNING id`,
        [opts.rejectsKeptDays],
      ),
    ).length;
    return { expired, rejectsCleared };
  });
  new Logger('imports.cleanup').log(`expired ${result.expired} abandoned uploads, cleared ${result.rejectsCleared} rejects`);
  return result;
}

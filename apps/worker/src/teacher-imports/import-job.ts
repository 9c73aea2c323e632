import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DataSource,
  FieldCipher,
  IMPORT_JOB_ATTEMPTS,
  importDigest,
  importsRepo,
  inScope,
  isBlankRow,
  lockExistingTeachers,
  missingImportFields,
  openFile,
  openSpreadsheet,
  parseFieldKeys,
  sealRejects,
  SpreadsheetError,
  systemScope,
  TeacherSealer,
  teacherKey,
  upsertTeacherParams,
  type EntityManager,
  type ExistingTeacher,
  type ImportProblem,
  type ImportReject,
  type MergedRange,
  type Scope,
  type Config,
  type SealJob,
  type TeacherImportRow,
  type UpsertCounts,
} from '@guanai/db';
import { todayInShanghai } from '@guanai/domain';
import { CONFIG } from '../config';
import { IMPORT_UPDATE_COLUMNS, mergeIntoExisting } from './merge';
import { reason } from './reasons';
import { buildRow, cellTexts, UnitDirectory, type UnitInfo, type ValidRow } from './row';

/** Rows per INSERT … ON CONFLICT statement (unnest arrays: one parameter per column, any count). */
const BATCH_ROWS = 1000;
/** Batches read ahead of the database: enough to keep it busy, few enough to bound memory. */
const BATCHES_IN_FLIGHT = 3;
/** The SPA polls about once a second; progress is written about every this many rows. */
const PROGRESS_EVERY = 1000;

/** What the SPA shows when the import fails for a reason inside the file (never a stack trace). */
const FILE_ERRORS: Record<SpreadsheetError['problem'], string> = {
  EMPTY: '文件是空的',
  NOT_SPREADSHEET: '文件不是 .xlsx 或 .csv 表格',
  LEGACY_OR_ENCRYPTED: '不支持旧版 .xls 或加密的工作簿，请另存为 .xlsx',
  UNREADABLE: '无法读取该文件，文件可能已损坏',
  TOO_BIG_UNCOMPRESSED: '表格解压后过大，已拒绝',
  TOO_MANY_ROWS: '表格行数超过上限',
  ENCODING: '无法识别文件编码，请保存为 UTF-8 或 GBK 编码',
  NO_HEADER: '没有找到表头行',
  NO_ROWS: '表格中没有数据行',
};

class PermanentFailure extends Error {}

/**
 * Runs one teacher import (job `imports/teachers.import`). Every valid row is written in ONE
 * transaction, with the result on the import's row: an import that fails or is interrupted leaves
 * nothing written, and its retry starts from the first row again (rows already like the file count
 * as unchanged, thanks to the import digest). Progress goes through short transactions of its own.
 */
@Injectable()
export class TeacherImportJob {
  private readonly logger = new Logger('teachers.import');

  constructor(
    private readonly ds: DataSource,
    private readonly cipher: FieldCipher,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async run(importId: string): Promise<void> {
    // The system scope only to learn whose import it is; everything else runs in that tenant's scope.
    const found = await inScope(this.ds, systemScope('teachers.import:locate'), (em) =>
      importsRepo.locate(em, importId),
    );
    if (!found || found.status === 'done' || found.status === 'mapping' || found.status === 'failed') {
      this.logger.log(`import ${importId}: nothing to do (${found?.status ?? 'not found'})`);
      return;
    }
    const scope: Scope = {
      path: found.org_path,
      userId: found.created_by,
      requestId: `job:teachers.import:${importId}`,
    };
    const started = await inScope(this.ds, scope, (em) => importsRepo.markRunning(em, importId));
    if (!started) return;
    const attempts = started.attempts;
    try {
      await inScope(this.ds, scope, (em) => this.importAll(em, scope, started));
    } catch (e) {
      const permanent = e instanceof SpreadsheetError || e instanceof PermanentFailure;
      const final = permanent || attempts >= IMPORT_JOB_ATTEMPTS;
      const message =
        e instanceof SpreadsheetError
          ? FILE_ERRORS[e.problem]
          : e instanceof PermanentFailure
            ? e.message
            : final
              ? '导入失败，未写入任何数据；请稍后重新开始导入'
              : `导入中断，未写入任何数据，正在自动重试（第 ${attempts} 次失败）`;
      this.logger.warn(
        `import ${importId} attempt ${attempts} failed${final ? ' for good' : ''}: ${(e as Error).stack ?? e}`,
      );
      await inScope(this.ds, scope, (em) =>
        importsRepo.update(em, importId, {
          status: final ? 'failed' : 'queued',
          error: message,
          finished_at: final ? new Date() : undefined,
        }),
      );
      if (!permanent) throw e; // BullMQ retries while attempts remain
    }
  }

  private async importAll(em: EntityManager, scope: Scope, imp: TeacherImportRow): Promise<void> {
    const t0 = Date.now();
    const today = todayInShanghai();
    if (missingImportFields(imp.columns).length)
      throw new PermanentFailure('列对应关系不完整，请返回上一步补全');
    const sealed = await importsRepo.file(em, imp.id);
    if (!sealed) throw new PermanentFailure('上传的文件已不在，请重新上传');
    const reader = await openSpreadsheet(openFile(this.cipher, sealed), imp.header_row);
    const units: UnitInfo[] = await em.query(
      `SELECT id, tenant_id AS "tenantId", name, code, kind, active, rural FROM orgs WHERE starts_with(path, $1)`,
      [scope.path],
    );
    const ctx = { columns: imp.columns, units: new UnitDirectory(units), today, date1904: reader.date1904 };

    const rejects: ImportReject[] = [];
    const firstRowOf = new Map<string, number>();
    const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
    let dataRows = 0;
    let batch: ValidRow[] = [];
    // A batch's queries (its existing records, then its upsert) queue on the transaction's one
    // connection while this thread reads and checks the next rows and the sealer thread seals; the
    // batches hold disjoint ID numbers, so their order does not matter. A few in flight bound memory.
    const { keys, current } = parseFieldKeys(this.config);
    const sealer = TeacherSealer.start(this.cipher, { keys, current, hashKey: this.config.LOOKUP_HASH_KEY });
    const inflight: Promise<void>[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      const existing = this.lockExisting(em, rows);
      const write = existing.then((found) =>
        this.writeBatch(em, sealer, rows, found, today, counts, rejects, imp),
      );
      write.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      inflight.push(write);
      if (inflight.length >= BATCHES_IN_FLIGHT) await inflight.shift();
    };
    const progress = new ProgressReporter(this.ds, scope, imp.id, this.logger);

    try {
      for await (const r of reader.rows) {
        if (isBlankRow(r.cells)) continue;
        dataRows++;
        const built = buildRow(r.row, r.cells, ctx);
        // The first row with an ID number keeps it; later ones are refused, naming that row.
        const first = built.idNumber ? firstRowOf.get(built.idNumber) : undefined;
        if (built.idNumber && first === undefined) firstRowOf.set(built.idNumber, r.row);
        const duplicate: ImportProblem | undefined =
          first === undefined
            ? undefined
            : {
                column: headerOf(imp, 'idNumber'),
                field: 'idNumber',
                code: 'DUPLICATE_IN_FILE',
                ...reason('DUPLICATE_IN_FILE', { row: first }),
              };
        if (!built.ok || duplicate) {
          const problems = built.ok ? [] : built.problems;
          const cells = built.ok ? cellTexts(imp.columns, built.value.cells) : built.cells;
          rejects.push({ row: r.row, problems: duplicate ? [duplicate, ...problems] : problems, cells });
        } else {
          batch.push(built.value);
          if (batch.length >= BATCH_ROWS) await flush();
        }
        if (dataRows % PROGRESS_EVERY === 0) progress.report(dataRows);
      }
      await flush();
      await Promise.all(inflight);
    } finally {
      await sealer.close();
    }
    await progress.settle();

    explainMerged(rejects, reader.merges, imp);
    rejects.sort((a, b) => a.row - b.row);
    await importsRepo.update(em, imp.id, {
      status: 'done',
      total: dataRows,
      processed: dataRows,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: rejects.length,
      rejects_enc: rejects.length
        ? sealRejects(this.cipher, { headers: imp.columns.map((c) => c.header), rows: rejects })
        : null,
      file_enc: null,
      error: null,
      finished_at: new Date(),
    });
    // One event for the whole import: counts, never the rows' personal data.
    await em.query(
      `INSERT INTO audit_events (org_id, actor_id, actor_name, action, target_type, target_id, after, request_id)
       VALUES ($1, $2, (SELECT username FROM users WHERE id = $2), 'teacher.import', 'teacher_import', $3, $4, $5)`,
      [
        imp.org_id,
        imp.created_by,
        imp.id,
        JSON.stringify({ fileName: imp.file_name, ...counts, rejected: rejects.length, total: dataRows }),
        scope.requestId,
      ],
    );
    this.logger.log(
      `import ${imp.id}: ${dataRows} rows in ${Date.now() - t0} ms: ${counts.created} created, ${counts.updated} updated, ` +
        `${counts.unchanged} unchanged, ${rejects.length} rejected`,
    );
  }

  /** The records a batch names that exist already, locked for the rest of the transaction. */
  private lockExisting(em: EntityManager, rows: ValidRow[]): Promise<Map<string, ExistingTeacher>> {
    return lockExistingTeachers(
      em,
      rows.map((row) => ({
        tenantId: row.unit.tenantId,
        idHash: (row.idHash ??= this.cipher.lookupHash(row.record.idNumber)),
      })),
    );
  }

  /** Existing records are merged, unchanged ones skipped, the rest sealed (on the sealer's thread) and upserted. */
  private async writeBatch(
    em: EntityManager,
    sealer: TeacherSealer,
    rows: ValidRow[],
    existing: Map<string, ExistingTeacher>,
    today: string,
    counts: UpsertCounts,
    rejects: ImportReject[],
    imp: TeacherImportRow,
  ): Promise<void> {
    const jobs: SealJob[] = [];
    for (const row of rows) {
      const digest = importDigest(this.cipher, row.canonical);
      const known = existing.get(teacherKey(row.unit.tenantId, row.idHash!));
      if (known && known.import_digest === digest) {
        counts.unchanged++;
        continue;
      }
      if (!known) {
        jobs.push({
          record: row.record,
          unit: row.unit,
          opts: { id: randomUUID(), importDigest: digest, idHash: row.idHash },
        });
        continue;
      }
      const merged = mergeIntoExisting(row, known, today);
      if (Array.isArray(merged)) {
        // Valid alone, contradictory with what the record already holds (e.g. 到校时间 before the new 从教时间).
        rejects.push({
          row: row.row,
          cells: cellTexts(imp.columns, row.cells),
          problems: merged.map((p) => ({
            column: headerOf(imp, FIELD_OF[p.field]),
            field: FIELD_OF[p.field],
            code: p.code,
            ...reason(p.code),
          })),
        });
        continue;
      }
      jobs.push({
        record: merged.record,
        unit: row.unit,
        opts: { id: known.id, postings: merged.postings, importDigest: digest, idHash: row.idHash },
        keep: merged.keep,
      });
    }
    if (!jobs.length) return;
    const params = await sealer.seal(jobs);
    const result = await upsertTeacherParams(em, params, jobs.length, IMPORT_UPDATE_COLUMNS);
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
  }
}

const FIELD_OF = {
  idNumber: 'idNumber',
  birthDate: 'birthDate',
  sex: 'sex',
  teachingSince: 'teachingSince',
  joinedSchoolOn: 'joinedSchoolOn',
  unionJoinedOn: 'unionJoinedOn',
  titles: 'titleSince',
  positionSince: 'positionSince',
} as const;

function headerOf(imp: TeacherImportRow, field: string): string | null {
  return imp.columns.find((c) => c.field === field)?.header ?? null;
}

/**
 * A merged range's value lives in its top-left cell only; the other cells read as empty. When a
 * required cell is empty for that reason, the reject says so (mergeCells follow the rows in the file).
 */
function explainMerged(rejects: ImportReject[], merges: readonly MergedRange[], imp: TeacherImportRow): void {
  if (!merges.length) return;
  for (const r of rejects) {
    for (const p of r.problems) {
      if ((p.code !== 'REQUIRED' && p.code !== 'ORG_REQUIRED') || !p.field) continue;
      const col = imp.columns.findIndex((c) => c.field === p.field) + 1;
      const m = merges.find(
        (x) =>
          x.top <= r.row &&
          r.row <= x.bottom &&
          x.left <= col &&
          col <= x.right &&
          !(x.top === r.row && x.left === col),
      );
      if (m) Object.assign(p, { code: 'REQUIRED_MERGED', ...reason('REQUIRED_MERGED', { ref: m.ref }) });
    }
  }
}

/** Writes `processed` in its own short transaction, at most one at a time, never holding up the import. */
class ProgressReporter {
  private inflight: Promise<void> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly scope: Scope,
    private readonly id: string,
    private readonly logger: Logger,
  ) {}

  report(processed: number): void {
    if (this.inflight) return;
    this.inflight = inScope(this.ds, this.scope, (em) => importsRepo.progress(em, this.id, processed))
      .catch((e: Error) => this.logger.warn(`progress of ${this.id}: ${e.message}`))
      .finally(() => (this.inflight = null));
  }

  async settle(): Promise<void> {
    await this.inflight;
  }
}

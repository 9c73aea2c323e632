import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { TEACHER_IMPORT_HEADERS, type ImportMappingRequest, type TeacherImport } from '@guanai/contracts';
import {
  autoMapColumns,
  DataSource,
  DEFAULT_SPREADSHEET_LIMITS,
  FieldCipher,
  IMPORT_JOB_OPTIONS,
  importJobId,
  importsRepo,
  inScope,
  inspectSpreadsheet,
  missingImportFields,
  openRejects,
  sealFile,
  SpreadsheetError,
  type EntityManager,
  type ImportColumn,
  type SpreadsheetProblem,
  type TeacherImportRow,
} from '@guanai/db';
import { AppError } from '../common/app-error';
import type { UploadedFile } from '../common/upload.interceptor';
import type { ErrorCode } from '../common/messages';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { attachment, templateWorkbook, writeRejectsWorkbook, XLSX } from './workbooks';

/** An upload as multer hands it over (memory storage). */
export type { UploadedFile };

const FILE_PROBLEMS: Record<SpreadsheetProblem, ErrorCode> = {
  EMPTY: 'IMPORT_FILE_EMPTY',
  NOT_SPREADSHEET: 'IMPORT_FILE_NOT_SPREADSHEET',
  LEGACY_OR_ENCRYPTED: 'IMPORT_FILE_LEGACY',
  UNREADABLE: 'IMPORT_FILE_UNREADABLE',
  TOO_BIG_UNCOMPRESSED: 'IMPORT_FILE_TOO_BIG_UNCOMPRESSED',
  TOO_MANY_ROWS: 'IMPORT_TOO_MANY_ROWS',
  ENCODING: 'IMPORT_FILE_ENCODING',
  NO_HEADER: 'IMPORT_NO_HEADER',
  NO_ROWS: 'IMPORT_NO_ROWS',
};

/** A file name fit to keep and show: its last path segment, no control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.trim().slice(0, 255) || 'upload';
}

export function toTeacherImport(r: TeacherImportRow): TeacherImport {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    columns: r.columns,
    missingFields: missingImportFields(r.columns),
    total: r.total,
    processed: r.processed,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

/**
 * Teacher imports (教师批量导入) of the caller's tenant: upload (looked at here, at once: its kind,
 * header row and size, so a bad file is refused before anything is stored), mapping of the headers
 * to fields, start (a background job in the worker), result and rejected rows.
 */
@Injectable()
export class TeacherImportsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly ds: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async template(): Promise<Buffer> {
    const units: { code: string | null; name: string }[] = await this.ctx.em.query(
      `SELECT code, name FROM orgs WHERE starts_with(path, $1) AND kind IN ('school', 'department') AND active ORDER BY name`,
      [this.ctx.principal.orgPath],
    );
    return templateWorkbook(units);
  }

  async upload(file: UploadedFile | undefined): Promise<TeacherImport> {
    if (!file) throw new AppError('IMPORT_FILE_MISSING');
    if (file.size === 0 || file.buffer.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
    let overview;
    try {
      overview = await inspectSpreadsheet(file.buffer);
    } catch (e) {
      if (e instanceof SpreadsheetError)
        throw new AppError(FILE_PROBLEMS[e.problem], { params: { max: DEFAULT_SPREADSHEET_LIMITS.maxRows } });
      throw e;
    }
    const p = this.ctx.principal;
    const row = await importsRepo.insert(this.ctx.em, {
      orgId: p.orgId,
      createdBy: p.userId,
      fileName: cleanFileName(file.originalname),
      fileFormat: overview.format,
      fileEncoding: overview.encoding,
      fileSize: file.size,
      fileEnc: sealFile(this.cipher, file.buffer),
      headerRow: overview.headerRow,
      columns: autoMapColumns(overview.headers),
      total: overview.dataRows,
    });
    await this.audit.record({
      orgId: p.orgId,
      action: 'teacher_import.upload',
      targetType: 'teacher_import',
      targetId: row.id,
      after: { fileName: row.file_name, format: row.file_format, size: row.file_size, rows: row.total },
    });
    return toTeacherImport(row);
  }

  async get(id: string): Promise<TeacherImport> {
    return toTeacherImport(await this.require(this.ctx.em, id));
  }

  async map(id: string, input: ImportMappingRequest): Promise<TeacherImport> {
    const row = await this.require(this.ctx.em, id, true);
    if (row.status !== 'mapping' && row.status !== 'failed') throw new AppError('IMPORT_NOT_EDITABLE');
    const asked = new Map<string, ImportColumn['field']>();
    input.columns.forEach((c, i) => {
      if (!row.columns.some((x) => x.header === c.header))
        throw new AppError('IMPORT_UNKNOWN_HEADER', {
          params: { header: c.header },
          fields: [
            { path: `body.columns.${i}.header`, code: 'IMPORT_UNKNOWN_HEADER', params: { header: c.header } },
          ],
        });
      asked.set(c.header, c.field);
    });
    const columns = row.columns.map((c) => ({
      header: c.header,
      field: asked.has(c.header) ? asked.get(c.header)! : c.field,
    }));
    const seen = new Set<string>();
    for (const c of columns) {
      if (!c.field) continue;
      if (seen.has(c.field))
        throw new AppError('IMPORT_FIELD_MAPPED_TWICE', {
          params: { field: TEACHER_IMPORT_HEADERS[c.field][0] },
        });
      seen.add(c.field);
    }
    const updated = await importsRepo.update(this.ctx.em, id, { columns: JSON.stringify(columns) });
    return toTeacherImport(updated!);
  }

  /**
   * Queues the import. The state change commits in a transaction of its own before the job is
   * enqueued, so the worker never picks up a job whose import still looks unstarted. Starting one
   * that is queued, running or done changes nothing.
   */
  async start(id: string): Promise<TeacherImport> {
    const p = this.ctx.principal;
    const scope = { path: p.orgPath, userId: p.userId, requestId: this.ctx.requestId };
    const { row, queued, before } = await inScope(this.ds, scope, async (em) => {
      const current = await this.require(em, id, true);
      if (current.status !== 'mapping' && current.status !== 'failed')
        return { row: current, queued: false, before: current };
      // The maintenance job removes the files of abandoned imports (worker imports-cleanup).
      if ((await importsRepo.file(em, id)) === null) throw new AppError('IMPORT_FILE_EXPIRED');
      const missing = missingImportFields(current.columns);
      if (missing.length)
        throw new AppError('IMPORT_MAPPING_INCOMPLETE', {
          params: { fields: missing.map((f) => TEACHER_IMPORT_HEADERS[f][0]).join('、') },
          allowed: missing,
        });
      const next = await importsRepo.update(em, id, {
        status: 'queued',
        job_id: importJobId(id, current.version + 1),
        attempts: 0,
        processed: 0,
        error: null,
        finished_at: null,
      });
      await this.audit.record(
        { orgId: current.org_id, action: 'teacher_import.start', targetType: 'teacher_import', targetId: id },
        em,
      );
      return { row: next!, queued: true, before: current };
    });
    if (!queued) return toTeacherImport(row);
    try {
      await this.jobs.add(
        'imports',
        'teachers.import',
        { importId: id },
        { ...IMPORT_JOB_OPTIONS, jobId: row.job_id! },
      );
    } catch (e) {
      // Without its job the import would wait for ever: put it back as it was and say so.
      await inScope(this.ds, scope, (em) =>
        importsRepo.update(em, id, { status: before.status, job_id: before.job_id }),
      );
      throw Object.assign(new AppError('UNAVAILABLE'), { cause: e });
    }
    return toTeacherImport(row);
  }

  /** Streams the rejected rows; only once the import is done. */
  async rejects(id: string, res: Response): Promise<void> {
    const row = await this.require(this.ctx.em, id);
    if (row.status !== 'done') throw new AppError('IMPORT_NOT_FINISHED');
    const sealed = await importsRepo.rejects(this.ctx.em, id);
    if (!sealed && row.rejected > 0) throw new AppError('IMPORT_REJECTS_EXPIRED');
    const rejects = sealed
      ? openRejects(this.cipher, sealed)
      : { headers: row.columns.map((c) => c.header), rows: [] };
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader(
      'Content-Disposition',
      attachment('rejected-rows.xlsx', `未通过的行-${row.file_name.replace(/\.(xlsx|csv)$/i, '')}.xlsx`),
    );
    res.setHeader('Cache-Control', 'no-store');
    await writeRejectsWorkbook(res, rejects);
  }

  private async require(em: EntityManager, id: string, lock = false): Promise<TeacherImportRow> {
    const row = await importsRepo.find(em, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }
}

// SQL for teacher_imports, shared by the API (upload, mapping, start, result) and the worker (the run).
import type { ImportField } from '@guanai/contracts';
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../crypto/field-cipher';
import { returnedRows } from '../tenancy/returning';
import type { ImportColumn } from './import-columns';

export type ImportStatus = 'mapping' | 'queued' | 'running' | 'done' | 'failed';

/** The upload limit: multer refuses more, and the table's CHECK says the same. */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Runs of one import before it is marked failed (BullMQ attempts; the worker counts them on the row). */
export const IMPORT_JOB_ATTEMPTS = 3;
export const IMPORT_JOB_BACKOFF_MS = 3_000;
/** BullMQ options of every `imports/teachers.import` job, from the API and from the worker's reconcile. */
export const IMPORT_JOB_OPTIONS = {
  attempts: IMPORT_JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: IMPORT_JOB_BACKOFF_MS },
  removeOnComplete: 1000,
  removeOnFail: 1000,
} as const;
/** Deterministic per start, so a repeated enqueue is a no-op and a restart after failure a new job. */
export const importJobId = (importId: string, version: number) => `teacher-import-${importId}-${version}`;

export interface TeacherImportRow {
  id: string;
  org_id: string;
  created_by: string | null;
  file_name: string;
  file_format: 'xlsx' | 'csv';
  file_encoding: string | null;
  file_size: number;
  header_row: number;
  columns: ImportColumn[];
  status: ImportStatus;
  job_id: string | null;
  attempts: number;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  version: number;
}

/** One problem of a rejected row, with its reason in both languages. */
export interface ImportProblem {
  /** The file's header of the offending column; null when the row as a whole is at fault. */
  column: string | null;
  field: ImportField | null;
  code: string;
  zh: string;
  en: string;
}

export interface ImportReject {
  /** The row's number in the file, as the spreadsheet shows it. */
  row: number;
  problems: ImportProblem[];
  /** The row's cells as text, by column. */
  cells: string[];
}

export interface ImportRejects {
  headers: string[];
  rows: ImportReject[];
}

const COLUMNS = `id, org_id, created_by, file_name, file_format, file_encoding, file_size, header_row, columns, status,
  job_id, attempts, total, processed, created, updated, unchanged, rejected, error, created_at, finished_at, version`;

/** An upload, base64 then sealed: the table holds no readable ID number. */
export const sealFile = (cipher: FieldCipher, file: Buffer) => cipher.encrypt(file.toString('base64'));
export const openFile = (cipher: FieldCipher, sealed: string) =>
  Buffer.from(cipher.decrypt(sealed), 'base64');
export const sealRejects = (cipher: FieldCipher, r: ImportRejects) => cipher.encrypt(JSON.stringify(r));
export const openRejects = (cipher: FieldCipher, sealed: string): ImportRejects =>
  JSON.parse(cipher.decrypt(sealed));

export interface NewImport {
  orgId: string;
  createdBy: string;
  fileName: string;
  fileFormat: 'xlsx' | 'csv';
  fileEncoding: string | null;
  fileSize: number;
  fileEnc: string;
  headerRow: number;
  columns: ImportColumn[];
  total: number;
}

export const importsRepo = {
  async insert(em: EntityManager, v: NewImport): Promise<TeacherImportRow> {
    const [row] = await em.query(
      `INSERT INTO teacher_imports (org_id, created_by, file_name, file_format, file_encoding, file_size, file_enc,
         header_row, columns, total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        v.orgId,
        v.createdBy,
        v.fileName,
        v.fileFormat,
        v.fileEncoding,
        v.fileSize,
        v.fileEnc,
        v.headerRow,
        JSON.stringify(v.columns),
        v.total,
      ],
    );
    return row;
  },

  async find(em: EntityManager, id: string, lock = false): Promise<TeacherImportRow | undefined> {
    const [row] = await em.query(
      `SELECT ${COLUMNS} FROM teacher_imports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  },

  async update(
    em: EntityManager,
    id: string,
    set: Record<string, unknown>,
  ): Promise<TeacherImportRow | undefined> {
    const entries = Object.entries(set).filter(([, v]) => v !== undefined);
    const assignments = entries.map(([k], i) => `${k} = $${i + 2}`);
    const rows = returnedRows<TeacherImportRow>(
      await em.query(
        `UPDATE teacher_imports SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, ...entries.map(([, v]) => v)],
      ),
    );
    return rows[0];
  },

  /** A run begins (again): counted, progress reset. Undefined when the import is not waiting or running. */
  async markRunning(em: EntityManager, id: string): Promise<TeacherImportRow | undefined> {
    const rows = returnedRows<TeacherImportRow>(
      await em.query(
        `UPDATE teacher_imports SET status = 'running', attempts = attempts + 1, started_at = now(), processed = 0,
           error = NULL, version = version + 1, updated_at = now()
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
        [id],
      ),
    );
    return rows[0];
  },

  /** Progress only: no version bump, so the SPA's polling and the mapping's version stay apart. */
  async progress(em: EntityManager, id: string, processed: number): Promise<void> {
    await em.query(
      `UPDATE teacher_imports SET processed = $2, updated_at = now() WHERE id = $1 AND status = 'running'`,
      [id, processed],
    );
  },

  async file(em: EntityManager, id: string): Promise<string | null> {
    const [row] = await em.query(`SELECT file_enc FROM teacher_imports WHERE id = $1`, [id]);
    return row?.file_enc ?? null;
  },

  async rejects(em: EntityManager, id: string): Promise<string | null> {
    const [row] = await em.query(`SELECT rejects_enc FROM teacher_imports WHERE id = $1`, [id]);
    return row?.rejects_enc ?? null;
  },

  /** For the worker, in the system scope: which tenant an import belongs to. */
  async locate(
    em: EntityManager,
    id: string,
  ): Promise<{ id: string; org_path: string; created_by: string | null; status: ImportStatus } | undefined> {
    const [row] = await em.query(
      `SELECT i.id, o.path AS org_path, i.created_by, i.status FROM teacher_imports i JOIN orgs o ON o.id = i.org_id WHERE i.id = $1`,
      [id],
    );
    return row;
  },

  /** Imports waiting or running, for the worker's reconcile at boot (system scope). */
  async pending(
    em: EntityManager,
  ): Promise<{ id: string; org_path: string; status: ImportStatus; job_id: string | null }[]> {
    return em.query(
      `SELECT i.id, o.path AS org_path, i.status, i.job_id FROM teacher_imports i JOIN orgs o ON o.id = i.org_id
       WHERE i.status IN ('queued', 'running')`,
    );
  },
};

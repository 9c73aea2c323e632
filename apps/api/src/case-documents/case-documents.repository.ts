import type { CaseDocument, CaseDocumentKind } from '@guanai/contracts';
import { returnedRows, type EntityManager } from '@guanai/db';
import type { CaseState } from '@guanai/domain';

export interface DocumentRow {
  id: string;
  case_id: string;
  org_id: string;
  kind: CaseDocumentKind;
  file_name: string;
  content_type: CaseDocument['contentType'];
  size: number;
  sha256: string;
  store_key: string;
  shared_with_applicant: boolean;
  by_applicant: boolean;
  uploaded_by_name: string | null;
  created_at: Date;
}

/** The case a document hangs on: its tenant (the rows' org_id) and its state. */
export interface CaseRef {
  id: string;
  org_id: string;
  state: CaseState;
}

export const toCaseDocument = (r: DocumentRow): CaseDocument => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  sharedWithApplicant: r.shared_with_applicant,
  uploadedByApplicant: r.by_applicant,
  uploadedBy: r.uploaded_by_name,
  uploadedAt: new Date(r.created_at).toISOString(),
});

const COLUMNS = `d.id, d.case_id, d.org_id, d.kind, d.file_name, d.content_type, d.size, d.sha256, d.store_key,
  d.shared_with_applicant, d.by_applicant, d.uploaded_by_name, d.created_at`;

/** SQL for case documents; live rows only (a removed one stays for the record, out of every answer). */
export const caseDocumentsRepo = {
  /** A case in the handler's scope. */
  async caseInScope(em: EntityManager, scope: string, id: string): Promise<CaseRef | undefined> {
    const [row] = await em.query(
      `SELECT c.id, c.org_id, c.state FROM dispute_cases c JOIN orgs o ON o.id = c.org_id
        WHERE c.id = $2 AND starts_with(o.path, $1)`,
      [scope, id],
    );
    return row;
  },

  /** A case whose applicants include the teacher linked to `userId` (read through the applicant policy). */
  async caseOfApplicant(em: EntityManager, userId: string, id: string): Promise<CaseRef | undefined> {
    const [row] = await em.query(
      `SELECT c.id, c.org_id, c.state FROM dispute_cases c
        WHERE c.id = $2 AND c.id IN (SELECT a.case_id FROM dispute_case_applicants a
          JOIN teachers t ON t.id = a.teacher_id WHERE t.linked_user_id = $1)`,
      [userId, id],
    );
    return row;
  },

  list(em: EntityManager, caseId: string, sharedOnly: boolean): Promise<DocumentRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM case_documents d
        WHERE d.case_id = $1 AND d.deleted_at IS NULL${sharedOnly ? ' AND d.shared_with_applicant' : ''}
        ORDER BY d.created_at, d.id`,
      [caseId],
    );
  },

  async find(
    em: EntityManager,
    caseId: string,
    id: string,
    sharedOnly: boolean,
    lock = false,
  ): Promise<DocumentRow | undefined> {
    const [row] = await em.query(
      `SELECT ${COLUMNS} FROM case_documents d
        WHERE d.id = $2 AND d.case_id = $1 AND d.deleted_at IS NULL${sharedOnly ? ' AND d.shared_with_applicant' : ''}
        ${lock ? 'FOR UPDATE' : ''}`,
      [caseId, id],
    );
    return row;
  },

  async count(em: EntityManager, caseId: string): Promise<number> {
    const [{ n }] = await em.query(
      `SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1 AND deleted_at IS NULL`,
      [caseId],
    );
    return n;
  },

  async insert(
    em: EntityManager,
    d: Omit<DocumentRow, 'created_at'> & { uploaded_by: string },
  ): Promise<DocumentRow> {
    const [row] = await em.query(
      `INSERT INTO case_documents AS d (id, case_id, org_id, kind, file_name, content_type, size, sha256, store_key,
         shared_with_applicant, by_applicant, uploaded_by, uploaded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
      [
        d.id,
        d.case_id,
        d.org_id,
        d.kind,
        d.file_name,
        d.content_type,
        d.size,
        d.sha256,
        d.store_key,
        d.shared_with_applicant,
        d.by_applicant,
        d.uploaded_by,
        d.uploaded_by_name,
      ],
    );
    return row;
  },

  async update(
    em: EntityManager,
    id: string,
    set: { kind: CaseDocumentKind; shared_with_applicant: boolean },
  ): Promise<DocumentRow> {
    const [row] = returnedRows<DocumentRow>(
      await em.query(
        `UPDATE case_documents d SET kind = $2, shared_with_applicant = $3, updated_at = now()
          WHERE d.id = $1 RETURNING ${COLUMNS}`,
        [id, set.kind, set.shared_with_applicant],
      ),
    );
    return row!;
  },

  async markDeleted(em: EntityManager, id: string, by: string): Promise<void> {
    await em.query(`UPDATE case_documents SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [id, by]);
  },
};

import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CareAttachment } from '@guanai/contracts';
import { FieldCipher } from '@guanai/db';
import { MAX_CARE_ATTACHMENTS } from '@guanai/contracts';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import type { UploadedFile } from '../common/upload.interceptor';
import { AuditService } from '../audit/audit.service';
import { attachment } from '../teacher-imports/workbooks';
import { cleanName, sniff } from '../files/file-types';
import { careRecordsRepo } from './care-records.repository';

interface AttachmentRow {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by_name: string | null;
  created_at: Date;
}

const toAttachment = (r: AttachmentRow): CareAttachment => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  uploadedBy: r.uploaded_by_name,
  uploadedAt: new Date(r.created_at).toISOString(),
});

const LIST = `SELECT a.id, a.file_name, a.content_type, a.size, u.display_name AS uploaded_by_name, a.created_at
  FROM care_attachments a LEFT JOIN users u ON u.id = a.uploaded_by`;

/**
 * Files kept with a care record. The bytes are sealed like the registry's sensitive fields; every
 * upload, download and removal is in the audit log (a receipt may show a teacher's illness).
 */
@Injectable()
export class CareAttachmentsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async list(recordId: string): Promise<{ items: CareAttachment[] }> {
    await this.requireRecord(recordId);
    const rows: AttachmentRow[] = await this.ctx.em.query(
      `${LIST} WHERE a.record_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at`,
      [recordId],
    );
    return { items: rows.map(toAttachment) };
  }

  async upload(recordId: string, file: UploadedFile | undefined): Promise<CareAttachment> {
    if (!file || file.size === 0) throw new AppError('IMPORT_FILE_MISSING');
    const record = await this.requireRecord(recordId, true);
    const name = cleanName(file.originalname);
    const type = sniff(file.buffer, name);
    if (!type) throw new AppError('CARE_ATTACHMENT_TYPE');
    const [{ n }] = await this.ctx.em.query(
      `SELECT count(*)::int AS n FROM care_attachments WHERE record_id = $1 AND deleted_at IS NULL`,
      [recordId],
    );
    if (n >= MAX_CARE_ATTACHMENTS) throw new AppError('CARE_ATTACHMENTS_FULL');
    const [{ id }] = await this.ctx.em.query(
      `INSERT INTO care_attachments (record_id, org_id, file_name, content_type, size, data_enc, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        recordId,
        record.org_id,
        name,
        type,
        file.size,
        this.cipher.encrypt(file.buffer.toString('base64')),
        this.ctx.principal.userId,
      ],
    );
    await this.audit.record({
      orgId: record.org_id,
      action: 'care.attachment_add',
      targetType: 'care_record',
      targetId: recordId,
      after: { attachmentId: id, fileName: name, size: file.size },
    });
    const [row] = await this.ctx.em.query(`${LIST} WHERE a.id = $1`, [id]);
    return toAttachment(row);
  }

  async download(recordId: string, attachmentId: string, res: Response): Promise<void> {
    const record = await this.requireRecord(recordId);
    const [row] = await this.ctx.em.query(
      `SELECT file_name, content_type, data_enc FROM care_attachments WHERE id = $1 AND record_id = $2 AND deleted_at IS NULL`,
      [attachmentId, recordId],
    );
    if (!row) throw AppError.notFound();
    await this.audit.record({
      orgId: record.org_id,
      action: 'care.attachment_download',
      targetType: 'care_record',
      targetId: recordId,
      after: { attachmentId, fileName: row.file_name },
    });
    const bytes = Buffer.from(this.cipher.decrypt(row.data_enc), 'base64');
    res
      .status(200)
      .type(row.content_type)
      .setHeader('Content-Disposition', attachment('attachment', row.file_name))
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Content-Type-Options', 'nosniff');
    res.send(bytes);
  }

  async remove(recordId: string, attachmentId: string, reason: string): Promise<{ ok: true }> {
    const record = await this.requireRecord(recordId, true);
    const [row] = await this.ctx.em.query(
      `SELECT file_name FROM care_attachments WHERE id = $1 AND record_id = $2 AND deleted_at IS NULL`,
      [attachmentId, recordId],
    );
    if (!row) throw AppError.notFound();
    // The sealed bytes go; the row stays so the audit trail can name what was removed.
    await this.ctx.em.query(
      `UPDATE care_attachments SET deleted_at = now(), deleted_by = $2, delete_reason = $3, data_enc = '' WHERE id = $1`,
      [attachmentId, this.ctx.principal.userId, reason],
    );
    await this.audit.record({
      orgId: record.org_id,
      action: 'care.attachment_delete',
      targetType: 'care_record',
      targetId: recordId,
      after: { attachmentId, fileName: row.file_name, reason },
    });
    return { ok: true };
  }

  /** A live record in the caller's scope (deleted ones and others' answer 404). */
  private async requireRecord(id: string, lock = false) {
    const row = await careRecordsRepo.find(this.ctx.em, this.ctx.principal.orgPath, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }
}

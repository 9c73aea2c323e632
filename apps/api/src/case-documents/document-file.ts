import { createHash } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { ErrorCode } from '../common/messages';
import type { UploadedFile } from '../common/upload.interceptor';
import { cleanName, DOCX, JPEG, PDF, PNG, sniff, zipEntryNames } from '../files/file-types';

/** A refusal of the uploaded file, pointing at the multipart field. */
export const fileProblem = (code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError(code, { params, fields: [{ path: 'file', code, params }] });

/** The extensions each kept type may carry, the first being the one to suggest. */
const EXTENSIONS: Record<string, string[]> = {
  [PDF]: ['.pdf'],
  [JPEG]: ['.jpg', '.jpeg'],
  [PNG]: ['.png'],
  [DOCX]: ['.docx'],
};
const LABELS: Record<string, string> = { [PDF]: 'PDF', [JPEG]: 'JPEG', [PNG]: 'PNG', [DOCX]: 'Word (.docx)' };

// Bidirectional controls can make "evidence‮fdp.exe" read as "evidenceexe.pdf" in a list.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface InspectedFile {
  name: string;
  contentType: string;
  sha256: string;
}

/**
 * What an uploaded case document is, or why it is refused: present and not empty, a PDF, JPEG, PNG or
 * Word document by content (a .docx is a zip holding word/document.xml), and named for what it is.
 * A path in the name is dropped, not refused: `../../etc/passwd.pdf` is kept as `passwd.pdf`.
 */
export function inspectDocument(file: UploadedFile | undefined): InspectedFile {
  if (!file) throw fileProblem('CASE_DOCUMENT_FILE_MISSING');
  if (file.size === 0 || file.buffer.length === 0) throw fileProblem('CASE_DOCUMENT_EMPTY');
  const name = cleanName(file.originalname.replace(BIDI, ''), 'document');
  const type = sniff(file.buffer, name);
  if (!type || !EXTENSIONS[type]) throw fileProblem('CASE_DOCUMENT_TYPE');
  if (type === DOCX && !zipEntryNames(file.buffer)?.has('word/document.xml'))
    throw fileProblem('CASE_DOCUMENT_TYPE');
  const lower = name.toLowerCase();
  if (!EXTENSIONS[type]!.some((ext) => lower.endsWith(ext)))
    throw fileProblem('CASE_DOCUMENT_EXTENSION_MISMATCH', {
      actual: LABELS[type],
      expected: EXTENSIONS[type]![0],
    });
  return { name, contentType: type, sha256: createHash('sha256').update(file.buffer).digest('hex') };
}

/** An ASCII name for clients that ignore filename* (RFC 6266 §4.3), with the right extension. */
export const asciiFallback = (contentType: string) => `document${EXTENSIONS[contentType]?.[0] ?? ''}`;

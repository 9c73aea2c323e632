import { IMPORT_FIELDS, TEACHER_IMPORT_HEADERS, type ImportField } from '@guanai/contracts';

export interface ImportColumn {
  header: string;
  field: ImportField | null;
}

/** Fields a file must provide a column for (the school by code or by name: either will do). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'sex',
  'idNumber',
  'birthDate',
  'employmentType',
  'position',
  'stage',
  'teachingSince',
];

/**
 * How headers are compared: spaces (also full-width) and required-field marks (`*`, `（必填）`) dropped,
 * full-width ASCII folded to half-width, Latin letters lower-cased. `身份证号码 *` matches `身份证号码`.
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\((必填|选填|required|optional)\)/gi, '')
    .replace(/[\s\u3000*]+/g, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const h of [...TEACHER_IMPORT_HEADERS[field], field]) {
    const key = normaliseHeader(h);
    if (!BY_HEADER.has(key)) BY_HEADER.set(key, field);
  }
}

/** The field a header names, by the template's and the common alternative spellings. */
export function fieldForHeader(header: string): ImportField | null {
  return BY_HEADER.get(normaliseHeader(header)) ?? null;
}

/**
 * The file's header cells as unique, non-empty names (the mapping step addresses columns by name):
 * a blank header becomes `第N列`, a repeated one gets ` (2)`, ` (3)`…
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const base =
      raw
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, 100) || `第${i + 1}列`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Maps each header to its field; a field claimed by an earlier column leaves later ones unmapped. */
export function autoMapColumns(headers: readonly string[]): ImportColumn[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field)) return { header, field: null };
    taken.add(field);
    return { header, field };
  });
}

/** Required fields no column gives; the school counts as given by either its code or its name. */
export function missingImportFields(columns: readonly ImportColumn[]): ImportField[] {
  const mapped = new Set(columns.map((c) => c.field));
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapped.has(f));
  if (!mapped.has('orgCode') && !mapped.has('orgName')) missing.push('orgName');
  return missing;
}

/** How many known headers a row holds: the header row is the first with at least two. */
export function knownHeaderCount(cells: readonly string[]): number {
  return new Set(cells.map(fieldForHeader).filter((f) => f !== null)).size;
}

/**
 * Why an uploaded file cannot be read as a spreadsheet. The API answers these as 422 (never 500), and
 * the worker records them as an import's error; neither ever writes a row from such a file.
 */
export type SpreadsheetProblem =
  | 'EMPTY'
  | 'NOT_SPREADSHEET'
  /** The OLE2 container of a legacy .xls or of a password-protected workbook. */
  | 'LEGACY_OR_ENCRYPTED'
  | 'UNREADABLE'
  /** More decompressed bytes than the limit: a zip bomb, or a sheet far larger than any roster. */
  | 'TOO_BIG_UNCOMPRESSED'
  | 'TOO_MANY_ROWS'
  | 'ENCODING'
  | 'NO_HEADER'
  | 'NO_ROWS';

export class SpreadsheetError extends Error {
  constructor(
    readonly problem: SpreadsheetProblem,
    detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
  }
}

/** Limits on what a file may expand to, checked while it is read (never trusting declared sizes). */
export interface SpreadsheetLimits {
  /** Decompressed bytes over all zip entries read, or the decoded text of a CSV. */
  maxUncompressedBytes: number;
  /** Data rows with at least one value. */
  maxRows: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRows: 200_000,
  maxEntries: 10_000,
};

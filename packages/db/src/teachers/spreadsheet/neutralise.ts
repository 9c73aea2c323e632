// Spreadsheet formula injection (CWE-1236, OWASP "CSV Injection"): a cell we write whose text starts
// with = + - @ (or a tab or carriage return, which some spreadsheet programs skip before one) could be
// taken for a formula when someone edits it, or saves the sheet as CSV and opens that. We prefix such
// text with a single quote ('): it is the marker spreadsheet users know for "this is text", it stays
// visible so the reader sees the value was neutralised, and it survives a round trip through CSV. A tab
// prefix would be invisible but would change the value silently and is trimmed away by many tools.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text to write into a cell we produce from data someone else typed. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseCell on what comes back in an import: `'=1+1` is read as `=1+1`. */
export function unneutraliseCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

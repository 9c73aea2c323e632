import type { FieldError } from '@guanai/contracts';

// ID numbers pasted from Excel: a copied column arrives one per line, a copied row or block as cells
// separated by tabs. Each is checked here (GB 11643 format, check character, birth date) so the person
// sees which line is wrong before anything is sent; the server then says which ones name nobody.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdProblem = 'format' | 'checksum' | 'birthDate' | 'duplicate';

export interface PastedId {
  /** 1-based line of the pasted text, as the person counts it. */
  line: number;
  /** Upper-cased, spaces removed. */
  idNumber: string;
  problem: IdProblem | null;
  /** For a duplicate: the line it repeats. */
  firstLine?: number;
}

/** What is wrong with one number, as far as the number itself can tell; null: nothing. */
export function idNumberProblem(id: string): Exclude<IdProblem, 'duplicate'> | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  // 20230231 is no day: Date would roll it into March.
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birthDate';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17] ? null : 'checksum';
}

/** Every non-empty cell of the text, with its line and what is wrong with it. */
export function parsePastedIds(text: string): PastedId[] {
  const out: PastedId[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    // Cells: tabs (Excel), commas and semicolons (CSV, typed lists); a stray space inside a number
    // ("430481 1968…") is a typing slip, not two numbers, so spaces are removed rather than split on.
    for (const cell of raw.split(/[\t,，;；]/)) {
      const idNumber = cell.replace(/[\s\u00A0\u3000'"]/g, '').toUpperCase();
      if (!idNumber) continue;
      const line = i + 1;
      const first = seen.get(idNumber);
      if (first !== undefined) {
        out.push({ line, idNumber, problem: 'duplicate', firstLine: first });
        continue;
      }
      seen.set(idNumber, line);
      out.push({ line, idNumber, problem: idNumberProblem(idNumber) });
    }
  });
  return out;
}

/** The valid numbers to send, and for each the index of its entry (to map the server's answer back). */
export function idNumbersToSend(entries: readonly PastedId[]): { idNumbers: string[]; entryIndex: number[] } {
  const idNumbers: string[] = [];
  const entryIndex: number[] = [];
  entries.forEach((e, i) => {
    if (e.problem === null) {
      idNumbers.push(e.idNumber);
      entryIndex.push(i);
    }
  });
  return { idNumbers, entryIndex };
}

/**
 * The server's field errors about the sent numbers (`body.participants.idNumbers.7`, or under
 * `body.addParticipants` when editing), as messages per entry of the pasted list.
 */
export function serverProblemsByEntry(
  errors: readonly FieldError[],
  entryIndex: readonly number[],
): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of errors) {
    const m = /^body\.(?:participants|addParticipants)\.idNumbers\.(\d+)$/.exec(e.path);
    if (!m) continue;
    const entry = entryIndex[Number(m[1])];
    if (entry !== undefined && !out.has(entry)) out.set(entry, e.message);
  }
  return out;
}

/** The same for picked teachers (`…teacherIds.3`): messages by teacher id. */
export function serverProblemsByTeacher(
  errors: readonly FieldError[],
  teacherIds: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) {
    const m = /^body\.(?:participants|addParticipants)\.teacherIds\.(\d+)$/.exec(e.path);
    const id = m ? teacherIds[Number(m[1])] : undefined;
    if (id !== undefined && !out.has(id)) out.set(id, e.message);
  }
  return out;
}

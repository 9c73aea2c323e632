// The little of GB 11643 the form needs to prefill birth date and sex; the server validates for real
// (@guanai/domain's id module is not imported: it brings the calendar and time-zone code along).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Birth date (`YYYY-MM-DD`) and sex read from a well-formed 18-character ID number, else null. */
export function readIdNumber(raw: string): { birthDate: string; sex: 'male' | 'female' } | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return null;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // 20230231 is no day: Date would roll it into March.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  if (Number(y) < 1900) return null;
  return { birthDate: `${y}-${m}-${d}`, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

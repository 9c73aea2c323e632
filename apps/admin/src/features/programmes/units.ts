// Targets and budgets are stored as integers: counts, basis points (10000 = 100 %) and fen (1 元 = 100
// fen). People read and type percentages and yuan with up to two decimals. Both directions work on the
// digits of the string, never through floating point (0.29 * 100 is 28.999999999999996).

export type Unit = 'count' | 'percent' | 'yuan';

/** The largest count the contracts accept (programmes.ts Count). */
export const MAX_COUNT = 1_000_000_000_000;

const DECIMAL = /^(\d+)(?:\.(\d{0,2}))?$/;

/** "12.5" → 1250; null when the text is not a non-negative number with at most two decimals. */
export function parseHundredths(text: string): number | null {
  const m = DECIMAL.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!m) return null;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  // More than 13 digits cannot be a stored value (≤ 10^12) and would lose precision as a Number.
  if (whole.length > 13) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(whole) * 100 + Number(cents);
}

/** 1250 → "12.5", 1200 → "12", 5 → "0.05"; `grouped` puts thousands separators in the whole part. */
export function formatHundredths(value: number, grouped = false): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const wholeText = grouped ? whole.toLocaleString('en-US') : String(whole);
  return `${sign}${wholeText}${cents ? `.${cents}` : ''}`;
}

/** A whole count typed by a person; null unless it is digits only. */
export function parseCount(text: string): number | null {
  const s = text.trim().replace(/[,，\s]/g, '');
  if (!/^\d{1,13}$/.test(s)) return null;
  return Number(s);
}

/** The stored integer of what was typed in `unit`; null when it cannot be one. */
export function parseUnit(unit: Unit, text: string): number | null {
  return unit === 'count' ? parseCount(text) : parseHundredths(text);
}

/** The text to edit a stored integer in `unit`. */
export function editUnit(unit: Unit, value: number): string {
  return unit === 'count' ? String(value) : formatHundredths(value);
}

/** fen → "1,234.5" (yuan, for reading). */
export const yuan = (fen: number) => formatHundredths(fen, true);

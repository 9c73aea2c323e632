// Legal aid's time is whole minutes on the wire; people think in hours ("1.5 小时"). The text is read
// digit by digit like money (features/care/money.ts): 1.15 * 60 is 69.00000000000001 in floating point.

export type HoursParse = { ok: true; minutes: number } | { ok: false };

/** The contract's ceiling (legal-aid.ts Minutes). */
const MAX_MINUTES = 1_000_000;

/** "6", "6.5", "0.25", "１.５" (full-width), "6小时" → minutes, rounded to the minute. Empty is 0. */
export function parseHours(text: string): HoursParse {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/\s|小时$|h$/gi, '');
  if (plain === '') return { ok: true, minutes: 0 };
  const m = /^(\d{1,6})(?:\.(\d{0,2}))?$/.exec(plain);
  if (!m) return { ok: false };
  const hundredths = Number((m[2] ?? '').padEnd(2, '0'));
  const minutes = Number(m[1]) * 60 + Math.round((hundredths * 60) / 100);
  return minutes > MAX_MINUTES ? { ok: false } : { ok: true, minutes };
}

/** 390 → "6.5", 100 → "1.67", 0 → "0": hours to two decimals, no trailing zeros. */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes * 100) / 60) / 100);
}

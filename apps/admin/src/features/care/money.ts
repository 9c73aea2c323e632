// Money is integer fen (分) end to end. A person types yuan as text; it is read digit by digit, never
// through a float (0.1 + 0.2 is not 0.3, and 19.99 * 100 is 1998.9999999999998).

/** The contract's ceiling (care-records.ts Fen): 1 000 000 000 元. */
export const MAX_FEN = 100_000_000_000;

export type YuanParse = { ok: true; fen: number } | { ok: false; problem: 'format' | 'tooLarge' };

/**
 * "1200", "1,200.5", "¥1 200.50", "1200元", "１２００" (full-width, as Chinese input methods type it) →
 * fen. At most two decimals; no sign. An empty text is 0.
 */
export function parseYuan(text: string): YuanParse {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，¥￥]|元$/g, '');
  if (plain === '') return { ok: true, fen: 0 };
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!m) return { ok: false, problem: 'format' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  // More than 12 digits of yuan cannot be under the ceiling; stop before Number loses precision.
  if (whole.length > 12) return { ok: false, problem: 'tooLarge' };
  const fen = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, problem: 'tooLarge' };
  return { ok: true, fen };
}

/** 123456 → "1,234.56"; whole yuan keep ".00" so a column of amounts lines up. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan.toLocaleString('en-US')}.${cents}`;
}

/** Fen as the text the amount field starts from when editing: "1200.50", no separators. */
export function fenToInput(fen: number): string {
  if (fen === 0) return '';
  const cents = fen % 100;
  return cents === 0 ? String(fen / 100) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`;
}

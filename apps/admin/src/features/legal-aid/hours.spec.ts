import { formatHours, parseHours } from './hours';

describe('hours typed as text, minutes on the wire', () => {
  it.each([
    ['6', 360],
    ['6.5', 390],
    ['0.25', 15],
    ['1.15', 69],
    ['1.67', 100],
    ['１.５', 90],
    ['2小时', 120],
    ['', 0],
    ['3.', 180],
  ])('%s → %i minutes', (text, minutes) => {
    expect(parseHours(text)).toEqual({ ok: true, minutes });
  });

  it.each(['-1', '1.234', 'abc', '1,5', '99999999'])('refuses %s', (text) => {
    expect(parseHours(text)).toEqual({ ok: false });
  });

  it('shows minutes as hours to two decimals, and reads them back the same', () => {
    expect(formatHours(390)).toBe('6.5');
    expect(formatHours(100)).toBe('1.67');
    expect(formatHours(0)).toBe('0');
    for (const m of [0, 1, 15, 59, 61, 100, 390, 12_345]) {
      const back = parseHours(formatHours(m));
      expect(back.ok && Math.abs(back.minutes - m)).toBeLessThanOrEqual(1);
    }
  });
});

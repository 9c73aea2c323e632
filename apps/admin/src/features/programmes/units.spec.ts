import { editUnit, formatHundredths, parseCount, parseHundredths, parseUnit, yuan } from './units';

describe('parseHundredths', () => {
  it('reads yuan and percentages into exact hundredths', () => {
    expect(parseHundredths('12.5')).toBe(1250);
    expect(parseHundredths('0.29')).toBe(29);
    expect(parseHundredths('1.1')).toBe(110);
    expect(parseHundredths('19.99')).toBe(1999);
    expect(parseHundredths('100')).toBe(10000);
    expect(parseHundredths('007.05')).toBe(705);
    expect(parseHundredths('12.')).toBe(1200);
    expect(parseHundredths(' 1,234.56 ')).toBe(123456);
    expect(parseHundredths('10000000000')).toBe(1_000_000_000_000);
  });

  it('refuses what is not a non-negative number with at most two decimals', () => {
    for (const bad of ['', '.5', '-1', '1.234', '1e3', 'abc', '1.2.3', '12345678901234']) {
      expect(parseHundredths(bad)).toBeNull();
    }
  });
});

describe('formatHundredths', () => {
  it('writes the shortest exact decimal', () => {
    expect(formatHundredths(1250)).toBe('12.5');
    expect(formatHundredths(1200)).toBe('12');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(0)).toBe('0');
    expect(yuan(123456789)).toBe('1,234,567.89');
  });

  it('round-trips every value of a wide range', () => {
    for (let v = 0; v < 20000; v += 7) expect(parseHundredths(formatHundredths(v))).toBe(v);
  });
});

describe('counts', () => {
  it('accepts digits only', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-2')).toBeNull();
    expect(parseUnit('count', '12')).toBe(12);
    expect(parseUnit('percent', '12')).toBe(1200);
    expect(editUnit('yuan', 150)).toBe('1.5');
    expect(editUnit('count', 4)).toBe('4');
  });
});

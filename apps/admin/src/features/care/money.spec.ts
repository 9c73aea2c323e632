/// <reference types="jest" />
import { fenToInput, formatFen, parseYuan } from './money';

describe('amounts typed in yuan become integer fen', () => {
  it.each([
    ['1200', 120000],
    ['1200.5', 120050],
    ['1200.50', 120050],
    ['0.01', 1],
    ['19.99', 1999],
    ['1,234.56', 123456],
    ['¥ 88', 8800],
    ['88元', 8800],
    ['１２００．５', 120050],
    ['007', 700],
    ['3.', 300],
    ['', 0],
    ['1000000000', 100_000_000_000],
  ])('%s → %d fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it.each(['1.234', '-5', 'abc', '1.2.3', '1e3', '.5'])('refuses %s', (text) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses more than the contract allows', () => {
    expect(parseYuan('1000000000.01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseYuan('99999999999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('shows fen as yuan, and back as the field text', () => {
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(100_000_000_000)).toBe('1,000,000,000.00');
    expect(fenToInput(120050)).toBe('1200.50');
    expect(fenToInput(120000)).toBe('1200');
    expect(fenToInput(0)).toBe('');
  });
});

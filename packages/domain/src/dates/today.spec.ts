import { todayInShanghai } from './today';

describe('todayInShanghai (the calendar day in China, UTC+8, whatever the server zone)', () => {
  it.each([
    ['2025-09-09T15:59:59.999Z', '2025-09-09'],
    ['2025-09-09T16:00:00.000Z', '2025-09-10'], // midnight in Beijing: Teachers' Day has begun
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
    ['2025-03-08T00:00:00.000Z', '2025-03-08'],
    ['2025-06-30T23:59:59.000-08:00', '2025-07-01'],
  ])('%s is %s in China', (instant, day) => {
    expect(todayInShanghai(new Date(instant))).toBe(day);
  });

  it('defaults to now', () => {
    expect(todayInShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInShanghai(new Date('nope'))).toThrow(RangeError);
  });
});

/// <reference types="jest" />
import { daysBetween, todayInShanghai, urgencyOf } from './days';

describe('days in Asia/Shanghai', () => {
  it('takes today in Beijing, not in UTC', () => {
    // 2025-03-01 16:30 UTC is already 2025-03-02 00:30 in Beijing.
    expect(todayInShanghai(new Date('2025-03-01T16:30:00Z'))).toBe('2025-03-02');
    expect(todayInShanghai(new Date('2025-03-01T15:59:00Z'))).toBe('2025-03-01');
  });

  it.each([
    ['2025-03-03', '2025-03-18', 15],
    ['2025-03-18', '2025-03-03', -15],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-05-01', '2025-05-01', 0],
  ])('from %s to %s is %i days', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
  });

  it.each([
    [-1, 'passed'],
    [0, 'soon'],
    [7, 'soon'],
    [8, 'later'],
  ] as const)('%i days left is %s', (n, urgency) => {
    expect(urgencyOf(n)).toBe(urgency);
  });
});

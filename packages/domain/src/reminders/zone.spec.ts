import { todayInShanghai } from '../dates/today';
import { hourIn, isValidTimeZone, todayIn, zonedHour } from './zone';

const at = (iso: string) => new Date(iso);

describe('todayIn: the calendar date in a time zone at an instant', () => {
  it.each([
    ['Asia/Shanghai', '2025-09-09T15:59:59.999Z', '2025-09-09'],
    ['Asia/Shanghai', '2025-09-09T16:00:00.000Z', '2025-09-10'], // midnight in Beijing: Teachers' Day
    ['Asia/Shanghai', '2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['Asia/Shanghai', '2024-02-28T16:30:00.000Z', '2024-02-29'],
    ['UTC', '2025-09-09T16:00:00.000Z', '2025-09-09'],
    ['UTC', '2025-09-09T23:59:59.999Z', '2025-09-09'],
    ['UTC', '2025-09-10T00:00:00.000Z', '2025-09-10'],
    ['America/New_York', '2025-09-10T03:59:59.000Z', '2025-09-09'], // 23:59 EDT (UTC−4)
    ['America/New_York', '2025-09-10T04:00:00.000Z', '2025-09-10'],
    ['America/New_York', '2025-01-01T04:59:59.000Z', '2024-12-31'], // 23:59 EST (UTC−5) in winter
    ['America/New_York', '2025-01-01T05:00:00.000Z', '2025-01-01'],
    // IANA keeps Xinjiang's zone at UTC+6 (local 新疆时间): 22:00 there, still 9 September.
    ['Asia/Urumqi', '2025-09-09T16:00:00.000Z', '2025-09-09'],
    ['Asia/Urumqi', '2025-09-09T18:00:00.000Z', '2025-09-10'],
  ])('midnight is the zone’s own: in %s, %s is %s', (zone, instant, day) => {
    expect(todayIn(zone, at(instant))).toBe(day);
  });

  it('agrees with todayInShanghai for Asia/Shanghai, hour by hour over a year', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
      expect(todayIn('Asia/Shanghai', new Date(t))).toBe(todayInShanghai(new Date(t)));
    }
  });

  it('defaults to the present instant', () => {
    expect(todayIn('UTC')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses an invalid Date and an instant outside years 1–9999', () => {
    expect(() => todayIn('Asia/Shanghai', new Date('nope'))).toThrow(RangeError);
    expect(() => todayIn('UTC', at('0000-06-01T00:00:00Z'))).toThrow(RangeError); // 1 BC, not year 1
    expect(() => todayIn('America/New_York', at('0001-01-01T00:00:00Z'))).toThrow(RangeError); // still 1 BC there
    expect(() => todayIn('UTC', at('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(todayIn('UTC', at('0001-01-01T00:00:00Z'))).toBe('0001-01-01');
  });

  it.each(['Mars/Olympus_Mons', '', 'Asia/Beijing', '+08:00', 'UTC+8'])(
    'refuses a zone that is not an IANA name: %j',
    (zone) => {
      expect(() => todayIn(zone, at('2025-09-10T00:00:00Z'))).toThrow(RangeError);
      expect(() => hourIn(zone, at('2025-09-10T00:00:00Z'))).toThrow(RangeError);
    },
  );

  it('refuses a missing zone rather than using the machine’s', () => {
    expect(() => todayIn(undefined as unknown as string, at('2025-09-10T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('hourIn: the local hour, 0–23', () => {
  it.each([
    ['Asia/Shanghai', '2025-09-09T16:00:00Z', 0], // midnight is 0, never 24
    ['Asia/Shanghai', '2025-09-09T15:59:59Z', 23],
    ['Asia/Shanghai', '2025-09-10T01:30:00Z', 9],
    ['UTC', '2025-09-09T16:00:00Z', 16],
    ['Asia/Urumqi', '2025-09-09T16:00:00Z', 22],
    ['America/New_York', '2025-03-09T06:59:59Z', 1], // 01:59 EST
    ['America/New_York', '2025-03-09T07:00:00Z', 3], // clocks spring forward: there is no 02:00
    ['America/New_York', '2025-11-02T05:30:00Z', 1], // 01:30 EDT …
    ['America/New_York', '2025-11-02T06:30:00Z', 1], // … and 01:30 EST an hour later
  ])('follows the zone’s offset and daylight saving: in %s, %s is hour %i', (zone, instant, hour) => {
    expect(hourIn(zone, at(instant))).toBe(hour);
  });

  it('refuses an invalid Date', () => {
    expect(() => hourIn('UTC', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isValidTimeZone: a zone Intl knows by its IANA name or alias', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['Asia/Urumqi', true],
    ['Asia/Chongqing', true], // an alias of Asia/Shanghai
    ['asia/shanghai', true], // IANA names are case-insensitive
    ['UTC', true],
    ['America/New_York', true],
    ['Asia/Beijing', false], // not an IANA zone, however natural
    ['Mars/Olympus_Mons', false],
    ['+08:00', false],
    ['', false],
  ])('accepts IANA names and their aliases only: %j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it('an alias gives the same day and hour as its zone', () => {
    const instant = at('2025-09-09T16:00:00Z');
    expect(todayIn('Asia/Chongqing', instant)).toBe(todayIn('Asia/Shanghai', instant));
    expect(hourIn('asia/shanghai', instant)).toBe(0);
  });
});

describe('zonedHour: when a delayed job for a local hour should run', () => {
  it('07:00 in Shanghai is 23:00 UTC the day before', () => {
    expect(zonedHour('2026-12-01', 7, 'Asia/Shanghai').toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('follows the zone: Urumqi is UTC+6, UTC is itself', () => {
    expect(zonedHour('2026-12-01', 7, 'Asia/Urumqi').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(zonedHour('2026-12-01', 0, 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('crosses daylight saving where a zone has it (New York, 2026-03-08 and 2026-11-01)', () => {
    expect(zonedHour('2026-03-09', 8, 'America/New_York').toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(zonedHour('2026-11-02', 8, 'America/New_York').toISOString()).toBe('2026-11-02T13:00:00.000Z');
    // 02:30 does not exist on 2026-03-08: the instant just after the jump.
    expect(zonedHour('2026-03-08', 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('refuses an hour outside 0–23', () => {
    expect(() => zonedHour('2026-12-01', 24, 'Asia/Shanghai')).toThrow(RangeError);
  });
});

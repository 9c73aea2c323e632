import { addDays } from '../dates/arithmetic';
import {
  type FestivalCode,
  birthdayOn,
  festivalDate,
  lunarOf,
  nextBirthday,
  nextFestival,
  solarAnniversary,
  solarOfLunar,
} from './calendar';

// Expected dates are written out from the published calendar (Hong Kong Observatory almanac) and
// well-known facts (2025 闰六月 from 25 July; no 年三十 from 2025 to 2029), not taken from the code under
// test. 2027 and 2030 begin on near-midnight new moons (6 Feb 2027 23:56, 3 Feb 2030 00:07 Beijing
// time): Node's own Intl 'chinese' calendar is a day off in both, lunar-typescript is not.

describe('festivalDate: the published date for 2024–2030', () => {
  // year, 春节, 端午, 中秋, 重阳
  const published = [
    [2024, '2024-02-10', '2024-06-10', '2024-09-17', '2024-10-11'],
    [2025, '2025-01-29', '2025-05-31', '2025-10-06', '2025-10-29'],
    [2026, '2026-02-17', '2026-06-19', '2026-09-25', '2026-10-18'],
    [2027, '2027-02-06', '2027-06-09', '2027-09-15', '2027-10-08'],
    [2028, '2028-01-26', '2028-05-28', '2028-10-03', '2028-10-26'],
    [2029, '2029-02-13', '2029-06-16', '2029-09-22', '2029-10-16'],
    [2030, '2030-02-03', '2030-06-05', '2030-09-12', '2030-10-05'],
  ] as const;

  it.each(published.map(([year, date]) => [year, date]))(
    'Spring Festival is 正月初一: in %i, %s',
    (year, date) => {
      expect(festivalDate('spring_festival', year)).toBe(date);
    },
  );

  it.each(published.map(([year, , date]) => [year, date]))(
    'Dragon Boat is 五月初五 of the ordinary month (2028 has a 闰五月): in %i, %s',
    (year, date) => {
      expect(festivalDate('dragon_boat', year)).toBe(date);
    },
  );

  it.each(published.map(([year, , , date]) => [year, date]))(
    'Mid-Autumn is 八月十五: in %i, %s',
    (year, date) => {
      expect(festivalDate('mid_autumn', year)).toBe(date);
    },
  );

  it.each(published.map(([year, , , , date]) => [year, date]))(
    'Double Ninth is 九月初九: in %i, %s',
    (year, date) => {
      expect(festivalDate('double_ninth', year)).toBe(date);
    },
  );

  it.each([2024, 2025, 2028, 2030])(
    "Women's Day is 8 March and Teachers' Day 10 September: in %i",
    (year) => {
      expect(festivalDate('womens_day', year)).toBe(`${year}-03-08`);
      expect(festivalDate('teachers_day', year)).toBe(`${year}-09-10`);
    },
  );

  it('refuses an unknown festival and a year outside 1–9999', () => {
    expect(() => festivalDate('labour_day' as FestivalCode, 2025)).toThrow(RangeError);
    expect(() => festivalDate('toString' as FestivalCode, 2025)).toThrow(RangeError);
    expect(() => festivalDate('teachers_day', 10000)).toThrow(RangeError);
    expect(() => festivalDate('mid_autumn', 2025.5)).toThrow(RangeError);
  });
});

describe('nextFestival: the festival on or after a day, this year or next', () => {
  it.each([
    ['teachers_day', '2025-09-10', '2025-09-10'], // on the day itself
    ['teachers_day', '2025-09-11', '2026-09-10'],
    ['teachers_day', '2025-01-01', '2025-09-10'],
    ['spring_festival', '2025-01-29', '2025-01-29'],
    ['spring_festival', '2025-01-30', '2026-02-17'],
    ['spring_festival', '2024-12-31', '2025-01-29'],
    ['mid_autumn', '2025-09-17', '2025-10-06'], // not last year's date
    ['mid_autumn', '2025-10-07', '2026-09-25'],
    ['double_ninth', '2030-10-06', '2031-10-24'],
    ['womens_day', '2024-03-09', '2025-03-08'],
  ] as const)('%s on or after %s is %s', (code, from, expected) => {
    expect(nextFestival(code, from)).toBe(expected);
  });
});

describe('lunarOf: the lunar date of a solar day', () => {
  it.each([
    ['2025-07-24', { year: 2025, month: 6, day: 30, leap: false }],
    ['2025-07-25', { year: 2025, month: 6, day: 1, leap: true }], // 闰六月初一
    ['2025-08-22', { year: 2025, month: 6, day: 29, leap: true }], // the 闰六月 has 29 days
    ['2025-08-23', { year: 2025, month: 7, day: 1, leap: false }],
    ['2025-01-28', { year: 2024, month: 12, day: 29, leap: false }], // 除夕 2025 is 腊月廿九
    ['2024-02-09', { year: 2023, month: 12, day: 30, leap: false }], // the last 年三十 until 2030
    ['2030-02-02', { year: 2029, month: 12, day: 30, leap: false }],
    ['2033-12-22', { year: 2033, month: 11, day: 1, leap: true }], // the 2033 闰十一月 (HKO)
    ['1949-10-01', { year: 1949, month: 8, day: 10, leap: false }], // 开国大典, 八月初十
    ['1900-01-31', { year: 1900, month: 1, day: 1, leap: false }],
  ])('a leap month is month n with leap: %s is %j', (date, expected) => {
    expect(lunarOf(date)).toEqual(expected);
  });

  it('refuses a malformed date', () => {
    expect(() => lunarOf('2025-02-30')).toThrow(RangeError);
  });
});

describe('solarOfLunar: the solar day of a lunar date, with the fallbacks families use', () => {
  it.each([
    [2025, 6, 1, true, '2025-07-25'],
    [2025, 6, 1, false, '2025-06-25'],
    [2023, 2, 1, true, '2023-03-22'],
    [2033, 11, 15, true, '2034-01-05'],
    [2033, 11, 15, false, '2033-12-06'],
    [2024, 12, 29, false, '2025-01-28'], // a lunar year ends in the next solar year
  ])('the exact lunar date when it exists: %i-%i-%i leap %s is %s', (y, m, d, leap, expected) => {
    expect(solarOfLunar(y, m, d, leap)).toBe(expected);
  });

  it('a leap month the year lacks falls back to the ordinary month of that number', () => {
    expect(solarOfLunar(2026, 6, 10, true)).toBe(solarOfLunar(2026, 6, 10, false));
    expect(solarOfLunar(2026, 6, 10, true)).toBe('2026-07-23');
  });

  it('day 30 of a 29-day month falls back to day 29', () => {
    expect(solarOfLunar(2024, 12, 30, false)).toBe('2025-01-28'); // 腊月 2024 has 29 days
    expect(solarOfLunar(2025, 6, 30, true)).toBe('2025-08-22'); // so has the 2025 闰六月
    expect(solarOfLunar(2026, 6, 30, false)).toBe('2026-08-12'); // 六月 2026 has 30
  });

  it('round-trips with lunarOf for every day of 2020–2034', () => {
    for (let date = '2020-01-01'; date <= '2034-12-31'; date = addDays(date, 1)) {
      const { year, month, day, leap } = lunarOf(date);
      expect(solarOfLunar(year, month, day, leap)).toBe(date);
    }
  });

  it('counts proleptic Gregorian days across the 1582 reform, where the library switches to Julian dates', () => {
    for (let date = '1582-09-20'; date <= '1582-10-25'; date = addDays(date, 1)) {
      const { year, month, day, leap } = lunarOf(date);
      expect(solarOfLunar(year, month, day, leap)).toBe(date);
    }
    // 1582-10-14 (proleptic) is the day before 1582-10-15, 九月十九: it is 九月十八.
    expect(lunarOf('1582-10-14')).toEqual({ year: 1582, month: 9, day: 18, leap: false });
  });

  it.each([
    [2025, 13, 1],
    [2025, 0, 1],
    [2025, 1, 31],
    [2025, 1, 0],
    [2025, 1.5, 1],
    [2025.5, 1, 1],
    [9999, 12, 30], // falls in 10000
  ])(
    'refuses lunar fields outside month 1–12, day 1–30, or a result outside 0001–9999: %i-%i-%i',
    (y, m, d) => {
      expect(() => solarOfLunar(y, m, d, false)).toThrow(RangeError);
    },
  );
});

describe('solarAnniversary: same month and day; 29 February on 28 February in common years', () => {
  it.each([
    ['2000-02-29', 2001, '2001-02-28'],
    ['2000-02-29', 2004, '2004-02-29'],
    ['2000-02-29', 2100, '2100-02-28'], // 2100 is not a leap year
    ['2001-02-28', 2004, '2004-02-28'],
    ['1995-09-10', 2025, '2025-09-10'],
    ['1995-09-10', 1990, '1990-09-10'],
  ])('%s in %i is %s', (since, year, expected) => {
    expect(solarAnniversary(since, year)).toBe(expected);
  });

  it('refuses a malformed date or a year outside 1–9999', () => {
    expect(() => solarAnniversary('2025-02-29', 2026)).toThrow(RangeError);
    expect(() => solarAnniversary('2025-01-01', 10000)).toThrow(RangeError);
  });
});

describe('birthdayOn, solar calendar: the solar anniversary', () => {
  it.each([
    ['2000-02-29', 2023, '2023-02-28'],
    ['2000-02-29', 2024, '2024-02-29'],
    ['1996-02-29', 2025, '2025-02-28'],
    ['1990-12-31', 2025, '2025-12-31'],
  ])(
    'a 29 February birthday is kept on 28 February in common years: %s in %i is %s',
    (birth, year, expected) => {
      expect(birthdayOn(birth, 'solar', year)).toBe(expected);
    },
  );
});

describe('birthdayOn, lunar calendar: the birth lunar month and day, in the solar year asked', () => {
  it.each([
    [2026, '2026-07-23'], // no 闰六月 in 2026: the ordinary 六月初十
    [2028, '2028-07-31'], // 2028's leap month is 闰五月, not 闰六月
    [2036, '2036-08-01'], // 2036 has a 闰六月 again: the leap 六月初十, not 2036-07-03
  ])('born in a leap month (2025-08-03, 闰六月初十): in %i on %s', (year, expected) => {
    expect(birthdayOn('2025-08-03', 'lunar', year)).toBe(expected);
  });

  it('born in an ordinary month (2024-06-10, 五月初五) keeps the ordinary month when it is leap later', () => {
    expect(birthdayOn('2024-06-10', 'lunar', 2028)).toBe('2028-05-28'); // not 闰五月初五, 2028-06-27
  });

  it.each([
    [2024, '2024-02-09'],
    [2025, '2025-01-28'],
    [2026, '2026-02-16'],
    [2027, '2027-02-05'],
    [2030, '2030-02-02'], // 腊月 has 30 days again
  ])(
    'born on a 30th (2024-02-09, 腊月三十) is greeted on the 29th of a 29-day month: in %i on %s',
    (year, expected) => {
      expect(birthdayOn('2024-02-09', 'lunar', year)).toBe(expected);
    },
  );

  it('born 六月三十 (2025-07-24): 六月三十 in 2026, 六月廿九 in 2027 when 六月 has 29 days', () => {
    expect(birthdayOn('2025-07-24', 'lunar', 2026)).toBe('2026-08-12');
    expect(birthdayOn('2025-07-24', 'lunar', 2027)).toBe('2027-08-01');
  });

  it.each([
    [2025, '2025-01-22'],
    [2026, '2026-02-10'],
    [2000, '2000-01-29'],
  ])(
    'born late in 腊月 (2000-01-29, 腊月廿三) is greeted in January or February: in %i on %s',
    (year, expected) => {
      expect(birthdayOn('2000-01-29', 'lunar', year)).toBe(expected);
    },
  );

  it('a lunar birthday twice in one solar year gives the earlier, and none the next year gives null', () => {
    // 腊月初一 (born 2022-12-23): 2024-01-11 and 2024-12-31, then 2026-01-19 — none in 2025.
    expect(birthdayOn('2022-12-23', 'lunar', 2024)).toBe('2024-01-11');
    expect(birthdayOn('2022-12-23', 'lunar', 2025)).toBeNull();
    expect(birthdayOn('2022-12-23', 'lunar', 2026)).toBe('2026-01-19');
  });

  it('the day greeted has the birth lunar month and day, leap only if the birth was, 30th only if it exists', () => {
    // Births around the 2017 闰六月 (leap again in 2025 and 2036) and the 2020 闰四月 (not again by 2036).
    const births: string[] = [];
    for (let d = '2017-07-01'; d <= '2017-09-30'; d = addDays(d, 1)) births.push(d);
    for (let d = '2019-12-01'; d <= '2021-02-28'; d = addDays(d, 1)) births.push(d);
    for (const birth of births) {
      const born = lunarOf(birth);
      for (let year = 2022; year <= 2036; year++) {
        const day = birthdayOn(birth, 'lunar', year);
        if (day === null) continue;
        expect(day.slice(0, 4)).toBe(String(year));
        const greeted = lunarOf(day);
        expect(greeted.month).toBe(born.month);
        if (greeted.leap) expect(born.leap).toBe(true);
        if (greeted.day !== born.day)
          expect([born.day, greeted.day, lunarOf(addDays(day, 1)).day]).toEqual([30, 29, 1]);
      }
    }
  });

  it('refuses an unknown calendar and a malformed birth date', () => {
    expect(() => birthdayOn('2000-01-01', 'islamic' as 'lunar', 2025)).toThrow(RangeError);
    expect(() => birthdayOn('2000-02-30', 'lunar', 2025)).toThrow(RangeError);
  });
});

describe('nextBirthday: the first birthday on or after a day, and after the birth itself', () => {
  it.each([
    ['1990-09-10', '2025-09-10', '2025-09-10'], // on the birthday itself
    ['1990-09-10', '2025-09-11', '2026-09-10'],
    ['2000-02-29', '2025-01-01', '2025-02-28'],
    ['2000-02-29', '2025-03-01', '2026-02-28'],
    ['2000-02-29', '2027-03-01', '2028-02-29'],
    ['2024-02-29', '2024-02-29', '2025-02-28'], // the day of birth is not a birthday
    ['2024-02-29', '2000-01-01', '2025-02-28'], // nor is anything before it
  ])('solar, born %s, on or after %s: %s', (birth, from, expected) => {
    expect(nextBirthday(birth, 'solar', from)).toBe(expected);
  });

  it.each([
    ['2025-08-03', '2025-08-03', '2026-07-23'], // born 闰六月初十; not the birth day itself
    ['2025-08-03', '2026-07-23', '2026-07-23'],
    ['2025-08-03', '2026-07-24', '2027-07-13'],
    ['2024-02-09', '2025-01-01', '2025-01-28'], // born 腊月三十, greeted on 廿九
    ['2024-02-09', '2025-01-29', '2026-02-16'],
    ['2000-01-29', '2024-12-01', '2025-01-22'], // late 腊月: next January
    ['2022-12-23', '2024-01-12', '2024-12-31'], // the second of two in 2024 is not skipped
    ['2022-12-23', '2025-01-01', '2026-01-19'], // across 2025, which has none
  ])('lunar, born %s, on or after %s: %s', (birth, from, expected) => {
    expect(nextBirthday(birth, 'lunar', from)).toBe(expected);
  });

  it('agrees with birthdayOn whenever the birthday falls once in a year: for births across two years', () => {
    for (let birth = '1998-01-01'; birth <= '1999-12-31'; birth = addDays(birth, 1)) {
      for (const year of [2024, 2025, 2026, 2033]) {
        const first = birthdayOn(birth, 'lunar', year);
        if (first !== null) expect(nextBirthday(birth, 'lunar', `${year}-01-01`)).toBe(first);
        else expect(nextBirthday(birth, 'lunar', `${year}-01-01`) > `${year}-12-31`).toBe(true);
      }
    }
  });
});

// A registry built around one evaluation day: a few teachers whose moments fall due on it (solar and
// lunar birthdays inside the birthday rule's window, 30 years of teaching, retirement) and as many
// "quiet" ones as the test wants, none of whose moments come near the day (they make a scan long).
import type { TeacherRecord } from '@guanai/db';
import {
  addDays,
  addYears,
  compareDates,
  idNumberCheckCharacter,
  nextBirthday,
  statutoryRetirementDate,
  windowStart,
  type IsoDate,
  type Sex,
} from '@guanai/domain';

export interface RosterSpec {
  day: IsoDate;
  quiet: number;
  birthdays: number;
  lunarBirthdays: number;
  teaching30: number;
  retirements: number;
}

const within = (d: IsoDate, from: IsoDate, to: IsoDate) =>
  compareDates(from, d) <= 0 && compareDates(d, to) <= 0;

/** Birth dates whose lunar birthday (农历生日) falls in the birthday rule's window on `day` (lead 3 days). */
function lunarBirthsDue(day: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let age = 35; out.length < n && age < 55; age++) {
    const anniversary = addYears(day, -age);
    for (let k = -60; k <= 60 && out.length < n; k++) {
      const b = addDays(anniversary, k);
      if (within(nextBirthday(b, 'lunar', windowStart(day)), windowStart(day), addDays(day, 3))) out.push(b);
    }
  }
  if (out.length < n) throw new Error(`only ${out.length} lunar birth dates due on ${day}`);
  return out;
}

/** Men whose statutory retirement falls in the farewell rule's window (lead 30 days). */
function retirementBirthsDue(day: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (
    let b = addYears(day, -64);
    compareDates(b, addYears(day, -59)) <= 0 && out.length < n;
    b = addDays(b, 1)
  )
    if (within(statutoryRetirementDate(b, 'male', 'cadre'), windowStart(day), addDays(day, 30))) out.push(b);
  if (out.length < n) throw new Error(`only ${out.length} retirements due on ${day}`);
  return out;
}

function record(
  i: number,
  sex: Sex,
  birthDate: IsoDate,
  teachingSince: IsoDate,
  lunar = false,
): TeacherRecord {
  // Unique per tenant: the region code carries i / 1000, the sequence i % 1000 (odd for men, as GB 11643).
  const seq = (i % 500) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `43${String(Math.floor(i / 500)).padStart(4, '0')}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return {
    name: `测试教师${i}`,
    sex,
    idNumber: `${first17}${idNumberCheckCharacter(first17)}`,
    birthDate,
    birthdayCalendar: lunar ? 'lunar' : 'solar',
    employmentType: 'establishment',
    position: 'teacher',
    stage: 'primary',
    titles: [],
    teachingSince,
    joinedSchoolOn: teachingSince,
    backbone: false,
    honours: [],
    unionJoinedOn: null,
    unionStatus: 'member',
    retirementCategory: 'cadre',
    tags: [],
  };
}

/** The registry's records, quiet ones first (so the due ones' ids are spread like everybody's: random). */
export function rosterRecords(spec: RosterSpec): TeacherRecord[] {
  const { day } = spec;
  const out: TeacherRecord[] = [];
  let i = 0;
  const sexOf = (n: number): Sex => (n % 3 === 0 ? 'male' : 'female');
  for (let n = 0; n < spec.quiet; n++, i++) {
    // Birthdays 180–239 days away, 8–23 years of teaching, ages 30–44: nothing due near `day`.
    const birth = addYears(addDays(day, 180 + (n % 60)), -(30 + (n % 15)));
    out.push(record(i, sexOf(n), birth, addDays(addYears(birth, 22), n % 200), n % 5 === 3));
  }
  for (let n = 0; n < spec.birthdays; n++, i++) {
    // Solar birthdays on each day of the window [day − 7, day + 3].
    const birth = addYears(addDays(day, -7 + (n % 11)), -(28 + (n % 20)));
    out.push(record(i, sexOf(n), birth, addDays(addYears(birth, 22), 90)));
  }
  for (const [n, birth] of lunarBirthsDue(day, spec.lunarBirthdays).entries())
    out.push(record(i++, sexOf(n), birth, addDays(addYears(birth, 22), 90), true));
  for (let n = 0; n < spec.teaching30; n++, i++) {
    const since = addYears(addDays(day, -7 + (n % 38)), -30);
    out.push(record(i, 'male', addYears(addDays(day, 150), -52), since));
  }
  for (const birth of retirementBirthsDue(day, spec.retirements))
    out.push(record(i++, 'male', birth, addDays(addYears(birth, 22), 150)));
  return out;
}

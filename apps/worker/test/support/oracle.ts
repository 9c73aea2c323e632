// The oracle: what the fixture's day must produce, computed from its rows with the domain's rules
// (teacherOccurrences, calendarOccurrence, effectiveRules), never with the engine's SQL.
import { inScope, systemScope, type DataSource } from '@guanai/db';
import {
  calendarOccurrence,
  effectiveRules,
  isTeacherScanRule,
  LEIYANG_TEMPLATE,
  teacherOccurrences,
  type ReminderRule,
  type TenantReminderSettings,
} from '@guanai/domain';
import type { FixtureUser, ReminderFixture } from './fixtures';

export const reminderKey = (ruleKey: string, kind: string, subject: string, occursOn: string) =>
  `${ruleKey}|${kind}|${subject}|${occursOn}`;

/** The reminders due on the fixture's day, computed from its rows with the domain's rules (no SQL of the engine). */
export async function expectedReminderKeys(ds: DataSource, f: ReminderFixture): Promise<Set<string>> {
  const { teachers, settings, unmodelled } = await inScope(ds, systemScope('test-oracle'), async (em) => ({
    teachers: (await em.query(
      `SELECT id, org_id, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birthday_calendar,
              to_char(teaching_since, 'YYYY-MM-DD') AS teaching_since, to_char(union_joined_on, 'YYYY-MM-DD') AS union_joined_on,
              to_char(retirement_date, 'YYYY-MM-DD') AS retirement_date
         FROM teachers WHERE tenant_id = $1 AND status = 'active'`,
      [f.tenant.id],
    )) as {
      id: string;
      org_id: string;
      sex: string;
      birth_date: string;
      birthday_calendar: 'solar' | 'lunar';
      teaching_since: string;
      union_joined_on: string | null;
      retirement_date: string;
    }[],
    settings: ((await em.query(`SELECT reminder_settings FROM programmes WHERE id = $1`, [f.programmeId]))[0]
      .reminder_settings ?? {}) as TenantReminderSettings,
    // The oracle leaves out quotas, hardship visits and care follow-ups: the fixtures give them nothing to find.
    unmodelled: Number(
      (
        await em.query(
          `SELECT (SELECT count(*) FROM compliance_results WHERE programme_id = $2)
                + (SELECT count(*) FROM care_records WHERE tenant_id = $1)
                + (SELECT count(*) FROM teachers WHERE tenant_id = $1 AND tags <> '{}') AS n`,
          [f.tenant.id, f.programmeId],
        )
      )[0].n,
    ),
  }));
  if (unmodelled)
    throw new Error('the fixture has care records, compliance results or tags the oracle does not model');
  const rules = effectiveRules(LEIYANG_TEMPLATE, settings)
    .filter((e) => e.enabled)
    .map((e) => e.rule);
  const out = new Set<string>();
  for (const rule of rules) {
    if (isTeacherScanRule(rule)) {
      for (const t of teachers) {
        const facts = {
          birthDate: t.birth_date,
          birthdayCalendar: t.birthday_calendar,
          teachingSince: t.teaching_since,
          unionJoinedOn: t.union_joined_on,
          retirementDate: t.retirement_date,
        };
        for (const o of teacherOccurrences(rule, facts, f.day))
          out.add(reminderKey(rule.key, 'teacher', t.id, o.occursOn));
      }
      continue;
    }
    const occursOn = calendarOccurrence(rule, f.day);
    if (!occursOn) continue;
    for (const [kind, subject] of setRuleSubjects(rule, f, teachers))
      out.add(reminderKey(rule.key, kind, subject, occursOn));
  }
  return out;
}

function setRuleSubjects(
  rule: ReminderRule,
  f: ReminderFixture,
  teachers: { id: string; org_id: string; sex: string }[],
): [string, string][] {
  const t = rule.trigger;
  if (t.kind === 'deadline') return [['org', f.tenant.id]];
  if (t.kind === 'checkup_due') return teachers.map((x) => ['teacher', x.id]);
  if (t.kind !== 'festival') return [];
  // Per school for a school's officers, one for the tenant otherwise; Women's Day counts women only.
  const perUnit = rule.audience === 'school_officer' || rule.audience === 'teacher';
  const who = teachers.filter((x) => t.festival !== 'womens_day' || x.sex === 'female');
  return [...new Set(who.map((x) => (perUnit ? x.org_id : f.tenant.id)))].map((org) => ['org', org]);
}

/** Who is told of a reminder of `orgId` with `audience`: a school without an active officer falls back to the tenant's admins. */
export function recipients(f: ReminderFixture, orgId: string, audience: string): FixtureUser[] {
  const admins = f.users.filter((u) => u.active && u.role === 'tenant_admin');
  if (audience === 'tenant_officer') return admins;
  if (audience !== 'school_officer') throw new Error(`audience ${audience} not in the fixture's rules`);
  const officers = f.users.filter((u) => u.active && u.role === 'unit_officer' && u.orgId === orgId);
  return officers.length ? officers : admins;
}

import type { EntityManager } from 'typeorm';
import {
  DEFAULT_SEMESTER_CALENDAR,
  effectiveRules,
  type Indicator,
  type ProgrammeTemplate,
  type ReminderRule,
  type SemesterCalendar,
  type TenantReminderSettings,
} from '@guanai/domain';

/** A rule switched on for a tenant, with what evaluating it needs from its programme. */
export interface RunnableRule {
  programmeId: string;
  rule: ReminderRule;
  calendar: SemesterCalendar;
  /** For quota rules: the indicator the trigger names. */
  indicator: Indicator | null;
}

interface Row {
  id: string;
  year: number;
  document: ProgrammeTemplate;
  settings: { semester?: SemesterCalendar };
  reminder_settings: TenantReminderSettings;
}

/**
 * The rules a tenant runs on a day: those of its programmes for that year, or, early in a year before
 * the new one is adopted, of its latest year (a birthday does not wait for the adoption). A rule key
 * met twice (two programmes sharing a template's rules) runs once.
 */
export async function loadTenantRules(
  em: EntityManager,
  tenantId: string,
  year: number,
): Promise<RunnableRule[]> {
  const rows: Row[] = await em.query(
    `SELECT p.id, p.year, v.document, p.settings, p.reminder_settings
       FROM programmes p JOIN programme_versions v ON v.id = p.version_id
      WHERE p.org_id = $1
        AND p.year = (SELECT max(year) FROM programmes WHERE org_id = $1 AND year <= $2)
      ORDER BY p.created_at, p.id`,
    [tenantId, year],
  );
  const seen = new Set<string>();
  const runnable: RunnableRule[] = [];
  for (const p of rows) {
    const indicators = new Map(
      p.document.areas.flatMap((a) =>
        a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i] as const)),
      ),
    );
    for (const e of effectiveRules(p.document, p.reminder_settings ?? {})) {
      if (!e.enabled || seen.has(e.rule.key)) continue;
      seen.add(e.rule.key);
      const t = e.rule.trigger;
      runnable.push({
        programmeId: p.id,
        rule: e.rule,
        calendar: p.settings?.semester ?? DEFAULT_SEMESTER_CALENDAR,
        indicator: t.kind === 'quota' ? (indicators.get(t.indicatorKey) ?? null) : null,
      });
    }
  }
  return runnable;
}

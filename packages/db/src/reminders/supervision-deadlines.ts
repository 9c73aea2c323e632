// A supervision visit's rectification deadline in the reminder engine (issue 6): the union is warned
// 7 days and 1 day before the school's deadline, and once when it has passed with the findings still
// open. The visit's reminders go to the union's administrators and case handlers (a visit has no
// single handler) and lead to the visit.
import type { EntityManager } from 'typeorm';
import { addDays, type IsoDate } from '@guanai/domain';
import type { ReminderRow } from './rows';

/** Days before the rectification deadline to warn on. */
export const RECTIFICATION_WARNING_DAYS = [7, 1] as const;

interface OpenVisit {
  id: string;
  school_id: string;
  school_name: string;
  rectify_by: IsoDate;
}

/** The reminders one open visit calls for on `day`: the nearest warning reached, or the flag once it has passed. */
export function rectificationReminders(v: OpenVisit, day: IsoDate): ReminderRow[] {
  const base = {
    orgId: v.school_id,
    programmeId: null,
    subjectKind: 'supervision_visit' as const,
    subjectId: v.id,
    teacherId: null,
    occursOn: v.rectify_by,
    activityType: null,
    audience: 'case_handler',
    role: null,
  };
  const detail = { kind: 'rectification', school: v.school_name, due: v.rectify_by };
  if (day > v.rectify_by)
    return [
      {
        ...base,
        ruleKey: 'supervision:rectify:passed',
        dueOn: v.rectify_by,
        title: `劳动法律监督：${v.school_name}整改期限已于 ${v.rectify_by} 届满`.slice(0, 200),
        detail: { ...detail, passed: true },
      },
    ];
  const reached = RECTIFICATION_WARNING_DAYS.filter((n) => addDays(v.rectify_by, -n) <= day).at(-1);
  if (reached === undefined) return [];
  return [
    {
      ...base,
      ruleKey: `supervision:rectify:warn${reached}`,
      dueOn: addDays(v.rectify_by, -reached),
      title: `劳动法律监督：${v.school_name}整改期限 ${v.rectify_by}`.slice(0, 200),
      detail: { ...detail, daysBefore: reached },
    },
  ];
}

/** Every open visit of the tenant whose deadline is within the warning window or gone by. */
export async function sweepRectifications(
  em: EntityManager,
  tenantId: string,
  day: IsoDate,
): Promise<ReminderRow[]> {
  const visits: OpenVisit[] = await em.query(
    `SELECT v.id, v.school_id, o.name AS school_name, to_char(v.rectify_by, 'YYYY-MM-DD') AS rectify_by
       FROM supervision_visits v JOIN orgs o ON o.id = v.school_id
      WHERE v.org_id = $1 AND v.status = 'open' AND v.rectify_by <= $2::date + ${Math.max(...RECTIFICATION_WARNING_DAYS)}`,
    [tenantId, day],
  );
  return visits.flatMap((v) => rectificationReminders(v, day));
}

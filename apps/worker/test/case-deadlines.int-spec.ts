// Issue 6: a dispute case's deadline warnings go through the reminder engine. A case just changed is
// swept alone at once (the API enqueues reminders.case_deadlines): the warning already due is created
// and sent to the handler once, and a delayed job waits for the case's next date.
import { randomUUID } from 'node:crypto';
import { inScope, systemScope } from '@guanai/db';
import { addDays, todayIn } from '@guanai/domain';
import { workerHarness } from './support/harness';
import { waitFor } from './support/worker-process';

describe('a dispute case’s deadlines on the worker', () => {
  const h = workerHarness();

  it('warns the handler of a limitation period ending within the week, once, and schedules the next look', async () => {
    const today = todayIn('Asia/Shanghai');
    const f = await h.fixture({
      day: today,
      roster: { quiet: 5, birthdays: 0, lunarBirthdays: 0, teaching30: 0, retirements: 0 },
    });
    const admin = f.users.find((u) => u.role === 'tenant_admin' && u.active)!;
    const caseId = randomUUID();
    await inScope(h.ds, systemScope('test'), (em) =>
      em.query(
        `INSERT INTO dispute_cases (id, org_id, category, respondent_kind, respondent_name, facts_enc, knew_on, state,
            handler_id, submitted_by)
         VALUES ($1, $2, 'wage_arrears', 'outside_employer', '某培训机构', $3, $4, 'accepted', $5, $5)`,
        // Known 360 days ago: the year runs out within the week.
        [caseId, f.tenant.id, h.env.cipher.encrypt('拖欠工资'), addDays(today, -360), admin.id],
      ),
    );
    const worker = await h.start('cases');
    const reminders = () =>
      inScope(h.ds, systemScope('test'), (em) =>
        em.query(
          `SELECT r.rule_key, to_char(r.occurs_on, 'YYYY-MM-DD') AS due,
                  (SELECT count(*)::int FROM notifications n WHERE n.reminder_id = r.id AND n.user_id = $2) AS told
             FROM reminders r WHERE r.subject_kind = 'case' AND r.subject_id = $1`,
          [caseId, admin.id],
        ),
      );

    await h.redis.caseDeadlines(f.tenant.id, caseId, 'case-1');
    await waitFor('the warning', async () => (await reminders()).length === 1, {
      timeoutMs: 30_000,
      workers: [worker],
    });
    const [warning] = await reminders();
    // Within the week, or 30 days ahead when a holiday pushes the period's end further.
    expect(warning).toMatchObject({
      rule_key: expect.stringMatching(/^case:limitation:warn(7|30)$/),
      told: 1,
    });

    // The next look at the case: a delayed job for the day its period ends, at the union's hour.
    const next = await h.redis.reminderJob(`case-deadlines-${caseId}-${warning.due}`);
    expect(next?.state).toBe('delayed');

    // Swept again (another change of the case): nothing new, nobody told twice.
    await h.redis.caseDeadlines(f.tenant.id, caseId, 'case-2');
    await waitFor(
      'the second sweep',
      async () => (await h.redis.reminderJob('case-2'))?.state === 'completed',
      {
        timeoutMs: 30_000,
        workers: [worker],
      },
    );
    expect(await reminders()).toEqual([warning]);
    // The handler's email went out once.
    await waitFor('the email', async () => h.smtp.acceptedById().size >= 1, {
      timeoutMs: 30_000,
      workers: [worker],
    });
    expect([...h.smtp.acceptedById().values()].every((n) => n === 1)).toBe(true);
  });
});

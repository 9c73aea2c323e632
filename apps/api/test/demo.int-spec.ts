import { FieldCipher, seedDemo } from '@guanai/db';
import { login, request, startHarness, type Harness } from './harness';

// The demo `npm start` seeds, run against the real API: issue 6 asks for cases in every state,
// including one whose deadline is days away and one overdue, that the union's handler and the
// applicant teacher both find.

let h: Harness;
const PASSWORD = 'Demo-Password-2026!';

beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.appDs, PASSWORD, { cipher: h.app.get(FieldCipher), teachersPerTenant: 40 });
}, 120_000);
afterAll(() => h.close());

describe('the demo’s dispute cases', () => {
  it('gives each union’s handler a case in every state, one due within days and one overdue', async () => {
    const handler = await login(h, 'xihu.handler', PASSWORD);
    const all = await request(h.http)
      .get('/api/v1/cases')
      .query({ pageSize: 100 })
      .set(handler.auth)
      .expect(200);
    const states = new Set(all.body.items.map((c: { state: string }) => c.state));
    expect([...states].sort()).toEqual(
      [
        'accepted',
        'arbitration',
        'closed',
        'declined',
        'litigation',
        'mediation',
        'mediation_failed',
        'settled',
        'submitted',
        'withdrawn',
      ].sort(),
    );
    const overdue = await request(h.http)
      .get('/api/v1/cases')
      .query({ overdue: 'true' })
      .set(handler.auth)
      .expect(200);
    expect(overdue.body.items.map((c: { state: string }) => c.state)).toContain('arbitration');
    const soon = await request(h.http)
      .get('/api/v1/cases')
      .query({ deadlineWithinDays: 14, overdue: 'false' })
      .set(handler.auth)
      .expect(200);
    expect(soon.body.items.map((c: { state: string }) => c.state)).toEqual(
      expect.arrayContaining(['mediation', 'accepted']),
    );
    // The timeline of the overdue one runs from intake to arbitration.
    const arbitration = overdue.body.items.find((c: { state: string }) => c.state === 'arbitration');
    const opened = await request(h.http).get(`/api/v1/cases/${arbitration.id}`).set(handler.auth).expect(200);
    expect(opened.body.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'start_mediation',
      'fail_mediation',
      'start_arbitration',
    ]);
    expect(opened.body.facts).toContain('课时费');
    // Its lawyer from the union's legal-aid roster, with hours and cost recorded.
    const aid = await request(h.http)
      .get(`/api/v1/cases/${arbitration.id}/legal-aid`)
      .set(handler.auth)
      .expect(200);
    expect(aid.body.items).toEqual([expect.objectContaining({ minutes: 630, costFen: 180000 })]);
    const roster = await request(h.http).get('/api/v1/legal-aid/roster').set(handler.auth).expect(200);
    expect(roster.body.items.map((p: { kind: string }) => p.kind).sort()).toEqual(['lawyer', 'volunteer']);
  });

  it('has supervision visits with an open finding whose rectification deadline is days away', async () => {
    const handler = await login(h, 'xihu.handler', PASSWORD);
    const open = await request(h.http)
      .get('/api/v1/supervision-visits')
      .query({ status: 'open', dueWithinDays: 7 })
      .set(handler.auth)
      .expect(200);
    expect(open.body.items).toHaveLength(1);
    expect(open.body.items[0].findings).toHaveLength(2);
  });

  it('lets the demo teacher follow their own request for help in self-service, and no other case', async () => {
    const teacher = await login(h, 'xihu.teacher', PASSWORD);
    const mine = await request(h.http).get('/api/v1/me/cases').set(teacher.auth).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ state: 'submitted', category: 'wage_arrears' }),
    ]);
    await request(h.http).get('/api/v1/cases').set(teacher.auth).expect(403);
  });
});

import { ROUTES } from '@guanai/contracts';
import { inScope } from '@guanai/db';
import { BUILTIN_TEMPLATES, DEFAULT_AT_RISK_AFTER_BP, DEFAULT_SEMESTER_CALENDAR } from '@guanai/domain';
import { uniq, type TenantFixture } from '@guanai/db/testing';
import { refreshQueued } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 4: a province copies a built-in template, edits and publishes it; its unions adopt a version
// for a year with their own targets (within the ranges the province allows) and budgets.

let h: Harness;
let fx: TenantFixture;
/** Another province (its own platform root), whose people must see nothing of `fx`'s. */
let far: TenantFixture;
let prov: Session;
let admin: Session;
let officer: Session;
let sibling: Session;
let farProv: Session;
let farAdmin: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  far = await fixture(h);
  prov = await login(h, fx.users.provinceAdmin.username, fx.password);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  officer = await login(h, fx.users.officer.username, fx.password);
  sibling = await login(h, fx.users.otherAdmin.username, fx.password);
  farProv = await login(h, far.users.provinceAdmin.username, far.password);
  farAdmin = await login(h, far.users.tenantAdmin.username, far.password);
});
afterAll(() => h.close());

const api = () => request(h.http);

type Doc = {
  key: string;
  areas: { key: string; measures: { key: string; title: string; indicators: Record<string, unknown>[] }[] }[];
};

/** Zhejiang 二（二）1 states no number; the province sets one, and lets unions choose 1–4. */
const PER_SEMESTER = 'culture_sports_per_semester';
/** A fixed target (no range): a union may only keep the province's value. */
const COUNSELLING = 'counselling_per_year';

const measureOf = (doc: Doc, key: string) => doc.areas.flatMap((a) => a.measures).find((m) => m.key === key)!;

/** The first edit: a new adjustable indicator, a fixed one, a measure renamed. */
function firstEdit(draft: Doc): Doc {
  const doc = structuredClone(draft);
  measureOf(doc, 'culture_sports').indicators.push({
    key: PER_SEMESTER,
    name: '每校每学期文体活动',
    kind: 'activity_count',
    period: 'semester',
    level: 'school',
    activityTypes: ['culture_sports'],
    target: 2,
    adjustable: { min: 1, max: 4 },
    clauseQuote: '开展丰富多彩的文体活动',
  });
  measureOf(doc, 'mental_health').indicators.push({
    key: COUNSELLING,
    name: '每年心理辅导',
    kind: 'activity_count',
    period: 'calendar_year',
    level: 'tenant',
    activityTypes: ['counselling'],
    target: 1,
    clauseQuote: '定期为教师提供心理咨询和心理疏导服务',
  });
  measureOf(doc, 'convalescence').title = '积极开展教师疗休养活动';
  return doc;
}

/** The second edit: the range narrows to 1–3 and the matchmaking measure goes. */
function secondEdit(draft: Doc): Doc {
  const doc = structuredClone(draft);
  measureOf(doc, 'culture_sports').indicators[0]!.adjustable = { min: 1, max: 3 };
  for (const area of doc.areas)
    area.measures = area.measures.filter((m) => m.key !== 'young_teacher_matchmaking');
  return doc;
}

async function createTemplate(auth: Session, key = uniq('zj-')) {
  const res = await api()
    .post('/api/v1/programme-templates')
    .set(auth.auth)
    .send({ key, name: `浙江省教师关爱工程 ${key}`, fromBuiltin: 'zhejiang_2020' });
  expect(res.status).toBe(201);
  return res.body;
}

async function saveDraft(id: string, draft: Doc) {
  const current = (await api().get(`/api/v1/programme-templates/${id}`).set(prov.auth)).body;
  const res = await api()
    .put(`/api/v1/programme-templates/${id}/draft`)
    .set(prov.auth)
    .send({ version: current.version, draft });
  expect([res.status, res.body.errors]).toEqual([200, undefined]);
  return res.body;
}

async function publish(id: string, note?: string) {
  const current = (await api().get(`/api/v1/programme-templates/${id}`).set(prov.auth)).body;
  const res = await api()
    .post(`/api/v1/programme-templates/${id}/publish`)
    .set(prov.auth)
    .send({ version: current.version, ...(note ? { note } : {}) });
  expect(res.status).toBe(201);
  return res.body;
}

/** A template of `fx`'s province with v1 (first edit) and v2 (second edit) published. */
async function publishedTemplate() {
  const t = await createTemplate(prov);
  const v1 = await publish((await saveDraft(t.id, firstEdit(t.draft))).id);
  const edited = await saveDraft(t.id, secondEdit(v1.document));
  const v2 = await publish(edited.id);
  return { template: t, v1, v2 };
}

async function adopt(auth: Session, body: Record<string, unknown>) {
  return api().post('/api/v1/programmes').set(auth.auth).send(body);
}

let year = 2030;
const nextYear = () => year++;

describe('programme templates', () => {
  it('lists the built-in templates, Zhejiang and Leiyang, with their measures and indicators counted', async () => {
    const res = await api().get('/api/v1/builtin-templates').set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { key: string }) => t.key)).toEqual(BUILTIN_TEMPLATES.map((t) => t.key));
    const leiyang = res.body.items[1];
    // Leiyang: 28 numbered measures plus the three implementation safeguards.
    expect(leiyang.measures).toBeGreaterThanOrEqual(28);
    expect(leiyang.indicators).toBeGreaterThan(0);
  });

  it('copies a built-in, edits it, shows the diff, publishes v1, edits again and publishes v2 with the diff stored', async () => {
    const key = uniq('zj-');
    const created = await createTemplate(prov, key);
    expect(created).toMatchObject({
      key,
      orgId: fx.province.id,
      orgName: fx.province.name,
      basedOn: 'zhejiang_2020',
      latestVersion: 0,
      hasUnpublishedChanges: true,
      version: 1,
    });
    expect(created.draft).toMatchObject({
      key,
      name: `浙江省教师关爱工程 ${key}`,
      source: BUILTIN_TEMPLATES[0]!.source,
    });
    const taken = await api()
      .post('/api/v1/programme-templates')
      .set(prov.auth)
      .send({ key, name: '重名', fromBuiltin: 'leiyang' });
    expect([taken.status, taken.body.code, taken.body.errors?.[0]?.path]).toEqual([
      409,
      'TEMPLATE_KEY_TAKEN',
      'body.key',
    ]);

    const edited = await saveDraft(created.id, firstEdit(created.draft));
    expect(edited.version).toBe(created.version + 1);
    // Never published: everything is new.
    const first = (await api().get(`/api/v1/programme-templates/${created.id}/diff`).set(prov.auth)).body;
    expect(first.against).toBeNull();
    expect(first.changes.every((c: { change: string }) => c.change === 'added')).toBe(true);
    expect(first.changes).toEqual(
      expect.arrayContaining([
        { change: 'added', entity: 'area', key: 'health' },
        { change: 'added', entity: 'measure', key: 'convalescence' },
        { change: 'added', entity: 'indicator', key: PER_SEMESTER },
        { change: 'added', entity: 'reminder_rule', key: 'birthday_greeting' },
      ]),
    );

    const v1 = await api()
      .post(`/api/v1/programme-templates/${created.id}/publish`)
      .set(prov.auth)
      .send({ version: edited.version, note: '首次发布' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      templateId: created.id,
      orgId: fx.province.id,
      number: 1,
      note: '首次发布',
      changes: first.changes,
    });
    expect(measureOf(v1.body.document, 'convalescence').title).toBe('积极开展教师疗休养活动');
    const afterV1 = (await api().get(`/api/v1/programme-templates/${created.id}`).set(prov.auth)).body;
    expect(afterV1).toMatchObject({ latestVersion: 1, hasUnpublishedChanges: false });
    const nothing = await api()
      .post(`/api/v1/programme-templates/${created.id}/publish`)
      .set(prov.auth)
      .send({ version: afterV1.version });
    expect([nothing.status, nothing.body.code]).toEqual([422, 'NOTHING_TO_PUBLISH']);

    const again = await saveDraft(created.id, secondEdit(afterV1.draft));
    expect(again.hasUnpublishedChanges).toBe(true);
    const diff = (await api().get(`/api/v1/programme-templates/${created.id}/diff`).set(prov.auth)).body;
    expect(diff.against).toBe(1);
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { change: 'changed', entity: 'indicator', key: PER_SEMESTER, fields: ['adjustable'] },
        { change: 'removed', entity: 'measure', key: 'young_teacher_matchmaking' },
      ]),
    );
    expect(diff.changes.filter((c: { change: string }) => c.change === 'added')).toEqual([]);
    const stale = await api()
      .post(`/api/v1/programme-templates/${created.id}/publish`)
      .set(prov.auth)
      .send({ version: afterV1.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const v2 = await api()
      .post(`/api/v1/programme-templates/${created.id}/publish`)
      .set(prov.auth)
      .send({ version: again.version });
    expect([v2.status, v2.body.number, v2.body.changes]).toEqual([201, 2, diff.changes]);
    // Stored, not recomputed: the version list shows the same changes.
    const list = (await api().get(`/api/v1/programme-versions?templateId=${created.id}`).set(prov.auth)).body
      .items;
    expect(list.map((v: { number: number; changes: unknown }) => [v.number, v.changes])).toEqual([
      [2, diff.changes],
      [1, first.changes],
    ]);

    const trail = (
      await api()
        .get(`/api/v1/audit-events?action=programme_template.publish&orgId=${fx.province.id}`)
        .set(prov.auth)
    ).body.items;
    expect(
      trail
        .filter((e: { targetId: string }) => e.targetId === created.id)
        .map((e: { after: { number: number } }) => e.after.number)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('starts a template from a published version, keeping its document', async () => {
    const { v2 } = await publishedTemplate();
    const key = uniq('copy-');
    const res = await api()
      .post('/api/v1/programme-templates')
      .set(prov.auth)
      .send({ key, name: '副本', fromVersionId: v2.id });
    expect(res.status).toBe(201);
    expect(res.body.basedOn).toMatch(/@2$/);
    expect(res.body.draft).toEqual({ ...v2.document, key, name: '副本' });
    const neither = await api()
      .post('/api/v1/programme-templates')
      .set(prov.auth)
      .send({ key: uniq('x'), name: '无来源' });
    expect([neither.status, neither.body.errors?.[0]?.code]).toEqual([400, 'custom']);
    const unknown = await api()
      .post('/api/v1/programme-templates')
      .set(prov.auth)
      .send({ key: uniq('x'), name: '无此模板', fromBuiltin: 'nowhere' });
    expect([unknown.status, unknown.body.code, unknown.body.errors?.[0]?.path]).toEqual([
      422,
      'BUILTIN_TEMPLATE_UNKNOWN',
      'body.fromBuiltin',
    ]);
  });

  it('refuses a draft that breaks the rules with a field error per problem, and a stale one with 409, writing nothing', async () => {
    const t = await createTemplate(prov);
    const bad = firstEdit(t.draft);
    const indicators = measureOf(bad, 'culture_sports').indicators;
    indicators[0]!.target = 9; // outside its own range 1–4
    indicators.push({ ...indicators[0]!, target: 2, clauseQuote: '不在条文中的话' }); // same key again
    bad.key = 'another-key';
    const areaIndex = bad.areas.findIndex((a) => a.key === 'health');
    const at = `body.draft.areas.${areaIndex}.measures.0.indicators`;
    const before = await snapshot(h);
    const res = await api()
      .put(`/api/v1/programme-templates/${t.id}/draft`)
      .set(prov.auth)
      .send({ version: t.version, draft: bad });
    expect([res.status, res.body.code]).toEqual([422, 'TEMPLATE_INVALID']);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]).sort()).toEqual(
      [
        ['body.draft.key', 'TEMPLATE_KEY_MISMATCH'],
        [`${at}.0.target`, 'TEMPLATE_TARGET_OUTSIDE_ADJUSTABLE'],
        [`${at}.1.clauseQuote`, 'TEMPLATE_CLAUSE_QUOTE_NOT_IN_TEXT'],
        [`${at}.1.key`, 'TEMPLATE_DUPLICATE_KEY'],
      ].sort(),
    );
    expect(res.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    const shape = await api()
      .put(`/api/v1/programme-templates/${t.id}/draft`)
      .set(prov.auth)
      .send({ version: t.version, draft: { ...t.draft, areas: 'none' } });
    expect([shape.status, shape.body.errors[0].path]).toEqual([400, 'body.draft.areas']);
    const stale = await api()
      .put(`/api/v1/programme-templates/${t.id}/draft`)
      .set(prov.auth)
      .send({ version: t.version + 1, draft: t.draft });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect(await snapshot(h)).toBe(before);
  });

  it('never edits a published version: no route does, and the database refuses UPDATE and DELETE from the app role', async () => {
    const { v1 } = await publishedTemplate();
    const versionRoutes = Object.values(ROUTES).filter((r) => r.path.startsWith('/v1/programme-versions'));
    expect(versionRoutes.map((r) => r.method)).toEqual(['get', 'get']);
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const res = await api()[method](`/api/v1/programme-versions/${v1.id}`).set(prov.auth).send({});
      expect([method, res.status]).toEqual([method, 404]);
    }
    for (const sql of [
      `UPDATE programme_versions SET note = 'x' WHERE id = $1`,
      'DELETE FROM programme_versions WHERE id = $1',
    ]) {
      await expect(
        inScope(h.appDs, { path: fx.province.path }, (em) => em.query(sql, [v1.id])),
      ).rejects.toThrow(/permission denied/);
    }
    const still = await api().get(`/api/v1/programme-versions/${v1.id}`).set(prov.auth);
    expect([still.body.note, still.body.document]).toEqual([null, v1.document]);
  });
});

describe('who sees templates and versions', () => {
  it("shows a union its province's published versions and templates, never drafts nor another province's", async () => {
    const { template, v1, v2 } = await publishedTemplate();
    const draftOnly = await createTemplate(prov);
    for (const who of [admin, officer]) {
      const versions = (await api().get('/api/v1/programme-versions').set(who.auth)).body.items.map(
        (v: { id: string }) => v.id,
      );
      expect(versions).toEqual(expect.arrayContaining([v1.id, v2.id]));
      const one = await api().get(`/api/v1/programme-versions/${v2.id}`).set(who.auth);
      expect([one.status, one.body.templateName]).toEqual([200, template.name]);
      const templates = (await api().get('/api/v1/programme-templates').set(who.auth)).body.items.map(
        (t: { id: string }) => t.id,
      );
      expect(templates).toContain(template.id);
      expect(templates).not.toContain(draftOnly.id);
      // The working draft is the province's: a union reads published versions only.
      expect((await api().get(`/api/v1/programme-templates/${template.id}`).set(who.auth)).status).toBe(403);
    }
    expect(
      (await api().get('/api/v1/programme-templates').set(prov.auth)).body.items.map(
        (t: { id: string }) => t.id,
      ),
    ).toEqual(expect.arrayContaining([template.id, draftOnly.id]));

    for (const who of [farAdmin, farProv]) {
      const versions = (await api().get('/api/v1/programme-versions').set(who.auth)).body.items.map(
        (v: { id: string }) => v.id,
      );
      expect(versions).not.toContain(v1.id);
      expect((await api().get(`/api/v1/programme-versions/${v1.id}`).set(who.auth)).status).toBe(404);
      expect(
        (await api().get('/api/v1/programme-templates').set(who.auth)).body.items.map(
          (t: { id: string }) => t.id,
        ),
      ).not.toContain(template.id);
    }
    expect((await api().get(`/api/v1/programme-templates/${template.id}`).set(farProv.auth)).status).toBe(
      404,
    );
    expect(
      (await api().get(`/api/v1/programme-templates/${template.id}/diff`).set(farProv.auth)).status,
    ).toBe(404);
    const copy = await api()
      .post('/api/v1/programme-templates')
      .set(farProv.auth)
      .send({ key: uniq('steal-'), name: '复制', fromVersionId: v1.id });
    expect([copy.status, copy.body.errors?.[0]?.path]).toEqual([404, 'body.fromVersionId']);
    const adopted = await adopt(farAdmin, { versionId: v1.id, year: nextYear() });
    expect([adopted.status, adopted.body.errors?.[0]?.path]).toEqual([404, 'body.versionId']);
  });
});

describe('programmes a union adopts', () => {
  it('adopts v1 with a target inside the range; outside it, an unknown key or measure, or bad semester days answer 422 at the field, writing nothing', async () => {
    const { template, v1 } = await publishedTemplate();
    const y = nextYear();
    const before = await snapshot(h);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ targets: { [PER_SEMESTER]: 5 } }, `body.targets.${PER_SEMESTER}`, 'TARGET_ABOVE_MAX'],
      [{ targets: { [PER_SEMESTER]: 0 } }, `body.targets.${PER_SEMESTER}`, 'TARGET_BELOW_MIN'],
      [{ targets: { [COUNSELLING]: 2 } }, `body.targets.${COUNSELLING}`, 'TARGET_NOT_ADJUSTABLE'],
      [{ targets: { no_such_indicator: 1 } }, 'body.targets.no_such_indicator', 'TARGET_UNKNOWN_INDICATOR'],
      [{ budgets: { no_such_measure: 100 } }, 'body.budgets.no_such_measure', 'BUDGET_UNKNOWN_MEASURE'],
      [
        { settings: { semester: { autumnStart: '09-01', springStart: '02-29' } } },
        'body.settings.semester.springStart',
        'SEMESTER_INVALID_DAY',
      ],
      [
        { settings: { semester: { autumnStart: '02-01', springStart: '09-01' } } },
        'body.settings.semester.springStart',
        'SEMESTER_ORDER',
      ],
    ];
    for (const [over, path, code] of cases) {
      const res = await adopt(admin, { versionId: v1.id, year: y, ...over });
      expect([
        code,
        res.status,
        res.body.code,
        res.body.errors?.map((e: { path: string; code: string }) => [e.path, e.code]),
      ]).toEqual([code, 422, 'PROGRAMME_INVALID', [[path, code]]]);
    }
    const range = await adopt(admin, { versionId: v1.id, year: y, targets: { [PER_SEMESTER]: 5 } });
    expect(range.body.errors[0].message).toContain('4');
    expect(await snapshot(h)).toBe(before);

    const ok = await adopt(admin, {
      versionId: v1.id,
      year: y,
      targets: { [PER_SEMESTER]: 4, [COUNSELLING]: 1 },
      budgets: { culture_sports: 200_000, young_teacher_matchmaking: 50_000 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      orgId: fx.tenant.id,
      orgName: fx.tenant.name,
      templateId: template.id,
      templateName: template.name,
      versionId: v1.id,
      versionNumber: 1,
      latestVersionNumber: 2,
      year: y,
      budgetFen: 250_000,
      targets: { [PER_SEMESTER]: 4, [COUNSELLING]: 1 },
      settings: { semester: DEFAULT_SEMESTER_CALENDAR, atRiskAfterBp: DEFAULT_AT_RISK_AFTER_BP },
      version: 1,
    });
    expect(ok.body.document).toEqual(v1.document);
    // The province's overview will show the new programme without waiting for the night.
    expect(await refreshQueued(h.config, ok.body.id)).toBe(true);
    const twice = await adopt(admin, { versionId: v1.id, year: y });
    expect([twice.status, twice.body.code]).toEqual([409, 'PROGRAMME_EXISTS']);
    const trail = (await api().get(`/api/v1/audit-events?action=programme.adopt`).set(admin.auth)).body.items;
    expect(trail.find((e: { targetId: string }) => e.targetId === ok.body.id)).toMatchObject({
      orgId: fx.tenant.id,
      after: { year: y, versionNumber: 1 },
    });
  });

  it('lets the union and its schools read its programme, the province list it, and no sibling union see it; an officer cannot adopt', async () => {
    const { template, v1 } = await publishedTemplate();
    const y = nextYear();
    const mine = (await adopt(admin, { versionId: v1.id, year: y })).body;
    const theirs = (await adopt(sibling, { versionId: v1.id, year: y })).body;
    expect(theirs.orgId).toBe(fx.otherTenant.id);

    const denied = await adopt(officer, { versionId: v1.id, year: nextYear() });
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api().get(`/api/v1/programmes/${mine.id}`).set(officer.auth)).body.id).toBe(mine.id);
    const officerList = (
      await api().get(`/api/v1/programmes?templateId=${template.id}`).set(officer.auth)
    ).body.items.map((p: { id: string }) => p.id);
    expect(officerList).toEqual([mine.id]);

    expect((await api().get(`/api/v1/programmes/${theirs.id}`).set(admin.auth)).status).toBe(404);
    expect((await api().get(`/api/v1/programmes/${mine.id}`).set(sibling.auth)).status).toBe(404);
    expect((await api().get(`/api/v1/programmes/${mine.id}`).set(farAdmin.auth)).status).toBe(404);
    const adminList = (
      await api().get(`/api/v1/programmes?templateId=${template.id}`).set(admin.auth)
    ).body.items.map((p: { id: string }) => p.id);
    expect(adminList).toEqual([mine.id]);

    const all = (await api().get(`/api/v1/programmes?templateId=${template.id}&year=${y}`).set(prov.auth))
      .body.items;
    expect(all.map((p: { orgName: string }) => p.orgName).sort()).toEqual(
      [fx.tenant.name, fx.otherTenant.name].sort(),
    );
    const one = (
      await api()
        .get(`/api/v1/programmes?templateId=${template.id}&orgId=${fx.otherTenant.id}`)
        .set(prov.auth)
    ).body.items;
    expect(one.map((p: { id: string }) => p.id)).toEqual([theirs.id]);
    expect(
      (
        await api()
          .get(`/api/v1/programmes?templateId=${template.id}&year=${y + 50}`)
          .set(prov.auth)
      ).body.items,
    ).toEqual([]);
    // The province reads its unions' programmes but does not change them.
    const patch = await api()
      .patch(`/api/v1/programmes/${mine.id}`)
      .set(prov.auth)
      .send({ version: mine.version, budgets: {} });
    expect(patch.status).toBe(403);
    const badQuery = await api().get('/api/v1/programmes?year=soon&bogus=1').set(prov.auth);
    expect([badQuery.status, badQuery.body.errors.map((e: { path: string }) => e.path).sort()]).toEqual([
      400,
      ['query.bogus', 'query.year'],
    ]);
  });

  it('updates targets within the range and settings; a stale version answers 409 and a target outside the range 422', async () => {
    const { v1 } = await publishedTemplate();
    const p = (await adopt(admin, { versionId: v1.id, year: nextYear(), targets: { [PER_SEMESTER]: 3 } }))
      .body;
    const res = await api()
      .patch(`/api/v1/programmes/${p.id}`)
      .set(admin.auth)
      .send({ version: p.version, targets: { [PER_SEMESTER]: 1 }, settings: { atRiskAfterBp: 7000 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: p.version + 1,
      targets: { [PER_SEMESTER]: 1 },
      settings: { semester: DEFAULT_SEMESTER_CALENDAR, atRiskAfterBp: 7000 },
    });
    const before = await snapshot(h);
    const stale = await api()
      .patch(`/api/v1/programmes/${p.id}`)
      .set(admin.auth)
      .send({ version: p.version, budgets: { culture_sports: 1 } });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const outside = await api()
      .patch(`/api/v1/programmes/${p.id}`)
      .set(admin.auth)
      .send({ version: res.body.version, targets: { [PER_SEMESTER]: 9 } });
    expect([outside.status, outside.body.errors[0]]).toEqual([
      422,
      expect.objectContaining({ path: `body.targets.${PER_SEMESTER}`, code: 'TARGET_ABOVE_MAX' }),
    ]);
    expect(await snapshot(h)).toBe(before);
    const trail = (await api().get('/api/v1/audit-events?action=programme.update').set(admin.auth)).body
      .items;
    expect(trail.find((e: { targetId: string }) => e.targetId === p.id)).toMatchObject({
      before: { targets: { [PER_SEMESTER]: 3 }, settings: {} },
      after: { targets: { [PER_SEMESTER]: 1 }, settings: { atRiskAfterBp: 7000 } },
    });
  });

  it("upgrades to v2, keeping what still applies and dropping what no longer does; refuses the same, an older or another template's version", async () => {
    const { v1, v2 } = await publishedTemplate();
    const other = await publishedTemplate();
    const p = (
      await adopt(admin, {
        versionId: v1.id,
        year: nextYear(),
        targets: { [PER_SEMESTER]: 4, [COUNSELLING]: 1 },
        budgets: { culture_sports: 200_000, young_teacher_matchmaking: 50_000 },
        settings: { atRiskAfterBp: 6000 },
      })
    ).body;
    for (const versionId of [v1.id, other.v2.id]) {
      const res = await api()
        .post(`/api/v1/programmes/${p.id}/upgrade`)
        .set(admin.auth)
        .send({ version: p.version, versionId });
      expect([res.status, res.body.code, res.body.errors?.[0]?.path]).toEqual([
        422,
        'PROGRAMME_UPGRADE_INVALID',
        'body.versionId',
      ]);
    }
    const stale = await api()
      .post(`/api/v1/programmes/${p.id}/upgrade`)
      .set(admin.auth)
      .send({ version: p.version + 1, versionId: v2.id });
    expect(stale.status).toBe(409);

    const up = await api()
      .post(`/api/v1/programmes/${p.id}/upgrade`)
      .set(admin.auth)
      .send({ version: p.version, versionId: v2.id });
    expect(up.status).toBe(200);
    // 4 no longer fits v2's range 1–3; the matchmaking measure is gone.
    expect(up.body).toMatchObject({
      versionId: v2.id,
      versionNumber: 2,
      targets: { [COUNSELLING]: 1 },
      budgets: { culture_sports: 200_000 },
      budgetFen: 200_000,
      settings: { atRiskAfterBp: 6000 },
    });
    expect(up.body.targets).not.toHaveProperty(PER_SEMESTER);
    expect(up.body.document).toEqual(v2.document);
    const back = await api()
      .post(`/api/v1/programmes/${p.id}/upgrade`)
      .set(admin.auth)
      .send({ version: up.body.version, versionId: v1.id });
    expect(back.body.code).toBe('PROGRAMME_UPGRADE_INVALID');
    const trail = (await api().get('/api/v1/audit-events?action=programme.upgrade').set(admin.auth)).body
      .items;
    expect(trail.find((e: { targetId: string }) => e.targetId === p.id)).toMatchObject({
      before: {
        versionNumber: 1,
        targets: { [PER_SEMESTER]: 4 },
        budgets: { young_teacher_matchmaking: 50_000 },
      },
      after: {
        versionNumber: 2,
        dropped: { targets: [PER_SEMESTER], budgets: ['young_teacher_matchmaking'] },
      },
    });
  });
});

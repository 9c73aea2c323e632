import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, idNumberCheckCharacter, todayInShanghai, ZHEJIANG_TEMPLATE } from '@guanai/domain';
import {
  FieldCipher,
  inScope,
  systemScope,
  teacherColumns,
  upsertTeachers,
  type EntityManager,
  type OrgEntity,
} from '@guanai/db';
import { withWrongCheckDigit, type TenantFixture } from '@guanai/db/testing';
import { refreshQueued } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

jest.setTimeout(120_000);

let h: Harness;
let fx: TenantFixture;
let admin: Session;
let officer: Session;
let other: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  officer = await login(h, fx.users.officer.username, fx.password);
  other = await login(h, fx.users.otherAdmin.username, fx.password);
});
afterAll(() => h.close());

const today = todayInShanghai();
const api = () => request(h.http);
const asOwner = <T>(work: (em: EntityManager) => Promise<T>) =>
  inScope(h.owner, systemScope('care-records test'), work);

interface Seeded {
  id: string;
  idNumber: string;
  name: string;
  orgId: string;
}

let region = 110100;
/**
 * Teachers written straight through the registry's writer (sealed, hashed, masked) as the owner, in
 * batches of a thousand: thousands in well under a second. Each call draws its own region code, so
 * ID numbers never collide within a union; birth dates spread over the days after 1965-01-01.
 */
async function seedTeachers(
  tenant: OrgEntity,
  units: OrgEntity[],
  count: number,
  tags: string[] = [],
): Promise<Seeded[]> {
  const cipher = h.app.get(FieldCipher);
  const code = String(region++);
  const seeded: Seeded[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const unit = units[i % units.length]!;
    const birthDate = addDays('1965-01-01', i);
    const sex = i % 2 ? 'male' : 'female';
    const first17 = `${code}${birthDate.replace(/-/g, '')}${String(100 + (i % 2)).padStart(3, '0')}`;
    const idNumber = `${first17}${idNumberCheckCharacter(first17)}`;
    const name = `教师${randomBytes(3).toString('hex')}`;
    const id = randomUUID();
    seeded.push({ id, idNumber, name, orgId: unit.id });
    return teacherColumns(
      {
        name,
        sex,
        idNumber,
        birthDate,
        employmentType: 'establishment',
        position: 'teacher',
        stage: 'primary',
        titles: [],
        teachingSince: '2005-09-01',
        joinedSchoolOn: '2010-09-01',
        backbone: false,
        honours: [],
        unionStatus: 'member',
        retirementCategory: 'cadre',
        tags,
      },
      { id: unit.id, tenantId: tenant.id, name: unit.name, rural: unit.rural },
      cipher,
      { id },
    );
  });
  await asOwner(async (em) => {
    for (let i = 0; i < rows.length; i += 1000) await upsertTeachers(em, rows.slice(i, i + 1000), []);
  });
  return seeded;
}

/**
 * A programme of the union as the programmes capability would leave it: the province's template of
 * the built-in Zhejiang document, its published version 1, and the union's adoption for this year.
 */
async function adoptZhejiang(f: TenantFixture): Promise<string> {
  return asOwner(async (em) => {
    const doc = JSON.stringify(ZHEJIANG_TEMPLATE);
    const [t] = await em.query(
      `INSERT INTO programme_templates (org_id, key, name, based_on, draft, latest_version) VALUES ($1, $2, $3, $2, $4, 1) RETURNING id`,
      [f.province.id, ZHEJIANG_TEMPLATE.key, ZHEJIANG_TEMPLATE.name, doc],
    );
    const [v] = await em.query(
      `INSERT INTO programme_versions (org_id, template_id, number, document) VALUES ($1, $2, 1, $3) RETURNING id`,
      [f.province.id, t.id, doc],
    );
    const [p] = await em.query(
      `INSERT INTO programmes (org_id, template_id, version_id, year) VALUES ($1, $2, $3, $4) RETURNING id`,
      [f.tenant.id, t.id, v.id, Number(today.slice(0, 4))],
    );
    return p.id as string;
  });
}

function recordBody(over: Record<string, unknown> = {}) {
  return {
    orgId: fx.schools[0]!.id,
    activityType: 'visit',
    title: `走访慰问 ${randomBytes(3).toString('hex')}`,
    occurredOn: addDays(today, -3),
    amountFen: 50_000,
    notes: '带去慰问品',
    ...over,
  };
}

const create = (auth: Session, body: Record<string, unknown>) =>
  api().post('/api/v1/care-records').set(auth.auth).send(body);

/** Rows of a record's participants, read by the owner behind the API's back. */
const participantRows = (recordId: string) =>
  asOwner(
    (em) =>
      em.query(
        `SELECT teacher_id, org_id, tenant_id, activity_type, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on
           FROM care_participants WHERE record_id = $1 ORDER BY teacher_id`,
        [recordId],
      ) as Promise<
        {
          teacher_id: string;
          org_id: string;
          tenant_id: string;
          activity_type: string;
          occurred_on: string;
        }[]
      >,
  );

const careCounts = () =>
  asOwner(async (em) => {
    const [r] = await em.query(
      `SELECT (SELECT count(*)::int FROM care_records) AS records, (SELECT count(*)::int FROM care_participants) AS participants`,
    );
    return r as { records: number; participants: number };
  });

describe('recording care work', () => {
  it('takes participants by id, by the teacher list’s filters and by pasted ID numbers: their union, each teacher once', async () => {
    const tag = `慰问${randomBytes(2).toString('hex')}`;
    const [a, b, c, retired] = await seedTeachers(fx.tenant, fx.schools, 4, [tag]);
    const [d] = await seedTeachers(fx.tenant, [fx.schools[1]!], 1);
    await asOwner((em) => em.query(`UPDATE teachers SET status = 'retired' WHERE id = $1`, [retired!.id]));

    const res = await create(
      admin,
      recordBody({
        participants: {
          teacherIds: [a!.id, d!.id, a!.id],
          filter: { tag },
          // Pasted from a spreadsheet: a lower-case x and spaces around are fine.
          idNumbers: [` ${c!.idNumber.toLowerCase()} `, d!.idNumber],
        },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      participantCount: 4,
      amountFen: 50_000,
      activityType: 'visit',
      orgId: fx.schools[0]!.id,
      notes: '带去慰问品',
    });
    expect(res.body.createdBy).toBe(fx.users.tenantAdmin.displayName);

    // The filter lists active teachers only, as GET /v1/teachers does: the retired one is not there.
    const rows = await participantRows(res.body.id);
    expect(rows.map((r) => r.teacher_id).sort()).toEqual([a!.id, b!.id, c!.id, d!.id].sort());
    for (const r of rows) {
      const t = [a, b, c, d].find((x) => x!.id === r.teacher_id)!;
      expect(r).toMatchObject({
        org_id: t.orgId,
        tenant_id: fx.tenant.id,
        activity_type: 'visit',
        occurred_on: res.body.occurredOn,
      });
    }

    const page = await api()
      .get(`/api/v1/care-records/${res.body.id}/participants?pageSize=10`)
      .set(admin.auth);
    expect(page.body.total).toBe(4);
    const shown = page.body.items.find((p: { teacherId: string }) => p.teacherId === c!.id);
    expect(shown).toEqual({
      teacherId: c!.id,
      name: c!.name,
      orgId: c!.orgId,
      orgName: expect.any(String),
      idNumberMasked: `${c!.idNumber.slice(0, 4)}**********${c!.idNumber.slice(-4)}`,
    });
    expect(JSON.stringify(page.body)).not.toContain(c!.idNumber);
  });

  it('records one activity for 5,000 teachers in one request (its cost is measured by npm run bench)', async () => {
    const big = await fixture(h);
    const bigAdmin = await login(h, big.users.tenantAdmin.username, big.password);
    const tag = `体检${randomBytes(2).toString('hex')}`;
    const teachers = await seedTeachers(big.tenant, big.schools, 5000, [tag]);

    const res = await create(bigAdmin, {
      orgId: big.tenant.id,
      activityType: 'health_checkup',
      title: '教职工集中体检',
      occurredOn: addDays(today, -10),
      amountFen: 5000 * 30_000,
      participants: { filter: { tag }, teacherIds: teachers.slice(0, 100).map((t) => t.id) },
    });
    expect([res.status, res.body.participantCount]).toEqual([201, 5000]);

    const pasted = await create(bigAdmin, {
      orgId: big.tenant.id,
      activityType: 'festival_greeting',
      title: '教师节慰问',
      occurredOn: addDays(today, -5),
      participants: { idNumbers: teachers.map((t) => t.idNumber) },
    });
    expect([pasted.status, pasted.body.participantCount]).toEqual([201, 5000]);

    // Moving the day moves all 5,000 copies with it.
    const moved = await api()
      .patch(`/api/v1/care-records/${res.body.id}`)
      .set(bigAdmin.auth)
      .send({ version: res.body.version, occurredOn: addDays(today, -11) });
    expect(moved.status).toBe(200);
    const rows = await participantRows(res.body.id);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => `${r.activity_type} ${r.occurred_on}`))).toEqual(
      new Set([`health_checkup ${addDays(today, -11)}`]),
    );
    const page = await api()
      .get(`/api/v1/care-records/${res.body.id}/participants?page=25&pageSize=200`)
      .set(bigAdmin.auth);
    expect([page.body.total, page.body.items.length]).toEqual([5000, 200]);
  });

  it('refuses teachers outside the caller’s scope, naming each by its path, and writes nothing', async () => {
    const [own, neighbour] = await seedTeachers(fx.tenant, fx.schools, 2);
    const [foreign] = await seedTeachers(fx.otherTenant, [fx.otherSchool], 1);
    const before = await snapshot(h);
    const counts = await careCounts();

    // A school's officer names only teachers of their school: the other school's and the other union's are refused.
    const res = await create(
      officer,
      recordBody({
        participants: {
          teacherIds: [own!.id, neighbour!.id, foreign!.id, randomUUID()],
          idNumbers: [
            own!.idNumber,
            neighbour!.idNumber,
            foreign!.idNumber,
            withWrongCheckDigit(own!.idNumber),
          ],
        },
      }),
    );
    expect([res.status, res.body.code]).toEqual([422, 'CARE_PARTICIPANTS_INVALID']);
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'body.participants.teacherIds.1 CARE_TEACHER_NOT_IN_SCOPE',
      'body.participants.teacherIds.2 CARE_TEACHER_NOT_IN_SCOPE',
      'body.participants.teacherIds.3 CARE_TEACHER_NOT_IN_SCOPE',
      'body.participants.idNumbers.1 CARE_ID_NUMBER_NOT_FOUND',
      'body.participants.idNumbers.2 CARE_ID_NUMBER_NOT_FOUND',
      'body.participants.idNumbers.3 ID_NUMBER_CHECKSUM',
    ]);
    expect(res.body.messages['zh-CN']).toContain('6 名');

    // The union's administrator sees both schools, never the other union's teacher.
    const union = await create(
      admin,
      recordBody({ participants: { teacherIds: [own!.id, neighbour!.id, foreign!.id] } }),
    );
    expect([union.status, union.body.errors.map((e: { path: string }) => e.path)]).toEqual([
      422,
      ['body.participants.teacherIds.2'],
    ]);

    // An officer records work of their own school only.
    const elsewhere = await create(
      officer,
      recordBody({ orgId: fx.schools[1]!.id, participants: { teacherIds: [own!.id] } }),
    );
    expect([elsewhere.status, elsewhere.body.errors?.[0]?.path]).toEqual([404, 'body.orgId']);

    expect(await careCounts()).toEqual(counts);
    expect(await snapshot(h)).toBe(before);

    const ok = await create(officer, recordBody({ participants: { teacherIds: [own!.id] } }));
    expect([ok.status, ok.body.participantCount]).toEqual([201, 1]);
  });

  it('refuses negative and fractional amounts and impossible dates with clear messages, writing nothing', async () => {
    const before = await snapshot(h);
    const negative = await create(admin, recordBody({ amountFen: -100 }));
    expect([negative.status, negative.body.errors[0].path]).toEqual([400, 'body.amountFen']);
    expect(negative.body.errors[0].message).toBe('金额不能为负数');
    const fraction = await api()
      .post('/api/v1/care-records')
      .set({ ...admin.auth, 'Accept-Language': 'en' })
      .send(recordBody({ amountFen: 99.5 }));
    expect([fraction.status, fraction.body.errors[0].path]).toEqual([400, 'body.amountFen']);
    expect(fraction.body.errors[0].message).toMatch(/fen and must be a whole number/);

    const future = await create(admin, recordBody({ occurredOn: addDays(today, 1) }));
    expect([future.status, future.body.code, future.body.errors[0].path]).toEqual([
      422,
      'DATE_IN_FUTURE',
      'body.occurredOn',
    ]);
    const early = await create(admin, recordBody({ occurredOn: '1999-12-31' }));
    expect([early.status, early.body.code]).toEqual([422, 'DATE_TOO_EARLY']);
    const tenantLevel = await create(admin, recordBody({ orgId: fx.province.id }));
    expect([tenantLevel.status, tenantLevel.body.errors[0].path]).toEqual([404, 'body.orgId']);
    expect(await snapshot(h)).toBe(before);

    // The union itself may be the unit that did the work.
    expect((await create(admin, recordBody({ orgId: fx.tenant.id }))).status).toBe(201);
  });

  it('keeps a follow-up date (回访日期): on or after the activity, cleared with null, audited', async () => {
    const occurredOn = addDays(today, -3);
    const followUpOn = addDays(today, 14); // a follow-up is usually ahead
    const res = await create(admin, recordBody({ occurredOn, followUpOn }));
    expect([res.status, res.body.followUpOn]).toEqual([201, followUpOn]);
    const stored = () =>
      asOwner(async (em) => {
        const [r] = await em.query(
          `SELECT to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on FROM care_records WHERE id = $1`,
          [res.body.id],
        );
        return r.follow_up_on as string | null;
      });
    expect(await stored()).toBe(followUpOn);
    expect((await api().get(`/api/v1/care-records/${res.body.id}`).set(admin.auth)).body.followUpOn).toBe(
      followUpOn,
    );
    // None by default; the activity's own day will do.
    expect((await create(admin, recordBody())).body.followUpOn).toBeNull();
    expect((await create(admin, recordBody({ occurredOn, followUpOn: occurredOn }))).status).toBe(201);

    const moved = await api()
      .patch(`/api/v1/care-records/${res.body.id}`)
      .set(admin.auth)
      .send({ version: res.body.version, followUpOn: addDays(today, 30) });
    expect([moved.status, moved.body.followUpOn]).toEqual([200, addDays(today, 30)]);
    const cleared = await api()
      .patch(`/api/v1/care-records/${res.body.id}`)
      .set(admin.auth)
      .send({ version: moved.body.version, followUpOn: null });
    expect([cleared.status, cleared.body.followUpOn]).toEqual([200, null]);
    expect(await stored()).toBeNull();
    // An edit without it leaves it alone.
    const again = await api()
      .patch(`/api/v1/care-records/${res.body.id}`)
      .set(admin.auth)
      .send({ version: cleared.body.version, followUpOn });
    const retitled = await api()
      .patch(`/api/v1/care-records/${res.body.id}`)
      .set(admin.auth)
      .send({ version: again.body.version, title: '回访前改标题' });
    expect(retitled.body.followUpOn).toBe(followUpOn);

    const updates = (
      await api().get('/api/v1/audit-events?pageSize=200&action=care.update').set(admin.auth)
    ).body.items.filter((e: { targetId: string }) => e.targetId === res.body.id);
    expect(updates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: expect.objectContaining({ followUpOn: addDays(today, 30) }),
          after: expect.objectContaining({ followUpOn: null }),
        }),
      ]),
    );
  });

  it('refuses a follow-up date before the activity, or not a date, naming the field and writing nothing', async () => {
    const occurredOn = addDays(today, -10);
    // Followed up two days after the activity, already past.
    const rec = (await create(admin, recordBody({ occurredOn, followUpOn: addDays(occurredOn, 2) }))).body;
    const before = await snapshot(h);
    const counts = await careCounts();

    const early = await create(admin, recordBody({ occurredOn, followUpOn: addDays(occurredOn, -1) }));
    expect([early.status, early.body.code, early.body.errors]).toEqual([
      422,
      'CARE_FOLLOW_UP_BEFORE_ACTIVITY',
      [expect.objectContaining({ path: 'body.followUpOn', code: 'CARE_FOLLOW_UP_BEFORE_ACTIVITY' })],
    ]);
    expect(early.body.errors[0].message).toBe('回访日期不能早于活动日期');
    const english = await api()
      .post('/api/v1/care-records')
      .set({ ...admin.auth, 'Accept-Language': 'en' })
      .send(recordBody({ occurredOn, followUpOn: addDays(occurredOn, -1) }));
    expect(english.body.errors[0].message).toBe('The follow-up date cannot be before the activity date');
    const notADate = await create(admin, recordBody({ followUpOn: '2025-02-30' }));
    expect([notADate.status, notADate.body.errors[0].path]).toEqual([400, 'body.followUpOn']);

    const patch = (body: Record<string, unknown>) =>
      api()
        .patch(`/api/v1/care-records/${rec.id}`)
        .set(admin.auth)
        .send({ version: rec.version, ...body });
    const earlier = await patch({ followUpOn: addDays(occurredOn, -1) });
    expect([earlier.status, earlier.body.code, earlier.body.errors?.[0]?.path]).toEqual([
      422,
      'CARE_FOLLOW_UP_BEFORE_ACTIVITY',
      'body.followUpOn',
    ]);
    // A new activity day past the follow-up the record holds: the day is what is refused.
    const overtaken = await patch({ occurredOn: addDays(occurredOn, 5) });
    expect([overtaken.status, overtaken.body.code, overtaken.body.errors?.[0]?.path]).toEqual([
      422,
      'CARE_FOLLOW_UP_BEFORE_ACTIVITY',
      'body.occurredOn',
    ]);
    // Together they go: the day and a follow-up after it.
    const both = await patch({ occurredOn: addDays(occurredOn, -5), followUpOn: addDays(occurredOn, -6) });
    expect([both.status, both.body.errors?.[0]?.path]).toEqual([422, 'body.followUpOn']);

    expect(await careCounts()).toEqual(counts);
    expect(await snapshot(h)).toBe(before);
    const ok = await patch({ occurredOn: addDays(occurredOn, 5), followUpOn: addDays(occurredOn, 6) });
    expect([ok.status, ok.body.occurredOn, ok.body.followUpOn]).toEqual([
      200,
      addDays(occurredOn, 5),
      addDays(occurredOn, 6),
    ]);
  });

  it('ties work to a measure of the union’s programme, refusing a measure it lacks or an activity the measure does not list', async () => {
    const programmeId = await adoptZhejiang(fx);
    const before = await snapshot(h);
    const cases: [Record<string, unknown>, number, string, string][] = [
      [
        { programmeId, measureKey: 'no_such_measure', activityType: 'culture_sports' },
        422,
        'CARE_MEASURE_UNKNOWN',
        'body.measureKey',
      ],
      [
        { programmeId, measureKey: 'culture_sports', activityType: 'visit' },
        422,
        'CARE_ACTIVITY_NOT_IN_MEASURE',
        'body.activityType',
      ],
      [
        { measureKey: 'culture_sports', activityType: 'culture_sports' },
        422,
        'CARE_MEASURE_WITHOUT_PROGRAMME',
        'body.measureKey',
      ],
      [{ programmeId: randomUUID(), activityType: 'culture_sports' }, 404, 'NOT_FOUND', 'body.programmeId'],
    ];
    for (const [over, status, code, path] of cases) {
      const res = await create(admin, recordBody(over));
      expect([res.status, res.body.code, res.body.errors?.[0]?.path]).toEqual([status, code, path]);
    }
    expect(await snapshot(h)).toBe(before);

    // A school's officer records under the union's programme.
    const ok = await create(
      officer,
      recordBody({ programmeId, measureKey: 'culture_sports', activityType: 'culture_sports', amountFen: 0 }),
    );
    expect([ok.status, ok.body.programmeId, ok.body.measureKey]).toEqual([
      201,
      programmeId,
      'culture_sports',
    ]);
    // The write asked the worker to recompute the programme's stored results (one job per minute).
    expect(await refreshQueued(h.config, programmeId)).toBe(true);

    // The other union cannot use this programme.
    const theirs = await create(other, {
      ...recordBody({ orgId: fx.otherSchool.id }),
      programmeId,
      activityType: 'culture_sports',
    });
    expect([theirs.status, theirs.body.errors?.[0]?.path]).toEqual([404, 'body.programmeId']);

    // Changing the type under the measure is checked too.
    const bad = await api()
      .patch(`/api/v1/care-records/${ok.body.id}`)
      .set(officer.auth)
      .send({ version: ok.body.version, activityType: 'visit' });
    expect([bad.status, bad.body.code]).toEqual([422, 'CARE_ACTIVITY_NOT_IN_MEASURE']);
  });

  it('edits fields and participants, keeping the copies in step; a stale version answers 409', async () => {
    const [a, b, c] = await seedTeachers(fx.tenant, fx.schools, 3);
    const rec = (await create(admin, recordBody({ participants: { teacherIds: [a!.id, b!.id] } }))).body;
    const day = addDays(today, -30);
    const res = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(admin.auth)
      .send({
        version: rec.version,
        occurredOn: day,
        activityType: 'illness_care',
        amountFen: 80_000,
        title: '患病慰问',
        addParticipants: { teacherIds: [c!.id, b!.id] },
        removeTeacherIds: [a!.id],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: rec.version + 1,
      occurredOn: day,
      activityType: 'illness_care',
      amountFen: 80_000,
      title: '患病慰问',
      participantCount: 2,
    });
    const rows = await participantRows(rec.id);
    expect(rows.map((r) => r.teacher_id).sort()).toEqual([b!.id, c!.id].sort());
    expect(rows.every((r) => r.activity_type === 'illness_care' && r.occurred_on === day)).toBe(true);

    const stale = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(admin.auth)
      .send({ version: rec.version, title: '旧版本' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const staleDelete = await api()
      .post(`/api/v1/care-records/${rec.id}/delete`)
      .set(admin.auth)
      .send({ version: rec.version, reason: '重复登记' });
    expect([staleDelete.status, staleDelete.body.code]).toEqual([409, 'STALE_VERSION']);

    const notThere = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(admin.auth)
      .send({ version: res.body.version, removeTeacherIds: [b!.id, a!.id] });
    expect([notThere.status, notThere.body.errors]).toEqual([
      422,
      [expect.objectContaining({ path: 'body.removeTeacherIds.1', code: 'CARE_NOT_A_PARTICIPANT' })],
    ]);
    const negative = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(admin.auth)
      .send({ version: res.body.version, amountFen: -1 });
    expect(negative.status).toBe(400);
    expect((await api().get(`/api/v1/care-records/${rec.id}`).set(admin.auth)).body).toMatchObject({
      participantCount: 2,
      amountFen: 80_000,
    });
  });

  it('lets a school officer change the type or day only when they see every participant', async () => {
    const [own, neighbour] = await seedTeachers(fx.tenant, fx.schools, 2);
    // The union recorded work at the officer's school for teachers of both schools.
    const rec = (await create(admin, recordBody({ participants: { teacherIds: [own!.id, neighbour!.id] } })))
      .body;
    const seen = await api().get(`/api/v1/care-records/${rec.id}/participants`).set(officer.auth);
    expect([seen.body.total, seen.body.items.map((p: { teacherId: string }) => p.teacherId)]).toEqual([
      1,
      [own!.id],
    ]);

    const before = await snapshot(h);
    const redate = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(officer.auth)
      .send({ version: rec.version, occurredOn: addDays(today, -9) });
    expect([redate.status, redate.body.code]).toEqual([422, 'CARE_PARTICIPANTS_BEYOND_SCOPE']);
    const remove = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(officer.auth)
      .send({ version: rec.version, removeTeacherIds: [neighbour!.id] });
    expect([remove.status, remove.body.errors?.[0]?.path]).toEqual([422, 'body.removeTeacherIds.0']);
    expect(await snapshot(h)).toBe(before);

    const retitle = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(officer.auth)
      .send({ version: rec.version, title: '改个标题' });
    expect([retitle.status, retitle.body.participantCount]).toEqual([200, 2]);
    const redated = await api()
      .patch(`/api/v1/care-records/${rec.id}`)
      .set(admin.auth)
      .send({ version: retitle.body.version, occurredOn: addDays(today, -9) });
    expect(redated.status).toBe(200);
    expect((await participantRows(rec.id)).map((r) => r.occurred_on)).toEqual([
      addDays(today, -9),
      addDays(today, -9),
    ]);
  });

  it('deletes softly with a reason: gone from lists, from the teacher’s care and from reads; every change is audited', async () => {
    const [t] = await seedTeachers(fx.tenant, fx.schools, 1);
    const rec = (
      await create(
        admin,
        recordBody({
          title: '待删除的记录',
          participants: { teacherIds: [t!.id], idNumbers: [t!.idNumber] },
        }),
      )
    ).body;
    const edited = (
      await api()
        .patch(`/api/v1/care-records/${rec.id}`)
        .set(admin.auth)
        .send({ version: rec.version, amountFen: 1 })
    ).body;
    expect((await api().get(`/api/v1/teachers/${t!.id}/care`).set(admin.auth)).body.total).toBe(1);

    const del = await api()
      .post(`/api/v1/care-records/${rec.id}/delete`)
      .set(admin.auth)
      .send({ version: edited.version, reason: '重复登记' });
    expect([del.status, del.body]).toEqual([200, { ok: true }]);
    expect((await api().get(`/api/v1/care-records/${rec.id}`).set(admin.auth)).status).toBe(404);
    expect((await api().get(`/api/v1/care-records/${rec.id}/participants`).set(admin.auth)).status).toBe(404);
    const again = await api()
      .post(`/api/v1/care-records/${rec.id}/delete`)
      .set(admin.auth)
      .send({ version: edited.version + 1, reason: '重复登记' });
    expect(again.status).toBe(404);
    const list = await api()
      .get(`/api/v1/care-records?pageSize=200&q=${encodeURIComponent('待删除')}`)
      .set(admin.auth);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(rec.id);
    expect((await api().get(`/api/v1/care-records?teacherId=${t!.id}`).set(admin.auth)).body.total).toBe(0);
    expect((await api().get(`/api/v1/teachers/${t!.id}/care`).set(admin.auth)).body).toMatchObject({
      total: 0,
      items: [],
    });
    const [row] = await asOwner((em) =>
      em.query(`SELECT deleted_at, deleted_by, delete_reason FROM care_records WHERE id = $1`, [rec.id]),
    );
    expect(row).toMatchObject({
      deleted_at: expect.any(Date),
      deleted_by: fx.users.tenantAdmin.id,
      delete_reason: '重复登记',
    });

    const events = async (action: string) =>
      (
        await api().get(`/api/v1/audit-events?pageSize=200&action=${action}`).set(admin.auth)
      ).body.items.filter((e: { targetId: string }) => e.targetId === rec.id);
    const [created] = await events('care.create');
    expect(created).toMatchObject({
      targetType: 'care_record',
      orgId: fx.schools[0]!.id,
      after: { title: '待删除的记录', participantCount: 1, hasNotes: true },
    });
    const [updated] = await events('care.update');
    expect(updated).toMatchObject({
      before: { amountFen: 50_000 },
      after: { amountFen: 1, addedTeacherIds: [], removedTeacherIds: [] },
    });
    const [deleted] = await events('care.delete');
    expect(deleted).toMatchObject({
      before: { id: rec.id, amountFen: 1 },
      after: { deleted: true, reason: '重复登记' },
    });
    // Ids and names only: no ID number, no notes.
    const all = JSON.stringify([created, updated, deleted]);
    expect(all).not.toContain(t!.idNumber);
    expect(all).not.toContain('带去慰问品');
  });

  it('lists records in scope with filters and sorts, and a teacher’s care newest first', async () => {
    const mark = `筛选${randomBytes(2).toString('hex')}`;
    const [t, u] = await seedTeachers(fx.tenant, fx.schools, 2);
    const made = [];
    for (const [i, over] of [
      {
        activityType: 'visit',
        occurredOn: addDays(today, -40),
        amountFen: 300,
        orgId: fx.schools[0]!.id,
        participants: { teacherIds: [t!.id] },
      },
      {
        activityType: 'counselling',
        occurredOn: addDays(today, -20),
        amountFen: 0,
        orgId: fx.schools[1]!.id,
        participants: { teacherIds: [t!.id, u!.id] },
      },
      {
        activityType: 'visit',
        occurredOn: addDays(today, -10),
        amountFen: 900,
        orgId: fx.tenant.id,
        participants: { teacherIds: [u!.id] },
      },
    ].entries())
      made.push((await create(admin, recordBody({ ...over, title: `${mark} ${i}` }))).body);
    const ids = (s: string, who = admin) =>
      api()
        .get(`/api/v1/care-records?pageSize=200&q=${encodeURIComponent(mark)}${s}`)
        .set(who.auth)
        .then((r) => r.body.items.map((x: { id: string }) => x.id));
    const [v1, c2, v3] = made.map((m) => m.id);
    expect(await ids('')).toEqual([v3, c2, v1]);
    expect(await ids('&sort=occurredOn')).toEqual([v1, c2, v3]);
    expect(await ids('&sort=-amountFen')).toEqual([v3, v1, c2]);
    expect(await ids('&sort=-participantCount')).toEqual([c2, v3, v1]);
    expect(await ids('&activityType=visit')).toEqual([v3, v1]);
    expect(await ids(`&from=${addDays(today, -25)}&to=${addDays(today, -15)}`)).toEqual([c2]);
    expect(await ids(`&teacherId=${t!.id}`)).toEqual([c2, v1]);
    expect(await ids(`&orgId=${fx.schools[1]!.id}`)).toEqual([c2]);
    expect(await ids(`&orgId=${fx.tenant.id}`)).toEqual([v3, c2, v1]);
    // A school's officer sees their school's records only.
    expect(await ids('', officer)).toEqual([v1]);
    expect((await api().get(`/api/v1/care-records/${c2}`).set(officer.auth)).status).toBe(404);

    const care = await api().get(`/api/v1/teachers/${t!.id}/care`).set(admin.auth);
    expect(care.body).toMatchObject({ total: 2, page: 1 });
    expect(care.body.items).toEqual([
      {
        recordId: c2,
        activityType: 'counselling',
        title: `${mark} 1`,
        occurredOn: addDays(today, -20),
        orgName: fx.schools[1]!.name,
      },
      {
        recordId: v1,
        activityType: 'visit',
        title: `${mark} 0`,
        occurredOn: addDays(today, -40),
        orgName: fx.schools[0]!.name,
      },
    ]);
  });
});

describe('another union', () => {
  it('can neither read nor write our care records, nor name our teachers: 404s, and nothing changes', async () => {
    const [t] = await seedTeachers(fx.tenant, fx.schools, 1);
    const rec = (await create(admin, recordBody({ participants: { teacherIds: [t!.id] } }))).body;
    const before = await snapshot(h);
    const attempts: [string, string, object?][] = [
      ['get', `/api/v1/care-records/${rec.id}`],
      ['get', `/api/v1/care-records/${rec.id}/participants`],
      ['patch', `/api/v1/care-records/${rec.id}`, { version: rec.version, title: '越权修改' }],
      ['post', `/api/v1/care-records/${rec.id}/delete`, { version: rec.version, reason: '越权删除' }],
      ['get', `/api/v1/teachers/${t!.id}/care`],
      ['post', '/api/v1/care-records', recordBody()],
    ];
    for (const [method, path, body] of attempts) {
      const res = await (api() as never as Record<string, (p: string) => request.Test>)[method]!(path)
        .set(other.auth)
        .send(body);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'NOT_FOUND']);
    }
    const list = await api().get('/api/v1/care-records?pageSize=200').set(other.auth);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(rec.id);
    expect((await api().get(`/api/v1/care-records?teacherId=${t!.id}`).set(other.auth)).body.total).toBe(0);

    const naming = await create(
      other,
      recordBody({
        orgId: fx.otherSchool.id,
        participants: { teacherIds: [t!.id], idNumbers: [t!.idNumber] },
      }),
    );
    expect([naming.status, naming.body.errors.map((e: { path: string }) => e.path)]).toEqual([
      422,
      ['body.participants.teacherIds.0', 'body.participants.idNumbers.0'],
    ]);
    expect(await snapshot(h)).toBe(before);
  });
});

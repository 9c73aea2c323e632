import { randomBytes } from 'node:crypto';
import { addDays, statutoryRetirementDate, todayInShanghai } from '@guanai/domain';
import { makeIdNumber, withWrongCheckDigit, type TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

let h: Harness;
let fx: TenantFixture;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  officer = await login(h, fx.users.officer.username, fx.password);
});
afterAll(() => h.close());

const today = todayInShanghai();
const api = () => request(h.http);

function teacherBody(over: Record<string, unknown> = {}) {
  const birthDate = (over.birthDate as string) ?? '1980-05-17';
  const sex = (over.sex as 'male' | 'female') ?? 'female';
  return {
    name: `张${randomBytes(2).toString('hex')}`,
    sex,
    idNumber: makeIdNumber(birthDate, sex),
    birthDate,
    phone: '13812345678',
    employmentType: 'establishment',
    position: 'teacher',
    subject: '语文',
    stage: 'primary',
    titles: [{ level: 'intermediate', since: '2010-09-01' }],
    teachingSince: '2002-09-01',
    joinedSchoolOn: '2012-09-01',
    orgId: fx.schools[0]!.id,
    address: '浙江省杭州市西湖区文三路 100 号',
    tags: ['班主任经历'],
    ...over,
  };
}

describe('teacher records', () => {
  it('creates a record, storing sensitive values encrypted and showing them masked', async () => {
    const body = teacherBody();
    const res = await api().post('/api/v1/teachers').set(admin.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: body.name,
      idNumberMasked: `${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`,
      phoneMasked: '138****5678',
      orgId: fx.schools[0]!.id,
      title: 'intermediate',
      status: 'active',
      postings: [{ orgId: fx.schools[0]!.id, from: '2012-09-01', to: null, rural: false }],
    });
    expect(res.body.facts.retirementDate).toBe(statutoryRetirementDate('1980-05-17', 'female', 'cadre'));
    expect(JSON.stringify(res.body)).not.toContain(body.idNumber);
    const [row] = await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      return em.query('SELECT id_number_enc, phone_enc, address_enc FROM teachers WHERE id = $1', [
        res.body.id,
      ]);
    });
    expect(row.id_number_enc).not.toContain(body.idNumber.slice(6, 14));
    expect(row.phone_enc).not.toContain('13812345678');
    expect(row.address_enc).not.toContain('文三路');
  });

  it('reveals one field in clear to a permitted role and audits the read with its reason', async () => {
    const body = teacherBody();
    const created = (await api().post('/api/v1/teachers').set(admin.auth).send(body)).body;
    const res = await api()
      .post(`/api/v1/teachers/${created.id}/reveal`)
      .set(officer.auth)
      .send({ field: 'idNumber', reason: '核对体检名单' });
    expect(res.body).toEqual({ field: 'idNumber', value: body.idNumber });
    const audit = await api()
      .get(`/api/v1/audit-events?action=teacher.reveal&actorId=${fx.users.officer.id}`)
      .set(admin.auth);
    expect(audit.body.items[0]).toMatchObject({
      targetId: created.id,
      after: { field: 'idNumber', reason: '核对体检名单' },
    });
    // Nothing in the audit log holds the clear number.
    const all = await api().get('/api/v1/audit-events?pageSize=200').set(admin.auth);
    expect(JSON.stringify(all.body)).not.toContain(body.idNumber);
  });

  it('finds a teacher by exact ID number through the keyed hash', async () => {
    const body = teacherBody();
    await api().post('/api/v1/teachers').set(admin.auth).send(body);
    const res = await api().get(`/api/v1/teachers?idNumber=${body.idNumber}`).set(admin.auth);
    expect(res.body.items.map((t: { name: string }) => t.name)).toEqual([body.name]);
  });

  it('refuses a wrong check digit, an ID that disagrees with birth date or sex, future dates — naming the field, writing nothing', async () => {
    const before = await snapshot(h);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { idNumber: withWrongCheckDigit(makeIdNumber('1980-05-17', 'female')) },
        'body.idNumber',
        'ID_NUMBER_CHECKSUM',
      ],
      [{ idNumber: makeIdNumber('1981-05-17', 'female') }, 'body.birthDate', 'ID_NUMBER_BIRTH_DATE_MISMATCH'],
      [{ idNumber: makeIdNumber('1980-05-17', 'male') }, 'body.sex', 'ID_NUMBER_SEX_MISMATCH'],
      [
        { teachingSince: addDays(today, 3), joinedSchoolOn: addDays(today, 3) },
        'body.teachingSince',
        'DATE_IN_FUTURE',
      ],
      [{ teachingSince: '1990-09-01' }, 'body.teachingSince', 'TEACHING_BEFORE_AGE_16'],
      [{ birthDate: '1980-02-30' }, 'body.birthDate', 'invalid_format'],
    ];
    for (const [over, path, code] of cases) {
      const res = await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody(over));
      expect([
        path,
        code,
        res.status >= 400 && res.status < 500,
        res.body.errors?.some((e: { path: string; code: string }) => e.path === path && e.code === code),
      ]).toEqual([path, code, true, true]);
    }
    expect(await snapshot(h)).toBe(before);
    const dup = teacherBody();
    await api().post('/api/v1/teachers').set(admin.auth).send(dup);
    const mid = await snapshot(h);
    const again = await api()
      .post('/api/v1/teachers')
      .set(admin.auth)
      .send({ ...teacherBody(), idNumber: dup.idNumber, birthDate: dup.birthDate, sex: dup.sex });
    expect([again.status, again.body.code]).toEqual([409, 'TEACHER_EXISTS']);
    expect(await snapshot(h)).toBe(mid);
  });

  it('filters on the server: sex, age, title, rural school, retiring within N days, tags', async () => {
    const near = await api()
      .post('/api/v1/teachers')
      .set(admin.auth)
      .send(
        teacherBody({
          birthDate: '1971-01-10',
          sex: 'female',
          retirementCategory: 'worker',
          orgId: fx.schools[1]!.id,
          tags: ['临退休'],
          titles: [{ level: 'associate_senior', since: '2015-01-01' }],
        }),
      );
    expect(near.status).toBe(201);
    const q = (s: string) =>
      api()
        .get(`/api/v1/teachers?pageSize=200&${s}`)
        .set(admin.auth)
        .then((r) => r.body.items.map((t: { id: string }) => t.id));
    expect(await q('rural=true')).toContain(near.body.id);
    expect(await q('rural=false')).not.toContain(near.body.id);
    expect(await q('title=associate_senior')).toEqual([near.body.id]);
    expect(await q('tag=临退休')).toEqual([near.body.id]);
    expect(await q('sex=male')).not.toContain(near.body.id);
    const age = near.body.facts.age as number;
    expect(await q(`ageMin=${age}&ageMax=${age}`)).toContain(near.body.id);
    expect(await q(`ageMin=${age + 1}`)).not.toContain(near.body.id);
    const taught = near.body.facts.yearsOfTeaching as number;
    expect(await q(`teachingYearsMin=${taught}&teachingYearsMax=${taught}`)).toContain(near.body.id);
    expect(await q(`teachingYearsMin=${taught + 1}`)).not.toContain(near.body.id);
    const atSchool = near.body.facts.yearsAtSchool as number;
    expect(await q(`yearsAtSchoolMin=${atSchool}`)).toContain(near.body.id);
    expect(await q(`yearsAtSchoolMin=${atSchool + 1}`)).not.toContain(near.body.id);
    const days = near.body.facts.daysToRetirement as number;
    if (days >= 0) {
      expect(await q(`retiringWithinDays=${days}`)).toContain(near.body.id);
      if (days > 0) expect(await q(`retiringWithinDays=${days - 1}`)).not.toContain(near.body.id);
    }
  });

  it('answers 409 to a stale edit, recomputes retirement on a category change', async () => {
    const t = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ birthDate: '1976-03-02', sex: 'female' }))
    ).body;
    const ok = await api()
      .patch(`/api/v1/teachers/${t.id}`)
      .set(admin.auth)
      .send({ version: t.version, retirementCategory: 'worker' });
    expect(ok.status).toBe(200);
    expect(ok.body.facts.retirementDate).toBe(statutoryRetirementDate('1976-03-02', 'female', 'worker'));
    expect(ok.body.facts.retirementDate).not.toBe(t.facts.retirementDate);
    const stale = await api()
      .patch(`/api/v1/teachers/${t.id}`)
      .set(admin.auth)
      .send({ version: t.version, name: '旧版本' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('transfers to another school: the old posting closes the day before, years at school restart', async () => {
    const t = (await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody())).body;
    const on = addDays(today, -10);
    const moved = await api()
      .post(`/api/v1/teachers/${t.id}/transfer`)
      .set(admin.auth)
      .send({ version: t.version, orgId: fx.schools[1]!.id, on });
    expect(moved.status).toBe(200);
    expect(moved.body.postings).toEqual([
      {
        orgId: fx.schools[0]!.id,
        orgName: fx.schools[0]!.name,
        from: '2012-09-01',
        to: addDays(on, -1),
        rural: false,
      },
      { orgId: fx.schools[1]!.id, orgName: fx.schools[1]!.name, from: on, to: null, rural: true },
    ]);
    expect(moved.body.facts.yearsAtSchool).toBe(0);
    // Ten days at a rural school: whole years only, as the contract says.
    expect(moved.body.facts.ruralYears).toBe(0);
    expect(Number.isInteger(moved.body.facts.ruralYears)).toBe(true);
    const other = await api()
      .post(`/api/v1/teachers/${t.id}/transfer`)
      .set(admin.auth)
      .send({ version: moved.body.version, orgId: fx.otherSchool.id, on });
    expect(other.status).toBe(404);
  });

  it('marks a teacher retired', async () => {
    const t = (await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody())).body;
    const res = await api()
      .post(`/api/v1/teachers/${t.id}/retire`)
      .set(admin.auth)
      .send({ version: t.version, on: today });
    expect([res.body.status, res.body.postings.at(-1).to]).toEqual(['retired', today]);
    const again = await api()
      .post(`/api/v1/teachers/${t.id}/retire`)
      .set(admin.auth)
      .send({ version: res.body.version, on: today });
    expect(again.body.code).toBe('TEACHER_NOT_ACTIVE');
  });

  it('links spouses both ways and flags 从教30年 (Leiyang 4)', async () => {
    const a = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(
          teacherBody({
            birthDate: '1970-01-05',
            sex: 'male',
            teachingSince: '1990-09-01',
            joinedSchoolOn: '1990-09-01',
          }),
        )
    ).body;
    const b = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ birthDate: '1972-03-05', sex: 'female' }))
    ).body;
    expect(a.eligibility.teaching30Years).toBe(true);
    expect(b.eligibility.teaching30Years).toBe(false);
    const linked = await api()
      .post(`/api/v1/teachers/${a.id}/family`)
      .set(admin.auth)
      .send({ kind: 'spouse', relativeId: b.id });
    expect(linked.status).toBe(201);
    expect(linked.body.family).toEqual([
      expect.objectContaining({ kind: 'spouse', relativeId: b.id, relativeName: b.name }),
    ]);
    const back = await api().get(`/api/v1/teachers/${b.id}`).set(admin.auth);
    expect(back.body.family).toEqual([expect.objectContaining({ kind: 'spouse', relativeId: a.id })]);
    const parent = await api()
      .post(`/api/v1/teachers/${a.id}/family`)
      .set(admin.auth)
      .send({ kind: 'parent', relativeName: '张老先生', inEducation: true });
    expect(parent.body.family).toHaveLength(2);
    // 教师之家: both on the registry, both working, one with 30 years; both records say so.
    expect(parent.body.eligibility.teacherFamily).toBe(true);
    expect((await api().get(`/api/v1/teachers/${b.id}`).set(admin.auth)).body.eligibility.teacherFamily).toBe(
      true,
    );
    // 教师世家 needs three generations: the teacher and a parent are two.
    expect(parent.body.eligibility.teacherDynasty).toBe(false);
    const child = await api()
      .post(`/api/v1/teachers/${a.id}/family`)
      .set(admin.auth)
      .send({ kind: 'child', relativeName: '张小', inEducation: true });
    expect(child.body.eligibility.teacherDynasty).toBe(true);
  });

  it('does not flag 教师之家 when neither spouse has taught 30 years (Leiyang 4)', async () => {
    const a = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ sex: 'male', birthDate: '1980-01-05' }))
    ).body;
    const b = (await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody())).body;
    const linked = await api()
      .post(`/api/v1/teachers/${a.id}/family`)
      .set(admin.auth)
      .send({ kind: 'spouse', relativeId: b.id });
    expect(linked.body.eligibility).toMatchObject({ teacherFamily: false, teacherDynasty: false });
  });

  it('keeps 任职时间 for a principal and counts two terms from it for rotation (Leiyang 13)', async () => {
    const principal = {
      birthDate: '1978-03-01',
      sex: 'male',
      position: 'principal',
      teachingSince: '2000-09-01',
      joinedSchoolOn: '2010-09-01',
    };
    const ten = addDays(today, -3653); // a little over ten years ago
    const rotating = await api()
      .post('/api/v1/teachers')
      .set(admin.auth)
      .send(teacherBody({ ...principal, positionSince: ten }));
    expect(rotating.status).toBe(201);
    expect(rotating.body).toMatchObject({ positionSince: ten, eligibility: { rotation: true } });
    const recent = await api()
      .patch(`/api/v1/teachers/${rotating.body.id}`)
      .set(admin.auth)
      .send({ version: rotating.body.version, positionSince: addDays(today, -365) });
    expect(recent.body).toMatchObject({ eligibility: { rotation: false } });
    // A new position without a date drops the old one's date.
    const demoted = await api()
      .patch(`/api/v1/teachers/${rotating.body.id}`)
      .set(admin.auth)
      .send({ version: recent.body.version, position: 'teacher' });
    expect(demoted.body.positionSince).toBeNull();
    const early = await api()
      .patch(`/api/v1/teachers/${rotating.body.id}`)
      .set(admin.auth)
      .send({ version: demoted.body.version, position: 'principal', positionSince: '1999-09-01' });
    expect([early.status, early.body.errors]).toEqual([
      422,
      [expect.objectContaining({ path: 'body.positionSince', code: 'POSITION_BEFORE_TEACHING' })],
    ]);
  });
});

describe('the birthday calendar (生日历法)', () => {
  const row = (id: string) =>
    h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      const [r] = await em.query('SELECT birthday_calendar FROM teachers WHERE id = $1', [id]);
      return r as { birthday_calendar: string };
    });

  it('is solar unless given; a lunar one (农历生日) round-trips through create, read, list and edits, audited', async () => {
    const plain = await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody());
    expect([plain.status, plain.body.birthdayCalendar]).toEqual([201, 'solar']);
    expect((await row(plain.body.id)).birthday_calendar).toBe('solar');

    const body = teacherBody({ birthdayCalendar: 'lunar' });
    const lunar = await api().post('/api/v1/teachers').set(admin.auth).send(body);
    expect([lunar.status, lunar.body.birthdayCalendar]).toEqual([201, 'lunar']);
    expect((await row(lunar.body.id)).birthday_calendar).toBe('lunar');
    expect((await api().get(`/api/v1/teachers/${lunar.body.id}`).set(admin.auth)).body.birthdayCalendar).toBe(
      'lunar',
    );
    const listed = await api().get(`/api/v1/teachers?idNumber=${body.idNumber}`).set(admin.auth);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: lunar.body.id, birthdayCalendar: 'lunar' }),
    ]);

    // An edit that leaves the calendar out keeps it (and every other defaulted field: tags, titles).
    const noted = await api()
      .patch(`/api/v1/teachers/${lunar.body.id}`)
      .set(admin.auth)
      .send({ version: lunar.body.version, notes: '过农历生日' });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({
      birthdayCalendar: 'lunar',
      tags: body.tags,
      title: 'intermediate',
      titles: body.titles,
    });

    const solar = await api()
      .patch(`/api/v1/teachers/${lunar.body.id}`)
      .set(admin.auth)
      .send({ version: noted.body.version, birthdayCalendar: 'solar' });
    expect([solar.status, solar.body.birthdayCalendar]).toEqual([200, 'solar']);
    expect((await row(lunar.body.id)).birthday_calendar).toBe('solar');
    const audit = await api().get(`/api/v1/audit-events?action=teacher.update&pageSize=200`).set(admin.auth);
    const event = audit.body.items.find(
      (e: { targetId: string; after: { version: number } }) =>
        e.targetId === lunar.body.id && e.after.version === solar.body.version,
    );
    expect(event).toMatchObject({
      before: { birthdayCalendar: 'lunar' },
      after: { birthdayCalendar: 'solar' },
    });
  });

  it('refuses any other calendar, on create and on edit, naming the field and writing nothing', async () => {
    const t = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ birthdayCalendar: 'lunar' }))
    ).body;
    const before = await snapshot(h);
    const requests = [
      api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ birthdayCalendar: '阴阳' })),
      api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ birthdayCalendar: null })),
      api()
        .patch(`/api/v1/teachers/${t.id}`)
        .set(admin.auth)
        .send({ version: t.version, birthdayCalendar: 'gregorian' }),
      api()
        .patch(`/api/v1/teachers/${t.id}`)
        .set(admin.auth)
        .send({ version: t.version, birthdayCalendar: null, notes: '改' }),
    ];
    for (const res of await Promise.all(requests)) {
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.birthdayCalendar' })]);
    }
    expect(await snapshot(h)).toBe(before);
    expect((await api().get(`/api/v1/teachers/${t.id}`).set(admin.auth)).body).toMatchObject({
      birthdayCalendar: 'lunar',
      version: t.version,
    });
  });
});

describe('the teacher list order', () => {
  it('sorts names by pinyin, as a Chinese reader expects, both ways and in the export', async () => {
    const f = await fixture(h);
    const s = await login(h, f.users.tenantAdmin.username, f.password);
    // By code point 安 < 张 < 李 < 王; by pinyin an < li < wang < zhang.
    for (const name of ['张三', '安娜', '李四', '王五'])
      expect(
        (
          await api()
            .post('/api/v1/teachers')
            .set(s.auth)
            .send(teacherBody({ name, orgId: f.schools[0]!.id }))
        ).status,
      ).toBe(201);
    const names = async (sort: string) =>
      (await api().get(`/api/v1/teachers?sort=${sort}`).set(s.auth)).body.items.map(
        (t: { name: string }) => t.name,
      );
    expect(await names('name')).toEqual(['安娜', '李四', '王五', '张三']);
    expect(await names('-name')).toEqual(['张三', '王五', '李四', '安娜']);
  });
});

describe('teacher records across tenants and roles', () => {
  it('are invisible to another county and to the province (personal data stays with the tenant)', async () => {
    const t = (await api().post('/api/v1/teachers').set(admin.auth).send(teacherBody())).body;
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    for (const [method, path, body] of [
      ['get', `/api/v1/teachers/${t.id}`, undefined],
      ['patch', `/api/v1/teachers/${t.id}`, { version: t.version, name: 'x' }],
      ['post', `/api/v1/teachers/${t.id}/reveal`, { field: 'idNumber', reason: '越权查看' }],
      ['post', `/api/v1/teachers/${t.id}/retire`, { version: t.version, on: today }],
    ] as const) {
      const res = await (api() as never as Record<string, (p: string) => request.Test>)[method]!(path)
        .set(other.auth)
        .send(body);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const list = await api().get('/api/v1/teachers?pageSize=200').set(other.auth);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    const province = await login(h, fx.users.provinceAdmin.username, fx.password);
    expect((await api().get('/api/v1/teachers').set(province.auth)).status).toBe(403);
  });

  it('lets a school officer see only their own school’s teachers', async () => {
    const mine = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ orgId: fx.schools[0]!.id }))
    ).body;
    const theirs = (
      await api()
        .post('/api/v1/teachers')
        .set(admin.auth)
        .send(teacherBody({ orgId: fx.schools[1]!.id }))
    ).body;
    const ids = (await api().get('/api/v1/teachers?pageSize=200').set(officer.auth)).body.items.map(
      (x: { id: string }) => x.id,
    );
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const create = await api()
      .post('/api/v1/teachers')
      .set(officer.auth)
      .send(teacherBody({ orgId: fx.schools[1]!.id }));
    expect(create.status).toBe(404);
  });
});

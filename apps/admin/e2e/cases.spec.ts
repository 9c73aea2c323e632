import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { newUser, session } from './api-session';
import { logIn, logOut, strongPassword } from './support';
import { idNumberFor } from './teacher-data';

// Dispute cases (维权案件, issue 6) end to end, in a county of this spec's own: a teacher asks the union
// for help from 我的维权; the union administrator takes in a case for two teachers; a case handler
// accepts the teacher's case, starts mediation and sees the mediation deadline with the days left, is
// offered only the moves the workflow allows, meets a 409 when the case moved behind their back, and
// closes it with an outcome; the teacher follows every step in self-service and withdraws another.

const suffix = Math.random().toString(36).slice(2, 6);
const countyName = `维权县教育工会${suffix}`;
const school = `维权小学${suffix}`;
const password = () => ({ initial: strongPassword(), password: strongPassword() });
/** A province admin of its own: the fixture's turns on two-step verification in mfa.spec.ts. */
const province = { username: `case.prov.${suffix}`, ...password() };
const admin = { username: `case.adm.${suffix}`, displayName: `维权县管理员${suffix}`, ...password() };
const handler = { username: `case.hdl.${suffix}`, displayName: `维权专员${suffix}`, ...password() };
const teacherAccount = { username: `case.tch.${suffix}`, displayName: `周申请${suffix}`, ...password() };

/** The teacher with an account (the applicant who asks for help), and a colleague. */
const applicant = { name: `周申请${suffix}`, birthDate: '1985-03-12', id: '' };
const colleague = { name: `吴同事${suffix}`, birthDate: '1990-11-02', id: '' };

const DAY = 86_400_000;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const shift = (days: number) => new Date(Date.parse(today) + days * DAY).toISOString().slice(0, 10);

const FACTS = `学校自去年九月起拖欠绩效工资三个月${suffix}`;
const OTHER_FACTS = `民办学校口头通知解聘，未出具书面通知${suffix}`;

interface CaseDto {
  id: string;
  state: string;
  version: number;
  claimedFen: number;
  amountRecoveredFen: number | null;
  outcome: string | null;
  applicants: { teacherId: string }[];
}

/** Ids the tests share, set by the seed and the teacher's request. */
const ids = { school: '', teacherCase: '', overdueCase: '', adminCase: '' };

/**
 * Through the API: a province admin of its own opens the county with its administrator; the county
 * opens a school with two teachers, a case handler, and the applicant's teacher account linked to their
 * record; and an old case whose limitation ran out (for the overdue filter).
 */
async function seed(request: APIRequestContext): Promise<void> {
  const state = loadState();
  const platform = await session(request, state.users.platformAdmin, state.password);
  const { items: orgs } = await platform<{ items: { id: string; kind: string }[] }>('get', '/orgs');
  const provinceId = orgs.find((o) => o.kind === 'province')!.id;
  await newUser(request, platform, province, {
    displayName: `省工会${suffix}`,
    role: 'province_admin',
    orgId: provinceId,
  });
  const prov = await session(request, province.username, province.password);
  const countyId = (
    await prov<{ id: string }>('post', '/orgs', {
      parentId: provinceId,
      kind: 'county',
      name: countyName,
      code: `case-${suffix}`,
    })
  ).id;
  await newUser(request, prov, admin, {
    displayName: admin.displayName,
    role: 'tenant_admin',
    orgId: countyId,
  });

  const county = await session(request, admin.username, admin.password);
  ids.school = (
    await county<{ id: string }>('post', '/orgs', {
      parentId: countyId,
      kind: 'school',
      name: school,
      code: `cs-${suffix}`,
    })
  ).id;
  for (const t of [applicant, colleague])
    t.id = (
      await county<{ id: string }>('post', '/teachers', {
        name: t.name,
        sex: 'female',
        idNumber: idNumberFor(t.birthDate, 'female'),
        birthDate: t.birthDate,
        orgId: ids.school,
        employmentType: 'establishment',
        position: 'teacher',
        stage: 'primary',
        teachingSince: '2010-09-01',
      })
    ).id;
  await newUser(request, county, handler, {
    displayName: handler.displayName,
    role: 'case_handler',
    orgId: countyId,
  });
  const teacherUserId = await newUser(request, county, teacherAccount, {
    displayName: teacherAccount.displayName,
    role: 'teacher',
    orgId: ids.school,
  });
  await county('put', `/teachers/${applicant.id}/account`, { userId: teacherUserId });

  // Known 400 days ago, nothing applied for: the one-year limitation has run out.
  const hdl = await session(request, handler.username, handler.password);
  ids.overdueCase = (
    await hdl<CaseDto>('post', '/cases', {
      applicantTeacherIds: [colleague.id],
      respondent: { kind: 'outside_employer', name: `某培训公司${suffix}` },
      category: 'social_insurance_housing_fund',
      claimedFen: 0,
      facts: `未缴纳社会保险${suffix}`,
      knewOn: shift(-400),
    })
  ).id;
}

const menu = (page: Page) => page.getByRole('menu', { name: '教师关爱平台' });

/** Logs in and waits for the menu, so a `goto` cannot outrun the session. */
async function signIn(page: Page, user: { username: string; password: string }, item: string): Promise<void> {
  await logIn(page, user.username, user.password);
  await expect(menu(page).getByRole('menuitem', { name: item })).toBeVisible();
}

/** Opens a Select or TreeSelect by its label within `scope` and picks an option (retrying a lost click). */
async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const popup = page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible');
  await expect(async () => {
    if ((await popup.count()) === 0) await field.click();
    await popup.getByText(option).first().click({ timeout: 3_000 });
    await expect(popup).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Types a day into an antd DatePicker and leaves it (the typed day is taken on blur). */
async function typeDate(scope: Locator, label: string, day: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Tab');
  await expect(input).toHaveValue(day);
}

/** A card of the case page by its title. */
const card = (page: Page, title: string) =>
  page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });

const caseRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** The days-left text the SPA shows for a number of days. */
const daysLeftText = (n: number) => (n === 0 ? '今天到期' : n > 0 ? `还有 ${n} 天` : `已过 ${-n} 天`);

test.describe.serial('dispute cases', () => {
  test('a teacher asks the union for help from 我的维权; a claim in fractions of fen is refused on its field', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await seed(request);
    await signIn(page, teacherAccount, '我的维权');
    await menu(page).getByRole('menuitem', { name: '我的维权' }).click();
    await expect(page).toHaveURL(/\/my-cases$/);
    await expect(page.getByText('您还没有维权案件')).toBeVisible();

    await page.getByRole('button', { name: '求助 / 申请法律援助' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '向工会求助' });
    // Their own school is the registry school offered, chosen already.
    await expect(
      drawer.locator('.ant-form-item').filter({ has: page.getByLabel('学校', { exact: true }) }),
    ).toContainText(`本校（${school}）`);
    await pick(page, drawer, '争议类型', '拖欠工资');
    await drawer.getByLabel('主张金额').fill('12345.678');
    await drawer.getByLabel('事实与理由').fill(FACTS);
    await typeDate(drawer, '知道权利受侵害之日', shift(-30));
    await drawer.getByRole('button', { name: '提交', exact: true }).click();
    await expect(drawer.getByText('请输入金额，如 1200 或 1200.50（最多两位小数）')).toBeVisible();
    await drawer.getByLabel('主张金额').fill('12345.67');
    await drawer.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByText('已提交，工会维权专员会尽快与您联系')).toBeVisible();
    await expect(drawer).toBeHidden();

    const card = page.locator('.ant-card').filter({ hasText: `拖欠工资 · ${school}` });
    await expect(card).toContainText('待受理');
    await expect(card).toContainText('12,345.67 元');
    // The one-year limitation from 30 days ago, moved past rest days: about 335 days left.
    await expect(card.getByRole('row').filter({ hasText: '仲裁时效' })).toContainText(/还有 3\d\d 天/);
    await expect(card.getByRole('button', { name: '撤回', exact: true })).toBeVisible();

    const mine = await session(request, teacherAccount.username, teacherAccount.password);
    const { items } = await mine<{ items: { id: string; claimedFen: number }[] }>('get', '/me/cases');
    expect(items).toHaveLength(1);
    // Yuan typed, integer fen stored.
    expect(items[0]!.claimedFen).toBe(1_234_567);
    ids.teacherCase = items[0]!.id;
  });

  test('the union administrator takes in a case for two teachers; the facts show once opened', async ({
    page,
    request,
  }) => {
    await signIn(page, admin, '维权案件');
    await menu(page).getByRole('menuitem', { name: '维权案件' }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await page.getByRole('button', { name: '登记案件' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '登记维权案件' });

    const applicants = drawer.getByLabel('申请人（教师）');
    for (const t of [applicant, colleague]) {
      await applicants.fill(t.name);
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText(new RegExp(`^${t.name}（${school}`))
        .click();
    }
    // The applicants' dropdown may still be closing over the radios: click until the field shows.
    await expect(async () => {
      await drawer.getByText('民办学校', { exact: true }).click();
      await expect(drawer.getByLabel('单位名称')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await drawer.getByLabel('单位名称').fill(`某民办学校${suffix}`);
    await pick(page, drawer, '争议类型', '解除合同或辞退');
    await drawer.getByLabel('主张金额').fill('50000');
    await drawer.getByLabel('其他请求').fill('恢复岗位');
    await drawer.getByLabel('事实与理由').fill(OTHER_FACTS);
    await typeDate(drawer, '知道权利受侵害之日', shift(-10));
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('案件已登记')).toBeVisible();

    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { name: new RegExp(`某民办学校${suffix}`) });
    await expect(heading).toContainText(applicant.name);
    await expect(heading).toContainText(colleague.name);
    await expect(page.getByText('待受理').first()).toBeVisible();
    const claims = card(page, '请求与事实');
    await expect(claims).toContainText(OTHER_FACTS);
    await expect(claims).toContainText('恢复岗位');
    await expect(claims).toContainText('50,000.00 元');
    await expect(claims).toContainText('本次查看已记入审计日志');

    const id = /\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    ids.adminCase = id;
    const county = await session(request, admin.username, admin.password);
    const c = await county<CaseDto>('get', `/cases/${id}`);
    expect(c.claimedFen).toBe(5_000_000);
    expect(c.applicants.map((a) => a.teacherId).sort()).toEqual([applicant.id, colleague.id].sort());
  });

  test('a handler filters the list, accepts the teacher’s case and starts mediation; only allowed moves are offered', async ({
    page,
    request,
  }) => {
    await signIn(page, handler, '维权案件');
    await menu(page).getByRole('menuitem', { name: '维权案件' }).click();

    // Overdue only: the old case, its limitation passed, in red.
    const filters = page.getByRole('search', { name: '筛选案件' });
    await filters.getByLabel('只看已过期限').check();
    await filters.getByRole('button', { name: '查询', exact: true }).click();
    await expect(page).toHaveURL(/overdue=true/);
    const overdue = caseRow(page, `某培训公司${suffix}`);
    await expect(overdue).toContainText(/已过 \d+ 天/);
    await expect(caseRow(page, school)).toHaveCount(0);

    await filters.getByRole('button', { name: '重置', exact: true }).click();
    await pick(page, filters, '状态', '待受理');
    await filters.getByRole('button', { name: '查询', exact: true }).click();
    await expect(page).toHaveURL(/state=submitted/);
    const row = caseRow(page, school);
    await expect(row).toContainText(applicant.name);
    await expect(row).toContainText('拖欠工资');
    await expect(row).toContainText('12,345.67');
    await expect(row).toContainText(/还有 3\d\d 天/);
    // The case the administrator took in waits too; nothing accepted shows.
    await expect(caseRow(page, `某民办学校${suffix}`)).toContainText('待受理');
    await expect(page.getByRole('row').filter({ hasText: '已受理' })).toHaveCount(0);

    await row.getByRole('link', { name: applicant.name }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${ids.teacherCase}$`));
    await expect(card(page, '请求与事实')).toContainText(FACTS);
    const header = page.locator('.ant-card').first();
    // The workflow's moves (移交, handing over, is no move of the state).
    const buttons = async () =>
      (await header.getByRole('button').allInnerTexts())
        .map((s) => s.replace(/\s/g, ''))
        .filter((s) => s !== '返回案件列表' && s !== '移交');
    expect(await buttons()).toEqual(['受理', '不予受理', '撤回']);

    await header.getByRole('button', { name: '受理', exact: true }).click();
    const accept = page.getByRole('dialog').filter({ hasText: '原因或说明' });
    await accept.getByRole('button', { name: '受理', exact: true }).click();
    await expect(page.getByText('已受理', { exact: true }).first()).toBeVisible();
    await expect(accept).toBeHidden();
    // Mediation comes next: arbitration or a suit are not offered (the union's procedure goes through it).
    await expect.poll(buttons).toEqual(['开始调解', '撤回']);

    await header.getByRole('button', { name: '开始调解', exact: true }).click();
    const mediation = page.getByRole('dialog').filter({ hasText: '调解员或调解组织' });
    await mediation.getByRole('button', { name: '开始调解', exact: true }).click();
    await expect(mediation.getByText('请填写此项')).toBeVisible();
    await mediation.getByLabel('调解员或调解组织').fill('县劳动人事争议调解委员会 王调解员');
    await typeDate(mediation, '申请调解日期', shift(-3));
    await mediation.getByRole('button', { name: '开始调解', exact: true }).click();
    await expect(mediation).toBeHidden();
    await expect(header).toContainText('调解中');
    await expect.poll(buttons).toEqual(['达成调解协议', '调解不成', '撤回']);

    // The mediation period (第十四条) as the server computes it, with the days left on screen.
    const hdl = await session(request, handler.username, handler.password);
    const { deadlines } = await hdl<{ deadlines: { key: string; due: string; daysLeft: number }[] }>(
      'get',
      `/cases/${ids.teacherCase}/deadlines`,
    );
    const due = deadlines.find((d) => d.key === 'mediation')!;
    expect(due.daysLeft).toBeGreaterThanOrEqual(12);
    const deadlineRow = card(page, '期限').getByRole('row').filter({ hasText: '调解期限' });
    await expect(deadlineRow).toContainText('劳动争议调解仲裁法 第十四条');
    await expect(deadlineRow).toContainText(shift(-3));
    await expect(deadlineRow).toContainText(due.due);
    await expect(deadlineRow).toContainText(daysLeftText(due.daysLeft));

    const timeline = card(page, '办理记录');
    await expect(timeline).toContainText('开始调解');
    await expect(timeline).toContainText('调解员: 县劳动人事争议调解委员会 王调解员');
    await expect(timeline).toContainText(handler.displayName);
  });

  test('the teacher sees the handler’s steps in 我的维权', async ({ page }) => {
    await signIn(page, teacherAccount, '我的维权');
    await menu(page).getByRole('menuitem', { name: '我的维权' }).click();
    const card = page.locator('.ant-card').filter({ hasText: `拖欠工资 · ${school}` });
    await expect(card).toContainText('调解中');
    await expect(card.getByRole('row').filter({ hasText: '调解期限' })).toContainText(/还有 \d+ 天/);
    // The facts stay with the union's handlers.
    await expect(page.getByText(FACTS)).toHaveCount(0);
  });

  test('a move made elsewhere meanwhile answers 409 and the page reloads; the handler closes with an outcome', async ({
    page,
    request,
  }) => {
    await signIn(page, handler, '维权案件');
    await page.goto(`/cases/${ids.teacherCase}`);
    const header = page.locator('.ant-card').first();
    await expect(header).toContainText('调解中');

    // A colleague records the agreement through the API while this page still shows mediation.
    const hdl = await session(request, handler.username, handler.password);
    const before = await hdl<CaseDto>('get', `/cases/${ids.teacherCase}`);
    await hdl('post', `/cases/${ids.teacherCase}/transitions`, {
      version: before.version,
      action: 'settle',
      on: shift(-1),
      reason: '双方达成调解协议',
    });

    await header.getByRole('button', { name: '调解不成', exact: true }).click();
    const failed = page.getByRole('dialog').filter({ hasText: '调解终结日期' });
    await failed.getByRole('button', { name: '调解不成', exact: true }).click();
    await expect(page.getByText('数据已被他人修改，请刷新后重试')).toBeVisible();
    await expect(failed).toBeHidden();
    await expect(header).toContainText('已达成调解协议');
    await expect(header.getByRole('button', { name: '结案', exact: true })).toBeVisible();
    await expect(header.getByRole('button', { name: '调解不成', exact: true })).toHaveCount(0);

    await header.getByRole('button', { name: '结案', exact: true }).click();
    const close = page.getByRole('dialog').filter({ hasText: '结案结果' });
    await pick(page, close, '结案结果', '和解或调解结案');
    await close.getByLabel('追回金额').fill('8000');
    await close.getByLabel('原因或说明').fill('学校已按协议补发');
    await close.getByRole('button', { name: '结案', exact: true }).click();
    await expect(close).toBeHidden();
    await expect(header).toContainText('已结案');
    await expect(header).toContainText('案件已办结，没有可进行的操作');
    await expect(header.getByRole('button', { name: '撤回', exact: true })).toHaveCount(0);
    const progress = card(page, '办理进度');
    await expect(progress).toContainText('和解或调解结案');
    await expect(progress).toContainText('8,000.00 元');
    const timeline = card(page, '办理记录');
    await expect(timeline).toContainText('原因：学校已按协议补发');
    await expect(timeline).toContainText('原因：双方达成调解协议');

    const c = await hdl<CaseDto>('get', `/cases/${ids.teacherCase}`);
    expect(c).toMatchObject({ state: 'closed', outcome: 'settled', amountRecoveredFen: 800_000 });
  });

  test('the teacher sees the case closed, and withdraws another request', async ({ page, request }) => {
    const mine = await session(request, teacherAccount.username, teacherAccount.password);
    await mine('post', '/me/cases', {
      category: 'hours_leave',
      respondent: { kind: 'outside_employer', name: `某教育咨询公司${suffix}` },
      facts: '寒暑假被要求到岗补课且无补偿',
      knewOn: shift(-5),
    });

    await signIn(page, teacherAccount, '我的维权');
    await menu(page).getByRole('menuitem', { name: '我的维权' }).click();
    const closed = page.locator('.ant-card').filter({ hasText: `拖欠工资 · ${school}` });
    await expect(closed).toContainText('已结案');
    await expect(closed.getByRole('button', { name: '撤回', exact: true })).toHaveCount(0);

    const other = page.locator('.ant-card').filter({ hasText: `工时与休假 · 某教育咨询公司${suffix}` });
    await expect(other).toContainText('待受理');
    await other.getByRole('button', { name: '撤回', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '撤回求助' });
    await dialog.getByLabel('撤回原因').fill('已与单位协商解决');
    await dialog.getByRole('button', { name: '撤回', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(other).toContainText('已撤回');
    await expect(other.getByRole('button', { name: '撤回', exact: true })).toHaveCount(0);
  });

  test('in arbitration, the handler records the acceptance (a date out of order refused on its field) and a deadline of their own', async ({
    page,
    request,
  }) => {
    // Through mediation to arbitration by the API; the editors are what this test drives.
    const hdl = await session(request, handler.username, handler.password);
    let c = await hdl<CaseDto>('get', `/cases/${ids.adminCase}`);
    for (const [action, details] of [
      ['accept', {}],
      ['start_mediation', { mediatorName: '王调解员', on: shift(-8) }],
      ['fail_mediation', { on: shift(-6) }],
      ['start_arbitration', { on: shift(-5) }],
    ] as const)
      c = await hdl<CaseDto>('post', `/cases/${c.id}/transitions`, {
        version: c.version,
        action,
        ...details,
      });

    await signIn(page, handler, '维权案件');
    await page.goto(`/cases/${ids.adminCase}`);
    await expect(page.locator('.ant-card').first()).toContainText('仲裁中');
    const arbitration = card(page, '仲裁信息');
    await expect(arbitration).toContainText(shift(-5));
    await arbitration.getByRole('button', { name: '编辑仲裁信息' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '仲裁受理日期' });
    // Accepted before it was applied for: the server refuses, on the field.
    await typeDate(dialog, '仲裁受理日期', shift(-7));
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(
      dialog.locator('.ant-form-item').filter({ has: page.getByLabel('仲裁受理日期', { exact: true }) }),
    ).toContainText('日期先后顺序不对');
    await typeDate(dialog, '仲裁受理日期', shift(-2));
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('仲裁信息已保存')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(arbitration).toContainText(shift(-2));

    // The award period (第四十三条) now runs, 45 days from the acceptance.
    const deadlines = card(page, '期限');
    const { deadlines: computed } = await hdl<{
      deadlines: { key: string; kind: string; due: string; daysLeft: number }[];
    }>('get', `/cases/${ids.adminCase}/deadlines`);
    const award = computed.find((d) => d.key === 'award')!;
    const awardRow = deadlines.getByRole('row').filter({ hasText: '仲裁裁决期限' });
    await expect(awardRow).toContainText('劳动争议调解仲裁法 第四十三条');
    await expect(awardRow).toContainText(award.due);
    await expect(awardRow).toContainText(daysLeftText(award.daysLeft));

    // A deadline of the handler's own: added, then marked done.
    const own = card(page, '自定义期限');
    await own.getByRole('button', { name: '添加期限' }).click();
    const add = page.getByRole('dialog').filter({ hasText: '提前提醒（天）' });
    await add.getByLabel('名称').fill('提交证据材料截止');
    await typeDate(add, '到期日', shift(5));
    await add.getByRole('button', { name: '保存' }).click();
    await expect(add).toBeHidden();
    const ownRow = own.getByRole('row').filter({ hasText: '提交证据材料截止' });
    await expect(ownRow).toContainText(shift(5));
    await expect(ownRow).toContainText('还有 5 天');
    await expect(deadlines.getByRole('row').filter({ hasText: '提交证据材料截止' })).toBeVisible();

    await ownRow.getByRole('button', { name: '标记完成' }).click();
    await expect(ownRow).toContainText(`已于 ${today} 完成`);
    await expect(ownRow.getByRole('button', { name: '标记完成' })).toHaveCount(0);
    const timeline = card(page, '办理记录');
    await expect(timeline).toContainText(`仲裁受理日期: ${shift(-2)}`);
  });

  test('on the case page the handler keeps a document for the teacher, assigns the union’s lawyer and hands the case over', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const county = await session(request, admin.username, admin.password);
    await county('post', '/legal-aid/providers', {
      kind: 'lawyer',
      name: `陈律师${suffix}`,
      organisation: '某律师事务所',
      specialties: ['wage_arrears'],
    });

    await signIn(page, handler, '维权案件');
    await page.goto(`/cases/${ids.adminCase}`);
    // A document, shared with the applicant: the content says PDF, so does the name.
    const docs = card(page, '证据与文书');
    await docs.getByRole('checkbox', { name: '共享给申请人' }).check();
    await docs.locator('input[type=file]').setInputFiles({
      name: `工资条${suffix}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect(docs.getByRole('row').filter({ hasText: `工资条${suffix}.pdf` })).toBeVisible();
    // An executable named .pdf is refused with the server's reason, and not listed.
    await docs.locator('input[type=file]').setInputFiles({
      name: `病毒${suffix}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
    });
    await expect(docs.getByRole('alert')).toContainText('文件类型按内容识别');
    await expect(docs.getByRole('row').filter({ hasText: `病毒${suffix}` })).toHaveCount(0);

    // Legal aid: the union's lawyer, 2.5 hours and 1,200 yuan.
    const aid = card(page, '法律援助');
    await aid.getByRole('button', { name: '指派' }).click();
    const assign = page.getByRole('dialog').filter({ hasText: '指派法律援助人员' });
    await pick(page, assign, '援助人员', new RegExp(`陈律师${suffix}`));
    await assign.getByLabel('工作时长（小时）').fill('2.5');
    await assign.getByLabel('费用（元）').fill('1200');
    await assign.getByRole('button', { name: /保\s*存|指\s*派|确\s*定/ }).click();
    await expect(assign).toBeHidden();
    await expect(aid).toContainText(`陈律师${suffix}`);
    await expect(aid).toContainText('2.5');

    // 移交: the administrator took the case in (so handles it); the handler takes it over. On the timeline.
    await page.getByRole('button', { name: '移交' }).click();
    const hand = page.getByRole('dialog').filter({ hasText: '移交承办人' });
    await pick(page, hand, '新承办人', new RegExp(handler.displayName));
    await hand.getByLabel('原因').fill('休假交接');
    await hand.getByRole('button', { name: /移\s*交/ }).click();
    await expect(page.getByText('已移交')).toBeVisible();
    await expect(page.locator('.ant-card').first()).toContainText(`承办人 ${handler.displayName}`);
    await expect(card(page, '办理记录')).toContainText('移交承办人');
    await expect(card(page, '办理记录')).toContainText('指派法律援助');
  });

  test('the teacher finds the shared document in 我的维权; the administrator’s dashboard flags the overdue case', async ({
    page,
  }) => {
    await signIn(page, teacherAccount, '我的维权');
    await page.goto('/my-cases');
    await expect(page.getByText(`工资条${suffix}.pdf`)).toBeVisible();
    await logOut(page, teacherAccount.displayName);

    await signIn(page, admin, '维权案件');
    await page.goto('/compliance');
    await expect(page.getByText(/件维权案件的期限已过/)).toBeVisible();
    await page.getByRole('link', { name: '查看' }).first().click();
    await expect(page).toHaveURL(/\/cases\?overdue=true/);
    await expect(caseRow(page, `某培训公司${suffix}`)).toBeVisible();
  });
});

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';
import { idNumberFor, withWrongCheck } from './teacher-data';

const suffix = Math.random().toString(36).slice(2, 6);
/** The county's programme for this year: the Leiyang plan, published by the province under its own key. */
const programmeName = `关爱测试方案${suffix}`;
// Schools of its own, so teachers other specs add to the fixture's schools change nothing here.
const schoolA = `关爱一校${suffix}`;
const schoolB = `关爱二校${suffix}`;

interface Person {
  name: string;
  idNumber: string;
  id: string;
}
const person = (name: string, birthDate: string, sex: 'male' | 'female'): Person => ({
  name: `${name}${suffix}`,
  idNumber: idNumberFor(birthDate, sex),
  id: '',
});
/** School A: two picked by name, one by a pasted ID number. */
const a1 = person('孙立', '1975-03-02', 'male');
const a2 = person('钱芳', '1982-07-19', 'female');
const a3 = person('周强', '1990-11-05', 'male');
/** School B: nobody has talked with them yet (谈心谈话), until the dashboard's gap list says so. */
const b1 = person('郑红', '1979-01-23', 'female');
const b2 = person('冯伟', '1986-09-30', 'male');
/** Well formed, right check digit, but nobody in the registry has it. */
const stranger = idNumberFor('1970-06-06', 'female');

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** A week on: when the counsellor goes back to see how the teachers are (回访). */
const followUp = new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const title = `心理健康讲座${suffix}`;

type Call = <T>(method: 'get' | 'post', path: string, data?: unknown) => Promise<T>;

async function session(request: APIRequestContext, username: string): Promise<Call> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: loadState().password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  return async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

/**
 * Test data through the API: the province publishes a template, the county adopts it for this year and
 * registers two schools with their teachers. The screens for those have specs of their own.
 */
async function seed(request: APIRequestContext): Promise<void> {
  const state = loadState();
  const province = await session(request, state.users.provinceAdmin);
  const template = await province<{ id: string; version: number }>('post', '/programme-templates', {
    key: `care-e2e-${suffix}`,
    name: programmeName,
    fromBuiltin: 'leiyang',
  });
  const published = await province<{ id: string }>('post', `/programme-templates/${template.id}/publish`, {
    version: template.version,
  });

  const county = await session(request, state.users.tenantAdmin);
  const { items: orgs } = await county<{ items: { id: string; name: string }[] }>('get', '/orgs');
  const tenantId = orgs.find((o) => o.name === state.tenantName)!.id;
  const school = (name: string, code: string) =>
    county<{ id: string }>('post', '/orgs', { parentId: tenantId, kind: 'school', name, code });
  const [idA, idB] = [(await school(schoolA, `ca-${suffix}`)).id, (await school(schoolB, `cb-${suffix}`)).id];
  // A budget for check-ups (Leiyang 18), so the spending chart has something to show: 10 000 元.
  await county('post', '/programmes', {
    versionId: published.id,
    year,
    budgets: { working_conditions: 1_000_000 },
  });

  const add = async (p: Person, orgId: string, sex: 'male' | 'female', birthDate: string) => {
    p.id = (
      await county<{ id: string }>('post', '/teachers', {
        name: p.name,
        sex,
        idNumber: p.idNumber,
        birthDate,
        orgId,
        employmentType: 'establishment',
        position: 'teacher',
        stage: 'primary',
        teachingSince: '2012-09-01',
      })
    ).id;
  };
  await add(a1, idA, 'male', '1975-03-02');
  await add(a2, idA, 'female', '1982-07-19');
  await add(a3, idA, 'male', '1990-11-05');
  await add(b1, idB, 'female', '1979-01-23');
  await add(b2, idB, 'male', '1986-09-30');
}

/**
 * Opens a Select or TreeSelect by its exact label within `scope` and picks an option (retrying a lost
 * click). `type`: a searchable list too long to show whole (the activity types) is filtered first.
 */
async function pick(
  page: Page,
  scope: Locator,
  label: string,
  option: string,
  { exact = true, type = false }: { exact?: boolean; type?: boolean } = {},
): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  const popup = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await popup.count()) === 0) await field.click();
    if (type) await field.fill(option);
    await popup.getByText(option, { exact }).click({ timeout: 3_000 });
    await expect(item).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Types a name into the teacher search and picks the teacher it finds. */
async function pickTeacher(page: Page, drawer: Locator, name: string): Promise<void> {
  const search = drawer.getByRole('combobox', { name: '搜索并选择教师' });
  const popup = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    await search.click();
    await search.fill(name);
    await popup.getByText(name, { exact: false }).click({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(drawer.locator('.ant-select-selection-item').filter({ hasText: name })).toBeVisible();
}

async function signIn(page: Page): Promise<void> {
  await logIn(page, loadState().users.tenantAdmin, loadState().password);
  await expect(page.getByRole('menuitem', { name: '教师档案' })).toBeVisible();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A result cell of the schools × indicators grid. */
const cell = (page: Page, school: string, indicator: string) =>
  page.getByRole('button', { name: new RegExp(`^${escape(school)} · ${escape(indicator)}：`) });

// One story: the dashboard reads the care the first test records.
test.describe.serial('care work and the compliance dashboard', () => {
  test('a county admin records a counselling session: picked teachers, pasted ID numbers checked line by line', async ({
    page,
    request,
  }) => {
    await seed(request);
    await signIn(page);
    await page.getByRole('menuitem', { name: '关爱记录' }).click();
    await expect(page).toHaveURL(/\/care$/);

    await page.getByRole('button', { name: '记录关爱' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '记录关爱活动' });
    // A check-up carries money: the amount is asked for in 元, at most two decimals (stored as fen).
    await pick(page, drawer, '活动类型', '健康体检', { type: true });
    await drawer.getByLabel('金额', { exact: true }).fill('12.345');
    await drawer.getByLabel('金额', { exact: true }).blur();
    await expect(drawer.getByText('请输入金额，如 1200 或 1200.50（最多两位小数）')).toBeVisible();
    await pick(page, drawer, '活动类型', '心理辅导', { type: true });
    await pick(page, drawer, '开展单位', schoolA, { exact: false, type: true });
    await pick(page, drawer, '关爱方案', `${programmeName}（${year}）`);
    // Leiyang 17 is the one measure that lists counselling: it is chosen by itself.
    await expect(
      drawer.locator('.ant-form-item').filter({ has: page.getByLabel('对应措施', { exact: true }) }),
    ).toContainText('17 尊重教职工的人格和权利，关心教职工心理健康');
    // Counselling carries no money: no amount to fill in.
    await expect(drawer.getByLabel('金额', { exact: true })).toHaveCount(0);
    await drawer.getByLabel('标题', { exact: true }).fill(title);
    const followUpInput = drawer.getByLabel('回访日期', { exact: true });
    await followUpInput.click();
    await followUpInput.fill(followUp);
    await followUpInput.press('Enter');
    await expect(followUpInput).toHaveValue(followUp);

    await pickTeacher(page, drawer, a1.name);
    await pickTeacher(page, drawer, a2.name);

    // "By filter" takes the teacher list's filters and says how many match before anything is saved.
    await drawer.getByRole('tab', { name: /按条件选择/ }).click();
    const byFilter = drawer.getByRole('switch', { name: '按教师列表的筛选条件添加' });
    await byFilter.click();
    const filters = drawer.getByRole('search', { name: '筛选条件' });
    await pick(page, filters, '所属学校', schoolB, { exact: false, type: true });
    await filters.getByRole('button', { name: '查询' }).click();
    await expect(drawer.getByText('符合条件的教师：2 名')).toBeVisible();
    await expect(drawer.getByText('已选教师 2 名，身份证号 0 个，另按条件 2 名')).toBeVisible();
    // Not this time: the session was at school A.
    await byFilter.click();
    await expect(drawer.getByText('已选教师 2 名，身份证号 0 个')).toBeVisible();

    // A column pasted from Excel: one right, one with a wrong check digit, one that names nobody.
    await drawer.getByRole('tab', { name: /粘贴身份证号/ }).click();
    const paste = drawer.getByRole('textbox', { name: '身份证号' });
    await paste.fill([a3.idNumber, withWrongCheck(b1.idNumber), stranger].join('\n'));
    const problems = drawer.getByRole('list', { name: /个有误/ });
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await expect(problems.getByRole('listitem').filter({ hasText: '第 2 行' })).toContainText(
      '校验位不正确，请核对',
    );
    // Nothing is sent while a line is wrong.
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('1 个有误，请更正或删除后再保存').first()).toBeVisible();

    await drawer.getByRole('button', { name: '删除有误的行' }).click();
    await expect(paste).toHaveValue(`${a3.idNumber}\n${stranger}`);
    await expect(drawer.getByText('共 2 个身份证号，有效 2 个')).toBeVisible();
    // The server knows no teacher with the second number, and says so on that line.
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(problems.getByRole('listitem').filter({ hasText: '第 2 行' })).toContainText(
      '您的管理范围内没有此身份证号的教师',
    );
    await expect(problems.getByRole('listitem').filter({ hasText: '第 2 行' })).toContainText(stranger);

    await drawer.getByRole('button', { name: '删除有误的行' }).click();
    await expect(paste).toHaveValue(a3.idNumber);
    await expect(drawer.getByText('已选教师 2 名，身份证号 1 个')).toBeVisible();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('关爱记录已保存，共 3 名教师')).toBeVisible();
    await expect(drawer).toBeHidden();

    // The record: its measure and the three teachers.
    await expect(page).toHaveURL(/\/care\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText('17 尊重教职工的人格和权利，关心教职工心理健康')).toBeVisible();
    const details = page.locator('.ant-card').filter({ has: page.getByText('回访日期', { exact: true }) });
    await expect(details).toContainText(followUp);
    for (const p of [a1, a2, a3])
      await expect(page.getByRole('row').filter({ hasText: p.name })).toContainText(schoolA);

    // The teacher's own record lists the care they received.
    await page.getByRole('link', { name: a3.name }).click();
    await expect(page.getByRole('heading', { name: a3.name })).toBeVisible();
    const care = page.locator('.ant-card').filter({ has: page.getByText('受关爱记录', { exact: true }) });
    const row = care.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('心理辅导');
    await expect(row).toContainText(schoolA);
    await expect(row).toContainText(today);
  });

  test('the dashboard shows one school met and one not; care recorded from the gap list changes the cell', async ({
    page,
  }) => {
    expect(b1.id, 'the first test seeds the teachers').not.toBe('');
    await signIn(page);
    await page.getByRole('menuitem', { name: '达标看板' }).click();
    await expect(page).toHaveURL(/\/compliance/);
    // The county may have adopted other programmes: choose this one (it stays in the URL).
    const programmeSelect = page.getByRole('combobox', { name: '关爱方案' });
    await expect(async () => {
      await programmeSelect.click();
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText(`${programmeName}（${year}）`, { exact: true })
        .click({ timeout: 3_000 });
      await expect(page.locator('.ant-select').filter({ has: programmeSelect })).toContainText(
        programmeName,
        {
          timeout: 1_000,
        },
      );
    }).toPass({ timeout: 20_000 });

    // Leiyang 17: each school at least one counselling session a semester. School A held one; B none.
    await expect(cell(page, schoolA, '心理辅导')).toContainText('达标');
    await expect(cell(page, schoolA, '心理辅导')).not.toContainText('未达标');
    await expect(cell(page, schoolA, '心理辅导')).toContainText('1 次');
    await expect(cell(page, schoolB, '心理辅导')).toContainText(/有风险|未达标|正常推进/);
    await expect(cell(page, schoolB, '心理辅导')).toContainText('0 次');

    // Leiyang 5: school leaders talk with every teacher each year. Nobody at B yet.
    const talks = cell(page, schoolB, '校级领导与教师谈心交心');
    await expect(talks).toContainText('0%');
    await talks.click();
    const gaps = page.getByRole('dialog').filter({ hasText: `校级领导与教师谈心交心 · ${schoolB}` });
    await expect(gaps.getByText('尚未覆盖的教师（2）')).toBeVisible();
    await expect(gaps.getByRole('row').filter({ hasText: b1.name })).toContainText(schoolB);
    await expect(gaps.getByRole('row').filter({ hasText: b2.name })).toContainText(schoolB);

    await gaps.getByRole('button', { name: '为这 2 名教师记录谈心谈话…' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '记录关爱活动' });
    await expect(drawer.getByText('来自达标看板：5 校级领导与教师谈心交心')).toBeVisible();
    // Filled in: the indicator's activity type, its measure, the school and the two teachers.
    const item = (label: string) =>
      drawer.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
    await expect(item('活动类型')).toContainText('谈心谈话');
    await expect(item('开展单位')).toContainText(schoolB);
    await expect(item('关爱方案')).toContainText(programmeName);
    await expect(item('对应措施')).toContainText('5 建立教师意见征集制度');
    await expect(drawer.getByLabel('标题', { exact: true })).toHaveValue('校级领导与教师谈心交心');
    await expect(drawer.getByText('已选教师 2 名，身份证号 0 个')).toBeVisible();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('关爱记录已保存，共 2 名教师')).toBeVisible();
    await expect(drawer).toBeHidden();
    await expect(gaps.getByText('没有差距：已达标')).toBeVisible();
    await gaps.locator('.ant-drawer-close').click();
    await expect(gaps).toBeHidden();

    // Spending against the budget, by measure.
    await expect(page.locator('.ant-card').filter({ hasText: '经费支出（按措施）' })).toContainText(
      '18 优化教师工作学习环境',
    );

    // After a refresh the school's cell is met.
    await page.reload();
    await expect(cell(page, schoolB, '校级领导与教师谈心交心')).toContainText('100%');
    await expect(cell(page, schoolB, '校级领导与教师谈心交心')).toContainText('达标');
    await expect(cell(page, schoolB, '校级领导与教师谈心交心')).not.toContainText('未达标');

    // The report as Excel, downloaded with the session's token.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  test('the province sees the county on its overview and opens its report', async ({ page }) => {
    // Up to two minutes of it waiting for the worker's refresh (debounced by a minute after a write).
    test.setTimeout(240_000);
    const state = loadState();
    await logIn(page, state.users.provinceAdmin, state.password);
    await page.getByRole('menuitem', { name: '达标看板' }).click();
    await expect(page.getByText('全省达标总览')).toBeVisible();
    const templateSelect = page.getByRole('combobox', { name: '方案模板' });
    await expect(async () => {
      await templateSelect.click();
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText(programmeName, { exact: true })
        .click({ timeout: 3_000 });
      await expect(page.locator('.ant-select').filter({ has: templateSelect })).toContainText(programmeName, {
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });

    // The overview reads results the worker stores a minute or so after care is recorded.
    const county = page.getByRole('row').filter({ hasText: state.tenantName });
    const counselling = county.getByRole('button', { name: /· 心理辅导：/ });
    await expect(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      await expect(counselling).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 150_000, intervals: [5_000] });
    // The county is as good as its weakest school: B (and the fixture's schools) held no counselling.
    await expect(counselling).toContainText(/有风险|未达标|正常推进/);
    await expect(counselling).toContainText('0 次');
    // The other county has not adopted the programme.
    await expect(page.getByRole('row').filter({ hasText: state.otherTenantName })).toContainText('未采用');

    await county.getByRole('button', { name: state.tenantName, exact: true }).click();
    await expect(page).toHaveURL(/\/compliance\/programmes\/[0-9a-f-]{36}/);
    await expect(cell(page, schoolA, '心理辅导')).toContainText('1 次');
    await expect(cell(page, schoolB, '校级领导与教师谈心交心')).toContainText('100%');
    await page.getByRole('button', { name: '返回全省总览' }).click();
    await expect(page.getByText('全省达标总览')).toBeVisible();
  });
});

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn, logOut, strongPassword } from './support';
import { idNumberFor, maskedId } from './teacher-data';

const suffix = Math.random().toString(36).slice(2, 6);

/** The teacher who gets an account and asks for a correction; teaches 语文 until it is corrected. */
const own = {
  name: `周敏${suffix}`,
  birthDate: '1986-04-10',
  idNumber: idNumberFor('1986-04-10', 'female'),
  id: '',
};
/** The teacher who moves to the other county. */
const mover = {
  name: `吴刚${suffix}`,
  birthDate: '1979-08-02',
  idNumber: idNumberFor('1979-08-02', 'male'),
  id: '',
};
/** The teacher's login; the initial password must be changed at the first login. */
const account = {
  username: `zhou.${suffix}`,
  displayName: `周敏${suffix}`,
  initial: strongPassword(),
  chosen: strongPassword(),
};

/** Test data goes in through the API as the county admin: the registry's own spec covers those screens. */
async function seed(request: APIRequestContext): Promise<void> {
  const state = loadState();
  const login = await request.post('/api/v1/auth/login', {
    data: { username: state.users.tenantAdmin, password: state.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const call = async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };

  const { items: orgs } = await call<{ items: { id: string; name: string }[] }>('get', '/orgs');
  const schoolId = (name: string) => orgs.find((o) => o.name === name)!.id;
  const [firstSchool, ruralSchool] = [schoolId(state.schoolNames[0]!), schoolId(state.schoolNames[1]!)];
  const record = (t: typeof own, sex: 'male' | 'female', orgId: string, teachingSince: string) =>
    call<{ id: string }>('post', '/teachers', {
      name: t.name,
      sex,
      idNumber: t.idNumber,
      birthDate: t.birthDate,
      orgId,
      employmentType: 'establishment',
      position: 'teacher',
      stage: 'primary',
      subject: '语文',
      teachingSince,
    });
  own.id = (await record(own, 'female', ruralSchool, '2008-09-01')).id;
  mover.id = (await record(mover, 'male', firstSchool, '2001-09-01')).id;
  await call('post', '/users', {
    username: account.username,
    displayName: account.displayName,
    role: 'teacher',
    orgId: ruralSchool,
    password: account.initial,
  });
}

/** Opens a Select or TreeSelect by its label within `scope` and picks an option (retrying a lost click). */
async function pick(page: Page, scope: Locator, label: string, option: string, exact = true): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  const popup = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await popup.count()) === 0) await field.click();
    await popup.getByText(option, { exact }).click({ timeout: 3_000 });
    await expect(item).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Logs an officer in and waits for the menu, so a `goto` cannot outrun the session. */
async function signIn(page: Page, username: string): Promise<void> {
  await logIn(page, username, loadState().password);
  await expect(page.getByRole('menuitem', { name: '教师档案' })).toBeVisible();
}

const menu = (page: Page) => page.getByRole('menu', { name: '教师关爱平台' });

// One story: each test builds on what the one before did.
test.describe.serial('requests around a teacher record', () => {
  test('an officer links a teacher account to the record', async ({ page, request }) => {
    await seed(request);
    await signIn(page, loadState().users.tenantAdmin);
    await page.goto(`/teachers/${own.id}`);
    await expect(page.getByRole('heading', { name: own.name })).toBeVisible();

    await page.getByRole('button', { name: '关联教师账号' }).click();
    const dialog = page.getByRole('dialog', { name: '关联教师账号' });
    // Only teacher accounts of the record's school are offered.
    await pick(page, dialog, '教师账号', `${account.displayName}（${account.username}）`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('教师账号已关联')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('button', { name: `教师账号：${account.displayName}（${account.username}）` }),
    ).toBeVisible();
  });

  test('the teacher sees only their own record and asks for a correction', async ({ page }) => {
    await logIn(page, account.username, account.initial);
    await expect(page.getByText('请修改初始密码')).toBeVisible();
    await page.getByLabel('当前密码').fill(account.initial);
    await page.getByLabel('新密码', { exact: true }).fill(account.chosen);
    await page.getByLabel('确认新密码').fill(account.chosen);
    await page.getByRole('button', { name: '修改密码' }).click();

    // A teacher lands on 我的档案, and the menu holds only their own pages.
    await expect(page).toHaveURL(/\/my-record$/);
    await expect(page.getByRole('heading', { name: own.name })).toBeVisible();
    await expect(menu(page).getByRole('menuitem')).toHaveText(['我的档案', '我的维权']);
    await expect(page.getByText(maskedId(own.idNumber))).toBeVisible();
    await expect(page.getByText(own.idNumber)).toHaveCount(0);
    // Read-only: no edit, no reveal.
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^查看/ })).toHaveCount(0);
    // The registry is not theirs to open, even by URL.
    await page.goto(`/teachers/${mover.id}`);
    await expect(page.getByText('403')).toBeVisible();
    await expect(page.getByText(mover.name)).toHaveCount(0);
    await menu(page).getByRole('menuitem', { name: '我的档案' }).click();
    await expect(page.getByRole('heading', { name: own.name })).toBeVisible();

    await page.getByRole('button', { name: '申请更正' }).click();
    const dialog = page.getByRole('dialog', { name: '申请更正档案信息' });
    await pick(page, dialog, '需要更正的项目', '任教学科');
    await expect(dialog.getByText('档案中现为：语文')).toBeVisible();
    await dialog.getByLabel('正确的内容').fill('数学');
    await dialog.getByLabel('说明').fill('2023 年起改教数学');
    await dialog.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText('更正申请已提交，请等待学校工会处理')).toBeVisible();
    await expect(dialog).toBeHidden();

    const mine = page.locator('.ant-card').filter({ hasText: '我的更正申请' });
    const row = mine.getByRole('row').filter({ hasText: '任教学科' });
    await expect(row).toContainText('数学');
    await expect(row).toContainText('待处理');
  });

  test('the officer accepts it in the queue and corrects the record; the teacher sees both', async ({
    page,
  }) => {
    await signIn(page, loadState().users.tenantAdmin);
    await menu(page).getByRole('menuitem', { name: '更正申请' }).click();
    await expect(page).toHaveURL(/\/teacher-corrections/);
    const row = page.getByRole('row').filter({ hasText: own.name });
    await expect(row).toContainText('任教学科');
    await expect(row).toContainText('数学');
    await expect(row).toContainText('待处理');
    await expect(row.getByRole('link', { name: own.name })).toHaveAttribute('href', `/teachers/${own.id}`);

    await row.getByRole('button', { name: '处理' }).click();
    const dialog = page.getByRole('dialog', { name: `处理“${own.name}”的更正申请` });
    await expect(dialog.getByText('接受申请不会自动修改档案')).toBeVisible();
    await dialog.getByLabel('处理意见').fill('已核实，已改为数学');
    await dialog.getByRole('button', { name: '保存' }).click();
    const next = page.getByRole('dialog', { name: '已接受。请打开档案，按申请内容修改。' });
    await expect(next).toBeVisible();
    // The pending queue is empty of it now.
    await expect(page.getByRole('row').filter({ hasText: own.name })).toHaveCount(0);
    await next.getByRole('button', { name: '打开档案' }).click();

    await expect(page).toHaveURL(new RegExp(`/teachers/${own.id}$`));
    await expect(page.getByRole('heading', { name: own.name })).toBeVisible();
    await page.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '编辑教师档案' });
    await drawer.getByLabel('任教学科', { exact: true }).fill('数学');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('教师档案已更新')).toBeVisible();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(/ · 数学$/)).toBeVisible();

    // Resolved requests stay listed under their status.
    await page.goto('/teacher-corrections?status=accepted');
    await expect(page.getByRole('row').filter({ hasText: own.name })).toContainText('已接受');

    await logOut(page, /jia/);
    await logIn(page, account.username, account.chosen);
    await expect(page).toHaveURL(/\/my-record$/);
    await expect(page.getByText(/ · 数学$/)).toBeVisible();
    const answered = page
      .locator('.ant-card')
      .filter({ hasText: '我的更正申请' })
      .getByRole('row')
      .filter({ hasText: '任教学科' });
    await expect(answered).toContainText('已接受');
    await expect(answered).toContainText('已核实，已改为数学');
  });

  test('county A asks county B to take a teacher; B sees only the basics until it accepts', async ({
    page,
  }) => {
    const state = loadState();
    await signIn(page, state.users.tenantAdmin);
    await page.goto(`/teachers/${mover.id}`);
    await expect(page.getByRole('heading', { name: mover.name })).toBeVisible();

    await page.getByRole('button', { name: '调往其他工会' }).click();
    const dialog = page.getByRole('dialog', { name: `将“${mover.name}”调往其他工会` });
    await pick(page, dialog, '调入工会', state.otherTenantName);
    await dialog.getByLabel('说明').fill('随配偶调动');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('调动申请已提交，等待调入工会接收')).toBeVisible();
    await expect(dialog).toBeHidden();
    // One request at a time: the record says it is waiting instead of offering another.
    await expect(page.getByText(`调往${state.otherTenantName}，待接收`)).toBeVisible();
    await expect(page.getByRole('button', { name: '调往其他工会' })).toHaveCount(0);

    await menu(page).getByRole('menuitem', { name: '跨单位调动' }).click();
    await expect(page).toHaveURL(/\/tenant-transfers/);
    const row = page.getByRole('row').filter({ hasText: mover.name });
    await expect(row).toContainText('调出');
    await expect(row).toContainText('待接收');
    await expect(row).toContainText(state.otherTenantName);
    // The sender cannot decide its own request.
    await expect(row.getByRole('button', { name: '接收', exact: true })).toHaveCount(0);
  });

  test('B accepts the teacher into one of its schools, and A no longer lists them', async ({ page }) => {
    const state = loadState();
    await signIn(page, state.users.otherAdmin);
    await menu(page).getByRole('menuitem', { name: '跨单位调动' }).click();
    await page.locator('.ant-segmented').getByText('调入', { exact: true }).click();
    await expect(page).toHaveURL(/direction=incoming/);
    const row = page.getByRole('row').filter({ hasText: mover.name });
    await expect(row).toContainText(maskedId(mover.idNumber));
    await expect(row).toContainText('1979-08-02');
    await expect(row).toContainText('随配偶调动');
    await expect(row).toContainText('待接收');
    // Before accepting, the record is not B's to open.
    await expect(row.getByRole('link', { name: mover.name })).toHaveCount(0);

    await row.getByRole('button', { name: '接收', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `接收“${mover.name}”` });
    await pick(page, dialog, '调入学校', '乙县中学', false);
    await dialog.getByRole('button', { name: '接收', exact: true }).click();
    await expect(page.getByText('已接收，档案已转入本工会')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('已接收');

    await row.getByRole('link', { name: mover.name }).click();
    await expect(page).toHaveURL(new RegExp(`/teachers/${mover.id}$`));
    await expect(page.getByRole('heading', { name: mover.name })).toBeVisible();
    const postings = page.locator('.ant-card').filter({ has: page.getByText('任职经历', { exact: true }) });
    await expect(postings.getByRole('row').filter({ hasText: '乙县中学' })).toContainText('至今');
    await logOut(page, /yi/);

    // County A: gone from the list and the record; the transfer shows as accepted.
    await signIn(page, state.users.tenantAdmin);
    await menu(page).getByRole('menuitem', { name: '教师档案' }).click();
    const filters = page.getByRole('search', { name: '筛选条件' });
    await filters.getByLabel('姓名', { exact: true }).fill(mover.name);
    await filters.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('没有符合条件的教师')).toBeVisible();
    await page.goto(`/teachers/${mover.id}`);
    await expect(page.getByText('教师不存在或您无权查看')).toBeVisible();
    await page.goto('/tenant-transfers?direction=outgoing');
    const sent = page.getByRole('row').filter({ hasText: mover.name });
    await expect(sent).toContainText('已接收');
    await expect(sent.getByRole('link', { name: mover.name })).toHaveCount(0);
  });
});

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn, logOut, strongPassword } from './support';

// Issue 4: the province copies the Leiyang plan, makes a target adjustable and publishes it (the diff
// first); the county adopts it with a target of its own and a budget, and reads the clause text.

const suffix = Math.random().toString(36).slice(2, 6);
const templateKey = `leiyang-e2e-${suffix}`;
const templateName = `耒阳关爱方案${suffix}`;
const year = new Date().getFullYear();
/** Leiyang 17, the measure whose 文体活动 indicator the province changes. */
const measure17 = '17 尊重教职工的人格和权利，关心教职工心理健康';

/**
 * A province admin of its own: the fixture's one turns on two-step verification in mfa.spec.ts, which
 * may run first. The platform admin creates it; its initial password is changed through the API.
 */
const provinceUser = {
  username: `prov.prog.${suffix}`,
  initial: strongPassword(),
  password: strongPassword(),
};

async function seed(request: APIRequestContext): Promise<void> {
  const state = loadState();
  const token = async (username: string, password: string) => {
    const res = await request.post('/api/v1/auth/login', { data: { username, password } });
    expect(res.ok(), await res.text()).toBe(true);
    return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  };
  const platform = await token(state.users.platformAdmin, state.password);
  const orgs = await request.get('/api/v1/orgs', { headers: platform });
  const { items } = (await orgs.json()) as { items: { id: string; kind: string }[] };
  const created = await request.post('/api/v1/users', {
    headers: platform,
    data: {
      username: provinceUser.username,
      displayName: `省工会${suffix}`,
      role: 'province_admin',
      orgId: items.find((o) => o.kind === 'province')!.id,
      password: provinceUser.initial,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const changed = await request.post('/api/v1/me/password', {
    headers: await token(provinceUser.username, provinceUser.initial),
    data: { currentPassword: provinceUser.initial, newPassword: provinceUser.password },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
}

const menu = (page: Page) => page.getByRole('menu', { name: '教师关爱平台' });

async function signIn(page: Page, username: string, firstMenuItem: string, password?: string): Promise<void> {
  await logIn(page, username, password ?? loadState().password);
  await expect(menu(page).getByRole('menuitem', { name: firstMenuItem })).toBeVisible();
}

/** Opens a Select by its label within `scope` and picks the option containing `option` (retrying a lost click). */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const popup = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await popup.count()) === 0) await field.click();
    await popup.getByText(option).first().click({ timeout: 3_000 });
    await expect(popup).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

const treeNode = (page: Page, text: string) =>
  page.locator('.tpl-tree .ant-tree-treenode').filter({ hasText: text });

test.describe.serial('care programmes', () => {
  test('the province copies the Leiyang plan, makes a target adjustable, sees the diff and publishes', async ({
    page,
    request,
  }) => {
    await seed(request);
    await signIn(page, provinceUser.username, '方案模板', provinceUser.password);
    await menu(page).getByRole('menuitem', { name: '方案模板' }).click();
    await expect(page).toHaveURL(/\/programme-templates$/);
    const builtins = page.locator('.ant-card').filter({ hasText: '内置模板' }).last();
    await expect(builtins.getByRole('row').filter({ hasText: '耒阳市教师关爱工程实施方案' })).toContainText(
      '31',
    );

    await page.getByRole('button', { name: '从内置模板新建' }).click();
    const dialog = page.getByRole('dialog', { name: '从内置模板新建' });
    await pick(page, dialog, '内置模板', '耒阳市教师关爱工程实施方案');
    await dialog.getByLabel('标识').fill(templateKey);
    await dialog.getByLabel('模板名称').fill(templateName);
    await dialog.getByRole('button', { name: '新建' }).click();
    await expect(page.getByText('模板已创建')).toBeVisible();
    await expect(page).toHaveURL(/\/programme-templates\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { name: templateName })).toBeVisible();
    await expect(page.getByText('未发布', { exact: true })).toBeVisible();

    // The copy as it is becomes version 1: the whole plan is new.
    await page.getByRole('button', { name: '发布' }).click();
    let publish = page.getByRole('dialog', { name: `发布“${templateName}”` });
    await expect(publish.getByText('首次发布')).toBeVisible();
    // 8 projects and 实施要求; measures 1–28 and its three.
    await expect(publish.getByText('方面（9）')).toBeVisible();
    await expect(publish.getByText('措施（31）')).toBeVisible();
    await publish.getByLabel('版本说明').fill('照录耒阳方案');
    await publish.getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByRole('alert').getByText('已发布第 1 版')).toBeVisible();
    await expect(publish).toBeHidden();
    await expect(page.locator('.ant-tag', { hasText: '已发布第 1 版' })).toBeVisible();

    // The tree shows measure 17 with its clause number, and beside the indicator its verbatim text.
    await page.getByRole('tab', { name: '编辑草稿' }).click();
    await expect(treeNode(page, measure17)).toBeVisible();
    await treeNode(page, '文体活动').filter({ hasText: '1 次' }).click();
    const panel = page.locator('.ant-card').filter({ has: page.getByText('依据条文') });
    const clause = panel.locator('.clause-text');
    await expect(clause).toContainText(measure17);
    await expect(clause).toContainText('开展丰富的业余文体活动，引导教职工树立积极发展、健康成长的心态');
    // The quote the target rests on is marked in the clause.
    await expect(clause.locator('mark')).toHaveText('每学期每校开展文体活动不少于1次');
    await expect(panel.getByText('已在条文中找到')).toBeVisible();

    // A quote the clause does not contain is refused where it is typed, and counted on the node.
    const quote = panel.getByLabel('依据原文');
    await quote.fill('每学期开展文体活动2次');
    await expect(panel.getByText('依据原文须是本措施条文中的一段原话')).toBeVisible();
    await expect(page.getByText('草稿有 1 处问题，修改后才能保存')).toBeVisible();
    await quote.fill('每学期每校开展文体活动不少于1次');
    await expect(panel.getByText('已在条文中找到')).toBeVisible();

    // Target 2 per semester; unions may choose 1–4. A range that leaves out the target is refused.
    await panel.getByLabel('目标值').fill('2');
    await panel.getByLabel('允许各地调整').click();
    await panel.getByLabel('下限').fill('1');
    await panel.getByLabel('上限').fill('1');
    await expect(panel.getByText('目标值须在可调整范围之内')).toBeVisible();
    await panel.getByLabel('上限').fill('4');
    await expect(panel.getByText('省级目标 2 次，各地可在 1 次 – 4 次 之间调整')).toBeVisible();
    await expect(treeNode(page, '文体活动')).toContainText('2 次');
    await expect(treeNode(page, '文体活动')).toContainText('可调整');
    await expect(page.getByText('有未保存的修改')).toBeVisible();

    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('草稿已保存')).toBeVisible();
    await expect(page.getByText('有未发布的修改')).toBeVisible();

    // 发布 shows what changed against version 1 first.
    await page.getByRole('button', { name: '发布' }).click();
    publish = page.getByRole('dialog', { name: `发布“${templateName}”` });
    await expect(publish.getByText('与第 1 版相比，发布为第 2 版将带来以下变更：')).toBeVisible();
    const line = publish.locator('li').filter({ hasText: '文体活动' });
    await expect(line).toContainText('修改');
    await expect(line).toContainText('修改了：可调整范围、目标值');
    await expect(line).toContainText('目标值 1 次 → 2 次');
    await expect(line).toContainText('可调整范围 固定 → 1 次 – 4 次');
    await expect(publish.locator('li')).toHaveCount(1);
    await publish.getByLabel('版本说明').fill('文体活动每学期2次，各地可在1–4次之间调整');
    await publish.getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByRole('alert').getByText('已发布第 2 版')).toBeVisible();
    await expect(page.locator('.ant-tag', { hasText: '已发布第 2 版' })).toBeVisible();

    // The versions tab lists both, with their notes and stored changes.
    const versions = page.getByRole('tabpanel');
    await expect(versions.getByRole('row').filter({ hasText: '第 2 版' })).toContainText('文体活动每学期2次');
    await expect(versions.getByRole('row').filter({ hasText: '第 1 版' })).toContainText('照录耒阳方案');
    await versions.getByRole('row').filter({ hasText: '第 2 版' }).click();
    await expect(versions.getByText('目标值 1 次 → 2 次')).toBeVisible();
  });

  test('the county adopts it with a target inside the range, and a budget; the clause text shows', async ({
    page,
  }) => {
    await signIn(page, loadState().users.tenantAdmin, '我的关爱方案');
    await menu(page).getByRole('menuitem', { name: '我的关爱方案' }).click();
    await expect(page).toHaveURL(/\/programmes$/);
    await page.getByRole('button', { name: '采用方案' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '采用关爱方案' });
    await pick(page, drawer, '方案版本', `${templateName} · 第 2 版`);
    await drawer.getByLabel('年度').fill(String(year));

    // Only the adjustable indicator is offered; a target outside 1–4 is refused with the range.
    const target = drawer.getByLabel('“文体活动”本单位目标');
    await expect(target).toHaveValue('2');
    await expect(drawer.getByRole('row').filter({ hasText: '心理辅导' })).toHaveCount(0);
    await target.fill('5');
    await expect(drawer.getByText('目标不能高于 4 次（允许范围 1 次 – 4 次）')).toBeVisible();
    await drawer.getByRole('button', { name: '采用' }).click();
    await expect(page).toHaveURL(/\/programmes$/);
    await target.fill('3');
    await expect(drawer.getByText('目标不能高于 4 次（允许范围 1 次 – 4 次）')).toBeHidden();

    // Yuan with cents, added exactly.
    await drawer.getByLabel(`“${measure17}”预算`).fill('1234.56');
    await drawer.getByLabel('“18 优化教师工作学习环境，改善教师工作生活条件”预算').fill('0.29');
    await expect(drawer.getByText('预算合计：1,234.85 元')).toBeVisible();
    await drawer.getByRole('button', { name: '采用' }).click();

    await expect(page.getByText(`已采用 ${year} 年度“${templateName}”`)).toBeVisible();
    await expect(page).toHaveURL(/\/programmes\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { name: `${year} 年度 · ${templateName}` })).toBeVisible();
    await expect(page.getByText('预算合计：1,234.85 元').first()).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: '文体活动' }).first();
    await expect(row).toContainText('2 次');
    await expect(row).toContainText('1 次 – 4 次');
    await expect(row.getByLabel('“文体活动”本单位目标')).toHaveValue('3');
    await expect(page.getByLabel(`“${measure17}”预算`)).toHaveValue('1234.56');

    // Editing later checks the range the same way.
    await row.getByLabel('“文体活动”本单位目标').fill('0');
    await expect(page.getByText('目标不能低于 1 次（允许范围 1 次 – 4 次）')).toBeVisible();
    await row.getByLabel('“文体活动”本单位目标').fill('4');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect(page.getByText('已保存', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('row').filter({ hasText: '文体活动' }).first().getByLabel('“文体活动”本单位目标'),
    ).toHaveValue('4');

    // The adopted version's measures with their clause text, and the union's own target.
    const clause = page
      .getByRole('region', { name: measure17 })
      .or(page.locator('section', { hasText: measure17 }));
    await expect(clause.first()).toContainText('每学期每校开展心理辅导不少于1次');
    await expect(clause.first()).toContainText('文体活动：4 次');
    await expect(clause.first()).toContainText('本单位自定');

    // The list shows it for the year.
    await menu(page).getByRole('menuitem', { name: '我的关爱方案' }).click();
    const listed = page.getByRole('row').filter({ hasText: templateName });
    await expect(listed).toContainText('第 2 版');
    await expect(listed).toContainText('1,234.85 元');
    await logOut(page, /jia/);
  });

  test('the province sees which unions adopted which version', async ({ page }) => {
    const state = loadState();
    await signIn(page, provinceUser.username, '各地采用情况', provinceUser.password);
    await menu(page).getByRole('menuitem', { name: '各地采用情况' }).click();
    await expect(page).toHaveURL(/\/programme-adoptions$/);
    const county = page
      .getByRole('row')
      .filter({ hasText: state.tenantName })
      .filter({ hasText: templateName });
    await expect(county).toContainText('第 2 版');
    await expect(county).toContainText('1,234.85 元');
    await expect(page.getByRole('row').filter({ hasText: state.otherTenantName })).toContainText('未采用');
    // Read-only: the province opens the county's programme but changes nothing.
    await county.getByRole('link', { name: templateName }).click();
    await expect(page.getByRole('heading', { name: `${year} 年度 · ${templateName}` })).toBeVisible();
    await expect(page.getByLabel('“文体活动”本单位目标')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: '文体活动' }).first()).toContainText('4 次');
  });

  test('two editors of one template: the later save is told to reload, and moves reorder the tree', async ({
    page,
    request,
  }) => {
    await signIn(page, provinceUser.username, '方案模板', provinceUser.password);
    await menu(page).getByRole('menuitem', { name: '方案模板' }).click();
    await page.getByRole('link', { name: templateName }).click();
    await expect(page.getByRole('heading', { name: templateName })).toBeVisible();
    const id = /\/programme-templates\/([0-9a-f-]+)$/.exec(page.url())![1]!;

    // Someone else saves the draft (a new source document number) after this page loaded it.
    const login = await request.post('/api/v1/auth/login', {
      data: { username: provinceUser.username, password: provinceUser.password },
    });
    const headers = {
      Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
    };
    const tpl = (await (await request.get(`/api/v1/programme-templates/${id}`, { headers })).json()) as {
      version: number;
      draft: { source: Record<string, string> };
    };
    const saved = await request.put(`/api/v1/programme-templates/${id}/draft`, {
      headers,
      data: {
        version: tpl.version,
        draft: { ...tpl.draft, source: { ...tpl.draft.source, documentNo: '耒发〔2024〕1号' } },
      },
    });
    expect(saved.ok(), await saved.text()).toBe(true);

    // Here, 实施要求 moves up above 二（八）; saving answers 409 and offers the reload.
    await treeNode(page, '三 实施要求').first().click();
    await page.getByRole('button', { name: '上移' }).click();
    const position = async (prefix: string) =>
      (await page.locator('.tpl-tree .ant-tree-treenode').allInnerTexts()).findIndex((x) =>
        x.startsWith(prefix),
      );
    await expect.poll(async () => (await position('三 实施要求')) < (await position('二（八）'))).toBe(true);
    await page.getByRole('button', { name: '保存草稿' }).click();
    const stale = page.getByRole('dialog').filter({ hasText: '模板已被他人修改' });
    await expect(stale).toBeVisible();
    await stale.getByRole('button', { name: '重新加载' }).click();
    await expect(stale).toBeHidden();
    await expect(page.getByText('有未保存的修改')).toBeHidden();
    await page.getByRole('button', { name: '模板信息' }).click();
    await expect(page.getByLabel('文号')).toHaveValue('耒发〔2024〕1号');
  });
});

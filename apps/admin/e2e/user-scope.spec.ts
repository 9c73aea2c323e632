import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { choose, logIn, logOut, strongPassword } from './support';

const suffix = Math.random().toString(36).slice(2, 8);
const officer = { username: `wang.${suffix}`, displayName: `王老师${suffix}`, id: '' };

// One story: the second test looks for the officer the first one created.
test.describe.serial('a county admin creates a school officer', () => {
  test('the officer logs in with the initial password, must change it, then sees their school', async ({
    page,
  }) => {
    const state = loadState();
    const school = state.schoolNames[0]!;
    const initial = strongPassword();
    const chosen = strongPassword();

    await logIn(page, state.users.tenantAdmin, state.password);
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await expect(page).toHaveURL(/\/users$/);

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill(officer.username);
    await dialog.getByLabel('姓名').fill(officer.displayName);
    await choose(page, '角色', '基层工会干部');
    await choose(page, '所属组织', school);
    // The server's password policy speaks through the form field it concerns.
    await dialog.getByLabel('初始密码').fill('abcdefgh');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('密码至少 12 位')).toBeVisible();
    await dialog.getByLabel('初始密码').fill(initial);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('用户已创建')).toBeVisible();
    await expect(dialog).toBeHidden();

    await page.getByLabel('搜索用户名或姓名').fill(officer.username);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: officer.username });
    await expect(row).toContainText(officer.displayName);
    await expect(row).toContainText('基层工会干部');
    await expect(row).toContainText(school);
    await row.getByRole('link', { name: officer.username }).click();
    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    officer.id = page.url().split('/').pop()!;

    await logOut(page, /jia/);

    await logIn(page, officer.username, initial);
    await expect(page.getByText('请修改初始密码')).toBeVisible();
    await page.getByLabel('当前密码').fill(initial);
    await page.getByLabel('新密码', { exact: true }).fill(chosen);
    await page.getByLabel('确认新密码').fill(chosen);
    await page.getByRole('button', { name: '修改密码' }).click();

    const header = page.getByRole('banner');
    await expect(header).toContainText(school);
    await expect(header).toContainText(officer.displayName);
    await expect(header).toContainText('基层工会干部');
  });

  test('an admin of another county cannot find the officer, even by URL', async ({ page }) => {
    const state = loadState();
    expect(officer.id, 'the first test records the officer id').not.toBe('');
    await logIn(page, state.users.otherAdmin, state.password);
    await expect(page.getByRole('banner')).toContainText(state.otherTenantName);

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByLabel('搜索用户名或姓名').fill(officer.username);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('没有符合条件的用户')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: officer.username })).toHaveCount(0);

    await page.goto(`/users/${officer.id}`);
    await expect(page.getByText('用户不存在或您无权查看')).toBeVisible();
    await expect(page.getByText(officer.displayName)).toHaveCount(0);
  });
});

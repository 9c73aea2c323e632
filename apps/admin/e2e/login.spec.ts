import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';

test('a wrong password says so in Chinese, and the page switches to English', async ({ page }) => {
  await logIn(page, loadState().users.officer, 'Not-The-Passw0rd!');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Teacher Care Platform' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(alert).toHaveText('Wrong username or password');
});

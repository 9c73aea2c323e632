import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn, logOut } from './support';
import { totp } from './totp';

test('a provincial admin turns on two-step verification and is asked for the code at the next login', async ({
  page,
}) => {
  const state = loadState();
  await logIn(page, state.users.provinceAdmin, state.password);
  await expect(page.getByRole('banner')).toContainText('省级工会管理员');

  await page.getByRole('banner').getByRole('button', { name: /prov/ }).click();
  await page.getByRole('menuitem', { name: '两步验证' }).click();
  await expect(page.getByText('两步验证未启用')).toBeVisible();
  await page.getByRole('button', { name: '开始设置' }).click();
  const secret = (await page.locator('code').first().textContent())!.trim();
  await page.getByLabel('验证码').fill(totp(secret));
  await page.getByRole('button', { name: '启用' }).click();
  await expect(page.getByText('两步验证已启用').first()).toBeVisible();

  await logOut(page, /prov/);
  await logIn(page, state.users.provinceAdmin, state.password);
  const code = page.getByLabel('两步验证码');
  await expect(code).toBeVisible();
  // The code just used to enrol cannot be replayed; the next step's code is within the allowed drift.
  await code.fill(totp(secret, 1));
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('banner')).toContainText(state.users.provinceAdmin.replace(/^prov\./, 'prov '));
});

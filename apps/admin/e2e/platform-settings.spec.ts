import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';
import { totp } from './totp';

test('when the platform requires two-step verification, an admin without it must enrol first', async ({
  page,
}) => {
  const state = loadState();
  await logIn(page, state.users.platformAdmin, state.password);
  await page.getByRole('menuitem', { name: '平台设置' }).click();
  const rule = page.getByRole('switch', { name: '管理员必须启用两步验证' });
  await expect(rule).not.toBeChecked();
  await rule.click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(rule).toBeChecked();

  // The rule applies to this administrator too: the next page load asks for enrolment before anything else.
  await page.reload();
  await expect(page.getByText('请启用两步验证')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '平台设置' })).toHaveCount(0);
  await page.getByRole('button', { name: '开始设置' }).click();
  const secret = (await page.locator('code').first().textContent())!.trim();
  await page.getByLabel('验证码').fill(totp(secret));
  await page.getByRole('button', { name: '启用' }).click();

  await page.getByRole('menuitem', { name: '平台设置' }).click();
  await expect(rule).toBeChecked();
  await rule.click();
  await expect(rule).not.toBeChecked();
  await page.reload();
  await expect(rule).not.toBeChecked();
});

import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';

test('a page whose code fails to load says so and keeps the menu, instead of a blank screen', async ({ page }) => {
  const state = loadState();
  await logIn(page, state.users.tenantAdmin, state.password);
  // As after a release replaced the files: the audit page's chunk is gone.
  await page.route(/\/assets\/AuditPage-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByText('加载失败')).toBeVisible();
  await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '组织机构' })).toBeVisible();

  // Back on its feet once the files are there: the retry reloads the page.
  await page.unroute(/\/assets\/AuditPage-[^/]*\.js$/);
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' }).or(page.getByText('审计日志').first())).toBeVisible();
  await expect(page.getByText('加载失败')).toHaveCount(0);
});

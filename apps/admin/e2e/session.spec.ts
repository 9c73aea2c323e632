import { expect, test, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';

const KEY = 'guanai.tokens';

const tokens = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(sessionStorage.getItem(key) ?? 'null') as { accessToken: string; refreshToken: string },
    KEY,
  );

/** Replaces a token with a well-formed one the server never issued. */
const spoil = (page: Page, which: 'accessToken' | 'refreshToken') =>
  page.evaluate(
    ([key, field]) => {
      const t = JSON.parse(sessionStorage.getItem(key!)!) as Record<string, string>;
      t[field!] = `${t[field!]!.slice(0, -6)}AAAAAA`;
      sessionStorage.setItem(key!, JSON.stringify(t));
    },
    [KEY, which],
  );

test('a rejected access token is renewed quietly; a session that cannot be renewed returns to the login page', async ({
  page,
}) => {
  const state = loadState();
  await logIn(page, state.users.officer, state.password);
  const header = page.getByRole('banner');
  await expect(header).toContainText(state.schoolNames[0]!);
  const before = await tokens(page);

  await spoil(page, 'accessToken');
  await page.reload();
  await expect(header).toContainText(state.schoolNames[0]!);
  const after = await tokens(page);
  // Rotated; the access token may equal the first one when both were signed within the same second.
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.accessToken).not.toMatch(/AAAAAA$/);

  await spoil(page, 'accessToken');
  await spoil(page, 'refreshToken');
  await page.reload();
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
});

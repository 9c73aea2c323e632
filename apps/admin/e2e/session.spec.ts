import { expect, test, type Page, type Request } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';

const KEY = 'guanai.tokens';

const tokens = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(sessionStorage.getItem(key) ?? 'null') as { accessToken: string; refreshToken: string },
    KEY,
  );

/**
 * Replaces tokens with well-formed ones the server never issued, all in one step: the page polls (the
 * bell), and a request between two separate spoils would renew the session with the still-good token.
 */
const spoil = (page: Page, ...which: ('accessToken' | 'refreshToken')[]) =>
  page.evaluate(
    ([key, fields]) => {
      const t = JSON.parse(sessionStorage.getItem(key)!) as Record<string, string>;
      for (const field of fields) t[field] = `${t[field]!.slice(0, -6)}AAAAAA`;
      sessionStorage.setItem(key, JSON.stringify(t));
    },
    [KEY, which] as const,
  );

/**
 * Counts the page's API calls in flight. Spoiling a token while one is out would make the page renew
 * the session on its own, and a reload cutting that renewal off leaves the page holding a refresh
 * token the server has already rotated; presenting it again revokes the session (reuse detection).
 */
function apiTraffic(page: Page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const isApi = (url: string) => url.includes('/api/');
  const count = (by: number) => (r: Request) => {
    if (!isApi(r.url())) return;
    inFlight += by;
    lastChange = Date.now();
  };
  page.on('request', count(1));
  page.on('requestfinished', count(-1));
  page.on('requestfailed', count(-1));
  /** Resolves once no call has been out for half a second. */
  return () =>
    expect.poll(() => inFlight === 0 && Date.now() - lastChange > 500, { timeout: 15_000 }).toBe(true);
}

test('a rejected access token is renewed quietly; a session that cannot be renewed returns to the login page', async ({
  page,
}) => {
  const state = loadState();
  const quiet = apiTraffic(page);
  await logIn(page, state.users.officer, state.password);
  const header = page.getByRole('banner');
  await expect(header).toContainText(state.schoolNames[0]!);
  await quiet();
  const before = await tokens(page);

  await spoil(page, 'accessToken');
  await page.reload();
  await expect(header).toContainText(state.schoolNames[0]!);
  const after = await tokens(page);
  // Rotated; the access token may equal the first one when both were signed within the same second.
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.accessToken).not.toMatch(/AAAAAA$/);

  await quiet();
  await spoil(page, 'accessToken', 'refreshToken');
  await page.reload();
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
});

import { expect, type Page } from '@playwright/test';

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function logOut(page: Page, displayName: string | RegExp): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '教师关爱平台' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

/** Opens an antd Select (or TreeSelect) by its label and picks the option showing `text`. */
export async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('dialog').getByLabel(label).click();
  const popup = page.locator('.ant-select-dropdown:visible');
  // Tree nodes show the name beside a kind tag, so match the name within the option's text.
  await popup.getByText(text).click();
  // The list closes with an animation; until it is gone it covers the fields below (the next pick's).
  await expect(popup).toHaveCount(0);
}

/** A password the default policy accepts: ≥ 12 characters, four classes, nothing common. */
export function strongPassword(): string {
  return `Qz7!${Math.random().toString(36).slice(2, 8)}-Lm4#`;
}

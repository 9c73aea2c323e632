import { expect, test } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';

const suffix = Math.random().toString(36).slice(2, 6);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n慰问金收据\n'), Buffer.alloc(3000, 0x20)]);

test('a care record keeps files: upload, download, refuse a program, remove with a reason', async ({
  page,
  request,
}) => {
  const state = loadState();
  // A record to attach to, through the API (the entry form has its own spec).
  const login = await request.post('/api/v1/auth/login', {
    data: { username: state.users.tenantAdmin, password: state.password },
  });
  const headers = {
    Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
  };
  const orgs = (await (await request.get('/api/v1/orgs', { headers })).json()) as {
    items: { id: string; kind: string }[];
  };
  const school = orgs.items.find((o) => o.kind === 'school')!;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const created = await request.post('/api/v1/care-records', {
    headers,
    data: {
      orgId: school.id,
      activityType: 'illness_care',
      title: `住院慰问${suffix}`,
      occurredOn: today,
      amountFen: 50_000,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };

  await logIn(page, state.users.tenantAdmin, state.password);
  // Logged in (the session is kept) before the address changes.
  await expect(page.getByRole('menuitem', { name: '教师档案' })).toBeVisible();
  await page.goto(`/care/${id}`);
  const files = page.locator('.ant-card').filter({ hasText: '附件' }).last();
  await expect(files.getByText('暂无附件')).toBeVisible();

  await files
    .locator('input[type=file]')
    .setInputFiles({ name: '慰问金收据.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText('已上传“慰问金收据.pdf”')).toBeVisible();
  await expect(files.getByRole('cell', { name: '慰问金收据.pdf' })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    files.getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('慰问金收据.pdf');

  // A program renamed to .pdf is refused by its content.
  await files
    .locator('input[type=file]')
    .setInputFiles({
      name: '收据.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\u0090 program'),
    });
  await expect(page.getByText('只能上传 PDF、PNG/JPEG 图片或 Word/Excel')).toBeVisible();
  await expect(files.getByRole('cell', { name: '收据.pdf', exact: true })).toHaveCount(0);

  await files.getByRole('button', { name: '删除' }).click();
  const dialog = page.getByRole('dialog', { name: '删除附件“慰问金收据.pdf”' });
  await dialog.getByLabel('删除原因').fill('上传错了');
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('附件已删除')).toBeVisible();
  await expect(files.getByText('暂无附件')).toBeVisible();
});

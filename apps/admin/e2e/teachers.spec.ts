import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn } from './support';
import { csv, gbk, idNumberFor, maskedId, withWrongCheck } from './teacher-data';

const suffix = Math.random().toString(36).slice(2, 6);
// Born 1968, teaching since 1990: over 30 years of teaching, so the Leiyang 4 honour applies.
const teacher = {
  name: `李建国${suffix}`,
  birthDate: '1968-05-12',
  idNumber: idNumberFor('1968-05-12', 'male'),
  id: '',
};

/**
 * Opens a Select or TreeSelect by its exact label within `scope` and picks an option. Tree nodes show the
 * name beside a kind tag, so `exact: false` matches the name within the node's text.
 */
async function pick(page: Page, scope: Locator, label: string, option: string, exact = true): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  const popup = page.locator('.ant-select-dropdown:visible');
  // A click that lands while the popup (or the tree inside it) is still animating can be lost: check
  // the field shows the choice, and try again if it does not.
  await expect(async () => {
    if ((await popup.count()) === 0) await field.click();
    await popup.getByText(option, { exact }).click({ timeout: 3_000 });
    await expect(item).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Types a date into an antd DatePicker and confirms it. */
async function typeDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Logs in and waits until the session is in place (the menu shows), so a `goto` cannot outrun it. */
async function signIn(page: Page, username: string): Promise<void> {
  await logIn(page, username, loadState().password);
  await expect(page.getByRole('menuitem', { name: '教师档案' })).toBeVisible();
}

async function openTeachers(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '教师档案' }).click();
  await expect(page).toHaveURL(/\/teachers$/);
}

async function searchByName(page: Page, name: string): Promise<void> {
  const filters = page.getByRole('search', { name: '筛选条件' });
  await filters.getByLabel('姓名', { exact: true }).fill(name);
  await filters.getByRole('button', { name: '查询' }).click();
}

// One story: later tests use the teacher the first one creates.
test.describe.serial('the teacher registry', () => {
  test('a county admin adds a teacher; a wrong check digit is refused under the ID number field', async ({
    page,
  }) => {
    const state = loadState();
    const school = state.schoolNames[1]!; // the rural school
    await signIn(page, state.users.tenantAdmin);
    await openTeachers(page);

    await page.getByRole('button', { name: '新增教师' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新增教师' });
    await drawer.getByLabel('姓名', { exact: true }).fill(teacher.name);
    // A number whose check digit is wrong fills in nothing; the person types birth date and sex.
    await drawer.getByLabel('身份证号', { exact: true }).fill(withWrongCheck(teacher.idNumber));
    await expect(drawer.getByText('已根据身份证号填写出生日期和性别')).toHaveCount(0);
    await typeDate(drawer, '出生日期', teacher.birthDate);
    await pick(page, drawer, '性别', '男');
    await pick(page, drawer, '学校', school, false);
    await pick(page, drawer, '学段', '小学');
    await pick(page, drawer, '岗位', '班主任');
    await typeDate(drawer, '从教时间', '1990-09-01');
    await drawer.getByRole('button', { name: '保存' }).click();
    // The server checks the GB 11643 check digit and speaks through the field it concerns.
    const idItem = drawer
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('身份证号', { exact: true }) });
    await expect(idItem.getByText('身份证号校验位不正确，请核对')).toBeVisible();

    // The right number: birth date and sex come from it.
    await drawer.getByLabel('身份证号', { exact: true }).fill(teacher.idNumber);
    await expect(drawer.getByText('已根据身份证号填写出生日期和性别')).toBeVisible();
    await expect(drawer.getByLabel('出生日期', { exact: true })).toHaveValue(teacher.birthDate);
    // He keeps his birthday by the lunar calendar; the birth date stays the solar one on his ID card.
    await pick(page, drawer, '生日历法', '农历');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('教师已添加')).toBeVisible();
    await expect(drawer).toBeHidden();

    // In the list the ID number is masked.
    await searchByName(page, teacher.name);
    const row = page.getByRole('row').filter({ hasText: teacher.name });
    await expect(row).toContainText(maskedId(teacher.idNumber));
    await expect(row).not.toContainText(teacher.idNumber);
    await expect(row).toContainText(school);
    await expect(row).toContainText('班主任');
    await expect(row).toContainText('在职');

    // The record page: masked by default, in clear after giving a reason.
    await row.getByRole('link', { name: teacher.name }).click();
    await expect(page).toHaveURL(/\/teachers\/[0-9a-f-]{36}$/);
    teacher.id = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: teacher.name })).toBeVisible();
    await expect(page.getByText(school).first()).toBeVisible();
    await expect(page.getByText(maskedId(teacher.idNumber))).toBeVisible();
    await expect(page.getByText(`${teacher.birthDate}（农历生日）`)).toBeVisible();
    // Eligibility met shows as a plain badge; unmet ones read "（不符合）".
    await expect(page.getByText('从教30年荣誉', { exact: true })).toBeVisible();
    await expect(page.getByText('暂无关爱记录')).toBeVisible();

    await page.getByRole('button', { name: '查看身份证号' }).click();
    const reveal = page.getByRole('dialog', { name: '查看身份证号' });
    await reveal.getByLabel('查看原因').fill('核');
    await reveal.getByRole('button', { name: '查看' }).click();
    await expect(reveal.getByText('至少 2 个字符')).toBeVisible();
    await reveal.getByLabel('查看原因').fill('核对困难教师帮扶材料');
    await reveal.getByRole('button', { name: '查看' }).click();
    await expect(reveal.getByText(teacher.idNumber)).toBeVisible();
    await expect(reveal.getByText('本次查看已记入审计日志。')).toBeVisible();
    // The footer's button (the corner × has the same name).
    await reveal.getByRole('button', { name: '关闭' }).last().click();
    await expect(reveal).toBeHidden();
    await expect(page.getByText(teacher.idNumber)).toBeVisible();
  });

  test('two officers edit at once: the later save is told to reload', async ({ page }) => {
    const state = loadState();
    expect(teacher.id, 'the first test records the teacher id').not.toBe('');
    await signIn(page, state.users.tenantAdmin);
    await page.goto(`/teachers/${teacher.id}`);
    await expect(page.getByRole('heading', { name: teacher.name })).toBeVisible();

    // Someone else saves first (another tab is another session: tokens live in sessionStorage).
    const other = await page.context().newPage();
    await signIn(other, state.users.tenantAdmin);
    await other.goto(`/teachers/${teacher.id}`);
    await other.getByRole('button', { name: '编辑' }).click();
    const otherDrawer = other.getByRole('dialog').filter({ hasText: '编辑教师档案' });
    await otherDrawer.getByLabel('备注', { exact: true }).fill('先保存的备注');
    await otherDrawer.getByRole('button', { name: '保存' }).click();
    await expect(other.getByText('教师档案已更新')).toBeVisible();
    await other.close();

    await page.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '编辑教师档案' });
    await drawer.getByLabel('备注', { exact: true }).fill('后保存的备注');
    await drawer.getByRole('button', { name: '保存' }).click();
    const stale = page.getByRole('dialog', { name: '数据已被他人修改，请刷新后重试' });
    await expect(stale).toBeVisible();
    await stale.getByRole('button', { name: '刷新' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText('先保存的备注')).toBeVisible();
  });

  test('the teacher moves to another school of the county, then retires', async ({ page }) => {
    const state = loadState();
    const [to, from] = [state.schoolNames[0]!, state.schoolNames[1]!];
    await signIn(page, state.users.tenantAdmin);
    await page.goto(`/teachers/${teacher.id}`);
    await expect(page.getByRole('heading', { name: teacher.name })).toBeVisible();

    await page.getByRole('button', { name: '调动' }).click();
    const transfer = page.getByRole('dialog', { name: `调动“${teacher.name}”` });
    await pick(page, transfer, '调入学校', to, false);
    await transfer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('调动已办理')).toBeVisible();
    await expect(transfer).toBeHidden();
    const postings = page.locator('.ant-card').filter({ has: page.getByText('任职经历', { exact: true }) });
    await expect(postings.getByRole('row').filter({ hasText: to })).toContainText('至今');
    await expect(postings.getByRole('row').filter({ hasText: from })).not.toContainText('至今');

    await page.getByRole('button', { name: '办理退休' }).click();
    const retire = page.getByRole('dialog', { name: `为“${teacher.name}”办理退休` });
    await expect(retire.getByText('法定退休日期：')).toBeVisible();
    await retire.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('退休已办理')).toBeVisible();
    await expect(page.getByText('退休', { exact: true }).first()).toBeVisible();
    // A retired teacher is neither transferred nor retired again.
    await expect(page.getByRole('button', { name: '调动' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '办理退休' })).toHaveCount(0);
  });

  test('an import of a GBK CSV file goes through header matching and shows the counts', async ({ page }) => {
    const state = loadState();
    const school = state.schoolNames[0]!;
    const rows = [
      // "编制情况" is no name the template knows: the person matches it to 用工类型. "工号" stays ignored.
      ['姓名', '性别', '身份证号', '出生日期', '学校', '岗位', '学段', '从教时间', '编制情况', '工号'],
      [
        `王芳${suffix}`,
        '女',
        idNumberFor('1985-03-08', 'female'),
        '1985-03-08',
        school,
        '教师',
        '小学',
        '2006-09-01',
        '在编',
        'A01',
      ],
      [
        `赵强${suffix}`,
        '男',
        idNumberFor('1979-11-20', 'male'),
        '1979-11-20',
        school,
        '校长',
        '小学',
        '2000-09-01',
        '在编',
        'A02',
      ],
      [
        `钱错${suffix}`,
        '男',
        withWrongCheck(idNumberFor('1990-01-01', 'male')),
        '1990-01-01',
        school,
        '教师',
        '小学',
        '2012-09-01',
        '合同制',
        'A03',
      ],
    ];

    await signIn(page, state.users.tenantAdmin);
    await openTeachers(page);
    await page.getByRole('button', { name: '批量导入' }).click();
    await expect(page).toHaveURL(/\/teachers\/import$/);
    await expect(page.getByRole('button', { name: '下载模板' })).toBeVisible();

    await page.locator('input[type=file]').setInputFiles({
      name: '教师花名册.csv',
      mimeType: 'text/csv',
      buffer: gbk(csv(rows)),
    });

    // Step 2: headers read in Chinese (so GBK was decoded); the unknown ones stand out.
    await expect(page.getByText('教师花名册.csv')).toBeVisible();
    const unknownRow = page.getByRole('row').filter({ hasText: '编制情况' });
    await expect(unknownRow.getByText('未识别')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '工号' }).getByText('未识别')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '身份证号' }).getByText('未识别')).toHaveCount(0);
    // 用工类型 is required and no column gives it yet: the import cannot start.
    const missing = page.getByRole('list', { name: '以下必填字段还没有对应的列：' });
    await expect(missing).toContainText('用工类型');
    await expect(page.getByRole('button', { name: '开始导入' })).toBeDisabled();
    // The field list is long (and virtual): type to find it.
    await page.getByLabel('对应字段：编制情况').click();
    await page.keyboard.type('用工');
    await page.locator('.ant-select-dropdown:visible').getByText('用工类型', { exact: true }).click();
    await expect(missing).toBeHidden();
    await page.getByRole('button', { name: '开始导入' }).click();

    // Step 3: progress, then the counts.
    await expect(page.getByText('导入完成')).toBeVisible({ timeout: 30_000 });
    const stat = (title: string) => page.locator('.ant-statistic').filter({ hasText: title });
    await expect(stat('新增')).toContainText('2');
    await expect(stat('更新')).toContainText('0');
    await expect(stat('未通过')).toContainText('1');
    await expect(page.getByRole('button', { name: '下载未通过的行' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载未通过的行' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: '查看教师列表' }).click();
    await searchByName(page, `王芳${suffix}`);
    await expect(page.getByRole('row').filter({ hasText: `王芳${suffix}` })).toContainText(school);
  });

  test("another county's admin cannot find the teacher, even by URL", async ({ page }) => {
    const state = loadState();
    expect(teacher.id, 'the first test records the teacher id').not.toBe('');
    await signIn(page, state.users.otherAdmin);
    await expect(page.getByRole('banner')).toContainText(state.otherTenantName);
    await openTeachers(page);
    await searchByName(page, teacher.name);
    await expect(page.getByText('没有符合条件的教师')).toBeVisible();

    await page.goto(`/teachers/${teacher.id}`);
    await expect(page.getByText('教师不存在或您无权查看')).toBeVisible();
    await expect(page.getByText(teacher.name)).toHaveCount(0);
  });
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loadState } from './harness/state';
import { logIn, strongPassword } from './support';
import { newUser, session } from './api-session';
import { idNumberFor } from './teacher-data';

// Reminders end to end, in a county of this spec's own (so nothing another spec adds is reminded here):
// the county adopts a programme, switches the version's rules off and adds a birthday rule of its own;
// the worker's evaluation (立即运行, the same job the daily schedule runs) finds three teachers'
// birthdays and notifies their school's union officer, in the inbox and by a WeCom robot that never
// answers.

const suffix = Math.random().toString(36).slice(2, 6);
const countyName = `丙县教育工会${suffix}`;
const school = `提醒小学${suffix}`;
/** The county's own rule: its name leads every reminder's title. */
const ruleName = `生日关怀${suffix}`;
const password = () => ({ initial: strongPassword(), password: strongPassword() });
/** A province admin of its own: the fixture's turns on two-step verification in mfa.spec.ts. */
const province = { username: `rmd.prov.${suffix}`, ...password() };
const admin = { username: `rmd.adm.${suffix}`, displayName: `丙县管理员${suffix}`, ...password() };
const officer = { username: `rmd.off.${suffix}`, displayName: `提醒干事${suffix}`, ...password() };

const DAY = 86_400_000;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const shift = (days: number) => new Date(Date.parse(today) + days * DAY).toISOString().slice(0, 10);
/** Born in 1988, a leap year: every month and day exists (29 February too). */
const bornOn = (day: string) => `1988-${day.slice(5)}`;

interface Teacher {
  name: string;
  birthDate: string;
  id: string;
}
const teacher = (name: string, birthday: string): Teacher => ({
  name: `${name}${suffix}`,
  birthDate: bornOn(birthday),
  id: '',
});
/** Birthday today (办结, recording a birthday greeting), in three days (延后), two days ago (忽略). */
const today1 = teacher('林晓', today);
const soon = teacher('陈晨', shift(3));
const past = teacher('何静', shift(-2));
const titleOf = (t: Teacher) => `${ruleName}：${t.name} · 生日`;

interface Page_<T> {
  items: T[];
  total: number;
}
interface ReminderDto {
  id: string;
  title: string;
  status: string;
  careRecordId: string | null;
}

let programmeId = '';

/**
 * Through the API: the province publishes a template and opens the county with its administrator; the
 * county adopts the programme with only its own birthday rule on, opens a school with its union officer
 * (who asked for WeCom messages) and registers three teachers; then today's evaluation runs.
 */
async function seed(request: APIRequestContext): Promise<void> {
  const state = loadState();
  const platform = await session(request, state.users.platformAdmin, state.password);
  const { items: orgs } = await platform<{ items: { id: string; kind: string }[] }>('get', '/orgs');
  const provinceId = orgs.find((o) => o.kind === 'province')!.id;
  await newUser(request, platform, province, {
    displayName: `省工会${suffix}`,
    role: 'province_admin',
    orgId: provinceId,
  });
  const prov = await session(request, province.username, province.password);
  const template = await prov<{ id: string; version: number }>('post', '/programme-templates', {
    key: `remind-e2e-${suffix}`,
    name: `提醒测试方案${suffix}`,
    fromBuiltin: 'leiyang',
  });
  const published = await prov<{ id: string }>('post', `/programme-templates/${template.id}/publish`, {
    version: template.version,
  });
  const countyId = (
    await prov<{ id: string }>('post', '/orgs', {
      parentId: provinceId,
      kind: 'county',
      name: countyName,
      code: `rmd-${suffix}`,
    })
  ).id;
  await newUser(request, prov, admin, {
    displayName: admin.displayName,
    role: 'tenant_admin',
    orgId: countyId,
  });

  const county = await session(request, admin.username, admin.password);
  const schoolId = (
    await county<{ id: string }>('post', '/orgs', {
      parentId: countyId,
      kind: 'school',
      name: school,
      code: `rm-${suffix}`,
    })
  ).id;
  programmeId = (
    await county<{ id: string }>('post', '/programmes', {
      versionId: published.id,
      year: Number(today.slice(0, 4)),
    })
  ).id;
  // The Leiyang plan has a birthday rule of its own (and festivals, targets…): off, so that what is
  // reminded here is this rule's alone, whatever the date.
  const settings = await county<{ version: number; rules: { key: string; custom: boolean }[] }>(
    'get',
    `/programmes/${programmeId}/reminders`,
  );
  await county('put', `/programmes/${programmeId}/reminders`, {
    version: settings.version,
    rules: Object.fromEntries(
      settings.rules.filter((r) => !r.custom).map((r) => [r.key, { enabled: false }]),
    ),
    custom: [
      {
        key: `bd-${suffix}`,
        name: ruleName,
        trigger: { kind: 'birthday' },
        leadDays: 7,
        audience: 'school_officer',
        activityType: 'birthday_greeting',
      },
    ],
  });

  await newUser(request, county, officer, {
    displayName: officer.displayName,
    role: 'unit_officer',
    orgId: schoolId,
  });
  // The officer's messages also go to a WeCom group robot; this one refuses every connection.
  const own = await session(request, officer.username, officer.password);
  await own('put', '/me/notification-preferences', {
    channels: ['wecom'],
    wecomWebhook: state.deadWebhook,
    digest: false,
  });

  for (const t of [today1, soon, past])
    t.id = (
      await county<{ id: string }>('post', '/teachers', {
        name: t.name,
        sex: 'female',
        idNumber: idNumberFor(t.birthDate, 'female'),
        birthDate: t.birthDate,
        orgId: schoolId,
        employmentType: 'establishment',
        position: 'teacher',
        stage: 'primary',
        teachingSince: '2010-09-01',
      })
    ).id;

  // 立即运行: the worker evaluates today for the county a second later.
  await county('post', '/reminder-schedule/run');
  await expect
    .poll(async () => (await county<Page_<ReminderDto>>('get', '/reminders')).total, {
      timeout: 60_000,
      intervals: [1_000],
    })
    .toBe(3);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await logIn(page, username, password);
  await expect(page.getByRole('menuitem', { name: '提醒事项' })).toBeVisible();
}

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^通知/ });

/** How many unread notifications the bell says there are. */
async function unreadCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/未读 (\d+) 条/.exec(name)?.[1] ?? 0);
}

test.describe.serial('reminders and notifications', () => {
  test('the officer’s bell counts the new reminders; opening one marks it read and shows the reminder', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await seed(request);
    await signIn(page, officer.username, officer.password);

    // Three reminders for the school, nothing else: the county is this spec's own.
    await expect(bell(page)).toHaveAccessibleName('通知，未读 3 条');
    await bell(page).click();
    const latest = page.getByRole('region', { name: '最新通知' });
    for (const t of [today1, soon, past]) await expect(latest.getByText(titleOf(t))).toBeVisible();

    await latest.getByRole('button', { name: new RegExp(today1.name) }).click();
    await expect(page).toHaveURL(/\/reminders\?id=[0-9a-f-]{36}$/);
    const drawer = page.getByRole('dialog').filter({ hasText: titleOf(today1) });
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText('今天');
    await expect(drawer).toContainText('待办');
    await expect(drawer).toContainText('生日祝福');
    await expect(page.locator('.row-highlight')).toContainText(today1.name);
    await expect(bell(page)).toHaveAccessibleName('通知，未读 2 条');
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.locator('.ant-drawer-close'))
      .first()
      .click();
    await expect(page).toHaveURL(/\/reminders$/);

    // The inbox lists the read one as read; 全部已读 empties the count.
    await bell(page).click();
    // The popover grows when its list arrives; click its foot only once the list is there.
    const reopened = page.getByRole('region', { name: '最新通知' });
    await expect(reopened.getByText(titleOf(soon))).toBeVisible();
    await reopened.getByRole('link', { name: '查看全部通知' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('row').filter({ hasText: titleOf(today1) })).toContainText('已读');
    await expect(page.getByRole('row').filter({ hasText: titleOf(soon) })).toContainText('未读');
    await page.getByText('未读（2）').click();
    await expect(page).toHaveURL(/unread=true/);
    await expect(page.getByRole('row').filter({ hasText: titleOf(today1) })).toHaveCount(0);
    await page.getByRole('button', { name: '全部已读' }).click();
    await expect(bell(page)).toHaveAccessibleName('通知');
    await expect(page.getByText('暂无通知')).toBeVisible();
    expect(await unreadCount(page)).toBe(0);
  });

  test('办结 records the birthday greeting as care; 延后 to a later day; 忽略 with a reason', async ({
    page,
    request,
  }) => {
    expect(today1.id, 'the first test seeds the teachers').not.toBe('');
    await signIn(page, officer.username, officer.password);
    await page.getByRole('menuitem', { name: '提醒事项' }).click();
    await expect(page).toHaveURL(/\/reminders$/);

    const filters = page.getByRole('search', { name: '筛选提醒' });
    await filters.getByLabel('标题').fill(ruleName);
    await filters.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(ruleName)}`));
    const row = (t: Teacher) => page.getByRole('row').filter({ hasText: t.name });
    await expect(row(today1)).toContainText('今天');
    await expect(row(soon)).toContainText('还有 3 天');
    await expect(row(past)).toContainText('已过 2 天');
    for (const t of [today1, soon, past]) await expect(row(t)).toContainText(school);

    // 办结, recording the suggested care with 200 元.
    await row(today1).getByRole('button', { name: '办结' }).click();
    const done = page.getByRole('dialog').filter({ hasText: '办结提醒' });
    await expect(done.getByLabel('是，同时记录“生日祝福”')).toBeChecked();
    await done.getByLabel('金额').fill('200');
    await done.getByRole('button', { name: '办结' }).click();
    await expect(page.getByText('已办结，并记录了“生日祝福”')).toBeVisible();
    await expect(done).toBeHidden();
    await expect(row(today1)).toHaveCount(0);

    // The care record exists: the teacher, the programme, the amount in fen.
    const own = await session(request, officer.username, officer.password);
    const { items } = await own<Page_<ReminderDto>>(
      'get',
      `/reminders?status=done&q=${encodeURIComponent(ruleName)}`,
    );
    expect(items.map((r) => r.title)).toEqual([titleOf(today1)]);
    const careId = items[0]!.careRecordId;
    expect(careId).toBeTruthy();
    const care = await own<{
      activityType: string;
      amountFen: number;
      occurredOn: string;
      programmeId: string;
      participantCount: number;
    }>('get', `/care-records/${careId}`);
    expect(care).toMatchObject({
      activityType: 'birthday_greeting',
      amountFen: 20_000,
      occurredOn: today,
      programmeId,
      participantCount: 1,
    });
    const { items: people } = await own<{ items: { teacherId: string }[] }>(
      'get',
      `/care-records/${careId}/participants`,
    );
    expect(people.map((p) => p.teacherId)).toEqual([today1.id]);

    // 延后 by a week: it leaves the open list.
    const until = shift(7);
    await row(soon).getByRole('button', { name: '延后' }).click();
    const snooze = page.getByRole('dialog').filter({ hasText: '延后提醒' });
    const untilInput = snooze.getByLabel('延后到');
    await untilInput.click();
    await untilInput.fill(until);
    // Enter takes the typed day and submits the dialog's form.
    await untilInput.press('Enter');
    await expect(page.getByText(`已延后至 ${until}`)).toBeVisible();
    await expect(row(soon)).toHaveCount(0);

    // 忽略 asks why.
    await row(past).getByRole('button', { name: '忽略' }).click();
    const dismiss = page.getByRole('dialog').filter({ hasText: '忽略提醒' });
    await dismiss.getByRole('button', { name: '忽略' }).click();
    await expect(dismiss.getByText('请填写此项')).toBeVisible();
    await dismiss.getByLabel('忽略原因').fill('已随子女到外地生活');
    await dismiss.getByRole('button', { name: '忽略' }).click();
    await expect(page.getByText('已忽略', { exact: true })).toBeVisible();
    await expect(page.getByText('没有符合条件的提醒')).toBeVisible();

    // Every status: what became of each.
    const filterStatus = filters.getByLabel('状态');
    await filterStatus.click();
    await page.locator('.ant-select-dropdown:visible').getByText('全部', { exact: true }).click();
    await filters.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/status=all/);
    await expect(row(today1)).toContainText('已办结');
    await expect(row(soon)).toContainText(`延后至 ${until}`);
    await expect(row(past)).toContainText('已忽略');
    // Closed ones offer nothing more; a snoozed one can still be done.
    await expect(row(today1).getByRole('button', { name: '办结' })).toHaveCount(0);
    await expect(row(soon).getByRole('button', { name: '办结' })).toBeVisible();

    // The record page of a done one links to the care recorded.
    await row(today1).getByText(titleOf(today1)).click();
    const drawer = page.getByRole('dialog').filter({ hasText: titleOf(today1) });
    await drawer.getByRole('link', { name: '查看关爱记录' }).click();
    await expect(page).toHaveURL(new RegExp(`/care/${careId}$`));
    await expect(page.getByRole('heading', { name: titleOf(today1) })).toBeVisible();
  });

  test('notification settings refuse a plain-http robot address, on the field', async ({ page }) => {
    await signIn(page, officer.username, officer.password);
    await page.getByRole('banner').getByRole('button', { name: officer.displayName }).click();
    await page.getByRole('menuitem', { name: '通知设置' }).click();
    await expect(page).toHaveURL(/\/account\/notifications$/);

    // Set through the API earlier: never shown, only said to be there.
    await expect(page.getByRole('checkbox', { name: '企业微信' })).toBeChecked();
    const wecom = page.getByLabel('企业微信群机器人地址');
    await expect(wecom).toHaveValue('');
    await expect(page.getByText('已设置', { exact: true })).toBeVisible();
    // No mail server on this platform: email cannot be chosen.
    await expect(page.getByRole('checkbox', { name: '邮件' })).toBeDisabled();
    await expect(page.getByText('平台尚未配置邮件服务，暂不能选择邮件')).toBeVisible();

    await wecom.fill('http://example.com/robot');
    await page.getByRole('button', { name: '保存' }).click();
    const item = page.locator('.ant-form-item').filter({ has: wecom });
    await expect(item).toContainText('机器人地址须为 https');

    // DingTalk chosen without its address: the server says which field is missing.
    await wecom.fill('');
    await page.getByRole('checkbox', { name: '钉钉' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(
      page.locator('.ant-form-item').filter({ has: page.getByLabel('钉钉群机器人地址') }),
    ).toContainText('开启群机器人通知须填写机器人地址');

    // Quiet hours, and nothing else changed: saved, the stored address kept.
    await page.getByRole('checkbox', { name: '钉钉' }).uncheck();
    for (const [label, time] of [
      ['开始时间', '22:00'],
      ['结束时间', '07:00'],
    ] as const) {
      const picker = page.getByLabel(label);
      await picker.click();
      await picker.fill(time);
      await picker.press('Enter');
    }
    // Enter in the second picker already submits the form; 保存 again changes nothing.
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();
    await expect(page.getByText('已设置', { exact: true })).toBeVisible();
    await expect(page.getByLabel('开始时间')).toHaveValue('22:00');
  });

  test('a county admin sends dead letters again', async ({ page, request }) => {
    const county = await session(request, admin.username, admin.password);
    // Each of the three WeCom messages failed twice (connection refused) and is a dead letter.
    await expect
      .poll(
        async () =>
          (
            await county<Page_<{ userName: string; attempts: number }>>(
              'get',
              '/notification-deliveries?status=dead&pageSize=200',
            )
          ).items.filter((d) => d.userName === officer.displayName && d.attempts === 2).length,
        { timeout: 30_000 },
      )
      .toBe(3);

    await signIn(page, admin.username, admin.password);
    await page.getByRole('menuitem', { name: '发送失败的通知' }).click();
    await expect(page).toHaveURL(/\/notification-deliveries$/);
    const rows = page.getByRole('row').filter({ hasText: officer.displayName });
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('企业微信');
    await expect(rows.first()).toContainText('发送失败');
    await expect(rows.filter({ hasText: titleOf(soon) })).toBeVisible();

    const retry = page.getByRole('button', { name: /重新发送/ });
    await expect(retry).toBeDisabled();
    for (const r of await rows.all()) await r.getByRole('checkbox').check();
    const retriedAt = Date.now();
    await expect(retry).toHaveAccessibleName(/重新发送所选（3）/);
    await retry.click();
    await expect(page.getByText('已重新发送 3 条')).toBeVisible();
    await expect(retry).toBeDisabled();
    // Sent again, from the first attempt: the robot still refuses, so each dies again after two.
    await expect
      .poll(
        async () =>
          (
            await county<Page_<{ userName: string; attempts: number; deadAt: string | null }>>(
              'get',
              '/notification-deliveries?status=dead&pageSize=200',
            )
          ).items.filter(
            (d) =>
              d.userName === officer.displayName && d.attempts === 2 && Date.parse(d.deadAt!) > retriedAt,
          ).length,
        { timeout: 30_000 },
      )
      .toBe(3);
  });

  test('a county admin sets the daily time, runs it now, and adds a reminder of the union’s own', async ({
    page,
  }) => {
    await signIn(page, admin.username, admin.password);
    // Never saved before: the first save of one's settings.
    await page.getByRole('banner').getByRole('button', { name: admin.displayName }).click();
    await page.getByRole('menuitem', { name: '通知设置' }).click();
    await page.getByRole('switch', { name: '每日汇总' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(page.getByRole('switch', { name: '每日汇总' })).toBeChecked();

    await page.getByRole('menuitem', { name: '提醒设置' }).click();
    await expect(page).toHaveURL(/\/reminder-settings$/);
    const schedule = page.locator('.ant-card').filter({ hasText: '每日提醒时间' });
    await expect(schedule).toContainText('07:00');
    await expect(schedule).toContainText('Asia/Shanghai');
    const runs = page.locator('.ant-card').filter({ hasText: '最近运行' });
    await expect(runs.getByRole('row').filter({ hasText: today })).toContainText('完成');

    await runs.getByRole('button', { name: '立即运行' }).click();
    await expect(page.getByText(`已开始生成 ${today} 的提醒`)).toBeVisible();

    // The programme's rules: the union's own birthday rule beside the version's.
    await page.goto(`/programmes/${programmeId}`);
    const rules = page.locator('.ant-card').filter({ has: page.getByText('提醒规则', { exact: true }) });
    const own = rules.getByRole('row').filter({ hasText: ruleName });
    await expect(own).toContainText('本单位自定');
    await expect(own.getByRole('switch')).toBeChecked();

    await rules.getByRole('button', { name: '添加自定义提醒' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '添加自定义提醒' });
    const name = `年终慰问${suffix}`;
    await dialog.getByLabel('名称').fill(name);
    await dialog.getByLabel('日期').fill('02-30');
    await dialog.getByRole('button', { name: '添加自定义提醒' }).click();
    await expect(dialog.getByText('不是每年都有的日期（如 02-30、02-29）')).toBeVisible();
    await dialog.getByLabel('日期').fill('12-20');
    await dialog.getByRole('button', { name: '添加自定义提醒' }).click();
    await expect(dialog).toBeHidden();
    await expect(rules.getByRole('row').filter({ hasText: name })).toContainText('每年 12-20');
    await rules.getByRole('button', { name: '保存提醒规则' }).click();
    await expect(page.getByText('提醒规则已保存')).toBeVisible();
    await page.reload();
    await expect(
      page
        .locator('.ant-card')
        .filter({ has: page.getByText('提醒规则', { exact: true }) })
        .getByRole('row')
        .filter({ hasText: name }),
    ).toContainText('本单位自定');
  });
});

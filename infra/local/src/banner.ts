import type { DemoAccount } from '@guanai/db';

const ROLE_LABELS: Record<string, string> = {
  platform_admin: '平台管理员 platform admin',
  province_admin: '省级管理员 province admin',
  tenant_admin: '工会管理员 union admin',
  unit_officer: '基层工会干部 school officer',
  case_handler: '案件经办人 case handler',
  judge: '评审 judge',
  teacher: '教师 teacher',
};

export type DemoOutcome =
  | { seeded: true; accounts: DemoAccount[]; password: string; generated: boolean }
  | { seeded: false; accounts?: DemoAccount[]; resetHint?: string };

/** What a person needs after `npm start`: where to go and how to log in, in Chinese and English. */
export function banner(port: number, demo: DemoOutcome): string {
  const base = `http://localhost:${port}/`;
  const rule = '─'.repeat(72);
  const out = [
    '',
    rule,
    '  教师关爱平台 Guanai 已启动 / is running',
    '',
    `  打开 Open:              ${base}`,
    `  接口文档 API docs:      ${base}api/docs`,
    '',
  ];
  if (demo.accounts?.length) {
    out.push('  演示账号 Demo logins:');
    const width = Math.max(...demo.accounts.map((a) => a.username.length));
    for (const a of demo.accounts) {
      out.push(`    ${a.username.padEnd(width)}  ${ROLE_LABELS[a.role] ?? a.role} · ${a.org}`);
    }
  }
  if (demo.seeded) {
    out.push(`  密码 Password:          ${demo.password}`);
    if (demo.generated) {
      out.push('  （随机生成，仅显示这一次；可用 DEMO_PASSWORD 指定。）');
      out.push('  (Generated and shown this once; set DEMO_PASSWORD to choose one.)');
    }
  } else {
    out.push('  数据库已有数据，未导入演示数据；已有账号沿用原来的密码。');
    out.push(
      '  The database already had data, so the demo was not seeded; existing accounts keep their passwords.',
    );
    if (demo.resetHint) out.push(`  ${demo.resetHint}`);
  }
  out.push('', '  按 Ctrl-C 停止。 Press Ctrl-C to stop.', rule, '');
  return out.join('\n');
}

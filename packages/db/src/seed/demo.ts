import type { DataSource } from 'typeorm';
import type { Role } from '@guanai/contracts';
import { hashPassword } from '../crypto/passwords';
import type { OrgEntity } from '../entities/org.entity';
import { inScope, systemScope } from '../tenancy/scope';
import { createChildOrg, createRootOrg, createUser, type OrgSpec } from './builders';
import type { FieldCipher } from '../crypto/field-cipher';
import { DEMO_REGIONS, seedTeachers } from './demo-teachers';
import { seedCareDemo, type CareDemoProvince } from './demo-care';
import { evaluateReminderDemo, prepareReminderDemo } from './demo-reminders';
import { seedCaseDemo } from './demo-cases';
import { todayInShanghai } from '@guanai/domain';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  org: string;
}

interface TenantSpec extends OrgSpec {
  admin: string;
  officer: string;
  units: OrgSpec[];
}

const ZHEJIANG_TENANTS: TenantSpec[] = [
  {
    kind: 'county',
    name: '杭州市西湖区教育工会',
    code: 'xihu',
    admin: 'xihu.admin',
    officer: 'xihu.officer',
    units: [
      { kind: 'school', name: '杭州市学军小学', code: 'xuejun' },
      { kind: 'school', name: '杭州市西湖小学', code: 'xihu-xx' },
      { kind: 'school', name: '杭州市保俶塔实验学校', code: 'baochuta' },
      { kind: 'school', name: '杭州市第十三中学', code: 'hz13' },
    ],
  },
  {
    kind: 'county',
    name: '淳安县教育工会',
    code: 'chunan',
    rural: true,
    admin: 'chunan.admin',
    officer: 'chunan.officer',
    units: [
      { kind: 'school', name: '淳安县千岛湖初级中学', code: 'qdh' },
      { kind: 'school', name: '淳安县威坪镇中心小学', code: 'weiping', rural: true },
      { kind: 'school', name: '淳安县姜家镇中学', code: 'jiangjia', rural: true },
      { kind: 'school', name: '淳安县汾口镇中心小学', code: 'fenkou', rural: true },
    ],
  },
  {
    kind: 'university',
    name: '浙江师范大学工会',
    code: 'univ',
    admin: 'univ.admin',
    officer: 'univ.officer',
    units: [
      { kind: 'department', name: '教师教育学院分工会', code: 'jsjy' },
      { kind: 'department', name: '数学科学学院分工会', code: 'math' },
      { kind: 'department', name: '外国语学院分工会', code: 'wgy' },
      { kind: 'department', name: '后勤管理处分工会', code: 'hq' },
    ],
  },
];

const LEIYANG: TenantSpec = {
  kind: 'city',
  name: '耒阳市教育工会',
  code: 'leiyang',
  admin: 'leiyang.admin',
  officer: 'leiyang.officer',
  units: [
    { kind: 'school', name: '耒阳市第一中学', code: 'ly1z' },
    { kind: 'school', name: '耒阳市第二中学', code: 'ly2z' },
    { kind: 'school', name: '耒阳市实验小学', code: 'lysx' },
    { kind: 'school', name: '耒阳市蔡子池街道中心小学', code: 'caizichi' },
    { kind: 'school', name: '耒阳市大义镇中心学校', code: 'dayi', rural: true },
    { kind: 'school', name: '耒阳市南阳镇中心学校', code: 'nanyang', rural: true },
  ],
};

/** True when the database holds any organisation: the demo is never seeded over real data. */
export async function hasData(ds: DataSource): Promise<boolean> {
  return inScope(ds, systemScope('seed-check'), async (em) => {
    const [row] = await em.query('SELECT EXISTS (SELECT 1 FROM orgs) AS any');
    return Boolean(row.any);
  });
}

/**
 * The demo: 浙江省教育工会 with an urban and a rural county union and a university union, and
 * 耒阳市教育工会 under 湖南省教育工会, each with schools/departments, an admin and a school officer,
 * and — given the field cipher — about two thousand synthetic teachers per union.
 */
export async function seedDemo(
  ds: DataSource,
  password: string,
  opts: { cipher?: FieldCipher; teachersPerTenant?: number } = {},
): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(password);
  const accounts: DemoAccount[] = [];
  const tenants: OrgEntity[] = [];
  await inScope(ds, systemScope('seed-demo'), async (em) => {
    const add = async (org: OrgEntity, username: string, displayName: string, role: Role) => {
      const user = await createUser(em, org, { username, displayName, role, password, passwordHash });
      accounts.push({ username, displayName, role, org: org.name });
      return { id: user.id, name: displayName };
    };
    const care: CareDemoProvince[] = [];
    const tenantWithUnits = async (parent: OrgEntity, t: TenantSpec, into: CareDemoProvince['tenants']) => {
      const tenant = await createChildOrg(em, parent, t);
      await add(
        tenant,
        t.admin,
        `${t.name.replace('教育工会', '').replace('工会', '')}管理员`,
        'tenant_admin',
      );
      const units = [];
      for (const u of t.units) units.push(await createChildOrg(em, tenant, u));
      await add(units[0]!, t.officer, `${units[0]!.name}工会干部`, 'unit_officer');
      // 维权专员 of the union, and a teacher of the first school with a login (self-service, 我的维权).
      const prefix = t.admin.split('.')[0]!;
      const handler = await add(
        tenant,
        `${prefix}.handler`,
        `${tenant.name.replace('教育工会', '').replace('工会', '')}维权专员`,
        'case_handler',
      );
      const teacherUser = await add(units[0]!, `${prefix}.teacher`, `${units[0]!.name}教师`, 'teacher');
      if (opts.cipher) {
        const region = DEMO_REGIONS[t.code ?? ''] ?? '330100';
        await seedTeachers(em, opts.cipher, tenant, units, {
          count: opts.teachersPerTenant ?? 2000,
          seed: Number.parseInt(region, 10),
          region,
        });
        await seedCaseDemo(
          em,
          opts.cipher,
          { tenant, school: units[0]!, handler, teacherUser },
          todayInShanghai(),
        );
      }
      into.push({ tenant, units });
    };

    const root = await createRootOrg(em);
    await add(root, 'platform.admin', '平台管理员', 'platform_admin');
    const zj = await createChildOrg(em, root, { kind: 'province', name: '浙江省教育工会', code: 'zj' });
    await add(zj, 'zj.admin', '浙江省教育工会管理员', 'province_admin');
    care.push({ province: zj, builtin: 'zhejiang_2020', tenants: [] });
    for (const t of ZHEJIANG_TENANTS) await tenantWithUnits(zj, t, care[0]!.tenants);
    const hn = await createChildOrg(em, root, { kind: 'province', name: '湖南省教育工会', code: 'hn' });
    await add(hn, 'hn.admin', '湖南省教育工会管理员', 'province_admin');
    care.push({ province: hn, builtin: 'leiyang', tenants: [] });
    await tenantWithUnits(hn, LEIYANG, care[1]!.tenants);
    // Programmes and a school year of care work, for the teachers just seeded.
    if (opts.cipher) await seedCareDemo(em, care, todayInShanghai());
    if (opts.cipher)
      await prepareReminderDemo(
        em,
        care.flatMap((p) => p.tenants),
        todayInShanghai(),
      );
    tenants.push(...care.flatMap((p) => p.tenants.map((t) => t.tenant)));
  });
  // Reminders due today and in the coming weeks, already in the officers' inboxes.
  if (opts.cipher) await evaluateReminderDemo(ds, tenants, todayInShanghai());
  return accounts;
}

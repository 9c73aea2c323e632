import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '@guanai/contracts';
import type { OrgEntity } from '../entities/org.entity';
import type { UserEntity } from '../entities/user.entity';
import { hashPassword } from '../crypto/passwords';
import { inScope, systemScope } from '../tenancy/scope';
import { createChildOrg, createRootOrg, createUser } from '../seed/builders';

export const FACTORY_PASSWORD = 'Factory-Passw0rd-Long';
let factoryHash: Promise<string> | undefined;

export const uniq = (prefix = 't') => `${prefix}${randomBytes(4).toString('hex')}`;

export interface TenantFixture {
  root: OrgEntity;
  province: OrgEntity;
  tenant: OrgEntity;
  schools: OrgEntity[];
  /** A sibling tenant under the same province: the one that must never see `tenant`. */
  otherTenant: OrgEntity;
  otherSchool: OrgEntity;
  users: Record<'platformAdmin' | 'provinceAdmin' | 'tenantAdmin' | 'officer' | 'teacher' | 'otherAdmin', UserEntity>;
  password: string;
}

/** Its own platform root, province, two county unions with schools and a user of each kind. */
export async function createTenantFixture(ds: DataSource): Promise<TenantFixture> {
  const passwordHash = await (factoryHash ??= hashPassword(FACTORY_PASSWORD));
  const id = uniq('');
  return inScope(ds, systemScope('test-factory'), async (em) => {
    const user = (org: OrgEntity, role: Role, name: string) =>
      createUser(em, org, {
        username: `${name}.${id}`,
        displayName: `${name} ${id}`,
        role,
        password: FACTORY_PASSWORD,
        passwordHash,
      });
    const root = await createRootOrg(em, `平台 ${id}`);
    const province = await createChildOrg(em, root, { kind: 'province', name: `测试省教育工会 ${id}` });
    const tenant = await createChildOrg(em, province, { kind: 'county', name: `甲县教育工会 ${id}`, code: 'jia' });
    const schools = [
      await createChildOrg(em, tenant, { kind: 'school', name: `甲县第一小学 ${id}`, code: 's1' }),
      await createChildOrg(em, tenant, { kind: 'school', name: `甲县乡村小学 ${id}`, code: 's2', rural: true }),
    ];
    const otherTenant = await createChildOrg(em, province, { kind: 'county', name: `乙县教育工会 ${id}`, code: 'yi' });
    const otherSchool = await createChildOrg(em, otherTenant, { kind: 'school', name: `乙县中学 ${id}`, code: 's1' });
    return {
      root,
      province,
      tenant,
      schools,
      otherTenant,
      otherSchool,
      password: FACTORY_PASSWORD,
      users: {
        platformAdmin: await user(root, 'platform_admin', 'plat'),
        provinceAdmin: await user(province, 'province_admin', 'prov'),
        tenantAdmin: await user(tenant, 'tenant_admin', 'jia'),
        officer: await user(schools[0]!, 'unit_officer', 'officer'),
        teacher: await user(schools[1]!, 'teacher', 'teacher'),
        otherAdmin: await user(otherTenant, 'tenant_admin', 'yi'),
      },
    };
  });
}

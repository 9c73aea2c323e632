import {
  createDataSource,
  createUser,
  hashPassword,
  inScope,
  systemScope,
  type DataSource,
} from '@guanai/db';
import { createTenantFixture, type TenantFixture } from '@guanai/db/testing';

export interface BenchData {
  fixture: TenantFixture;
  /** Users in the benchmarked tenant, the fixture's own included. */
  tenantUsers: number;
  postgresVersion: string;
}

/**
 * The test fixture (platform, province, two county unions with schools, one user of each kind) and
 * `extraUsers` more accounts spread over the tenant's schools, so the user list pages through a
 * realistic table rather than a handful of rows.
 */
export async function seedBench(appUrl: string, extraUsers: number): Promise<BenchData> {
  const ds: DataSource = createDataSource({ url: appUrl, poolSize: 2, applicationName: 'guanai-bench-seed' });
  await ds.initialize();
  try {
    const fixture = await createTenantFixture(ds);
    // One argon2id hash for everyone: hashing 200 passwords would only measure argon2.
    const passwordHash = await hashPassword(fixture.password);
    const suffix = fixture.tenant.id.slice(0, 8);
    await inScope(ds, systemScope('bench'), async (em) => {
      for (let i = 0; i < extraUsers; i++) {
        const school = fixture.schools[i % fixture.schools.length]!;
        const n = String(i + 1).padStart(3, '0');
        await createUser(em, school, {
          username: `bench.t${n}.${suffix}`,
          displayName: `压测教师 ${n}`,
          role: i % 20 === 0 ? 'unit_officer' : 'teacher',
          password: fixture.password,
          passwordHash,
        });
      }
    });
    const rows = (await ds.query('SHOW server_version')) as { server_version: string }[];
    // The tenant admin sees the tenant and its schools: the admin, the officer, the teacher and the extras.
    return { fixture, tenantUsers: extraUsers + 3, postgresVersion: rows[0]?.server_version ?? 'unknown' };
  } finally {
    await ds.destroy();
  }
}

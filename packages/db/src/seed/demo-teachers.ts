import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { todayInShanghai } from '@guanai/domain';
import type { FieldCipher } from '../crypto/field-cipher';
import type { OrgEntity } from '../entities/org.entity';
import { teacherColumns, upsertTeachers, type TeacherColumns } from '../teachers/writer';
import { syntheticTeachers, type SchoolRef } from './synthetic-teachers';

/** Region codes of the demo unions' places, so their ID numbers look like their teachers'. */
export const DEMO_REGIONS: Record<string, string> = { xihu: '330106', chunan: '330127', univ: '330702', leiyang: '430481' };

/**
 * A union's synthetic teachers, written through the registry's one writer (sealed, hashed, masked)
 * in batches of a thousand.
 */
export async function seedTeachers(
  em: EntityManager,
  cipher: FieldCipher,
  tenant: OrgEntity,
  units: OrgEntity[],
  opts: { count: number; seed: number; region: string },
): Promise<number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const stage: SchoolRef['stage'] | undefined = tenant.kind === 'university' ? 'higher' : undefined;
  const schools: SchoolRef[] = units.map((u, i) => ({
    id: u.id,
    rural: u.rural,
    stage: stage ?? ((['primary', 'junior_secondary', 'primary', 'senior_secondary'] as const)[i % 4]!),
  }));
  const people = syntheticTeachers({ ...opts, schools, today: todayInShanghai() });
  const rows: TeacherColumns[] = people.map((p) => {
    const unit = byId.get(p.orgId)!;
    const previousPostings = p.previousPostings.map((q) => {
      const at = byId.get(q.orgId)!;
      return { orgId: at.id, orgName: at.name, from: q.from, to: q.to, rural: at.rural };
    });
    return teacherColumns(
      { ...p, joinedSchoolOn: p.joinedSchoolOn ?? p.teachingSince },
      { id: unit.id, tenantId: tenant.id, name: unit.name, rural: unit.rural },
      cipher,
      { id: randomUUID(), previousPostings },
    );
  });
  for (let i = 0; i < rows.length; i += 1000) await upsertTeachers(em, rows.slice(i, i + 1000), []);
  return rows.length;
}

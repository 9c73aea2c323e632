import type { EntityManager } from '@guanai/db';
import type { FamilyLink, HonourTeacher } from '@guanai/domain';
import type { TeacherRow } from './teachers.repository';

/**
 * A record's family links as the honour rules read them (Leiyang 4: 教师之家, 教师世家): relatives on
 * the registry with their status and teaching years, the others by whether they are in education.
 * A registry relative the caller cannot see (row-level security) counts as an outside one in education.
 */
export async function familyOf(em: EntityManager, row: Pick<TeacherRow, 'family'>): Promise<FamilyLink[]> {
  const ids = row.family.flatMap((f) => (f.relativeId ? [f.relativeId] : []));
  const found: { id: string; status: HonourTeacher['status']; teaching_since: string }[] = ids.length
    ? await em.query(
        `SELECT id, status, to_char(teaching_since, 'YYYY-MM-DD') AS teaching_since FROM teachers WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const byId = new Map(found.map((r) => [r.id, { id: r.id, status: r.status, teachingSince: r.teaching_since }]));
  return row.family.map((f) => ({
    kind: f.kind,
    relative: (f.relativeId && byId.get(f.relativeId)) || { inEducation: f.inEducation },
  }));
}

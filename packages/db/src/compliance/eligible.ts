// The eligible groups an eligible_ratio indicator divides by. Rotation eligibility (Leiyang 13) reads
// postings, age, stage, employment, position and since when: too much for SQL to say twice, so the
// few columns of the tenant's plausible candidates are loaded and the domain's rule decides.
import type { EntityManager } from 'typeorm';
import {
  currentSchoolTenure,
  rotationEligible,
  type EligibleGroupCode,
  type IsoDate,
  type Posting,
  type RotationTeacher,
} from '@guanai/domain';

interface CandidateRow {
  id: string;
  sex: 'male' | 'female';
  birth_date: string;
  employment_type: RotationTeacher['employment'];
  stage: RotationTeacher['stage'];
  position: RotationTeacher['position'];
  position_since: string | null;
  postings: { orgId: string; from: string; to: string | null; rural: boolean }[];
}

/**
 * Who is in the group on `day`, with the school they are eligible to rotate from. The group of a
 * period is fixed on its first day (the caller passes period.start): "符合交流条件教师" are those who
 * should rotate this school year, and a teacher who rotates starts again at 0 years at the new school —
 * counting them on any later day would drop exactly the teachers who did rotate.
 *
 * On `day` a teacher must have been active (status active, or a later status_since: they left after
 * it) and at a school of this tenant: only postings at the tenant's units count. Stage, employment,
 * position and positionSince have no history in the registry: their present values are used.
 */
export async function eligibleGroup(
  em: EntityManager,
  tenantId: string,
  group: EligibleGroupCode,
  day: IsoDate,
): Promise<Map<string, string>> {
  const units = new Set<string>(
    ((await em.query(`SELECT id FROM orgs WHERE tenant_id = $1`, [tenantId])) as { id: string }[]).map((r) => r.id),
  );
  // A cheap pre-filter in SQL (never narrower than the rule): on the establishment, compulsory
  // education, not staff, under 55 (the widest age limit) and active on the day.
  const rows = (await em.query(
    `SELECT t.id, t.sex, to_char(t.birth_date, 'YYYY-MM-DD') AS birth_date, t.employment_type, t.stage,
            t.position, to_char(t.position_since, 'YYYY-MM-DD') AS position_since, t.postings
       FROM teachers t
      WHERE t.tenant_id = $1 AND t.employment_type = 'establishment'
        AND t.stage IN ('primary', 'junior_secondary') AND t.position <> 'staff'
        AND t.birth_date <= $2::date AND t.birth_date > $2::date - interval '55 years'
        AND (t.status = 'active' OR t.status_since >= $2::date)
        AND ($3::boolean IS FALSE OR t.backbone)`,
    [tenantId, day, group === 'rotation_eligible_backbone'],
  )) as CandidateRow[];

  const eligible = new Map<string, string>();
  for (const r of rows) {
    const postings: Posting[] = r.postings
      .filter((p) => units.has(p.orgId))
      .map((p) => ({ orgId: p.orgId, from: p.from, to: p.to, rural: p.rural }));
    const teacher: RotationTeacher = {
      sex: r.sex,
      birthDate: r.birth_date,
      status: 'active',
      employment: r.employment_type,
      stage: r.stage,
      position: r.position,
      positionSince: r.position_since,
      postings,
    };
    try {
      if (!rotationEligible(teacher, day).eligible) continue;
      eligible.set(r.id, currentSchoolTenure(postings, day)!.orgId);
    } catch {
      // A posting that ends before it starts: the record needs fixing, and is in no group meanwhile.
    }
  }
  return eligible;
}

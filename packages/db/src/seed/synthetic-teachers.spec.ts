import { randomUUID } from 'node:crypto';
import { CreateTeacherRequest } from '@guanai/contracts';
import { checkTeacherRecord, teaching30Years, yearsAtCurrentSchool } from '@guanai/domain';
import { syntheticTeachers } from './synthetic-teachers';

const today = '2026-11-22';
const schools = [
  { id: randomUUID(), rural: false, stage: 'primary' as const },
  { id: randomUUID(), rural: true, stage: 'junior_secondary' as const },
  { id: randomUUID(), rural: true, stage: 'primary' as const },
];

describe('synthetic demo teachers', () => {
  const teachers = syntheticTeachers({ seed: 7, count: 3000, region: '330127', schools, today });

  it('are the same for the same seed', () => {
    expect(syntheticTeachers({ seed: 7, count: 50, region: '330127', schools, today })).toEqual(
      syntheticTeachers({ seed: 7, count: 50, region: '330127', schools, today }),
    );
  });

  it('pass the contract and every record check the API applies', () => {
    for (const t of teachers) {
      expect(CreateTeacherRequest.safeParse(t).success).toBe(true);
      expect([t.name, checkTeacherRecord(t, today)]).toEqual([t.name, []]);
    }
  });

  it('have distinct ID numbers within the tenant', () => {
    expect(new Set(teachers.map((t) => t.idNumber)).size).toBe(teachers.length);
  });

  it('put people on both sides of the 30-year honour (Leiyang 4) and the 9-year rotation line (Leiyang 13)', () => {
    const byName = (n: string) => teachers.find((t) => t.name === n)!;
    const honour = (n: string) =>
      teaching30Years({ status: 'active', teachingSince: byName(n).teachingSince }, today).eligible;
    expect([honour('周三十'), honour('吴差一')]).toEqual([true, false]);
    const years = (n: string) =>
      yearsAtCurrentSchool([{ orgId: byName(n).orgId, from: byName(n).joinedSchoolOn!, to: null, rural: false }], today);
    expect([years('郑九年'), years('冯八年')]).toEqual([9, 8]);
  });
});

import {
  EMPLOYMENT_TYPES,
  POSITIONS,
  RETIREMENT_CATEGORIES,
  SCHOOL_STAGES,
  SEXES,
  TEACHER_STATUSES,
  TITLE_LEVELS,
} from '../index';

// These values are shared with the zod enums of packages/contracts/src/teachers.ts; a rename here
// must be a rename there, so the exact lists are pinned.
describe('teacher registry vocabularies (the public surface)', () => {
  it('keeps the agreed string values', () => {
    expect(SEXES).toEqual(['male', 'female']);
    expect(RETIREMENT_CATEGORIES).toEqual(['cadre', 'worker']);
    expect(TITLE_LEVELS).toEqual(['junior', 'intermediate', 'associate_senior', 'senior', 'special']);
    expect(POSITIONS).toEqual(['teacher', 'head_teacher', 'vice_principal', 'principal', 'staff']);
    expect(EMPLOYMENT_TYPES).toEqual(['establishment', 'contract', 'private']);
    expect(SCHOOL_STAGES).toEqual([
      'preschool',
      'primary',
      'junior_secondary',
      'senior_secondary',
      'vocational',
      'higher',
      'special_education',
    ]);
    expect(TEACHER_STATUSES).toEqual(['active', 'retired', 'transferred_out', 'deceased']);
  });
});

import { canContain, childPath, isTenantKind, isWithin, wouldCreateCycle, idsOnPath } from './tree';

describe('organisation tree (province → county/university union → school/department)', () => {
  it('allows only the documented parent/child kinds', () => {
    expect(canContain('province', 'county')).toBe(true);
    expect(canContain('province', 'university')).toBe(true);
    expect(canContain('county', 'school')).toBe(true);
    expect(canContain('university', 'department')).toBe(true);
    expect(canContain('county', 'department')).toBe(false);
    expect(canContain('school', 'school')).toBe(false);
    expect(canContain('province', 'school')).toBe(false);
  });

  it('knows the tenants', () => {
    expect(['city', 'county', 'university'].every((k) => isTenantKind(k as never))).toBe(true);
    expect(isTenantKind('school')).toBe(false);
    expect(isTenantKind('province')).toBe(false);
  });

  it('scopes by path prefix, never to a sibling whose id merely starts the same', () => {
    const county = childPath('/p/', 'c1');
    expect(isWithin(childPath(county, 's1'), county)).toBe(true);
    expect(isWithin('/p/c10/', county)).toBe(false);
    expect(isWithin(county, '')).toBe(false);
    expect(idsOnPath(childPath(county, 's1'))).toEqual(['p', 'c1', 's1']);
  });

  it('refuses a move under oneself or a descendant', () => {
    expect(wouldCreateCycle('/p/c1/', '/p/c1/s1/')).toBe(true);
    expect(wouldCreateCycle('/p/c1/', '/p/c1/')).toBe(true);
    expect(wouldCreateCycle('/p/c1/', '/p/c2/')).toBe(false);
  });
});

/// <reference types="jest" />
import dayjs from 'dayjs';
import { CreateCaseRequest } from '@guanai/contracts';
import { intakeBody, intakeFieldName } from './intake';

const base = {
  category: 'wage_arrears' as const,
  facts: '  学校拖欠绩效工资三个月  ',
  knewOn: dayjs('2025-02-10'),
};

describe('the intake form makes the request', () => {
  it('reads yuan into integer fen and trims the texts', () => {
    const body = intakeBody({
      ...base,
      respondentKind: 'private_school',
      respondentName: ' 某民办学校 ',
      claimed: '18,500.05',
      otherClaims: '   ',
    });
    expect(body).toEqual({
      category: 'wage_arrears',
      respondent: { kind: 'private_school', name: '某民办学校' },
      claimedFen: 1_850_005,
      otherClaims: null,
      facts: '学校拖欠绩效工资三个月',
      knewOn: '2025-02-10',
      wageArrearsOngoing: false,
    });
    const id = '7f1c1f5e-8a55-4a3e-9b1e-2b1f0c6a8d10';
    expect(CreateCaseRequest.safeParse({ ...body, applicantTeacherIds: [id] }).success).toBe(true);
  });

  it('names a registry school by id, an outside employer by name', () => {
    const id = '7f1c1f5e-8a55-4a3e-9b1e-2b1f0c6a8d10';
    expect(
      intakeBody({ ...base, respondentKind: 'registry_school', respondentOrgId: id }).respondent,
    ).toEqual({
      kind: 'registry_school',
      orgId: id,
    });
    expect(
      intakeBody({ ...base, respondentKind: 'outside_employer', respondentName: '某公司' }).respondent,
    ).toEqual({ kind: 'outside_employer', name: '某公司' });
  });

  it('no claim typed is 0 fen; a fraction of a fen is refused by the contract on claimedFen', () => {
    expect(intakeBody({ ...base, respondentKind: 'private_school', respondentName: 'x' }).claimedFen).toBe(0);
    const body = intakeBody({
      ...base,
      respondentKind: 'private_school',
      respondentName: 'x',
      claimed: '1.234',
    });
    const parsed = CreateCaseRequest.safeParse({ ...body, applicantTeacherIds: [] });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('claimedFen');
  });

  it.each([
    [['respondent', 'orgId'], ['respondentOrgId']],
    [['respondent', 'name'], ['respondentName']],
    [['respondent'], ['respondentKind']],
    [['claimedFen'], ['claimed']],
    [['applicantTeacherIds', 0], ['applicants']],
    [['knewOn'], ['knewOn']],
  ])('a problem at %j shows on %j', (path, field) => {
    expect(intakeFieldName(path)).toEqual(field);
  });
});

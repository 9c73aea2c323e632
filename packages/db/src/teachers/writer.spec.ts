import { randomBytes, randomUUID } from 'node:crypto';
import { idNumberCheckCharacter } from '@guanai/domain';
import { FieldCipher } from '../crypto/field-cipher';
import {
  arrayLiteral,
  importDigest,
  maskAddress,
  teacherColumns,
  TEACHER_COLUMNS,
  type TeacherRecord,
} from './writer';

const cipher = new FieldCipher({ k1: randomBytes(32).toString('base64') }, 'k1', randomBytes(32));
const id = '11010519491231002' + idNumberCheckCharacter('11010519491231002');
const record: TeacherRecord = {
  name: '李四',
  sex: 'female',
  idNumber: id,
  birthDate: '1949-12-31',
  phone: '13812345678',
  address: '北京市朝阳区建国路 88 号',
  employmentType: 'establishment',
  position: 'teacher',
  stage: 'primary',
  titles: [
    { level: 'junior', since: '1975-09-01' },
    { level: 'intermediate', since: '1985-09-01' },
  ],
  teachingSince: '1970-09-01',
  joinedSchoolOn: '1980-09-01',
  backbone: true,
  honours: [],
  unionStatus: 'member',
  retirementCategory: 'cadre',
  tags: ['骨干'],
};
const unit = { id: randomUUID(), tenantId: randomUUID(), name: '第一小学', rural: true };

describe('the teacher writer', () => {
  it('seals, hashes and masks sensitive values and works out title, posting and retirement date', () => {
    const cols = teacherColumns(record, unit, cipher, { id: randomUUID() });
    expect(Object.keys(cols)).toEqual([...TEACHER_COLUMNS]);
    expect(cipher.decrypt(cols.id_number_enc as string)).toBe(id);
    expect(cols.id_number_hash).toBe(cipher.lookupHash(id));
    expect(cols).toMatchObject({
      id_number_masked: '1101**********' + id.slice(-4),
      phone_masked: '138****5678',
      address_masked: maskAddress(record.address!),
      title: 'intermediate',
      retirement_date: '2004-12-31', // a woman cadre born before 1970: 55
      org_id: unit.id,
      tenant_id: unit.tenantId,
      import_digest: null,
    });
    expect(JSON.parse(cols.postings as string)).toEqual([
      { orgId: unit.id, orgName: '第一小学', from: '1980-09-01', to: null, rural: true },
    ]);
    expect(JSON.stringify(cols)).not.toContain(id);
    expect(JSON.stringify(cols)).not.toContain('13812345678');
  });

  it('keeps the birthday calendar given (农历生日), solar when none is', () => {
    expect(teacherColumns(record, unit, cipher, { id: randomUUID() }).birthday_calendar).toBe('solar');
    expect(
      teacherColumns({ ...record, birthdayCalendar: 'lunar' }, unit, cipher, { id: randomUUID() })
        .birthday_calendar,
    ).toBe('lunar');
  });

  it('digests what a file said: equal rows alike, any change (even of case) not', () => {
    expect(importDigest(cipher, ['a', 'x'])).toBe(importDigest(cipher, ['a', 'x']));
    expect(importDigest(cipher, ['a', 'x'])).not.toBe(importDigest(cipher, ['a', 'X']));
  });

  it('writes PostgreSQL array literals as pg would', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, '{"x":1}', '', 'NULL'])).toBe(
      '{"a","b\\"c","d\\\\e",NULL,"{\\"x\\":1}","","NULL"}',
    );
    expect(arrayLiteral([true, false, null])).toBe('{t,f,NULL}');
    expect(arrayLiteral([])).toBe('{}');
  });
});

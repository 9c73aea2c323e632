import { randomBytes, randomUUID } from 'node:crypto';
import { idNumberCheckCharacter } from '@guanai/domain';
import { FieldCipher } from '../crypto/field-cipher';
import { TeacherSealer, type SealJob } from './sealer';
import { TEACHER_COLUMNS, type TeacherRecord } from './writer';

const k1 = randomBytes(32).toString('base64');
const hashKey = randomBytes(32).toString('base64');
const cipher = new FieldCipher({ k1 }, 'k1', Buffer.from(hashKey, 'base64'));
const unit = { id: randomUUID(), tenantId: randomUUID(), name: '第一小学', rural: false };

function job(i: number): SealJob {
  const first17 = `3301061980010${String(100 + i).padStart(4, '0')}`;
  const record: TeacherRecord = {
    name: `教师${i}`,
    sex: Number(first17[16]) % 2 ? 'male' : 'female',
    idNumber: first17 + idNumberCheckCharacter(first17),
    birthDate: '1980-01-01',
    phone: i % 2 ? '13812345678' : null,
    employmentType: 'establishment',
    position: 'teacher',
    stage: 'primary',
    titles: [],
    teachingSince: '2002-09-01',
    joinedSchoolOn: '2002-09-01',
    backbone: false,
    honours: [],
    unionStatus: 'member',
    retirementCategory: 'cadre',
    tags: i ? ['a"b'] : [],
  };
  return {
    record,
    unit,
    opts: { id: randomUUID(), importDigest: `d${i}` },
    keep: i === 2 ? { phone_enc: 'kept', phone_masked: 'k' } : undefined,
  };
}

/** The elements of a text array literal as pg would read them (enough for these values). */
const elements = (literal: string) =>
  [...literal.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"|NULL/g)].map((m) =>
    m[1] === undefined ? null : m[1].replace(/\\(.)/g, '$1'),
  );

// Inline here: the threaded path loads this package's compiled dist, which a unit test must not depend on
// (turbo may be rebuilding it meanwhile). The import integration tests and the bench run it threaded.
describe('TeacherSealer', () => {
  const threaded = false;
  it('turns a batch into the upsert’s parameters, sealed with the same keys', async () => {
    const sealer = TeacherSealer.start(cipher, { keys: { k1 }, current: 'k1', hashKey }, threaded);
    try {
      const jobs = [job(0), job(1), job(2)];
      const params = await sealer.seal(jobs);
      expect(params).toHaveLength(TEACHER_COLUMNS.length);
      const column = (c: string) => elements(params[TEACHER_COLUMNS.indexOf(c as never)]!);
      expect(column('id_number_enc').map((v) => cipher.decrypt(v!))).toEqual(
        jobs.map((j) => j.record.idNumber),
      );
      expect(column('id_number_hash')).toEqual(jobs.map((j) => cipher.lookupHash(j.record.idNumber)));
      expect(column('phone_enc')[0]).toBeNull();
      expect(cipher.decrypt(column('phone_enc')[1]!)).toBe('13812345678');
      expect(column('phone_enc')[2]).toBe('kept');
      expect(column('tags')).toEqual(['[]', '["a\\"b"]', '["a\\"b"]']);
      expect(column('import_digest')).toEqual(['d0', 'd1', 'd2']);
    } finally {
      await sealer.close();
    }
  });
});

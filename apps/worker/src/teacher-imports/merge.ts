// A file row for a person the registry already knows (same tenant, same ID number) updates that record:
// every cell with a value overwrites, an empty cell (or a column the file lacks) keeps what the record
// holds, and the derived parts (postings, titles, the retirement date) are worked out from both.
import type { ImportField } from '@guanai/contracts';
import {
  currentPosting,
  type ExistingTeacher,
  type PostingJson,
  type TeacherColumns,
  type TeacherRecord,
  type TitleJson,
  type UpdatableTeacherColumn,
} from '@guanai/db';
import { addDays, checkTeacherRecord, maxDate, type RecordProblem } from '@guanai/domain';
import type { ValidRow } from './row';

/**
 * The columns an import writes on an existing record: everything a file can give, never honours,
 * health notes, family links, status or the linked account. Cells the row leaves empty are filled
 * with the record's own values before the write (mergeIntoExisting), so they stay as they were.
 */
export const IMPORT_UPDATE_COLUMNS: readonly UpdatableTeacherColumn[] = [
  'name',
  'sex',
  'birth_date',
  'birthday_calendar',
  'id_number_enc',
  'id_number_masked',
  'phone_enc',
  'phone_masked',
  'address_enc',
  'address_masked',
  'ethnicity',
  'political_status',
  'marital_status',
  'org_id',
  'employment_type',
  'position',
  'position_since',
  'subject',
  'stage',
  'title',
  'titles',
  'teaching_since',
  'joined_school_on',
  'postings',
  'backbone',
  'union_joined_on',
  'union_status',
  'retirement_category',
  'retirement_date',
  'tags',
  'notes',
];

export interface Merged {
  record: TeacherRecord;
  postings: PostingJson[];
  /** Sealed values kept as they are (not decrypted and sealed again). */
  keep: Partial<Pick<TeacherColumns, 'phone_enc' | 'phone_masked' | 'address_enc' | 'address_masked'>>;
}

/**
 * The record as it will be after the row is applied, or the problems the combination has. A move to
 * another school closes the current posting the day before the new one starts: on 到校时间 when the
 * row gives it, else today.
 */
export function mergeIntoExisting(
  row: ValidRow,
  existing: ExistingTeacher,
  today: string,
): Merged | RecordProblem[] {
  const given = (f: ImportField) => row.given.has(f);
  const r = row.record;
  const moved = existing.org_id !== row.unit.id;
  const joined = given('joinedSchoolOn') ? r.joinedSchoolOn : moved ? today : existing.joined_school_on;
  let postings: PostingJson[] = existing.postings;
  if (moved) {
    postings = [
      ...existing.postings.map((p) =>
        p.to === null ? { ...p, to: maxDate(p.from, addDays(joined, -1)) } : p,
      ),
      currentPosting(row.unit, joined),
    ];
  } else if (joined !== existing.joined_school_on) {
    postings = existing.postings.map((p) =>
      p.to === null && p.orgId === row.unit.id ? { ...p, from: joined } : p,
    );
  }
  // A title the record already has (same level, same day) is not added twice; the history stays.
  let titles: TitleJson[] = existing.titles;
  for (const t of r.titles)
    if (!titles.some((x) => x.level === t.level && x.since === t.since))
      titles = [...titles, t].sort((a, b) => a.since.localeCompare(b.since));
  const keep: Merged['keep'] = {};
  if (!given('phone'))
    Object.assign(keep, { phone_enc: existing.phone_enc, phone_masked: existing.phone_masked });
  if (!given('address'))
    Object.assign(keep, { address_enc: existing.address_enc, address_masked: existing.address_masked });
  const record: TeacherRecord = {
    ...r,
    birthdayCalendar: given('birthdayCalendar') ? r.birthdayCalendar : existing.birthday_calendar,
    phone: given('phone') ? r.phone : null,
    address: given('address') ? r.address : null,
    ethnicity: given('ethnicity') ? r.ethnicity : existing.ethnicity,
    politicalStatus: given('politicalStatus') ? r.politicalStatus : existing.political_status,
    maritalStatus: given('maritalStatus') ? r.maritalStatus : existing.marital_status,
    subject: given('subject') ? r.subject : existing.subject,
    // A new position without its date: the old position's date no longer says anything.
    positionSince: given('positionSince')
      ? r.positionSince
      : r.position === existing.position
        ? existing.position_since
        : null,
    titles,
    joinedSchoolOn: joined,
    backbone: given('backbone') ? r.backbone : existing.backbone,
    unionJoinedOn: given('unionJoinedOn') ? r.unionJoinedOn : existing.union_joined_on,
    unionStatus: given('unionStatus') ? r.unionStatus : existing.union_status,
    retirementCategory: given('retirementCategory') ? r.retirementCategory : existing.retirement_category,
    tags: given('tags') ? r.tags : existing.tags,
    notes: given('notes') ? r.notes : existing.notes,
  };
  const problems = checkTeacherRecord(
    { ...record, unionJoinedOn: record.unionJoinedOn ?? null, positionSince: record.positionSince ?? null },
    today,
  );
  return problems.length ? problems : { record, postings, keep };
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AddFamilyLinkRequest,
  CreateTeacherRequest,
  ListTeachersQuery,
  Page,
  SensitiveField,
  Teacher,
  TeacherSummary,
  UpdateTeacherRequest,
} from '@guanai/contracts';
import {
  addDays,
  checkTeacherRecord,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  statutoryRetirementDate,
  todayInShanghai,
} from '@guanai/domain';
import { FieldCipher, insertTeacher, isUniqueViolation, maskAddress, teacherColumns } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { orgsRepo, type OrgRow } from '../orgs/orgs.repository';
import { teachersRepo, type FamilyJson, type TeacherRow } from './teachers.repository';
import { toTeacher, toTeacherSummary } from './teachers.mapper';
import { familyOf } from './relatives';

const INVERSE: Record<FamilyJson['kind'], FamilyJson['kind']> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
};

/** Masks an address after the first six characters (province, city, district stay readable). */
export { maskAddress };

@Injectable()
export class TeachersService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListTeachersQuery): Promise<Page<TeacherSummary>> {
    const today = todayInShanghai();
    const hash = q.idNumber ? this.cipher.lookupHash(normaliseIdNumber(q.idNumber)) : undefined;
    const page = await teachersRepo.page(this.ctx.em, this.scope, q, today, hash);
    return { ...page, items: page.items.map((r) => toTeacherSummary(r, today)) };
  }

  async *rows(q: ListTeachersQuery): AsyncGenerator<TeacherSummary> {
    const today = todayInShanghai();
    const hash = q.idNumber ? this.cipher.lookupHash(normaliseIdNumber(q.idNumber)) : undefined;
    for await (const r of teachersRepo.each(this.ctx.em, this.scope, q, today, hash))
      yield toTeacherSummary(r, today);
  }

  async get(id: string): Promise<Teacher> {
    const row = await this.require(id);
    return toTeacher(row, todayInShanghai(), await familyOf(this.ctx.em, row));
  }

  async create(input: CreateTeacherRequest): Promise<Teacher> {
    const em = this.ctx.em;
    const today = todayInShanghai();
    const org = await this.requireUnit(input.orgId, 'body.orgId');
    const idNumber = normaliseIdNumber(input.idNumber);
    const joined = input.joinedSchoolOn ?? input.teachingSince;
    assertRecord({ ...input, idNumber, joinedSchoolOn: joined }, today);
    const previous = [];
    for (const p of input.previousPostings) {
      const at = await orgsRepo.find(em, '/', p.orgId);
      previous.push({
        orgId: p.orgId,
        orgName: at?.name ?? '',
        from: p.from,
        to: p.to,
        rural: at?.rural ?? false,
      });
    }
    const id = randomUUID();
    // The shared writer (packages/db teachers/writer) seals, hashes, masks and dates the record, as imports do.
    const unit = { id: org.id, tenantId: org.tenant_id!, name: org.name, rural: org.rural };
    await insertTeacher(
      em,
      teacherColumns({ ...input, idNumber, joinedSchoolOn: joined }, unit, this.cipher, {
        id,
        previousPostings: previous,
      }),
    ).catch((e: unknown) => {
      if (isUniqueViolation(e, 'teachers_tenant_id_number'))
        throw new AppError('TEACHER_EXISTS', { fields: [{ path: 'body.idNumber', code: 'TEACHER_EXISTS' }] });
      throw e;
    });
    const teacher = await this.get(id);
    await this.audit.record({
      orgId: org.id,
      action: 'teacher.create',
      targetType: 'teacher',
      targetId: id,
      after: auditView(teacher),
    });
    return teacher;
  }

  async update(id: string, input: UpdateTeacherRequest): Promise<Teacher> {
    const row = await this.requireVersion(id, input.version);
    const today = todayInShanghai();
    const idNumber = input.idNumber
      ? normaliseIdNumber(input.idNumber)
      : this.cipher.decrypt(row.id_number_enc);
    const merged = {
      idNumber,
      birthDate: input.birthDate ?? row.birth_date,
      sex: input.sex ?? row.sex,
      teachingSince: input.teachingSince ?? row.teaching_since,
      joinedSchoolOn: row.joined_school_on,
      unionJoinedOn: input.unionJoinedOn === undefined ? row.union_joined_on : input.unionJoinedOn,
      titles: input.titles ?? row.titles,
      positionSince:
        input.positionSince !== undefined
          ? input.positionSince
          : input.position && input.position !== row.position
            ? null
            : row.position_since,
    };
    assertRecord(merged, today);
    const category = input.retirementCategory ?? row.retirement_category;
    const set: Record<string, unknown> = {
      name: input.name,
      sex: input.sex,
      birth_date: input.birthDate,
      birthday_calendar: input.birthdayCalendar,
      ethnicity: input.ethnicity,
      political_status: input.politicalStatus,
      marital_status: input.maritalStatus,
      employment_type: input.employmentType,
      position: input.position,
      // A new position without its date: the old position's date no longer says anything.
      position_since:
        input.positionSince !== undefined
          ? input.positionSince
          : input.position && input.position !== row.position
            ? null
            : undefined,
      subject: input.subject,
      stage: input.stage,
      teaching_since: input.teachingSince,
      backbone: input.backbone,
      union_joined_on: input.unionJoinedOn,
      union_status: input.unionStatus,
      retirement_category: input.retirementCategory,
      tags: input.tags,
      notes: input.notes,
      retirement_date: statutoryRetirementDate(merged.birthDate, merged.sex, category),
    };
    if (input.titles)
      Object.assign(set, { titles: JSON.stringify(input.titles), title: currentTitle(input.titles) });
    if (input.honours) set.honours = JSON.stringify(input.honours);
    if (input.idNumber)
      Object.assign(set, {
        id_number_enc: this.cipher.encrypt(idNumber),
        id_number_hash: this.cipher.lookupHash(idNumber),
        id_number_masked: maskIdNumber(idNumber),
      });
    if (input.phone !== undefined)
      Object.assign(set, {
        phone_enc: input.phone ? this.cipher.encrypt(input.phone) : null,
        phone_masked: input.phone ? maskPhone(input.phone) : null,
      });
    if (input.address !== undefined)
      Object.assign(set, {
        address_enc: input.address ? this.cipher.encrypt(input.address) : null,
        address_masked: input.address ? maskAddress(input.address) : null,
      });
    if (input.healthNote !== undefined)
      set.health_note_enc = input.healthNote ? this.cipher.encrypt(input.healthNote) : null;
    await this.write(id, set, 'body.idNumber');
    return this.audited('teacher.update', row);
  }

  async transfer(id: string, version: number, orgId: string, on: string): Promise<Teacher> {
    const row = await this.requireVersion(id, version);
    if (row.status !== 'active') throw new AppError('TEACHER_NOT_ACTIVE');
    const org = await this.requireUnit(orgId, 'body.orgId');
    if (org.tenant_id !== row.tenant_id) throw AppError.notFound();
    if (on > todayInShanghai())
      throw new AppError('DATE_IN_FUTURE', { fields: [{ path: 'body.on', code: 'DATE_IN_FUTURE' }] });
    // The posting at the old school ends the day before; the new one starts on the day.
    const postings = [
      ...row.postings.map((p) => (p.to === null ? { ...p, to: addDays(on, -1) } : p)),
      { orgId: org.id, orgName: org.name, from: on, to: null, rural: org.rural },
    ];
    await this.write(id, { org_id: org.id, joined_school_on: on, postings: JSON.stringify(postings) });
    return this.audited('teacher.transfer', row);
  }

  async retire(id: string, version: number, on: string): Promise<Teacher> {
    const row = await this.requireVersion(id, version);
    if (row.status !== 'active') throw new AppError('TEACHER_NOT_ACTIVE');
    const postings = row.postings.map((p) => (p.to === null ? { ...p, to: on } : p));
    await this.write(id, { status: 'retired', status_since: on, postings: JSON.stringify(postings) });
    return this.audited('teacher.retire', row);
  }

  /** One sensitive value in clear, for a permitted role, with the reason in the audit log. */
  async reveal(id: string, field: SensitiveField, reason: string): Promise<string | null> {
    const row = await this.require(id);
    const sealed = {
      idNumber: row.id_number_enc,
      phone: row.phone_enc,
      address: row.address_enc,
      healthNote: row.health_note_enc,
    }[field];
    await this.audit.record({
      orgId: row.org_id,
      action: 'teacher.reveal',
      targetType: 'teacher',
      targetId: id,
      after: { field, reason },
    });
    return sealed ? this.cipher.decrypt(sealed) : null;
  }

  async addFamilyLink(id: string, input: AddFamilyLinkRequest): Promise<Teacher> {
    const row = await this.require(id, true);
    let link: FamilyJson;
    if (input.relativeId) {
      if (input.relativeId === id) throw new AppError('FAMILY_LINK_SELF');
      const relative = await this.require(input.relativeId, true);
      link = {
        id: randomUUID(),
        kind: input.kind,
        relativeId: relative.id,
        relativeName: relative.name,
        inEducation: true,
        note: null,
      };
      // Both records know of the link: a spouse's spouse, a parent's child.
      const back: FamilyJson = {
        id: randomUUID(),
        kind: INVERSE[input.kind],
        relativeId: id,
        relativeName: row.name,
        inEducation: true,
        note: null,
      };
      await this.write(relative.id, {
        family: JSON.stringify([...relative.family.filter((f) => f.relativeId !== id), back]),
      });
    } else {
      link = {
        id: randomUUID(),
        kind: input.kind,
        relativeId: null,
        relativeName: input.relativeName!,
        inEducation: input.inEducation!,
        note: input.note ?? null,
      };
    }
    const family = [
      ...row.family.filter((f) => !(link.relativeId && f.relativeId === link.relativeId)),
      link,
    ];
    await this.write(id, { family: JSON.stringify(family) });
    return this.audited('teacher.family_link', row);
  }

  private async write(id: string, set: Record<string, unknown>, uniquePath = 'body.idNumber'): Promise<void> {
    const entries = Object.entries(set).filter(([, v]) => v !== undefined);
    const params = entries.map(([, v]) => v);
    const assignments = entries.map(([k], i) => `${k} = $${i + 2}`).join(', ');
    await this.ctx.em
      .query(`UPDATE teachers SET ${assignments}, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        ...params,
      ])
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'teachers_tenant_id_number'))
          throw new AppError('TEACHER_EXISTS', { fields: [{ path: uniquePath, code: 'TEACHER_EXISTS' }] });
        throw e;
      });
  }

  private async require(id: string, lock = false): Promise<TeacherRow> {
    const row = await teachersRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  private async requireVersion(id: string, version: number): Promise<TeacherRow> {
    const row = await this.require(id, true);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }

  /** A school or department in the caller's scope, active. */
  private async requireUnit(orgId: string, path: string): Promise<OrgRow> {
    const org = await orgsRepo.find(this.ctx.em, this.scope, orgId);
    if (!org) throw new AppError('NOT_FOUND', { fields: [{ path, code: 'NOT_FOUND' }] });
    if (org.kind !== 'school' && org.kind !== 'department')
      throw new AppError('ORG_NOT_A_UNIT', { fields: [{ path, code: 'ORG_NOT_A_UNIT' }] });
    if (!org.active) throw new AppError('ORG_INACTIVE', { fields: [{ path, code: 'ORG_INACTIVE' }] });
    return org;
  }

  private async audited(action: string, before: TeacherRow): Promise<Teacher> {
    const today = todayInShanghai();
    const after = await this.get(before.id);
    await this.audit.record({
      orgId: after.orgId,
      action,
      targetType: 'teacher',
      targetId: before.id,
      before: auditView(toTeacher(before, today)),
      after: auditView(after),
    });
    return after;
  }
}

function currentTitle(titles: readonly { level: string; since: string }[]): string | null {
  return [...titles].sort((a, b) => a.since.localeCompare(b.since)).at(-1)?.level ?? null;
}

/** What the audit log keeps of a record: masked values only, never a clear ID number. */
function auditView(t: Teacher) {
  const { facts: _facts, eligibility: _e, ...rest } = t;
  return rest;
}

function assertRecord(facts: Parameters<typeof checkTeacherRecord>[0], today: string): void {
  const problems = checkTeacherRecord(facts, today);
  if (problems.length === 0) return;
  throw new AppError(problems[0]!.code, {
    fields: problems.map((p) => ({ path: `body.${p.field}`, code: p.code })),
  });
}

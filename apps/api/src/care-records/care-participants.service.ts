import { Injectable } from '@nestjs/common';
import type {
  ActivityTypeCode,
  CareParticipantPage,
  ParticipantSelection,
  TeacherCarePage,
} from '@guanai/contracts';
import type { z } from 'zod';
import { todayInShanghai, validateIdNumber } from '@guanai/domain';
import { FieldCipher } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { teacherFilterSql } from '../teachers/teachers.repository';
import { careRecordsRepo } from './care-records.repository';
import { participantsRepo, type ParticipantChoice } from './care-participants.repository';

/** At most this many field problems in one answer: a pasted column of 5,000 wrong numbers names the first ones. */
const MAX_FIELD_PROBLEMS = 200;

const ID_PROBLEM_CODES = {
  length: 'ID_NUMBER_LENGTH',
  format: 'ID_NUMBER_FORMAT',
  checksum: 'ID_NUMBER_CHECKSUM',
  birth_date: 'ID_NUMBER_BIRTH_DATE',
} as const;

/** Who took part in care work: choosing them (ids, the teacher list's filters, pasted ID numbers) and listing them. */
@Injectable()
export class CareParticipantsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  /**
   * The selection as teacher ids plus a filter subquery. Every id and ID number must name a teacher
   * in the caller's scope and the record's union; otherwise 422 naming each one by its path
   * (`body.participants.idNumbers.7`) and nothing is written. The filter lists active teachers
   * unless it names a status, as GET /v1/teachers would with the same filters.
   */
  async choose(sel: ParticipantSelection, tenantId: string, path: string): Promise<ParticipantChoice> {
    const em = this.ctx.em;
    const today = todayInShanghai();
    const problems: FieldProblem[] = [];

    const found = await participantsRepo.teachersInScope(em, this.scope, tenantId, [
      ...new Set(sel.teacherIds),
    ]);
    sel.teacherIds.forEach((id, i) => {
      if (!found.has(id))
        problems.push({ path: `${path}.teacherIds.${i}`, code: 'CARE_TEACHER_NOT_IN_SCOPE' });
    });

    const checks = sel.idNumbers.map((n) => validateIdNumber(n, today));
    const hashes = checks.map((c) => (c.ok ? this.cipher.lookupHash(c.idNumber) : null));
    const byHash = await participantsRepo.teachersByIdHash(em, this.scope, tenantId, [
      ...new Set(hashes.filter((h): h is string => h !== null)),
    ]);
    const fromIdNumbers: string[] = [];
    checks.forEach((c, i) => {
      const at = `${path}.idNumbers.${i}`;
      const id = c.ok ? byHash.get(hashes[i]!) : undefined;
      if (!c.ok) problems.push({ path: at, code: ID_PROBLEM_CODES[c.problem] });
      else if (!id) problems.push({ path: at, code: 'CARE_ID_NUMBER_NOT_FOUND' });
      else fromIdNumbers.push(id);
    });

    if (problems.length)
      throw new AppError('CARE_PARTICIPANTS_INVALID', {
        params: { count: problems.length },
        fields: problems.slice(0, MAX_FIELD_PROBLEMS),
      });

    const teacherIds = [...new Set([...sel.teacherIds, ...fromIdNumbers])];
    if (!sel.filter) return { teacherIds };
    const { idNumber, ...rest } = sel.filter;
    const idHash = idNumber ? this.cipher.lookupHash(idNumber) : undefined;
    const filter = await teacherFilterSql(
      em,
      this.scope,
      { ...rest, status: rest.status ?? 'active' },
      today,
      idHash,
    );
    return { teacherIds, filter };
  }

  /** Adds the chosen teachers to the record with its type and day copied; answers the ids added. */
  add(
    recordId: string,
    tenantId: string,
    choice: ParticipantChoice,
    activityType: string,
    occurredOn: string,
  ): Promise<string[]> {
    return participantsRepo.add(this.ctx.em, {
      recordId,
      scopePath: this.scope,
      tenantId,
      choice,
      activityType,
      occurredOn,
    });
  }

  /** Removes teachers from the record; each must be one of its participants the caller can see. */
  async remove(recordId: string, ids: string[], path: string): Promise<string[]> {
    const present = await participantsRepo.present(this.ctx.em, recordId, ids);
    const problems = ids.flatMap((id, i) =>
      present.has(id) ? [] : [{ path: `${path}.${i}`, code: 'CARE_NOT_A_PARTICIPANT' }],
    );
    if (problems.length)
      throw new AppError('CARE_PARTICIPANTS_INVALID', {
        params: { count: problems.length },
        fields: problems.slice(0, MAX_FIELD_PROBLEMS),
      });
    return participantsRepo.remove(this.ctx.em, recordId, [...present]);
  }

  /** The record's participants the caller can see (row-level security hides those of other units). */
  visibleCount(recordId: string): Promise<number> {
    return participantsRepo.countVisible(this.ctx.em, recordId);
  }

  /** Copies the record's new type and day onto its participants. */
  restamp(recordId: string, activityType: string, occurredOn: string): Promise<void> {
    return participantsRepo.restamp(this.ctx.em, recordId, activityType, occurredOn);
  }

  async list(recordId: string, page: number, pageSize: number): Promise<z.infer<typeof CareParticipantPage>> {
    if (!(await careRecordsRepo.find(this.ctx.em, this.scope, recordId))) throw AppError.notFound();
    const rows = await participantsRepo.page(this.ctx.em, recordId, this.scope, page, pageSize);
    return {
      ...rows,
      items: rows.items.map((r) => ({
        teacherId: r.teacher_id,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        idNumberMasked: r.id_number_masked,
      })),
    };
  }

  /** The care a teacher in the caller's scope received, newest first. */
  async teacherCare(
    teacherId: string,
    page: number,
    pageSize: number,
  ): Promise<z.infer<typeof TeacherCarePage>> {
    if (!(await participantsRepo.teacherVisible(this.ctx.em, this.scope, teacherId)))
      throw AppError.notFound();
    const rows = await participantsRepo.teacherCare(this.ctx.em, teacherId, this.scope, page, pageSize);
    return {
      ...rows,
      items: rows.items.map((r) => ({
        recordId: r.record_id,
        activityType: r.activity_type as ActivityTypeCode,
        title: r.title,
        occurredOn: r.occurred_on,
        orgName: r.org_name,
      })),
    };
  }
}

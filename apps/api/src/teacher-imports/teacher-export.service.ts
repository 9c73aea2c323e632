import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { stream } from 'exceljs';
import type { ListTeachersQuery } from '@guanai/contracts';
import {
  DataSource,
  EMPLOYMENT_TYPE_LABELS,
  inScope,
  labelOf,
  neutraliseCell,
  POSITION_LABELS,
  SEX_LABELS,
  STAGE_LABELS,
  TEACHER_STATUS_LABELS,
  TITLE_LABELS,
  YES_NO_LABELS,
} from '@guanai/db';
import { maskIdNumber } from '@guanai/domain';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TeachersService } from '../teachers/teachers.service';
import { attachment, XLSX } from './workbooks';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DATE = { numFmt: 'yyyy-mm-dd' };

/**
 * The registry's filtered list as .xlsx (导出), with the list's masking (ID numbers and phones as
 * 3301**********1234 and 138****5678): the export never carries a clear sensitive value. Streamed
 * row by row through exceljs' WorkbookWriter, so memory stays flat however long the list.
 */
@Injectable()
export class TeacherExportService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly teachers: TeachersService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  async export(q: ListTeachersQuery, res: Response): Promise<void> {
    const p = this.ctx.principal;
    // Audited before the first byte, in a transaction of its own: an export cut short still counts.
    const { page: _page, pageSize: _size, ...filters } = q;
    if (filters.idNumber) filters.idNumber = maskIdNumber(filters.idNumber);
    await inScope(this.ds, { path: p.orgPath, userId: p.userId, requestId: this.ctx.requestId }, (em) =>
      this.audit.record(
        { orgId: p.orgId, action: 'teacher.export', targetType: 'teacher', after: { filters } },
        em,
      ),
    );

    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader(
      'Content-Disposition',
      attachment('teachers.xlsx', `教师名单-${new Date().toISOString().slice(0, 10)}.xlsx`),
    );
    res.setHeader('Cache-Control', 'no-store');
    const wb = new stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    const sheet = wb.addWorksheet('教师名单', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: '姓名', width: 12 },
      { header: '性别', width: 6 },
      { header: '身份证号（已脱敏）', width: 22 },
      { header: '出生日期', width: 12, style: DATE },
      { header: '年龄', width: 6 },
      { header: '手机号（已脱敏）', width: 14 },
      { header: '学校', width: 28 },
      { header: '乡村学校', width: 8 },
      { header: '用工类型', width: 8 },
      { header: '岗位', width: 8 },
      { header: '任教学科', width: 10 },
      { header: '学段', width: 8 },
      { header: '职称', width: 8 },
      { header: '骨干教师', width: 8 },
      { header: '状态', width: 6 },
      { header: '标签', width: 20 },
      { header: '教龄（年）', width: 8 },
      { header: '本校年限', width: 8 },
      { header: '乡村任教年限', width: 10 },
      { header: '法定退休日期', width: 12, style: DATE },
      { header: '距退休天数', width: 10 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const text = (s: string | null) => neutraliseCell(s ?? '');
    for await (const t of this.teachers.rows(q)) {
      sheet
        .addRow([
          text(t.name),
          labelOf(SEX_LABELS, t.sex),
          text(t.idNumberMasked),
          date(t.birthDate),
          t.facts.age,
          text(t.phoneMasked),
          text(t.orgName),
          labelOf(YES_NO_LABELS, String(t.rural)),
          labelOf(EMPLOYMENT_TYPE_LABELS, t.employmentType),
          labelOf(POSITION_LABELS, t.position),
          text(t.subject),
          labelOf(STAGE_LABELS, t.stage),
          labelOf(TITLE_LABELS, t.title),
          labelOf(YES_NO_LABELS, String(t.backbone)),
          labelOf(TEACHER_STATUS_LABELS, t.status),
          text(t.tags.join('、')),
          t.facts.yearsOfTeaching,
          t.facts.yearsAtSchool,
          t.facts.ruralYears,
          date(t.facts.retirementDate),
          t.facts.daysToRetirement,
        ])
        .commit();
    }
    sheet.commit();
    await wb.commit();
  }
}

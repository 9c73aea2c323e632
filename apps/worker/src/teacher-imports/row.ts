// One spreadsheet row → a checked teacher record, or every reason it cannot be one. The rules are the
// API's: the row is put into the shape of CreateTeacherRequest and parsed with that very schema, then
// checked with the domain's checkTeacherRecord, so a row the import accepts is a record the form accepts.
import { CreateTeacherRequest, type ImportField } from '@guanai/contracts';
import {
  REQUIRED_IMPORT_FIELDS,
  type Cell,
  type ImportColumn,
  type ImportProblem,
  type TeacherRecord,
  type TeacherUnit,
} from '@guanai/db';
import { checkTeacherRecord, validateIdNumber, type RecordField } from '@guanai/domain';
import { reason, type ReasonCode } from './reasons';
import {
  cellText,
  parseBirthdayCalendar,
  parseDate,
  parseEmploymentType,
  parseIdNumber,
  parseMaritalStatus,
  parsePhone,
  parsePoliticalStatus,
  parsePosition,
  parseRetirementCategory,
  parseSex,
  parseStage,
  parseTags,
  parseText,
  parseTitle,
  parseUnionStatus,
  parseYesNo,
  type DateValue,
  type Parsed,
} from './values';

export interface UnitInfo {
  id: string;
  tenantId: string | null;
  name: string;
  code: string | null;
  kind: string;
  active: boolean;
  rural: boolean;
}

const nameKey = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The tenant's organisations by code and by name, for rows that name their school. */
export class UnitDirectory {
  private readonly codes = new Map<string, UnitInfo[]>();
  private readonly names = new Map<string, UnitInfo[]>();

  constructor(units: readonly UnitInfo[]) {
    for (const u of units) {
      if (u.code) this.codes.set(u.code.toLowerCase(), [...(this.codes.get(u.code.toLowerCase()) ?? []), u]);
      this.names.set(nameKey(u.name), [...(this.names.get(nameKey(u.name)) ?? []), u]);
    }
  }

  byCode(code: string): UnitInfo[] {
    return this.codes.get(code.trim().toLowerCase()) ?? [];
  }

  byName(name: string): UnitInfo[] {
    return this.names.get(nameKey(name)) ?? [];
  }
}

export interface RowContext {
  columns: readonly ImportColumn[];
  units: UnitDirectory;
  today: string;
  date1904: boolean;
}

/** A row that may be written, with what the import needs to write it. */
export interface ValidRow {
  row: number;
  record: TeacherRecord;
  unit: TeacherUnit;
  /** Fields the file has a column for (by column index). */
  provided: ReadonlyMap<ImportField, number>;
  /** Fields this row has a value for: on an existing record, only these overwrite. */
  given: ReadonlySet<ImportField>;
  /** The normalised row, for the import digest. */
  canonical: unknown;
  /** The row as read, for the rejects workbook should the write refuse it after all. */
  cells: readonly Cell[];
  /** The ID number's lookup hash, once computed. */
  idHash?: string;
}

export type BuiltRow =
  | { ok: true; value: ValidRow; idNumber: string }
  | { ok: false; problems: ImportProblem[]; idNumber: string | null; cells: string[] };

type Values = Partial<Record<ImportField, unknown>>;

const PARSERS: Record<ImportField, (c: Cell, date1904: boolean) => Parsed<unknown>> = {
  name: parseText,
  sex: parseSex,
  idNumber: parseIdNumber,
  birthDate: parseDate,
  birthdayCalendar: parseBirthdayCalendar,
  phone: parsePhone,
  ethnicity: parseText,
  politicalStatus: parsePoliticalStatus,
  maritalStatus: parseMaritalStatus,
  orgCode: parseText,
  orgName: parseText,
  employmentType: parseEmploymentType,
  position: parsePosition,
  positionSince: parseDate,
  subject: parseText,
  stage: parseStage,
  title: parseTitle,
  titleSince: parseDate,
  teachingSince: parseDate,
  joinedSchoolOn: parseDate,
  backbone: parseYesNo,
  unionJoinedOn: parseDate,
  unionStatus: parseUnionStatus,
  retirementCategory: parseRetirementCategory,
  address: parseText,
  tags: parseTags,
  notes: parseText,
};

// The fields a row must give: the same list the mapping step demands columns for.
const REQUIRED = REQUIRED_IMPORT_FIELDS;

/** Contract keys (CreateTeacherRequest) and domain record fields → the import field whose column to blame. */
const CONTRACT_FIELD: Record<string, ImportField> = {
  orgId: 'orgCode',
  titles: 'title',
  joinedSchoolOn: 'joinedSchoolOn',
};
const RECORD_FIELD: Record<RecordField, ImportField> = {
  idNumber: 'idNumber',
  birthDate: 'birthDate',
  sex: 'sex',
  teachingSince: 'teachingSince',
  joinedSchoolOn: 'joinedSchoolOn',
  unionJoinedOn: 'unionJoinedOn',
  titles: 'titleSince',
  positionSince: 'positionSince',
};

const UNKNOWN_UNIT = '00000000-0000-4000-8000-000000000000';

const isoOf = (d: DateValue) =>
  d.kind === 'date' ? d.iso : `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-01`;

/** How an import's columns are read, worked out once per import rather than once per row. */
interface Plan {
  mapped: { field: ImportField; index: number; parse: (c: Cell, date1904: boolean) => Parsed<unknown> }[];
  columnOf: Map<ImportField, number>;
  /** Fields with a column, school code and name left out (the school goes in by id), sorted. */
  digestFields: ImportField[];
}

const plans = new WeakMap<readonly ImportColumn[], Plan>();

function planOf(columns: readonly ImportColumn[]): Plan {
  let plan = plans.get(columns);
  if (!plan) {
    const columnOf = new Map<ImportField, number>();
    columns.forEach((c, i) => c.field && !columnOf.has(c.field) && columnOf.set(c.field, i));
    plan = {
      columnOf,
      mapped: [...columnOf].map(([field, index]) => ({ field, index, parse: PARSERS[field] })),
      digestFields: [...columnOf.keys()].filter((f) => f !== 'orgCode' && f !== 'orgName').sort(),
    };
    plans.set(columns, plan);
  }
  return plan;
}

/** The row's cells as text, by column, for the rejects workbook. */
export const cellTexts = (columns: readonly ImportColumn[], cells: readonly Cell[]) =>
  columns.map((_, i) => cellText(cells[i] ?? null));

/** Reads, converts and checks one row. Every problem of the row is reported, not just the first. */
export function buildRow(rowNumber: number, cells: readonly Cell[], ctx: RowContext): BuiltRow {
  const { mapped, columnOf, digestFields } = planOf(ctx.columns);
  const problems: ImportProblem[] = [];
  const blamed = new Set<ImportField>();
  const blame = (field: ImportField, code: ReasonCode, params?: Record<string, string | number>) => {
    if (blamed.has(field) && problems.some((p) => p.field === field && p.code === code)) return;
    blamed.add(field);
    const i = columnOf.get(field);
    problems.push({
      column: i === undefined ? null : ctx.columns[i]!.header,
      field,
      code,
      ...reason(code, params),
    });
  };

  const v: Values = {};
  for (const m of mapped) {
    const parsed = m.parse(cells[m.index] ?? null, ctx.date1904);
    if (parsed.ok) v[m.field] = parsed.value;
    else blame(m.field, parsed.code, parsed.params);
  }
  for (const f of REQUIRED) if (v[f] === null && !blamed.has(f)) blame(f, 'REQUIRED');

  const idNumber = typeof v.idNumber === 'string' ? v.idNumber : null;

  // The school, by code or by name, within the tenant.
  let unit: UnitInfo | undefined;
  const code = v.orgCode as string | null | undefined;
  const name = v.orgName as string | null | undefined;
  if (!blamed.has('orgCode') && !blamed.has('orgName')) {
    const field: ImportField = code ? 'orgCode' : 'orgName';
    const asked = code ?? name;
    const found = code ? ctx.units.byCode(code) : name ? ctx.units.byName(name) : [];
    if (!asked)
      blame(columnOf.has('orgCode') && !columnOf.has('orgName') ? 'orgCode' : 'orgName', 'ORG_REQUIRED');
    else if (found.length === 0) blame(field, 'ORG_NOT_FOUND', { value: asked });
    else if (found.length > 1) blame(field, 'ORG_AMBIGUOUS', { value: asked });
    else if (code && name && nameKey(name) !== nameKey(found[0]!.name))
      blame('orgName', 'ORG_MISMATCH', { code, name: found[0]!.name, value: name });
    else if (found[0]!.kind !== 'school' && found[0]!.kind !== 'department')
      blame(field, 'ORG_NOT_A_UNIT', { value: asked });
    else if (!found[0]!.active || !found[0]!.tenantId) blame(field, 'ORG_INACTIVE', { value: asked });
    else unit = found[0];
  }

  // A title and the day it was obtained go together.
  const title = v.title as string | null | undefined;
  const titleSince = v.titleSince as DateValue | null | undefined;
  if (title && !titleSince && !blamed.has('titleSince'))
    blame(columnOf.has('titleSince') ? 'titleSince' : 'title', 'TITLE_SINCE_REQUIRED');
  if (!title && titleSince && !blamed.has('title'))
    blame(columnOf.has('title') ? 'title' : 'titleSince', 'TITLE_REQUIRED');

  // 出生年月 gives year and month: the day comes from the ID number when they agree.
  let birthDate: string | undefined;
  const birth = v.birthDate as DateValue | null | undefined;
  if (birth) {
    birthDate = isoOf(birth);
    if (birth.kind === 'month' && idNumber) {
      const id = validateIdNumber(idNumber, ctx.today);
      if (id.ok && id.birthDate.startsWith(birthDate.slice(0, 8))) birthDate = id.birthDate;
    }
  }
  const date = (f: ImportField) => (v[f] ? isoOf(v[f] as DateValue) : undefined);
  const teachingSince = date('teachingSince');
  const joinedSchoolOn = date('joinedSchoolOn');
  const unionJoinedOn = date('unionJoinedOn');
  const positionSince = date('positionSince');
  const titles = title && titleSince ? [{ level: title, since: isoOf(titleSince) }] : undefined;
  const sex = (v.sex ?? undefined) as 'male' | 'female' | undefined;

  // The domain's checks first (they name ID number problems more precisely than the schema's pattern),
  // whenever the facts they need could be read, whatever else is wrong with the row.
  if (idNumber && birthDate && sex && teachingSince) {
    // 到校时间 only when the file gives it: a defaulted one must not be blamed on an empty cell.
    const facts = {
      idNumber,
      birthDate,
      sex,
      teachingSince,
      joinedSchoolOn: joinedSchoolOn ?? null,
      unionJoinedOn: unionJoinedOn ?? null,
      positionSince: positionSince ?? null,
      titles,
    };
    for (const p of checkTeacherRecord(facts, ctx.today)) blame(RECORD_FIELD[p.field], p.code);
  }

  // The form's own schema. A value already blamed goes in as absent, so each problem is reported once.
  const input = {
    name: v.name ?? undefined,
    sex,
    idNumber: idNumber ?? undefined,
    birthDate,
    birthdayCalendar: v.birthdayCalendar ?? undefined,
    phone: v.phone ?? undefined,
    ethnicity: v.ethnicity ?? undefined,
    politicalStatus: v.politicalStatus ?? undefined,
    maritalStatus: v.maritalStatus ?? undefined,
    employmentType: v.employmentType ?? undefined,
    position: v.position ?? undefined,
    positionSince,
    subject: v.subject ?? undefined,
    stage: v.stage ?? undefined,
    titles,
    teachingSince,
    backbone: v.backbone ?? undefined,
    unionJoinedOn,
    unionStatus: v.unionStatus ?? undefined,
    retirementCategory: v.retirementCategory ?? undefined,
    address: v.address ?? undefined,
    tags: v.tags ?? undefined,
    notes: v.notes ?? undefined,
    // A stand-in when the school is unknown (already reported), so the other fields are still checked.
    orgId: unit?.id ?? UNKNOWN_UNIT,
    joinedSchoolOn,
  };
  const parsed = CreateTeacherRequest.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = CONTRACT_FIELD[key] ?? (key as ImportField);
      // The school and the title pair are checked above, in the file's terms.
      if (blamed.has(field) || key === 'orgId' || key === 'titles') continue;
      blame(field, ...zodReason(issue, (input as Record<string, unknown>)[key]));
    }
  }
  if (problems.length || !parsed.success || !unit)
    return { ok: false, problems, idNumber, cells: cellTexts(ctx.columns, cells) };

  const d = parsed.data;
  const given = new Set<ImportField>();
  for (const m of mapped) if (v[m.field] !== null && v[m.field] !== undefined) given.add(m.field);
  const record: TeacherRecord = {
    name: d.name,
    sex: d.sex,
    idNumber: d.idNumber,
    birthDate: d.birthDate,
    birthdayCalendar: d.birthdayCalendar,
    phone: d.phone ?? null,
    address: d.address ?? null,
    ethnicity: d.ethnicity ?? null,
    politicalStatus: d.politicalStatus ?? null,
    maritalStatus: d.maritalStatus ?? null,
    employmentType: d.employmentType,
    position: d.position,
    positionSince: d.positionSince ?? null,
    subject: d.subject ?? null,
    stage: d.stage,
    titles: d.titles,
    teachingSince: d.teachingSince,
    joinedSchoolOn: d.joinedSchoolOn ?? d.teachingSince,
    backbone: d.backbone,
    honours: [],
    unionJoinedOn: d.unionJoinedOn ?? null,
    unionStatus: d.unionStatus,
    retirementCategory: d.retirementCategory,
    tags: d.tags,
    notes: d.notes ?? null,
  };
  // What the file said, normalised, for the digest: the school by id, each field with a column by its value.
  const said = input as Record<string, unknown>;
  const canonical: unknown[] = [unit.id];
  for (const f of digestFields)
    canonical.push(f, f === 'title' || f === 'titleSince' ? (titles ?? null) : (said[f] ?? null));
  return {
    ok: true,
    idNumber: d.idNumber,
    value: {
      row: rowNumber,
      record,
      unit: { id: unit.id, tenantId: unit.tenantId!, name: unit.name, rural: unit.rural },
      provided: columnOf,
      given,
      canonical,
      cells,
    },
  };
}

function zodReason(
  issue: { code: string; message: string; maximum?: unknown; origin?: string },
  input: unknown,
): [ReasonCode, Record<string, string | number>?] {
  if (issue.message === 'ID_NUMBER_FORMAT' || issue.message === 'PHONE_FORMAT') return [issue.message];
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array'
        ? ['TOO_MANY', { max: Number(issue.maximum) }]
        : ['TOO_LONG', { max: Number(issue.maximum) }];
    case 'too_small':
      return ['REQUIRED'];
    case 'invalid_type':
      return input === undefined ? ['REQUIRED'] : ['INVALID'];
    case 'invalid_format':
      return typeof input === 'string' && /^\d{4}-/.test(input)
        ? ['DATE_INVALID', { value: input }]
        : ['INVALID'];
    default:
      return ['INVALID'];
  }
}

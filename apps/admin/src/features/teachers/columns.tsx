import { useState } from 'react';
import { Button, Checkbox, Popover, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TeacherSummary } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import type { TeacherSort } from './api';
import { birthDateText, label, STATUS_COLOR } from './labels';

export type ColumnKey =
  | 'name'
  | 'sex'
  | 'idNumber'
  | 'birthDate'
  | 'phone'
  | 'org'
  | 'employmentType'
  | 'position'
  | 'stage'
  | 'subject'
  | 'title'
  | 'backbone'
  | 'age'
  | 'yearsOfTeaching'
  | 'yearsAtSchool'
  | 'ruralYears'
  | 'retirementDate'
  | 'daysToRetirement'
  | 'status'
  | 'tags';

interface ColumnDef {
  key: ColumnKey;
  title: MessageKey;
  /** Shown until the person chooses otherwise. */
  shown: boolean;
  /** The server sorts for this column: [ascending, descending]. */
  sort?: [TeacherSort, TeacherSort];
  width?: number;
  render: (row: TeacherSummary, t: Translate) => React.ReactNode;
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

export const COLUMNS: ColumnDef[] = [
  {
    key: 'name',
    title: 'teacher.name',
    shown: true,
    sort: ['name', '-name'],
    width: 110,
    render: (r) => <Link to={`/teachers/${r.id}`}>{r.name}</Link>,
  },
  { key: 'sex', title: 'teacher.sex', shown: true, width: 64, render: (r, t) => label(t, 'sex', r.sex) },
  {
    key: 'idNumber',
    title: 'teacher.idNumber',
    shown: true,
    width: 190,
    render: (r) => <Typography.Text style={{ fontFamily: 'monospace' }}>{r.idNumberMasked}</Typography.Text>,
  },
  {
    key: 'birthDate',
    title: 'teacher.birthDate',
    shown: false,
    sort: ['birthDate', '-birthDate'],
    width: 120,
    render: (r, t) => birthDateText(t, r),
  },
  { key: 'phone', title: 'teacher.phone', shown: false, width: 130, render: (r) => dash(r.phoneMasked) },
  {
    key: 'org',
    title: 'teacher.org',
    shown: true,
    width: 180,
    render: (r, t) => (
      <Space size={4}>
        {r.orgName}
        {r.rural && <Tag color="green">{t('teachers.posting.rural')}</Tag>}
      </Space>
    ),
  },
  {
    key: 'employmentType',
    title: 'teacher.employmentType',
    shown: false,
    width: 90,
    render: (r, t) => label(t, 'employmentType', r.employmentType),
  },
  {
    key: 'position',
    title: 'teacher.position',
    shown: true,
    width: 90,
    render: (r, t) => label(t, 'position', r.position),
  },
  {
    key: 'stage',
    title: 'teacher.stage',
    shown: false,
    width: 90,
    render: (r, t) => label(t, 'stage', r.stage),
  },
  { key: 'subject', title: 'teacher.subject', shown: false, width: 90, render: (r) => dash(r.subject) },
  {
    key: 'title',
    title: 'teacher.title',
    shown: true,
    width: 90,
    render: (r, t) => label(t, 'title', r.title),
  },
  {
    key: 'backbone',
    title: 'teacher.backbone',
    shown: false,
    width: 90,
    render: (r, t) => (r.backbone ? t('common.yes') : t('common.no')),
  },
  // Older is an earlier birth date: age ascending is birth date descending.
  {
    key: 'age',
    title: 'teacher.age',
    shown: true,
    sort: ['-birthDate', 'birthDate'],
    width: 80,
    render: (r) => r.facts.age,
  },
  {
    key: 'yearsOfTeaching',
    title: 'teacher.yearsOfTeaching',
    shown: true,
    sort: ['-teachingSince', 'teachingSince'],
    width: 80,
    render: (r) => r.facts.yearsOfTeaching,
  },
  {
    key: 'yearsAtSchool',
    title: 'teacher.yearsAtSchool',
    shown: true,
    width: 90,
    render: (r) => r.facts.yearsAtSchool,
  },
  {
    key: 'ruralYears',
    title: 'teacher.ruralYears',
    shown: true,
    width: 110,
    render: (r) => r.facts.ruralYears,
  },
  {
    key: 'retirementDate',
    title: 'teacher.retirementDate',
    shown: true,
    sort: ['retirementDate', '-retirementDate'],
    width: 130,
    render: (r) => r.facts.retirementDate,
  },
  {
    key: 'daysToRetirement',
    title: 'teacher.daysToRetirement',
    shown: true,
    width: 110,
    render: (r, t) => (
      <DaysToRetirement days={r.facts.daysToRetirement} active={r.status === 'active'} t={t} />
    ),
  },
  {
    key: 'status',
    title: 'teacher.status',
    shown: true,
    width: 80,
    render: (r, t) => <Tag color={STATUS_COLOR[r.status]}>{label(t, 'status', r.status)}</Tag>,
  },
  {
    key: 'tags',
    title: 'teacher.tags',
    shown: true,
    width: 160,
    render: (r) => (r.tags.length ? r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'),
  },
];

/**
 * Days to the statutory retirement date; within a year stands out (ceremonies, convalescence priority),
 * past it (still active: retirement not yet recorded) reads as days since.
 */
export function DaysToRetirement({ days, active, t }: { days: number; active: boolean; t: Translate }) {
  if (!active) return <>—</>;
  if (days < 0)
    return <Typography.Text type="warning">{t('teachers.daysPassed', { n: -days })}</Typography.Text>;
  if (days <= 365) return <Tag color="orange">{days}</Tag>;
  return <>{days}</>;
}

const STORAGE_KEY = 'guanai.teachers.columns';
const DEFAULT_SHOWN = COLUMNS.filter((c) => c.shown).map((c) => c.key);

function loadShown(): ColumnKey[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const known = new Set<string>(COLUMNS.map((c) => c.key));
      const keys = raw.filter((k): k is ColumnKey => typeof k === 'string' && known.has(k));
      if (keys.length) return keys.includes('name') ? keys : ['name', ...keys];
    }
  } catch {
    /* a broken value falls back to the defaults */
  }
  return DEFAULT_SHOWN;
}

/** Which columns show, remembered on this computer (localStorage). */
export function useShownColumns(): [ColumnKey[], (keys: ColumnKey[]) => void] {
  const [shown, setShown] = useState<ColumnKey[]>(loadShown);
  const save = (keys: ColumnKey[]) => {
    const next = keys.includes('name') ? keys : (['name', ...keys] as ColumnKey[]);
    if (same(next, DEFAULT_SHOWN)) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setShown(next);
  };
  return [shown, save];
}

const same = (a: ColumnKey[], b: ColumnKey[]) => a.length === b.length && a.every((k) => b.includes(k));

/** antd columns for the keys shown, with the sort order the query says. */
export function tableColumns(
  t: Translate,
  shown: ColumnKey[],
  sort: TeacherSort | undefined,
): ColumnType<TeacherSummary>[] {
  return COLUMNS.filter((c) => shown.includes(c.key)).map((c) => ({
    key: c.key,
    title: t(c.title),
    width: c.width,
    fixed: c.key === 'name' ? ('start' as const) : undefined,
    sorter: c.sort !== undefined,
    sortOrder: c.sort ? (sort === c.sort[0] ? 'ascend' : sort === c.sort[1] ? 'descend' : null) : undefined,
    render: (_: unknown, row: TeacherSummary) => c.render(row, t),
  }));
}

/** The server sort for a column key and direction; no direction falls back to the default (by name). */
export function sortFor(key: unknown, order: 'ascend' | 'descend' | null | undefined): TeacherSort {
  const c = COLUMNS.find((col) => col.key === key);
  if (!c?.sort || !order) return 'name';
  return order === 'ascend' ? c.sort[0] : c.sort[1];
}

export function ColumnChooser({
  t,
  shown,
  onChange,
}: {
  t: Translate;
  shown: ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
}) {
  const content = (
    <div style={{ width: 300 }}>
      <Checkbox.Group<ColumnKey>
        value={shown}
        onChange={(keys) => onChange(keys)}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }}
        options={COLUMNS.map((c) => ({ value: c.key, label: t(c.title), disabled: c.key === 'name' }))}
      />
      <div style={{ marginTop: 12, textAlign: 'right' }}>
        <Button size="small" onClick={() => onChange(DEFAULT_SHOWN)}>
          {t('teachers.columnsReset')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('teachers.columns')} content={content}>
      <Button icon={<SettingOutlined />}>{t('teachers.columns')}</Button>
    </Popover>
  );
}

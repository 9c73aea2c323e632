import { useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { ListTeachersQuery } from '@guanai/contracts';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { options, type EnumValue } from './labels';
import type { TeacherFilters } from './query';

type YesNo = 'true' | 'false';

interface Values {
  q?: string;
  idNumber?: string;
  orgId?: string;
  sex?: EnumValue<'sex'>;
  status?: EnumValue<'status'>;
  ageMin?: number | null;
  ageMax?: number | null;
  title?: EnumValue<'title'>;
  position?: EnumValue<'position'>;
  backbone?: YesNo;
  rural?: YesNo;
  retiringWithinDays?: number | null;
  teachingYearsMin?: number | null;
  yearsAtSchoolMin?: number | null;
  tag?: string;
}

const MORE: (keyof TeacherFilters)[] = [
  'ageMin',
  'ageMax',
  'title',
  'position',
  'backbone',
  'rural',
  'retiringWithinDays',
  'teachingYearsMin',
  'yearsAtSchoolMin',
  'tag',
];

const yesNo = (b: boolean | undefined): YesNo | undefined =>
  b === undefined ? undefined : b ? 'true' : 'false';
const bool = (v: YesNo | undefined) => (v === undefined ? undefined : v === 'true');
const num = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);
const str = (s: string | undefined) => s?.trim() || undefined;

function toValues(f: TeacherFilters): Values {
  return { ...f, backbone: yesNo(f.backbone), rural: yesNo(f.rural) };
}

function toFilters(v: Values): TeacherFilters {
  return {
    q: str(v.q),
    idNumber: str(v.idNumber)?.toUpperCase(),
    orgId: v.orgId || undefined,
    sex: v.sex,
    status: v.status,
    ageMin: num(v.ageMin),
    ageMax: num(v.ageMax),
    title: v.title,
    position: v.position,
    backbone: bool(v.backbone),
    rural: bool(v.rural),
    retiringWithinDays: num(v.retiringWithinDays),
    teachingYearsMin: num(v.teachingYearsMin),
    yearsAtSchoolMin: num(v.yearsAtSchoolMin),
    tag: str(v.tag),
  };
}

/** The list's filters (ListTeachersQuery); the common ones in view, the rest behind "more". */
export function TeacherFilterForm({
  value,
  onChange,
}: {
  value: TeacherFilters;
  onChange: (filters: TeacherFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [more, setMore] = useState(() => MORE.some((k) => value[k] !== undefined));

  const yesNoOptions = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  // A filter that may be left at 全部.
  const anyOf = (opts: { value: string; label: string }[]) => (
    <Select allowClear placeholder={t('common.all')} options={opts} />
  );
  const moreCol = { ...FILTER_COL, style: more ? undefined : { display: 'none' } };

  return (
    <FilterForm
      form={form}
      name="teacherFilters"
      label={t('teachers.filters')}
      labelWidth={88}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
      buttons={
        <Button type="link" onClick={() => setMore((m) => !m)}>
          {more ? t('teachers.lessFilters') : t('teachers.moreFilters')}{' '}
          {more ? <UpOutlined /> : <DownOutlined />}
        </Button>
      }
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('teacher.searchName')} name="q" rules={[zodRule(ListTeachersQuery.shape.q, t)]}>
          <Input allowClear placeholder={t('teacher.searchNamePlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item
          label={t('teacher.searchIdNumber')}
          name="idNumber"
          rules={[zodRule(ListTeachersQuery.shape.idNumber, t, t('validation.idNumber'))]}
        >
          <Input allowClear maxLength={18} placeholder={t('teacher.searchIdNumberPlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('teacher.orgFilter')} name="orgId">
          <OrgTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('teacher.sex')} name="sex">
          {anyOf(options(t, 'sex'))}
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('teacher.status')} name="status">
          {anyOf(options(t, 'status'))}
        </Form.Item>
      </Col>
      {/* Hidden, not unmounted: a filter set from the URL stays applied when the panel is closed. */}
      <Col {...moreCol}>
        <Form.Item label={t('teacher.ageRange')} style={{ marginBottom: 0 }}>
          <Space.Compact block>
            <Form.Item name="ageMin" noStyle>
              <InputNumber
                aria-label={t('teacher.ageMin')}
                placeholder={t('teacher.ageMin')}
                min={0}
                max={120}
                precision={0}
                style={{ width: '50%' }}
              />
            </Form.Item>
            <Form.Item
              name="ageMax"
              noStyle
              dependencies={['ageMin']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, max: number | null) => {
                    const min = getFieldValue('ageMin') as number | null;
                    if (min != null && max != null && min > max) throw new Error(t('validation.ageRange'));
                  },
                }),
              ]}
            >
              <InputNumber
                aria-label={t('teacher.ageMax')}
                placeholder={t('teacher.ageMax')}
                min={0}
                max={120}
                precision={0}
                style={{ width: '50%' }}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col {...moreCol}>
        <Form.Item label={t('teacher.title')} name="title">
          {anyOf(options(t, 'title'))}
        </Form.Item>
      </Col>
      <Col {...moreCol}>
        <Form.Item label={t('teacher.position')} name="position">
          {anyOf(options(t, 'position'))}
        </Form.Item>
      </Col>
      <Col {...moreCol}>
        <Form.Item label={t('teacher.backbone')} name="backbone">
          {anyOf(yesNoOptions)}
        </Form.Item>
      </Col>
      <Col {...moreCol}>
        <Form.Item label={t('teacher.rural')} name="rural">
          {anyOf(yesNoOptions)}
        </Form.Item>
      </Col>
      <Col {...moreCol}>
        <Form.Item label={t('teacher.retiringWithinDaysPrefix')} name="retiringWithinDays">
          <InputNumber
            min={0}
            max={3650}
            precision={0}
            suffix={t('teacher.retiringWithinDays')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      {/* Leiyang 4 (30 years of teaching) and 13 (9 years at one school) read straight off these. */}
      {(['teachingYearsMin', 'yearsAtSchoolMin'] as const).map((name) => (
        <Col key={name} {...moreCol}>
          <Form.Item label={t(`teacher.${name}`)} name={name}>
            <InputNumber
              min={0}
              max={60}
              precision={0}
              suffix={t('teacher.yearsUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      ))}
      <Col {...moreCol}>
        <Form.Item label={t('teacher.tags')} name="tag" rules={[zodRule(ListTeachersQuery.shape.tag, t)]}>
          <Input allowClear placeholder={t('teacher.tagPlaceholder')} />
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

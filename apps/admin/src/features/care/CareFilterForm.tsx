import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ListCareRecordsQuery, type ActivityTypeCode } from '@guanai/contracts';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { measureLabel, measuresOf, useAdoptedProgramme, useAdoptedProgrammes } from './api';
import { activityTypeOptions } from './catalogue';
import type { CareFilters } from './query';

const DATE = 'YYYY-MM-DD';

interface Values {
  q?: string;
  orgId?: string;
  activityType?: ActivityTypeCode;
  programmeId?: string;
  measureKey?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toValues(f: CareFilters): Values {
  return {
    q: f.q,
    orgId: f.orgId,
    activityType: f.activityType,
    programmeId: f.programmeId,
    measureKey: f.measureKey,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
  };
}

function toFilters(v: Values): CareFilters {
  return {
    q: v.q?.trim() || undefined,
    orgId: v.orgId || undefined,
    activityType: v.activityType,
    programmeId: v.programmeId || undefined,
    measureKey: v.programmeId ? v.measureKey || undefined : undefined,
    from: v.range?.[0]?.format(DATE),
    to: v.range?.[1]?.format(DATE),
  };
}

/** The care list's filters: unit (with everything below it), type, programme and measure, dates, title. */
export function CareFilterForm({
  value,
  onChange,
}: {
  value: CareFilters;
  onChange: (filters: CareFilters) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const programmeId = Form.useWatch('programmeId', form);
  const programmes = useAdoptedProgrammes();
  const programme = useAdoptedProgramme(programmeId);
  const measures = useMemo(() => measuresOf(programme.data), [programme.data]);

  return (
    <FilterForm
      form={form}
      name="careFilters"
      label={t('care.list.filters')}
      labelWidth={96}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.list.q')} name="q" rules={[zodRule(ListCareRecordsQuery.shape.q, t)]}>
          <Input allowClear placeholder={t('care.list.qPlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.list.orgFilter')} name="orgId">
          <OrgTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.activityType')} name="activityType">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            options={activityTypeOptions(lang)}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.list.range')} name="range">
          <DatePicker.RangePicker format={DATE} allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.programme')} name="programmeId">
          <Select
            allowClear
            placeholder={t('common.all')}
            onChange={() => form.setFieldValue('measureKey', undefined)}
            options={(programmes.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.templateName}（${p.year}）`,
            }))}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('care.measure')} name="measureKey">
          <Select
            allowClear
            disabled={!programmeId}
            placeholder={programmeId ? t('common.all') : t('care.measureNeedsProgramme')}
            showSearch={{ optionFilterProp: 'label' }}
            options={measures.map((m) => ({ value: m.key, label: measureLabel(m) }))}
          />
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

import { Col, Form, InputNumber, Select } from 'antd';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { ownershipOptions } from './labels';
import type { SupervisionFilters } from './query';

type Values = SupervisionFilters;

const STATUSES = ['open', 'overdue', 'rectified', 'no_findings'] as const;

const toValues = (f: SupervisionFilters): Values => f;
const toFilters = (v: Values): SupervisionFilters => ({
  status: v.status || undefined,
  schoolId: v.schoolId || undefined,
  ownership: v.ownership || undefined,
  dueWithinDays: v.dueWithinDays ?? undefined,
});

/** The visits' filters: status (逾期 included), school, 民办/公办, deadline within N days. */
export function SupervisionFilterForm({
  value,
  onChange,
}: {
  value: SupervisionFilters;
  onChange: (filters: SupervisionFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FilterForm
      form={form}
      name="supervisionFilters"
      label={t('supervision.list.filters')}
      labelWidth={112}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('supervision.status')} name="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`supervision.status.${s}`) }))}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('supervision.school')} name="schoolId">
          <OrgTreeSelect
            allowClear
            placeholder={t('common.all')}
            disable={(o) => o.kind !== 'school'}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('supervision.ownership')} name="ownership">
          <Select allowClear placeholder={t('common.all')} options={ownershipOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('supervision.list.dueWithin')} name="dueWithinDays">
          <InputNumber
            min={0}
            max={366}
            precision={0}
            suffix={t('supervision.list.dueWithinSuffix')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

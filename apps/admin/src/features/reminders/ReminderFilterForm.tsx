import { Col, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ListRemindersQuery } from '@guanai/contracts';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { kindOptions, statusOptions } from './labels';
import type { ReminderFilters, StatusFilter } from './query';

const DATE = 'YYYY-MM-DD';

interface Values {
  status?: StatusFilter;
  kind?: string;
  orgId?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toValues(f: ReminderFilters): Values {
  return {
    status: f.status ?? 'open',
    kind: f.kind,
    orgId: f.orgId,
    q: f.q,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
  };
}

function toFilters(v: Values): ReminderFilters {
  return {
    status: v.status,
    kind: v.kind || undefined,
    orgId: v.orgId || undefined,
    q: v.q?.trim() || undefined,
    from: v.range?.[0]?.format(DATE),
    to: v.range?.[1]?.format(DATE),
  };
}

/** The reminders' filters: status (待办 unless chosen), kind, the day it falls on, unit, title. */
export function ReminderFilterForm({
  value,
  onChange,
}: {
  value: ReminderFilters;
  onChange: (filters: ReminderFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FilterForm
      form={form}
      name="reminderFilters"
      label={t('reminder.list.filters')}
      labelWidth={112}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('reminder.status')} name="status">
          <Select options={[...statusOptions(t), { value: 'all', label: t('common.all') }]} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('reminder.kind')} name="kind">
          <Select allowClear placeholder={t('common.all')} options={kindOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('reminder.list.range')} name="range">
          <DatePicker.RangePicker format={DATE} allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('reminder.list.org')} name="orgId">
          <OrgTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('reminder.list.q')} name="q" rules={[zodRule(ListRemindersQuery.shape.q, t)]}>
          <Input allowClear placeholder={t('reminder.list.qPlaceholder')} />
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

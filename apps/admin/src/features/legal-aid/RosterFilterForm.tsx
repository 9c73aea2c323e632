import { Col, Form, Input, Select } from 'antd';
import { ListLegalAidProvidersQuery } from '@guanai/contracts';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { categoryOptions, kindOptions } from './labels';
import type { RosterFilters } from './query';

interface Values {
  kind?: RosterFilters['kind'];
  category?: RosterFilters['category'];
  active?: 'true' | 'false';
  q?: string;
}

const toValues = (f: RosterFilters): Values => ({
  kind: f.kind,
  category: f.category,
  active: f.active === undefined ? undefined : f.active ? 'true' : 'false',
  q: f.q,
});

const toFilters = (v: Values): RosterFilters => ({
  kind: v.kind || undefined,
  category: v.category || undefined,
  active: v.active === undefined ? undefined : v.active === 'true',
  q: v.q?.trim() || undefined,
});

/** The roster's filters: kind, specialty, status, a keyword (name, organisation, licence number). */
export function RosterFilterForm({
  value,
  onChange,
}: {
  value: RosterFilters;
  onChange: (filters: RosterFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FilterForm
      form={form}
      name="legalAidFilters"
      label={t('legalAid.roster.filters')}
      labelWidth={88}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('legalAid.kind')} name="kind">
          <Select allowClear placeholder={t('common.all')} options={kindOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('legalAid.specialties')} name="category">
          <Select allowClear placeholder={t('common.all')} options={categoryOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('legalAid.status')} name="active">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={[
              { value: 'true', label: t('legalAid.active') },
              { value: 'false', label: t('legalAid.inactive') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item
          label={t('legalAid.roster.q')}
          name="q"
          rules={[zodRule(ListLegalAidProvidersQuery.shape.q, t)]}
        >
          <Input allowClear placeholder={t('legalAid.roster.qPlaceholder')} />
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

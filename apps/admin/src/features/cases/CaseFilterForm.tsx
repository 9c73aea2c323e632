import { useMemo } from 'react';
import { Checkbox, Col, Form, InputNumber, Select } from 'antd';
import type { CaseSummary } from '@guanai/contracts';
import { FILTER_COL, FilterForm } from '@/app/FilterForm';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { useCaseHandlers } from './api';
import { categoryOptions, stateOptions } from './labels';
import type { CaseFilters } from './query';

interface Values {
  state?: string;
  category?: string;
  handlerId?: string;
  deadlineWithinDays?: number | null;
  overdue?: boolean;
}

function toValues(f: CaseFilters): Values {
  return {
    state: f.state,
    category: f.category,
    handlerId: f.handlerId,
    deadlineWithinDays: f.deadlineWithinDays ?? null,
    overdue: f.overdue === true,
  };
}

function toFilters(v: Values): CaseFilters {
  return {
    state: (v.state || undefined) as CaseFilters['state'],
    category: (v.category || undefined) as CaseFilters['category'],
    handlerId: v.handlerId || undefined,
    deadlineWithinDays: v.deadlineWithinDays ?? undefined,
    // "Only the overdue": unticked is no filter, not "only those on time".
    overdue: v.overdue ? true : undefined,
  };
}

/**
 * The handlers one can filter by: oneself, the union's handlers and administrators, the handlers of the
 * cases on screen (one who left the union), and whoever the URL names.
 */
function useHandlerOptions(seen: readonly CaseSummary[], current: string | undefined) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const handlers = useCaseHandlers();
  return useMemo(() => {
    const names = new Map<string, string>([[me.id, t('case.list.me', { name: me.displayName })]]);
    for (const u of handlers.data?.items ?? []) if (!names.has(u.id)) names.set(u.id, u.name);
    for (const c of seen)
      if (c.handlerId && c.handlerName && !names.has(c.handlerId)) names.set(c.handlerId, c.handlerName);
    if (current && !names.has(current)) names.set(current, t('case.list.unknownHandler'));
    return [...names].map(([value, label]) => ({ value, label }));
  }, [me, t, handlers.data, seen, current]);
}

/** The cases' filters: state, category, handler, deadline within N days, deadline passed. */
export function CaseFilterForm({
  value,
  onChange,
  seen,
}: {
  value: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  /** The cases on screen (their handlers are offered). */
  seen: readonly CaseSummary[];
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const handlers = useHandlerOptions(seen, value.handlerId);
  return (
    <FilterForm
      form={form}
      name="caseFilters"
      label={t('case.list.filters')}
      labelWidth={112}
      value={value}
      toValues={toValues}
      toFilters={toFilters}
      onChange={onChange}
    >
      <Col {...FILTER_COL}>
        <Form.Item label={t('case.state')} name="state">
          <Select allowClear placeholder={t('common.all')} options={stateOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('case.category')} name="category">
          <Select allowClear placeholder={t('common.all')} options={categoryOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('case.handler')} name="handlerId">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={handlers}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item label={t('case.list.deadlineWithin')} name="deadlineWithinDays">
          <InputNumber
            min={0}
            max={366}
            precision={0}
            suffix={t('case.list.deadlineWithinSuffix')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col {...FILTER_COL}>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('case.list.overdueOnly')}</Checkbox>
        </Form.Item>
      </Col>
    </FilterForm>
  );
}

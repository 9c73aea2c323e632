import { useState } from 'react';
import { App, DatePicker, Form, Input, Select, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LegalAidAssignment } from '@guanai/contracts';
import { ApiError } from '@/app/api/problem';
import { requiredChoice } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { fenToInput, parseYuan } from '@/features/care/money';
import { addAssignment, isStale, updateAssignment, useRoster } from './api';
import { formatHours, parseHours } from './hours';
import { kindName, roleOptions } from './labels';

const DATE = 'YYYY-MM-DD';
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface Values {
  providerId?: string;
  role: LegalAidAssignment['role'];
  assignedOn: Dayjs;
  endedOn?: Dayjs | null;
  hours?: string;
  cost?: string;
  notes?: string;
}

/** The request's fields to the form's: minutes are typed as hours, fen as yuan. */
const FIELD: Record<string, keyof Values> = {
  providerId: 'providerId',
  role: 'role',
  assignedOn: 'assignedOn',
  endedOn: 'endedOn',
  minutes: 'hours',
  costFen: 'cost',
  notes: 'notes',
};

function applyErrors(form: FormInstance<Values>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const fields = (err.problem.errors ?? []).flatMap((e) => {
    const [where, field] = e.path.split('.');
    const name = where === 'body' && field ? FIELD[field] : undefined;
    return name ? [{ name, errors: [e.message] }] : [];
  });
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/** 援助人员: the active entries serving the case's union, searched by name or organisation as typed. */
function ProviderSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const roster = useRoster({ active: true, q: typed.trim() || undefined, pageSize: 50 });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      placeholder={t('legalAid.case.providerPlaceholder')}
      loading={roster.isFetching}
      notFoundContent={roster.isFetching ? null : t('legalAid.case.providerNone')}
      options={(roster.data?.items ?? []).map((p) => ({
        value: p.id,
        label: [p.name, kindName(t, p.kind), p.organisation].filter(Boolean).join(' · '),
      }))}
    />
  );
}

/**
 * 指派 (a new assignment) or 记录 (hours, cost, end of one). Hours are typed to two decimals and sent as
 * whole minutes; the cost in yuan, sent as fen.
 */
export function AssignmentModal({
  caseId,
  assignment,
  onClose,
}: {
  caseId: string;
  assignment: LegalAidAssignment | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: (err) => {
      if (!isStale(err)) return false;
      message.warning(t('legalAid.case.stale'));
      onClose();
      return true;
    },
    fieldErrors: applyErrors,
  });

  const onFinish = (v: Values) => {
    const hours = parseHours(v.hours ?? '');
    const cost = parseYuan(v.cost ?? '');
    const fields = {
      role: v.role,
      assignedOn: v.assignedOn.format(DATE),
      endedOn: v.endedOn ? v.endedOn.format(DATE) : null,
      minutes: hours.ok ? hours.minutes : 0,
      costFen: cost.ok ? cost.fen : 0,
      notes: v.notes?.trim() || null,
    };
    if (assignment) void submit(() => updateAssignment(assignment, fields), t('legalAid.case.saved'));
    else
      void submit(
        () => addAssignment(caseId, { ...fields, providerId: v.providerId! }),
        t('legalAid.case.assigned'),
      );
  };

  return (
    <FormModal<Values>
      title={assignment ? t('legalAid.case.editTitle') : t('legalAid.case.assignTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      width={560}
      initialValues={
        assignment
          ? {
              role: assignment.role,
              assignedOn: dayjs(assignment.assignedOn),
              endedOn: assignment.endedOn ? dayjs(assignment.endedOn) : null,
              hours: assignment.minutes ? formatHours(assignment.minutes) : '',
              cost: fenToInput(assignment.costFen),
              notes: assignment.notes ?? '',
            }
          : { role: 'representation', assignedOn: dayjs() }
      }
    >
      {assignment ? (
        <Typography.Paragraph type="secondary">
          {[assignment.providerName, kindName(t, assignment.providerKind), assignment.providerOrganisation]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Paragraph>
      ) : (
        <Form.Item label={t('legalAid.case.provider')} name="providerId" rules={[requiredChoice(t)]}>
          <ProviderSelect />
        </Form.Item>
      )}
      <Form.Item label={t('legalAid.case.role')} name="role" rules={[requiredChoice(t)]}>
        <Select options={roleOptions(t)} />
      </Form.Item>
      <Form.Item label={t('legalAid.case.assignedOn')} name="assignedOn" rules={[requiredChoice(t)]}>
        <DatePicker format={DATE} disabledDate={future} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('legalAid.case.endedOn')}
        name="endedOn"
        dependencies={['assignedOn']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_r, v: Dayjs | null | undefined) => {
              const from = getFieldValue('assignedOn') as Dayjs | undefined;
              if (v && from && v.isBefore(from, 'day'))
                throw new Error(t('legalAid.case.endedBeforeAssigned'));
            },
          }),
        ]}
      >
        <DatePicker format={DATE} disabledDate={future} allowClear style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('legalAid.case.hours')}
        name="hours"
        extra={t('legalAid.case.hoursHint')}
        rules={[
          {
            validator: async (_r, v: string | undefined) => {
              if (!parseHours(v ?? '').ok) throw new Error(t('legalAid.case.hoursFormat'));
            },
          },
        ]}
      >
        <Input inputMode="decimal" suffix="h" />
      </Form.Item>
      <Form.Item
        label={t('legalAid.case.cost')}
        name="cost"
        extra={t('legalAid.case.costHint')}
        rules={[
          {
            validator: async (_r, v: string | undefined) => {
              const parsed = parseYuan(v ?? '');
              if (!parsed.ok)
                throw new Error(
                  t(parsed.problem === 'format' ? 'legalAid.case.costFormat' : 'legalAid.case.costTooLarge'),
                );
            },
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item label={t('legalAid.case.notes')} name="notes" extra={t('legalAid.case.notesHint')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { CustomDeadlineInput, DisputeCase } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { requiredChoice, requiredRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { updateCaseFacts } from '../api';
import { daysBetween, todayInShanghai } from '../days';
import { applyServerErrors } from '../fieldErrors';
import { afterToday } from '../intake/IntakeFields';
import { DATE } from '../intake/intake';
import { DaysLeft } from '../labels';
import { useOnConflict } from './CaseActionModal';

type Custom = z.infer<typeof CustomDeadlineInput>;

interface Values {
  label?: string;
  due?: Dayjs | null;
  warnDaysBefore?: number[];
  doneOn?: Dayjs | null;
}

const WARN_DAYS = [1, 3, 7, 15, 30, 60, 90];

/** An id for a new deadline: short, unique enough within one case (the API refuses a duplicate). */
const newId = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * The handler's own deadlines (evidence due, a hearing to prepare): added, edited and marked done; the
 * reminder engine warns before each. The whole list is saved at once, with the case's version.
 */
export function CustomDeadlinesCard({ dispute: c, canWrite }: { dispute: DisputeCase; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ index: number } | null>(null);
  const onConflict = useOnConflict(c.id, () => undefined);
  const today = todayInShanghai();

  const markDone = async (index: number) => {
    const list = c.customDeadlines.map((d, i) => (i === index ? { ...d, doneOn: today } : d));
    try {
      await updateCaseFacts(c, { customDeadlines: list });
      message.success(t('case.custom.saved'));
    } catch (err) {
      if (!onConflict(err)) message.error(errorMessage(err));
    }
  };

  return (
    <Card
      title={t('case.custom.title')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ index: -1 })}>
            {t('case.custom.add')}
          </Button>
        )
      }
    >
      <Table<Custom>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.customDeadlines}
        locale={{ emptyText: t('case.custom.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('case.custom.label'), key: 'label', dataIndex: 'label' },
          { title: t('case.custom.due'), key: 'due', dataIndex: 'due' },
          {
            title: t('case.deadlines.left'),
            key: 'state',
            render: (_, d) =>
              d.doneOn ? (
                <Typography.Text type="success">
                  {t('case.custom.doneAt', { date: d.doneOn })}
                </Typography.Text>
              ) : (
                <DaysLeft daysLeft={daysBetween(today, d.due)} t={t} />
              ),
          },
          {
            title: t('case.custom.warnDays'),
            key: 'warn',
            render: (_, d) => (d.warnDaysBefore?.length ? d.warnDaysBefore.join('、') : t('case.none')),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, d: Custom, index: number) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ index })}
                      >
                        {t('common.edit')}
                      </Button>
                      {!d.doneOn && (
                        <Button
                          type="link"
                          size="small"
                          icon={<CheckOutlined />}
                          onClick={() => markDone(index)}
                        >
                          {t('case.custom.markDone')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <CustomDeadlineModal dispute={c} index={editing.index} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** Adds (index -1) or edits one of the case's own deadlines. */
function CustomDeadlineModal({
  dispute: c,
  index,
  onClose,
}: {
  dispute: DisputeCase;
  index: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const onConflict = useOnConflict(c.id, onClose);
  const current = index >= 0 ? c.customDeadlines[index] : undefined;
  const at = index >= 0 ? index : c.customDeadlines.length;
  // The server names `customDeadlines.<n>.<field>`; only the one edited here has fields on screen.
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: onConflict,
    fieldErrors: (f, err) =>
      applyServerErrors(f, err, (p) =>
        p[0] === 'customDeadlines' && p[1] === at ? [p[2] ?? 'label'] : ['_elsewhere'],
      ),
  });

  const onFinish = (v: Values) => {
    const one: Custom = {
      id: current?.id ?? newId(),
      label: v.label?.trim() ?? '',
      due: v.due?.format(DATE) ?? '',
      ...(v.warnDaysBefore?.length ? { warnDaysBefore: [...v.warnDaysBefore].sort((a, b) => b - a) } : {}),
      doneOn: v.doneOn?.format(DATE) ?? null,
    };
    const list = [...c.customDeadlines];
    list[at] = one;
    return submit(() => updateCaseFacts(c, { customDeadlines: list }), t('case.custom.saved'));
  };

  return (
    <FormModal
      title={current ? t('case.custom.edit') : t('case.custom.add')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{
        label: current?.label,
        due: current ? dayjs(current.due) : null,
        warnDaysBefore: current?.warnDaysBefore ?? [],
        doneOn: current?.doneOn ? dayjs(current.doneOn) : null,
      }}
      width={520}
    >
      <Form.Item label={t('case.custom.label')} name="label" rules={[requiredRule(t)]}>
        <Input maxLength={100} placeholder={t('case.custom.labelPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('case.custom.due')} name="due" rules={[requiredChoice(t)]}>
        <DatePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('case.custom.warnDays')}
        name="warnDaysBefore"
        extra={t('case.custom.warnDaysHint')}
      >
        <Select mode="multiple" options={WARN_DAYS.map((n) => ({ value: n, label: String(n) }))} />
      </Form.Item>
      <Form.Item label={t('case.custom.doneOn')} name="doneOn">
        <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

import { Alert, App, DatePicker, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DismissReminderRequest, type FieldError, type Reminder } from '@guanai/contracts';
import { ApiError } from '@/app/api/problem';
import { requiredChoice, requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { activityTypeName, carriesAmount } from '@/features/care/catalogue';
import { parseYuan } from '@/features/care/money';
import { completeReminder, dismissReminder, isStale, reloadReminders, snoozeReminder } from './api';
import { daysLeftText } from './labels';

const DATE = 'YYYY-MM-DD';

/** Which of the three a dialog is open for. */
export type ReminderAct = 'done' | 'snooze' | 'dismiss';

/**
 * 409: another officer acted on the reminder (or it was closed) after it was loaded. Say so and offer
 * to reload; the dialog that held the old version closes either way.
 */
function useStaleReload(onClose: () => void) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (err: unknown) => {
    if (!isStale(err)) return false;
    onClose();
    modal.confirm({
      title: t('reminder.stale'),
      content: t('reminder.staleHint'),
      okText: t('reminder.reload'),
      cancelText: t('common.cancel'),
      onOk: () => reloadReminders(),
    });
    return true;
  };
}

/** The reminder the dialog is about, under its title. */
function Subject({ reminder: r }: { reminder: Reminder }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary">
      {r.title}
      <br />
      {r.orgName} · {r.occursOn}（{daysLeftText(t, r.daysLeft)}）
    </Typography.Paragraph>
  );
}

export function ReminderModal({
  act,
  reminder,
  onClose,
}: {
  act: ReminderAct;
  reminder: Reminder;
  onClose: () => void;
}) {
  if (act === 'done') return <CompleteModal reminder={reminder} onClose={onClose} />;
  if (act === 'snooze') return <SnoozeModal reminder={reminder} onClose={onClose} />;
  return <DismissModal reminder={reminder} onClose={onClose} />;
}

interface DoneValues {
  recordCare: boolean;
  occurredOn?: Dayjs;
  amount?: string;
  notes?: string;
}

/** `body.amountFen` is the amount field; the others are named as sent. */
function applyDoneErrors(form: FormInstance, errors: readonly FieldError[]) {
  const fields: { name: string; errors: string[] }[] = [];
  for (const e of errors) {
    const [where, field] = e.path.split('.');
    if (where !== 'body' || !field) continue;
    const name = field === 'amountFen' ? 'amount' : field;
    if (['recordCare', 'occurredOn', 'amount', 'notes'].includes(name))
      fields.push({ name, errors: [e.message] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/**
 * 办结: done, and — unless the officer says no — the care the reminder suggests is recorded for the
 * teacher (or the unit's teachers) under the programme, on the day and with the amount given here.
 */
function CompleteModal({ reminder: r, onClose }: { reminder: Reminder; onClose: () => void }) {
  const { t, lang } = useI18n();
  const onStale = useStaleReload(onClose);
  const { form, busy, submit } = useFormSubmit<DoneValues>(onClose, {
    onError: onStale,
    fieldErrors: (f, err) => err instanceof ApiError && applyDoneErrors(f, err.problem.errors ?? []),
  });
  // Care is recorded under the reminder's programme as its activity type; without either, nothing to record.
  const canRecord = !!r.activityType && !!r.programmeId;
  const recordCare = Form.useWatch('recordCare', form) ?? canRecord;
  const activity = r.activityType ? activityTypeName(lang, r.activityType) : '';
  const withAmount = carriesAmount(r.activityType);

  const onFinish = async (v: DoneValues) => {
    const recording = canRecord && v.recordCare;
    const parsed = parseYuan(v.amount ?? '');
    const body = {
      recordCare: recording,
      ...(recording
        ? {
            occurredOn: v.occurredOn?.format(DATE),
            amountFen: withAmount && parsed.ok ? parsed.fen : 0,
            notes: v.notes?.trim() || undefined,
          }
        : { amountFen: 0 }),
    };
    await submit(
      () => completeReminder(r, body),
      recording ? t('reminder.done.recorded', { activity }) : t('reminder.done.done'),
    );
  };

  return (
    <FormModal<DoneValues>
      title={t('reminder.done.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      okText={t('reminder.act.done')}
      initialValues={{ recordCare: canRecord, occurredOn: dayjs() }}
      width={560}
    >
      <Subject reminder={r} />
      {canRecord ? (
        <Form.Item label={t('reminder.done.recordCare', { activity })} name="recordCare">
          <Radio.Group
            options={[
              { value: true, label: t('reminder.done.recordYes', { activity }) },
              { value: false, label: t('reminder.done.recordNo') },
            ]}
          />
        </Form.Item>
      ) : (
        <Alert type="info" showIcon title={t('reminder.done.nothingToRecord')} style={{ marginBottom: 16 }} />
      )}
      {canRecord && recordCare && (
        <>
          <Form.Item label={t('reminder.done.occurredOn')} name="occurredOn" rules={[requiredChoice(t)]}>
            <DatePicker
              format={DATE}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          {withAmount && (
            <Form.Item
              label={t('reminder.done.amount')}
              name="amount"
              extra={t('reminder.done.amountHint')}
              rules={[
                {
                  validator: async (_r, v: string | undefined) => {
                    const parsed = parseYuan(v ?? '');
                    if (!parsed.ok)
                      throw new Error(
                        t(parsed.problem === 'format' ? 'care.amountFormat' : 'care.amountTooLarge'),
                      );
                  },
                },
              ]}
            >
              <Input
                inputMode="decimal"
                autoComplete="off"
                suffix={t('care.yuan')}
                style={{ maxWidth: 240 }}
              />
            </Form.Item>
          )}
          <Form.Item label={t('reminder.done.notes')} name="notes">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 延后: reminded again on a later day (after today, within a year). */
function SnoozeModal({ reminder: r, onClose }: { reminder: Reminder; onClose: () => void }) {
  const { t } = useI18n();
  const onStale = useStaleReload(onClose);
  const { form, busy, submit } = useFormSubmit<{ until?: Dayjs }>(onClose, { onError: onStale });
  const today = dayjs().startOf('day');
  const tooEarly = (d: Dayjs) => !d.isAfter(today, 'day');
  const tooLate = (d: Dayjs) => d.isAfter(today.add(366, 'day'), 'day');

  return (
    <FormModal<{ until?: Dayjs }>
      title={t('reminder.snooze.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('reminder.act.snooze')}
      onFinish={(v) =>
        submit(
          () => snoozeReminder(r, v.until!.format(DATE)),
          t('reminder.snooze.done', { date: v.until!.format(DATE) }),
        )
      }
    >
      <Subject reminder={r} />
      <Form.Item
        label={t('reminder.snooze.until')}
        name="until"
        extra={t('reminder.snooze.hint')}
        rules={[
          requiredChoice(t),
          {
            validator: async (_r, v: Dayjs | undefined) => {
              if (v && tooEarly(v)) throw new Error(t('reminder.snooze.afterToday'));
              if (v && tooLate(v)) throw new Error(t('reminder.snooze.withinYear'));
            },
          },
        ]}
      >
        <DatePicker format={DATE} style={{ width: '100%' }} disabledDate={(d) => tooEarly(d) || tooLate(d)} />
      </Form.Item>
    </FormModal>
  );
}

/** 忽略: closed without acting, with the reason (kept on the reminder and in the audit log). */
function DismissModal({ reminder: r, onClose }: { reminder: Reminder; onClose: () => void }) {
  const { t } = useI18n();
  const onStale = useStaleReload(onClose);
  const { form, busy, submit } = useFormSubmit<{ reason: string }>(onClose, { onError: onStale });
  return (
    <FormModal<{ reason: string }>
      title={t('reminder.dismiss.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('reminder.act.dismiss')}
      onFinish={(v) => submit(() => dismissReminder(r, v.reason.trim()), t('reminder.dismiss.done'))}
    >
      <Subject reminder={r} />
      <Form.Item
        label={t('reminder.dismiss.reason')}
        name="reason"
        rules={[requiredRule(t), zodRule(DismissReminderRequest.shape.reason, t)]}
      >
        <Input.TextArea rows={3} maxLength={200} placeholder={t('reminder.dismiss.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

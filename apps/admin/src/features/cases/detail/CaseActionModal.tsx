import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DisputeCase } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { requiredChoice, requiredRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { parseYuan } from '@/features/care/money';
import { reloadCase, transitionCase } from '../api';
import { todayInShanghai } from '../days';
import { applyServerErrors } from '../fieldErrors';
import { afterToday } from '../intake/IntakeFields';
import { DATE } from '../intake/intake';
import { actionName, outcomeOptions, type CaseAction, type CaseOutcome } from '../labels';

interface Values {
  reason?: string;
  mediatorName?: string;
  on?: Dayjs | null;
  outcome?: CaseOutcome;
  recovered?: string;
  performanceDueOn?: Dayjs | null;
}

/** Actions that record the day something happened (the deadlines run from it). */
const DATED = new Set<CaseAction>([
  'start_mediation',
  'settle',
  'fail_mediation',
  'start_arbitration',
  'start_litigation',
]);
type DatedAction = 'start_mediation' | 'settle' | 'fail_mediation' | 'start_arbitration' | 'start_litigation';

/** The request's names for the form's: the amount is typed in 元 as `recovered`. */
const fieldName = (path: (string | number)[]) =>
  path[0] === 'amountRecoveredFen' ? ['recovered'] : [path[0]!];

/**
 * 409: someone moved the case first, or the move is no longer allowed from where it stands. Say what
 * the server says, show the case as it is now, and close: the buttons then offer what is allowed.
 */
export function useOnConflict(caseId: string, onClose: () => void) {
  const { message } = App.useApp();
  return (err: unknown) => {
    if (!(err instanceof ApiError) || err.status !== 409) return false;
    message.error(errorMessage(err));
    void reloadCase(caseId);
    onClose();
    return true;
  };
}

/**
 * One step of the workflow, asking what it records: why (required to decline), the mediator (to start
 * mediation), the day it happened (mediation applied for, agreement, mediation ended, arbitration
 * applied for, suit filed), the outcome and the amount recovered (to close).
 */
export function CaseActionModal({
  dispute: c,
  action,
  onClose,
}: {
  dispute: DisputeCase;
  action: CaseAction;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const onConflict = useOnConflict(c.id, onClose);
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: onConflict,
    fieldErrors: (f, err) => applyServerErrors(f, err, fieldName),
  });
  const name = actionName(t, action);
  const dated = DATED.has(action);

  const onFinish = (v: Values) => {
    const recovered = parseYuan(v.recovered ?? '');
    return submit(
      () =>
        transitionCase(c, {
          action,
          reason: v.reason?.trim() || null,
          ...(action === 'start_mediation' ? { mediatorName: v.mediatorName?.trim() ?? '' } : {}),
          ...(dated ? { on: v.on?.format(DATE) ?? null } : {}),
          ...(action === 'close'
            ? { outcome: v.outcome ?? null, amountRecoveredFen: recovered.ok ? recovered.fen : null }
            : {}),
          ...(action === 'settle' && v.performanceDueOn
            ? { performanceDueOn: v.performanceDueOn.format(DATE) }
            : {}),
        }),
      t('case.act.done', { action: name }),
    );
  };

  return (
    <FormModal
      title={t('case.act.title', { action: name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      okText={name}
      initialValues={{
        on: dated ? dayjs(todayInShanghai()) : undefined,
        recovered: action === 'close' ? '0' : undefined,
      }}
      width={560}
    >
      {action === 'withdraw' && (
        <Alert type="warning" showIcon title={t('case.act.withdrawWarning')} style={{ marginBottom: 16 }} />
      )}
      {action === 'start_mediation' && (
        <Form.Item
          label={t('case.act.mediatorName')}
          name="mediatorName"
          rules={[requiredRule(t), { max: 100, message: t('validation.tooLong', { max: 100 }) }]}
        >
          <Input maxLength={100} placeholder={t('case.act.mediatorNamePlaceholder')} />
        </Form.Item>
      )}
      {dated && (
        <Form.Item
          label={t(`case.act.on.${action as DatedAction}`)}
          name="on"
          extra={t('case.act.onHint')}
          rules={[requiredChoice(t)]}
        >
          <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action === 'settle' && (
        <Form.Item
          label={t('case.act.performanceDueOn')}
          name="performanceDueOn"
          extra={t('case.act.performanceDueOnHint')}
        >
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action === 'close' && (
        <>
          <Form.Item label={t('case.act.outcome')} name="outcome" rules={[requiredChoice(t)]}>
            <Select options={outcomeOptions(t)} />
          </Form.Item>
          <Form.Item
            label={t('case.act.recovered')}
            name="recovered"
            extra={t('case.act.recoveredHint')}
            rules={[
              requiredRule(t),
              {
                validator: async (_r, v: string | undefined) => {
                  const parsed = parseYuan(v ?? '');
                  if (!parsed.ok)
                    throw new Error(
                      t(
                        parsed.problem === 'format'
                          ? 'case.intake.amountFormat'
                          : 'case.intake.amountTooLarge',
                      ),
                    );
                },
              },
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" suffix={t('case.yuan')} style={{ maxWidth: 240 }} />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('case.act.reason')}
        name="reason"
        rules={
          action === 'decline'
            ? [{ required: true, whitespace: true, message: t('case.act.reasonRequired') }]
            : []
        }
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('case.act.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

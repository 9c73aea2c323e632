import { Alert, App, DatePicker, Form, Input, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AddCaseSessionRequest, type CaseSession, type CaseSessionKind } from '@guanai/contracts';
import { ApiError, applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredChoice, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { addSession, isStale, updateSession } from './api';
import { sessionKindName, sessionKindOptions } from './labels';

const DATE = 'YYYY-MM-DD';
const TIME = 'HH:mm';
const shape = AddCaseSessionRequest.shape;

interface Values {
  kind: CaseSessionKind;
  heldOn: Dayjs;
  startsAt?: Dayjs | null;
  place?: string;
  participants?: string;
  result?: string;
}

/**
 * 记录 a mediation session or hearing, or change one. The kinds offered are those whose stage the case
 * has reached (the server says which); the date must lie within the stage, which the server checks.
 */
export function SessionModal({
  caseId,
  session,
  allowedKinds,
  defaultKind,
  onClose,
}: {
  caseId: string;
  session: CaseSession | null;
  allowedKinds: CaseSessionKind[];
  defaultKind?: CaseSessionKind;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: (err) => {
      if (isStale(err)) {
        message.warning(t('caseSession.stale'));
        onClose();
        return true;
      }
      // The case moved on (or back) since the card loaded: say why rather than mark a field.
      if (err instanceof ApiError && err.code === 'SESSION_STAGE_NOT_REACHED') {
        message.error(errorMessage(err));
        return true;
      }
      return false;
    },
    fieldErrors: applyFieldErrors,
  });

  const onFinish = (v: Values) => {
    const fields = {
      heldOn: v.heldOn.format(DATE),
      startsAt: v.startsAt ? v.startsAt.format(TIME) : null,
      place: v.place?.trim() || null,
      participants: v.participants?.trim() || null,
      result: v.result?.trim() || null,
    };
    if (session) void submit(() => updateSession(session, fields), t('caseSession.saved'));
    else void submit(() => addSession(caseId, { ...fields, kind: v.kind }), t('caseSession.added'));
  };

  return (
    <FormModal<Values>
      title={session ? t('caseSession.editTitle') : t('caseSession.addTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      width={600}
      initialValues={
        session
          ? {
              kind: session.kind,
              heldOn: dayjs(session.heldOn),
              startsAt: session.startsAt ? dayjs(`${session.heldOn}T${session.startsAt}`) : null,
              place: session.place ?? '',
              participants: session.participants ?? '',
              result: session.result ?? '',
            }
          : { kind: defaultKind ?? allowedKinds[0], heldOn: dayjs() }
      }
    >
      <Alert type="info" showIcon title={t('caseSession.rule')} style={{ marginBottom: 16 }} />
      {session ? (
        <Typography.Paragraph strong>{sessionKindName(t, session.kind)}</Typography.Paragraph>
      ) : (
        <Form.Item label={t('caseSession.kind')} name="kind" rules={[requiredChoice(t)]}>
          <Select options={sessionKindOptions(t, allowedKinds)} />
        </Form.Item>
      )}
      <Form.Item label={t('caseSession.heldOn')} required style={{ marginBottom: 0 }}>
        <Form.Item
          name="heldOn"
          rules={[requiredChoice(t)]}
          style={{ display: 'inline-block', width: '60%' }}
        >
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="startsAt"
          style={{ display: 'inline-block', width: 'calc(40% - 8px)', marginLeft: 8 }}
        >
          <TimePicker
            format={TIME}
            minuteStep={5}
            placeholder={t('caseSession.startsAt')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item label={t('caseSession.place')} name="place" rules={[zodRule(shape.place, t)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('caseSession.participants')}
        name="participants"
        rules={[zodRule(shape.participants, t)]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        label={t('caseSession.result')}
        name="result"
        extra={t('caseSession.sealedHint')}
        rules={[zodRule(shape.result, t)]}
      >
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
    </FormModal>
  );
}

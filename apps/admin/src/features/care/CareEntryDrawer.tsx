import { useState } from 'react';
import { Alert, App, Divider, Form } from 'antd';
import dayjs from 'dayjs';
import { CreateCareRecordRequest, type ActivityTypeCode, type CareRecord } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { applyZodIssues } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { createCareRecord } from './api';
import {
  amountFenOf,
  applyCareFieldErrors,
  careFieldName,
  CareFields,
  DATE,
  followUpOf,
  notesOf,
  type CareFieldValues,
} from './CareFields';
import type { PickedTeacher } from './participants';
import { ParticipantsPicker } from './ParticipantsPicker';
import { useParticipantsPicker } from './useParticipantsPicker';

/** What the form opens with: from a dashboard's gap list, "record a check-up for these 37 teachers". */
export interface CarePrefill {
  orgId?: string;
  programmeId?: string;
  measureKey?: string;
  activityType?: ActivityTypeCode;
  title?: string;
  teachers?: PickedTeacher[];
  /** Where the prefill came from, said at the top (the indicator's name). */
  source?: string;
}

/**
 * 记录关爱活动: the quick entry form. The activity's fields, then who took part — picked, by the teacher
 * list's filters, or pasted from Excel. Nothing is written unless every participant is accepted.
 */
export function CareEntryDrawer({
  prefill,
  onClose,
}: {
  prefill?: CarePrefill;
  onClose: (saved?: CareRecord) => void;
}) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<CareFieldValues>();
  const [busy, setBusy] = useState(false);
  const participants = useParticipantsPicker(prefill?.teachers);
  const ownUnit = me.org.kind === 'school' || me.org.kind === 'department' ? me.org.id : undefined;
  const [initial] = useState<CareFieldValues>(() => ({
    orgId: prefill?.orgId ?? ownUnit,
    programmeId: prefill?.programmeId,
    measureKey: prefill?.measureKey,
    activityType: prefill?.activityType,
    title: prefill?.title,
    occurredOn: dayjs(),
  }));

  const onFinish = async (v: CareFieldValues) => {
    const built = participants.build();
    if (!built) return;
    const body = {
      orgId: v.orgId ?? '',
      programmeId: v.programmeId ?? null,
      measureKey: v.programmeId ? (v.measureKey ?? null) : null,
      activityType: v.activityType,
      title: v.title ?? '',
      occurredOn: v.occurredOn?.format(DATE) ?? '',
      followUpOn: followUpOf(v),
      amountFen: amountFenOf(v),
      notes: notesOf(v),
      participants: built.selection,
    };
    const checked = CreateCareRecordRequest.safeParse(body);
    if (!checked.success) {
      const own = checked.error.issues.filter((i) => i.path[0] !== 'participants');
      if (applyZodIssues(form, own, t, careFieldName)) return;
    }
    setBusy(true);
    try {
      // The body as built (the filter keeps the list's 'true'/'false' strings the contract parses).
      const saved = await createCareRecord(body as unknown as CreateCareRecordRequest);
      message.success(t('care.entry.created', { n: saved.participantCount }));
      onClose(saved);
    } catch (err) {
      const errors = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      const onParticipants = participants.showProblems(errors, built);
      const onFields = applyCareFieldErrors(form, errors);
      if (onParticipants || !onFields) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer title={t('care.entry.title')} size={820} form={form} busy={busy} onClose={() => onClose()}>
      {prefill?.source && (
        <Alert
          type="info"
          showIcon
          title={t('care.entry.prefilledFrom', { indicator: prefill.source })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        scrollToFirstError
        aria-label={t('care.entry.title')}
      >
        <Divider titlePlacement="start">{t('care.entry.section.activity')}</Divider>
        <CareFields form={form} withOrg />
      </Form>
      {/* Outside the form above: the filter pane holds a form of its own (the teacher list's filters). */}
      <Divider titlePlacement="start">{t('care.entry.section.participants')}</Divider>
      <ParticipantsPicker {...participants.pickerProps} />
    </FormDrawer>
  );
}

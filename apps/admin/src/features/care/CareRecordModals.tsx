import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { DeleteCareRecordRequest, UpdateCareRecordRequest, type CareRecord } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { applyZodIssues, requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { deleteCareRecord, isStale, reloadCareRecord, updateCareRecord } from './api';
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
import { fenToInput } from './money';
import { ParticipantsPicker } from './ParticipantsPicker';
import { useParticipantsPicker } from './useParticipantsPicker';
import { lastCareListUrl } from './query';

/**
 * 409: someone saved the record after it was loaded. Say so and offer to reload it; after the reload
 * `after` closes the dialog that held the stale version (cancel keeps it, to copy from).
 */
export function useConfirmStale() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (id: string, after?: () => void) =>
    modal.confirm({
      title: t('care.stale'),
      content: t('care.staleHint'),
      okText: t('care.reload'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await reloadCareRecord(id);
        after?.();
      },
    });
}

/** A failure handler: a stale version offers the reload (then closes the dialog); true if it was one. */
function useStaleReload(id: string, onClose: () => void) {
  const confirmStale = useConfirmStale();
  return (err: unknown) => {
    if (!isStale(err)) return false;
    confirmStale(id, onClose);
    return true;
  };
}

function valuesOf(r: CareRecord): CareFieldValues {
  return {
    activityType: r.activityType,
    programmeId: r.programmeId,
    measureKey: r.measureKey,
    title: r.title,
    occurredOn: dayjs(r.occurredOn),
    followUpOn: r.followUpOn ? dayjs(r.followUpOn) : null,
    amount: fenToInput(r.amountFen),
    notes: r.notes ?? undefined,
  };
}

/** The record's own fields; only what changed is sent, with the version it was loaded at. */
export function EditCareModal({ record: r, onClose }: { record: CareRecord; onClose: () => void }) {
  const { t } = useI18n();
  const onStale = useStaleReload(r.id, onClose);
  const { form, busy, submit } = useFormSubmit<CareFieldValues>(onClose, {
    onError: onStale,
    fieldErrors: (f, err) => err instanceof ApiError && applyCareFieldErrors(f, err.problem.errors ?? []),
  });

  const onFinish = async (v: CareFieldValues) => {
    const after = {
      activityType: v.activityType,
      programmeId: v.programmeId ?? null,
      measureKey: v.programmeId ? (v.measureKey ?? null) : null,
      title: v.title?.trim(),
      occurredOn: v.occurredOn?.format(DATE),
      followUpOn: followUpOf(v),
      amountFen: amountFenOf(v),
      notes: notesOf(v),
    };
    const before: Record<string, unknown> = {
      activityType: r.activityType,
      programmeId: r.programmeId,
      measureKey: r.measureKey,
      title: r.title,
      occurredOn: r.occurredOn,
      followUpOn: r.followUpOn,
      amountFen: r.amountFen,
      notes: r.notes,
    };
    const patch = Object.fromEntries(Object.entries(after).filter(([k, value]) => before[k] !== value));
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const checked = UpdateCareRecordRequest.safeParse({ ...patch, version: r.version });
    if (!checked.success) {
      applyZodIssues(form, checked.error.issues, t, careFieldName);
      return;
    }
    const { version: _v, ...body } = checked.data;
    await submit(() => updateCareRecord(r, body), t('care.detail.updated'));
  };

  return (
    <FormModal
      title={t('care.detail.editTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={valuesOf(r)}
      width={760}
    >
      <CareFields form={form} withOrg={false} />
    </FormModal>
  );
}

/** More teachers on the record, chosen the same three ways as when recording. */
export function AddParticipantsModal({ record: r, onClose }: { record: CareRecord; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onStale = useStaleReload(r.id, onClose);
  const [busy, setBusy] = useState(false);
  const participants = useParticipantsPicker();

  const onOk = async () => {
    const built = participants.build();
    if (!built) return;
    if (built.empty) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      const saved = await updateCareRecord(r, {
        addParticipants: built.selection as unknown as UpdateCareRecordRequest['addParticipants'],
      });
      message.success(`${t('care.detail.added')}（${t('care.peopleUnit', { n: saved.participantCount })}）`);
      onClose();
    } catch (err) {
      if (onStale(err)) return;
      participants.showProblems(err instanceof ApiError ? (err.problem.errors ?? []) : [], built);
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('care.detail.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onClose}
      width={820}
    >
      <ParticipantsPicker {...participants.pickerProps} />
    </Modal>
  );
}

/** 删除 with a reason (audited); the list is where one goes next. */
export function DeleteCareModal({ record: r, onClose }: { record: CareRecord; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const onStale = useStaleReload(r.id, onClose);
  const { form, busy, submit } = useFormSubmit<{ reason: string }>(onClose, { onError: onStale });

  const onFinish = async (v: { reason: string }) => {
    if (await submit(() => deleteCareRecord(r, v.reason.trim()), t('care.detail.deleted')))
      navigate(lastCareListUrl());
  };

  return (
    <FormModal
      title={t('care.detail.deleteTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      okText={t('care.detail.delete')}
    >
      <Alert type="warning" showIcon title={t('care.detail.deleteHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('care.detail.deleteReason')}
        name="reason"
        rules={[requiredRule(t), zodRule(DeleteCareRecordRequest.shape.reason, t)]}
      >
        <Input maxLength={200} placeholder={t('care.detail.deleteReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

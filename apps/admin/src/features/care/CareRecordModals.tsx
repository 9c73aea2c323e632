import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { DeleteCareRecordRequest, UpdateCareRecordRequest, type CareRecord } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { applyZodIssues, requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { deleteCareRecord, isStale, reloadCareRecord, updateCareRecord } from './api';
import {
  amountFenOf,
  applyCareFieldErrors,
  careFieldName,
  CareFields,
  DATE,
  type CareFieldValues,
} from './CareFields';
import { fenToInput } from './money';
import {
  buildSelection,
  NO_PARTICIPANTS,
  NO_PROBLEMS,
  participantProblems,
  type ParticipantProblems,
  type ParticipantsValue,
  type PickerTab,
} from './participants';
import { ParticipantsPicker } from './ParticipantsPicker';
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

const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function valuesOf(r: CareRecord): CareFieldValues {
  return {
    activityType: r.activityType,
    programmeId: r.programmeId,
    measureKey: r.measureKey,
    title: r.title,
    occurredOn: dayjs(r.occurredOn),
    amount: fenToInput(r.amountFen),
    notes: r.notes ?? undefined,
  };
}

/** The record's own fields; only what changed is sent, with the version it was loaded at. */
export function EditCareModal({ record: r, onClose }: { record: CareRecord; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const confirmStale = useConfirmStale();
  const [form] = Form.useForm<CareFieldValues>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: CareFieldValues) => {
    const after = {
      activityType: v.activityType,
      programmeId: v.programmeId ?? null,
      measureKey: v.programmeId ? (v.measureKey ?? null) : null,
      title: v.title?.trim(),
      occurredOn: v.occurredOn?.format(DATE),
      amountFen: amountFenOf(v),
      notes: text(v.notes),
    };
    const before: Record<string, unknown> = {
      activityType: r.activityType,
      programmeId: r.programmeId,
      measureKey: r.measureKey,
      title: r.title,
      occurredOn: r.occurredOn,
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
    setBusy(true);
    try {
      const { version: _v, ...body } = checked.data;
      await updateCareRecord(r, body);
      message.success(t('care.detail.updated'));
      onClose();
    } catch (err) {
      if (isStale(err)) confirmStale(r.id, onClose);
      else if (!(err instanceof ApiError && applyCareFieldErrors(form, err.problem.errors ?? [])))
        message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
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
  const confirmStale = useConfirmStale();
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<ParticipantsValue>(NO_PARTICIPANTS);
  const [problems, setProblems] = useState<ParticipantProblems>(NO_PROBLEMS);
  const [tab, setTab] = useState<PickerTab>('search');

  const onOk = async () => {
    const built = buildSelection(value);
    if (built.invalid > 0) {
      setTab('paste');
      message.error(t('care.pick.pasteInvalid', { n: built.invalid }));
      return;
    }
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
      if (isStale(err)) {
        confirmStale(r.id, onClose);
        return;
      }
      const found = participantProblems(err instanceof ApiError ? (err.problem.errors ?? []) : [], built);
      if (found.tab) {
        setProblems(found);
        setTab(found.tab);
      }
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
      <ParticipantsPicker
        value={value}
        onChange={(next) => {
          if (next.pasted !== value.pasted) setProblems((p) => ({ ...p, byEntry: new Map() }));
          setValue(next);
        }}
        problems={problems}
        tab={tab}
        onTabChange={setTab}
      />
    </Modal>
  );
}

/** 删除 with a reason (audited); the list is where one goes next. */
export function DeleteCareModal({ record: r, onClose }: { record: CareRecord; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirmStale = useConfirmStale();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { reason: string }) => {
    setBusy(true);
    try {
      await deleteCareRecord(r, v.reason.trim());
      message.success(t('care.detail.deleted'));
      onClose();
      navigate(lastCareListUrl());
    } catch (err) {
      if (isStale(err)) confirmStale(r.id, onClose);
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
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

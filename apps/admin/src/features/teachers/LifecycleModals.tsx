import { useState } from 'react';
import { App, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Org, Teacher } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { isStale, retireTeacher, transferTeacher } from './api';
import { confirmStale } from './stale';
import { notASchool } from './labels';

const DATE = 'YYYY-MM-DD';

/** Shared by both commands: submit, land field errors, and turn a stale version into a reload. */
function useCommand<V>(teacher: Teacher, onClose: () => void) {
  const { message, modal } = App.useApp();
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      onClose();
    } catch (err) {
      if (isStale(err)) confirmStale(modal, t, teacher.id, onClose);
      else if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, run, t };
}

/** 调动: another school of the tenant, from a date. */
export function TransferModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { form, busy, run, t } = useCommand<{ orgId: string; on: Dayjs }>(teacher, onClose);
  const required = { required: true, message: t('validation.required') };
  const disable = (o: Org) => notASchool(o) || o.id === teacher.orgId;
  return (
    <FormModal
      title={t('teachers.transferTitle', { name: teacher.name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) =>
        run(() => transferTeacher(teacher, v.orgId, v.on.format(DATE)), t('teachers.transferred'))
      }
      initialValues={{ on: dayjs() }}
    >
      <Typography.Paragraph type="secondary">
        {t('teacher.org')}：{teacher.orgName}
      </Typography.Paragraph>
      <Form.Item label={t('teachers.transferTo')} name="orgId" rules={[required]}>
        <OrgTreeSelect disable={disable} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('teachers.transferOn')} name="on" rules={[required]}>
        <DatePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 办理退休: from a date (today unless said), with the statutory date as a hint. */
export function RetireModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { form, busy, run, t } = useCommand<{ on: Dayjs }>(teacher, onClose);
  return (
    <FormModal
      title={t('teachers.retireTitle', { name: teacher.name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) => run(() => retireTeacher(teacher, v.on.format(DATE)), t('teachers.retired'))}
      initialValues={{ on: dayjs() }}
    >
      <Form.Item
        label={t('teachers.retireOn')}
        name="on"
        extra={t('teachers.retireHint', { date: teacher.facts.retirementDate })}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

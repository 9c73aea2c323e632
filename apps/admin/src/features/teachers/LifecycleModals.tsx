import { useState } from 'react';
import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Org, Teacher } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
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
    <Modal
      open
      title={t('teachers.transferTitle', { name: teacher.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs() }}
        onFinish={(v) =>
          run(() => transferTeacher(teacher, v.orgId, v.on.format(DATE)), t('teachers.transferred'))
        }
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
      </Form>
    </Modal>
  );
}

/** 办理退休: from a date (today unless said), with the statutory date as a hint. */
export function RetireModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { form, busy, run, t } = useCommand<{ on: Dayjs }>(teacher, onClose);
  return (
    <Modal
      open
      title={t('teachers.retireTitle', { name: teacher.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs() }}
        onFinish={(v) => run(() => retireTeacher(teacher, v.on.format(DATE)), t('teachers.retired'))}
      >
        <Form.Item
          label={t('teachers.retireOn')}
          name="on"
          extra={t('teachers.retireHint', { date: teacher.facts.retirementDate })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

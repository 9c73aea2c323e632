import { App, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Org, Teacher } from '@guanai/contracts';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { isStale, retireTeacher, transferTeacher } from './api';
import { confirmStale } from './stale';
import { notASchool } from './labels';

const DATE = 'YYYY-MM-DD';

/** Both commands turn a stale version into an offer to reload. */
function useCommand<V>(teacher: Teacher, onClose: () => void) {
  const { modal } = App.useApp();
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<V>(onClose, {
    onError: (err) => {
      if (!isStale(err)) return false;
      confirmStale(modal, t, teacher.id, onClose);
      return true;
    },
  });
  return { form, busy, submit, t };
}

/** 调动: another school of the tenant, from a date. */
export function TransferModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { form, busy, submit, t } = useCommand<{ orgId: string; on: Dayjs }>(teacher, onClose);
  const required = { required: true, message: t('validation.required') };
  const disable = (o: Org) => notASchool(o) || o.id === teacher.orgId;
  return (
    <FormModal
      title={t('teachers.transferTitle', { name: teacher.name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) =>
        submit(() => transferTeacher(teacher, v.orgId, v.on.format(DATE)), t('teachers.transferred'))
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
  const { form, busy, submit, t } = useCommand<{ on: Dayjs }>(teacher, onClose);
  return (
    <FormModal
      title={t('teachers.retireTitle', { name: teacher.name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) => submit(() => retireTeacher(teacher, v.on.format(DATE)), t('teachers.retired'))}
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

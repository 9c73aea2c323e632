import { App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SupervisionVisit } from '@guanai/contracts';
import { requiredChoice, requiredRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { isStale, recordSupervisionFollowUp, reloadSupervision } from './api';
import { Deadline } from './labels';
import { DATE } from './visitForm';

interface Values {
  result?: string;
  done: boolean;
  rectifiedOn?: Dayjs;
}

/**
 * 整改跟进: what the school did about the findings. 已完成整改 with the date closes the visit; 仍在整改中
 * records the progress and keeps it open (the deadline's reminder still runs).
 */
export function FollowUpModal({ visit: v, onClose }: { visit: SupervisionVisit; onClose: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: (err) => {
      if (!isStale(err)) return false;
      onClose();
      modal.confirm({
        title: t('supervision.stale'),
        content: t('supervision.staleHint'),
        okText: t('supervision.reload'),
        cancelText: t('common.cancel'),
        onOk: () => reloadSupervision(),
      });
      return true;
    },
  });
  const done = Form.useWatch('done', form) ?? true;

  const onFinish = (values: Values) =>
    submit(
      () =>
        recordSupervisionFollowUp(v, {
          result: values.result?.trim() ?? '',
          rectifiedOn: values.done ? (values.rectifiedOn?.format(DATE) ?? null) : null,
        }),
      t(values.done ? 'supervision.followUp.closed' : 'supervision.followUp.saved'),
    );

  return (
    <FormModal<Values>
      title={t('supervision.followUp.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      width={560}
      initialValues={{
        result: v.followUpResult ?? undefined,
        done: true,
        rectifiedOn: v.rectifiedOn ? dayjs(v.rectifiedOn) : dayjs(),
      }}
    >
      <Typography.Paragraph type="secondary">
        {v.schoolName} · {v.visitedOn} · {t('supervision.findingsCount', { n: v.findings.length })}
        <br />
        {t('supervision.rectifyBy')}：<Deadline t={t} visit={v} />
      </Typography.Paragraph>
      <Form.Item label={t('supervision.followUpResult')} name="result" rules={[requiredRule(t)]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label={t('supervision.followUp.outcome')} name="done">
        <Radio.Group
          options={[
            { value: true, label: t('supervision.followUp.done') },
            { value: false, label: t('supervision.followUp.ongoing') },
          ]}
        />
      </Form.Item>
      {done && (
        <Form.Item label={t('supervision.rectifiedOn')} name="rectifiedOn" rules={[requiredChoice(t)]}>
          <DatePicker
            format={DATE}
            style={{ width: 220 }}
            disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(v.visitedOn), 'day')}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

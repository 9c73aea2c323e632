import { Form, Input, Select } from 'antd';
import type { DisputeCase } from '@guanai/contracts';
import { requiredChoice } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { assignCaseHandler, useCaseHandlers } from '../api';
import { applyServerErrors } from '../fieldErrors';
import { useOnConflict } from './CaseActionModal';

interface Values {
  handlerId: string;
  reason?: string;
}

/** 移交: the case to another case handler or administrator of its union; why goes on the timeline. */
export function AssignHandlerModal({ dispute: c, onClose }: { dispute: DisputeCase; onClose: () => void }) {
  const { t } = useI18n();
  const handlers = useCaseHandlers();
  const onConflict = useOnConflict(c.id, onClose);
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: onConflict,
    fieldErrors: (f, err) => applyServerErrors(f, err, (path) => [path[0]!]),
  });
  const options = (handlers.data?.items ?? [])
    .filter((h) => h.id !== c.handlerId)
    .map((h) => ({ value: h.id, label: `${h.name}（${t(`case.assign.role.${h.role}`)}）` }));

  return (
    <FormModal
      title={t('case.assign.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v: Values) =>
        submit(
          () => assignCaseHandler(c, { handlerId: v.handlerId, reason: v.reason?.trim() || null }),
          t('case.assign.done'),
        )
      }
      okText={t('case.assign.ok')}
      width={520}
    >
      <Form.Item label={t('case.assign.handler')} name="handlerId" rules={[requiredChoice(t)]}>
        <Select options={options} loading={handlers.isPending} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item label={t('case.assign.reason')} name="reason">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

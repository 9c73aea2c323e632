import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useI18n } from './i18n/I18nProvider';

/** A dialog holding one vertical form: 保存 submits it, 取消 closes it, the button spins while busy. */
export function FormModal<V>({
  title,
  form,
  busy,
  onClose,
  onFinish,
  initialValues,
  okText,
  width,
  children,
}: {
  title: ReactNode;
  form: FormInstance<V>;
  busy: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: object;
  okText?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={width}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}

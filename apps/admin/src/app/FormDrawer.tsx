import type { ReactNode } from 'react';
import { Button, Drawer, Space, type FormInstance } from 'antd';
import { useI18n } from './i18n/I18nProvider';

/**
 * A side panel for a long form: 取消 and 保存 (or `okText`) at its top, 保存 submitting `form` and
 * spinning while busy. The form itself is among the children, which may hold more than it.
 */
export function FormDrawer({
  title,
  size,
  form,
  busy,
  onClose,
  okText,
  okDisabled,
  children,
}: {
  title: ReactNode;
  size: number;
  form: FormInstance;
  busy: boolean;
  onClose: () => void;
  okText?: string;
  okDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open
      title={title}
      size={size}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} disabled={okDisabled} onClick={() => form.submit()}>
            {okText ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}

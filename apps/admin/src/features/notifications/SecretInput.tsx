import { Button, Input, Space, Tag } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';

/**
 * What the form sends for a secret the server never reads back: undefined keeps the stored one, a
 * text replaces it, null removes it.
 */
export type SecretValue = string | null | undefined;

/**
 * A webhook address or signing secret as a form control. When one is stored it says 已设置 and the
 * box stays empty (typing replaces it); 清除 removes it on save, 撤销 takes that back.
 */
export function SecretInput({
  id,
  value,
  onChange,
  isSet,
  placeholder,
  'aria-invalid': invalid,
}: {
  id?: string;
  value?: SecretValue;
  onChange?: (value: SecretValue) => void;
  isSet: boolean;
  placeholder?: string;
  'aria-invalid'?: boolean;
}) {
  const { t } = useI18n();
  if (value === null && isSet)
    return (
      <Space>
        <Tag color="orange">{t('notify.secret.willClear')}</Tag>
        <Button size="small" onClick={() => onChange?.(undefined)}>
          {t('notify.secret.undo')}
        </Button>
      </Space>
    );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        aria-invalid={invalid}
        value={value ?? ''}
        autoComplete="off"
        visibilityToggle
        placeholder={isSet ? t('notify.secret.setPlaceholder') : placeholder}
        onChange={(e) => onChange?.(e.target.value === '' ? undefined : e.target.value)}
        prefix={isSet && value === undefined ? <Tag color="green">{t('notify.secret.set')}</Tag> : undefined}
      />
      {isSet && (
        <Button danger onClick={() => onChange?.(null)}>
          {t('notify.secret.clear')}
        </Button>
      )}
    </Space.Compact>
  );
}

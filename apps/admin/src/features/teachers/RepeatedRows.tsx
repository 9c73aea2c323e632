import type { ReactNode } from 'react';
import { Button, Form, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@/app/i18n/I18nProvider';

/**
 * A list field of the teacher form (titles, earlier postings, honours): one row per entry with a
 * remove icon, the list's errors, and an add button.
 */
export function RepeatedRows({
  name,
  addLabel,
  newRow,
  wrap,
  children,
}: {
  name: string;
  addLabel: string;
  /** Initial values of an added row. */
  newRow?: () => object;
  wrap?: boolean;
  children: (row: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <div style={{ marginTop: 8 }}>
          {fields.map(({ key, name: row }) => (
            <Space key={key} align="baseline" style={{ display: 'flex' }} wrap={wrap}>
              {children(row)}
              <MinusCircleOutlined aria-label={t('teachers.remove')} onClick={() => remove(row)} />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow?.())}>
              {addLabel}
            </Button>
          </Form.Item>
        </div>
      )}
    </Form.List>
  );
}

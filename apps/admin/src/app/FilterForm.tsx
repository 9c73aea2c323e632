import { useEffect, type ReactNode } from 'react';
import { Button, Col, Form, Row, Space, type FormInstance } from 'antd';
import { useI18n } from './i18n/I18nProvider';

/** A filter field's column: four across on wide screens, down to one on a phone. */
export const FILTER_COL = { xs: 24, sm: 12, lg: 8, xxl: 6 };

/**
 * A list's filter form, a search landmark: the fields (children, in FILTER_COL columns), then 查询 and
 * 重置 and any `buttons`. It shows what `value` (the URL) says, and hands the filters of what was
 * entered to `onChange`.
 */
export function FilterForm<F extends object, V extends object>({
  form,
  name,
  label,
  labelWidth,
  value,
  toValues,
  toFilters,
  onChange,
  buttons,
  children,
}: {
  form: FormInstance<V>;
  name: string;
  label: string;
  labelWidth: number;
  value: F;
  toValues: (filters: F) => V;
  toFilters: (values: V) => F;
  onChange: (filters: F) => void;
  buttons?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();

  // The URL is the truth (back button, a shared link): show what it says.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(value));
  }, [form, value, toValues]);

  return (
    <Form
      form={form}
      name={name}
      role="search"
      aria-label={label}
      onFinish={(v) => onChange(toFilters(v))}
      labelCol={{ flex: `${labelWidth}px` }}
      labelWrap
      style={{ marginBottom: 8 }}
    >
      <Row gutter={16}>
        {children}
        <Col flex="auto">
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onChange({} as F);
                }}
              >
                {t('common.reset')}
              </Button>
              {buttons}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

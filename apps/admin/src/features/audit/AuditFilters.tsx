import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { Id } from '@guanai/contracts';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import type { AuditQuery } from './api';

interface Values {
  actorId?: string;
  orgId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilters({ onChange }: { onChange: (filters: AuditQuery) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onChange({
      actorId: v.actorId?.trim() || undefined,
      orgId: v.orgId || undefined,
      action: v.action?.trim() || undefined,
      // ISO 8601 with the local offset, as the contract asks (`z.iso.datetime({ offset: true })`).
      from: v.range?.[0]?.format() || undefined,
      to: v.range?.[1]?.format() || undefined,
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item label={t('audit.actorId')} name="actorId" rules={[zodRule(Id, t)]}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('audit.org')} name="orgId">
        <OrgTreeSelect allowClear />
      </Form.Item>
      <Form.Item label={t('audit.action')} name="action">
        <Input allowClear style={{ width: 160 }} placeholder="user.create" />
      </Form.Item>
      <Form.Item label={t('audit.range')} name="range">
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <Button
        style={{ marginInlineStart: 8 }}
        onClick={() => {
          form.resetFields();
          apply({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Form>
  );
}

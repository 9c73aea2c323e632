import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { DocKey, Name } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { formatTime } from '@/features/users/format';
import {
  createTemplate,
  useBuiltinTemplates,
  useTemplates,
  type BuiltinTemplate,
  type TemplateSummary,
} from './api';

interface CreateValues {
  fromBuiltin: string;
  key: string;
  name: string;
}

/** 从内置模板新建: a key (fixed once made) and a name; the copy opens in the editor. */
function CreateFromBuiltinModal({
  builtins,
  initial,
  onClose,
}: {
  builtins: BuiltinTemplate[];
  initial?: BuiltinTemplate;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();
  const suggest = (b: BuiltinTemplate | undefined) =>
    b ? { fromBuiltin: b.key, key: `${b.key}-${year}`, name: b.name } : {};

  const onFinish = async (v: CreateValues) => {
    setBusy(true);
    try {
      const tpl = await createTemplate({
        fromBuiltin: v.fromBuiltin,
        key: v.key.trim(),
        name: v.name.trim(),
      });
      message.success(t('programme.templates.created'));
      navigate(`/programme-templates/${tpl.id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal<CreateValues>
      title={t('programme.templates.createFromBuiltin')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={suggest(initial)}
      okText={t('programme.templates.create')}
    >
      <Form.Item name="fromBuiltin" label={t('programme.templates.builtin')} rules={[requiredRule(t)]}>
        <Select
          options={builtins.map((b) => ({ value: b.key, label: b.name }))}
          onChange={(key: string) => {
            const b = builtins.find((x) => x.key === key);
            form.setFieldsValue({ key: `${key}-${year}`, name: b?.name ?? '' });
          }}
        />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('programme.key')}
        extra={t('programme.templates.keyExtra')}
        rules={[requiredRule(t), zodRule(DocKey, t, t('programme.keyHint'))]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('programme.template.name')} rules={[requiredRule(t), zodRule(Name, t)]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 方案模板: the province's own templates (a draft each, published as numbered versions), the published
 * ones from above it, and the built-in templates to start from.
 */
export function TemplatesPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const templates = useTemplates();
  const builtins = useBuiltinTemplates();
  const [creating, setCreating] = useState<{ from?: BuiltinTemplate } | null>(null);
  // Templates of the organisations above are read through their published versions, never edited here.
  const above = new Set(me.orgChain.filter((o) => o.id !== me.org.id).map((o) => o.id));
  const editable = (x: TemplateSummary) => !above.has(x.orgId);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('programme.templates.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating({})}
            disabled={!builtins.data}
          >
            {t('programme.templates.createFromBuiltin')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('programme.templates.hint')}</Typography.Paragraph>
        <Table<TemplateSummary>
          rowKey="id"
          size="small"
          loading={templates.isFetching}
          dataSource={templates.data}
          pagination={false}
          locale={{
            emptyText: templates.isError ? errorMessage(templates.error) : t('programme.templates.empty'),
          }}
          columns={[
            {
              title: t('programme.template.name'),
              dataIndex: 'name',
              render: (name: string, x) =>
                editable(x) ? <Link to={`/programme-templates/${x.id}`}>{name}</Link> : name,
            },
            { title: t('programme.key'), dataIndex: 'key', width: 180 },
            { title: t('programme.templates.owner'), dataIndex: 'orgName', width: 200 },
            {
              title: t('programme.template.basedOn'),
              dataIndex: 'basedOn',
              width: 140,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('programme.templates.status'),
              key: 'status',
              width: 220,
              render: (_, x) => (
                <Space size={4} wrap>
                  {x.latestVersion > 0 ? (
                    <Tag color="green">{t('programme.templates.latest', { n: x.latestVersion })}</Tag>
                  ) : (
                    <Tag>{t('programme.templates.unpublished')}</Tag>
                  )}
                  {x.hasUnpublishedChanges && x.latestVersion > 0 && (
                    <Tag color="gold">{t('programme.templates.pendingChanges')}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('programme.templates.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => formatTime(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, x) =>
                editable(x) ? <Link to={`/programme-templates/${x.id}`}>{t('common.edit')}</Link> : null,
            },
          ]}
        />
      </Card>

      <Card title={t('programme.templates.builtins')}>
        <Table<BuiltinTemplate>
          rowKey="key"
          size="small"
          loading={builtins.isFetching}
          dataSource={builtins.data}
          pagination={false}
          columns={[
            { title: t('programme.template.name'), dataIndex: 'name' },
            {
              title: t('programme.template.source'),
              key: 'source',
              render: (_, b) => [b.source.issuer, b.source.documentNo].filter(Boolean).join(' · '),
            },
            { title: t('programme.templates.measures'), dataIndex: 'measures', width: 90 },
            { title: t('programme.templates.indicators'), dataIndex: 'indicators', width: 90 },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 160,
              render: (_, b) => (
                <Button size="small" onClick={() => setCreating({ from: b })}>
                  {t('programme.templates.useBuiltin')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      {creating && builtins.data && (
        <CreateFromBuiltinModal
          builtins={builtins.data}
          initial={creating.from ?? builtins.data[0]}
          onClose={() => setCreating(null)}
        />
      )}
    </Space>
  );
}

import { useMemo, useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { LegalAidProvider } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { useCurrentUser } from '@/app/session';
import { isStale, reloadRoster, setProviderActive, useProviders } from './api';
import { categoryName, KindTag } from './labels';
import { PhoneButton } from './PhoneButton';
import { ProviderFormDrawer } from './ProviderFormDrawer';
import { RosterFilterForm } from './RosterFilterForm';
import { rosterFiltersOf, useRosterQuery } from './query';

/**
 * 法律援助名录 (legal_aid.manage): the lawyers and volunteers my organisation keeps — the province's with
 * the unions they serve, a union's its own — and, for a union, the province's entries lent to it (read
 * only). Filters and page live in the URL.
 */
export function LegalAidRosterPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const province = me.org.kind === 'province';
  const [query, setQuery] = useRosterQuery();
  const providers = useProviders(query);
  const filters = useMemo(() => rosterFiltersOf(query), [query]);
  const [editing, setEditing] = useState<LegalAidProvider | 'new' | null>(null);
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };

  const toggle = (p: LegalAidProvider) => {
    const run = async () => {
      try {
        await setProviderActive(p, !p.active);
        message.success(t(p.active ? 'legalAid.roster.deactivated' : 'legalAid.roster.activated'));
      } catch (err) {
        if (isStale(err)) void reloadRoster();
        message.error(isStale(err) ? t('legalAid.roster.stale') : errorMessage(err));
      }
    };
    if (!p.active) return void run();
    modal.confirm({
      title: t('legalAid.roster.deactivate'),
      content: t('legalAid.roster.deactivateConfirm', { name: p.name }),
      okText: t('legalAid.roster.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const columns: TableProps<LegalAidProvider>['columns'] = [
    {
      title: t('legalAid.name'),
      key: 'name',
      render: (_, p) => (
        <Space size={6} wrap>
          <Typography.Text strong delete={!p.active}>
            {p.name}
          </Typography.Text>
          <KindTag kind={p.kind} t={t} />
        </Space>
      ),
    },
    {
      title: t('legalAid.organisation'),
      dataIndex: 'organisation',
      key: 'organisation',
      render: (v) => v ?? '—',
    },
    { title: t('legalAid.licenceNo'), dataIndex: 'licenceNo', key: 'licenceNo', render: (v) => v ?? '—' },
    {
      title: t('legalAid.phone'),
      key: 'phone',
      render: (_, p) =>
        p.phoneMasked ? (
          <Space size={8}>
            <span>{p.phoneMasked}</span>
            <PhoneButton id={p.id} name={p.name} serving={false} />
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('legalAid.specialties'),
      key: 'specialties',
      render: (_, p) => (
        <Space size={[0, 4]} wrap>
          {p.specialties.map((c) => (
            <Tag key={c}>{categoryName(t, c)}</Tag>
          ))}
        </Space>
      ),
    },
    province
      ? {
          title: t('legalAid.served'),
          key: 'served',
          render: (_, p) => p.servedTenants.map((s) => s.name).join('、') || '—',
        }
      : { title: t('legalAid.owner'), dataIndex: 'ownerOrgName', key: 'owner' },
    {
      title: t('legalAid.status'),
      key: 'active',
      width: 90,
      render: (_, p) =>
        p.active ? <Tag color="success">{t('legalAid.active')}</Tag> : <Tag>{t('legalAid.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, p) =>
        p.editable ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(p)}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" danger={p.active} onClick={() => toggle(p)}>
              {t(p.active ? 'legalAid.roster.deactivate' : 'legalAid.roster.activate')}
            </Button>
          </Space>
        ) : (
          <Tooltip title={t('legalAid.roster.readOnly', { owner: p.ownerOrgName })}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        ),
    },
  ];

  return (
    <Card
      title={t('legalAid.roster.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('legalAid.roster.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('legalAid.roster.hint')}</Typography.Paragraph>
      <RosterFilterForm
        value={filters}
        onChange={(f) => setQuery({ ...f, pageSize: query.pageSize, page: 1 })}
      />
      <Table<LegalAidProvider>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={providers.data?.items}
        loading={providers.isFetching}
        locale={{ emptyText: providers.isError ? errorMessage(providers.error) : t('legalAid.roster.empty') }}
        {...serverPaging(t, page, providers.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <ProviderFormDrawer entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

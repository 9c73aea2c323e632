import { useState } from 'react';
import { Button, Card, Input, Select, Table, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ROLES, type Role, type User, type UserStatus as Status } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { useCan } from '@/app/session';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { useUsers, type UsersQuery } from './api';
import { formatTime } from './format';
import { UserActions } from './UserActions';
import { UserFormModal } from './UserFormModal';
import { UserStatus } from './UserStatus';

type Sort = NonNullable<UsersQuery['sort']>;

export function UsersPage() {
  const { t } = useI18n();
  const can = useCan();
  const [query, setQuery] = useState<UsersQuery>({ page: 1, pageSize: 20, sort: 'username' });
  const [creating, setCreating] = useState(false);
  const users = useUsers(query);
  const filter = (patch: UsersQuery) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const order = (field: string) =>
    query.sort === field ? ('ascend' as const) : query.sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableProps<User>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: order('username'),
      render: (_, u) => <Link to={`/users/${u.id}`}>{u.username}</Link>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => roleName(t, r) },
    { title: t('users.org'), dataIndex: 'orgName' },
    { title: t('users.status'), key: 'status', render: (_, u) => <UserStatus user={u} /> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: order('lastLoginAt'),
      render: (v: string | null) => formatTime(v, t('users.neverLoggedIn')),
    },
    ...(can('user.write')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: User) => <UserActions user={u} />,
          },
        ]
      : []),
  ];

  const onChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' ? s.field : undefined;
    const sort = (field && s?.order ? `${s.order === 'descend' ? '-' : ''}${field}` : 'username') as Sort;
    const pageSize = pagination.pageSize ?? 20;
    setQuery((q) => ({
      ...q,
      sort,
      pageSize,
      page: sort !== q.sort || pageSize !== q.pageSize ? 1 : (pagination.current ?? 1),
    }));
  };

  return (
    <Card title={t('users.title')}>
      <div className="page-toolbar">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <Input.Search
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            style={{ width: 300 }}
          />
          <OrgTreeSelect
            allowClear
            placeholder={t('users.org')}
            value={query.orgId}
            onChange={(orgId) => filter({ orgId })}
          />
          <Select<Role>
            aria-label={t('users.role')}
            allowClear
            placeholder={t('users.role')}
            style={{ width: 160 }}
            value={query.role}
            onChange={(role) => filter({ role })}
            options={ROLES.map((r) => ({ value: r, label: roleName(t, r) }))}
          />
          <Select<Status>
            aria-label={t('users.status')}
            allowClear
            placeholder={t('users.status')}
            style={{ width: 120 }}
            value={query.status}
            onChange={(status) => filter({ status })}
            options={[
              { value: 'active', label: t('users.active') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
          />
        </div>
        {can('user.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )}
      </div>
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        onChange={onChange}
        locale={{ emptyText: users.isError ? errorMessage(users.error) : t('users.empty') }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 900 }}
      />
      {creating && <UserFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

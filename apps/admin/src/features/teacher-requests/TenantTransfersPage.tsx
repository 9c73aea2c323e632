import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  RejectTenantTransferRequest,
  TransferRequestStatus,
  type Org,
  type TenantTransfer,
} from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { pageFromUrl, serverPaging } from '@/app/paging';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { useOrgs } from '@/features/orgs/api';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { label, notASchool } from '@/features/teachers/labels';
import { formatTime } from '@/features/users/format';
import {
  acceptTenantTransfer,
  cancelTenantTransfer,
  rejectTenantTransfer,
  useTenantTransfers,
  type TransfersQuery,
} from './api';
import { TransferStatusTag } from './labels';

type Direction = NonNullable<TransfersQuery['direction']> | 'all';

function useQueryFromUrl(): [
  TransfersQuery,
  Direction,
  (patch: Record<string, string | number | undefined>) => void,
] {
  const [params, setParams] = useSearchParams();
  const d = params.get('direction');
  const direction: Direction = d === 'incoming' || d === 'outgoing' ? d : 'all';
  const status = TransferRequestStatus.safeParse(params.get('status'));
  const query: TransfersQuery = {
    direction: direction === 'all' ? undefined : direction,
    status: status.success ? status.data : undefined,
    ...pageFromUrl(params),
  };
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === 'all') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
  return [query, direction, set];
}

/**
 * 跨单位调动: transfers out of and into my union. An incoming one shows only what the sender let through
 * (name, sex, birth date, masked ID) until it is accepted into one of my schools, or declined.
 */
export function TenantTransfersPage() {
  const { t } = useI18n();
  const [query, direction, set] = useQueryFromUrl();
  const transfers = useTenantTransfers(query);
  const orgs = useOrgs();
  // The receiving side decides: a transfer whose receiving union is in my scope.
  const mine = useMemo(() => new Set((orgs.data ?? []).map((o) => o.id)), [orgs.data]);
  const [accepting, setAccepting] = useState<TenantTransfer | null>(null);
  const [rejecting, setRejecting] = useState<TenantTransfer | null>(null);
  const [cancelling, setCancelling] = useState<TenantTransfer | null>(null);

  const columns: TableProps<TenantTransfer>['columns'] = [
    {
      title: t('tenantTransfers.teacher'),
      dataIndex: 'teacherName',
      width: 120,
      // The record opens where it is now: still with the sender until accepted, then with the receiver.
      render: (_, x) => {
        const here = x.status === 'accepted' ? mine.has(x.toTenantId) : mine.has(x.fromTenantId);
        return here ? <Link to={`/teachers/${x.teacherId}`}>{x.teacherName}</Link> : x.teacherName;
      },
    },
    { title: t('teacher.sex'), dataIndex: 'sex', width: 70, render: (_, x) => label(t, 'sex', x.sex) },
    { title: t('teacher.birthDate'), dataIndex: 'birthDate', width: 120 },
    {
      title: t('teacher.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 200,
      render: (v: string) => (
        <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</Typography.Text>
      ),
    },
    {
      title: t('tenantTransfers.direction'),
      key: 'direction',
      width: 80,
      render: (_, x) =>
        mine.has(x.toTenantId) && !mine.has(x.fromTenantId)
          ? t('tenantTransfers.incoming')
          : t('tenantTransfers.outgoing'),
    },
    { title: t('tenantTransfers.from'), dataIndex: 'fromTenantName', width: 180 },
    { title: t('tenantTransfers.to'), dataIndex: 'toTenantName', width: 180 },
    { title: t('tenantTransfer.on'), dataIndex: 'on', width: 120 },
    {
      title: t('correction.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, x) => <TransferStatusTag status={x.status} t={t} />,
    },
    {
      title: t('tenantTransfer.note'),
      dataIndex: 'note',
      width: 180,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('tenantTransfers.reason'),
      dataIndex: 'reason',
      width: 180,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('tenantTransfers.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('tenantTransfers.decidedAt'),
      dataIndex: 'decidedAt',
      width: 160,
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, x) =>
        x.status === 'pending' && mine.has(x.toTenantId) ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setAccepting(x)}>
              {t('tenantTransfers.accept')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setRejecting(x)}>
              {t('tenantTransfers.reject')}
            </Button>
          </Space>
        ) : x.status === 'pending' && mine.has(x.fromTenantId) ? (
          <Button type="link" size="small" danger onClick={() => setCancelling(x)}>
            {t('tenantTransfers.cancel')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title={t('tenantTransfers.title')}>
      <Typography.Paragraph type="secondary">{t('tenantTransfers.hint')}</Typography.Paragraph>
      <div className="page-toolbar">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <Segmented<Direction>
            aria-label={t('tenantTransfers.direction')}
            value={direction}
            onChange={(d) => set({ direction: d, page: 1 })}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'incoming', label: t('tenantTransfers.incoming') },
              { value: 'outgoing', label: t('tenantTransfers.outgoing') },
            ]}
          />
          <Select<TenantTransfer['status']>
            aria-label={t('correction.status')}
            allowClear
            placeholder={t('correction.status')}
            style={{ width: 140 }}
            value={query.status}
            onChange={(status) => set({ status, page: 1 })}
            options={TransferRequestStatus.options.map((s) => ({
              value: s,
              label: t(`tenantTransfer.status.${s}`),
            }))}
          />
        </div>
      </div>
      <Table<TenantTransfer>
        rowKey="id"
        columns={columns}
        dataSource={transfers.data?.items}
        loading={transfers.isFetching}
        locale={{ emptyText: transfers.isError ? errorMessage(transfers.error) : t('tenantTransfers.empty') }}
        {...serverPaging(t, query, transfers.data?.total ?? 0, set)}
        scroll={{ x: 'max-content' }}
      />
      {accepting && <AcceptModal transfer={accepting} onClose={() => setAccepting(null)} />}
      {rejecting && <RejectModal transfer={rejecting} onClose={() => setRejecting(null)} />}
      {cancelling && <CancelModal transfer={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

function Summary({ transfer: x }: { transfer: TenantTransfer }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary">
      {x.teacherName} · {label(t, 'sex', x.sex)} · {x.birthDate} · {x.idNumberMasked}
      <br />
      {x.fromTenantName} → {x.toTenantName} · {x.on}
      {x.note ? ` · ${x.note}` : ''}
    </Typography.Paragraph>
  );
}

/** 接收: into a school (or university department) of the receiving union. */
function AcceptModal({ transfer: x, onClose }: { transfer: TenantTransfer; onClose: () => void }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ orgId: string }>(onClose);
  const disable = (o: Org) => notASchool(o) || o.tenantId !== x.toTenantId;
  return (
    <FormModal
      title={t('tenantTransfers.acceptTitle', { name: x.teacherName })}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('tenantTransfers.accept')}
      onFinish={(v) => submit(() => acceptTenantTransfer(x.id, v.orgId), t('tenantTransfers.accepted'))}
    >
      <Summary transfer={x} />
      <Form.Item
        label={t('tenantTransfers.school')}
        name="orgId"
        extra={t('tenantTransfers.acceptHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <OrgTreeSelect disable={disable} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 不接收, with a reason. */
function RejectModal({ transfer: x, onClose }: { transfer: TenantTransfer; onClose: () => void }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ reason: string }>(onClose);
  return (
    <FormModal
      title={t('tenantTransfers.rejectTitle', { name: x.teacherName })}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('tenantTransfers.reject')}
      onFinish={(v) =>
        submit(() => rejectTenantTransfer(x.id, v.reason.trim()), t('tenantTransfers.rejected'))
      }
    >
      <Summary transfer={x} />
      <Form.Item
        label={t('tenantTransfers.reason')}
        name="reason"
        rules={[requiredRule(t), zodRule(RejectTenantTransferRequest.shape.reason, t)]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('tenantTransfers.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/** 撤回: the sending union withdraws its pending request, optionally saying why. */
function CancelModal({ transfer: x, onClose }: { transfer: TenantTransfer; onClose: () => void }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ reason?: string }>(onClose);
  return (
    <FormModal
      title={t('tenantTransfers.cancelTitle', { name: x.teacherName })}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('tenantTransfers.cancel')}
      onFinish={(v) =>
        submit(
          () => cancelTenantTransfer(x.id, v.reason?.trim() || undefined),
          t('tenantTransfers.cancelled'),
        )
      }
    >
      <Summary transfer={x} />
      <Form.Item label={t('tenantTransfers.reason')} name="reason">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { CareRecord } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { formatTime } from '@/features/users/format';
import {
  isStale,
  updateCareRecord,
  useAdoptedProgramme,
  useCareParticipants,
  useCareRecord,
  measuresOf,
  measureLabel,
} from './api';
import { AddParticipantsModal, DeleteCareModal, EditCareModal, useConfirmStale } from './CareRecordModals';
import { activityTypeName } from './catalogue';
import { formatFen } from './money';
import { lastCareListUrl } from './query';

type Action = 'edit' | 'add' | 'delete';

/** One care record: what, when, by whom, for whom (paged), with edit, participants and delete. */
export function CareRecordDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const record = useCareRecord(id);
  const navigate = useNavigate();
  const back = <Button onClick={() => navigate(lastCareListUrl())}>{t('care.detail.back')}</Button>;

  if (record.isPending) return <Spin />;
  if (record.isError) {
    // Out of scope answers 404 like a missing record, so nobody learns what exists elsewhere.
    const missing = record.error instanceof ApiError && [400, 403, 404].includes(record.error.status);
    return missing ? (
      <Result
        status="404"
        title={t('care.detail.notFound')}
        subTitle={t('care.detail.notFoundHint')}
        extra={back}
      />
    ) : (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(record.error)}
        extra={back}
      />
    );
  }
  return <RecordView record={record.data} back={back} />;
}

function RecordView({ record: r, back }: { record: CareRecord; back: React.ReactNode }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const canWrite = can('care.write');
  const [action, setAction] = useState<Action | null>(null);
  const programme = useAdoptedProgramme(r.programmeId);
  const measure = measuresOf(programme.data).find((m) => m.key === r.measureKey);
  const close = () => setAction(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <div>
            <Space size={8} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {r.title}
              </Typography.Title>
              <Tag color="blue">{activityTypeName(lang, r.activityType)}</Tag>
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {r.orgName} · {r.occurredOn}
            </Typography.Paragraph>
          </div>
          <Space wrap>
            {canWrite && (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setAction('edit')}>
                  {t('common.edit')}
                </Button>
                <Button icon={<UserAddOutlined />} onClick={() => setAction('add')}>
                  {t('care.detail.addParticipants')}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={() => setAction('delete')}>
                  {t('care.detail.delete')}
                </Button>
              </>
            )}
            {back}
          </Space>
        </Flex>
      </Card>

      <Card title={t('care.detail.title')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t('care.activityType'), children: activityTypeName(lang, r.activityType) },
            { key: 'org', label: t('care.org'), children: r.orgName },
            { key: 'date', label: t('care.occurredOn'), children: r.occurredOn },
            {
              key: 'amount',
              label: t('care.amount'),
              children: r.amountFen ? `${formatFen(r.amountFen)} ${t('care.yuan')}` : '—',
            },
            {
              key: 'programme',
              label: t('care.programme'),
              children: programme.data
                ? `${programme.data.templateName}（${programme.data.year}）`
                : r.programmeId
                  ? '…'
                  : t('care.noProgramme'),
            },
            {
              key: 'measure',
              label: t('care.measure'),
              children: measure ? measureLabel(measure) : (r.measureKey ?? '—'),
            },
            {
              key: 'count',
              label: t('care.participantCount'),
              children: t('care.peopleUnit', { n: r.participantCount }),
            },
            { key: 'by', label: t('care.createdBy'), children: r.createdBy ?? '—' },
            { key: 'at', label: t('care.createdAt'), children: formatTime(r.createdAt) },
            {
              key: 'notes',
              label: t('care.notes'),
              span: 2,
              children: r.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span> : '—',
            },
          ]}
        />
      </Card>

      <Card title={`${t('care.participants')}（${r.participantCount}）`}>
        <Participants record={r} canWrite={canWrite} />
      </Card>

      {action === 'edit' && <EditCareModal record={r} onClose={close} />}
      {action === 'add' && <AddParticipantsModal record={r} onClose={close} />}
      {action === 'delete' && <DeleteCareModal record={r} onClose={close} />}
    </Space>
  );
}

/** The participants, paged on the server; officers may remove some (the record's version guards it). */
function Participants({ record: r, canWrite }: { record: CareRecord; canWrite: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const { message, modal } = App.useApp();
  const confirmStale = useConfirmStale();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const list = useCareParticipants(r.id, page.page, page.pageSize);
  const items = list.data?.items ?? [];

  const remove = () =>
    modal.confirm({
      title: t('care.detail.removeConfirm', { n: selected.length }),
      okButtonProps: { danger: true },
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await updateCareRecord(r, { removeTeacherIds: selected });
          message.success(t('care.detail.removed', { n: selected.length }));
          setSelected([]);
        } catch (err) {
          if (isStale(err)) confirmStale(r.id);
          else message.error(errorMessage(err));
        }
      },
    });

  return (
    <>
      {canWrite && (
        <div className="page-toolbar">
          <Button icon={<UserDeleteOutlined />} danger disabled={selected.length === 0} onClick={remove}>
            {t('care.detail.removeSelected', { n: selected.length })}
          </Button>
        </div>
      )}
      <Table
        rowKey="teacherId"
        size="small"
        dataSource={items}
        loading={list.isFetching}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('care.detail.participantsEmpty') }}
        onChange={(p) =>
          setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? 20 })
        }
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          {
            title: t('teacher.name'),
            key: 'name',
            render: (_, p) =>
              can('teacher.read') ? <Link to={`/teachers/${p.teacherId}`}>{p.name}</Link> : p.name,
          },
          { title: t('teacher.org'), dataIndex: 'orgName', key: 'org' },
          {
            title: t('teacher.idNumber'),
            key: 'id',
            render: (_, p) => (
              <Typography.Text style={{ fontFamily: 'monospace' }}>{p.idNumberMasked}</Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}

import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { CareRecord } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { PageHeader } from '@/app/PageHeader';
import { serverPaging } from '@/app/paging';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
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
import { AttachmentsSection } from './attachments/AttachmentsSection';

type Action = 'edit' | 'add' | 'delete';

/** One care record: what, when, by whom, for whom (paged), with edit, participants and delete. */
export function CareRecordDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const record = useCareRecord(id);
  const navigate = useNavigate();
  const back = <Button onClick={() => navigate(lastCareListUrl())}>{t('care.detail.back')}</Button>;

  if (!record.isSuccess)
    return (
      <RecordNotLoaded
        query={record}
        notFound={t('care.detail.notFound')}
        notFoundHint={t('care.detail.notFoundHint')}
        back={back}
      />
    );
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
      <PageHeader
        title={r.title}
        tags={<Tag color="blue">{activityTypeName(lang, r.activityType)}</Tag>}
        subtitle={`${r.orgName} · ${r.occurredOn}`}
        actions={
          <>
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
          </>
        }
      />

      <Card title={t('care.detail.title')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t('care.activityType'), children: activityTypeName(lang, r.activityType) },
            { key: 'org', label: t('care.org'), children: r.orgName },
            { key: 'date', label: t('care.occurredOn'), children: r.occurredOn },
            { key: 'followUp', label: t('care.followUpOn'), children: r.followUpOn ?? '—' },
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

      <AttachmentsSection recordId={r.id} />

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
        {...serverPaging(t, page, list.data?.total ?? 0, setPage)}
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

import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Segmented,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  CorrectionStatus,
  ResolveCorrectionRequest,
  SensitiveField,
  type Correction,
} from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { pageFromUrl, serverPaging } from '@/app/paging';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useFormSubmit } from '@/app/useFormSubmit';
import { SensitiveValue } from '@/features/teachers/SensitiveValue';
import { formatTime } from '@/features/users/format';
import { resolveCorrection, revealCorrection, useCorrections, type CorrectionsQuery } from './api';
import { CorrectionStatusTag, fieldName } from './labels';

type StatusFilter = CorrectionsQuery['status'] | 'all';

/** The status, page and size live in the URL (pending unless said), like the teacher list. */
function useQueryFromUrl(): [
  CorrectionsQuery,
  StatusFilter,
  (patch: Record<string, string | number>) => void,
] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'pending';
  const parsed = CorrectionStatus.safeParse(raw);
  const filter: StatusFilter = raw === 'all' ? 'all' : parsed.success ? parsed.data : 'pending';
  const query: CorrectionsQuery = { status: filter === 'all' ? undefined : filter, ...pageFromUrl(params) };
  const set = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, String(v));
    setParams(next);
  };
  return [query, filter, set];
}

/**
 * The proposed value; a sensitive one (ID number, phone, address) is masked, with an audited 查看 for
 * officers allowed to reveal, so they can apply it to the record.
 */
function ProposedValue({ correction: c }: { correction: Correction }) {
  const can = useCan();
  const sensitive = SensitiveField.safeParse(c.field);
  if (!sensitive.success)
    return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.proposed}</Typography.Text>;
  return (
    <SensitiveValue
      teacherId={c.teacherId}
      field={sensitive.data}
      masked={c.proposed}
      canReveal={can('teacher.reveal')}
      reveal={(reason) => revealCorrection(c.id, reason)}
      monospace
    />
  );
}

/** 更正申请: what teachers asked to have corrected on their records, for the officers to resolve. */
export function CorrectionsPage() {
  const { t } = useI18n();
  const [query, filter, set] = useQueryFromUrl();
  const corrections = useCorrections(query);
  const [resolving, setResolving] = useState<Correction | null>(null);

  const columns: TableProps<Correction>['columns'] = [
    {
      title: t('correction.teacher'),
      dataIndex: 'teacherName',
      render: (_, c) => <Link to={`/teachers/${c.teacherId}`}>{c.teacherName}</Link>,
    },
    { title: t('correction.field'), dataIndex: 'field', render: (_, c) => fieldName(t, c.field) },
    {
      title: t('correction.proposed'),
      dataIndex: 'proposed',
      render: (_, c) => <ProposedValue correction={c} />,
    },
    { title: t('correction.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    {
      title: t('correction.status'),
      dataIndex: 'status',
      render: (_, c) => <CorrectionStatusTag status={c.status} t={t} />,
    },
    { title: t('correction.resolution'), dataIndex: 'resolution', render: (v: string | null) => v ?? '—' },
    { title: t('correction.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) =>
        c.status === 'pending' ? (
          <Button type="link" size="small" onClick={() => setResolving(c)}>
            {t('corrections.resolve')}
          </Button>
        ) : (
          <Link to={`/teachers/${c.teacherId}`}>{t('corrections.openRecord')}</Link>
        ),
    },
  ];

  return (
    <Card title={t('corrections.title')}>
      <Typography.Paragraph type="secondary">{t('corrections.hint')}</Typography.Paragraph>
      <div className="page-toolbar">
        <Segmented<StatusFilter>
          aria-label={t('correction.status')}
          value={filter}
          onChange={(status) => set({ status: status ?? 'all', page: 1 })}
          options={[
            ...CorrectionStatus.options.map((s) => ({ value: s, label: t(`correction.status.${s}`) })),
            { value: 'all' as const, label: t('common.all') },
          ]}
        />
      </div>
      <Table<Correction>
        rowKey="id"
        columns={columns}
        dataSource={corrections.data?.items}
        loading={corrections.isFetching}
        locale={{ emptyText: corrections.isError ? errorMessage(corrections.error) : t('corrections.empty') }}
        {...serverPaging(t, query, corrections.data?.total ?? 0, set)}
        scroll={{ x: 900 }}
      />
      {resolving && <ResolveModal correction={resolving} onClose={() => setResolving(null)} />}
    </Card>
  );
}

interface ResolveValues {
  decision: 'accept' | 'reject';
  resolution: string;
}

/**
 * 接受 or 不采纳, with a reply the teacher reads. Accepting leaves the record as it is (the contract says
 * the officer edits it), so the dialog that follows offers to open the record.
 */
function ResolveModal({ correction: c, onClose }: { correction: Correction; onClose: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { form, busy, submit } = useFormSubmit<ResolveValues>(onClose);
  const decision = Form.useWatch('decision', form) ?? 'accept';

  const onFinish = async (v: ResolveValues) => {
    const accept = v.decision === 'accept';
    // An acceptance is said by the dialog that offers the record, not by a toast.
    const done = await submit(
      () => resolveCorrection(c.id, accept, v.resolution.trim()),
      accept ? null : t('corrections.rejected'),
    );
    if (done && accept)
      modal.confirm({
        title: t('corrections.accepted'),
        content: `${c.teacherName} · ${fieldName(t, c.field)}：${c.proposed}`,
        okText: t('corrections.openRecord'),
        cancelText: t('common.close'),
        onOk: () => navigate(`/teachers/${c.teacherId}`),
      });
  };

  return (
    <FormModal
      title={t('corrections.resolveTitle', { name: c.teacherName })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ decision: 'accept' }}
      width={560}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'field', label: t('correction.field'), children: fieldName(t, c.field) },
          { key: 'proposed', label: t('correction.proposed'), children: c.proposed },
          { key: 'note', label: t('correction.note'), children: c.note ?? '—' },
          { key: 'at', label: t('correction.createdAt'), children: formatTime(c.createdAt) },
        ]}
      />
      <Form.Item label={t('corrections.decision')} name="decision">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'accept', label: t('corrections.accept') },
            { value: 'reject', label: t('corrections.reject') },
          ]}
        />
      </Form.Item>
      {decision === 'accept' && (
        <Alert type="info" showIcon title={t('corrections.acceptHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label={t('corrections.resolution')}
        name="resolution"
        rules={[requiredRule(t), zodRule(ResolveCorrectionRequest.shape.resolution, t)]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('corrections.resolutionPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Select, Space, Spin, Table, type TableProps } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { CreateCorrectionRequest, type Correction, type Teacher } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import {
  CorrectionStatusTag,
  currentValue,
  fieldName,
  fieldOptions,
  type CorrectionField,
} from '@/features/teacher-requests/labels';
import { TeacherHeader, TeacherRecordSections } from '@/features/teachers/RecordSections';
import { formatTime } from '@/features/users/format';
import { requestCorrection, useMyCorrections, useMyRecord } from './api';

/** 我的档案: a teacher's own record, read-only, and the corrections they asked for. */
export function MyRecordPage() {
  const { t } = useI18n();
  const record = useMyRecord();
  const corrections = useMyCorrections(record.isSuccess);
  const [asking, setAsking] = useState(false);

  if (record.isPending) return <Spin />;
  if (record.isError) {
    // No linked record (404 NO_TEACHER_RECORD): the server's message says whom to ask.
    const unlinked = record.error instanceof ApiError && record.error.status === 404;
    return (
      <Card>
        <Result
          status={unlinked ? 'info' : 'error'}
          title={unlinked ? t('self.noRecord') : t('common.loadFailed')}
          subTitle={errorMessage(record.error)}
          extra={unlinked ? undefined : <Button onClick={() => record.refetch()}>{t('common.retry')}</Button>}
        />
      </Card>
    );
  }

  const x = record.data;
  const columns: TableProps<Correction>['columns'] = [
    { title: t('correction.field'), dataIndex: 'field', render: (_, c) => fieldName(t, c.field) },
    { title: t('correction.proposed'), dataIndex: 'proposed' },
    { title: t('correction.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('correction.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
    {
      title: t('correction.status'),
      dataIndex: 'status',
      render: (_, c) => <CorrectionStatusTag status={c.status} t={t} />,
    },
    { title: t('correction.resolution'), dataIndex: 'resolution', render: (v: string | null) => v ?? '—' },
    {
      title: t('correction.resolvedAt'),
      dataIndex: 'resolvedAt',
      render: (v: string | null) => formatTime(v),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <TeacherHeader
        teacher={x}
        actions={
          <Button type="primary" icon={<FormOutlined />} onClick={() => setAsking(true)}>
            {t('self.requestCorrection')}
          </Button>
        }
      >
        <Alert type="info" showIcon title={t('self.readOnly')} style={{ marginTop: 16 }} />
      </TeacherHeader>

      {/* Masked without 查看 (not for one's own record either); relatives are names, not links. */}
      <TeacherRecordSections teacher={x} canReveal={false} canWrite={false} linkRelatives={false} />

      <Card title={t('self.corrections')}>
        <Table<Correction>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={corrections.data?.items}
          loading={corrections.isFetching}
          pagination={false}
          locale={{
            emptyText: corrections.isError ? errorMessage(corrections.error) : t('self.correctionsEmpty'),
          }}
          scroll={{ x: 800 }}
        />
      </Card>

      {asking && <CorrectionModal teacher={x} onClose={() => setAsking(false)} />}
    </Space>
  );
}

interface Values {
  field: CorrectionField;
  proposed: string;
  note?: string;
}

const SENSITIVE = new Set<CorrectionField>(['idNumber', 'phone', 'address']);

/** 申请更正: which field, what it should say, and why. */
function CorrectionModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<Values>(onClose);
  const field = Form.useWatch('field', form);
  const now = field ? currentValue(t, teacher, field) : null;
  const S = CreateCorrectionRequest.shape;

  const onFinish = (v: Values) =>
    submit(
      () =>
        requestCorrection({ field: v.field, proposed: v.proposed.trim(), note: v.note?.trim() || undefined }),
      t('self.submitted'),
    );

  return (
    <FormModal
      title={t('self.requestTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      okText={t('self.submit')}
      width={560}
    >
      <Form.Item
        label={t('self.field')}
        name="field"
        extra={field && field !== 'other' ? t('self.current', { value: now ?? '—' }) : undefined}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={fieldOptions(t)} />
      </Form.Item>
      <Form.Item
        label={t('self.proposed')}
        name="proposed"
        extra={field && SENSITIVE.has(field) ? t('self.proposedSensitive') : undefined}
        rules={[requiredRule(t), zodRule(S.proposed, t)]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('self.proposedPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('self.note')} name="note" rules={[zodRule(S.note, t)]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('self.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

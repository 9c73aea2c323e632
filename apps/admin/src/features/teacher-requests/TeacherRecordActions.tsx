import { useState } from 'react';
import { Button, DatePicker, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { ExportOutlined, LinkOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CreateTenantTransferRequest, type Teacher } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan, useCurrentUser } from '@/app/session';
import { useFormSubmit } from '@/app/useFormSubmit';
import {
  linkTeacherAccount,
  requestTenantTransfer,
  useLinkedUser,
  useTeacherAccounts,
  useTenantDirectory,
  useTenantTransfers,
} from './api';

const DATE = 'YYYY-MM-DD';

/**
 * The record page's actions for requests around a record: the linked teacher account (teacher.write;
 * picking one reads users, so user.read too) and 调往其他工会 (teacher.transfer, active teachers).
 */
export function TeacherRecordActions({ teacher }: { teacher: Teacher }) {
  const can = useCan();
  const canLink = can('teacher.write') && can('user.read');
  const canTransfer = can('teacher.transfer') && teacher.status === 'active';
  if (!canLink && !teacher.linkedUserId && !canTransfer) return null;
  return (
    <Space wrap>
      {canLink ? <LinkAccountButton teacher={teacher} /> : teacher.linkedUserId && <LinkedTag />}
      {canTransfer && <TransferButton teacher={teacher} />}
    </Space>
  );
}

function LinkedTag() {
  const { t } = useI18n();
  return (
    <Tag icon={<LinkOutlined />} color="blue">
      {t('teacherAccount.linkedUnknown')}
    </Tag>
  );
}

function LinkAccountButton({ teacher }: { teacher: Teacher }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const linked = useLinkedUser(teacher.linkedUserId, true);
  const name = linked.data ? `${linked.data.displayName}（${linked.data.username}）` : null;
  return (
    <>
      <Button icon={<LinkOutlined />} onClick={() => setOpen(true)}>
        {teacher.linkedUserId
          ? name
            ? t('teacherAccount.linked', { name })
            : t('teacherAccount.linkedUnknown')
          : t('teacherAccount.link')}
      </Button>
      {open && <LinkAccountModal teacher={teacher} linkedName={name} onClose={() => setOpen(false)} />}
    </>
  );
}

function LinkAccountModal({
  teacher,
  linkedName,
  onClose,
}: {
  teacher: Teacher;
  linkedName: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ userId: string }>(onClose);
  const [q, setQ] = useState('');
  // Only teacher accounts of the record's own school can be linked (the server says so too).
  const accounts = useTeacherAccounts(teacher.orgId, q);
  const save = (userId: string | null, done: string) =>
    submit(() => linkTeacherAccount(teacher.id, userId), done);

  return (
    <FormModal
      title={t('teacherAccount.title')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) => save(v.userId, t('teacherAccount.saved'))}
      initialValues={{ userId: teacher.linkedUserId ?? undefined }}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('teacherAccount.hint')}</Typography.Paragraph>
      {teacher.linkedUserId && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text>
            {t('teacherAccount.current', { name: linkedName ?? t('teacherAccount.linkedUnknown') })}
          </Typography.Text>
          <Popconfirm
            title={t('teacherAccount.unlinkConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => save(null, t('teacherAccount.unlinked'))}
          >
            <Button danger size="small" disabled={busy}>
              {t('teacherAccount.unlink')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Form.Item
        label={t('teacherAccount.user')}
        name="userId"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
          placeholder={t('teacherAccount.userPlaceholder')}
          loading={accounts.isFetching}
          notFoundContent={accounts.isError ? errorMessage(accounts.error) : t('teacherAccount.none')}
          options={(accounts.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
          // The linked account may be outside the first page of results: keep its name shown.
          labelRender={(p) => p.label ?? (p.value === teacher.linkedUserId ? linkedName : p.value)}
        />
      </Form.Item>
    </FormModal>
  );
}

function TransferButton({ teacher }: { teacher: Teacher }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // A pending request shows instead of the button: one at a time per teacher.
  const pending = useTenantTransfers({ direction: 'outgoing', status: 'pending', page: 1, pageSize: 200 });
  const mine = pending.data?.items.find((x) => x.teacherId === teacher.id);
  if (mine) return <Tag color="gold">{t('tenantTransfer.pending', { name: mine.toTenantName })}</Tag>;
  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(true)}>
        {t('tenantTransfer.request')}
      </Button>
      {open && <TransferModal teacher={teacher} onClose={() => setOpen(false)} />}
    </>
  );
}

interface TransferValues {
  toTenantId: string;
  on: Dayjs;
  note?: string;
}

function TransferModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { form, busy, submit } = useFormSubmit<TransferValues>(onClose);
  const directory = useTenantDirectory();
  // Grouped by the province (or city) above; my own union is no destination.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const e of directory.data ?? []) {
    if (e.id === me.tenant?.id) continue;
    const list = groups.get(e.parentName) ?? [];
    list.push({ value: e.id, label: e.name });
    groups.set(e.parentName, list);
  }

  const onFinish = (v: TransferValues) =>
    submit(
      () =>
        requestTenantTransfer(teacher.id, {
          toTenantId: v.toTenantId,
          on: v.on.format(DATE),
          note: v.note?.trim() || undefined,
        }),
      t('tenantTransfer.requested'),
    );

  return (
    <FormModal
      title={t('tenantTransfer.requestTitle', { name: teacher.name })}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ on: dayjs() }}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('tenantTransfer.requestHint')}</Typography.Paragraph>
      <Form.Item
        label={t('tenantTransfer.toTenant')}
        name="toTenantId"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('tenantTransfer.toTenantPlaceholder')}
          loading={directory.isPending}
          notFoundContent={directory.isError ? errorMessage(directory.error) : undefined}
          options={[...groups].map(([parent, options]) => ({ label: parent, title: parent, options }))}
        />
      </Form.Item>
      <Form.Item
        label={t('tenantTransfer.on')}
        name="on"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('tenantTransfer.note')}
        name="note"
        rules={[zodRule(CreateTenantTransferRequest.shape.note, t)]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

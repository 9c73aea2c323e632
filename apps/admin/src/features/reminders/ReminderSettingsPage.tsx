import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  List,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { DEFAULT_REMINDER_SCHEDULE, type TenantReminderSchedule } from '@guanai/contracts';
import { requiredChoice } from '@/app/forms';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { useProgrammes } from '@/features/programmes/api';
import { formatTime } from '@/features/users/format';
import { runRemindersNow, updateReminderSchedule, useReminderSchedule } from './api';

type Run = TenantReminderSchedule['lastRuns'][number];

/**
 * Zones a Chinese union is likely to be in, and a few for those abroad (a university's branch campus).
 * China keeps one civil time; Asia/Urumqi is for Xinjiang's local custom.
 */
export const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

const RUN_COLOR: Record<Run['status'], string> = { running: 'processing', done: 'success', failed: 'error' };
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * 提醒设置 (a union administrator's): the hour its reminders are worked out each day and the last runs,
 * with 立即运行 for today; each programme's rules are set on the programme's page.
 */
export function ReminderSettingsPage() {
  const { t } = useI18n();
  const schedule = useReminderSchedule();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reminder.settings.title')}>
        {schedule.isPending ? (
          <Skeleton active />
        ) : schedule.isError ? (
          <Alert type="error" showIcon title={errorMessage(schedule.error)} />
        ) : (
          <ScheduleForm key={`${schedule.data.hour}:${schedule.data.timeZone}`} schedule={schedule.data} />
        )}
      </Card>
      {schedule.isSuccess && (
        <RunsCard runs={schedule.data.lastRuns} refetch={() => void schedule.refetch()} />
      )}
      <ProgrammesCard />
    </Space>
  );
}

function ScheduleForm({ schedule }: { schedule: TenantReminderSchedule }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ hour: number; timeZone: string }>(() => undefined);
  const zones = TIME_ZONES.includes(schedule.timeZone) ? TIME_ZONES : [schedule.timeZone, ...TIME_ZONES];
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{
        hour: schedule.hour,
        timeZone: schedule.timeZone || DEFAULT_REMINDER_SCHEDULE.timeZone,
      }}
      onFinish={(v) => submit(() => updateReminderSchedule(v), t('common.saved'))}
    >
      <Form.Item label={t('reminder.settings.hour')} name="hour" rules={[requiredChoice(t)]}>
        <Select
          style={{ width: 120 }}
          options={Array.from({ length: 24 }, (_, h) => ({ value: h, label: hh(h) }))}
        />
      </Form.Item>
      <Form.Item label={t('reminder.settings.timeZone')} name="timeZone" rules={[requiredChoice(t)]}>
        <Select style={{ width: 220 }} showSearch options={zones.map((z) => ({ value: z, label: z }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ width: '100%', marginTop: 12, marginBottom: 0 }}>
        {t('reminder.settings.hint')}
      </Typography.Paragraph>
    </Form>
  );
}

function RunsCard({ runs, refetch }: { runs: Run[]; refetch: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const runNow = async () => {
    setBusy(true);
    try {
      const r = await runRemindersNow();
      message.success(t('reminder.settings.queued', { day: r.day }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<Run>['columns'] = [
    { title: t('reminder.runs.day'), dataIndex: 'day', key: 'day', width: 120 },
    {
      title: t('reminder.runs.status'),
      key: 'status',
      width: 100,
      render: (_, r) => <Tag color={RUN_COLOR[r.status]}>{t(`reminder.runs.status.${r.status}`)}</Tag>,
    },
    {
      title: t('reminder.runs.startedAt'),
      key: 'startedAt',
      width: 160,
      render: (_, r) => formatTime(r.startedAt),
    },
    {
      title: t('reminder.runs.finishedAt'),
      key: 'finishedAt',
      width: 160,
      render: (_, r) => formatTime(r.finishedAt),
    },
    { title: t('reminder.runs.created'), dataIndex: 'created', key: 'created', width: 100, align: 'right' },
    {
      title: t('reminder.runs.notified'),
      dataIndex: 'notified',
      key: 'notified',
      width: 100,
      align: 'right',
    },
    {
      title: t('reminder.runs.error'),
      key: 'error',
      render: (_, r) => (r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card
      title={t('reminder.runs.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refetch}>
            {t('reminder.runs.refresh')}
          </Button>
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} onClick={runNow}>
            {t('reminder.settings.runNow')}
          </Button>
        </Space>
      }
    >
      <Table<Run>
        rowKey="day"
        size="small"
        columns={columns}
        dataSource={runs}
        pagination={false}
        locale={{ emptyText: t('reminder.runs.empty') }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

/** Where each programme's rules are switched on and off: its own page. */
function ProgrammesCard() {
  const { t } = useI18n();
  const programmes = useProgrammes({});
  return (
    <Card title={t('reminder.settings.programmes')}>
      <Typography.Paragraph type="secondary">{t('reminder.settings.programmesHint')}</Typography.Paragraph>
      <List
        loading={programmes.isPending}
        dataSource={programmes.data ?? []}
        locale={{ emptyText: t('programme.mine.empty') }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Link key="rules" to={`/programmes/${p.id}#reminders`}>
                {t('reminder.settings.editRules')}
              </Link>,
            ]}
          >
            {t('programme.detail.title', { year: p.year, name: p.templateName })}
          </List.Item>
        )}
      />
    </Card>
  );
}

import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { CaseDeadlineView, MyCase } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { formatTime } from '@/features/users/format';
import { categoryName, DaysLeft, deadlineName, isEnded, StateTag, yuanText } from '../labels';
import { reloadMyCases, useMyCases, withdrawMyCase } from './api';
import { AskForHelpDrawer } from './AskForHelpDrawer';
import { MyCaseDocuments } from '@/features/case-documents/MyCaseDocuments';

/**
 * 我的维权: a teacher's own dispute cases — where each stands, against whom, the deadlines with the days
 * left — and the way to ask the union for help or legal aid, or to withdraw while the case is open.
 */
export function MyCasesPage() {
  const { t } = useI18n();
  const cases = useMyCases();
  const [asking, setAsking] = useState(false);
  const [withdrawing, setWithdrawing] = useState<MyCase | null>(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('case.mine.title')}
        extra={
          <Button type="primary" icon={<QuestionCircleOutlined />} onClick={() => setAsking(true)}>
            {t('case.mine.ask')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('case.mine.hint')}
        </Typography.Paragraph>
      </Card>

      {cases.isPending ? (
        <Spin />
      ) : cases.isError ? (
        <Alert type="error" showIcon title={errorMessage(cases.error)} />
      ) : cases.data.items.length === 0 ? (
        <Card>
          <Empty description={t('case.mine.empty')} />
        </Card>
      ) : (
        cases.data.items.map((c) => (
          <MyCaseCard key={c.id} dispute={c} onWithdraw={() => setWithdrawing(c)} />
        ))
      )}

      {asking && <AskForHelpDrawer onClose={() => setAsking(false)} />}
      {withdrawing && <WithdrawModal dispute={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Space>
  );
}

function MyCaseCard({ dispute: c, onWithdraw }: { dispute: MyCase; onWithdraw: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      title={
        <Space size={8} wrap>
          <span>
            {categoryName(t, c.category)} · {c.respondentName}
          </span>
          <StateTag state={c.state} t={t} />
        </Space>
      }
      extra={
        c.allowedActions.includes('withdraw') && (
          <Button danger size="small" onClick={onWithdraw}>
            {t('case.mine.withdraw')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'at', label: t('case.mine.submittedAt'), children: formatTime(c.createdAt) },
            {
              key: 'claimed',
              label: t('case.claimedShort'),
              children: c.claimedFen ? yuanText(t, c.claimedFen) : t('case.none'),
            },
            { key: 'updated', label: t('case.updatedAt'), children: formatTime(c.updatedAt) },
          ]}
        />
        {isEnded(c.state) && c.deadlines.length > 0 && (
          <Typography.Text type="secondary">{t('case.deadlines.ended')}</Typography.Text>
        )}
        <MyDeadlines deadlines={c.deadlines} />
        <MyCaseDocuments caseId={c.id} />
      </Space>
    </Card>
  );
}

/** The case's deadlines as the teacher needs them: what, when, how many days are left. */
function MyDeadlines({ deadlines }: { deadlines: CaseDeadlineView[] }) {
  const { t } = useI18n();
  return (
    <Table<CaseDeadlineView>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={deadlines}
      locale={{ emptyText: t('case.deadlines.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('case.deadlines.name'), key: 'name', render: (_, d) => deadlineName(t, d) },
        { title: t('case.deadlines.due'), key: 'due', dataIndex: 'due' },
        {
          title: t('case.deadlines.left'),
          key: 'left',
          render: (_, d) =>
            d.closedOn ? (
              <Typography.Text type="secondary">
                {t('case.deadlines.stopped', { date: d.closedOn })}
              </Typography.Text>
            ) : (
              <Space size={4}>
                {d.passed && <Tag color="error">{t('case.deadlines.passed')}</Tag>}
                <DaysLeft daysLeft={d.daysLeft} t={t} />
              </Space>
            ),
        },
      ]}
    />
  );
}

/** 撤回: the case ends; why is optional. A case that moved meanwhile (409) says so and shows afresh. */
function WithdrawModal({ dispute: c, onClose }: { dispute: MyCase; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, busy, submit } = useFormSubmit<{ reason?: string }>(onClose, {
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status !== 409) return false;
      message.error(errorMessage(err));
      void reloadMyCases();
      onClose();
      return true;
    },
  });
  return (
    <FormModal
      title={t('case.mine.withdrawTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={(v) => submit(() => withdrawMyCase(c, v.reason?.trim() || null), t('case.mine.withdrawn'))}
      okText={t('case.mine.withdraw')}
      width={520}
    >
      <Alert type="warning" showIcon title={t('case.act.withdrawWarning')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('case.mine.withdrawReason')} name="reason">
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('case.mine.withdrawReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

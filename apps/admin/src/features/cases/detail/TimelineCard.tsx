import { Card, Space, Tag, Timeline, Typography } from 'antd';
import type { DisputeCase } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { formatTime } from '@/features/users/format';
import { actionName, outcomeName, StateTag, yuanText } from '../labels';

type CaseEvent = DisputeCase['events'][number];

const KNOWN_DETAILS = [
  'mediatorName',
  'on',
  'outcome',
  'amountRecoveredFen',
  'arbitrationAcceptedOn',
  'awardExtensionDays',
  'awardOn',
  'customDeadlines',
  'applicants',
  'selfService',
];

/** One recorded detail as a person reads it; a key this SPA does not know shows as itself. */
function detailText(t: Translate, key: string, value: unknown): string {
  if (!KNOWN_DETAILS.includes(key)) return `${key}: ${JSON.stringify(value)}`;
  const label = t(`case.timeline.detail.${key}` as MessageKey);
  if (key === 'selfService') return label;
  if (value === null || value === undefined) return `${label}: ${t('case.none')}`;
  if (key === 'outcome') return `${label}: ${outcomeName(t, String(value))}`;
  if (key === 'amountRecoveredFen' && typeof value === 'number') return `${label}: ${yuanText(t, value)}`;
  return `${label}: ${String(value)}`;
}

function EventBody({ event: e, t }: { event: CaseEvent; t: Translate }) {
  const details = Object.entries(e.details).filter(([k, v]) => !(k === 'selfService' && v !== true));
  return (
    <Space orientation="vertical" size={2}>
      <Space size={6} wrap>
        <Typography.Text strong>{actionName(t, e.action)}</Typography.Text>
        {e.fromState && e.fromState !== e.toState ? (
          <span>
            <StateTag state={e.fromState} t={t} />→ <StateTag state={e.toState} t={t} />
          </span>
        ) : (
          !e.fromState && <StateTag state={e.toState} t={t} />
        )}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('case.timeline.by', { actor: e.actorName ?? t('case.timeline.system'), at: formatTime(e.at) })}
      </Typography.Text>
      {e.reason && <Typography.Text>{t('case.timeline.reason', { reason: e.reason })}</Typography.Text>}
      {details.length > 0 && (
        <Space size={4} wrap>
          {details.map(([k, v]) => (
            <Tag key={k}>{detailText(t, k, v)}</Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** 办理记录: every step, who took it and when, from which state to which, why, and what it recorded. */
export function TimelineCard({ events }: { events: DisputeCase['events'] }) {
  const { t } = useI18n();
  return (
    <Card title={t('case.timeline.title')}>
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: e.toState === 'declined' || e.toState === 'withdrawn' ? 'gray' : 'blue',
          content: <EventBody event={e} t={t} />,
        }))}
      />
    </Card>
  );
}

import { Button, Descriptions, Drawer, Space } from 'antd';
import { Link } from 'react-router';
import type { Reminder } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
import { useCan } from '@/app/session';
import { activityTypeName } from '@/features/care/catalogue';
import { label } from '@/features/programmes/labels';
import { formatTime } from '@/features/users/format';
import { useReminder } from './api';
import { isOpen, KindTag, OccursOn, StatusTag } from './labels';
import type { ReminderAct } from './ReminderModals';

/**
 * One reminder, opened from a notification (/reminders?id=…) or the list: what it is about, where it
 * stands, and the three things an officer can do with it.
 */
export function ReminderDrawer({
  id,
  onClose,
  onAct,
}: {
  id: string;
  onClose: () => void;
  onAct: (act: ReminderAct, reminder: Reminder) => void;
}) {
  const { t, lang } = useI18n();
  const can = useCan();
  const reminder = useReminder(id);
  const r = reminder.data;

  return (
    <Drawer
      open
      size={560}
      title={r?.title ?? t('reminder.detail.title')}
      onClose={onClose}
      extra={
        r &&
        isOpen(r) &&
        can('reminder.act') && (
          <Space>
            <Button onClick={() => onAct('snooze', r)}>{t('reminder.act.snooze')}</Button>
            <Button onClick={() => onAct('dismiss', r)}>{t('reminder.act.dismiss')}</Button>
            <Button type="primary" onClick={() => onAct('done', r)}>
              {t('reminder.act.done')}
            </Button>
          </Space>
        )
      }
    >
      {!reminder.isSuccess || !r ? (
        <RecordNotLoaded
          query={reminder}
          notFound={t('reminder.notFound')}
          back={<Button onClick={onClose}>{t('common.close')}</Button>}
        />
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('reminder.kind')}>
            <KindTag kind={r.kind} t={t} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reminder.status')}>
            <StatusTag reminder={r} t={t} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reminder.occursOn')}>
            <OccursOn reminder={r} t={t} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reminder.dueOn')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('reminder.org')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('reminder.audience')}>
            {r.audience === 'case_handler'
              ? t('reminder.audience.caseHandler')
              : label(t, 'audience', r.audience)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reminder.activity')}>
            {r.activityType ? activityTypeName(lang, r.activityType) : '—'}
          </Descriptions.Item>
          {r.teacherId && can('teacher.read') && (
            <Descriptions.Item label={t('reminder.teacher')}>
              <Link to={`/teachers/${r.teacherId}`}>{t('reminder.detail.openTeacher')}</Link>
            </Descriptions.Item>
          )}
          {r.status === 'dismissed' && (
            <Descriptions.Item label={t('reminder.dismiss.reason')}>
              {r.dismissReason ?? '—'}
            </Descriptions.Item>
          )}
          {r.careRecordId && (
            <Descriptions.Item label={t('reminder.careRecord')}>
              <Link to={`/care/${r.careRecordId}`}>{t('reminder.detail.openCare')}</Link>
            </Descriptions.Item>
          )}
          {r.resolvedAt && (
            <Descriptions.Item label={t('reminder.resolvedAt')}>{formatTime(r.resolvedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}

import { useState } from 'react';
import { App, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTime } from '@/features/users/format';
import { readAllNotifications, readNotification, useNotifications, useUnreadCount } from './api';

const LATEST = 8;

/** Opens a notification: marks it read and goes where it points (a reminder: /reminders?id=…). */
export function useOpenNotification() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return async (n: Notification) => {
    if (!n.read) await readNotification(n.id).catch((err: unknown) => message.error(errorMessage(err)));
    navigate(n.link ?? '/notifications');
  };
}

/** The header's bell: the unread count, and the latest notifications one click away. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      content={<Latest onDone={() => setOpen(false)} unread={count} />}
    >
      <Button
        type="text"
        aria-label={count > 0 ? t('notify.bellUnread', { n: count }) : t('notify.bell')}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}

function Latest({ onDone, unread }: { onDone: () => void; unread: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const latest = useNotifications({ page: 1, pageSize: LATEST });
  const openOne = useOpenNotification();
  const [busy, setBusy] = useState(false);

  const readAll = async () => {
    setBusy(true);
    try {
      await readAllNotifications();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const items = latest.data?.items ?? [];
  return (
    <section aria-label={t('notify.latest')} className="notify-popover">
      <Flex justify="space-between" align="center" className="notify-popover-head">
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={busy} onClick={readAll}>
          {t('notify.readAll')}
        </Button>
      </Flex>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : latest.isError ? (
        <Typography.Text type="danger">{errorMessage(latest.error)}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <ul className="notify-list" aria-label={t('notify.latest')}>
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.read ? 'notify-item' : 'notify-item notify-unread'}
                onClick={() => {
                  onDone();
                  void openOne(n);
                }}
              >
                <Typography.Text strong={!n.read} ellipsis className="notify-item-title">
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" className="notify-item-meta">
                  {n.body ? `${n.body} · ` : ''}
                  {formatTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="notify-popover-foot">
        <Link to="/notifications" onClick={onDone}>
          {t('notify.viewAll')}
        </Link>
      </div>
    </section>
  );
}

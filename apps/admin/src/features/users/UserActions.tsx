import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import type { User } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { isLocked, resetPassword, runUserCommand, type UserCommand } from './api';
import { showTemporaryPassword } from './temporaryPassword';
import { UserFormModal } from './UserFormModal';

const DONE: Record<UserCommand, 'users.disabledOk' | 'users.enabledOk' | 'users.unlockedOk'> = {
  disable: 'users.disabledOk',
  enable: 'users.enabledOk',
  unlock: 'users.unlockedOk',
};

/** Edit, disable/enable, unlock and reset password for one user (a table row or the detail page). */
export function UserActions({ user, size = 'small' }: { user: User; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const link = size === 'small' ? ('link' as const) : ('default' as const);

  const run = async (command: UserCommand) => {
    try {
      await runUserCommand(user, command);
      message.success(t(DONE[command]));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const reset = async () => {
    try {
      const res = await resetPassword(user);
      if (res.temporaryPassword) showTemporaryPassword(modal, t, res.user.displayName, res.temporaryPassword);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const confirm = { okText: t('common.ok'), cancelText: t('common.cancel') };

  return (
    <Space size={size === 'small' ? 0 : 8} wrap>
      <Button type={link} size={size} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      {user.id === me.id ? null : user.status === 'active' ? (
        <Popconfirm title={t('users.disableConfirm')} onConfirm={() => run('disable')} {...confirm}>
          <Button type={link} size={size} danger>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type={link} size={size} onClick={() => run('enable')}>
          {t('users.enable')}
        </Button>
      )}
      {isLocked(user) && (
        <Button type={link} size={size} onClick={() => run('unlock')}>
          {t('users.unlock')}
        </Button>
      )}
      <Popconfirm title={t('users.resetConfirm')} onConfirm={reset} {...confirm}>
        <Button type={link} size={size}>
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
      {editing && <UserFormModal user={user} onClose={() => setEditing(false)} />}
    </Space>
  );
}

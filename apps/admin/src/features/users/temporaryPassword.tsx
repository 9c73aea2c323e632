import { type App, Typography } from 'antd';
import type { Translate } from '@/app/i18n/lang';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/** The server shows a generated password once; so do we, with a copy button, then it is gone. */
export function showTemporaryPassword(modal: ModalApi, t: Translate, name: string, password: string) {
  modal.info({
    title: t('users.tempPasswordTitle'),
    okText: t('common.close'),
    width: 460,
    content: (
      <>
        <Typography.Paragraph>{t('users.tempPasswordHint', { name })}</Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 18 }} aria-label={t('users.tempPasswordTitle')}>
          {password}
        </Typography.Text>
      </>
    ),
  });
}

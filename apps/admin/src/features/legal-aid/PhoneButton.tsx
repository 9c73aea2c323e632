import { useState } from 'react';
import { App, Button } from 'antd';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { fetchProviderPhone } from './api';

/**
 * 查看电话: the full number of a roster entry, fetched only when asked (each read is in the audit log).
 * `serving`: a case handler reading an entry that serves their union, rather than its keeper.
 */
export function PhoneButton({ id, name, serving }: { id: string; name: string; serving: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    try {
      const phone = await fetchProviderPhone(id, serving);
      modal.info({
        title: t('legalAid.phoneShown', { name }),
        content: (
          <>
            <p style={{ fontSize: 18, margin: '8px 0' }}>{phone ?? t('legalAid.phoneNone')}</p>
            <p style={{ color: 'rgba(0,0,0,0.45)', margin: 0 }}>{t('legalAid.phoneAudited')}</p>
          </>
        ),
        okText: t('common.close'),
      });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" loading={busy} onClick={() => void show()} style={{ padding: 0 }}>
      {t('legalAid.phoneShow')}
    </Button>
  );
}

import type { App } from 'antd';
import type { Translate } from '@/app/i18n/lang';
import { reloadTeacher } from './api';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * 409 STALE_VERSION: someone saved the record after it was loaded. Say so and offer to reload it; after
 * the reload `after` closes the form or dialog that held the stale version (cancel keeps it, to copy from).
 */
export function confirmStale(modal: ModalApi, t: Translate, teacherId: string, after: () => void): void {
  modal.confirm({
    title: t('teachers.stale'),
    content: t('teachers.staleHint'),
    okText: t('teachers.reload'),
    cancelText: t('common.cancel'),
    onOk: async () => {
      await reloadTeacher(teacherId);
      after();
    },
  });
}

import { App, Card, Form, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PlatformSettings } from '@guanai/contracts';
import { api } from '@/app/api/client';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { queryClient } from '@/app/queryClient';

const KEY = ['platform-settings'] as const;

export function PlatformSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<PlatformSettings>('/platform-settings'),
  });
  const save = useMutation({
    mutationFn: (body: PlatformSettings) => api.put<PlatformSettings>('/platform-settings', body),
    onSuccess: (data) => {
      queryClient.setQueryData(KEY, data);
      message.success(t('common.saved'));
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  return (
    <Card title={t('settings.title')}>
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Typography.Text type="danger">{errorMessage(settings.error)}</Typography.Text>
      ) : (
        <Form layout="vertical">
          <Form.Item
            label={t('settings.requireAdminMfa')}
            htmlFor="requireAdminMfa"
            extra={t('settings.requireAdminMfaHint')}
          >
            <Switch
              id="requireAdminMfa"
              checked={settings.data.requireAdminMfa}
              loading={save.isPending}
              onChange={(requireAdminMfa) => save.mutate({ requireAdminMfa })}
            />
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}

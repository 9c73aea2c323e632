import type { ReactNode } from 'react';
import { Result, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, errorMessage } from './api/problem';
import { useI18n } from './i18n/I18nProvider';

/**
 * What a record's page shows while it has no record: a spinner while it loads, 404 when the record is
 * missing, the failure otherwise; `back` leads away. Use: `if (!q.isSuccess) return <RecordNotLoaded …/>`.
 */
export function RecordNotLoaded({
  query,
  notFound,
  notFoundHint,
  back,
}: {
  query: UseQueryResult<unknown>;
  notFound: string;
  notFoundHint?: string;
  back: ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <Spin />;
  // Out of scope answers 404 like a missing record, so nobody learns what exists elsewhere.
  const missing = query.error instanceof ApiError && [400, 403, 404].includes(query.error.status);
  return missing ? (
    <Result status="404" title={notFound} subTitle={notFoundHint} extra={back} />
  ) : (
    <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(query.error)} extra={back} />
  );
}

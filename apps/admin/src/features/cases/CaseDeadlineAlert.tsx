import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCases } from './api';

/** How many of the union's open cases have a deadline gone by, and how many one within the week. */
const WEEK = 7;

/**
 * The union dashboard's flag for dispute deadlines (issue 6): a passed deadline is shown red with a
 * link to those cases, one due within the week orange. Nothing when all is in time. For those who may
 * read cases; the counts come from the list's own filters (next_due_on), so they agree with it.
 */
export function CaseDeadlineAlert() {
  const { t } = useI18n();
  const overdue = useCases({ overdue: true, page: 1, pageSize: 1 });
  const soon = useCases({ overdue: false, deadlineWithinDays: WEEK, page: 1, pageSize: 1 });
  const late = overdue.data?.total ?? 0;
  const due = soon.data?.total ?? 0;
  if (late === 0 && due === 0) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} aria-label={t('case.alert.label')}>
      {late > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('case.alert.overdue', { n: late })}
          action={<Link to="/cases?overdue=true">{t('case.alert.view')}</Link>}
        />
      )}
      {due > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('case.alert.soon', { n: due, days: WEEK })}
          action={<Link to={`/cases?overdue=false&deadlineWithinDays=${WEEK}`}>{t('case.alert.view')}</Link>}
        />
      )}
    </Space>
  );
}

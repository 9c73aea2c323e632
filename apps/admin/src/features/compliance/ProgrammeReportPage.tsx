import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useAdoptedProgramme } from '@/features/care/api';
import { useComplianceReport } from './api';
import { useOnParam, ReportToolbar } from './ComplianceDashboardPage';
import { ComplianceReportView } from './ComplianceReportView';
import { lastOverviewUrl } from './ProvinceOverview';

/** One tenant's report, opened from the province's overview (GET /v1/compliance?programme=…). */
export function ProgrammeReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [on, setOn] = useOnParam();
  const programme = useAdoptedProgramme(id);
  const report = useComplianceReport({ programme: id, on });
  const back = <Button onClick={() => navigate(lastOverviewUrl())}>{t('compliance.backToOverview')}</Button>;

  if (report.isPending) return <Spin />;
  if (report.isError)
    return (
      <Result
        status="error"
        title={t('compliance.loadFailed')}
        subTitle={errorMessage(report.error)}
        extra={back}
      />
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8} wrap>
            <span>{report.data.orgName}</span>
            {programme.data && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {programme.data.templateName}（{programme.data.year}）
              </Typography.Text>
            )}
          </Space>
        }
        extra={back}
      >
        <ReportToolbar
          programme={id}
          on={on}
          onChangeOn={setOn}
          computedAt={report.data.computedAt}
          onRefresh={() => void report.refetch()}
          refreshing={report.isFetching}
        />
      </Card>
      <ComplianceReportView report={report.data} programme={programme.data} />
    </Space>
  );
}

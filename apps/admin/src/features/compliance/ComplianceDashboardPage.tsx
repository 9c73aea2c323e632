import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Result, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { IsoDate } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { useAdoptedProgramme, useAdoptedProgrammes } from '@/features/care/api';
import { formatTime } from '@/features/users/format';
import { exportCompliance, useComplianceReport } from './api';
import { ComplianceReportView } from './ComplianceReportView';
import { ProvinceOverview } from './ProvinceOverview';
import { useCan } from '@/app/session';
import { CaseDeadlineAlert } from '@/features/cases/CaseDeadlineAlert';

const DATE = 'YYYY-MM-DD';

/** 达标看板: a tenant's own report; above the tenants (the province), every tenant side by side. */
export function ComplianceDashboardPage() {
  const me = useCurrentUser();
  return me.tenant ? <TenantDashboard /> : <ProvinceOverview />;
}

/** The `on` day of the URL, if it is a day. */
export function useOnParam(): [string | undefined, (on: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('on');
  const on = raw && IsoDate.safeParse(raw).success ? raw : undefined;
  const set = (next: string | undefined) => {
    const p = new URLSearchParams(params);
    if (next) p.set('on', next);
    else p.delete('on');
    setParams(p);
  };
  return [on, set];
}

/**
 * The report's controls: the day whose periods are counted, reload, export. The day and the programme
 * live in the URL, so a refreshed or shared page shows the same report.
 */
export function ReportToolbar({
  programme,
  on,
  onChangeOn,
  computedAt,
  onRefresh,
  refreshing,
  children,
}: {
  programme: string;
  on: string | undefined;
  onChangeOn: (on: string | undefined) => void;
  computedAt?: string;
  onRefresh: () => void;
  refreshing: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await exportCompliance({ programme, on });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="page-toolbar">
      <Space wrap>
        {children}
        <Space size={6}>
          <Typography.Text id="compliance-on-label">{t('compliance.on')}</Typography.Text>
          <DatePicker
            aria-labelledby="compliance-on-label"
            format={DATE}
            value={dayjs(on ?? undefined)}
            allowClear={false}
            onChange={(d) => onChangeOn(d && !d.isSame(dayjs(), 'day') ? d.format(DATE) : undefined)}
          />
        </Space>
        <Button icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh}>
          {t('compliance.refresh')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {exporting ? t('compliance.exporting') : t('compliance.export')}
        </Button>
      </Space>
      {computedAt && (
        <Typography.Text type="secondary">
          {t('compliance.computedAt', { time: formatTime(computedAt) })}
        </Typography.Text>
      )}
    </div>
  );
}

function TenantDashboard() {
  const { t } = useI18n();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [on, setOn] = useOnParam();
  const programmes = useAdoptedProgrammes();
  const list = programmes.data ?? [];
  const asked = params.get('programme');
  // Default: a programme of this year, else the latest year's.
  const thisYear = dayjs().year();
  const fallback = list.find((p) => p.year === thisYear) ?? [...list].sort((a, b) => b.year - a.year)[0];
  const selected = asked && list.some((p) => p.id === asked) ? asked : fallback?.id;
  const programme = useAdoptedProgramme(selected);
  const report = useComplianceReport(selected ? { programme: selected, on } : null);

  // Say which programme is shown in the URL, so a refresh keeps it.
  useEffect(() => {
    if (selected && asked !== selected) {
      const p = new URLSearchParams(params);
      p.set('programme', selected);
      setParams(p, { replace: true });
    }
  }, [selected, asked, params, setParams]);

  if (programmes.isPending) return <Spin />;
  if (programmes.isError)
    return <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(programmes.error)} />;
  // Dispute deadlines gone by are the union's to see whatever its programmes (issue 6).
  const caseAlert = can('case.read') && <CaseDeadlineAlert />;
  if (list.length === 0)
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {caseAlert}
        <Card title={t('compliance.title')}>
          <Result
            status="info"
            title={t('compliance.noProgramme')}
            subTitle={t('compliance.noProgrammeHint')}
          />
        </Card>
      </Space>
    );

  const choose = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('programme', id);
    setParams(p);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {caseAlert}
      <Card title={t('compliance.title')}>
        <ReportToolbar
          programme={selected!}
          on={on}
          onChangeOn={setOn}
          computedAt={report.data?.computedAt}
          onRefresh={() => void report.refetch()}
          refreshing={report.isFetching}
        >
          <Space size={6}>
            <Typography.Text id="compliance-programme-label">{t('compliance.programme')}</Typography.Text>
            <Select
              aria-labelledby="compliance-programme-label"
              style={{ minWidth: 280 }}
              value={selected}
              onChange={choose}
              placeholder={t('compliance.programmePlaceholder')}
              options={list.map((p) => ({ value: p.id, label: `${p.templateName}（${p.year}）` }))}
            />
          </Space>
        </ReportToolbar>
        <Typography.Text type="secondary">{t('compliance.onHint')}</Typography.Text>
      </Card>
      {report.isError ? (
        <Result status="error" title={t('compliance.loadFailed')} subTitle={errorMessage(report.error)} />
      ) : report.data ? (
        <ComplianceReportView report={report.data} programme={programme.data} />
      ) : (
        <Spin />
      )}
    </Space>
  );
}

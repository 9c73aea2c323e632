import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import {
  CASE_REPORT_STAGES,
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_STATES,
  DISPUTE_CATEGORIES,
  Id,
  IsoDate,
  type CaseFigures,
  type CaseReport,
  type CaseReportStage,
} from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import { formatFen } from '@/features/care/money';
import { formatTime } from '@/features/users/format';
import { exportCaseReport, useCaseReport, type CaseReportQuery } from './api';
import { CountChart } from './charts';

const DATE = 'YYYY-MM-DD';
const ENDED = ['closed', 'declined', 'withdrawn'] as const;

type TenantRow = CaseReport['byTenant'][number];

/** The query in the URL (range and union), so a refreshed or shared page shows the same report. */
function useReportQuery(): [CaseReportQuery, (next: CaseReportQuery) => void] {
  const [params, setParams] = useSearchParams();
  const day = (k: string) => {
    const v = params.get(k);
    return v && IsoDate.safeParse(v).success ? v : undefined;
  };
  const org = params.get('orgId');
  let from = day('from');
  let to = day('to');
  if (from && to && from > to) [from, to] = [to, from];
  const query = { from, to, orgId: org && Id.safeParse(org).success ? org : undefined };
  const set = (next: CaseReportQuery) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  return [query, set];
}

const openCases = (f: CaseFigures) => f.cases - ENDED.reduce((n, s) => n + f.byState[s], 0);
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

/**
 * 维权案件统计: the cases a union took in over a range, in figures (by category, state and outcome,
 * days per stage, amounts, deadlines missed); above the unions (the province), all of them summed with
 * each union beside it, or one picked. Figures only: the API never sends a case or a teacher here.
 */
export function CaseReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useReportQuery();
  const report = useCaseReport(query);
  const [exporting, setExporting] = useState(false);
  const data = report.data;
  // A union's own officers see one union: no picker and no breakdown.
  const many = (data?.tenants.length ?? 0) > 1;

  const onExport = async () => {
    setExporting(true);
    try {
      await exportCaseReport(query);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('caseReports.title')}>
        <div className="page-toolbar">
          <Space wrap>
            <Space size={6}>
              <Typography.Text id="case-reports-range-label">{t('caseReports.range')}</Typography.Text>
              <DatePicker.RangePicker
                aria-labelledby="case-reports-range-label"
                format={DATE}
                allowClear={false}
                value={
                  query.from && query.to
                    ? [dayjs(query.from), dayjs(query.to)]
                    : data
                      ? [dayjs(data.from), dayjs(data.to)]
                      : undefined
                }
                onChange={(d) =>
                  d?.[0] && d[1] && setQuery({ ...query, from: d[0].format(DATE), to: d[1].format(DATE) })
                }
              />
            </Space>
            {many && (
              <Space size={6}>
                <Typography.Text id="case-reports-tenant-label">{t('caseReports.tenant')}</Typography.Text>
                <Select
                  aria-labelledby="case-reports-tenant-label"
                  style={{ minWidth: 240 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={query.orgId ?? ''}
                  onChange={(v: string) => setQuery({ ...query, orgId: v || undefined })}
                  options={[
                    { value: '', label: t('caseReports.allTenants') },
                    ...(data?.tenants ?? []).map((x) => ({ value: x.orgId, label: x.orgName })),
                  ]}
                />
              </Space>
            )}
            <Button
              icon={<ReloadOutlined />}
              loading={report.isFetching}
              onClick={() => void report.refetch()}
            >
              {t('caseReports.refresh')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} disabled={!data}>
              {exporting ? t('caseReports.exporting') : t('caseReports.export')}
            </Button>
          </Space>
          {data && (
            <Typography.Text type="secondary">
              {t('caseReports.computedAt', { time: formatTime(data.computedAt) })}
            </Typography.Text>
          )}
        </div>
        <Typography.Text type="secondary">{t('caseReports.rangeHint')}</Typography.Text>
      </Card>
      {report.isError ? (
        <Result status="error" title={t('caseReports.loadFailed')} subTitle={errorMessage(report.error)} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Summary figures={data.totals} today={data.today} t={t} />
          {data.totals.cases === 0 ? (
            <Card>
              <Empty description={t('caseReports.empty')} />
            </Card>
          ) : (
            <Breakdowns figures={data.totals} t={t} />
          )}
          {many && data.byTenant.length > 1 && (
            <TenantTable rows={data.byTenant} t={t} onPick={(orgId) => setQuery({ ...query, orgId })} />
          )}
        </>
      )}
    </Space>
  );
}

function Summary({ figures: f, today, t }: { figures: CaseFigures; today: string; t: Translate }) {
  const m = f.missed;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic title={t('caseReports.cases')} value={f.cases} />
          <Typography.Text type="secondary">
            {t('caseReports.openCases', { n: openCases(f) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic title={t('caseReports.claimed')} value={formatFen(f.claimedFen)} />
          <Typography.Text type="secondary">&nbsp;</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic title={t('caseReports.recovered')} value={formatFen(f.recoveredFen)} />
          <Typography.Text type="secondary">
            {f.closedClaimedFen > 0
              ? t('caseReports.recoveryRate', { rate: percent(f.recoveredFen, f.closedClaimedFen) })
              : t('caseReports.recoveryNone')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Space size={24} align="start">
            <Tooltip title={t('caseReports.overdueHint', { today })}>
              <Statistic
                title={t('caseReports.overdue')}
                value={f.overdue}
                styles={{ content: { color: f.overdue > 0 ? '#f5222d' : undefined } }}
              />
            </Tooltip>
            <Tooltip title={t('caseReports.missedHint')}>
              <Statistic
                title={t('caseReports.missed')}
                value={m.cases}
                styles={{ content: { color: m.cases > 0 ? '#fa8c16' : undefined } }}
              />
            </Tooltip>
          </Space>
          <Typography.Text type="secondary">
            {t('caseReports.missedDetail', {
              mediation: m.mediation,
              limitation: m.limitation,
              award: m.award,
            })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function Breakdowns({ figures: f, t }: { figures: CaseFigures; t: Translate }) {
  const bars = <K extends string>(keys: readonly K[], values: Record<K, number>, label: (k: K) => string) =>
    keys.map((k) => ({ label: label(k), value: values[k] }));
  const days = (v: number | null) => (v === null ? t('caseReports.noData') : v.toFixed(1));
  const stageRows = CASE_REPORT_STAGES.map((s) => ({ key: s, ...f.stages[s] }));
  const stageColumns: TableProps<(typeof stageRows)[number]>['columns'] = [
    {
      title: t('caseReports.stage'),
      key: 'stage',
      render: (_, r) => t(`caseReports.stage.${r.key as CaseReportStage}`),
    },
    { title: t('caseReports.stageCases'), dataIndex: 'cases', align: 'right' },
    {
      title: t('caseReports.averageDays'),
      key: 'avg',
      align: 'right',
      render: (_, r) => days(r.averageDays),
    },
    {
      title: t('caseReports.medianDays'),
      key: 'median',
      align: 'right',
      render: (_, r) => days(r.medianDays),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('caseReports.byCategory')}>
          <CountChart
            name={t('caseReports.count')}
            items={bars(DISPUTE_CATEGORIES, f.byCategory, (k) => t(`caseReports.category.${k}`))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('caseReports.byState')}>
          <CountChart
            name={t('caseReports.count')}
            items={bars(DISPUTE_CASE_STATES, f.byState, (k) => t(`caseReports.state.${k}`))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('caseReports.byOutcome')}>
          <CountChart
            name={t('caseReports.count')}
            items={bars(DISPUTE_CASE_OUTCOMES, f.byOutcome, (k) => t(`caseReports.outcome.${k}`))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('caseReports.stages')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            columns={stageColumns}
            dataSource={stageRows}
            aria-label={t('caseReports.stages')}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('caseReports.stagesHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

function TenantTable({
  rows,
  t,
  onPick,
}: {
  rows: TenantRow[];
  t: Translate;
  onPick: (orgId: string) => void;
}) {
  const columns: TableProps<TenantRow>['columns'] = [
    {
      title: t('caseReports.tenant'),
      key: 'org',
      fixed: 'start',
      render: (_, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onPick(r.orgId)}>
          {r.orgName}
        </Button>
      ),
    },
    {
      title: t('caseReports.cases'),
      dataIndex: 'cases',
      align: 'right',
      sorter: (a, b) => a.cases - b.cases,
    },
    {
      title: t('caseReports.closedCases'),
      key: 'closed',
      align: 'right',
      render: (_, r) => r.byState.closed,
    },
    {
      title: t('caseReports.claimed'),
      key: 'claimed',
      align: 'right',
      sorter: (a, b) => a.claimedFen - b.claimedFen,
      render: (_, r) => formatFen(r.claimedFen),
    },
    {
      title: t('caseReports.recovered'),
      key: 'recovered',
      align: 'right',
      sorter: (a, b) => a.recoveredFen - b.recoveredFen,
      render: (_, r) => formatFen(r.recoveredFen),
    },
    {
      title: t('caseReports.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      sorter: (a, b) => a.overdue - b.overdue,
    },
    {
      title: t('caseReports.missed'),
      key: 'missed',
      align: 'right',
      sorter: (a, b) => a.missed.cases - b.missed.cases,
      render: (_, r) => r.missed.cases,
    },
    {
      title: t('caseReports.medianToClose'),
      key: 'days',
      align: 'right',
      render: (_, r) => r.stages.intake_to_close.medianDays?.toFixed(1) ?? t('caseReports.noData'),
    },
  ];
  return (
    <Card title={t('caseReports.byTenant')}>
      <Table<TenantRow>
        rowKey="orgId"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        aria-label={t('caseReports.byTenant')}
      />
    </Card>
  );
}

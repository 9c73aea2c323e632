import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import type {
  ActivityTypeCode,
  ComplianceReport,
  IndicatorResult,
  Programme,
  UnitResult,
} from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import { SpendingChart } from './charts';
import { GapsDrawer, type GapsTarget } from './GapsDrawer';
import { STATUS_COLOR, StatusTag, statusName } from './status';
import { formatShortfall, formatValue, periodName } from './values';
import type { ComplianceStatus } from '@guanai/contracts';

/** The activity types an indicator counts, read from the programme's document (the report omits them). */
export function indicatorTypes(programme: Programme | undefined, ind: IndicatorResult): ActivityTypeCode[] {
  const measure = programme?.document.areas.flatMap((a) => a.measures).find((m) => m.key === ind.measureKey);
  return measure?.indicators.find((i) => i.key === ind.key)?.activityTypes ?? [];
}

/** One value as a cell shows it: "2 次", "66.67%（共 3 人）", "1,200.00 元". */
function ValueText({
  t,
  ind,
  value,
  denominator,
}: {
  t: Translate;
  ind: IndicatorResult;
  value: number;
  denominator: number | null;
}) {
  return (
    <Typography.Text style={{ whiteSpace: 'nowrap' }}>
      {formatValue(t, ind.kind, value)}
      {denominator !== null && ind.kind !== 'activity_count' && ind.kind !== 'amount' && (
        <Typography.Text type="secondary">{t('compliance.coverageOf', { n: denominator })}</Typography.Text>
      )}
    </Typography.Text>
  );
}

export function StatusLegend({ t }: { t: Translate }) {
  return (
    <Space size={12} wrap aria-label={t('compliance.legend')}>
      {(['met', 'on_track', 'at_risk', 'missed'] as ComplianceStatus[]).map((s) => (
        <Space key={s} size={4}>
          <span className="status-dot" style={{ background: STATUS_COLOR[s] }} />
          <Typography.Text type="secondary">{statusName(t, s)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

interface SchoolRow {
  orgId: string;
  orgName: string;
  cells: Map<string, UnitResult>;
}

/**
 * A tenant's report: schools × indicators with a status in each cell, the tenant-level indicators as
 * cards, and spending by measure against the budget. Every result opens the gaps behind it.
 */
export function ComplianceReportView({
  report,
  programme,
}: {
  report: ComplianceReport;
  programme: Programme | undefined;
}) {
  const { t } = useI18n();
  const [gaps, setGaps] = useState<GapsTarget | null>(null);
  const schoolLevel = report.indicators.filter((i) => i.level === 'school');
  const tenantLevel = report.indicators.filter((i) => i.level === 'tenant');

  const rows = useMemo(() => {
    const byOrg = new Map<string, SchoolRow>();
    for (const ind of schoolLevel) {
      for (const u of ind.units) {
        const row = byOrg.get(u.orgId) ?? { orgId: u.orgId, orgName: u.orgName, cells: new Map() };
        row.cells.set(ind.key, u);
        byOrg.set(u.orgId, row);
      }
    }
    return [...byOrg.values()].sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
  }, [schoolLevel]);

  const open = (ind: IndicatorResult, unit?: { orgId: string; orgName: string }) =>
    setGaps({ indicator: ind, unit, activityTypes: indicatorTypes(programme, ind) });

  const columns: TableProps<SchoolRow>['columns'] = [
    {
      title: t('compliance.school'),
      key: 'school',
      fixed: 'start',
      width: 200,
      render: (_, r) => <Typography.Text strong>{r.orgName}</Typography.Text>,
    },
    ...schoolLevel.map((ind) => ({
      key: ind.key,
      width: 170,
      title: (
        <Tooltip
          title={`${ind.measureClause} ${ind.measureTitle} · ${periodName(t, ind.period.key)}（${ind.period.from} ~ ${ind.period.to}）`}
        >
          <Space orientation="vertical" size={2}>
            <Space size={6}>
              <span>{ind.name}</span>
              <StatusTag status={ind.status} t={t} />
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('compliance.target')} {formatValue(t, ind.kind, ind.target)} ·{' '}
              {periodName(t, ind.period.key)}
            </Typography.Text>
          </Space>
        </Tooltip>
      ),
      render: (_: unknown, r: SchoolRow) => {
        const u = r.cells.get(ind.key);
        if (!u) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <button
            type="button"
            className={`status-cell status-${u.status}`}
            aria-label={`${r.orgName} · ${ind.name}：${statusName(t, u.status)} ${formatValue(t, ind.kind, u.value)}`}
            title={t('compliance.drill')}
            onClick={() => open(ind, { orgId: r.orgId, orgName: r.orgName })}
          >
            <StatusTag status={u.status} t={t} />
            <ValueText t={t} ind={ind} value={u.value} denominator={u.denominator} />
          </button>
        );
      },
    })),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('compliance.schoolGrid')} extra={<StatusLegend t={t} />}>
        {schoolLevel.length === 0 ? (
          <Empty description={t('compliance.schoolGridEmpty')} />
        ) : (
          <Table<SchoolRow>
            rowKey="orgId"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            aria-label={t('compliance.schoolGrid')}
          />
        )}
      </Card>

      <Card title={t('compliance.tenantIndicators')}>
        {tenantLevel.length === 0 ? (
          <Empty description={t('compliance.tenantIndicatorsEmpty')} />
        ) : (
          <Row gutter={[16, 16]}>
            {tenantLevel.map((ind) => (
              <Col key={ind.key} xs={24} sm={12} xl={8} xxl={6}>
                <button
                  type="button"
                  className={`status-card status-${ind.status}`}
                  aria-label={`${ind.name}：${statusName(t, ind.status)} ${formatValue(t, ind.kind, ind.value)}`}
                  onClick={() => open(ind)}
                >
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                      <Typography.Text strong>{ind.name}</Typography.Text>
                      <StatusTag status={ind.status} t={t} />
                    </Space>
                    <Typography.Title level={3} style={{ margin: 0 }}>
                      <ValueText t={t} ind={ind} value={ind.value} denominator={ind.denominator} />
                    </Typography.Title>
                    <Typography.Text type="secondary">
                      {t('compliance.target')} {formatValue(t, ind.kind, ind.target)}
                      {ind.shortfall > 0 ? ` · ${formatShortfall(t, ind.kind, ind.shortfall)}` : ''}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {ind.measureClause} {ind.measureTitle} · {periodName(t, ind.period.key)}
                    </Typography.Text>
                  </Space>
                </button>
              </Col>
            ))}
          </Row>
        )}
      </Card>

      <Card title={t('compliance.spending')}>
        {report.spending.some((s) => s.budgetFen > 0 || s.spentFen > 0) ? (
          <SpendingChart spending={report.spending} t={t} />
        ) : (
          <Empty description={t('compliance.spendingEmpty')} />
        )}
      </Card>

      {gaps && (
        <GapsDrawer target={gaps} report={report} programme={programme} onClose={() => setGaps(null)} />
      )}
    </Space>
  );
}

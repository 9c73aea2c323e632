import { useEffect } from 'react';
import {
  Button,
  Card,
  Empty,
  InputNumber,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import type { ComplianceOverview } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatFen } from '@/features/care/money';
import { formatTime } from '@/features/users/format';
import { useComplianceOverview, useTemplates } from './api';
import { AreaSpendingChart } from './charts';
import { StatusLegend } from './ComplianceReportView';
import { StatusTag, statusName } from './status';
import { formatValue } from './values';

type Tenant = ComplianceOverview['tenants'][number];

let lastSearch = '';

/** The overview as the person last saw it (template, year), for a tenant report's way back. */
export const lastOverviewUrl = () => (lastSearch ? `/compliance?${lastSearch}` : '/compliance');

/**
 * 全省达标总览: for a template and a year, each tenant's status on every indicator, and its spending
 * stacked by area. A tenant opens its own report.
 */
export function ProvinceOverview() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  lastSearch = params.toString();
  const templates = useTemplates();
  const list = templates.data ?? [];
  const asked = params.get('template');
  const template = asked && list.some((x) => x.id === asked) ? asked : list[0]?.id;
  const yearParam = Number(params.get('year'));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : dayjs().year();
  const overview = useComplianceOverview(template ? { template, year } : null);

  useEffect(() => {
    if (template && asked !== template) {
      const p = new URLSearchParams(params);
      p.set('template', template);
      setParams(p, { replace: true });
    }
  }, [template, asked, params, setParams]);

  const set = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    p.set(key, value);
    setParams(p);
  };
  const openTenant = (x: Tenant) => {
    if (x.programmeId) navigate(`/compliance/programmes/${x.programmeId}?on=${overview.data?.on ?? ''}`);
  };

  if (templates.isPending) return <Spin />;
  if (templates.isError)
    return <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(templates.error)} />;

  const data = overview.data;
  const columns: TableProps<Tenant>['columns'] = [
    {
      title: t('compliance.tenant'),
      key: 'tenant',
      fixed: 'start',
      width: 200,
      render: (_, x) =>
        x.programmeId ? (
          <Space orientation="vertical" size={0}>
            <Button type="link" style={{ padding: 0 }} onClick={() => openTenant(x)}>
              {x.orgName}
            </Button>
            {/* Results are stored by a refresh job a minute or so after care is recorded. */}
            {!x.computedAt && (
              <Typography.Text type="secondary">{t('compliance.notComputed')}</Typography.Text>
            )}
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{x.orgName}</Typography.Text>
            <Typography.Text type="secondary">{t('compliance.notAdopted')}</Typography.Text>
          </Space>
        ),
    },
    ...(data?.indicators ?? []).map((ind) => ({
      key: ind.key,
      width: 150,
      title: (
        <Tooltip title={ind.measureClause}>
          <span>{ind.name}</span>
        </Tooltip>
      ),
      render: (_: unknown, x: Tenant) => {
        const r = x.results[ind.key];
        if (!r) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <button
            type="button"
            className={`status-cell status-${r.status}`}
            aria-label={`${x.orgName} · ${ind.name}：${statusName(t, r.status)} ${formatValue(t, ind.kind, r.value)}`}
            onClick={() => openTenant(x)}
          >
            <StatusTag status={r.status} t={t} />
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>
              {formatValue(t, ind.kind, r.value)}
            </Typography.Text>
          </button>
        );
      },
    })),
    {
      title: t('compliance.budgetSpent'),
      key: 'money',
      width: 200,
      align: 'right',
      render: (_, x) => `${formatFen(x.spentFen)} / ${formatFen(x.budgetFen)} ${t('care.yuan')}`,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('compliance.overviewTitle')}>
        <div className="page-toolbar">
          <Space wrap>
            <Space size={6}>
              <Typography.Text id="overview-template-label">{t('compliance.template')}</Typography.Text>
              <Select
                aria-labelledby="overview-template-label"
                style={{ minWidth: 260 }}
                value={template}
                placeholder={t('compliance.templatePlaceholder')}
                onChange={(v: string) => set('template', v)}
                options={list.map((x) => ({ value: x.id, label: x.name }))}
                notFoundContent={t('compliance.noTemplates')}
              />
            </Space>
            <Space size={6}>
              <Typography.Text id="overview-year-label">{t('compliance.year')}</Typography.Text>
              <InputNumber
                aria-labelledby="overview-year-label"
                min={2000}
                max={2100}
                precision={0}
                value={year}
                onChange={(v) => v && set('year', String(v))}
              />
            </Space>
            <Button
              icon={<ReloadOutlined />}
              loading={overview.isFetching}
              onClick={() => void overview.refetch()}
            >
              {t('compliance.refresh')}
            </Button>
          </Space>
          <StatusLegend t={t} />
        </div>
        {!template ? (
          <Empty description={t('compliance.noTemplates')} />
        ) : overview.isError ? (
          <Result status="error" title={t('compliance.loadFailed')} subTitle={errorMessage(overview.error)} />
        ) : (
          <Table<Tenant>
            rowKey="orgId"
            size="small"
            bordered
            loading={overview.isFetching}
            pagination={false}
            columns={columns}
            dataSource={data?.tenants}
            scroll={{ x: 'max-content' }}
            aria-label={t('compliance.tenantsMatrix')}
            footer={() =>
              data?.tenants.some((x) => x.computedAt) ? (
                <Typography.Text type="secondary">
                  {t('compliance.computedAt', {
                    time: formatTime(
                      data.tenants
                        .map((x) => x.computedAt)
                        .filter((c): c is string => !!c)
                        .sort()[0] ?? null,
                    ),
                  })}
                </Typography.Text>
              ) : null
            }
          />
        )}
      </Card>
      {data && data.tenants.length > 0 && (
        <Card title={t('compliance.spendingByArea')}>
          <AreaSpendingChart
            overview={data}
            t={t}
            onTenant={(orgId) => {
              const x = data.tenants.find((y) => y.orgId === orgId);
              if (x) openTenant(x);
            }}
          />
        </Card>
      )}
    </Space>
  );
}

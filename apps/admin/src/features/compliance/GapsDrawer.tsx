import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Result, Space, Table, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  MAX_PARTICIPANTS,
  type ActivityTypeCode,
  type ComplianceReport,
  type IndicatorResult,
  type Programme,
} from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { useCan } from '@/app/session';
import { CareEntryDrawer, type CarePrefill } from '@/features/care/CareEntryDrawer';
import { activityTypeName } from '@/features/care/catalogue';
import { fetchAllGaps, useComplianceGaps, type Gap } from './api';
import { StatusTag } from './status';
import { formatShortfall, formatValue, periodName } from './values';

export interface GapsTarget {
  indicator: IndicatorResult;
  /** A school's cell; absent: the tenant as a whole. */
  unit?: { orgId: string; orgName: string };
  activityTypes: ActivityTypeCode[];
}

/**
 * 查看差距: the schools short of a count, or the teachers not yet reached, behind one result — and from
 * a list of teachers, "为这些教师记录…" opens the quick entry form with them, the indicator's activity
 * type and its measure filled in.
 */
export function GapsDrawer({
  target,
  report,
  programme,
  onClose,
}: {
  target: GapsTarget;
  report: ComplianceReport;
  programme: Programme | undefined;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [prefill, setPrefill] = useState<CarePrefill | null>(null);
  const [loadingAll, setLoadingAll] = useState(false);
  // The report reloads after care is recorded: show the indicator as it is now.
  const ind = report.indicators.find((i) => i.key === target.indicator.key) ?? target.indicator;
  const unitResult = target.unit ? ind.units.find((u) => u.orgId === target.unit!.orgId) : undefined;
  const status = unitResult?.status ?? ind.status;
  const value = unitResult?.value ?? ind.value;
  const base = {
    programme: report.programmeId,
    on: report.on,
    indicator: ind.key,
    org: target.unit?.orgId,
  };
  const gaps = useComplianceGaps({ ...base, ...page });
  const items = gaps.data?.items ?? [];
  const total = gaps.data?.total ?? 0;
  const kind =
    items[0]?.kind ?? (ind.kind === 'activity_count' || ind.kind === 'amount' ? 'school' : 'teacher');
  const type = target.activityTypes[0];
  const canRecord = can('care.write') && type !== undefined && programme !== undefined;
  const unitName = target.unit?.orgName ?? report.orgName;

  const common = (): CarePrefill => ({
    programmeId: report.programmeId,
    measureKey: ind.measureKey,
    activityType: type,
    title: ind.name,
    source: `${ind.measureClause} ${ind.name}`,
  });

  const recordForTeachers = async () => {
    setLoadingAll(true);
    try {
      const all = await fetchAllGaps(base, MAX_PARTICIPANTS);
      setPrefill({
        ...common(),
        orgId: target.unit?.orgId ?? report.orgId,
        teachers: all.map((g) => ({ id: g.id, name: g.name, orgName: g.orgName })),
      });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setLoadingAll(false);
    }
  };

  const typeName = type ? activityTypeName(lang, type) : '';
  const columns =
    kind === 'school'
      ? [
          { title: t('compliance.gaps.school'), key: 'name', render: (_: unknown, g: Gap) => g.name },
          {
            title: t('compliance.gaps.done'),
            key: 'value',
            render: (_: unknown, g: Gap) => formatValue(t, ind.kind, g.value),
          },
          ...(canRecord
            ? [
                {
                  title: t('common.actions'),
                  key: 'record',
                  render: (_: unknown, g: Gap) => (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setPrefill({ ...common(), orgId: g.id, title: `${g.name} ${ind.name}` })}
                    >
                      {t('compliance.gaps.recordForSchool', { type: typeName })}
                    </Button>
                  ),
                },
              ]
            : []),
        ]
      : [
          {
            title: t('compliance.gaps.teacher'),
            key: 'name',
            render: (_: unknown, g: Gap) =>
              can('teacher.read') ? <Link to={`/teachers/${g.id}`}>{g.name}</Link> : g.name,
          },
          { title: t('compliance.gaps.school'), key: 'org', render: (_: unknown, g: Gap) => g.orgName },
        ];

  return (
    <Drawer
      open
      size={720}
      title={t('compliance.gaps.title', { indicator: ind.name, unit: unitName })}
      onClose={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'status', label: t('users.status'), children: <StatusTag status={status} t={t} /> },
            {
              key: 'value',
              label: t('compliance.value'),
              children: [
                `${formatValue(t, ind.kind, value)} / ${t('compliance.target')} ${formatValue(t, ind.kind, ind.target)}`,
                // The shortfall is the tenant's (summed over schools); a school's cell says its own value.
                !target.unit && ind.shortfall > 0 ? formatShortfall(t, ind.kind, ind.shortfall) : null,
              ]
                .filter(Boolean)
                .join(' · '),
            },
            {
              key: 'period',
              label: t('compliance.period'),
              children: `${periodName(t, ind.period.key)}（${ind.period.from} ~ ${ind.period.to}）`,
            },
            {
              key: 'measure',
              label: t('care.measure'),
              children: `${ind.measureClause} ${ind.measureTitle}`,
            },
          ]}
        />
        {gaps.isError ? (
          <Result status="warning" subTitle={errorMessage(gaps.error)} />
        ) : total === 0 && !gaps.isFetching ? (
          // A tenant-level count or amount has no school or teacher to list: what is owed is its shortfall.
          status === 'met' ? (
            <Result status="success" title={t('compliance.gaps.none')} />
          ) : (
            <Result
              status="warning"
              title={t('compliance.gaps.tenantShort')}
              subTitle={ind.shortfall > 0 ? formatShortfall(t, ind.kind, ind.shortfall) : undefined}
            />
          )
        ) : (
          <>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t(kind === 'school' ? 'compliance.gaps.schools' : 'compliance.gaps.teachers')}（{total}）
              </Typography.Title>
              {kind === 'teacher' && canRecord && total > 0 && (
                <Button
                  type="primary"
                  icon={<FormOutlined />}
                  loading={loadingAll}
                  onClick={recordForTeachers}
                >
                  {loadingAll
                    ? t('compliance.gaps.loadingAll')
                    : t('compliance.gaps.recordForTeachers', { n: total, type: typeName })}
                </Button>
              )}
            </Space>
            <Table<Gap>
              rowKey="id"
              size="small"
              dataSource={items}
              loading={gaps.isFetching}
              columns={columns}
              {...serverPaging(t, page, total, setPage)}
            />
          </>
        )}
        {!canRecord && can('care.write') && type === undefined && (
          <Typography.Text type="secondary">{t('compliance.gaps.noType')}</Typography.Text>
        )}
      </Space>
      {prefill && <CareEntryDrawer prefill={prefill} onClose={() => setPrefill(null)} />}
    </Drawer>
  );
}

import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isTenantKind } from '@guanai/domain/orgs';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useOrgs } from '@/features/orgs/api';
import { useProgrammes, type ProgrammeSummary } from '../api';
import { yuan } from '../units';
import { AdoptDrawer } from './AdoptDrawer';

const thisYear = () => new Date().getFullYear();

/** The year in the URL (?year=2025), else `fallback`; 'all' for every year. */
function useYear(fallback: number | 'all'): [number | 'all', (y: number | 'all') => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('year');
  const year = raw === 'all' ? 'all' : Number(raw) >= 2000 && Number(raw) <= 2100 ? Number(raw) : fallback;
  return [
    year,
    (y) => {
      const next = new URLSearchParams(params);
      if (y === fallback) next.delete('year');
      else next.set('year', String(y));
      setParams(next);
    },
  ];
}

/** The toolbar's year: next year, this one and the three before, or every year. */
function YearSelect({ year, onChange }: { year: number | 'all'; onChange: (y: number | 'all') => void }) {
  const { t } = useI18n();
  const now = thisYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  return (
    <Space>
      <Typography.Text>{t('programme.year')}</Typography.Text>
      <Select
        aria-label={t('programme.year')}
        style={{ width: 140 }}
        value={year}
        options={[
          { value: 'all' as const, label: t('programme.allYears') },
          ...years.map((y) => ({ value: y, label: t('programme.yearN', { year: y }) })),
        ]}
        onChange={onChange}
      />
    </Space>
  );
}

function VersionCell({ p }: { p: ProgrammeSummary }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <span>{t('programme.versionN', { n: p.versionNumber })}</span>
      {p.latestVersionNumber > p.versionNumber && (
        <Tag color="orange">{t('programme.newerVersion', { n: p.latestVersionNumber })}</Tag>
      )}
    </Space>
  );
}

/**
 * 我的关爱方案: the programmes my union adopted, per year, and adopting a published version (the union's
 * administrator); officers of the union and its schools read them.
 */
export function ProgrammesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [year, setYear] = useYear('all');
  const [adopting, setAdopting] = useState(false);
  const programmes = useProgrammes(year === 'all' ? {} : { year });

  return (
    <Card
      title={t('programme.mine.title')}
      extra={
        can('programme.adopt') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdopting(true)}>
            {t('programme.adopt.button')}
          </Button>
        )
      }
    >
      <div className="page-toolbar">
        <YearSelect year={year} onChange={setYear} />
      </div>
      <Table<ProgrammeSummary>
        rowKey="id"
        size="small"
        loading={programmes.isFetching}
        dataSource={programmes.data}
        pagination={false}
        onRow={(p) => ({ onClick: () => navigate(`/programmes/${p.id}`), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: programmes.isError ? errorMessage(programmes.error) : t('programme.mine.empty'),
        }}
        columns={[
          { title: t('programme.year'), dataIndex: 'year', width: 90 },
          {
            title: t('programme.template'),
            dataIndex: 'templateName',
            render: (name: string, p) => <Link to={`/programmes/${p.id}`}>{name}</Link>,
          },
          {
            title: t('programme.version'),
            key: 'version',
            width: 220,
            render: (_, p) => <VersionCell p={p} />,
          },
          {
            title: t('programme.budget.column'),
            dataIndex: 'budgetFen',
            width: 160,
            align: 'right',
            render: (fen: number) => `${yuan(fen)} ${t('programme.unit.yuan')}`,
          },
          { title: t('programme.union'), dataIndex: 'orgName', width: 220 },
        ]}
      />
      {adopting && (
        <AdoptDrawer defaultYear={year === 'all' ? thisYear() : year} onClose={() => setAdopting(false)} />
      )}
    </Card>
  );
}

interface AdoptionRow {
  key: string;
  orgId: string;
  orgName: string;
  programme?: ProgrammeSummary;
}

/**
 * 各地采用情况 (the province): for a year, every union below and the programme and version it adopted,
 * or that it has not adopted one. Read-only; a row opens the union's programme.
 */
export function ProgrammeAdoptionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [year, setYear] = useYear(thisYear());
  const orgs = useOrgs();
  const programmes = useProgrammes(year === 'all' ? {} : { year });
  const rows = useMemo<AdoptionRow[]>(() => {
    const tenants = (orgs.data ?? []).filter((o) => isTenantKind(o.kind));
    const list = programmes.data ?? [];
    return tenants.flatMap((o) => {
      const own = list.filter((p) => p.orgId === o.id);
      return own.length
        ? own.map((p) => ({ key: p.id, orgId: o.id, orgName: o.name, programme: p }))
        : [{ key: o.id, orgId: o.id, orgName: o.name }];
    });
  }, [orgs.data, programmes.data]);
  const adopted = new Set(rows.filter((r) => r.programme).map((r) => r.orgId)).size;
  const tenants = new Set(rows.map((r) => r.orgId)).size;

  return (
    <Card title={t('programme.adoptions.title')}>
      <div className="page-toolbar">
        <YearSelect year={year} onChange={setYear} />
        <Typography.Text type="secondary">
          {t('programme.adoptions.summary', { adopted, total: tenants })}
        </Typography.Text>
      </div>
      <Table<AdoptionRow>
        rowKey="key"
        size="small"
        loading={orgs.isFetching || programmes.isFetching}
        dataSource={rows}
        pagination={false}
        onRow={(r) =>
          r.programme
            ? { onClick: () => navigate(`/programmes/${r.programme!.id}`), style: { cursor: 'pointer' } }
            : {}
        }
        locale={{
          emptyText: programmes.isError ? errorMessage(programmes.error) : t('programme.adoptions.empty'),
        }}
        columns={[
          { title: t('programme.union'), dataIndex: 'orgName' },
          {
            title: t('programme.year'),
            key: 'year',
            width: 90,
            render: (_, r) => r.programme?.year ?? '—',
          },
          {
            title: t('programme.template'),
            key: 'template',
            render: (_, r) =>
              r.programme ? (
                <Link to={`/programmes/${r.programme.id}`}>{r.programme.templateName}</Link>
              ) : (
                <Tag>{t('programme.adoptions.none')}</Tag>
              ),
          },
          {
            title: t('programme.version'),
            key: 'version',
            width: 220,
            render: (_, r) => (r.programme ? <VersionCell p={r.programme} /> : '—'),
          },
          {
            title: t('programme.budget.column'),
            key: 'budget',
            width: 160,
            align: 'right',
            render: (_, r) =>
              r.programme ? `${yuan(r.programme.budgetFen)} ${t('programme.unit.yuan')}` : '—',
          },
        ]}
      />
    </Card>
  );
}

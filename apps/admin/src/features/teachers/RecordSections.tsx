import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { Teacher } from '@guanai/contracts';
import { PageHeader } from '@/app/PageHeader';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { DaysToRetirement } from './columns';
import { FamilySection } from './FamilySection';
import { birthDateText, label, STATUS_COLOR } from './labels';
import { SensitiveValue } from './SensitiveValue';

// The record page (officers) and 我的档案 (the teacher) show a record the same way; they differ in the
// buttons, whether sensitive values can be revealed, and whether relatives link to their records.

/** The record's head: name, status and tags, where the teacher works, and the page's buttons. */
export function TeacherHeader({
  teacher: x,
  actions,
  children,
}: {
  teacher: Teacher;
  actions: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <PageHeader
      title={x.name}
      tags={
        <>
          <Tag color={STATUS_COLOR[x.status]}>{label(t, 'status', x.status)}</Tag>
          {x.backbone && <Tag color="gold">{t('teacher.backbone')}</Tag>}
          {x.rural && <Tag color="green">{t('teacher.rural')}</Tag>}
          {x.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </>
      }
      subtitle={
        <>
          {x.orgName} · {label(t, 'position', x.position)} · {label(t, 'stage', x.stage)}
          {x.subject ? ` · ${x.subject}` : ''}
        </>
      }
      actions={actions}
    >
      {children}
    </PageHeader>
  );
}

/**
 * The record's sections, read-only but for the family's 添加 (`canWrite`): basic and computed facts,
 * titles and postings, family, honours, union and notes.
 */
export function TeacherRecordSections({
  teacher: x,
  canReveal,
  canWrite,
  linkRelatives,
}: {
  teacher: Teacher;
  canReveal: boolean;
  canWrite: boolean;
  linkRelatives: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('teachers.section.basic')} style={{ height: '100%' }}>
            <BasicInfo teacher={x} canReveal={canReveal} t={t} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('teachers.section.computed')} style={{ height: '100%' }}>
            <ComputedInfo teacher={x} t={t} />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('teachers.section.titles')} style={{ height: '100%' }}>
            <Table
              rowKey={(r) => `${r.level}-${r.since}`}
              size="small"
              pagination={false}
              dataSource={[...x.titles].sort((a, b) => b.since.localeCompare(a.since))}
              locale={{ emptyText: t('teachers.titles.empty') }}
              columns={[
                { title: t('teacher.title'), key: 'level', render: (_, r) => label(t, 'title', r.level) },
                { title: t('teacher.titleSince'), dataIndex: 'since' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('teachers.section.postings')} style={{ height: '100%' }}>
            <Table
              rowKey={(p) => `${p.orgId}-${p.from}`}
              size="small"
              pagination={false}
              dataSource={[...x.postings].sort((a, b) => b.from.localeCompare(a.from))}
              locale={{ emptyText: t('teachers.postings.empty') }}
              columns={[
                { title: t('teachers.posting.school'), dataIndex: 'orgName' },
                { title: t('teachers.posting.from'), dataIndex: 'from' },
                {
                  title: t('teachers.posting.to'),
                  key: 'to',
                  render: (_, p) => p.to ?? <Tag color="processing">{t('teachers.until')}</Tag>,
                },
                {
                  title: t('teachers.posting.rural'),
                  key: 'rural',
                  render: (_, p) => (p.rural ? <Tag color="green">{t('teachers.posting.rural')}</Tag> : '—'),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card title={t('teachers.section.family')}>
        <FamilySection teacher={x} canWrite={canWrite} linkRelatives={linkRelatives} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('teachers.section.honours')} style={{ height: '100%' }}>
            {x.honours.length ? (
              <ul className="plain-list">
                {[...x.honours]
                  .sort((a, b) => b.year - a.year)
                  .map((h) => (
                    <li key={`${h.year}-${h.name}`}>
                      <Typography.Text type="secondary">{h.year}</Typography.Text> {h.name}
                    </li>
                  ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('teachers.honours.empty')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('teachers.section.union')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('teacher.unionStatus'),
                  children: label(t, 'unionStatus', x.unionStatus),
                },
                { key: 'joined', label: t('teacher.unionJoinedOn'), children: x.unionJoinedOn ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('teachers.section.notes')} style={{ height: '100%' }}>
            {x.notes ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {x.notes}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * Sensitive values show masked, with 查看 where `canReveal`. A revealed value is keyed to the record and
 * its version: another teacher (a family link reuses the page) or a saved change shows masked again.
 */
function BasicInfo({ teacher: x, canReveal, t }: { teacher: Teacher; canReveal: boolean; t: Translate }) {
  const item = (key: string, text: MessageKey, children: ReactNode, span?: number) => ({
    key,
    label: t(text),
    children,
    span,
  });
  const sensitive = (field: 'idNumber' | 'phone' | 'address' | 'healthNote', masked: string | null) => (
    <SensitiveValue
      key={`${x.id}:${x.version}:${field}`}
      teacherId={x.id}
      field={field}
      masked={masked}
      canReveal={canReveal}
      monospace={field === 'idNumber' || field === 'phone'}
    />
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        item('sex', 'teacher.sex', label(t, 'sex', x.sex)),
        item('birthDate', 'teacher.birthDate', birthDateText(t, x)),
        item('idNumber', 'teacher.idNumber', sensitive('idNumber', x.idNumberMasked)),
        item('phone', 'teacher.phone', sensitive('phone', x.phoneMasked)),
        item('ethnicity', 'teacher.ethnicity', x.ethnicity ?? '—'),
        item('politicalStatus', 'teacher.politicalStatus', label(t, 'politicalStatus', x.politicalStatus)),
        item('maritalStatus', 'teacher.maritalStatus', label(t, 'maritalStatus', x.maritalStatus)),
        item('employmentType', 'teacher.employmentType', label(t, 'employmentType', x.employmentType)),
        item('title', 'teacher.title', x.title ? label(t, 'title', x.title) : '—'),
        item('teachingSince', 'teacher.teachingSince', x.teachingSince),
        item('positionSince', 'teacher.positionSince', x.positionSince ?? '—'),
        item(
          'retirementCategory',
          'teacher.retirementCategory',
          label(t, 'retirementCategory', x.retirementCategory),
        ),
        item('backbone', 'teacher.backbone', x.backbone ? t('common.yes') : t('common.no')),
        item('address', 'teacher.address', sensitive('address', x.addressMasked), 2),
        item(
          'healthNote',
          'teacher.healthNote',
          sensitive('healthNote', x.hasHealthNote ? t('teacher.healthNoteOnFile') : null),
          2,
        ),
      ]}
    />
  );
}

// Every eligibility the contract computes, in its order.
const ELIGIBILITY = Teacher.shape.eligibility.keyof().options;

function ComputedInfo({ teacher: x, t }: { teacher: Teacher; t: Translate }) {
  const f = x.facts;
  const years = (n: number) => t('teachers.years', { n });
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'age', label: t('teacher.age'), children: f.age },
          { key: 'teaching', label: t('teacher.yearsOfTeaching'), children: years(f.yearsOfTeaching) },
          { key: 'school', label: t('teacher.yearsAtSchool'), children: years(f.yearsAtSchool) },
          { key: 'rural', label: t('teacher.ruralYears'), children: years(f.ruralYears) },
          { key: 'retirement', label: t('teacher.retirementDate'), children: f.retirementDate },
          {
            key: 'days',
            label: t('teacher.daysToRetirement'),
            children: <DaysToRetirement days={f.daysToRetirement} active={x.status === 'active'} t={t} />,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('teachers.eligibility')}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {ELIGIBILITY.map((k) => {
          const name = t(`teachers.eligibility.${k}` as MessageKey);
          return (
            <Tooltip key={k} title={t(`teachers.eligibility.${k}Hint` as MessageKey)}>
              {x.eligibility[k] ? (
                <Tag color="success" icon={<CheckCircleFilled />}>
                  {name}
                </Tag>
              ) : (
                <Tag variant="outlined" style={{ color: 'rgba(0,0,0,0.45)', borderStyle: 'dashed' }}>
                  {t('teachers.eligibility.no', { name })}
                </Tag>
              )}
            </Tooltip>
          );
        })}
      </div>
    </>
  );
}

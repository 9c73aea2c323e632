import { useState, type ReactNode } from 'react';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckCircleFilled, EditOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Teacher } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { useCan } from '@/app/session';
import { TeacherCareSection } from '@/features/care/TeacherCareSection';
import { TeacherRecordActions } from '@/features/teacher-requests/TeacherRecordActions';
import { useTeacher } from './api';
import { DaysToRetirement } from './columns';
import { lastListUrl } from './query';
import { FamilySection } from './FamilySection';
import { label, STATUS_COLOR } from './labels';
import { RetireModal, TransferModal } from './LifecycleModals';
import { SensitiveValue } from './SensitiveValue';
import { TeacherFormDrawer } from './TeacherFormDrawer';

type Action = 'edit' | 'transfer' | 'retire';

export function TeacherDetailPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const teacher = useTeacher(id);
  const navigate = useNavigate();
  const [action, setAction] = useState<Action | null>(null);
  // Back to the list as it was last seen (its filters and page live in the URL).
  const back = <Button onClick={() => navigate(lastListUrl())}>{t('teachers.backToList')}</Button>;
  const toList = back;

  if (teacher.isPending) return <Spin />;
  if (teacher.isError) {
    // Out of scope answers 404 like a missing record, so nobody learns what exists elsewhere.
    const missing = teacher.error instanceof ApiError && [400, 403, 404].includes(teacher.error.status);
    return missing ? (
      <Result
        status="404"
        title={t('teachers.notFound')}
        subTitle={t('teachers.notFoundHint')}
        extra={toList}
      />
    ) : (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(teacher.error)}
        extra={toList}
      />
    );
  }

  const x = teacher.data;
  const canWrite = can('teacher.write');
  const canReveal = can('teacher.reveal');
  const active = x.status === 'active';
  const close = () => setAction(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <div>
            <Space size={8} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {x.name}
              </Typography.Title>
              <Tag color={STATUS_COLOR[x.status]}>{label(t, 'status', x.status)}</Tag>
              {x.backbone && <Tag color="gold">{t('teacher.backbone')}</Tag>}
              {x.rural && <Tag color="green">{t('teacher.rural')}</Tag>}
              {x.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {x.orgName} · {label(t, 'position', x.position)} · {label(t, 'stage', x.stage)}
              {x.subject ? ` · ${x.subject}` : ''}
            </Typography.Paragraph>
          </div>
          <Space wrap>
            {canWrite && (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setAction('edit')}>
                  {t('common.edit')}
                </Button>
                {active && (
                  <Button icon={<SwapOutlined />} onClick={() => setAction('transfer')}>
                    {t('teachers.transfer')}
                  </Button>
                )}
                {active && (
                  <Button icon={<LogoutOutlined />} onClick={() => setAction('retire')}>
                    {t('teachers.retire')}
                  </Button>
                )}
              </>
            )}
            <TeacherRecordActions teacher={x} />
            {back}
          </Space>
        </Flex>
      </Card>

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
        <FamilySection teacher={x} canWrite={canWrite} />
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

      <Card title={t('teachers.section.care')}>
        <TeacherCareSection teacherId={x.id} />
      </Card>

      {action === 'edit' && <TeacherFormDrawer teacher={x} onClose={close} />}
      {action === 'transfer' && <TransferModal teacher={x} onClose={close} />}
      {action === 'retire' && <RetireModal teacher={x} onClose={close} />}
    </Space>
  );
}

/**
 * A revealed value is keyed to the record and its version: another teacher (a family link reuses this
 * page) or a saved change shows masked again.
 */
function BasicInfo({ teacher: x, canReveal, t }: { teacher: Teacher; canReveal: boolean; t: Translate }) {
  const currentTitle = x.title ? label(t, 'title', x.title) : '—';
  const item = (key: string, text: MessageKey, children: ReactNode, span?: number) => ({
    key,
    label: t(text),
    children,
    span,
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        item('sex', 'teacher.sex', label(t, 'sex', x.sex)),
        item('birthDate', 'teacher.birthDate', x.birthDate),
        item(
          'idNumber',
          'teacher.idNumber',
          <SensitiveValue
            key={`${x.id}:${x.version}:idNumber`}
            teacherId={x.id}
            field="idNumber"
            masked={x.idNumberMasked}
            canReveal={canReveal}
            monospace
          />,
        ),
        item(
          'phone',
          'teacher.phone',
          <SensitiveValue
            key={`${x.id}:${x.version}:phone`}
            teacherId={x.id}
            field="phone"
            masked={x.phoneMasked}
            canReveal={canReveal}
            monospace
          />,
        ),
        item('ethnicity', 'teacher.ethnicity', x.ethnicity ?? '—'),
        item('politicalStatus', 'teacher.politicalStatus', label(t, 'politicalStatus', x.politicalStatus)),
        item('maritalStatus', 'teacher.maritalStatus', label(t, 'maritalStatus', x.maritalStatus)),
        item('employmentType', 'teacher.employmentType', label(t, 'employmentType', x.employmentType)),
        item('title', 'teacher.title', currentTitle),
        item('teachingSince', 'teacher.teachingSince', x.teachingSince),
        item('positionSince', 'teacher.positionSince', x.positionSince ?? '—'),
        item(
          'retirementCategory',
          'teacher.retirementCategory',
          label(t, 'retirementCategory', x.retirementCategory),
        ),
        item('backbone', 'teacher.backbone', x.backbone ? t('common.yes') : t('common.no')),
        item(
          'address',
          'teacher.address',
          <SensitiveValue
            key={`${x.id}:${x.version}:address`}
            teacherId={x.id}
            field="address"
            masked={x.addressMasked}
            canReveal={canReveal}
          />,
          2,
        ),
        item(
          'healthNote',
          'teacher.healthNote',
          <SensitiveValue
            key={`${x.id}:${x.version}:healthNote`}
            teacherId={x.id}
            field="healthNote"
            masked={x.hasHealthNote ? t('teacher.healthNoteOnFile') : null}
            canReveal={canReveal}
          />,
          2,
        ),
      ]}
    />
  );
}

const ELIGIBILITY = ['teaching30Years', 'teacherFamily', 'teacherDynasty', 'rotation', 'ruralSeniorTitle'] as const;

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
          const met = x.eligibility[k];
          const name = t(`teachers.eligibility.${k}` as MessageKey);
          return (
            <Tooltip key={k} title={t(`teachers.eligibility.${k}Hint` as MessageKey)}>
              {met ? (
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

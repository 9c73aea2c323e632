import { useState, type ReactNode } from 'react';
import { Button, Col, Row, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { DisputeCase } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { PageHeader } from '@/app/PageHeader';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
import { useCan } from '@/app/session';
import { formatTime } from '@/features/users/format';
import { CaseDocumentsCard } from '@/features/case-documents/CaseDocumentsCard';
import { CaseLegalAidCard } from '@/features/legal-aid/CaseLegalAidCard';
import { CaseSessionsCard } from '@/features/legal-aid/CaseSessionsCard';
import { useCase } from './api';
import { ArbitrationCard } from './detail/ArbitrationCard';
import { AssignHandlerModal } from './detail/AssignHandlerModal';
import { CaseActionModal } from './detail/CaseActionModal';
import { ClaimsCard, PartiesCard, ProgressCard } from './detail/CaseSections';
import { CustomDeadlinesCard } from './detail/CustomDeadlinesCard';
import { DeadlinesCard } from './detail/DeadlinesCard';
import { TimelineCard } from './detail/TimelineCard';
import { actionName, categoryName, isEnded, StateTag, type CaseAction } from './labels';
import { lastCasesUrl } from './query';

/** 维权案件: one case — where it stands and what may happen next, parties, claims, deadlines, timeline. */
export function CaseDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const dispute = useCase(id);
  const navigate = useNavigate();
  const back = <Button onClick={() => navigate(lastCasesUrl())}>{t('case.detail.back')}</Button>;

  if (!dispute.isSuccess)
    return (
      <RecordNotLoaded
        query={dispute}
        notFound={t('case.notFound')}
        notFoundHint={t('case.notFoundHint')}
        back={back}
      />
    );
  return <CaseView dispute={dispute.data} back={back} />;
}

/** Steps that end or turn a case away: shown in red, never as the page's main button. */
const DANGER = new Set<CaseAction>(['decline', 'withdraw']);
const SECONDARY = new Set<CaseAction>(['decline', 'fail_mediation', 'withdraw']);

function CaseView({ dispute: c, back }: { dispute: DisputeCase; back: ReactNode }) {
  const { t } = useI18n();
  const can = useCan();
  const canWrite = can('case.write');
  const [acting, setActing] = useState<CaseAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  // The server says what the caller may do now: a button for each, nothing else (an illegal move is
  // never offered; if the case moved meanwhile, the 409 reloads it).
  const actions = canWrite ? c.allowedActions : [];
  const primary = actions.find((a) => !SECONDARY.has(a));
  const open = !isEnded(c.state);
  const applicants = c.applicants.map((a) => a.name).join('、');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('case.detail.title', { applicants, respondent: c.respondent.name })}
        tags={
          <>
            <StateTag state={c.state} t={t} />
            <Tag>{categoryName(t, c.category)}</Tag>
          </>
        }
        subtitle={`${t('case.createdAt')} ${formatTime(c.createdAt)} · ${t('case.handler')} ${c.handlerName ?? t('case.none')}`}
        actions={
          <>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === primary ? 'primary' : 'default'}
                danger={DANGER.has(a)}
                onClick={() => setActing(a)}
              >
                {actionName(t, a)}
              </Button>
            ))}
            {canWrite && open && <Button onClick={() => setAssigning(true)}>{t('case.assign.open')}</Button>}
            {back}
          </>
        }
      >
        {!open && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('case.detail.noActions')}
          </Typography.Paragraph>
        )}
      </PageHeader>

      <DeadlinesCard caseId={c.id} version={c.version} ended={isEnded(c.state)} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PartiesCard dispute={c} />
            <ClaimsCard dispute={c} />
            {c.arbitrationAppliedOn && <ArbitrationCard dispute={c} canWrite={canWrite && open} />}
            <CustomDeadlinesCard dispute={c} canWrite={canWrite && open} />
            <ProgressCard dispute={c} />
            <CaseDocumentsCard caseId={c.id} canWrite={canWrite} />
            {/* The tenant is the case's union: only its handlers assign from its roster. */}
            <CaseLegalAidCard caseId={c.id} tenantId={c.orgId} canWrite={canWrite} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CaseSessionsCard caseId={c.id} caseState={c.state} canWrite={canWrite} />
            <TimelineCard events={c.events} />
          </Space>
        </Col>
      </Row>

      {acting && <CaseActionModal dispute={c} action={acting} onClose={() => setActing(null)} />}
      {assigning && <AssignHandlerModal dispute={c} onClose={() => setAssigning(false)} />}
    </Space>
  );
}

import { useState, type ReactNode } from 'react';
import { App, Button, Card, Flex, Form, Space, Tag, Typography } from 'antd';
import { RiseOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Programme } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { PageHeader } from '@/app/PageHeader';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
import { useCan, useCurrentUser } from '@/app/session';
import { ProgrammeRemindersCard } from '@/features/reminders/ProgrammeRemindersCard';
import { isStale, reloadProgramme, updateProgramme, useProgramme } from '../api';
import { yuan } from '../units';
import { DocumentView } from './DocumentView';
import {
  applyProgrammeErrors,
  BudgetsTable,
  initialValues,
  SettingsFields,
  TargetsTable,
  toChoices,
  type ProgrammeValues,
} from './ProgrammeFields';
import { UpgradeModal } from './UpgradeModal';

export function ProgrammeDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const programme = useProgramme(id);
  const navigate = useNavigate();
  const me = useCurrentUser();
  const back = (
    <Button onClick={() => navigate(me.tenant ? '/programmes' : '/programme-adoptions')}>
      {t('programme.back')}
    </Button>
  );
  if (!programme.isSuccess)
    return <RecordNotLoaded query={programme} notFound={t('programme.notFound')} back={back} />;
  // A new version of the programme (saved, upgraded, reloaded) starts the form again from it.
  return (
    <ProgrammeView
      key={`${programme.data.id}:${programme.data.version}`}
      programme={programme.data}
      back={back}
    />
  );
}

/**
 * A union's programme for a year: the version it follows (and a newer one to move to), the union's
 * targets and budgets — editable by the union's administrator, read by its officers and the province —
 * and the version's measures with their clause text.
 */
function ProgrammeView({ programme: p, back }: { programme: Programme; back: ReactNode }) {
  const { t } = useI18n();
  const can = useCan();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ProgrammeValues>();
  const [busy, setBusy] = useState(false);
  const [upgrading, setUpgrading] = useState(false);
  const editable = can('programme.adopt') && me.tenant?.id === p.orgId;
  const newer = p.latestVersionNumber > p.versionNumber;

  const onFinish = async (v: ProgrammeValues) => {
    setBusy(true);
    try {
      await updateProgramme(p, toChoices(p.document, v));
      message.success(t('common.saved'));
    } catch (err) {
      if (isStale(err))
        modal.confirm({
          title: t('programme.stale'),
          content: t('programme.staleHint'),
          okText: t('programme.editor.reload'),
          cancelText: t('common.cancel'),
          onOk: () => reloadProgramme(p.id),
        });
      else if (!applyProgrammeErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('programme.detail.title', { year: p.year, name: p.templateName })}
        tags={
          <>
            <Tag color="green">{t('programme.versionN', { n: p.versionNumber })}</Tag>
            {newer && <Tag color="orange">{t('programme.newerVersion', { n: p.latestVersionNumber })}</Tag>}
          </>
        }
        subtitle={`${p.orgName} · ${t('programme.budget.total', { amount: yuan(p.budgetFen) })}`}
        actions={
          <>
            {editable && newer && (
              <Button icon={<RiseOutlined />} onClick={() => setUpgrading(true)}>
                {t('programme.upgrade.button', { n: p.latestVersionNumber })}
              </Button>
            )}
            {back}
          </>
        }
      />

      <Form<ProgrammeValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(p.document, p)}
        onFinish={onFinish}
        component={editable ? 'form' : false}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={t('programme.targets.title')}
            extra={
              editable && (
                <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => form.submit()}>
                  {t('common.save')}
                </Button>
              )
            }
          >
            {editable && (
              <Typography.Paragraph type="secondary">{t('programme.targets.hint')}</Typography.Paragraph>
            )}
            <TargetsTable doc={p.document} chosen={p} editable={editable} />
          </Card>
          <Card title={t('programme.budget.title')}>
            <BudgetsTable doc={p.document} chosen={p} editable={editable} />
          </Card>
          <Card title={t('programme.settings.title')}>
            <SettingsFields editable={editable} chosen={p} />
          </Card>
          {editable && (
            <Flex justify="flex-end">
              <Button type="primary" icon={<SaveOutlined />} loading={busy} htmlType="submit">
                {t('common.save')}
              </Button>
            </Flex>
          )}
        </Space>
      </Form>

      {can('reminder.configure') && me.tenant?.id === p.orgId && <ProgrammeRemindersCard programme={p} />}

      <Card title={t('programme.view.title', { n: p.versionNumber })}>
        <DocumentView doc={p.document} targets={p.targets} />
      </Card>

      {upgrading && <UpgradeModal programme={p} onClose={() => setUpgrading(false)} />}
    </Space>
  );
}

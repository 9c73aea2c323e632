import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Divider, Form, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTime } from '@/features/users/format';
import { adoptProgramme, useVersion, useVersions } from '../api';
import {
  applyProgrammeErrors,
  BudgetsTable,
  initialValues,
  SettingsFields,
  TargetsTable,
  toChoices,
  type ProgrammeValues,
} from './ProgrammeFields';

interface Values extends ProgrammeValues {
  year: number;
  versionId: string;
}

/**
 * 采用方案: a published version for a year, the union's targets where the province lets it choose,
 * budgets per measure and the period settings; all can be changed later on the programme's page.
 */
export function AdoptDrawer({ defaultYear, onClose }: { defaultYear: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const versions = useVersions();
  const versionId = Form.useWatch('versionId', form);
  const version = useVersion(versionId);
  const doc = version.data?.document;

  // The newest version of each template first, grouped by template.
  const groups = useMemo(() => {
    const byTemplate = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const v of versions.data ?? []) {
      const g = byTemplate.get(v.templateId) ?? { label: v.templateName, options: [] };
      g.options.push({
        value: v.id,
        label: `${v.templateName} · ${t('programme.versionN', { n: v.number })}（${formatTime(v.publishedAt)}）`,
      });
      byTemplate.set(v.templateId, g);
    }
    return [...byTemplate.values()];
  }, [versions.data, t]);

  useEffect(() => {
    if (!form.getFieldValue('versionId') && groups[0]?.options[0])
      form.setFieldsValue({ versionId: groups[0].options[0].value });
  }, [groups, form]);
  // Another version: its indicators and measures, with the province's targets to start from.
  useEffect(() => {
    if (doc) form.setFieldsValue(initialValues(doc));
  }, [doc, form]);

  const onFinish = async (v: Values) => {
    if (!doc) return;
    setBusy(true);
    try {
      const p = await adoptProgramme({ versionId: v.versionId, year: v.year, ...toChoices(doc, v) });
      message.success(t('programme.adopt.done', { year: p.year, name: p.templateName }));
      navigate(`/programmes/${p.id}`);
    } catch (err) {
      if (!applyProgrammeErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer
      title={t('programme.adopt.title')}
      size={880}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('programme.adopt.ok')}
      okDisabled={!doc}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: defaultYear }}
        onFinish={onFinish}
      >
        <Space size={16} wrap align="start">
          <Form.Item
            name="year"
            label={t('programme.year')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="versionId"
            label={t('programme.adopt.version')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('programme.adopt.versionHint')}
          >
            <Select
              style={{ width: 480 }}
              loading={versions.isPending}
              options={groups}
              notFoundContent={t('programme.adopt.noVersions')}
            />
          </Form.Item>
        </Space>
        {versions.data && versions.data.length === 0 && (
          <Alert type="info" showIcon title={t('programme.adopt.noVersions')} />
        )}
        {versionId && version.isPending && <Spin />}
        {doc && (
          <>
            <Divider titlePlacement="start">{t('programme.targets.title')}</Divider>
            <Typography.Paragraph type="secondary">{t('programme.adopt.targetsHint')}</Typography.Paragraph>
            <TargetsTable doc={doc} editable onlyAdjustable />
            <Divider titlePlacement="start">{t('programme.budget.title')}</Divider>
            <BudgetsTable doc={doc} editable />
            <Divider titlePlacement="start">{t('programme.settings.title')}</Divider>
            <SettingsFields editable />
          </>
        )}
      </Form>
    </FormDrawer>
  );
}

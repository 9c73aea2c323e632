import { useState } from 'react';
import { App, Form, Input, Select, Switch } from 'antd';
import { CreateOrgRequest, type Org, type OrgKind } from '@guanai/contracts';
import { allowedChildKinds } from '@guanai/domain/orgs';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { kindName } from '@/app/labels';
import { createOrg, updateOrg } from './api';

interface Values {
  name: string;
  kind: OrgKind;
  code?: string;
  rural: boolean;
}

/** New child (`parent`) or rename (`org`): one form, the fields that apply. */
export function OrgFormModal({
  parent,
  org,
  onClose,
}: {
  parent?: Org;
  org?: Org;
  onClose: (saved?: Org) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kinds = parent ? allowedChildKinds(parent.kind) : [];
  const kind = Form.useWatch('kind', form);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const saved = org
        ? await updateOrg(org.id, { version: org.version, name: v.name, code: v.code || null })
        : await createOrg({
            parentId: parent!.id,
            name: v.name,
            kind: v.kind,
            code: v.code || undefined,
            rural: v.rural,
          });
      message.success(t(org ? 'orgs.updated' : 'orgs.created'));
      onClose(saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={org ? t('orgs.rename') : t('orgs.createTitle', { parent: parent!.name })}
      form={form}
      busy={busy}
      onClose={() => onClose()}
      onFinish={onFinish}
      initialValues={org ? { name: org.name, code: org.code ?? undefined } : { kind: kinds[0], rural: false }}
    >
      <Form.Item
        label={t('orgs.name')}
        name="name"
        rules={[requiredRule(t), zodRule(CreateOrgRequest.shape.name, t)]}
      >
        <Input autoFocus />
      </Form.Item>
      {!org && (
        <Form.Item label={t('orgs.kind')} name="kind" rules={[requiredRule(t)]}>
          <Select options={kinds.map((k) => ({ value: k, label: kindName(t, k) }))} />
        </Form.Item>
      )}
      <Form.Item
        label={t('orgs.code')}
        name="code"
        extra={t('orgs.codeHint')}
        rules={[zodRule(CreateOrgRequest.shape.code, t, t('validation.orgCode'))]}
      >
        <Input />
      </Form.Item>
      {!org && kind === 'school' && (
        <Form.Item label={t('orgs.rural')} name="rural" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}

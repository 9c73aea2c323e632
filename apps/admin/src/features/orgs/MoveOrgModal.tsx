import { useState } from 'react';
import { App, Form } from 'antd';
import type { Org } from '@guanai/contracts';
import { canContain } from '@guanai/domain/orgs';
import { errorMessage } from '@/app/api/problem';
import { requiredRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { moveOrg, useOrgs } from './api';
import { OrgTreeSelect } from './OrgTreeSelect';
import { subtreeIds } from './tree';

export function MoveOrgModal({ org, onClose }: { org: Org; onClose: (moved?: Org) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const [busy, setBusy] = useState(false);
  const below = subtreeIds(useOrgs().data ?? [], org.id);
  // A valid parent holds this kind, is not the node or below it, and is not where it already is.
  const disable = (p: Org) =>
    !canContain(p.kind, org.kind) || below.has(p.id) || p.id === org.parentId || !p.active;

  const onFinish = async ({ parentId }: { parentId: string }) => {
    setBusy(true);
    try {
      const moved = await moveOrg(org.id, { version: org.version, parentId });
      message.success(t('orgs.moved'));
      onClose(moved);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={t('orgs.moveTitle', { name: org.name })}
      form={form}
      busy={busy}
      onClose={() => onClose()}
      onFinish={onFinish}
    >
      <Form.Item label={t('orgs.moveTo')} name="parentId" rules={[requiredRule(t)]}>
        <OrgTreeSelect disable={disable} />
      </Form.Item>
    </FormModal>
  );
}

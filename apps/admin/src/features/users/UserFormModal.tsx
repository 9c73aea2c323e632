import { useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { CreateUserRequest, ROLES, type Org, type Role, type User } from '@guanai/contracts';
import { canAssignRole, roleFitsOrg } from '@guanai/domain/roles';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { useCurrentUser } from '@/app/session';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { createUser, updateUser } from './api';
import { showTemporaryPassword } from './temporaryPassword';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  password?: string;
}

/** Create a user (no `user`) or edit one's name, role and organisation. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: (saved?: User) => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const roles = ROLES.filter((r) => canAssignRole(me.role, r) || r === user?.role);
  const disableOrg = (o: Org) => !o.active || (role ? !roleFitsOrg(role, o.kind) : false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      if (user) {
        const saved = await updateUser(user, { displayName: v.displayName, role: v.role, orgId: v.orgId });
        message.success(t('users.updated'));
        onClose(saved);
      } else {
        const res = await createUser({ ...v, password: v.password || undefined });
        message.success(t('users.created'));
        if (res.temporaryPassword)
          showTemporaryPassword(modal, t, res.user.displayName, res.temporaryPassword);
        onClose(res.user);
      }
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={t(user ? 'users.editTitle' : 'users.createTitle')}
      form={form}
      busy={busy}
      onClose={() => onClose()}
      onFinish={onFinish}
      initialValues={user ? { displayName: user.displayName, role: user.role, orgId: user.orgId } : undefined}
      width={520}
    >
      {!user && (
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[requiredRule(t), zodRule(CreateUserRequest.shape.username, t, t('validation.username'))]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
      )}
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[requiredRule(t), zodRule(CreateUserRequest.shape.displayName, t)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('users.role')}
        name="role"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={roles.map((r) => ({ value: r, label: roleName(t, r) }))} />
      </Form.Item>
      <Form.Item
        label={t('users.org')}
        name="orgId"
        dependencies={['role']}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <OrgTreeSelect disable={disableOrg} />
      </Form.Item>
      {!user && (
        <Form.Item
          label={t('users.initialPassword')}
          name="password"
          extra={t('users.initialPasswordHint')}
          rules={[zodRule(CreateUserRequest.shape.password, t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

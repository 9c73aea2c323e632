import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import {
  CreateLegalAidProviderRequest,
  type LegalAidProvider,
  type LegalAidProviderKind,
} from '@guanai/contracts';
import { requiredChoice, requiredRule, zodRule } from '@/app/forms';
import { FormDrawer } from '@/app/FormDrawer';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { useFormSubmit } from '@/app/useFormSubmit';
import { useOrgs } from '@/features/orgs/api';
import { createProvider, isStale, reloadRoster, updateProvider } from './api';
import { categoryOptions, kindOptions } from './labels';

const TENANT_KINDS = ['city', 'county', 'university'];
const shape = CreateLegalAidProviderRequest.shape;

interface Values {
  name: string;
  kind: LegalAidProviderKind;
  organisation?: string;
  licenceNo?: string;
  phone?: string;
  clearPhone?: boolean;
  specialties: LegalAidProvider['specialties'];
  servedTenantIds?: string[];
}

/**
 * Adds or edits a roster entry. The province picks the unions it serves; a union's own entry serves
 * that union, so it has no picker. The phone is never loaded into the form (reading it is audited): blank
 * keeps the number on file, and a box removes it.
 */
export function ProviderFormDrawer({
  entry,
  onClose,
}: {
  entry: LegalAidProvider | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const province = me.org.kind === 'province';
  const orgs = useOrgs(province);
  const { message } = App.useApp();
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    // Saved by someone else meanwhile: show the entry as it is now rather than overwrite it.
    onError: (err) => {
      if (!isStale(err)) return false;
      message.warning(t('legalAid.roster.stale'));
      void reloadRoster();
      onClose();
      return true;
    },
  });
  const clearPhone = Form.useWatch('clearPhone', form);
  const tenants = (orgs.data ?? [])
    .filter(
      (o) => TENANT_KINDS.includes(o.kind) && (o.active || entry?.servedTenants.some((s) => s.id === o.id)),
    )
    .map((o) => ({ value: o.id, label: o.name }));

  const onFinish = (v: Values) => {
    const fields = {
      name: v.name,
      kind: v.kind,
      organisation: v.organisation?.trim() || null,
      licenceNo: v.licenceNo?.trim() || null,
      specialties: v.specialties ?? [],
      ...(province ? { servedTenantIds: v.servedTenantIds ?? [] } : {}),
    };
    const phone = v.phone?.trim();
    if (!entry)
      return void submit(
        () => createProvider({ ...fields, phone: phone || null }),
        t('legalAid.roster.created'),
      );
    const phoneChange = v.clearPhone ? { phone: null } : phone ? { phone } : {};
    void submit(
      () => updateProvider(entry.id, { ...fields, ...phoneChange, version: entry.version }),
      t('legalAid.roster.saved'),
    );
  };

  return (
    <FormDrawer
      title={entry ? t('legalAid.roster.edit') : t('legalAid.roster.new')}
      size={560}
      form={form}
      busy={busy}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          entry
            ? {
                name: entry.name,
                kind: entry.kind,
                organisation: entry.organisation ?? undefined,
                licenceNo: entry.licenceNo ?? undefined,
                specialties: entry.specialties,
                servedTenantIds: entry.servedTenants.map((s) => s.id),
              }
            : { kind: 'lawyer', specialties: [], servedTenantIds: [] }
        }
      >
        <Form.Item label={t('legalAid.name')} name="name" rules={[requiredRule(t), zodRule(shape.name, t)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('legalAid.kind')} name="kind" rules={[requiredChoice(t)]}>
          <Radio.Group options={kindOptions(t)} optionType="button" />
        </Form.Item>
        <Form.Item
          label={t('legalAid.organisation')}
          name="organisation"
          extra={t('legalAid.organisationHint')}
          rules={[zodRule(shape.organisation, t)]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('legalAid.licenceNo')} name="licenceNo" rules={[zodRule(shape.licenceNo, t)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('legalAid.phone')}
          name="phone"
          extra={
            entry?.phoneMasked
              ? t('legalAid.phoneKeep', { masked: entry.phoneMasked })
              : t('legalAid.phoneHint')
          }
          rules={[zodRule(shape.phone, t, t('legalAid.phoneFormat'))]}
        >
          <Input maxLength={20} disabled={!!clearPhone} inputMode="tel" />
        </Form.Item>
        {entry?.phoneMasked && (
          <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
            <Checkbox>{t('legalAid.phoneClear')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item label={t('legalAid.specialties')} name="specialties">
          <Select mode="multiple" allowClear options={categoryOptions(t)} />
        </Form.Item>
        {province ? (
          <Form.Item
            label={t('legalAid.served')}
            name="servedTenantIds"
            extra={t('legalAid.servedHint')}
            rules={[{ type: 'array', min: 1, required: true, message: t('validation.required') }]}
          >
            <Select
              mode="multiple"
              allowClear
              loading={orgs.isPending}
              options={tenants}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('legalAid.served')} extra={t('legalAid.servedOwn')}>
            <Input value={me.tenant?.name ?? me.org.name} disabled />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}

import { Tag } from 'antd';
import { CorrectableField, type Correction, type TenantTransfer, type Teacher } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { label } from '@/features/teachers/labels';

export type CorrectionField = Correction['field'];

export const fieldName = (t: Translate, field: CorrectionField) =>
  t(`correction.field.${field}` as MessageKey);

/** The fields a teacher may ask about, in the contract's order. */
export const fieldOptions = (t: Translate) =>
  CorrectableField.options.map((value) => ({ value, label: fieldName(t, value) }));

/** What the record says now for a field, as the record shows it (sensitive ones masked); null: nothing to show. */
export function currentValue(t: Translate, x: Teacher, field: CorrectionField): string | null {
  const title = x.title ? label(t, 'title', x.title) : null;
  const values: Record<CorrectionField, string | null> = {
    name: x.name,
    birthDate: x.birthDate,
    idNumber: x.idNumberMasked,
    phone: x.phoneMasked,
    ethnicity: x.ethnicity,
    politicalStatus: x.politicalStatus ? label(t, 'politicalStatus', x.politicalStatus) : null,
    maritalStatus: x.maritalStatus ? label(t, 'maritalStatus', x.maritalStatus) : null,
    subject: x.subject,
    titles: title,
    teachingSince: x.teachingSince,
    honours: x.honours.length ? x.honours.map((h) => `${h.year} ${h.name}`).join('；') : null,
    address: x.addressMasked,
    other: null,
  };
  return values[field];
}

const CORRECTION_COLOR: Record<Correction['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'default',
};

export function CorrectionStatusTag({ status, t }: { status: Correction['status']; t: Translate }) {
  return <Tag color={CORRECTION_COLOR[status]}>{t(`correction.status.${status}`)}</Tag>;
}

const TRANSFER_COLOR: Record<TenantTransfer['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export function TransferStatusTag({ status, t }: { status: TenantTransfer['status']; t: Translate }) {
  return <Tag color={TRANSFER_COLOR[status]}>{t(`tenantTransfer.status.${status}`)}</Tag>;
}

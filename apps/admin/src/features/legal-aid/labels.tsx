import { Tag } from 'antd';
import {
  CASE_SESSION_KINDS,
  DISPUTE_CATEGORIES,
  LEGAL_AID_PROVIDER_KINDS,
  LEGAL_AID_ROLES,
  type CaseSessionKind,
  type LegalAidProviderKind,
} from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';

type Category = (typeof DISPUTE_CATEGORIES)[number];
type Role = (typeof LEGAL_AID_ROLES)[number];

export const categoryName = (t: Translate, c: Category) => t(`legalAid.category.${c}`);
export const kindName = (t: Translate, k: LegalAidProviderKind) => t(`legalAid.kind.${k}`);
export const roleName = (t: Translate, r: Role) => t(`legalAid.case.role.${r}`);
export const sessionKindName = (t: Translate, k: CaseSessionKind) => t(`caseSession.kind.${k}`);

export const categoryOptions = (t: Translate) =>
  DISPUTE_CATEGORIES.map((c) => ({ value: c, label: categoryName(t, c) }));
export const kindOptions = (t: Translate) =>
  LEGAL_AID_PROVIDER_KINDS.map((k) => ({ value: k, label: kindName(t, k) }));
export const roleOptions = (t: Translate) =>
  LEGAL_AID_ROLES.map((r) => ({ value: r, label: roleName(t, r) }));
export const sessionKindOptions = (t: Translate, kinds: readonly CaseSessionKind[] = CASE_SESSION_KINDS) =>
  kinds.map((k) => ({ value: k, label: sessionKindName(t, k) }));

export function KindTag({ kind, t }: { kind: LegalAidProviderKind; t: Translate }) {
  return <Tag color={kind === 'lawyer' ? 'geekblue' : 'green'}>{kindName(t, kind)}</Tag>;
}

const SESSION_COLOURS: Record<CaseSessionKind, string> = {
  mediation_session: 'cyan',
  arbitration_hearing: 'orange',
  court_hearing: 'volcano',
};

export function SessionKindTag({ kind, t }: { kind: CaseSessionKind; t: Translate }) {
  return <Tag color={SESSION_COLOURS[kind]}>{sessionKindName(t, kind)}</Tag>;
}

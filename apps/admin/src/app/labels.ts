import type { OrgKind, Role } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';

export const roleName = (t: Translate, role: Role) => t(`role.${role}`);
export const kindName = (t: Translate, kind: OrgKind) => t(`kind.${kind}`);

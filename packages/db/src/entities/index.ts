import { AuditEventEntity } from './audit-event.entity';
import { OrgEntity } from './org.entity';
import { PlatformSettingEntity } from './platform-setting.entity';
import { RefreshTokenEntity, SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { AuditEventEntity, OrgEntity, PlatformSettingEntity, RefreshTokenEntity, SessionEntity, UserEntity };
export type { OrgSettings } from './org.entity';

export const ENTITIES = [OrgEntity, UserEntity, SessionEntity, RefreshTokenEntity, AuditEventEntity, PlatformSettingEntity];

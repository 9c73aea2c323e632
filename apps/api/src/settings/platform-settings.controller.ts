import { Controller } from '@nestjs/common';
import type { PlatformSettings } from '@guanai/contracts';
import { BodyOf, Route } from '../common/route';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { PlatformSettingsService } from './platform-settings.service';

@Controller()
export class PlatformSettingsController {
  constructor(
    private readonly settings: PlatformSettingsService,
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  @Route('getPlatformSettings')
  get(): Promise<PlatformSettings> {
    return this.settings.read(this.ctx.em);
  }

  @Route('putPlatformSettings')
  async put(@BodyOf('putPlatformSettings') body: PlatformSettings): Promise<PlatformSettings> {
    const before = await this.settings.read(this.ctx.em);
    await this.settings.write(this.ctx.em, body);
    await this.audit.record({ orgId: this.ctx.principal.orgId, action: 'platform.settings', targetType: 'platform', before, after: body });
    return body;
  }
}

import { Controller } from '@nestjs/common';
import type { ChangePasswordRequest, Me, TotpCodeRequest, TotpSetupResponse } from '@guanai/contracts';
import { BodyOf, Route } from '../common/route';
import { MeService } from './me.service';

@Controller()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Route('me')
  get(): Promise<Me> {
    return this.me.me();
  }

  @Route('changePassword')
  async changePassword(@BodyOf('changePassword') body: ChangePasswordRequest) {
    await this.me.changePassword(body);
    return { ok: true as const };
  }

  @Route('totpSetup')
  totpSetup(): Promise<TotpSetupResponse> {
    return this.me.totpSetup();
  }

  @Route('totpEnable')
  async totpEnable(@BodyOf('totpEnable') body: TotpCodeRequest) {
    await this.me.totpEnable(body.code);
    return { ok: true as const };
  }

  @Route('totpDisable')
  async totpDisable(@BodyOf('totpDisable') body: TotpCodeRequest) {
    await this.me.totpDisable(body.code);
    return { ok: true as const };
  }
}

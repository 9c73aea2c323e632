import { Controller, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { LoginRequest, RefreshRequest, TokenResponse } from '@guanai/contracts';
import { BodyOf, Route } from '../common/route';
import { RequestContext } from '../common/request-context';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly ctx: RequestContext,
  ) {}

  @Route('login')
  login(@BodyOf('login') body: LoginRequest, @Req() req: Request): Promise<TokenResponse> {
    return this.auth.login(body, { ip: req.ip, userAgent: req.headers['user-agent'] });
  }

  @Route('refresh')
  refresh(@BodyOf('refresh') body: RefreshRequest): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Route('logout')
  async logout(@BodyOf('logout') _body: unknown): Promise<{ ok: true }> {
    await this.auth.logout(this.ctx.em, this.ctx.principal);
    return { ok: true };
  }
}

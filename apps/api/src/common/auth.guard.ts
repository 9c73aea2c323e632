import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RouteContract } from '@guanai/contracts';
import { can } from '@guanai/domain';
import { SessionsService } from '../auth/sessions.service';
import { AppError } from './app-error';
import { RequestContext } from './request-context';
import { PUBLIC_KEY, ROUTE_KEY } from './route';

/**
 * Secure by default: a handler is reachable only through a contract route (or an explicit @Public);
 * non-public routes need a live session, and every route but the user's own ones a permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly ctx: RequestContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]))
      return true;
    const route = this.reflector.get<RouteContract | undefined>(ROUTE_KEY, context.getHandler());
    if (!route) throw new AppError('FORBIDDEN');
    if (route.access === 'public') return true;

    const req = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('UNAUTHENTICATED');
    const principal = await this.sessions.authenticate(token);
    this.ctx.setPrincipal(principal);
    // For the access log: who, never what.
    (req as Request & { auth?: object }).auth = { userId: principal.userId, orgId: principal.orgId };

    if (route.access === 'self') return true;
    if (principal.restrictions.includes('password_change')) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (principal.restrictions.includes('mfa_enrollment')) throw new AppError('MFA_ENROLLMENT_REQUIRED');
    if (!can(principal.role, route.access))
      throw new AppError(hidesExistence(route) ? 'NOT_FOUND' : 'FORBIDDEN');
    return true;
  }
}

/**
 * A dispute case is not there for whoever may not read cases (issue 6): a school officer, whose school
 * may be the respondent, or a teacher asking for someone's case by id learns nothing, not even that it
 * exists and is refused — the same 404 another union gets. Lists keep their 403 (nothing to hide).
 */
function hidesExistence(route: RouteContract): boolean {
  return route.path.startsWith('/v1/cases/:id');
}

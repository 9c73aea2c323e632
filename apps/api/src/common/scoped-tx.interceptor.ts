import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, inScope } from '@guanai/db';
import { RequestContext } from './request-context';

/**
 * Runs each authenticated request in one transaction scoped to the caller's organisation, so row-level
 * security applies to every query and a failure rolls everything back.
 */
@Injectable()
export class ScopedTxInterceptor implements NestInterceptor {
  constructor(
    private readonly ds: DataSource,
    private readonly ctx: RequestContext,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = this.ctx.principalOrNull;
    if (!principal) return next.handle();
    const scope = { path: principal.orgPath, userId: principal.userId, requestId: this.ctx.requestId };
    return from(
      inScope(this.ds, scope, async (em) => {
        this.ctx.setEm(em);
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          this.ctx.setEm(undefined);
        }
      }),
    );
  }
}

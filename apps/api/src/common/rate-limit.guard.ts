import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';
import { RedisClient } from '../redis/redis.module';
import { AppError } from './app-error';
import { RequestContext } from './request-context';
import { ROUTE_KEY } from './route';

/**
 * Fixed one-minute windows counted in Redis, so every API replica shares the count: per user once
 * logged in, per IP before. Login has its own, tighter window per IP.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly redis: RedisClient,
    private readonly ctx: RequestContext,
    private readonly reflector: Reflector,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const route = this.reflector.get<{ name: string } | undefined>(ROUTE_KEY, context.getHandler());
    if (!route) return true;
    const principal = this.ctx.principalOrNull;
    const window = Math.floor(Date.now() / 60_000);
    const checks: [string, number][] = [
      [principal ? `u:${principal.userId}` : `ip:${req.ip}`, this.config.RATE_LIMIT_PER_MINUTE],
    ];
    if (route.name === 'login') checks.push([`login:${req.ip}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE]);
    const multi = this.redis.multi();
    for (const [key] of checks) {
      const k = `${this.config.REDIS_PREFIX}:rl:${key}:${window}`;
      multi.incr(k).expire(k, 120);
    }
    const results = (await multi.exec()) ?? [];
    checks.forEach(([, limit], i) => {
      const count = Number(results[i * 2]?.[1] ?? 0);
      if (count > limit) throw new AppError('RATE_LIMITED');
    });
    return true;
  }
}

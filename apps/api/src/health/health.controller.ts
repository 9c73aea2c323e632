import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from '@guanai/db';
import { Route } from '../common/route';
import { RedisClient } from '../redis/redis.module';

type Check = { status: 'ok' | 'error'; detail?: string };

@Controller()
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly redis: RedisClient,
  ) {}

  @Route('healthLive')
  live() {
    return { status: 'ok' as const, checks: {} };
  }

  /** Ready when both stores answer; a load balancer stops sending traffic otherwise. */
  @Route('healthReady')
  async ready(@Res({ passthrough: true }) res: Response) {
    const probe = async (f: () => Promise<unknown>): Promise<Check> => {
      try {
        await Promise.race([f(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
        return { status: 'ok' };
      } catch (e) {
        return { status: 'error', detail: e instanceof Error ? e.message : String(e) };
      }
    };
    const checks = { postgres: await probe(() => this.ds.query('SELECT 1')), redis: await probe(() => this.redis.ping()) };
    const ok = Object.values(checks).every((c) => c.status === 'ok');
    if (!ok) res.status(503);
    return { status: ok ? ('ok' as const) : ('error' as const), checks };
  }
}

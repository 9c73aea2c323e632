import { randomBytes } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import { Redis } from 'ioredis';
import { JOBS, type QueueName } from '@guanai/contracts';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';
import { RedisClient } from '../redis/redis.module';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'guanai_board';
const TICKET_TTL_S = 60;
const SESSION_TTL_S = 30 * 60;

const ticketKey = (prefix: string, t: string) => `${prefix}:board:ticket:${t}`;
const sessionKey = (prefix: string, s: string) => `${prefix}:board:session:${s}`;

function cookieOf(req: Request): string | undefined {
  const raw = req.headers.cookie ?? '';
  return raw
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1];
}

/**
 * Bull Board at /admin/queues, for platform admins only. A browser opening a page carries no bearer
 * token, so the SPA asks the API (as a queues.admin user) for a single-use ticket; the board trades it
 * for an HttpOnly cookie scoped to its path, good for 30 minutes, and answers 401 to anyone else.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly connections: Redis[] = [];
  private readonly queues: Queue[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly redis: RedisClient,
  ) {}

  /** A one-minute, single-use ticket; the route that issues it requires queues.admin. */
  async ticket(userId: string): Promise<{ url: string }> {
    const ticket = randomBytes(24).toString('base64url');
    await this.redis.set(ticketKey(this.config.REDIS_PREFIX, ticket), userId, 'EX', TICKET_TTL_S);
    return { url: `${BOARD_PATH}?ticket=${ticket}` };
  }

  mount(server: Express): void {
    for (const name of Object.keys(JOBS) as QueueName[]) {
      const connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
      this.connections.push(connection);
      this.queues.push(new Queue(name, { connection, prefix: this.config.REDIS_PREFIX }));
    }
    const adapter = new ExpressAdapter();
    adapter.setBasePath(BOARD_PATH);
    createBullBoard({ queues: this.queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
    server.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.gate(req, res).then((pass) => (pass ? next() : undefined), next);
    });
    server.use(BOARD_PATH, adapter.getRouter());
  }

  private async gate(req: Request, res: Response): Promise<boolean> {
    const prefix = this.config.REDIS_PREFIX;
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : null;
    if (ticket) {
      const userId = await this.redis.getdel(ticketKey(prefix, ticket));
      if (!userId) {
        res.status(401).type('text/plain; charset=utf-8').send('链接已失效，请从管理端重新打开队列面板');
        return false;
      }
      const session = randomBytes(24).toString('base64url');
      await this.redis.set(sessionKey(prefix, session), userId, 'EX', SESSION_TTL_S);
      res.setHeader(
        'Set-Cookie',
        `${COOKIE}=${session}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_S}${req.secure ? '; Secure' : ''}`,
      );
      res.redirect(303, BOARD_PATH);
      return false;
    }
    const session = cookieOf(req);
    if (!session || !(await this.redis.exists(sessionKey(prefix, session)))) {
      res.status(401).type('text/plain; charset=utf-8').send('请从管理端打开队列面板（需平台管理员）');
      return false;
    }
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    this.connections.forEach((c) => c.disconnect());
  }
}

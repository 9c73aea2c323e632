import { Global, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';

/** One shared Redis client for rate limits and health; BullMQ keeps its own connections. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown, OnModuleInit {
  private readonly logger = new Logger('Redis');

  async onModuleInit(): Promise<void> {
    // BullMQ loses jobs if Redis may evict keys: say so loudly at start.
    try {
      const [, policy] = (await this.config('GET', 'maxmemory-policy')) as [string, string];
      if (policy !== 'noeviction')
        this.logger.warn(`Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or jobs can be lost`);
    } catch {
      this.logger.warn('Could not read Redis maxmemory-policy (CONFIG disabled?); make sure it is "noeviction"');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: RedisClient,
      inject: [CONFIG],
      useFactory: (config: Config) => new RedisClient(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true }),
    },
  ],
  exports: [RedisClient],
})
export class RedisModule {}

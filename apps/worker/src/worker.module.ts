import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createDataSource, DataSource, type Config } from '@guanai/db';
import { CONFIG } from './config';
import { JOB_HANDLERS, type HandlerMap } from './queues/handlers';
import { WorkerHost } from './queues/worker-host';
import { cleanupSessions } from './maintenance/sessions-cleanup';

@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } })],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            createDataSource({ url: config.APP_DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'guanai-worker' }).initialize(),
        },
        {
          provide: JOB_HANDLERS,
          inject: [DataSource],
          useFactory: (ds: DataSource): HandlerMap => ({
            maintenance: { 'sessions.cleanup': (p) => cleanupSessions(ds, p.olderThanDays) },
          }),
        },
        WorkerHost,
      ],
    };
  }
}

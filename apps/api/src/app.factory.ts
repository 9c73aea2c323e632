import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { Logger } from 'nestjs-pino';
import type { Config } from '@guanai/db';
import { AppModule } from './app.module';
import { assignRequestId, jsonBody } from './common/http-middleware';
import { mountSpa } from './spa/spa';
import { QueueBoard } from './queue-board/queue-board';
import { AppError } from './common/app-error';
import { ProblemFilter } from './common/problem.filter';

/** The whole HTTP application, configured the same way for main.ts and for the tests. */
export async function createApp(config: Config): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'] } } }));
  app.use(assignRequestId);
  app.use(jsonBody);
  app.setGlobalPrefix('api');
  app.get(QueueBoard).mount(app.getHttpAdapter().getInstance());
  app.use('/api/docs/assets', express.static(getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  mountSpa(app.getHttpAdapter().getInstance(), config.ADMIN_DIST);
  app.enableShutdownHooks();
  await app.init();
  // Unknown /api routes answer problem+json like everything else.
  app
    .getHttpAdapter()
    .getInstance()
    .use('/api', (_req: unknown, _res: unknown, next: (e?: unknown) => void) =>
      next(new AppError('ROUTE_NOT_FOUND')),
    );
  app.useGlobalFilters(new ProblemFilter());
  return app;
}

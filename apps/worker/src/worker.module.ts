import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createDataSource, DataSource, FieldCipher, parseFieldKeys, type Config } from '@guanai/db';
import { CONFIG } from './config';
import { JOB_HANDLERS, type HandlerMap } from './queues/handlers';
import { WorkerHost } from './queues/worker-host';
import { cleanupSessions } from './maintenance/sessions-cleanup';
import { cleanupTeacherImports } from './maintenance/imports-cleanup';
import { TeacherImportJob } from './teacher-imports/import-job';
import { TeacherImportsReconciler } from './teacher-imports/reconcile';
import { ComplianceRefreshJob } from './compliance/refresh-job';
import { WorkerQueues } from './queues/queues';
import { RemindersJob } from './reminders/reminders-job';
import { RemindersReconciler } from './reminders/reconcile';
import { DeliverJob } from './notifications/deliver-job';

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
            createDataSource({
              url: config.APP_DATABASE_URL,
              poolSize: config.DB_POOL_SIZE,
              applicationName: 'guanai-worker',
            }).initialize(),
        },
        {
          provide: FieldCipher,
          useFactory: () => {
            const { keys, current } = parseFieldKeys(config);
            return new FieldCipher(keys, current, Buffer.from(config.LOOKUP_HASH_KEY, 'base64'));
          },
        },
        WorkerQueues,
        TeacherImportJob,
        ComplianceRefreshJob,
        RemindersJob,
        DeliverJob,
        {
          provide: JOB_HANDLERS,
          inject: [DataSource, TeacherImportJob, ComplianceRefreshJob, RemindersJob, DeliverJob],
          useFactory: (
            ds: DataSource,
            teacherImports: TeacherImportJob,
            compliance: ComplianceRefreshJob,
            reminders: RemindersJob,
            deliver: DeliverJob,
          ): HandlerMap => ({
            maintenance: {
              'sessions.cleanup': (p) => cleanupSessions(ds, p.olderThanDays),
              'imports.cleanup': (p) => cleanupTeacherImports(ds, p),
            },
            imports: { 'teachers.import': (p) => teacherImports.run(p.importId) },
            compliance: {
              'compliance.refresh': (p) => compliance.refresh(p.programmeId),
              'compliance.refresh_all': (p) => compliance.refreshAll(p.year),
            },
            reminders: {
              'reminders.evaluate': (p) => reminders.evaluate(p.tenantId, p.day),
              'reminders.sync_schedules': () => reminders.syncSchedules(),
              'reminders.case_deadlines': (p) => reminders.caseDeadlines(p.tenantId, p.caseId),
            },
            notifications: { 'notifications.deliver': (p, job) => deliver.deliver(p.deliveryId, job) },
          }),
        },
        WorkerHost,
        TeacherImportsReconciler,
        RemindersReconciler,
      ],
    };
  }
}

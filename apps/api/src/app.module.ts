import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { Request } from 'express';
import type { Config } from '@guanai/db';
import { ConfigModule } from './config.module';
import { DbModule } from './db/db.module';
import { RedisModule } from './redis/redis.module';
import { ProblemFilter } from './common/problem.filter';
import { AuthGuard } from './common/auth.guard';
import { RateLimitGuard } from './common/rate-limit.guard';
import { ScopedTxInterceptor } from './common/scoped-tx.interceptor';
import { RequestContext } from './common/request-context';
import { AuditService } from './audit/audit.service';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionsService } from './auth/sessions.service';
import { Tokens } from './auth/tokens';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { OpenApiController } from './openapi/openapi.controller';
import { OrgChainService } from './orgs/org-chain.service';
import { OrgsController } from './orgs/orgs.controller';
import { OrgsService } from './orgs/orgs.service';
import { PlatformSettingsController } from './settings/platform-settings.controller';
import { PlatformSettingsService } from './settings/platform-settings.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { TeachersController } from './teachers/teachers.controller';
import { TeacherExportController } from './teacher-imports/teacher-export.controller';
import { TeacherExportService } from './teacher-imports/teacher-export.service';
import { TeacherImportsController } from './teacher-imports/teacher-imports.controller';
import { TeacherImportsService } from './teacher-imports/teacher-imports.service';
import { JobQueue } from './jobs/job-queue';
import { TeachersService } from './teachers/teachers.service';
import { TeacherRequestsController } from './teacher-requests/teacher-requests.controller';
import { CorrectionsService } from './teacher-requests/corrections.service';
import { TenantTransfersService } from './teacher-requests/tenant-transfers.service';
import { TemplatesController } from './programmes/templates.controller';
import { TemplatesService } from './programmes/templates.service';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgrammesService } from './programmes/programmes.service';
import { CareRecordsController } from './care-records/care-records.controller';
import { CareAttachmentsController } from './care-records/care-attachments.controller';
import { CareAttachmentsService } from './care-records/care-attachments.service';
import { CareRecordsService } from './care-records/care-records.service';
import { CareParticipantsService } from './care-records/care-participants.service';
import { ComplianceController } from './compliance/compliance.controller';
import { ComplianceService } from './compliance/compliance.service';
import { ComplianceOverviewService } from './compliance/compliance-overview.service';
import { ComplianceRefresher } from './compliance/compliance-refresher';
import { RemindersController } from './reminders/reminders.controller';
import { RemindersService } from './reminders/reminders.service';
import { ReminderSettingsService } from './reminders/reminder-settings.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { PreferencesService } from './notifications/preferences.service';
import { DeliveriesService } from './notifications/deliveries.service';
import { QueueBoard } from './queue-board/queue-board';
import { QueueBoardController } from './queue-board/queue-board.controller';
import { DisputesController } from './disputes/disputes.controller';
import { DisputesService } from './disputes/disputes.service';
import { MyCasesService } from './disputes/my-cases.service';
import { caseDocumentsFeature } from './case-documents/feature';
import { legalAidFeature } from './legal-aid/feature';
import { supervisionFeature } from './supervision/feature';
import { caseReportsFeature } from './case-reports/feature';
import { holidaysFeature } from './holidays/feature';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: Request) => String(req.id),
            setup: (cls, req: Request) => cls.set('ip', req.ip ?? null),
          },
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req) => String((req as Request).id),
            // Who did it, never what they sent: no bodies, tokens, passwords or ID numbers in logs.
            customProps: (req) => {
              const auth = (req as Request & { auth?: { userId: string; orgId: string } }).auth;
              return auth ? { userId: auth.userId, orgId: auth.orgId } : {};
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
            ...(config.LOG_PRETTY ? { transport: { target: 'pino-pretty' } } : {}),
          },
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        DbModule,
        RedisModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        MeController,
        OrgsController,
        UsersController,
        AuditController,
        PlatformSettingsController,
        // Before TeachersController: its GET /v1/teachers/:id would take export.xlsx for an id.
        TeacherExportController,
        TeachersController,
        TeacherImportsController,
        TeacherRequestsController,
        TemplatesController,
        ProgrammesController,
        CareRecordsController,
        CareAttachmentsController,
        ComplianceController,
        RemindersController,
        NotificationsController,
        QueueBoardController,
        DisputesController,
        ...caseDocumentsFeature.controllers,
        ...legalAidFeature.controllers,
        ...supervisionFeature.controllers,
        ...caseReportsFeature.controllers,
        ...holidaysFeature.controllers,
        OpenApiController,
      ],
      providers: [
        RequestContext,
        Tokens,
        SessionsService,
        AuthService,
        AuditService,
        MeService,
        OrgChainService,
        OrgsService,
        UsersService,
        PlatformSettingsService,
        TeachersService,
        TeacherExportService,
        TeacherImportsService,
        JobQueue,
        CorrectionsService,
        TenantTransfersService,
        TemplatesService,
        ProgrammesService,
        CareRecordsService,
        CareAttachmentsService,
        CareParticipantsService,
        ComplianceService,
        ComplianceOverviewService,
        ComplianceRefresher,
        RemindersService,
        ReminderSettingsService,
        NotificationsService,
        PreferencesService,
        DeliveriesService,
        QueueBoard,
        DisputesService,
        MyCasesService,
        ...caseDocumentsFeature.providers,
        ...legalAidFeature.providers,
        ...supervisionFeature.providers,
        ...caseReportsFeature.providers,
        ...holidaysFeature.providers,
        { provide: APP_FILTER, useClass: ProblemFilter },
        // Order matters: who is calling first, then how often they may.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: ScopedTxInterceptor },
      ],
    };
  }
}

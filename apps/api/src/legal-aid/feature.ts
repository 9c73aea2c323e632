import type { Provider, Type } from '@nestjs/common';
import { CaseAidController } from './case-aid.controller';
import { LegalAidAssignmentsService } from './assignments.service';
import { LegalAidProvidersController } from './providers.controller';
import { LegalAidProvidersService } from './providers.service';
import { CaseSessionsService } from './sessions.service';

/** What this capability adds to the API module. */
export const legalAidFeature: { controllers: Type[]; providers: Provider[] } = {
  controllers: [LegalAidProvidersController, CaseAidController],
  providers: [LegalAidProvidersService, LegalAidAssignmentsService, CaseSessionsService],
};

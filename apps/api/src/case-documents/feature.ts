import type { Provider, Type } from '@nestjs/common';
import { fileProviders } from '../files/files.providers';
import { CaseDocumentFiles } from './case-document-files';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocumentsService } from './case-documents.service';
import { MyCaseDocumentsService } from './my-case-documents.service';

/** What this capability adds to the API module. */
export const caseDocumentsFeature: { controllers: Type[]; providers: Provider[] } = {
  controllers: [CaseDocumentsController],
  providers: [...fileProviders, CaseDocumentFiles, CaseDocumentsService, MyCaseDocumentsService],
};

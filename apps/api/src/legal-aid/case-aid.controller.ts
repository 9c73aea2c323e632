import { Controller } from '@nestjs/common';
import type {
  AddCaseSessionRequest,
  AddLegalAidAssignmentRequest,
  UpdateCaseSessionRequest,
  UpdateLegalAidAssignmentRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, ParamIdOf, Route } from '../common/route';
import { LegalAidAssignmentsService } from './assignments.service';
import { CaseSessionsService } from './sessions.service';

/** A case's legal aid and its sessions and hearings, for the handlers of the case's union. */
@Controller()
export class CaseAidController {
  constructor(
    private readonly assignments: LegalAidAssignmentsService,
    private readonly sessions: CaseSessionsService,
  ) {}

  @Route('listCaseLegalAid')
  legalAid(@IdOf() caseId: string) {
    return this.assignments.list(caseId);
  }

  @Route('addCaseLegalAid')
  assign(@IdOf() caseId: string, @BodyOf('addCaseLegalAid') body: AddLegalAidAssignmentRequest) {
    return this.assignments.add(caseId, body);
  }

  @Route('updateCaseLegalAid')
  updateAssignment(
    @IdOf() caseId: string,
    @ParamIdOf('assignmentId') id: string,
    @BodyOf('updateCaseLegalAid') body: UpdateLegalAidAssignmentRequest,
  ) {
    return this.assignments.update(caseId, id, body);
  }

  @Route('listCaseSessions')
  listSessions(@IdOf() caseId: string) {
    return this.sessions.list(caseId);
  }

  @Route('addCaseSession')
  addSession(@IdOf() caseId: string, @BodyOf('addCaseSession') body: AddCaseSessionRequest) {
    return this.sessions.add(caseId, body);
  }

  @Route('updateCaseSession')
  updateSession(
    @IdOf() caseId: string,
    @ParamIdOf('sessionId') id: string,
    @BodyOf('updateCaseSession') body: UpdateCaseSessionRequest,
  ) {
    return this.sessions.update(caseId, id, body);
  }
}

import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  AssignCaseHandlerRequest,
  CaseTransitionRequest,
  CreateCaseRequest,
  ListCasesQuery,
  SubmitMyCaseRequest,
  UpdateCaseFactsRequest,
  WithdrawMyCaseRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { DisputesService } from './disputes.service';
import { MyCasesService } from './my-cases.service';

type In<T extends z.ZodType> = z.infer<T>;

@Controller()
export class DisputesController {
  constructor(
    private readonly cases: DisputesService,
    private readonly mine: MyCasesService,
  ) {}

  @Route('listCases')
  list(@QueryOf('listCases') q: ListCasesQuery) {
    return this.cases.list(q);
  }

  @Route('createCase')
  create(@BodyOf('createCase') body: CreateCaseRequest) {
    return this.cases.create(body);
  }

  @Route('getCase')
  open(@IdOf() id: string) {
    return this.cases.open(id);
  }

  @Route('transitionCase')
  transition(@IdOf() id: string, @BodyOf('transitionCase') body: CaseTransitionRequest) {
    return this.cases.transition(id, body);
  }

  @Route('updateCaseFacts')
  updateFacts(@IdOf() id: string, @BodyOf('updateCaseFacts') body: UpdateCaseFactsRequest) {
    return this.cases.updateFacts(id, body);
  }

  @Route('assignCaseHandler')
  assign(@IdOf() id: string, @BodyOf('assignCaseHandler') body: AssignCaseHandlerRequest) {
    return this.cases.assignHandler(id, body);
  }

  @Route('caseApplicantCandidates')
  candidates(@QueryOf('caseApplicantCandidates') q: { q: string }) {
    return this.cases.applicantCandidates(q.q);
  }

  @Route('caseHandlers')
  handlers() {
    return this.cases.handlers();
  }

  @Route('caseDeadlines')
  deadlines(@IdOf() id: string) {
    return this.cases.deadlines(id);
  }

  @Route('myCases')
  myCases() {
    return this.mine.list();
  }

  @Route('submitMyCase')
  submit(@BodyOf('submitMyCase') body: SubmitMyCaseRequest) {
    return this.mine.submit(body);
  }

  @Route('withdrawMyCase')
  withdraw(@IdOf() id: string, @BodyOf('withdrawMyCase') body: In<typeof WithdrawMyCaseRequest>) {
    return this.mine.withdraw(id, body.version, body.reason ?? null);
  }
}

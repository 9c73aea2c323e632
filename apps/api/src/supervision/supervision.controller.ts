import { Controller } from '@nestjs/common';
import type {
  CreateSupervisionVisitRequest,
  ListSupervisionVisitsQuery,
  SupervisionFollowUpRequest,
  UpdateSupervisionVisitRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { SupervisionService } from './supervision.service';

@Controller()
export class SupervisionController {
  constructor(private readonly visits: SupervisionService) {}

  @Route('listSupervisionVisits')
  list(@QueryOf('listSupervisionVisits') q: ListSupervisionVisitsQuery) {
    return this.visits.list(q);
  }

  @Route('createSupervisionVisit')
  create(@BodyOf('createSupervisionVisit') body: CreateSupervisionVisitRequest) {
    return this.visits.create(body);
  }

  @Route('getSupervisionVisit')
  get(@IdOf() id: string) {
    return this.visits.get(id);
  }

  @Route('updateSupervisionVisit')
  update(@IdOf() id: string, @BodyOf('updateSupervisionVisit') body: UpdateSupervisionVisitRequest) {
    return this.visits.update(id, body);
  }

  @Route('recordSupervisionFollowUp')
  followUp(@IdOf() id: string, @BodyOf('recordSupervisionFollowUp') body: SupervisionFollowUpRequest) {
    return this.visits.followUp(id, body);
  }

  @Route('schoolSupervisionHistory')
  history(@IdOf() id: string) {
    return this.visits.history(id);
  }
}

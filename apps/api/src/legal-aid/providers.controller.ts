import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  CreateLegalAidProviderRequest,
  LegalAidVersionRequest,
  ListLegalAidProvidersQuery,
  UpdateLegalAidProviderRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { LegalAidProvidersService } from './providers.service';

type Version = z.infer<typeof LegalAidVersionRequest>;

/** The roster: kept by the province and the unions (legal_aid.manage), read by case handlers (case.read). */
@Controller()
export class LegalAidProvidersController {
  constructor(private readonly providers: LegalAidProvidersService) {}

  @Route('listLegalAidProviders')
  list(@QueryOf('listLegalAidProviders') q: ListLegalAidProvidersQuery) {
    return this.providers.list(q);
  }

  @Route('getLegalAidProvider')
  open(@IdOf() id: string) {
    return this.providers.open(id);
  }

  @Route('createLegalAidProvider')
  create(@BodyOf('createLegalAidProvider') body: CreateLegalAidProviderRequest) {
    return this.providers.create(body);
  }

  @Route('updateLegalAidProvider')
  update(@IdOf() id: string, @BodyOf('updateLegalAidProvider') body: UpdateLegalAidProviderRequest) {
    return this.providers.update(id, body);
  }

  @Route('deactivateLegalAidProvider')
  deactivate(@IdOf() id: string, @BodyOf('deactivateLegalAidProvider') body: Version) {
    return this.providers.setActive(id, body.version, false);
  }

  @Route('activateLegalAidProvider')
  activate(@IdOf() id: string, @BodyOf('activateLegalAidProvider') body: Version) {
    return this.providers.setActive(id, body.version, true);
  }

  @Route('listLegalAidRoster')
  roster(@QueryOf('listLegalAidRoster') q: ListLegalAidProvidersQuery) {
    return this.providers.roster(q);
  }

  @Route('getLegalAidRosterEntry')
  openServing(@IdOf() id: string) {
    return this.providers.openServing(id);
  }
}

import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  AdoptProgrammeRequest,
  ListProgrammesQuery,
  UpdateProgrammeRequest,
  UpgradeProgrammeRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { ProgrammesService } from './programmes.service';

type In<T extends z.ZodType> = z.infer<T>;

/** The programmes unions adopt for a year. */
@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Route('listProgrammes')
  list(@QueryOf('listProgrammes') q: In<typeof ListProgrammesQuery>) {
    return this.programmes.list(q);
  }

  @Route('adoptProgramme')
  adopt(@BodyOf('adoptProgramme') body: AdoptProgrammeRequest) {
    return this.programmes.adopt(body);
  }

  @Route('getProgramme')
  get(@IdOf() id: string) {
    return this.programmes.get(id);
  }

  @Route('updateProgramme')
  update(@IdOf() id: string, @BodyOf('updateProgramme') body: UpdateProgrammeRequest) {
    return this.programmes.update(id, body);
  }

  @Route('upgradeProgramme')
  upgrade(@IdOf() id: string, @BodyOf('upgradeProgramme') body: In<typeof UpgradeProgrammeRequest>) {
    return this.programmes.upgrade(id, body.version, body.versionId);
  }
}

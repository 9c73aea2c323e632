import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  CreateTemplateRequest,
  ListVersionsQuery,
  PublishRequest,
  SaveDraftRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { TemplatesService } from './templates.service';

type In<T extends z.ZodType> = z.infer<T>;

/** Programme templates and their published versions. No route changes a version once published. */
@Controller()
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Route('listBuiltinTemplates')
  builtins() {
    return this.templates.builtins();
  }

  @Route('listTemplates')
  list() {
    return this.templates.list();
  }

  @Route('createTemplate')
  create(@BodyOf('createTemplate') body: CreateTemplateRequest) {
    return this.templates.create(body);
  }

  @Route('getTemplate')
  get(@IdOf() id: string) {
    return this.templates.get(id);
  }

  @Route('saveTemplateDraft')
  saveDraft(@IdOf() id: string, @BodyOf('saveTemplateDraft') body: SaveDraftRequest) {
    return this.templates.saveDraft(id, body);
  }

  @Route('templateDraftDiff')
  diff(@IdOf() id: string) {
    return this.templates.diff(id);
  }

  @Route('publishTemplate')
  publish(@IdOf() id: string, @BodyOf('publishTemplate') body: In<typeof PublishRequest>) {
    return this.templates.publish(id, body.version, body.note);
  }

  @Route('listProgrammeVersions')
  versions(@QueryOf('listProgrammeVersions') q: In<typeof ListVersionsQuery>) {
    return this.templates.versions(q.templateId);
  }

  @Route('getProgrammeVersion')
  version(@IdOf() id: string) {
    return this.templates.version(id);
  }
}

import { Controller } from '@nestjs/common';
import type { CreateOrgRequest, MoveOrgRequest, PasswordPolicy, UpdateOrgRequest, VersionRequest } from '@guanai/contracts';
import { BodyOf, IdOf, Route } from '../common/route';
import { OrgsService } from './orgs.service';

@Controller()
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Route('listOrgs')
  list() {
    return this.orgs.list();
  }

  @Route('getOrg')
  get(@IdOf() id: string) {
    return this.orgs.get(id);
  }

  @Route('createOrg')
  create(@BodyOf('createOrg') body: CreateOrgRequest) {
    return this.orgs.create(body);
  }

  @Route('updateOrg')
  update(@IdOf() id: string, @BodyOf('updateOrg') body: UpdateOrgRequest) {
    return this.orgs.update(id, body);
  }

  @Route('moveOrg')
  move(@IdOf() id: string, @BodyOf('moveOrg') body: MoveOrgRequest) {
    return this.orgs.move(id, body);
  }

  @Route('deactivateOrg')
  deactivate(@IdOf() id: string, @BodyOf('deactivateOrg') body: VersionRequest) {
    return this.orgs.setActive(id, body.version, false);
  }

  @Route('activateOrg')
  activate(@IdOf() id: string, @BodyOf('activateOrg') body: VersionRequest) {
    return this.orgs.setActive(id, body.version, true);
  }

  @Route('getPasswordPolicy')
  passwordPolicy(@IdOf() id: string) {
    return this.orgs.passwordPolicy(id);
  }

  @Route('putPasswordPolicy')
  setPasswordPolicy(@IdOf() id: string, @BodyOf('putPasswordPolicy') body: PasswordPolicy) {
    return this.orgs.setPasswordPolicy(id, body);
  }
}

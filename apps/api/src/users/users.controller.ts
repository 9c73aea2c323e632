import { Controller } from '@nestjs/common';
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest, VersionRequest } from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Route('listUsers')
  list(@QueryOf('listUsers') query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Route('getUser')
  get(@IdOf() id: string) {
    return this.users.get(id);
  }

  @Route('createUser')
  create(@BodyOf('createUser') body: CreateUserRequest) {
    return this.users.create(body);
  }

  @Route('updateUser')
  update(@IdOf() id: string, @BodyOf('updateUser') body: UpdateUserRequest) {
    return this.users.update(id, body);
  }

  @Route('disableUser')
  disable(@IdOf() id: string, @BodyOf('disableUser') body: VersionRequest) {
    return this.users.setStatus(id, body.version, 'disabled');
  }

  @Route('enableUser')
  enable(@IdOf() id: string, @BodyOf('enableUser') body: VersionRequest) {
    return this.users.setStatus(id, body.version, 'active');
  }

  @Route('unlockUser')
  unlock(@IdOf() id: string, @BodyOf('unlockUser') body: VersionRequest) {
    return this.users.unlock(id, body.version);
  }

  @Route('resetPassword')
  resetPassword(@IdOf() id: string, @BodyOf('resetPassword') body: VersionRequest) {
    return this.users.resetPassword(id, body.version);
  }
}

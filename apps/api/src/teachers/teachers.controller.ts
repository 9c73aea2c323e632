import { Controller } from '@nestjs/common';
import type {
  AddFamilyLinkRequest,
  CreateTeacherRequest,
  ListTeachersQuery,
  UpdateTeacherRequest,
} from '@guanai/contracts';
import { z } from 'zod';
import { RevealRequest, RetireTeacherRequest, TransferTeacherRequest } from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { TeachersService } from './teachers.service';

@Controller()
export class TeachersController {
  constructor(private readonly teachers: TeachersService) {}

  @Route('listTeachers')
  list(@QueryOf('listTeachers') q: ListTeachersQuery) {
    return this.teachers.list(q);
  }

  @Route('getTeacher')
  get(@IdOf() id: string) {
    return this.teachers.get(id);
  }

  @Route('createTeacher')
  create(@BodyOf('createTeacher') body: CreateTeacherRequest) {
    return this.teachers.create(body);
  }

  @Route('updateTeacher')
  update(@IdOf() id: string, @BodyOf('updateTeacher') body: UpdateTeacherRequest) {
    return this.teachers.update(id, body);
  }

  @Route('transferTeacher')
  transfer(@IdOf() id: string, @BodyOf('transferTeacher') body: z.infer<typeof TransferTeacherRequest>) {
    return this.teachers.transfer(id, body.version, body.orgId, body.on);
  }

  @Route('retireTeacher')
  retire(@IdOf() id: string, @BodyOf('retireTeacher') body: z.infer<typeof RetireTeacherRequest>) {
    return this.teachers.retire(id, body.version, body.on);
  }

  @Route('revealTeacher')
  async reveal(@IdOf() id: string, @BodyOf('revealTeacher') body: z.infer<typeof RevealRequest>) {
    return { field: body.field, value: await this.teachers.reveal(id, body.field, body.reason) };
  }

  @Route('addFamilyLink')
  addFamily(@IdOf() id: string, @BodyOf('addFamilyLink') body: AddFamilyLinkRequest) {
    return this.teachers.addFamilyLink(id, body);
  }
}

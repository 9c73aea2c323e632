import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  CreateCareRecordRequest,
  DeleteCareRecordRequest,
  ListCareRecordsQuery,
  PageQuery,
  UpdateCareRecordRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { CareRecordsService } from './care-records.service';
import { CareParticipantsService } from './care-participants.service';

type In<T extends z.ZodType> = z.infer<T>;

@Controller()
export class CareRecordsController {
  constructor(
    private readonly records: CareRecordsService,
    private readonly participants: CareParticipantsService,
  ) {}

  @Route('listCareRecords')
  list(@QueryOf('listCareRecords') q: ListCareRecordsQuery) {
    return this.records.list(q);
  }

  @Route('createCareRecord')
  create(@BodyOf('createCareRecord') body: CreateCareRecordRequest) {
    return this.records.create(body);
  }

  @Route('getCareRecord')
  get(@IdOf() id: string) {
    return this.records.get(id);
  }

  @Route('updateCareRecord')
  update(@IdOf() id: string, @BodyOf('updateCareRecord') body: UpdateCareRecordRequest) {
    return this.records.update(id, body);
  }

  @Route('deleteCareRecord')
  delete(@IdOf() id: string, @BodyOf('deleteCareRecord') body: In<typeof DeleteCareRecordRequest>) {
    return this.records.delete(id, body.version, body.reason);
  }

  @Route('listCareParticipants')
  listParticipants(@IdOf() id: string, @QueryOf('listCareParticipants') q: In<typeof PageQuery>) {
    return this.participants.list(id, q.page, q.pageSize);
  }

  @Route('teacherCare')
  teacherCare(@IdOf() id: string, @QueryOf('teacherCare') q: In<typeof PageQuery>) {
    return this.participants.teacherCare(id, q.page, q.pageSize);
  }
}

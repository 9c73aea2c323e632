import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  AcceptTenantTransferRequest,
  CancelTenantTransferRequest,
  CreateCorrectionRequest,
  CreateTenantTransferRequest,
  LinkAccountRequest,
  ListCorrectionsQuery,
  ListTenantTransfersQuery,
  RejectTenantTransferRequest,
  ResolveCorrectionRequest,
  RevealCorrectionRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { CorrectionsService } from './corrections.service';
import { TenantTransfersService } from './tenant-transfers.service';

type In<T extends z.ZodType> = z.infer<T>;

@Controller()
export class TeacherRequestsController {
  constructor(
    private readonly corrections: CorrectionsService,
    private readonly transfers: TenantTransfersService,
  ) {}

  @Route('myTeacherRecord')
  myRecord() {
    return this.corrections.myRecord();
  }

  @Route('myCorrections')
  myCorrections() {
    return this.corrections.mine();
  }

  @Route('requestCorrection')
  requestCorrection(@BodyOf('requestCorrection') body: CreateCorrectionRequest) {
    return this.corrections.request(body);
  }

  @Route('linkTeacherAccount')
  link(@IdOf() id: string, @BodyOf('linkTeacherAccount') body: In<typeof LinkAccountRequest>) {
    return this.corrections.linkAccount(id, body.userId);
  }

  @Route('listCorrections')
  list(@QueryOf('listCorrections') q: In<typeof ListCorrectionsQuery>) {
    return this.corrections.list(q.status, q.page, q.pageSize);
  }

  @Route('revealCorrection')
  reveal(@IdOf() id: string, @BodyOf('revealCorrection') body: In<typeof RevealCorrectionRequest>) {
    return this.corrections.reveal(id, body.reason);
  }

  @Route('resolveCorrection')
  resolve(@IdOf() id: string, @BodyOf('resolveCorrection') body: In<typeof ResolveCorrectionRequest>) {
    return this.corrections.resolve(id, body.accept, body.resolution);
  }

  @Route('tenantDirectory')
  directory() {
    return this.transfers.directory();
  }

  @Route('requestTenantTransfer')
  requestTransfer(@IdOf() id: string, @BodyOf('requestTenantTransfer') body: In<typeof CreateTenantTransferRequest>) {
    return this.transfers.request(id, body.toTenantId, body.on, body.note);
  }

  @Route('listTenantTransfers')
  transfersList(@QueryOf('listTenantTransfers') q: In<typeof ListTenantTransfersQuery>) {
    return this.transfers.list(q.direction, q.status, q.page, q.pageSize);
  }

  @Route('acceptTenantTransfer')
  accept(@IdOf() id: string, @BodyOf('acceptTenantTransfer') body: In<typeof AcceptTenantTransferRequest>) {
    return this.transfers.accept(id, body.orgId);
  }

  @Route('cancelTenantTransfer')
  cancel(@IdOf() id: string, @BodyOf('cancelTenantTransfer') body: In<typeof CancelTenantTransferRequest>) {
    return this.transfers.cancel(id, body.reason);
  }

  @Route('rejectTenantTransfer')
  reject(@IdOf() id: string, @BodyOf('rejectTenantTransfer') body: In<typeof RejectTenantTransferRequest>) {
    return this.transfers.reject(id, body.reason);
  }
}

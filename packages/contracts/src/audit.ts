import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common';

export const AuditEvent = z.object({
  id: Id,
  orgId: Id,
  seq: z.number().int(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditEventPage = pageOf(AuditEvent);

export const ListAuditEventsQuery = PageQuery.extend({
  actorId: Id.optional(),
  orgId: Id.optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuery>;

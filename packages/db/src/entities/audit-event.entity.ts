import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only; seq, prev_hash, hash and created_at are set by the database trigger. */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ type: 'bigint', insert: false }) seq!: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'target_type', type: 'text', nullable: true }) targetType!: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: unknown;
  @Column({ type: 'jsonb', nullable: true }) after!: unknown;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false }) createdAt!: Date;
  @Column({ name: 'prev_hash', type: 'text', insert: false }) prevHash!: string;
  @Column({ type: 'text', insert: false }) hash!: string;
}

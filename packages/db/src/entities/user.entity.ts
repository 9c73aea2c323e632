import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role, UserStatus } from '@guanai/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  /** argon2id, 19 MiB, t=2, p=1 (OWASP's first recommended setting). */
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ name: 'must_change_password', type: 'boolean', default: true }) mustChangePassword!: boolean;
  @Column({ name: 'password_changed_at', type: 'timestamptz' }) passwordChangedAt!: Date;
  @Column({ type: 'text', default: 'active' }) status!: UserStatus;
  @Column({ name: 'failed_logins', type: 'int', default: 0 }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  /** Encrypted at rest (AES-256-GCM). */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false }) totpSecret!: string | null;
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true, select: false })
  totpPendingSecret!: string | null;
  @Column({ name: 'totp_enabled', type: 'boolean', default: false }) totpEnabled!: boolean;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false }) totpLastStep!: string | null;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OrgKind, PasswordPolicy } from '@guanai/contracts';

export interface OrgSettings {
  passwordPolicy?: PasswordPolicy;
}

/** A node of the organisation tree: platform, province union, tenant union, school or department. */
@Entity('orgs')
export class OrgEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  /** `/<root id>/…/<own id>/`: scope checks are prefix checks on it. */
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'int' }) depth!: number;
  @Column({ type: 'text' }) kind!: OrgKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId!: string | null;
  @Column({ type: 'boolean', default: false }) rural!: boolean;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'jsonb', default: {} }) settings!: OrgSettings;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

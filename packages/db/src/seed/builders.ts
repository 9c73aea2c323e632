import type { EntityManager } from 'typeorm';
import type { OrgKind, Role } from '@guanai/contracts';
import { childPath, isTenantKind } from '@guanai/domain';
import { OrgEntity } from '../entities/org.entity';
import { UserEntity } from '../entities/user.entity';
import { hashPassword } from '../crypto/passwords';

/**
 * Builders shared by the demo seed and the test factories, so the demo exercises what tests exercise.
 * They run inside a transaction whose scope covers what they write.
 */

export async function createRootOrg(em: EntityManager, name = '关爱平台'): Promise<OrgEntity> {
  const id = (await em.query('SELECT gen_random_uuid() AS id'))[0].id as string;
  return em.getRepository(OrgEntity).save({
    id,
    parentId: null,
    path: `/${id}/`,
    depth: 0,
    kind: 'platform',
    name,
    code: 'platform',
    tenantId: null,
  });
}

export interface OrgSpec {
  kind: OrgKind;
  name: string;
  code?: string | null;
  rural?: boolean;
}

export async function createChildOrg(em: EntityManager, parent: OrgEntity, spec: OrgSpec): Promise<OrgEntity> {
  const id = (await em.query('SELECT gen_random_uuid() AS id'))[0].id as string;
  return em.getRepository(OrgEntity).save({
    id,
    parentId: parent.id,
    path: childPath(parent.path, id),
    depth: parent.depth + 1,
    kind: spec.kind,
    name: spec.name,
    code: spec.code ?? null,
    rural: spec.rural ?? false,
    tenantId: isTenantKind(spec.kind) ? id : parent.tenantId,
  });
}

export interface UserSpec {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  mustChangePassword?: boolean;
  /** A precomputed hash, to seed many users without hashing each. */
  passwordHash?: string;
}

export async function createUser(em: EntityManager, org: OrgEntity, spec: UserSpec): Promise<UserEntity> {
  const repo = em.getRepository(UserEntity);
  const saved = await repo.save(
    repo.create({
      orgId: org.id,
      username: spec.username.toLowerCase(),
      displayName: spec.displayName,
      role: spec.role,
      passwordHash: spec.passwordHash ?? (await hashPassword(spec.password)),
      mustChangePassword: spec.mustChangePassword ?? false,
      passwordChangedAt: new Date(),
    }),
  );
  return saved;
}

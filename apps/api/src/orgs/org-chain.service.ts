import { Injectable } from '@nestjs/common';
import type { OrgRef, PasswordPolicy } from '@guanai/contracts';
import { DEFAULT_PASSWORD_POLICY, idsOnPath } from '@guanai/domain';
import type { EntityManager, OrgSettings } from '@guanai/db';

interface ChainNode extends OrgRef {
  settings: OrgSettings;
  tenantId: string | null;
}

/**
 * The organisations from the root down to one in scope. Row-level security lets a scope read the
 * chain above it, so this runs on the caller's own transaction: never a second pooled connection
 * while the first is held (50 such requests would exhaust a pool of 10 and wait on each other).
 */
@Injectable()
export class OrgChainService {
  async chain(em: EntityManager, path: string): Promise<ChainNode[]> {
    const ids = idsOnPath(path);
    const rows: { id: string; name: string; kind: OrgRef['kind']; settings: OrgSettings; tenant_id: string | null }[] =
      await em.query('SELECT id, name, kind, settings, tenant_id FROM orgs WHERE id = ANY($1::uuid[])', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id: r.id, name: r.name, kind: r.kind, settings: r.settings, tenantId: r.tenant_id }] : [];
    });
  }

  /** The password policy of the tenant an organisation belongs to, else the default. */
  async passwordPolicy(em: EntityManager, path: string): Promise<PasswordPolicy> {
    const chain = await this.chain(em, path);
    const tenant = [...chain].reverse().find((n) => n.settings.passwordPolicy);
    return tenant?.settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  }
}

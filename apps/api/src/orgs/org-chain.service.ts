import { Injectable } from '@nestjs/common';
import type { OrgRef, PasswordPolicy } from '@guanai/contracts';
import { DEFAULT_PASSWORD_POLICY, idsOnPath } from '@guanai/domain';
import { DataSource, inScope, systemScope, type OrgSettings } from '@guanai/db';

interface ChainNode extends OrgRef {
  settings: OrgSettings;
  tenantId: string | null;
}

/**
 * Reads the ancestors of an organisation. They lie above the caller's scope (a school officer's county
 * union), so this is one of the named system-scope reads: names, kinds and settings only.
 */
@Injectable()
export class OrgChainService {
  constructor(private readonly ds: DataSource) {}

  async chain(path: string): Promise<ChainNode[]> {
    const ids = idsOnPath(path);
    const rows: { id: string; name: string; kind: OrgRef['kind']; settings: OrgSettings; tenant_id: string | null }[] =
      await inScope(this.ds, systemScope('org-chain'), (em) =>
        em.query('SELECT id, name, kind, settings, tenant_id FROM orgs WHERE id = ANY($1::uuid[])', [ids]),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id: r.id, name: r.name, kind: r.kind, settings: r.settings, tenantId: r.tenant_id }] : [];
    });
  }

  /** Usernames are unique across the platform; this answers yes/no and reveals nothing else. */
  async usernameExists(username: string): Promise<boolean> {
    const [row] = await inScope(this.ds, systemScope('username-check'), (em) =>
      em.query('SELECT EXISTS (SELECT 1 FROM users WHERE username = $1) AS taken', [username]),
    );
    return Boolean(row.taken);
  }

  /** The password policy of the tenant an organisation belongs to, else the default. */
  async passwordPolicy(path: string): Promise<PasswordPolicy> {
    const chain = await this.chain(path);
    const tenant = [...chain].reverse().find((n) => n.settings.passwordPolicy);
    return tenant?.settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  }
}

import { Injectable } from '@nestjs/common';
import type { PlatformSettings } from '@guanai/contracts';
import type { EntityManager } from '@guanai/db';

const DEFAULTS: PlatformSettings = { requireAdminMfa: false };
const CACHE_MS = 5_000;

/** Platform-wide settings, cached briefly because every authenticated request consults them. */
@Injectable()
export class PlatformSettingsService {
  private cached?: { at: number; value: PlatformSettings };

  /** Read through the caller's transaction (platform settings carry no org and no row-level security). */
  async get(em: EntityManager): Promise<PlatformSettings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const value = await this.read(em);
    this.cached = { at: Date.now(), value };
    return value;
  }

  async read(em: EntityManager): Promise<PlatformSettings> {
    const rows: { key: string; value: unknown }[] = await em.query('SELECT key, value FROM platform_settings');
    const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    return { ...DEFAULTS, ...stored } as PlatformSettings;
  }

  async write(em: EntityManager, value: PlatformSettings): Promise<void> {
    for (const [key, v] of Object.entries(value)) {
      await em.query(
        `INSERT INTO platform_settings (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [key, JSON.stringify(v)],
      );
    }
    this.cached = undefined;
  }
}

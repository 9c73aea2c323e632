import type { DataSource } from 'typeorm';
import { inScope, systemScope } from '../tenancy/scope';

export interface AuditBreak {
  orgId: string;
  seq: string;
  problem: 'altered' | 'missing-before' | 'chain-broken';
}

export interface AuditVerification {
  orgs: number;
  events: number;
  breaks: AuditBreak[];
}

/**
 * Walks every organisation's hash chain: a row whose hash no longer matches its content was altered;
 * a gap in seq or a prev_hash that is not the previous row's hash means rows were removed.
 */
export async function verifyAuditChains(ds: DataSource): Promise<AuditVerification> {
  return inScope(ds, systemScope('audit-verify'), async (em) => {
    const rows: { org_id: string; seq: string; ok: boolean; prev_ok: boolean; gap: boolean }[] = await em.query(`
      SELECT org_id, seq,
             hash = audit_event_hash(e) AS ok,
             prev_hash = coalesce(lag(hash) OVER w, repeat('0', 64)) AS prev_ok,
             seq <> coalesce(lag(seq) OVER w, 0) + 1 AS gap
      FROM audit_events e
      WINDOW w AS (PARTITION BY org_id ORDER BY seq)
      ORDER BY org_id, seq`);
    const breaks: AuditBreak[] = [];
    for (const r of rows) {
      if (!r.ok) breaks.push({ orgId: r.org_id, seq: String(r.seq), problem: 'altered' });
      if (r.gap) breaks.push({ orgId: r.org_id, seq: String(r.seq), problem: 'missing-before' });
      else if (!r.prev_ok) breaks.push({ orgId: r.org_id, seq: String(r.seq), problem: 'chain-broken' });
    }
    return { orgs: new Set(rows.map((r) => r.org_id)).size, events: rows.length, breaks };
  });
}

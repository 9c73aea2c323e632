/** The group role the API and worker log in through: not the owner, no BYPASSRLS. */
export const APP_ROLE = 'guanai_app';

/**
 * Row-level security for a tenant-owned table: a row is visible and writable only when its
 * organisation lies in the transaction's scope. ENABLE and FORCE, so even the owner is bound.
 */
export function tenantRls(table: string): string[] {
  const inScope = `org_id IN (SELECT o.id FROM orgs o WHERE starts_with(o.path, app_scope_path()))`;
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_scope ON ${table} USING (${inScope}) WITH CHECK (${inScope})`,
  ];
}

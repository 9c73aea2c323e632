import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '@guanai/db/testing';

const root = join(__dirname, '..', '..', '..');

/** The newest modification time of the files under `dir` whose name matches. */
function newest(dir: string, match: RegExp): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && match.test(e.name)) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/**
 * The tests start the built worker (apps/worker/dist, and the packages' dist it loads): sources
 * edited since the last build would go untested, so a stale build stops the run here.
 */
function assertBuilt(): void {
  const stale = ['apps/worker', 'packages/db', 'packages/domain', 'packages/contracts'].filter((pkg) => {
    const src = newest(join(root, pkg, 'src'), /(?<!\.spec)\.ts$/);
    let dist: number;
    try {
      dist = newest(join(root, pkg, 'dist'), /\.js$/);
    } catch {
      return true;
    }
    return src > dist;
  });
  if (stale.length)
    throw new Error(`${stale.join(', ')}: dist older than src. Build first: npx turbo run build`);
}

/** One fresh, migrated database for this run; each test file creates its own tenants inside it. */
export default async function globalSetup(): Promise<void> {
  assertBuilt();
  const db = await createTestDatabase('guanai_worker_test');
  process.env.GUANAI_TEST_DB_NAME = db.name;
  process.env.GUANAI_TEST_OWNER_URL = db.ownerUrl;
  process.env.GUANAI_TEST_APP_URL = db.appUrl;
}

import { ConfigSchema, createDataSource, verifyAuditChains } from '@guanai/db';

/** `npm run audit:verify`: walks every organisation's audit hash chain; exits 1 on any break. */
async function main() {
  // Only the owner URL is needed: the check reads as the owner, in the system scope.
  const config = ConfigSchema.pick({ DATABASE_URL: true }).parse(process.env);
  const ds = await createDataSource({ url: config.DATABASE_URL, poolSize: 1 }).initialize();
  try {
    const result = await verifyAuditChains(ds);
    process.stdout.write(`${result.events} events in ${result.orgs} organisations checked\n`);
    for (const b of result.breaks) process.stdout.write(`BROKEN ${b.problem} org=${b.orgId} seq=${b.seq}\n`);
    process.exitCode = result.breaks.length ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

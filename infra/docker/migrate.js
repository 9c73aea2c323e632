// The one-shot migration step of a container deploy (docker-compose `migrate`, the Kubernetes Job):
// runs pending migrations as the owner (DATABASE_URL) and exits.
//
// Optional, for docker-compose and other single-host setups only:
//   PROVISION_APP_LOGIN=true  create or update the login of APP_DATABASE_URL as a member of guanai_app
//                             (in production a DBA does this once, see docs/operations.md)
//   DEMO_PASSWORD=…           seed the demo tenants into an empty database, with this password
'use strict';

const { createDataSource, hasData, migrate, provisionAppLogin, seedDemo } = require('@guanai/db');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main() {
  const ownerUrl = required('DATABASE_URL');
  const ran = await migrate(ownerUrl);
  console.log(ran.length ? `migrations run: ${ran.join(', ')}` : 'no pending migrations');

  if (process.env.PROVISION_APP_LOGIN === 'true') {
    const app = new URL(required('APP_DATABASE_URL'));
    await provisionAppLogin(ownerUrl, decodeURIComponent(app.username), decodeURIComponent(app.password));
    console.log(`application login ${decodeURIComponent(app.username)} provisioned (member of guanai_app)`);
  }

  if (process.env.DEMO_PASSWORD) {
    const ds = createDataSource({
      url: required('APP_DATABASE_URL'),
      poolSize: 1,
      applicationName: 'guanai-migrate',
    });
    await ds.initialize();
    try {
      if (await hasData(ds)) {
        console.log('the database has data: demo not seeded');
      } else {
        const accounts = await seedDemo(ds, process.env.DEMO_PASSWORD);
        console.log(`demo seeded: ${accounts.map((a) => a.username).join(', ')} (password: DEMO_PASSWORD)`);
      }
    } finally {
      await ds.destroy();
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});

import { Logger } from '@nestjs/common';
import { loadConfig } from '@guanai/db';
import { createApp } from './app.factory';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('main').log(`API listening on http://${config.HOST}:${config.PORT}/api`);
}

main().catch((e) => {
  // Before the logger exists, stderr is all there is.
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});

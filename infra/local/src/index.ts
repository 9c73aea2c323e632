// The pieces of `npm start`, for tools that need the same local services (the benchmark).
export { startEmbeddedPostgres, type EmbeddedPostgresOptions, type RunningPostgres } from './postgres';
export {
  startRedisServer,
  findOnPath,
  RedisNotFoundError,
  type RedisServerOptions,
  type RunningRedis,
} from './redis';
export { freePort, isPortFree } from './ports';
export { loadOrCreateSecrets, SECRETS_FILE, type LocalSecrets } from './secrets';
export { ensureDatabase, prepareDatabase, APP_LOGIN } from './database';
export { generatePassword, seedDemoIfEmpty } from './demo';
export { waitForReady } from './health';
export { startService, stopProcess, type Service } from './processes';
export { runLocal, REPO_ROOT } from './run';

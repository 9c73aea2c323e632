import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  url: string;
  /** Pool size; the API and the worker each keep their own pool. */
  poolSize?: number;
  applicationName?: string;
}

/** A data source over the schema. The API and worker pass the application role's URL, migrations the owner's. */
export function createDataSource({ url, poolSize = 10, applicationName = 'guanai' }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    poolSize,
    applicationName,
    // Waiting for a free connection fails after 10 s instead of forever, so overload shows as 503s.
    extra: { idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 },
  });
}

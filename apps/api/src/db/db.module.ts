import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createDataSource, DataSource, FieldCipher, parseFieldKeys, type Config } from '@guanai/db';
import { CONFIG } from '../config.module';

/** The application-role data source: every query it runs is bound by row-level security. */
@Injectable()
export class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [CONFIG],
      useFactory: async (config: Config) => {
        const ds = createDataSource({ url: config.APP_DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'guanai-api' });
        return ds.initialize();
      },
    },
    {
      provide: FieldCipher,
      inject: [CONFIG],
      useFactory: (config: Config) => {
        const { keys, current } = parseFieldKeys(config);
        return new FieldCipher(keys, current, Buffer.from(config.LOOKUP_HASH_KEY, 'base64'));
      },
    },
    DataSourceCloser,
  ],
  exports: [DataSource, FieldCipher],
})
export class DbModule {}

export { Inject };

import type { Provider } from '@nestjs/common';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';
import { FILE_STORE, type FileStore } from './file-store';
import { FileSealer } from './file-sealer';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';
import { SealedFiles } from './sealed-files';

/** The store FILE_STORE names; the config schema has already required the S3 settings for `s3`. */
export function createFileStore(config: Config): FileStore {
  if (config.FILE_STORE === 'local') return new LocalFileStore(config.FILE_STORE_DIR);
  return new S3FileStore({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION!,
    bucket: config.S3_BUCKET!,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

/** What a capability keeping files adds to the API module's providers. */
export const fileProviders: Provider[] = [
  { provide: FILE_STORE, useFactory: createFileStore, inject: [CONFIG] },
  { provide: FileSealer, useFactory: FileSealer.fromConfig, inject: [CONFIG] },
  SealedFiles,
];

import { Global, Module } from '@nestjs/common';
import type { Config } from '@guanai/db';

export const CONFIG = Symbol('CONFIG');

/** Provides the validated configuration; built once in main.ts (or by a test) and passed in. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config) {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}

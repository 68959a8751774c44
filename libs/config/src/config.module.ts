import { type DynamicModule, Module } from '@nestjs/common';

import { type Env } from './env.schema';
import { loadConfig } from './load-config';

/** Injection token for the validated, frozen environment. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Module({})
export class ConfigModule {
  /** The validated config for the whole app: the given one (tests, tools) or process.env's. */
  static forRoot(config?: Env): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        config
          ? { provide: APP_CONFIG, useValue: config }
          : { provide: APP_CONFIG, useFactory: () => loadConfig() },
      ],
      exports: [APP_CONFIG],
    };
  }
}

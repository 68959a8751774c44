import { Global, Module } from '@nestjs/common';

import { type Env } from './env.schema';
import { loadConfig } from './load-config';

/** Injection token for the validated, frozen environment. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): Env => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {
  /** For tests and tools: a module that serves the given, already validated config. */
  static withConfig(config: Env) {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

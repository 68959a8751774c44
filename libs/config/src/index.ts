export { ConfigError } from './config.errors';
export { APP_CONFIG, ConfigModule } from './config.module';
export { DEFAULT_VARIANT_WINDOW_DAYS, type Env, envSchema } from './env.schema';
export { loadConfig } from './load-config';
export { createLogger, PinoNestLogger } from './logger';

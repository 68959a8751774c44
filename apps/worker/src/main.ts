import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { ConfigError, createLogger, loadConfig, PinoNestLogger } from '@fineprint/config';

import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, { app: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  logger.info('worker started');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});

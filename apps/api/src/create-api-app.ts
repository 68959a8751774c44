import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type NextFunction, type Request, type Response } from 'express';

import { type Env, PinoNestLogger, createLogger } from '@fineprint/config';

import { mountQueueBoard } from './admin/mount-queue-board';
import { ApiModule } from './api.module';
import { installBodyParsing } from './common/body-parsing';
import { ReadCache } from './common/read-cache';
import { DomainErrorFilter } from './common/domain-error.filter';
import { serveDashboard } from './dashboard/serve-dashboard';

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApiApp(
  config: Env,
  options: { logger?: boolean | LoggerService } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), {
    logger:
      options.logger === false
        ? false
        : options.logger === true || options.logger === undefined
          ? new PinoNestLogger(createLogger(config, { app: 'api' }))
          : options.logger,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.useGlobalFilters(new DomainErrorFilter());
  installBodyParsing(app);
  const reads = app.get(ReadCache);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // a write through the API is visible to the next read at once (ReadCache)
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS')
      res.on('finish', () => reads.invalidate());
    next();
  });
  serveDashboard(app);
  mountQueueBoard(app, config);
  app.enableShutdownHooks();
  const openapi = new DocumentBuilder()
    .setTitle('Fineprint API')
    .setDescription(
      'Versions of vendors’ privacy notices, terms and help articles; what changed and what it means.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, for admin writes' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}

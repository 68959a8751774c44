import { type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { ConfigModule } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { QueueModule } from '@fineprint/queue';

import { testConfig } from '../database/test-database';

@Module({})
class TestContextModule {
  static register(env: Record<string, string>, imports: (Type | DynamicModule)[]): DynamicModule {
    return {
      module: TestContextModule,
      imports: [ConfigModule.forRoot(testConfig(env)), DbModule, QueueModule, ...imports],
    };
  }
}

/**
 * A Nest application context for an integration test: the test configuration with `env`
 * on top, the database and the queues, and the feature modules under test.
 */
export function createTestContext(
  env: Record<string, string>,
  imports: (Type | DynamicModule)[],
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(TestContextModule.register(env, imports), { logger: false });
}

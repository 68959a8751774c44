import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';

import { PrismaService } from '@fineprint/db';
import { QueueBackend } from '@fineprint/queue';

import { SkipBackendDeadline } from '../resilience/backend-deadline.interceptor';

/** Reachability of PostgreSQL and of the queue backend (Redis, or PostgreSQL when embedded). */
@ApiTags('health')
@Controller('health')
@SkipBackendDeadline()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prisma: PrismaService,
    private readonly queues: QueueBackend,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL and queue backend reachability; 503 when one is down' })
  check() {
    return this.health.check([
      () => this.probe('postgres', () => withTimeout(this.prisma.ping(), 2000)),
      () => this.probe(this.queues.kind === 'redis' ? 'redis' : 'queue', () => this.queues.ping(1500)),
    ]);
  }

  private async probe(key: string, run: () => Promise<void>): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      await run();
      return session.up({ backend: key === 'queue' ? 'postgres' : key });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message || error.name : String(error) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

import { Writable } from 'node:stream';

import { Controller, Get, type INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';

import { createLogger, PinoNestLogger } from '@fineprint/config';

import { DomainErrorFilter } from './domain-error.filter';

@Controller('boom')
class BoomController {
  @Get(':id')
  boom(@Param('id') id: string): never {
    throw new TypeError(`cannot read the widget ${id}`);
  }
}

@Module({ controllers: [BoomController] })
class BoomModule {}

describe('DomainErrorFilter with the pino logger', () => {
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = await NestFactory.create(BoomModule, {
      logger: new PinoNestLogger(createLogger({ LOG_LEVEL: 'info' }, { app: 'test' }, sink)),
    });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.init();
  });
  afterAll(() => app.close());

  it('logs a 500 as one structured record: request id, route, path, error type, message and stack', async () => {
    const response = await request(app.getHttpServer()).get('/boom/42').set('X-Request-Id', 'req-abc-123');
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ error: 'internal_error', correlationId: 'req-abc-123' });
    expect(response.body.message).not.toContain('widget'); // details stay in the log
    const record = lines.find((l) => l['requestId'] === 'req-abc-123');
    expect(record).toMatchObject({
      level: 50,
      msg: 'request failed',
      context: 'HTTP',
      method: 'GET',
      route: '/boom/:id',
      path: '/boom/42',
      status: 500,
      err: { type: 'TypeError', message: 'cannot read the widget 42' },
    });
    expect((record?.['err'] as { stack: string }).stack).toContain('BoomController');
    expect(JSON.stringify(lines)).not.toContain('[object Object]');
  });

  it('makes a request id when the client sends none (or a hostile one), and returns it', async () => {
    const response = await request(app.getHttpServer()).get('/boom/7').set('X-Request-Id', 'a"b<script>');
    expect(response.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-request-id']).toBe(response.body.correlationId);
    expect(lines.some((l) => l['requestId'] === response.body.correlationId)).toBe(true);
  });
});

import { gzipSync } from 'node:zlib';

import { type INestApplication } from '@nestjs/common';
import request from 'supertest';

import { PrismaService } from '@fineprint/db';
import { createTestDatabase, seedChange, type TestDatabase, testConfig } from '@fineprint/testing';

import { createApiApp } from './create-api-app';

const TOKEN = 'test-admin-token-0123456789';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A small seeded generator, so a failure names a body that can be sent again. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values that do not belong where they are put. */
const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  [],
  {},
  [[[]]],
  '',
  ' ',
  'x'.repeat(5000),
  'nul\u0000byte',
  'https://a.example/\r\nSet-Cookie: a=b',
  'javascript:alert(1)',
  'http://[::1]:80/',
  '\ud800',
  '😀'.repeat(300),
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  { $gt: '' },
  '%00',
];

interface RawBody {
  label: string;
  contentType?: string;
  encoding?: string;
  body: string | Buffer;
}

/** Bodies that are not JSON, or not UTF-8, or not what they say they are. */
function rawBodies(): RawBody[] {
  const json = 'application/json';
  return [
    { label: 'empty json', contentType: json, body: '' },
    { label: 'open brace', contentType: json, body: '{' },
    { label: 'trailing comma', contentType: json, body: '{"a":1,}' },
    { label: 'single quotes', contentType: json, body: "{'a':1}" },
    { label: 'bare string', contentType: json, body: '"text"' },
    { label: 'bare number', contentType: json, body: '12' },
    { label: 'null', contentType: json, body: 'null' },
    { label: 'array', contentType: json, body: '[1,2,3]' },
    { label: 'NaN', contentType: json, body: 'NaN' },
    { label: 'deep arrays', contentType: json, body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
    { label: 'deep objects', contentType: json, body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` },
    {
      label: 'proto pollution',
      contentType: json,
      body: '{"__proto__":{"admin":true},"email":"a@b.example"}',
    },
    { label: 'constructor', contentType: json, body: '{"constructor":{"prototype":{"x":1}}}' },
    { label: 'escaped NUL', contentType: json, body: '{"email":"a\\u0000@b.example","title":"\\u0000"}' },
    { label: 'lone surrogate', contentType: json, body: '{"title":"\\ud800","vendor":"\\udfff"}' },
    { label: 'huge number', contentType: json, body: '{"intervalMinutes":1e999}' },
    { label: 'bom', contentType: json, body: '\ufeff{"title":"bom"}' },
    { label: 'invalid utf-8', contentType: json, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { label: 'over the limit', contentType: json, body: JSON.stringify({ title: 'x'.repeat(150_000) }) },
    { label: 'utf-7', contentType: 'application/json; charset=utf-7', body: '{"email":"a+ACI-@b.example"}' },
    {
      label: 'utf-16',
      contentType: 'application/json; charset=utf-16',
      body: Buffer.from('{"a":1}', 'utf16le'),
    },
    { label: 'latin1', contentType: 'application/json; charset=iso-8859-1', body: '{"a":"\xe9"}' },
    { label: 'text/plain', contentType: 'text/plain', body: 'hello' },
    { label: 'xml', contentType: 'application/xml', body: '<a>1</a>' },
    { label: 'multipart', contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\nhi\r\n--x--' },
    { label: 'form', contentType: 'application/x-www-form-urlencoded', body: 'email=a%40b.example&scope=1' },
    {
      label: 'form NUL',
      contentType: 'application/x-www-form-urlencoded',
      body: 'title=%00&url=http%3A%2F%2Fx',
    },
    {
      label: 'many form fields',
      contentType: 'application/x-www-form-urlencoded',
      body: Array.from({ length: 500 }, (_, i) => `f${i}=1`).join('&'),
    },
    { label: 'no content type', body: '{"a":1}' },
    { label: 'garbage content type', contentType: ';;;', body: '{"a":1}' },
    { label: 'vendor json', contentType: 'application/vnd.fineprint+json', body: '{"a":1}' },
    { label: 'gzip of garbage', contentType: json, encoding: 'gzip', body: Buffer.from('not gzip at all') },
    {
      label: 'gzip bomb-ish',
      contentType: json,
      encoding: 'gzip',
      body: gzipSync(Buffer.alloc(5_000_000, 0x20)),
    },
    { label: 'unknown encoding', contentType: json, encoding: 'x-custom', body: '{"a":1}' },
    {
      label: 'random bytes',
      contentType: json,
      body: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
    },
  ];
}

/** Valid-looking bodies per endpoint, each field then replaced by hostile values. */
const SHAPES: Record<string, Record<string, unknown>> = {
  document: {
    vendor: 'acme',
    title: 'Fuzz',
    url: 'https://acme.example/fuzz',
    type: 'terms',
    intervalMinutes: 60,
    select: ['main'],
    language: 'en',
    active: true,
  },
  subscription: {
    email: 'fuzz@example.com',
    scope: { vendor: 'acme', topic: 'ai-training' },
    digest: 'daily',
  },
  webhook: { url: 'https://hooks.example/x', description: 'd', scope: { minSeverity: 'high' } },
  webhookPatch: { active: false },
  empty: {},
};

function structuredBodies(shape: Record<string, unknown>, random: () => number, count: number): RawBody[] {
  const keys = Object.keys(shape);
  const bodies: RawBody[] = [];
  for (let i = 0; i < count; i++) {
    const value = HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)];
    const key = keys.length > 0 ? keys[Math.floor(random() * keys.length)] : 'x';
    const body = { ...shape, [key ?? 'x']: value, ...(random() < 0.2 ? { unexpected: 1 } : {}) };
    bodies.push({
      label: `${key}=${JSON.stringify(value)?.slice(0, 40)}`,
      contentType: 'application/json',
      body: JSON.stringify(body),
    });
  }
  return bodies;
}

describe('malformed bodies to every write endpoint: never a 5xx (fuzz, seeded)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(
      testConfig({
        DATABASE_URL: db.url,
        REDIS_URL,
        ADMIN_TOKEN: TOKEN,
        API_RATE_LIMIT_PER_MINUTE: '100000',
      }),
      { logger: false },
    );
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers a few hundred malformed bodies with 4xx (or 2xx), never 5xx', async () => {
    const http = request(app.getHttpServer());
    const prisma = app.get(PrismaService);
    const { document, versions } = await seedChange(prisma, { vendorSlug: 'acme' });
    const spec = (await http.get('/api/docs/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const hook = await http
      .post('/api/v1/webhooks')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ url: 'https://hooks.example/fuzz' });
    expect(hook.status).toBe(201);
    const ids: Record<string, string> = {
      documents: document.id,
      versions: versions[1]?.id ?? versions[0]?.id ?? '',
      webhooks: hook.body.id as string,
      deliveries: '00000000-0000-4000-8000-000000000000',
    };
    // every write operation the API documents, with its path ids filled in
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({
          method,
          path: path.replace(
            /\/([a-z]+)\/\{id\}/g,
            (_, kind: string) => `/${kind}/${ids[kind] ?? 'not-an-id'}`,
          ),
        })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(12);

    const random = prng(14);
    const failures: string[] = [];
    let sent = 0;
    let ip = 0;
    for (const op of operations) {
      const shape =
        op.path.endsWith('/api/v1/documents') || /documents\/[^/]+$/.test(op.path)
          ? SHAPES['document']
          : op.path.endsWith('/subscriptions')
            ? SHAPES['subscription']
            : op.path.endsWith('/webhooks')
              ? SHAPES['webhook']
              : /webhooks\/[^/]+$/.test(op.path)
                ? SHAPES['webhookPatch']
                : SHAPES['empty'];
      const target = op.path.includes('/subscriptions/') ? `${op.path}?token=${'t'.repeat(20)}` : op.path;
      for (const body of [...rawBodies(), ...structuredBodies(shape ?? {}, random, 12)]) {
        const req = (http as unknown as Record<string, (url: string) => request.Test>)[op.method]?.(target);
        if (!req) continue;
        req.set('Authorization', `Bearer ${TOKEN}`).set('X-Forwarded-For', `192.0.2.${++ip % 250}`);
        if (body.contentType) req.set('Content-Type', body.contentType);
        if (body.encoding) req.set('Content-Encoding', body.encoding);
        const response = await req.send(body.body).catch((e: Error) => ({ status: 599, text: e.message }));
        sent++;
        if (response.status >= 500)
          failures.push(
            `${op.method.toUpperCase()} ${op.path} [${body.label}] → ${response.status} ${response.text?.slice(0, 120)}`,
          );
      }
    }
    expect(sent).toBeGreaterThanOrEqual(300);
    expect(failures).toEqual([]);
  }, 120_000);
});

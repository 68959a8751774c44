import express from 'express';
import request from 'supertest';

import { ReadCache } from './read-cache';

describe('ReadCache: conditional reads from a cheap stamp', () => {
  let stamp = 'v1';
  let renders = 0;
  const app = express();
  const cache = new ReadCache({ READ_CACHE_MS: 0 });
  app.get('/feed', (req, res) => {
    void cache.serve(req, res, {
      key: 'feed',
      cacheControl: 'public, max-age=60',
      stamp: () => Promise.resolve({ stamp, lastModified: new Date('2026-11-01T10:00:00Z') }),
      render: () => {
        renders++;
        return Promise.resolve({ type: 'application/rss+xml', body: `<rss>${stamp}</rss>` });
      },
    });
  });

  it('answers If-None-Match with 304 without rendering, re-sends a rendered body, re-renders on a new stamp', async () => {
    const first = await request(app).get('/feed');
    expect(first.status).toBe(200);
    expect(first.text).toBe('<rss>v1</rss>');
    expect(renders).toBe(1);
    const etag = first.headers['etag'] as string;

    const conditional = await request(app).get('/feed').set('If-None-Match', etag);
    expect(conditional.status).toBe(304);
    const since = await request(app).get('/feed').set('If-Modified-Since', 'Sun, 01 Nov 2026 10:00:00 GMT');
    expect(since.status).toBe(304);
    const again = await request(app).get('/feed');
    expect(again.text).toBe('<rss>v1</rss>');
    expect(renders).toBe(1); // neither the 304s nor the repeat rendered anything

    stamp = 'v2';
    const changed = await request(app).get('/feed').set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.text).toBe('<rss>v2</rss>');
    expect(changed.headers['etag']).not.toBe(etag);
    expect(renders).toBe(2);
  });
});

describe('ReadCache: stamps reused for READ_CACHE_MS, dropped by a write', () => {
  it('asks for the stamp once per period, and again after invalidate()', async () => {
    let stamps = 0;
    const app = express();
    const cache = new ReadCache({ READ_CACHE_MS: 60_000 });
    app.get('/x', (req, res) => {
      void cache.serve(req, res, {
        key: 'x',
        stamp: () => Promise.resolve({ stamp: `s${++stamps}` }),
        render: () => Promise.resolve({ type: 'text/plain', body: 'x' }),
      });
    });
    const etag = (await request(app).get('/x')).headers['etag'] as string;
    expect((await request(app).get('/x').set('If-None-Match', etag)).status).toBe(304);
    expect(stamps).toBe(1);
    cache.invalidate();
    expect((await request(app).get('/x').set('If-None-Match', etag)).status).toBe(200);
    expect(stamps).toBe(2);
  });
});

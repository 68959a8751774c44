import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { customBackoff, JOB_CONTRACTS, retryDelayMs } from './job-contracts';
import { JOB_CATALOG } from './queue.definitions';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(int-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('the job contracts', () => {
  it('retry deliveries as docs/webhooks.md and decision 0012 promise: full jitter capped at 6 h', () => {
    const { options } = JOB_CONTRACTS.deliver;
    expect(options.attempts).toBe(8);
    const backoff = options.backoff as { type: string };
    for (let n = 1; n <= 20; n++) {
      const ceiling = Math.min(6 * 3600_000, 10_000 * 2 ** (n - 1));
      const draws = Array.from({ length: 50 }, () => customBackoff(n, backoff.type));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThan(ceiling);
    }
    expect(retryDelayMs(30, () => 0.5)).toBe(3 * 3600_000);
    const docs = readFileSync(join(ROOT, 'docs/webhooks.md'), 'utf8');
    expect(docs).toMatch(/min\(6 h, 10 s × 2\^\(n−1\)\)/);
    expect(docs).toContain('libs/queue/src/job-contracts.ts');
  });

  it('name only jobs of the catalog, with ids free of BullMQ separators', () => {
    for (const [kind, c] of Object.entries(JOB_CONTRACTS)) {
      expect([kind, (JOB_CATALOG[c.queue] as readonly string[]).includes(c.name)]).toEqual([kind, true]);
      const id = (c.id as (a: Record<string, unknown>) => string)({
        documentId: 'd',
        versionId: 'v',
        changeId: 'c',
        deliveryId: 'x',
        attempts: 1,
        intervalMinutes: 60,
      });
      expect([kind, id.includes(':')]).toEqual([kind, false]);
    }
  });

  it('are the only way jobs are added: no queue.add, addBulk or job scheduler outside libs/queue', () => {
    const offenders: string[] = [];
    for (const dir of ['apps', 'libs']) {
      for (const file of sources(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        if (path.startsWith('libs/queue/') || path.startsWith('libs/testing/')) continue;
        const text = readFileSync(file, 'utf8');
        if (
          /\.(add|addBulk|upsertJobScheduler|removeJobScheduler)\(\s*['"`](check-document|diff-version|fan-out-change|send-digest|deliver|ping|check|diff|notify|system)['"`]/.test(
            text,
          )
        )
          offenders.push(path);
        if (/\.queue\([^)]*\)\s*\.(add|addBulk|upsertJobScheduler|removeJobScheduler)\(/.test(text))
          offenders.push(path);
        if (/\bnew (Queue|FlowProducer)\(/.test(text) || /\.createQueue\(/.test(text)) offenders.push(path);
      }
    }
    expect(offenders).toEqual([]);
  });
});

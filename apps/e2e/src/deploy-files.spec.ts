import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { envSchema } from '@fineprint/config';
import { buildInto } from '@fineprint/testing';

const ROOT = resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const ENV_NAMES = Object.keys(envSchema.shape).sort();

interface ComposeService {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { disable?: boolean };
}
const compose = parseYaml(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const dockerfile = read('Dockerfile').replace(/\\\n/g, ' ');
/** The JSON-form CMD of the image (the last one). */
const imageCmd = (): string[] => {
  const cmds = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].map((m) => JSON.parse(m[1] ?? '[]') as string[]);
  return cmds.at(-1) ?? [];
};
const FINEPRINT_SERVICES = ['migrate', 'api', 'worker'];

/**
 * Keeps the Dockerfile, docker-compose.yml and docs/operations.md in step with the build
 * (`npm run build`) and the one environment schema (libs/config). No Docker engine here:
 * scripts/lint-docker.mjs lints both files, this checks what a linter cannot know.
 */
describe('the deployment files agree with the build and the environment schema', () => {
  let dist: string;
  beforeAll(() => {
    dist = buildInto('build-deploy-check');
  }, 60_000);

  it('the image command and every compose command run files the build (or the install) produces', () => {
    const cmd = imageCmd();
    expect(cmd).toEqual(['node', '--enable-source-maps', 'dist/apps/api/main.js']);
    const commands = FINEPRINT_SERVICES.map((name) => compose.services[name]?.command ?? []);
    expect(commands.map((c) => c[0])).toEqual(['node', 'node', 'node']);
    const entries = [cmd, ...commands].map((c) => c.find((arg) => arg.endsWith('.js')) ?? '');
    expect(entries).toEqual([
      'dist/apps/api/main.js',
      'node_modules/prisma/build/index.js',
      'dist/apps/api/main.js',
      'dist/apps/worker/main.js',
    ]);
    for (const entry of entries) {
      const path = entry.startsWith('dist/') ? join(dist, entry.slice('dist/'.length)) : join(ROOT, entry);
      expect({ entry, exists: existsSync(path) }).toEqual({ entry, exists: true });
    }
    expect(compose.services['migrate']?.command?.slice(2)).toEqual(['migrate', 'deploy']);
  });

  it('every environment variable the Dockerfile and compose give Fineprint is one libs/config reads', () => {
    const dockerEnv = [...dockerfile.matchAll(/^ENV (.*)$/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((n) => n[1] ?? ''),
    );
    const runtimeEnv = dockerEnv.filter(
      (name) => name !== 'PUPPETEER_SKIP_DOWNLOAD' && !name.startsWith('NX_'),
    );
    expect(runtimeEnv.filter((name) => !ENV_NAMES.includes(name))).toEqual([]);
    for (const name of FINEPRINT_SERVICES) {
      const names = Object.keys(compose.services[name]?.environment ?? {});
      expect({ service: name, unknown: names.filter((n) => !ENV_NAMES.includes(n)) }).toEqual({
        service: name,
        unknown: [],
      });
    }
    // what must not be left to its development default in a deployment
    for (const name of ['api', 'worker'])
      expect(Object.keys(compose.services[name]?.environment ?? {})).toEqual(
        expect.arrayContaining([
          'NODE_ENV',
          'DATABASE_URL',
          'REDIS_URL',
          'PUBLIC_URL',
          'ADMIN_TOKEN',
          'SECRET_KEY',
          'SMTP_URL',
        ]),
      );
    expect(compose.services['api']?.environment?.['RUN_SCHEDULERS']).toBe('false');
    expect(compose.services['worker']?.environment?.['RUN_SCHEDULERS']).toBe('true');
  });

  it('compose starts the service in the documented order, and the worker can be scaled', () => {
    const after = (name: string) => compose.services[name]?.depends_on ?? {};
    expect(after('migrate')).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(after('api')).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      redis: { condition: 'service_healthy' },
    });
    expect(after('worker')).toMatchObject({
      api: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    const worker = compose.services['worker'] as Record<string, unknown>;
    // --scale needs a service without a fixed container name or host port
    expect(worker['container_name']).toBeUndefined();
    expect(worker['ports']).toBeUndefined();
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\/health/m);
  });

  it('docs/operations.md documents every environment variable', () => {
    const docs = read('docs/operations.md');
    expect(ENV_NAMES.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });

  it('the shipped alert rules are well formed', () => {
    const rules = parseYaml(read('deploy/prometheus/fineprint-alerts.yml')) as {
      groups: { name: string; rules: Record<string, unknown>[] }[];
    };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.length).toBeGreaterThan(5);
    for (const rule of all)
      expect(rule).toMatchObject({
        alert: expect.stringMatching(/^Fineprint[A-Za-z]+$/),
        expr: expect.stringContaining('fineprint_'),
        labels: { severity: expect.stringMatching(/^(critical|warning|info)$/) },
        annotations: { summary: expect.any(String), description: expect.any(String) },
      });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/fineprint.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });

describe('the fineprint CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fineprint-cli-'));
  const before = join(dir, '001.md');
  const after = join(dir, '002.md');
  writeFileSync(
    before,
    '# Privacy\n\nWe process your data.\n\nYou can opt out of voice recording storage in Settings.',
  );
  writeFileSync(
    after,
    '# Privacy\n\nWe process your data.\n\nWe use your voice recordings to train our models.',
  );
  writeFileSync(
    join(dir, '003.md'),
    '# Privacy\n\nWe process your data.\n\nYou can opt out of voice recording storage in Settings.',
  );

  it('diff --json gives severity, tags with citations, stats, hunks and timing', () => {
    const out = cli('diff', before, after, '--json');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as {
      severity: string;
      kinds: string[];
      tags: { citations: unknown[] }[];
      stats: object;
      hunks: unknown[];
      timing: { diffMs: number };
    };
    expect(json.severity).toBe('high');
    expect(json.kinds).toEqual(expect.arrayContaining(['opt-out-removed', 'new-data-use']));
    expect(json.tags[0]?.citations.length).toBeGreaterThan(0);
    expect(json.hunks.length).toBe(1);
    expect(typeof json.timing.diffMs).toBe('number');
    expect(cli('diff', before, after, '--format', 'summary').stdout).toMatch(/^high: .*opt-out removed/);
    expect(cli('diff', before, after, '--format', 'nope').status).toBe(2);
  });

  it('replay --json decides per version (baseline, announce, revert)', () => {
    const out = cli('replay', dir, '--json');
    const json = JSON.parse(out.stdout) as {
      versions: { file: string; decision: string }[];
      summary: { revert: number };
    };
    expect(json.versions.map((v) => [v.file, v.decision])).toEqual([
      ['001.md', 'baseline'],
      ['002.md', 'announce'],
      ['003.md', 'revert'],
    ]);
    expect(json.summary.revert).toBe(1);
  });

  it('extract prints the text a declaration produces from a local file', () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      '<html><body><nav>Menu</nav><main id="m"><h1>Terms</h1><p>Read <a href="https://a.example/x?utm_source=z">this</a>.</p></main></body></html>',
    );
    expect(cli('extract', page, '--select', '#m').stdout).toBe(
      '# Terms\n\nRead [this](https://a.example/x).\n',
    );
    const missing = cli('extract', page, '--select', '#missing');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('declaration (SELECTOR_NOT_FOUND)');
  });

  it('extract resolves relative links against --url, and never against a local path', () => {
    const page = join(dir, 'relative.html');
    writeFileSync(
      page,
      '<main><p>See <a href="cookies/">cookies</a> and <a href="/legal">legal</a>.</p></main>',
    );
    const withUrl = cli('extract', page, '--url', 'https://vendor.example/privacy/');
    expect(withUrl.stdout).toBe(
      'See [cookies](https://vendor.example/privacy/cookies/) and [legal](https://vendor.example/legal).\n',
    );
    const without = cli('extract', page);
    expect(without.stdout).not.toContain('file:');
    expect(without.stdout).not.toContain(dir);
    expect(without.stdout).toBe('See [cookies](/cookies/) and [legal](/legal).\n');
    expect(cli('extract', page, '--url', 'vendor.example').status).toBe(2);
  });

  it('catalog validate accepts the shipped catalog and names file and field of a bad one', () => {
    expect(
      execFileSync(process.execPath, [join(ROOT, 'bin/fineprint.js'), 'catalog', 'validate'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ).toMatch(/0 problem/);
    const bad = mkdtempSync(join(tmpdir(), 'fineprint-catalog-'));
    writeFileSync(
      join(bad, 'acme.yaml'),
      'vendor: { slug: acme, name: Acme }\ndocuments:\n  - { slug: p, title: P, url: "not a url" }\n',
    );
    const out = cli('catalog', 'validate', bad);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('acme.yaml: documents[0].url');
  });

  it('catalog import-ota --dry-run prints what it keeps of each document, and what waits for the opt-in', () => {
    const ota = mkdtempSync(join(tmpdir(), 'fineprint-ota-'));
    writeFileSync(
      join(ota, 'Acme.json'),
      JSON.stringify({
        name: 'Acme',
        terms: {
          'Privacy Policy': {
            fetch: 'https://acme.example/p',
            select: { startBefore: 'h1', endBefore: 'footer' },
          },
          'Terms of Service': {
            combine: [{ fetch: 'https://acme.example/t1' }, { fetch: 'https://acme.example/t2' }],
          },
          'Cookie Policy': { fetch: 'https://acme.example/c', filter: ['removeBanner'] },
          'Broken Policy': { fetch: 'https://acme.example/b', filter: ['notThere'] },
        },
      }),
    );
    writeFileSync(join(ota, 'Acme.filters.js'), 'export function removeBanner(document) {}');
    const out = cli('catalog', 'import-ota', ota, '--dry-run');
    expect(out.stdout).toContain('4 document(s) of 1 service(s):');
    expect(out.stdout).toMatch(/  2 imported exactly\n/);
    expect(out.stdout).toMatch(/  1 imported with filters pending opt-in/);
    expect(out.stdout).toContain('! filters pending: Acme.json "Cookie Policy"');
    expect(out.stdout).toContain(
      '✗ not imported: Acme.json "Broken Policy": filter "notThere" is not exported by Acme.filters.js',
    );
    expect(out.status).toBe(1);
    const optedIn = cli('catalog', 'import-ota', ota, '--dry-run', '--run-filters');
    expect(optedIn.stdout).toMatch(/  1 imported with the collection's filters \(run in the sandbox\)/);
    expect(optedIn.stdout).toMatch(/filters run in a sandbox process: --(experimental-)?permission/);
    const json = JSON.parse(cli('catalog', 'import-ota', ota, '--dry-run', '--json').stdout) as {
      counts: Record<string, number>;
      documents: { termsType: string; status: string; features: string[] }[];
    };
    expect(json.counts).toEqual({ exact: 2, 'filters-opted-in': 0, 'filters-pending': 1, 'not-imported': 1 });
    expect(json.documents.find((d) => d.termsType === 'Terms of Service')?.features).toEqual(['combine']);
  });
});

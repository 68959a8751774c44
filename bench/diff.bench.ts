/**
 * `npm run bench:diff`: the whole `analyzeChange` (diff + classify + summary, warm) against
 * `git diff --no-index --word-diff=porcelain` on the same cases, in one run. Prints
 * medians, the ratio analyzeChange/git (git's time includes starting the process, as it
 * would in use), the diff and classify parts of analyzeChange, and each case's peak RSS.
 * Goal: ≤ 1× git on the few-edits cases, ≤ 3× elsewhere; peak memory < 300 MB. "classify
 * budget" is what the goal leaves the classifier: goal × git − (analyzeChange − classify), ms.
 *
 * Each case runs in a child process of its own, so its peak RSS is its own; engine and
 * git runs alternate, so a change in the machine's load weighs on both alike. CPU times
 * are printed beside: on a shared, loaded machine they move less than wall time (git's
 * is read from /proc in 10 ms ticks, so it is coarse on the smallest cases).
 *
 * The "sentence by sentence" and "policy text" cases are built from the real policy
 * histories of ../shared/corpus (Open Terms Archive contributors, ODC-By 1.0): see
 * policy-text.ts. `node -r @swc-node/register bench/diff.bench.ts 1mb` runs only the
 * cases whose name contains "1 MB" (spaces and case ignored).
 *
 * `--compiled` (anywhere among the arguments) runs each case's child from a bundle of this file
 * and the engine compiled by esbuild, under plain `node`, as the worker runs compiled code: the
 * children then hold no TypeScript compiler. By default they run under swc-node as the bench
 * itself does, which adds about 95 MB to every case's resident memory before its first run (and
 * raises the heap size V8 lets grow before a full collection); timings are alike either way.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzeChange, diffText } from '@fineprint/diff';

import { diffCases } from './diff-cases';
import { loadMaterial } from './policy-text';
import { pidCpuMs } from './process-cpu';

interface Measure {
  engine: number;
  diff: number;
  classify: number;
  git: number;
  /** CPU time per run (mean): the engine's process, and git's (with spawning it), which a loaded machine does not inflate as much as wall time. */
  engineCpu: number;
  gitCpu: number;
  /** CPU time per run of `diffText` alone (the engine without the classifier). */
  diffCpu: number;
  rssMb: number;
  fallback: string;
}

const fixed = (x: number, width: number, digits = 1) => x.toFixed(digits).padStart(width);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function git(a: string, b: string): void {
  try {
    execFileSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], { maxBuffer: 1 << 30 });
  } catch {
    // git diff exits 1 when the files differ
  }
}

/** In the child: one case, read from files, engine and git alternating after a warm-up of each. */
function measure(a: string, b: string): Measure {
  const before = readFileSync(a, 'utf8');
  const after = readFileSync(b, 'utf8');
  const runs = before.length > 500_000 ? 5 : 9;
  const engine: number[] = [];
  const diff: number[] = [];
  const classify: number[] = [];
  const gitMs: number[] = [];
  let fallback = '';
  let engineCpu = 0;
  let gitCpu = 0;
  let diffCpu = 0;
  for (let i = 0; i <= runs; i++) {
    const cpu = process.cpuUsage();
    let t = performance.now();
    const r = analyzeChange(before, after);
    const e = performance.now() - t;
    const used = process.cpuUsage(cpu);
    // git's CPU: this process's own and its reaped children's, from /proc (10 ms ticks, summed over the runs)
    const self = pidCpuMs(process.pid, true);
    t = performance.now();
    git(a, b);
    const g = performance.now() - t;
    const selfAfter = pidCpuMs(process.pid, true);
    const diffStart = process.cpuUsage();
    diffText(before, after);
    const diffUsed = process.cpuUsage(diffStart);
    if (i === 0) continue; // warm-up: JIT and caches, for both sides alike
    diffCpu += (diffUsed.user + diffUsed.system) / 1000;
    engineCpu += (used.user + used.system) / 1000;
    gitCpu += self === null || selfAfter === null ? Number.NaN : selfAfter - self;
    engine.push(e);
    diff.push(r.timing.diffMs);
    classify.push(r.timing.classifyMs);
    gitMs.push(g);
    fallback = r.diff.fallback ? 'yes' : '';
  }
  return {
    engine: median(engine),
    diff: median(diff),
    classify: median(classify),
    git: median(gitMs),
    engineCpu: engineCpu / runs,
    gitCpu: gitCpu / runs,
    diffCpu: diffCpu / runs,
    rssMb: process.resourceUsage().maxRSS / 1024,
    fallback,
  };
}

/** The child to run: this file under the bench's own loader, or its compiled bundle (`--compiled`) under plain node. */
interface ChildScript {
  path: string;
  execArgv: string[];
}

function runChild(script: ChildScript, a: string, b: string): Promise<Measure> {
  return new Promise((done, fail) => {
    const child = fork(script.path, ['--measure', a, b], { execArgv: script.execArgv });
    let result: Measure | undefined;
    child.on('message', (m) => (result = m as Measure));
    child.on('error', fail);
    child.on('exit', (code) =>
      result ? done(result) : fail(new Error(`bench child exited with ${code ?? 'a signal'}`)),
    );
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const compiled = args.includes('--compiled');
  const filter = (args.find((x) => x !== '--compiled') ?? '').toLowerCase().replace(/\s+/g, '');
  const material = loadMaterial();
  const cases = diffCases(material);
  const dir = mkdtempSync(join(tmpdir(), 'fineprint-bench-'));
  const script: ChildScript = compiled
    ? { path: await bundle(dir), execArgv: [] }
    : { path: __filename, execArgv: process.execArgv };
  console.log(`policy text from ${material.source}`);
  if (compiled) console.log('children run compiled (esbuild bundle, plain node)');
  console.log(
    'case                                               analyze ms   diff ms  classify ms    git ms   ratio   goal  CPU ms: analyze    git  ratio     diff  ratio  classify budget   peak RSS MB   fallback',
  );
  let failures = 0;
  let peak = 0;
  try {
    for (const make of cases) {
      const c = make();
      if (filter && !c.name.toLowerCase().replace(/\s+/g, '').includes(filter)) continue;
      const a = join(dir, 'a.md');
      const b = join(dir, 'b.md');
      writeFileSync(a, c.before);
      writeFileSync(b, c.after);
      const m = await runChild(script, a, b);
      const ratio = m.engine / m.git;
      if (ratio > c.goal) failures++;
      peak = Math.max(peak, m.rssMb);
      const cells = [
        c.name.padEnd(50),
        fixed(m.engine, 10),
        fixed(m.diff, 9),
        fixed(m.classify, 12),
        fixed(m.git, 9),
        fixed(ratio, 7, 2),
        `  ≤${c.goal}×`,
        fixed(m.engineCpu, 17),
        fixed(m.gitCpu, 6),
        fixed(m.engineCpu / m.gitCpu, 6, 2),
        fixed(m.diffCpu, 8),
        fixed(m.diffCpu / m.gitCpu, 6, 2),
        fixed(c.goal * m.git - (m.engine - m.classify), 10),
        fixed(m.rssMb, 13, 0),
        `  ${m.fallback}`,
      ];
      console.log(cells.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nhighest peak RSS of a case ${peak.toFixed(0)} MB (goal < 300 MB)`);
  console.log(failures === 0 ? 'all cases within their goal' : `${failures} case(s) over their goal`);
}

/** This file and the engine compiled into one CommonJS file in `dir` (for `--compiled`). */
async function bundle(dir: string): Promise<string> {
  // (loaded here only: a child never needs the bundler)
  const { build } = await import('esbuild');
  const outfile = join(dir, 'diff-bench.js');
  await build({
    entryPoints: [__filename],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['esbuild'],
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[2] === '--measure') {
  const result = measure(process.argv[3] ?? '', process.argv[4] ?? '');
  process.send?.(result, () => process.exit(0));
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

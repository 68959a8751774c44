/**
 * `npm run bench:diff`: Fineprint's diff engine against `git diff --no-index
 * --word-diff=porcelain` on the same generated cases, in one run. Prints medians and
 * the ratio engine/git (git's time includes starting the process, as it would in use).
 * Goal: ≤ 1× git on the few-edits cases, ≤ 3× elsewhere; peak memory < 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzeChange, diffText } from '@fineprint/diff';

import { document, paragraph, rng } from './generate-text';

interface Case {
  name: string;
  before: string;
  after: string;
  goal: number;
}

function fewEdits(bytes: number, seed: number): Case {
  const blocks = document(bytes, seed);
  const next = rng(seed + 1);
  const after = [...blocks];
  for (let i = 0; i < 5; i++) {
    const at = 1 + Math.floor(next() * (after.length - 2));
    after[at] = `${after[at]} We may also share voice recordings with partners.`;
  }
  return {
    name: `${bytes / 1000} KB, a few edits`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 1,
  };
}

function halfRewritten(bytes: number, seed: number): Case {
  const blocks = document(bytes, seed);
  const next = rng(seed + 2);
  const after = blocks.map((b, i) => (i % 2 === 1 && !b.startsWith('#') ? paragraph(next) : b));
  return {
    name: `${bytes / 1000} KB, half the paragraphs rewritten`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 3,
  };
}

function reordered(bytes: number, seed: number): Case {
  const blocks = document(bytes, seed);
  const next = rng(seed + 3);
  const after = [...blocks];
  for (let i = after.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [after[i], after[j]] = [after[j] as string, after[i] as string];
  }
  return {
    name: `${bytes / 1000} KB, paragraphs reordered`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 3,
  };
}

function unrelated(bytes: number, seed: number): Case {
  return {
    name: `two unrelated ${bytes / 1000} KB texts`,
    before: document(bytes, seed).join('\n\n'),
    after: document(bytes, seed + 99).join('\n\n'),
    goal: 3,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: JIT and caches, for both sides alike
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'fineprint-bench-'));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const cases = [
  fewEdits(100_000, 1),
  fewEdits(1_000_000, 2),
  halfRewritten(100_000, 3),
  halfRewritten(1_000_000, 4),
  reordered(200_000, 5),
  unrelated(200_000, 6),
];
console.log('case                                      engine ms    git ms    ratio   goal   fallback');
let failures = 0;
for (const c of cases) {
  const a = join(dir, 'a.md');
  const b = join(dir, 'b.md');
  writeFileSync(a, c.before);
  writeFileSync(b, c.after);
  const runs = c.before.length > 500_000 ? 3 : 7;
  let fallback = '';
  const engine = time(() => {
    fallback = diffText(c.before, c.after).fallback ? 'yes' : '';
  }, runs);
  const git = time(() => {
    try {
      execFileSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], { maxBuffer: 1 << 30 });
    } catch {
      // git diff exits 1 when the files differ
    }
  }, runs);
  const ratio = engine / git;
  if (ratio > c.goal) failures++;
  console.log(
    `${c.name.padEnd(40)} ${engine.toFixed(1).padStart(9)} ${git.toFixed(1).padStart(9)} ${ratio.toFixed(2).padStart(8)}   ≤${c.goal}×   ${fallback}`,
  );
}
const full = time(() => analyzeChange(cases[1]?.before ?? '', cases[1]?.after ?? ''), 3);
clearInterval(sample);
rmSync(dir, { recursive: true, force: true });
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(`\nanalyzeChange (diff + classify + summary) on the 1 MB few-edits case: ${full.toFixed(1)} ms`);
console.log(
  `peak RSS ${(peakRss / 1048576).toFixed(0)} MB (goal < 300 MB); max RSS reported by the OS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log(failures === 0 ? 'all cases within their goal' : `${failures} case(s) over their goal`);

/**
 * `npm run eval:corpus-reader`: how far the corpus replay's severities agree with a careful
 * privacy reader's ratings of the same pairs of versions (issue #13: "≥ 85% of high alerts are
 * high, ≥ 85% of the changes the reader rates high are announced high, and no change that only
 * renames, reformats or re-links is above low").
 *
 * Reads artifacts/corpus-pairs.json (written by `npm run eval:corpus`: every announced or
 * cosmetic version, the version it was compared with, the severity said) and the reader's
 * ratings, scripts/data/corpus-reader-ratings.json (each pair rated high / medium / low /
 * cosmetic by readers who read the diffs and never saw Fineprint's output; decision 0016 update
 * 13 says how). Pairs are joined on doc, from and to.
 *
 * Data: version histories from Open Terms Archive, by Open Terms Archive contributors, ODC-By 1.0;
 * the ratings are ours, under the same licence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Severity = 'high' | 'medium' | 'low' | 'cosmetic';
interface Said {
  doc: string;
  from?: string;
  to: string;
  severity: Severity | null;
  kinds: string[];
}
interface Rated {
  doc: string;
  from: string;
  to: string;
  severity: Severity;
  onlyCosmetic: boolean;
  why: string;
}

const pairsFile = join(__dirname, '../artifacts/corpus-pairs.json');
const ratingsFile = process.argv[2] ?? join(__dirname, 'data/corpus-reader-ratings.json');
if (!existsSync(pairsFile)) {
  console.error('✗ no artifacts/corpus-pairs.json: run `npm run eval:corpus` first');
  process.exit(1);
}
const said = JSON.parse(readFileSync(pairsFile, 'utf8')) as Said[];
const ratings = (JSON.parse(readFileSync(ratingsFile, 'utf8')) as { ratings: Rated[] }).ratings;
const key = (x: { doc: string; from?: string; to: string }) => `${x.doc}/${x.from ?? '?'}..${x.to}`;
const rated = new Map(ratings.map((r) => [key(r), r]));

const RANK: Record<Severity, number> = { cosmetic: 0, low: 1, medium: 2, high: 3 };
let joined = 0;
let exact = 0;
let within1 = 0;
let saidHigh = 0;
let saidHighRight = 0;
let readerHigh = 0;
let readerHighAnnounced = 0;
const cosmeticAbove: string[] = [];
const falseHigh: string[] = [];
const missedHigh: string[] = [];
const confusion = new Map<string, number>();
for (const s of said) {
  const r = rated.get(key(s));
  if (!r || !s.severity) continue;
  joined++;
  const got = s.severity;
  confusion.set(`${r.severity}→${got}`, (confusion.get(`${r.severity}→${got}`) ?? 0) + 1);
  if (got === r.severity) exact++;
  if (Math.abs(RANK[got] - RANK[r.severity]) <= 1) within1++;
  if (got === 'high') {
    saidHigh++;
    if (r.severity === 'high') saidHighRight++;
    else falseHigh.push(`${key(s)} (reader: ${r.severity}: ${r.why})`);
  }
  if (r.severity === 'high') {
    readerHigh++;
    if (got === 'high') readerHighAnnounced++;
    else missedHigh.push(`${key(s)} (said ${got}; reader: ${r.why})`);
  }
  if (r.onlyCosmetic && RANK[got] > RANK.low) cosmeticAbove.push(`${key(s)} (said ${got}; reader: ${r.why})`);
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`pairs rated by the reader and said by the replay: ${joined} of ${said.length}`);
console.log(
  `severity agrees exactly: ${exact}/${joined} (${pct(exact, joined)}); within one step: ${pct(within1, joined)}`,
);
console.log(
  `high alerts the reader rates high: ${saidHighRight}/${saidHigh} (${pct(saidHighRight, saidHigh)}; goal ≥ 85%)`,
);
console.log(
  `changes the reader rates high announced high: ${readerHighAnnounced}/${readerHigh} (${pct(readerHighAnnounced, readerHigh)}; goal ≥ 85%)`,
);
console.log(`renames, reformats, re-links above low: ${cosmeticAbove.length} (goal 0)`);
console.log('\nreader → said:');
for (const [k, v] of [...confusion].sort()) console.log(`  ${k.padEnd(20)} ${v}`);
for (const [title, list] of [
  ['high alerts the reader does not rate high', falseHigh],
  ['reader-high changes not announced high', missedHigh],
  ['only cosmetic, announced above low', cosmeticAbove],
] as const) {
  if (!list.length) continue;
  console.log(`\n${title}:`);
  for (const l of list) console.log(`  ${l}`);
}

/**
 * `npm run eval:meaning`: how well Fineprint reads what a policy change means (issue #13).
 *
 * 1. ToS;DR clauses (../shared/meaning/tosdr-dev.jsonl, or the file given as argv[2]): each clause
 *    is ADDED to a neutral policy and, separately, REMOVED from one; the expected meaning comes from
 *    scripts/data/tosdr-case-map.json (a privacy reader's mapping of ToS;DR cases to Fineprint's
 *    kinds and topics). Figures are given per fold of a 5-fold cross-validation grouped by service
 *    (a service's clauses all in one fold), and pooled. The rules are not trained on these labels,
 *    so the folds measure how much the figures vary between groups of services.
 * 2. The Alexa story worded differently (libs/diff/test/alexa-paraphrases.json, and whole pages in
 *    alexa-variants-2.json to -5.json, and alexa-blind-6.json, written by someone who never saw
 *    the rules).
 * 3. AI-training changes (libs/diff/test/ai-training-changes.json).
 *
 * `-- --inner` chooses the practice model's thresholds without fold 5: grouped cross-validation
 * on folds 1–4 only, for a grid of thresholds (decision 0016, update 6).
 *
 * Data: ToS;DR (https://tosdr.org) by ToS;DR contributors, CC BY-SA 3.0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { meetsSeverity } from '@fineprint/contracts';
import {
  analyzeChange,
  type Classification,
  classifyChange,
  type ClassifyOptions,
  diffText,
} from '@fineprint/diff';

import alexa from '../libs/diff/test/alexa-paraphrases.json';
import variants from '../libs/diff/test/alexa-variants-2.json';
import variants3 from '../libs/diff/test/alexa-variants-3.json';
import variants4 from '../libs/diff/test/alexa-variants-4.json';
import variants5 from '../libs/diff/test/alexa-variants-5.json';
import blind6 from '../libs/diff/test/alexa-blind-6.json';
import blind7 from '../libs/diff/test/alexa-blind-7.json';
import blind8 from '../libs/diff/test/alexa-blind-8.json';
import blind9 from '../libs/diff/test/alexa-blind-9.json';
import blind10 from '../libs/diff/test/alexa-blind-10.json';
import blind11 from '../libs/diff/test/alexa-blind-11.json';
import blind12 from '../libs/diff/test/alexa-blind-12.json';
import blind13 from '../libs/diff/test/alexa-blind-13.json';
import blind14 from '../libs/diff/test/alexa-blind-14.json';
import blind15 from '../libs/diff/test/alexa-blind-15.json';
import blind16 from '../libs/diff/test/alexa-blind-16.json';
import blind17 from '../libs/diff/test/alexa-blind-17.json';
import blind18 from '../libs/diff/test/alexa-blind-18.json';
import blind19 from '../libs/diff/test/alexa-blind-19.json';
import blind20 from '../libs/diff/test/alexa-blind-20.json';
import blind21 from '../libs/diff/test/alexa-blind-21.json';
import blind22 from '../libs/diff/test/alexa-blind-22.json';
import blind23 from '../libs/diff/test/alexa-blind-23.json';
import blind24 from '../libs/diff/test/alexa-blind-24.json';
import meaningBlind1 from '../libs/diff/test/meaning-blind-1.json';
import meaningBlind2 from '../libs/diff/test/meaning-blind-2.json';
import meaningBlind3 from '../libs/diff/test/meaning-blind-3.json';
import meaningBlind4 from '../libs/diff/test/meaning-blind-4.json';
import meaningBlind5 from '../libs/diff/test/meaning-blind-5.json';
import meaningBlind6 from '../libs/diff/test/meaning-blind-6.json';
import meaningBlind7 from '../libs/diff/test/meaning-blind-7.json';
import meaningBlind8 from '../libs/diff/test/meaning-blind-8.json';
import meaningBlind9 from '../libs/diff/test/meaning-blind-9.json';
import meaningBlind10 from '../libs/diff/test/meaning-blind-10.json';
import meaningBlind11 from '../libs/diff/test/meaning-blind-11.json';
import frenchBlind1 from '../libs/diff/test/french-blind-1.json';
import frenchBlind2 from '../libs/diff/test/french-blind-2.json';
import frenchBlind3 from '../libs/diff/test/french-blind-3.json';
import meaningBlind12 from '../libs/diff/test/meaning-blind-12.json';
import meaningBlind13 from '../libs/diff/test/meaning-blind-13.json';
import meaningBlind14 from '../libs/diff/test/meaning-blind-14.json';
import meaningBlind15 from '../libs/diff/test/meaning-blind-15.json';
import meaningBlind16 from '../libs/diff/test/meaning-blind-16.json';
import meaningBlind17 from '../libs/diff/test/meaning-blind-17.json';
import meaningBlind18 from '../libs/diff/test/meaning-blind-18.json';
import meaningBlind19 from '../libs/diff/test/meaning-blind-19.json';
import meaningBlind20 from '../libs/diff/test/meaning-blind-20.json';
import meaningBlind21 from '../libs/diff/test/meaning-blind-21.json';
import meaningBlind22 from '../libs/diff/test/meaning-blind-22.json';
import meaningBlind23 from '../libs/diff/test/meaning-blind-23.json';
import meaningBlind24 from '../libs/diff/test/meaning-blind-24.json';
import meaningBlind25 from '../libs/diff/test/meaning-blind-25.json';
import meaningBlind26 from '../libs/diff/test/meaning-blind-26.json';
import meaningBlind27 from '../libs/diff/test/meaning-blind-27.json';
import meaningBlind28 from '../libs/diff/test/meaning-blind-28.json';
import meaningBlind29 from '../libs/diff/test/meaning-blind-29.json';
import meaningBlind30 from '../libs/diff/test/meaning-blind-30.json';
import meaningBlind31 from '../libs/diff/test/meaning-blind-31.json';
import meaningBlind32 from '../libs/diff/test/meaning-blind-32.json';
import meaningBlind33 from '../libs/diff/test/meaning-blind-33.json';
import meaningBlind34 from '../libs/diff/test/meaning-blind-34.json';
import meaningBlind35 from '../libs/diff/test/meaning-blind-35.json';
import meaningBlind36 from '../libs/diff/test/meaning-blind-36.json';
import meaningBlind37 from '../libs/diff/test/meaning-blind-37.json';
import meaningBlind38 from '../libs/diff/test/meaning-blind-38.json';
import frenchBlind4 from '../libs/diff/test/french-blind-4.json';
import frenchBlind5 from '../libs/diff/test/french-blind-5.json';
import aiCases from '../libs/diff/test/ai-training-changes.json';
import severityData from '../libs/diff/src/lexicon/severity.json';
import caseMap from './data/tosdr-case-map.json';
import { practiceExamples } from './meaning-examples';
import { type PracticeModel, trainPracticeModel } from '../libs/diff/src/practice-model';

interface Clause {
  id: string;
  service: string;
  case: string;
  point: string;
  quote: string;
}
interface Expected {
  kind: string | null;
  topic: string | null;
  severity: string;
}

const file = resolve(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
    join(__dirname, '../../shared/meaning/tosdr-dev.jsonl'),
);
if (!existsSync(file)) {
  console.error(`✗ no clause file at ${file}`);
  process.exit(1);
}
const clauses: Clause[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Clause);

const NEUTRAL_HEAD = `# Privacy Policy

This page explains how Example Service handles information about the people who use it.

## About this policy`;
const NEUTRAL_TAIL = `## Contact

Questions about this page can be sent to our support team through the help centre.`;
const neutral = (clause: string | null) =>
  [NEUTRAL_HEAD, ...(clause ? [clause] : []), NEUTRAL_TAIL].join('\n\n');

const rules = severityData.rules as {
  name: string;
  severity: string;
  kinds?: string[];
  topics?: string[];
  citing?: string;
}[];
function severityOf(kind: string | null, topic: string | null): string {
  if (!kind) return 'low';
  // (a rule that reads the cited sentence, "precise location", does not apply to a case label:
  // a case whose clauses all say it names its severity in the case map)
  const rule = rules.find(
    (r) =>
      !r.citing &&
      (!r.kinds || r.kinds.includes(kind)) &&
      (!r.topics || (topic !== null && r.topics.includes(topic))),
  );
  return rule?.severity ?? 'low';
}

const cases = caseMap.cases as Record<string, { added: string; removed: string; severity?: string }>;
function expected(c: Clause, side: 'added' | 'removed'): Expected {
  const m = cases[c.case]?.[side];
  if (!m || m === 'none') return { kind: null, topic: null, severity: 'low' };
  const [kind, topic] = m.split('/') as [string, string | undefined];
  return { kind, topic: topic ?? null, severity: severityOf(kind, topic ?? null) };
}

const OPPOSITE: Record<string, string[]> = {
  'new-data-collected': ['data-collection-reduced'],
  'data-collection-reduced': ['new-data-collected'],
  'new-data-use': ['data-use-narrowed'],
  'data-use-narrowed': ['new-data-use'],
  'sharing-expanded': ['sharing-narrowed'],
  'sharing-narrowed': ['sharing-expanded'],
  'tracking-added': ['tracking-removed'],
  'tracking-removed': ['tracking-added'],
  'opt-out-added': ['opt-out-removed'],
  'opt-out-removed': ['opt-out-added'],
  'rights-added': ['rights-reduced'],
  'rights-reduced': ['rights-added'],
  'retention-lengthened': ['retention-shortened'],
  'retention-shortened': ['retention-lengthened'],
  'promise-withdrawn': [
    'sharing-narrowed',
    'data-use-narrowed',
    'tracking-removed',
    'data-collection-reduced',
  ],
};
const PARENTS = new Set(['retention-changed']);

interface Outcome {
  service: string;
  clause: Clause;
  side: 'added' | 'removed';
  exp: Expected;
  got: Classification;
  meaningOk: boolean;
  severityOk: boolean;
}

/**
 * The expected meaning read: the kind among the change's kinds and the topic among its topics, or,
 * where no meaning is expected (null), nothing of medium severity or above.
 */
function meaningRight(kind: string | null, topic: string | null, got: Classification): boolean {
  return kind
    ? (got.kinds as string[]).includes(kind) && (!topic || (got.topics as string[]).includes(topic))
    : !meetsSeverity(got.severity, 'medium');
}

function judge(
  c: Clause,
  side: 'added' | 'removed',
  model: PracticeModel | null,
  options: ClassifyOptions = {},
): Outcome {
  const exp = expected(c, side);
  const before = side === 'added' ? neutral(null) : neutral(c.quote);
  const after = side === 'added' ? neutral(c.quote) : neutral(null);
  const got = classifyChange(diffText(before, after), { model, ...options });
  const meaningOk = meaningRight(exp.kind, exp.topic, got);
  return {
    service: c.service,
    clause: c,
    side,
    exp,
    got,
    meaningOk,
    severityOk: got.severity === exp.severity,
  };
}

// 5 folds grouped by service (a fixed hash of the service name): the practice model of fold f is
// trained on the other four folds' services only, and judged on fold f's
const fold = (service: string) => {
  let h = 2166136261;
  for (const ch of service) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 5;
};
const useModel = !process.argv.includes('--rules-only');
const examples = practiceExamples(readFileSync(file, 'utf8'));

// --inner: choose the model's thresholds without fold 5. Grouped cross-validation on folds 1–4
// only (each model trained on the other three; fold 5 neither trains nor is judged), for a grid
// of thresholds; prints the figures of each and exits
if (process.argv.includes('--inner')) {
  const grid: { label: string; options: ClassifyOptions }[] = [
    { label: 'rules only', options: { model: null } },
  ];
  for (const modelThreshold of [0.6, 0.7, 0.8])
    for (const modelVeto of [0.6, 0.7, 0.8, 0.9, null])
      grid.push({
        label: `use ≥ ${modelThreshold}, veto ≥ ${modelVeto ?? '–'}`,
        options: { modelThreshold, modelVeto },
      });
  const inner = grid.map(() => [] as Outcome[]);
  for (let f = 0; f < 4; f++) {
    const model = trainPracticeModel(
      examples.filter((e) => ![f, 4].includes(fold(e.clause.service))).map((e) => e.example),
    );
    for (const c of clauses.filter((x) => fold(x.service) === f))
      grid.forEach((g, i) =>
        (inner[i] as Outcome[]).push(
          judge(c, 'added', model, g.options),
          judge(c, 'removed', model, g.options),
        ),
      );
  }
  const pc = (v: number) => `${(100 * v).toFixed(1).padStart(5)}%`;
  console.log('inner grouped CV on folds 1–4 (fold 5 unused): meaning, severity, false-high; per fold');
  grid.forEach((g, i) => {
    const os = inner[i] as Outcome[];
    const x = figures(os);
    const perFold = [0, 1, 2, 3].map((f) => figures(os.filter((o) => fold(o.service) === f)).meaning);
    console.log(
      `${g.label.padEnd(40)} ${pc(x.meaning)} ${pc(x.severity)} ${pc(x.falseHigh)}   ${perFold.map(pc).join(' ')}`,
    );
  });
  process.exit(0);
}
const started = performance.now();
const outcomes: Outcome[] = [];
for (let f = 0; f < 5; f++) {
  const model = useModel
    ? trainPracticeModel(examples.filter((e) => fold(e.clause.service) !== f).map((e) => e.example))
    : null;
  for (const c of clauses.filter((x) => fold(x.service) === f))
    outcomes.push(judge(c, 'added', model), judge(c, 'removed', model));
}
const elapsed = performance.now() - started;
// --dump=<file>: every outcome as a JSON line (fold, side, clause, expected, got), to study errors
const dumpArg = process.argv.find((a) => a.startsWith('--dump='));
if (dumpArg)
  writeFileSync(
    dumpArg.slice('--dump='.length),
    outcomes
      .map((o) =>
        JSON.stringify({
          fold: fold(o.service) + 1,
          side: o.side,
          case: o.clause.case,
          quote: o.clause.quote,
          exp: o.exp,
          kinds: o.got.kinds,
          topics: o.got.topics,
          severity: o.got.severity,
          rules: o.got.tags.map((t) => `${t.kind}/${t.topic ?? ''}:${t.rule}:${t.severity ?? ''}`),
          meaningOk: o.meaningOk,
          severityOk: o.severityOk,
        }),
      )
      .join('\n') + '\n',
  );
console.log(
  useModel ? 'rules + practice model (trained per fold on the other folds)' : 'rules only (--rules-only)',
);
const pct = (n: number, d: number) => (d === 0 ? '   –' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function figures(os: Outcome[]) {
  const meaningful = os.filter((o) => o.exp.kind);
  const none = os.filter((o) => !o.exp.kind);
  return {
    n: os.length,
    meaning: os.filter((o) => o.meaningOk).length / os.length,
    meaningOnMeaningful: meaningful.filter((o) => o.meaningOk).length / Math.max(1, meaningful.length),
    severity: os.filter((o) => o.severityOk).length / os.length,
    falseHigh: none.filter((o) => o.got.severity === 'high').length / Math.max(1, none.length),
    noneWithKind: none.filter((o) => o.got.kinds.length > 0).length / Math.max(1, none.length),
  };
}

console.log(
  `ToS;DR clauses: ${clauses.length} from ${new Set(clauses.map((c) => c.service)).size} services, each added and removed (${outcomes.length} changes) in ${(elapsed / 1000).toFixed(1)} s\n`,
);
console.log(
  'fold   changes   meaning  (on meaningful)  severity   false-high on no-meaning   any kind on no-meaning',
);
for (let f = 0; f < 5; f++) {
  const x = figures(outcomes.filter((o) => fold(o.service) === f));
  console.log(
    `${String(f + 1).padEnd(6)} ${String(x.n).padStart(7)}   ${pct(x.meaning, 1)}  ${pct(x.meaningOnMeaningful, 1)}          ${pct(x.severity, 1)}   ${pct(x.falseHigh, 1)}                     ${pct(x.noneWithKind, 1)}`,
  );
}
const all = figures(outcomes);
console.log(
  `${'all'.padEnd(6)} ${String(all.n).padStart(7)}   ${pct(all.meaning, 1)}  ${pct(all.meaningOnMeaningful, 1)}          ${pct(all.severity, 1)}   ${pct(all.falseHigh, 1)}                     ${pct(all.noneWithKind, 1)}`,
);

// precision and recall per kind and direction
const kinds = [...new Set(outcomes.flatMap((o) => [...(o.exp.kind ? [o.exp.kind] : []), ...o.got.kinds]))]
  .filter((k) => !PARENTS.has(k))
  .sort();
console.log(
  '\nkind (direction)              expected  predicted  precision  recall   confused with opposite',
);
for (const k of kinds) {
  const exp = outcomes.filter((o) => o.exp.kind === k);
  const pred = outcomes.filter((o) => (o.got.kinds as string[]).includes(k));
  const tp = exp.filter((o) => (o.got.kinds as string[]).includes(k)).length;
  const opposite = exp.filter(
    (o) =>
      (OPPOSITE[k] ?? []).some((x) => (o.got.kinds as string[]).includes(x)) &&
      !(o.got.kinds as string[]).includes(k),
  ).length;
  console.log(
    `${k.padEnd(30)} ${String(exp.length).padStart(7)} ${String(pred.length).padStart(10)}  ${pct(tp, pred.length)}     ${pct(tp, exp.length)}   ${opposite} (${pct(opposite, exp.length)})`,
  );
}
for (const side of ['added', 'removed'] as const) {
  const x = figures(outcomes.filter((o) => o.side === side));
  console.log(
    `\nclauses ${side}: meaning ${pct(x.meaning, 1)}, severity ${pct(x.severity, 1)}, false-high on no-meaning ${pct(x.falseHigh, 1)}`,
  );
}

// severity confusion
console.log('\nseverity expected → got');
for (const e of ['high', 'medium', 'low']) {
  const row = outcomes.filter((o) => o.exp.severity === e);
  console.log(
    `  ${e.padEnd(7)} ${String(row.length).padStart(5)}: ${['high', 'medium', 'low', 'cosmetic'].map((g) => `${g} ${row.filter((o) => o.got.severity === g).length}`).join(', ')}`,
  );
}

// the Alexa story, worded differently
const a = alexa as {
  base: string;
  sections: Record<string, string>;
  removals: { id: string; section: string; replacement: string }[];
  controls: { id: string; section: string; replacement: string; appendToEnd?: string }[];
};
const page = (section: string) => a.base.replace('{SECTION}', section);
let alexaOk = 0;
console.log('\nAlexa story paraphrases (must be opt-out-removed · voice-recordings · high):');
for (const r of a.removals) {
  const c = analyzeChange(page(a.sections[r.section] ?? ''), page(r.replacement)).classification;
  const ok =
    c.severity === 'high' &&
    c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings');
  if (ok) alexaOk++;
  console.log(`  ${ok ? '✓' : '✗'} ${r.id.padEnd(34)} ${c.severity.padEnd(6)} ${c.kinds.join(', ')}`);
}
let controlsOk = 0;
console.log('Controls (the setting stays; must not be opt-out-removed):');
for (const r of a.controls) {
  const after = page(r.replacement) + (r.appendToEnd ? `\n\n${r.appendToEnd}` : '');
  const c = analyzeChange(page(a.sections[r.section] ?? ''), after).classification;
  const ok = !c.kinds.includes('opt-out-removed');
  if (ok) controlsOk++;
  console.log(
    `  ${ok ? '✓' : '✗'} ${r.id.padEnd(34)} ${c.severity.padEnd(6)} ${c.kinds.join(', ') || '(no kind)'}`,
  );
}

// the Alexa story in other page shapes (the second and third sets, whole pages before and after)
type Variant = { id: string; before: string; after: string };
function judgeSet(title: string, set: { removals: Variant[]; controls: Variant[] }): number {
  let ok = 0;
  console.log(`\n${title} (removals, then controls):`);
  for (const [group, list] of [
    ['removal', set.removals],
    ['control', set.controls],
  ] as const) {
    for (const r of list) {
      const c = analyzeChange(r.before, r.after).classification;
      const right =
        group === 'removal'
          ? c.severity === 'high' &&
            c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')
          : !c.kinds.includes('opt-out-removed');
      if (right) ok++;
      console.log(
        `  ${right ? '✓' : '✗'} ${group} ${r.id.padEnd(42)} ${c.severity.padEnd(6)} ${c.kinds.join(', ') || '(no kind)'}`,
      );
    }
  }
  return ok;
}
const variantSets = (
  [
    ['second set in other page shapes', 'Alexa story, second set in other page shapes', variants],
    ['third set', 'Alexa story, third set (tables, contract terms, a retired feature…)', variants3],
    [
      'fourth set',
      'Alexa story, fourth set (a notice, a spec sheet, a toggle, third-person terms…)',
      variants4,
    ],
    ['fifth set', 'Alexa story, fifth set (passive legal prose, UI strings, marketing copy…)', variants5],
    ['sixth set (written blind)', 'Alexa story, sixth set (written blind, without seeing the rules)', blind6],
    ['seventh set (written blind)', 'Alexa story, seventh set (written blind by another helper)', blind7],
    ['eighth set (written blind)', 'Alexa story, eighth set (written blind, fourth stop)', blind8],
    [
      'ninth set (written blind)',
      'Alexa story, ninth set (written blind, long pages with other edits)',
      blind9,
    ],
    [
      'tenth set (written blind)',
      'Alexa story, tenth set (written blind, fifth stop; first run 22/24)',
      blind10,
    ],
    [
      'eleventh set (written blind, first run 19/24)',
      'Alexa story, eleventh set (written blind, fifth stop; first run 19/24, then read)',
      blind11,
    ],
    [
      'twelfth set (written blind, first run 17/24)',
      'Alexa story, twelfth set (written blind, sixth stop; first run 17/24, then read)',
      blind12,
    ],
    [
      'thirteenth set (written blind, first run 22/24)',
      'Alexa story, thirteenth set (written blind, seventh stop; first run 22/24, then read)',
      blind13,
    ],
    [
      'fourteenth set (written blind, first run 20/24)',
      'Alexa story, fourteenth set (written blind, seventh stop; first run 20/24, then read)',
      blind14,
    ],
    [
      'fifteenth set (written blind, first run 21/24)',
      'Alexa story, fifteenth set (written blind, seventh stop; first run 21/24, then read)',
      blind15,
    ],
    [
      'sixteenth set (written blind, first run 20/24)',
      'Alexa story, sixteenth set (written blind, eighth stop; first run 20/24, then read)',
      blind16,
    ],
    [
      'seventeenth set (written blind, first run 24/24)',
      'Alexa story, seventeenth set (written blind, ninth stop; first run 24/24)',
      blind17,
    ],
    [
      'eighteenth set (written blind, first run 20/24)',
      'Alexa story, eighteenth set (written blind, ninth stop; first run 20/24, then read)',
      blind18,
    ],
    [
      'nineteenth set (written blind, first run 21/24)',
      'Alexa story, nineteenth set (written blind, ninth stop; first run 21/24, then read)',
      blind19,
    ],
    [
      'twentieth set (written blind, first run 18/24)',
      'Alexa story, twentieth set (written blind, eleventh stop; first run 18/24, then read)',
      blind20,
    ],
    [
      'twenty-first set (written blind, first run 21/24)',
      'Alexa story, twenty-first set (written blind, twelfth stop; first run 21/24, then read)',
      blind21,
    ],
    [
      'twenty-second set (written blind, first run 21/24)',
      'Alexa story, twenty-second set (written blind, thirteenth stop; first run 21/24, then read)',
      blind22,
    ],
    [
      'twenty-third set (written blind, first run 18/24)',
      'Alexa story, twenty-third set (written blind, thirteenth stop; first run 18/24 on the start-of-stop engine, 19/24 after set 33 was read, then read)',
      blind23,
    ],
    [
      'twenty-fourth set (written blind, first run 21/24)',
      'Alexa story, twenty-fourth set (written blind, thirteenth stop; first run 21/24, then read)',
      blind24,
    ],
  ] as [string, string, { removals: Variant[]; controls: Variant[] }][]
).map(([name, title, set]) => ({
  name,
  ok: judgeSet(title, set),
  total: set.removals.length + set.controls.length,
}));

// labelled changes of every kind, written blind (never seeing the rules): whole pages before and
// after, judged as the ToS;DR clauses are (kind and topic among the tags; "none" = below medium)
type BlindCase = {
  id: string;
  before: string;
  after: string;
  kind: string;
  topic: string | null;
  severity: string;
};
function judgeBlind(title: string, cases: BlindCase[]): { meaning: number; severity: number } {
  console.log(`\n${title}:`);
  let meaning = 0;
  let severity = 0;
  for (const x of cases) {
    const c = analyzeChange(x.before, x.after).classification;
    const none = !x.kind || x.kind === 'none';
    const mOk = meaningRight(none ? null : x.kind, x.topic, c);
    const sOk = c.severity === x.severity || (none && c.severity === 'cosmetic');
    if (mOk) meaning++;
    if (sOk) severity++;
    console.log(
      `  ${mOk ? '✓' : '✗'}${sOk ? '✓' : '✗'} ${x.id.padEnd(40)} want ${x.kind}·${x.topic ?? '-'}·${x.severity}  got ${c.severity} ${c.kinds.join(', ') || '(no kind)'}`,
    );
  }
  return { meaning, severity };
}
const blindKindSets = (
  [
    ['written blind', 'Labelled changes of every kind, written blind (meaning-blind-1.json)', meaningBlind1],
    [
      'second blind set',
      'Labelled changes of every kind, a second set written blind (meaning-blind-2.json)',
      meaningBlind2,
    ],
    [
      'third blind set',
      'Labelled changes of every kind, a third set written blind (meaning-blind-3.json; two of its cases read in the fifth stop)',
      meaningBlind3,
    ],
    [
      'fourth blind set',
      'Labelled changes of every kind, a fourth set written blind (meaning-blind-4.json)',
      meaningBlind4,
    ],
    [
      'fifth blind set (first run 25/40)',
      'Labelled changes of every kind, a fifth set written blind (meaning-blind-5.json; first run 25/40 meaning, 33/40 severity, then read)',
      meaningBlind5,
    ],
    [
      'sixth blind set (first run 26/40)',
      'Labelled changes of every kind, a sixth set written blind (meaning-blind-6.json; first run 26/40 meaning, 34/40 severity, then read)',
      meaningBlind6,
    ],
    [
      'seventh blind set (first run 28/40)',
      'Labelled changes of every kind, a seventh set written blind (meaning-blind-7.json; first run 28/40 meaning, 38/40 severity)',
      meaningBlind7,
    ],
    [
      'eighth blind set (first run 31/40)',
      'Labelled changes of every kind, an eighth set written blind (meaning-blind-8.json; first run 31/40 meaning, 30/40 severity, then read)',
      meaningBlind8,
    ],
    [
      'ninth blind set (first run 22/40)',
      'Labelled changes of every kind, a ninth set written blind (meaning-blind-9.json; first run 22/40 meaning, 25/40 severity, then read)',
      meaningBlind9,
    ],
    [
      'tenth blind set (first run 24/40)',
      'Labelled changes of every kind, a tenth set written blind (meaning-blind-10.json; first run 24/40 meaning, 28/40 severity, then read)',
      meaningBlind10,
    ],
    [
      'eleventh blind set (first run 28/40)',
      'Labelled changes of every kind, an eleventh set written blind (meaning-blind-11.json; first run 28/40 meaning, 35/40 severity, then read)',
      meaningBlind11,
    ],
    [
      'French, first blind set (first run 22/40)',
      'Labelled changes in French, written blind (french-blind-1.json; first run 22/40 meaning, 28/40 severity, then read)',
      frenchBlind1,
    ],
    [
      'twelfth blind set (first run 24/40)',
      'Labelled changes of every kind, a twelfth set written blind (meaning-blind-12.json; first run 24/40 meaning, 31/40 severity, then read)',
      meaningBlind12,
    ],
    [
      'French, second blind set (first run 20/40)',
      'Labelled changes in French, a second set written blind (french-blind-2.json; first run 20/40 meaning, 26/40 severity, after one round of French fixes; then read)',
      frenchBlind2,
    ],
    [
      'thirteenth blind set (first run 25/40)',
      'Labelled changes of every kind, a thirteenth set written blind (meaning-blind-13.json; first run 25/40 meaning, 30/40 severity, then read)',
      meaningBlind13,
    ],
    [
      'fourteenth blind set (first run 33/40)',
      'Labelled changes of every kind, a fourteenth set written blind (meaning-blind-14.json; first run 33/40 meaning, 35/40 severity, then read)',
      meaningBlind14,
    ],
    [
      'fifteenth blind set (first run 15/40)',
      'Labelled changes of every kind, a fifteenth set written blind (meaning-blind-15.json; consumer-app writing; first run 15/40 meaning, 23/40 severity, then read)',
      meaningBlind15,
    ],
    [
      'sixteenth blind set (first run 22/40)',
      'Labelled changes of every kind, a sixteenth set written blind (meaning-blind-16.json; informal product writing; first run 22/40 meaning, 28/40 severity, then read)',
      meaningBlind16,
    ],
    [
      'seventeenth blind set (first run 20/40)',
      'Labelled changes of every kind, a seventeenth set written blind (meaning-blind-17.json; everyday product texts; first run 20/40 meaning, 28/40 severity, then read)',
      meaningBlind17,
    ],
    [
      'eighteenth blind set (first run 26/40, held out)',
      'Labelled changes of every kind, an eighteenth set written blind (meaning-blind-18.json; help pages and plain privacy notices; first run 26/40 meaning, 32/40 severity on the end-of-stop engine; not read for fixes)',
      meaningBlind18,
    ],
    [
      'French, third blind set (first run 25/40)',
      'Labelled changes in French, a third set written blind (french-blind-3.json; first run 25/40 meaning, 33/40 severity, then read)',
      frenchBlind3,
    ],
    [
      'nineteenth blind set (first run 25/40)',
      'Labelled changes of every kind, a nineteenth set written blind (meaning-blind-19.json; devices, fintech, health, games and workplace tools; first run 25/40 meaning, 31/40 severity, then read)',
      meaningBlind19,
    ],
    [
      'twentieth blind set (first run 18/40)',
      'Labelled changes of every kind, a twentieth set written blind (meaning-blind-20.json; formal legal notices; first run 18/40 meaning, 28/40 severity, then read)',
      meaningBlind20,
    ],
    [
      'French, fourth blind set (first run 27/40)',
      'Labelled changes in French, a fourth set written blind (french-blind-4.json; first run 27/40 meaning, 34/40 severity, then read)',
      frenchBlind4,
    ],
    [
      'twenty-first blind set (first run 30/40, held out)',
      'Labelled changes of every kind, a twenty-first set written blind (meaning-blind-21.json; policies, help pages and in-app texts; first run 30/40 meaning, 27/40 severity on the end-of-stop engine; not read for fixes)',
      meaningBlind21,
    ],
    [
      'twenty-second blind set (first run 24/40)',
      'Labelled changes of every kind, a twenty-second set written blind (meaning-blind-22.json; devices, banking, dating, health, children and AI assistants; first run 24/40 meaning, 30/40 severity, then read)',
      meaningBlind22,
    ],
    [
      'twenty-third blind set (first run 25/40)',
      'Labelled changes of every kind, a twenty-third set written blind (meaning-blind-23.json; formal numbered notices and plain-language summaries; first run 25/40 meaning, 31/40 severity, then read)',
      meaningBlind23,
    ],
    [
      'twenty-fourth blind set (first run 28/40, held out)',
      'Labelled changes of every kind, a twenty-fourth set written blind (meaning-blind-24.json; small edits buried in long big-company policies; first run 28/40 meaning, 30/40 severity at the end of the eleventh stop, 27/40 on the start-of-stop engine; not read for fixes)',
      meaningBlind24,
    ],
    [
      'twenty-fifth blind set (first run 26/40)',
      'Labelled changes of every kind, a twenty-fifth set written blind (meaning-blind-25.json; help pages, settings screens, consent checkboxes and plan tables; first run 26/40 meaning, 30/40 severity, then read)',
      meaningBlind25,
    ],
    [
      'French, fifth blind set (first run 27/40)',
      'Labelled changes in French, a fifth set written blind (french-blind-5.json; first run 27/40 meaning, 32/40 severity, then read)',
      frenchBlind5,
    ],
    [
      'twenty-sixth blind set (first run 29/40, held out)',
      'Labelled changes of every kind, a twenty-sixth set written blind (meaning-blind-26.json; policies, device help pages, terms and short notices; first run 29/40 meaning, 33/40 severity at the end of the eleventh stop, 28/40 on the start-of-stop engine; not read for fixes)',
      meaningBlind26,
    ],
    [
      'twenty-seventh blind set (first run 26/40, held out)',
      'Labelled changes of every kind, a twenty-seventh set written blind (meaning-blind-27.json; long legal notices and terms with defined terms, cross-references and lists; first run 26/40 meaning, 32/40 severity on the start-of-stop engine; not read for fixes)',
      meaningBlind27,
    ],
    [
      'twenty-eighth blind set (first run 23/40)',
      'Labelled changes of every kind, a twenty-eighth set written blind (meaning-blind-28.json; data-safety labels, update emails, release notes, forum and chatbot answers, yes/no tables; first run 23/40 meaning, 26/40 severity on the start-of-stop engine, then read)',
      meaningBlind28,
    ],
    [
      'twenty-ninth blind set (first run 25/40, held out)',
      'Labelled changes of every kind, a twenty-ninth set written blind (meaning-blind-29.json; company privacy notices, help-centre articles and FAQs, terms and cookie policies; first run 25/40 meaning, 31/40 severity at the end of the twelfth stop, the same on the start-of-stop engine; not read for fixes)',
      meaningBlind29,
    ],
    [
      'thirtieth blind set (first run 26/40)',
      "Labelled changes of every kind, a thirtieth set written blind (meaning-blind-30.json; large platforms' policies and terms, subtle clause-level edits; first run 26/40 meaning, 31/40 severity, 25/40 on the start-of-stop engine, then read)",
      meaningBlind30,
    ],
    [
      'thirty-first blind set (first run 26/40)',
      "Labelled changes of every kind, a thirty-first set written blind (meaning-blind-31.json; health, banking, insurance, children's and government notices; first run 26/40 meaning, 36/40 severity, the same on the start-of-stop engine, then read)",
      meaningBlind31,
    ],
    [
      'thirty-second blind set (first run 21/40, held out)',
      'Labelled changes of every kind, a thirty-second set written blind (meaning-blind-32.json; device manuals, privacy-choices pages and plain-English startup policies; first run 21/40 meaning, 28/40 severity at the end of the twelfth stop, 19/40 on the start-of-stop engine; not read for fixes)',
      meaningBlind32,
    ],
    [
      'thirty-third blind set (first run 28/40)',
      'Labelled changes of every kind, a thirty-third set written blind (meaning-blind-33.json; connected devices: speakers, TVs, cars, wearables, cameras, robots; first run 28/40 meaning, 32/40 severity on the start-of-stop engine, then read)',
      meaningBlind33,
    ],
    [
      'thirty-fourth blind set (first run 30/40, held out)',
      'Labelled changes of every kind, a thirty-fourth set written blind (meaning-blind-34.json; workplace software, commerce, travel and telecoms; first run 30/40 meaning, 33/40 severity on the start-of-stop engine; not read for fixes)',
      meaningBlind34,
    ],
    [
      'thirty-fifth blind set (first run 24/40)',
      'Labelled changes of every kind, a thirty-fifth set written blind (meaning-blind-35.json; news, libraries, universities, city services, charities, VPNs and browser tools; first run 24/40 meaning, 31/40 severity, then read)',
      meaningBlind35,
    ],
    [
      'thirty-sixth blind set (first run 32/40, held out)',
      'Labelled changes of every kind, a thirty-sixth set written blind (meaning-blind-36.json; social, messaging, dating, games, creators, DNA and wellbeing apps; first run 32/40 meaning, 36/40 severity on the start-of-stop engine; not read for fixes)',
      meaningBlind36,
    ],
    [
      'thirty-seventh blind set (first run 23/40)',
      'Labelled changes of every kind, a thirty-seventh set written blind (meaning-blind-37.json; AI assistants, meeting notes, code completion, cloud storage, mail and SaaS admin pages; first run 23/40 meaning, 27/40 severity on the start-of-stop engine, then read)',
      meaningBlind37,
    ],
    [
      'thirty-eighth blind set (first run 26/40, held out)',
      'Labelled changes of every kind, a thirty-eighth set written blind (meaning-blind-38.json; supermarkets, pharmacies, delivery, gyms, insurers, utilities and rentals; first run 26/40 meaning, 35/40 severity on the start-of-stop engine; not read for fixes)',
      meaningBlind38,
    ],
  ] as [string, string, { cases: BlindCase[] }][]
).map(([name, title, set]) => ({ name, total: set.cases.length, ...judgeBlind(title, set.cases) }));

// AI-training changes
let aiDetected = 0;
let aiDirection = 0;
let aiChanges = 0;
let aiQuiet = 0;
let aiControls = 0;
console.log('\nAI-training changes (kind with topic ai-training; "none" = no AI tag):');
for (const t of aiCases.cases) {
  const doc = (s: string) => neutral(s || null);
  const c = analyzeChange(doc(t.before), doc(t.after)).classification;
  const ai = c.tags.filter((x) => x.kind && x.topic === 'ai-training').map((x) => x.kind as string);
  let ok: boolean;
  if (t.expect === 'none') {
    aiControls++;
    ok = ai.length === 0;
    if (ok) aiQuiet++;
  } else {
    aiChanges++;
    if (ai.length) aiDetected++;
    ok = ai.includes(t.expect) && !(OPPOSITE[t.expect] ?? []).some((o) => ai.includes(o));
    if (ok) aiDirection++;
  }
  console.log(
    `  ${ok ? '✓' : '✗'} ${t.id.padEnd(28)} expect ${t.expect.padEnd(18)} got ${ai.join(', ') || '(none)'} · ${c.severity}`,
  );
}

console.log(`
Summary
  ToS;DR (pooled over 5 service-grouped folds): meaning ${pct(all.meaning, 1)}, severity ${pct(all.severity, 1)}, high on no-meaning clauses ${pct(all.falseHigh, 1)}
  Alexa paraphrases: ${alexaOk}/${a.removals.length} high opt-out-removed · voice-recordings; controls ${controlsOk}/${a.controls.length} not opt-out-removed
${variantSets.map((v) => `  Alexa, ${v.name}: ${v.ok}/${v.total} right (removals and controls)\n`).join('')}${blindKindSets
  .map(
    (b) =>
      `  Changes of every kind, ${b.name}: meaning ${b.meaning}/${b.total}, severity ${b.severity}/${b.total}\n`,
  )
  .join(
    '',
  )}  AI training: detected ${aiDetected}/${aiChanges}, direction right ${aiDirection}/${aiChanges}, no AI tag on ${aiQuiet}/${aiControls} non-changes
Data: ToS;DR (https://tosdr.org) by ToS;DR contributors, CC BY-SA 3.0.`);

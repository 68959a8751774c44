/**
 * `npm run train:meaning`: trains the practice model (libs/diff/src/practice-model.ts) on every
 * clause of the ToS;DR development file, labelled through scripts/data/tosdr-case-map.json, and
 * writes libs/diff/src/lexicon/practice-model.json. Deterministic: the same data give the same file.
 *
 * Data: ToS;DR (https://tosdr.org) by ToS;DR contributors, CC BY-SA 3.0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { practiceExamples } from './meaning-examples';
import { trainPracticeModel } from '../libs/diff/src/practice-model';

const file = resolve(process.argv[2] ?? join(__dirname, '../../shared/meaning/tosdr-dev.jsonl'));
if (!existsSync(file)) {
  console.error(`✗ no clause file at ${file}`);
  process.exit(1);
}
const examples = practiceExamples(readFileSync(file, 'utf8'));
const model = trainPracticeModel(examples.map((e) => e.example));
const out = join(__dirname, '../libs/diff/src/lexicon/practice-model.json');
writeFileSync(
  out,
  `${JSON.stringify({
    $attribution:
      'Contains data from ToS;DR (https://tosdr.org) by ToS;DR contributors, CC BY-SA 3.0. Weights learned from ToS;DR quoted clauses and case labels (tosdr/tosdr.org, commit 6cb7f74), mapped to Fineprint practices by scripts/data/tosdr-case-map.json.',
    $licence: 'CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/',
    ...model,
  })}\n`,
);
console.log(`✓ ${examples.length} clauses, ${Object.keys(model.weights).length} n-grams kept → ${out}`);

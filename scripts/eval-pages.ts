/**
 * `npm run eval:pages [real-pages-dir]`: Fineprint's extraction against Open Terms Archive's
 * on real snapshots (../shared/real-pages).
 *
 * - Cases: each snapshot is extracted through the check's own code path (`extractPage`, the
 *   function `Scraper.extract` calls) with the declaration turned into a catalog document
 *   (range selectors included), then compared word by word with the text OTA extracted from
 *   the same bytes, after both are stripped of Markdown syntax. One line per document.
 * - Sequences: 30 consecutive snapshots per document, extracted and replayed through the
 *   pipeline's decision code (`replayHistory`, which runs `decideContent`) as raw observations
 *   at their dates: a new text waits for a confirming re-check, which is the next snapshot, and
 *   a text the page alternates with is a variant (decision 0023). A version that becomes the
 *   document's text must be recorded where OTA recorded a text change that is not a flap back
 *   to an earlier text, and nowhere else; the report lists the observations kept without one
 *   (transient, variant, pending).
 *
 * Prints a Markdown report; exits 1 when a goal is missed (median similarity < 0.99, a document
 * under 0.95 that is not a documented reference quirk or a pending named filter, an error, or a
 * sequence that records versions elsewhere than the reference's non-flap changes).
 *
 * Data: Open Terms Archive contributors, ODC Attribution License (ODC-By 1.0).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { loadRealPages, runCase, runSequence, summarise } from '@fineprint/eval';

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? join(__dirname, '../../shared/real-pages'));
  if (!existsSync(root)) {
    console.error(`✗ no real pages at ${root}`);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const { cases, sequences } = loadRealPages(root);
  const caseResults = [];
  for (const c of cases) caseResults.push(await runCase(c));
  const sequenceResults = [];
  for (const s of sequences) sequenceResults.push(await runSequence(s));
  const report = summarise(caseResults, sequenceResults);
  console.log(report.markdown);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!report.ok) process.exitCode = 1;
}

void main();

/**
 * `npm run eval:corpus`: replays every history of ../shared/corpus through the pipeline's
 * decision logic (the same as `fineprint replay`) and writes a readable report,
 * artifacts/corpus-report.md: decisions per history, and every announced change with
 * its summary, severity, tags and the recorder's own message, so a reader can judge
 * whether each announcement is one a privacy reader would want; and artifacts/corpus-pairs.json,
 * every announced or cosmetic version with the version it was compared with and what was said
 * (severity, kinds), to join with a reader's own ratings of the same pairs
 * (scripts/corpus-reader-agreement.ts).
 *
 * Data: Open Terms Archive contributors, ODC Attribution License (ODC-By 1.0).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_VARIANT_WINDOW_DAYS } from '@fineprint/config';
import {
  loadHistoryFolder,
  REEXTRACTION_MESSAGE,
  type ReplayReport,
  replayHistory,
} from '@fineprint/pipeline';

const corpus = resolve(process.argv[2] ?? join(__dirname, '../../shared/corpus'));
const out = resolve(process.argv[3] ?? join(__dirname, '../artifacts/corpus-report.md'));
if (!existsSync(corpus)) {
  console.error(`✗ no corpus at ${corpus}`);
  process.exit(1);
}

const histories = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory())
  .sort();
const rows: string[] = [];
const announced: string[] = [];
const pairs: {
  doc: string;
  from: string | undefined;
  to: string;
  decision: string;
  severity: string | null;
  kinds: string[];
}[] = [];
const totals = {
  announce: 0,
  revert: 0,
  variant: 0,
  quarantine: 0,
  cosmetic: 0,
  unchanged: 0,
  baseline: 0,
  total: 0,
};
let announcedTechnical = 0;
let rebaselined = 0;
let revertAnnounced = 0;
const started = Date.now();

for (const name of histories) {
  const { title, inputs } = loadHistoryFolder(join(corpus, name));
  const report: ReplayReport = replayHistory(inputs, { title });
  const s = report.summary;
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += s[key];
  rows.push(
    `| ${name} | ${s.total} | ${s.announce} | ${s.cosmetic} | ${s.revert} | ${s.variant} | ${s.quarantine} | ${s.unchanged} | ${s.baseline} | ${s.unstable ? 'yes' : ''} |`,
  );
  const seen = new Set<string>();
  for (const v of report.versions) {
    const text = inputs.find((i) => i.file === v.file)?.text ?? '';
    if (v.decision === 'announce' && seen.has(text)) revertAnnounced++;
    seen.add(text);
    if (v.decision === 'baseline' && v.reason.startsWith('re-extracted')) rebaselined++;
    if (v.decision === 'announce' || v.decision === 'cosmetic')
      pairs.push({
        doc: name,
        from: v.comparedWith,
        to: v.file,
        decision: v.decision,
        severity: v.decision === 'cosmetic' ? 'cosmetic' : v.severity,
        kinds: [...new Set(v.tags.flatMap((t) => (t.kind ? [t.kind] : [])))],
      });
    if (v.decision !== 'announce') continue;
    if (REEXTRACTION_MESSAGE.test(v.note ?? '')) announcedTechnical++;
    const tags = v.tags
      .filter((t) => t.kind)
      .map((t) => `\`${[t.kind, t.topic].filter(Boolean).join(' · ')}\``)
      .join(' ');
    const cites = v.tags
      .filter((t) => t.kind)
      .flatMap((t) =>
        t.citations.slice(0, 1).map((c) => `  > ${c.side === 'removed' ? '−' : '+'} ${c.text.slice(0, 240)}`),
      )
      .slice(0, 3);
    announced.push(
      [
        `- **${name}/${v.file}** (${v.date?.slice(0, 10) ?? '?'}; recorder: “${v.note ?? ''}”) — **${v.severity}** (${v.reason}): ${v.summary ?? ''} ${tags}`,
        ...cites,
      ].join('\n'),
    );
  }
}

const report = `# Corpus evaluation

Every history of \`../shared/corpus\` replayed through Fineprint's decision logic (\`fineprint replay\`).
Data: version histories from the public Open Terms Archive dataset, by *Open Terms Archive contributors*,
under the ODC Attribution License (ODC-By 1.0).

Generated ${new Date().toISOString()} in ${((Date.now() - started) / 1000).toFixed(1)} s.

## Decisions

| history | versions | announce | cosmetic | revert | variant | quarantine | unchanged | new baseline | unstable |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
| **all** | ${totals.total} | ${totals.announce} | ${totals.cosmetic} | ${totals.revert} | ${totals.variant} | ${totals.quarantine} | ${totals.unchanged} | ${totals.baseline} | |

- Announced versions whose text equals an earlier version: **${revertAnnounced}** (must be 0).
- Announced versions the recorder itself marked as a re-extraction ("Refilter", "Apply technical or declaration upgrade"): **${announcedTechnical}** (must be 0). Those versions are replayed as a change of declaration: a new baseline (**${rebaselined}** here), and the next version is compared with it.
- "new baseline" counts the first version of each history and those re-extractions.
- "variant" counts versions that switch back to a text the page alternates with while the current text is still seen within the variant window (${DEFAULT_VARIANT_WINDOW_DAYS} days, decision 0023): nothing is recorded but the check; "unchanged" a switch back to the current text.

## Announced changes

${announced.join('\n')}
`;
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, report);
writeFileSync(join(resolve(out, '..'), 'corpus-pairs.json'), `${JSON.stringify(pairs, null, 1)}\n`);
console.log(
  `✓ ${totals.total} versions in ${histories.length} histories: ${totals.announce} announce, ${totals.cosmetic} cosmetic, ${totals.revert} revert, ${totals.variant} variant, ${totals.quarantine} quarantine, ${totals.unchanged} unchanged, ${totals.baseline} baseline (${rebaselined} re-extractions)`,
);
console.log(`  announced reverts: ${revertAnnounced}; announced re-extractions: ${announcedTechnical}`);
console.log(`  report: ${out}`);

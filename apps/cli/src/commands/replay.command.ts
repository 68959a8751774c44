import { resolve } from 'node:path';

import { type Command } from 'commander';

import { DEFAULT_VARIANT_WINDOW_DAYS } from '@fineprint/config';
import { loadHistoryFolder, replayHistory } from '@fineprint/pipeline';

export function registerReplayCommand(program: Command): void {
  program
    .command('replay <folder>')
    .description(
      "feed a folder of consecutive versions (001.md, 002.md, …) through the pipeline's decision logic",
    )
    .option('--json', 'print { versions: [...], summary: {...} } as JSON')
    .option('--language <tag>', 'the declared language of the document')
    .option(
      '--observations',
      'the files are raw observations (e.g. consecutive snapshots): a new text waits for the next one to confirm it',
    )
    .option(
      '--variant-window <days>',
      `how long a page may alternate between texts (default ${DEFAULT_VARIANT_WINDOW_DAYS}; 0: off)`,
    )
    .action(
      (
        folder: string,
        options: { json?: boolean; language?: string; observations?: boolean; variantWindow?: string },
      ) => {
        const { title, inputs } = loadHistoryFolder(resolve(folder));
        const variantWindowDays = Number(options.variantWindow ?? DEFAULT_VARIANT_WINDOW_DAYS);
        if (!Number.isFinite(variantWindowDays) || variantWindowDays < 0) {
          console.error(
            `✗ --variant-window must be a number of days, 0 or more (got "${options.variantWindow}")`,
          );
          process.exitCode = 2;
          return;
        }
        const report = replayHistory(inputs, {
          title,
          declaredLanguage: options.language ?? null,
          confirm: options.observations ? 'next-observation' : 'immediate',
          variantWindowDays,
        });
        if (options.json) {
          const versions = report.versions.map((v) => ({
            file: v.file,
            decision: v.decision,
            reason: v.reason,
            severity: v.severity,
            tags: v.tags,
            ...(v.summary ? { summary: v.summary } : {}),
          }));
          process.stdout.write(`${JSON.stringify({ versions, summary: report.summary }, null, 2)}\n`);
          return;
        }
        for (const v of report.versions) {
          const tags = v.tags.map((t) => [t.kind, t.topic].filter(Boolean).join('/')).join(', ');
          console.log(
            `${v.file}  ${v.decision.padEnd(10)} ${v.severity ?? ''}${v.severity ? ' ' : ''}${v.summary ?? v.reason}${tags ? `  [${tags}]` : ''}`,
          );
        }
        const s = report.summary;
        console.log(
          `\n${s.total} versions: ${s.announce} announce, ${s.cosmetic} cosmetic, ${s.revert} revert, ${s.variant} variant, ${s.transient} transient, ${s.pending} pending, ${s.quarantine} quarantine, ${s.unchanged} unchanged, ${s.baseline} baseline${s.unstable ? ' · the document flips (unstable)' : ''}`,
        );
      },
    );
}

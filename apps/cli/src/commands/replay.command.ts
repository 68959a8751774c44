import { resolve } from 'node:path';

import { type Command } from 'commander';

import { loadHistoryFolder, replayHistory } from '@fineprint/pipeline';

export function registerReplayCommand(program: Command): void {
  program
    .command('replay <folder>')
    .description(
      "feed a folder of consecutive versions (001.md, 002.md, …) through the pipeline's decision logic",
    )
    .option('--json', 'print { versions: [...], summary: {...} } as JSON')
    .option('--language <tag>', 'the declared language of the document')
    .action((folder: string, options: { json?: boolean; language?: string }) => {
      const { title, inputs } = loadHistoryFolder(resolve(folder));
      const report = replayHistory(inputs, { title, declaredLanguage: options.language ?? null });
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
        `\n${s.total} versions: ${s.announce} announce, ${s.cosmetic} cosmetic, ${s.revert} revert, ${s.quarantine} quarantine, ${s.unchanged} unchanged, ${s.baseline} baseline${s.unstable ? ' · the document flips (unstable)' : ''}`,
      );
    });
}

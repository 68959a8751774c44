import { readFileSync } from 'node:fs';

import { type Command } from 'commander';

import { analyzeChange, renderHtmlInline, renderUnified } from '@fineprint/diff';

export function registerDiffCommand(program: Command): void {
  program
    .command('diff <beforeFile> <afterFile>')
    .description('diff two versions of a document and say what the change means')
    .option(
      '--json',
      'print the structured result (severity, tags with cited sentences, stats, hunks, timing)',
    )
    .option('--format <format>', 'unified | html | summary', 'unified')
    .option('--title <title>', 'the document title used in the summary')
    .action(
      (
        beforeFile: string,
        afterFile: string,
        options: { json?: boolean; format: string; title?: string },
      ) => {
        if (!['unified', 'html', 'summary'].includes(options.format)) {
          console.error(`✗ --format must be unified, html or summary (got "${options.format}")`);
          process.exitCode = 2;
          return;
        }
        const before = readFileSync(beforeFile, 'utf8');
        const after = readFileSync(afterFile, 'utf8');
        const analysis = analyzeChange(before, after, { title: options.title ?? afterFile });
        const { diff, classification, summary, timing } = analysis;
        if (options.json) {
          const out = {
            summary,
            ...classification,
            stats: diff.stats,
            moves: diff.moves,
            hunks: diff.hunks,
            ...(diff.fallback ? { fallback: diff.fallback } : {}),
            timing,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        if (options.format === 'summary') console.log(`${classification.severity}: ${summary}`);
        else if (options.format === 'html') console.log(renderHtmlInline(diff, classification));
        else {
          console.log(`${classification.severity}: ${summary}`);
          for (const t of classification.tags) {
            console.log(`  ${[t.kind, t.topic].filter(Boolean).join(' / ')} (rule ${t.rule})`);
            for (const c of t.citations) console.log(`    ${c.side === 'removed' ? '−' : '+'} ${c.text}`);
          }
          console.log(renderUnified(diff));
        }
      },
    );
}

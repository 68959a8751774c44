import { readFileSync } from 'node:fs';

import { type Command } from 'commander';

import { loadConfig } from '@fineprint/config';
import { extractDocument, FetchError, type FetchMode, Scraper } from '@fineprint/scraper';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerExtractCommand(program: Command): void {
  program
    .command('extract <urlOrFile>')
    .description(
      'print the text a declaration would produce from a page (a URL, or a local HTML or PDF file)',
    )
    .option('--select <selector>', 'CSS selector of the content (repeatable)', collect, [])
    .option('--remove <selector>', 'CSS selector to drop before extraction (repeatable)', collect, [])
    .option('--mode <mode>', 'http | browser | auto', 'auto')
    .action(async (target: string, options: { select: string[]; remove: string[]; mode: string }) => {
      if (!['http', 'browser', 'auto'].includes(options.mode)) {
        console.error(`✗ --mode must be http, browser or auto (got "${options.mode}")`);
        process.exitCode = 2;
        return;
      }
      const declaration = {
        url: target,
        select: options.select,
        remove: options.remove,
        fetchMode: options.mode as FetchMode,
      };
      let scraper: Scraper | undefined;
      try {
        let doc;
        if (/^https?:\/\//i.test(target)) {
          const config = loadConfig();
          scraper = new Scraper({
            allowPrivateNetworks: config.ALLOW_PRIVATE_NETWORKS,
            chromiumPath: config.CHROMIUM_PATH,
            hostSpacingMs: 0,
          });
          const page = await scraper.fetch(declaration);
          doc = await scraper.extract(page, declaration);
          console.error(
            `› ${page.status} ${page.finalUrl} (fetched with ${page.fetchedWith}, ${page.body.length} bytes)`,
          );
        } else {
          const body = readFileSync(target);
          const contentType = /\.pdf$/i.test(target)
            ? 'application/pdf'
            : /\.(md|txt)$/i.test(target)
              ? 'text/plain'
              : 'text/html';
          doc = await extractDocument({
            body,
            contentType,
            url: `file://${target}`,
            select: options.select,
            remove: options.remove,
          });
        }
        console.error(
          `› ${doc.wordCount} words${doc.title ? `, title "${doc.title}"` : ''}${doc.language ? `, language ${doc.language}` : ''}`,
        );
        process.stdout.write(`${doc.markdown}\n`);
      } catch (error) {
        if (error instanceof FetchError) console.error(`✗ ${error.kind} (${error.code}): ${error.message}`);
        else console.error(`✗ ${(error as Error).message}`);
        process.exitCode = 1;
      } finally {
        await scraper?.close();
      }
    });
}

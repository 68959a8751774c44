import { readFileSync } from 'node:fs';

import { type Command } from 'commander';

import { loadConfig } from '@fineprint/config';
import { extractDocument, FetchError, type FetchMode, Scraper } from '@fineprint/scraper';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The base of a local file read without --url: a placeholder origin that is stripped again
 * from the text, so relative links stay relative instead of pointing into this machine.
 */
const LOCAL_BASE = 'https://local.invalid/';

export function registerExtractCommand(program: Command): void {
  program
    .command('extract <urlOrFile>')
    .description(
      'print the text a declaration would produce from a page (a URL, or a local HTML or PDF file)',
    )
    .option(
      '--select <selector>',
      'CSS selector of the content, or a range as JSON: \'{"startBefore":"#a","endBefore":"#b"}\' (repeatable)',
      collect,
      [],
    )
    .option(
      '--remove <selector>',
      'CSS selector or range to drop before extraction (repeatable)',
      collect,
      [],
    )
    .option('--mode <mode>', 'http | browser | auto', 'auto')
    .option(
      '--url <url>',
      "a local file's real address: relative links resolve against it (without it they stay relative)",
    )
    .action(
      async (target: string, options: { select: string[]; remove: string[]; mode: string; url?: string }) => {
        if (!['http', 'browser', 'auto'].includes(options.mode)) {
          console.error(`✗ --mode must be http, browser or auto (got "${options.mode}")`);
          process.exitCode = 2;
          return;
        }
        if (options.url !== undefined && !/^https?:\/\/[^/\s]+/i.test(options.url)) {
          console.error(`✗ --url must be an http(s) address (got "${options.url}")`);
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
              url: options.url ?? LOCAL_BASE,
              select: options.select,
              remove: options.remove,
            });
          }
          console.error(
            `› ${doc.wordCount} words${doc.title ? `, title "${doc.title}"` : ''}${doc.language ? `, language ${doc.language}` : ''}`,
          );
          const markdown =
            options.url === undefined && !/^https?:\/\//i.test(target)
              ? doc.markdown.replaceAll(LOCAL_BASE, '/')
              : doc.markdown;
          process.stdout.write(`${markdown}\n`);
        } catch (error) {
          if (error instanceof FetchError) console.error(`✗ ${error.kind} (${error.code}): ${error.message}`);
          else console.error(`✗ ${(error as Error).message}`);
          process.exitCode = 1;
        } finally {
          await scraper?.close();
        }
      },
    );
}

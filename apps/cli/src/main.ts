import { Command } from 'commander';

import { ConfigError } from '@fineprint/config';

import { registerCatalogCommand } from './commands/catalog.command';
import { registerCheckCommand } from './commands/check.command';
import { registerDiffCommand } from './commands/diff.command';
import { registerExtractCommand } from './commands/extract.command';
import { registerReplayCommand } from './commands/replay.command';

const program = new Command()
  .name('fineprint')
  .description('Fineprint operator commands')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerCatalogCommand(program);
registerCheckCommand(program);
registerDiffCommand(program);
registerExtractCommand(program);
registerReplayCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(
    `✗ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});

import { type Command } from 'commander';

import { getsChange } from '@fineprint/contracts';
import { ChangeRepository, DocumentRepository } from '@fineprint/db';
import { CheckDocumentService, DiffVersionService } from '@fineprint/pipeline';

import { withAppContext } from '../app-context';

export function registerCheckCommand(program: Command): void {
  program
    .command('check <document>')
    .description('run one check of a document (its id, or vendor/slug) and print the outcome')
    .action(async (ref: string) => {
      await withAppContext(async (app) => {
        const documents = app.get(DocumentRepository);
        const id = await documents.findIdByRef(ref);
        if (!id) {
          console.error(`✗ no document "${ref}" (use its id or vendor/slug, e.g. amazon/privacy-notice)`);
          process.exitCode = 1;
          return;
        }
        const document = await documents.findById(id);
        console.log(
          `› checking ${document?.vendor.name ?? ''} – ${document?.title ?? ''} (${document?.url ?? ''})`,
        );
        try {
          const result = await app.get(CheckDocumentService).check(id, { trigger: 'cli' });
          console.log(
            `✓ ${result.outcome}${result.versionStatus ? ` (version ${result.versionStatus})` : ''}${result.reason ? `: ${result.reason}` : ''}`,
          );
          if (result.versionId && result.versionStatus && getsChange(result.versionStatus)) {
            const diff = await app.get(DiffVersionService).diffVersion(result.versionId);
            const change = diff.changeId ? await app.get(ChangeRepository).findById(diff.changeId) : null;
            if (change) console.log(`  ${change.severity}: ${change.summary} [${change.state}]`);
          }
        } catch (error) {
          const e = error as { kind?: string; code?: string; message: string };
          console.error(`✗ check failed${e.kind ? ` (${e.kind}, ${e.code ?? ''})` : ''}: ${e.message}`);
          process.exitCode = 1;
        }
      });
    });
}

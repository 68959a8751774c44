import { type Command } from 'commander';

import { ChangeRepository, DocumentRepository, PrismaService } from '@fineprint/db';
import { CheckDocumentService, DiffVersionService } from '@fineprint/pipeline';

import { withAppContext } from '../app-context';

export function registerCheckCommand(program: Command): void {
  program
    .command('check <document>')
    .description('run one check of a document (its id, or vendor/slug) and print the outcome')
    .action(async (ref: string) => {
      await withAppContext(async (app) => {
        const prisma = app.get(PrismaService);
        const [vendorSlug, slug] = ref.split('/');
        const found = slug
          ? await prisma.document.findFirst({
              where: { slug, vendor: { slug: vendorSlug } },
              select: { id: true },
            })
          : await prisma.document.findFirst({ where: { id: ref }, select: { id: true } }).catch(() => null);
        if (!found) {
          console.error(`✗ no document "${ref}" (use its id or vendor/slug, e.g. amazon/privacy-notice)`);
          process.exitCode = 1;
          return;
        }
        const document = await app.get(DocumentRepository).findById(found.id);
        console.log(
          `› checking ${document?.vendor.name ?? ''} – ${document?.title ?? ''} (${document?.url ?? ''})`,
        );
        try {
          const result = await app.get(CheckDocumentService).check(found.id, { trigger: 'cli' });
          console.log(
            `✓ ${result.outcome}${result.versionStatus ? ` (version ${result.versionStatus})` : ''}${result.reason ? `: ${result.reason}` : ''}`,
          );
          if (
            result.versionId &&
            result.versionStatus !== 'baseline' &&
            result.versionStatus !== 'quarantined'
          ) {
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

import { resolve } from 'node:path';

import { type Command } from 'commander';

import { CatalogSyncService, formatOtaReport, importOtaFolder, loadCatalog } from '@fineprint/catalog';
import { loadConfig } from '@fineprint/config';
import { DocumentScheduleService } from '@fineprint/pipeline';
import { sandboxLayers } from '@fineprint/sandbox';

import { withAppContext } from '../app-context';

export function registerCatalogCommand(program: Command): void {
  const catalog = program.command('catalog').description('the declarations of tracked documents');

  catalog
    .command('validate [dir]')
    .description('check catalog files (default: CATALOG_DIR) without touching the database')
    .action(async (dir?: string) => {
      const folder = resolve(dir ?? (loadConfig().CATALOG_DIR || 'catalog'));
      const { files, issues } = await loadCatalog(folder);
      const documents = files.reduce((n, f) => n + f.content.documents.length, 0);
      for (const issue of issues) console.error(`✗ ${issue.file}: ${issue.field}: ${issue.message}`);
      console.log(
        `${issues.length === 0 ? '✓' : '✗'} ${files.length} vendor file(s), ${documents} document(s), ${issues.length} problem(s) in ${folder}`,
      );
      if (issues.length > 0) process.exitCode = 1;
    });

  catalog
    .command('sync [dir]')
    .description('write the catalog into the database and update the schedules')
    .action(async (dir?: string) => {
      const folder = resolve(dir ?? (loadConfig().CATALOG_DIR || 'catalog'));
      const { files, issues } = await loadCatalog(folder);
      if (issues.length > 0) {
        for (const issue of issues) console.error(`✗ ${issue.file}: ${issue.field}: ${issue.message}`);
        process.exitCode = 1;
        return;
      }
      await withAppContext(async (app) => {
        const report = await app.get(CatalogSyncService).sync(files, 'catalog');
        const schedules = app.get(DocumentScheduleService);
        for (const id of [...report.upserted, ...report.deactivated]) await schedules.syncOne(id);
        console.log(
          `✓ ${report.upserted.length} document(s) synced, ${report.deactivated.length} paused (no longer declared)`,
        );
      });
    });

  catalog
    .command('import-ota <declarationsDir>')
    .description('track an Open Terms Archive collection (its declarations/ folder)')
    .option(
      '--run-filters',
      "opt in to run this collection's own filter code (<Service>.filters.js), in the sandbox; without it those documents are tracked without their named filters",
      false,
    )
    .option('--dry-run', 'print the import report without touching the database', false)
    .option(
      '--json',
      'print the report as JSON (every document with its status, features and reasons)',
      false,
    )
    .action(async (dir: string, options: { runFilters: boolean; dryRun: boolean; json: boolean }) => {
      const { files, warnings, report } = await importOtaFolder(resolve(dir), {
        runFilters: options.runFilters,
      });
      for (const w of warnings) console.warn(`! ${w}`);
      console.log(options.json ? JSON.stringify({ ...report, warnings }, null, 2) : formatOtaReport(report));
      if (options.runFilters && !options.json) {
        const layers = sandboxLayers();
        console.log(
          `filters run in a sandbox process: ${layers.permissionModel}, network namespace ${layers.networkNamespace ? 'yes' : 'NO (unavailable here)'}, address-space limit ${layers.addressSpaceLimit ? 'yes' : 'NO (unavailable here)'}`,
        );
      }
      if (!options.dryRun)
        await withAppContext(async (app) => {
          const synced = await app
            .get(CatalogSyncService)
            .sync(files, 'ota', { runFilters: options.runFilters });
          const schedules = app.get(DocumentScheduleService);
          for (const id of synced.upserted) await schedules.syncOne(id);
          const written = `✓ ${files.length} service(s), ${synced.upserted.length} document(s) written`;
          if (options.json) console.error(written);
          else console.log(written);
        });
      if (report.counts['not-imported'] > 0) process.exitCode = 1;
    });
}

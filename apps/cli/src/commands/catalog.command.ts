import { resolve } from 'node:path';

import { type Command } from 'commander';

import { CatalogSyncService, importOtaFolder, loadCatalog } from '@fineprint/catalog';
import { loadConfig } from '@fineprint/config';
import { DocumentScheduleService } from '@fineprint/pipeline';

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
    .action(async (dir: string) => {
      const { files, issues, warnings } = await importOtaFolder(resolve(dir));
      for (const w of warnings) console.warn(`! ${w}`);
      for (const issue of issues) console.error(`✗ ${issue.file}: ${issue.field}: ${issue.message}`);
      await withAppContext(async (app) => {
        const report = await app.get(CatalogSyncService).sync(files, 'ota');
        const schedules = app.get(DocumentScheduleService);
        for (const id of report.upserted) await schedules.syncOne(id);
        console.log(
          `✓ ${files.length} service(s), ${report.upserted.length} document(s) imported; ${issues.length} problem(s)`,
        );
      });
      if (issues.length > 0) process.exitCode = 1;
    });
}

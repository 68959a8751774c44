import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { type ReplayInput } from './replay-history';

interface Manifest {
  path?: string;
  versions?: { file: string; date?: string; message?: string }[];
}

/**
 * Recorder messages that mark a change in the recorder's own extraction, not in the
 * vendor's document (Open Terms Archive: "Refilter …", "Apply technical or declaration
 * upgrade on …"). Such a version is replayed as a change of declaration.
 */
export const REEXTRACTION_MESSAGE = /^(Refilter|Apply technical or declaration upgrade)\b/i;

/**
 * Reads a folder of consecutive versions (`001.md`, `002.md`, …, in name order) and the
 * optional `manifest.json` (the layout of ../shared/corpus).
 */
export function loadHistoryFolder(dir: string): { title: string; inputs: ReplayInput[] } {
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (files.length === 0) throw new Error(`${dir} has no .md or .txt versions`);
  const manifestPath = join(dir, 'manifest.json');
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  const byFile = new Map((manifest.versions ?? []).map((v) => [v.file, v]));
  const title = manifest.path ? manifest.path.replace(/\.md$/, '').replace('/', ' – ') : basename(dir);
  return {
    title,
    inputs: files.map((file) => {
      const meta = byFile.get(file);
      return {
        file,
        text: readFileSync(join(dir, file), 'utf8'),
        ...(meta?.message ? { note: meta.message } : {}),
        ...(meta?.date ? { date: meta.date } : {}),
        ...(meta?.message && REEXTRACTION_MESSAGE.test(meta.message) ? { reextracted: true } : {}),
      };
    }),
  };
}

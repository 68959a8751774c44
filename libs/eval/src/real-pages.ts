import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { catalogFileSchema } from '@fineprint/catalog';
import { replayHistory, type ReplayInput } from '@fineprint/pipeline';
import { type DocumentDeclaration, extractPage, type FetchResult } from '@fineprint/scraper';

import { markdownWords, wordSimilarity } from './word-similarity';

/**
 * Open Terms Archive's real snapshots, declarations and extracted texts
 * (../shared/real-pages, by Open Terms Archive contributors, ODC-By 1.0), run through
 * Fineprint's check code path: for `npm run eval:pages` and its golden Jest subset.
 */

/** A declaration as OTA writes it (one source document). */
interface OtaDeclaration {
  fetch: string;
  select?: unknown;
  remove?: unknown;
  filter?: string[];
  executeClientScripts?: boolean;
  combine?: unknown[];
}

export interface RealPageCase {
  name: string;
  dir: string;
  declaration: OtaDeclaration;
  url: string;
  file: string;
  expected: string;
  repeatedLongLines: number;
}

export interface RealPageSequence {
  name: string;
  dir: string;
  declaration: OtaDeclaration;
  url: string;
  /** In order; `date` is when OTA fetched the snapshot. */
  snapshots: { index: number; file: string; date?: string }[];
  /** Indexes where OTA recorded a new version (001, the baseline, included). */
  recordedAt: number[];
  /** Of those, the ones whose text OTA had recorded before (flaps). */
  flapsAt: number[];
}

/**
 * Where the reference itself is not what a reader of the page sees, so a lower similarity is
 * the reference's, not ours. Checked by hand against the snapshot; keep the reason precise.
 * (None of the 40 needs one today; references that repeat long lines are flagged from their
 * meta.json when they score below 0.99.)
 */
export const REFERENCE_QUIRKS: Record<string, string> = {};

/** Where Fineprint differs from OTA on purpose (checked by hand against the snapshot). */
export const DELIBERATE_DIFFERENCES: Record<string, string> = {
  'christianmingle--trackers-policy':
    'OTA keeps the text of a "Cookie Settings" button; Fineprint drops buttons',
  'jdate--trackers-policy': 'OTA keeps the text of a "Cookie Settings" button; Fineprint drops buttons',
  'eharmony--trackers-policy':
    'OTA keeps the text of two tab buttons ("Sources", "History"); Fineprint drops buttons',
  'coffee-meets-bagel--copyright-claims-policy':
    'Fineprint decodes Cloudflare-protected e-mail addresses; OTA shows "[email protected]"',
  'coffee-meets-bagel--privacy-policy':
    'Fineprint decodes Cloudflare-protected e-mail addresses; OTA shows "[email protected]"',
  'coffee-meets-bagel--terms-of-service':
    'Fineprint decodes Cloudflare-protected e-mail addresses; OTA shows "[email protected]"',
};

export function loadRealPages(root: string): { cases: RealPageCase[]; sequences: RealPageSequence[] } {
  const dirs = (sub: string) =>
    existsSync(join(root, sub))
      ? readdirSync(join(root, sub), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort()
      : [];
  const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
  const cases = dirs('cases').map((name): RealPageCase => {
    const dir = join(root, 'cases', name);
    const meta = json<{ url: string; checks?: { repeatedLongLines?: number } }>(join(dir, 'meta.json'));
    return {
      name,
      dir,
      declaration: json<OtaDeclaration>(join(dir, 'declaration.json')),
      url: meta.url,
      file: existsSync(join(dir, 'page.pdf')) ? 'page.pdf' : 'page.html',
      expected: readFileSync(join(dir, 'expected.md'), 'utf8'),
      repeatedLongLines: meta.checks?.repeatedLongLines ?? 0,
    };
  });
  const sequences = dirs('sequences').map((name): RealPageSequence => {
    const dir = join(root, 'sequences', name);
    const versions = json<{
      url: string;
      snapshots: { index: number; file: string; date?: string }[];
      versions: { index: number; textSeenBefore: boolean }[];
    }>(join(dir, 'versions.json'));
    return {
      name,
      dir,
      declaration: json<OtaDeclaration>(join(dir, 'declaration.json')),
      url: versions.url,
      snapshots: versions.snapshots,
      recordedAt: versions.versions.map((v) => v.index),
      flapsAt: versions.versions.filter((v) => v.textSeenBefore).map((v) => v.index),
    };
  });
  return { cases, sequences };
}

/**
 * The declaration as Fineprint stores it: OTA's selectors (range objects included) go through
 * the catalog schema, exactly as an imported catalog file would.
 */
export function toDeclaration(ota: OtaDeclaration): DocumentDeclaration {
  const parsed = catalogFileSchema.parse({
    vendor: { slug: 'real-pages', name: 'Real pages' },
    documents: [
      {
        slug: 'document',
        title: 'Document',
        url: ota.fetch,
        ...(ota.select !== undefined ? { select: ota.select } : {}),
        ...(ota.remove !== undefined ? { remove: ota.remove } : {}),
        fetch: ota.executeClientScripts ? 'browser' : 'auto',
      },
    ],
  });
  const doc = parsed.documents[0];
  if (!doc) throw new Error('the catalog schema returned no document');
  return { url: doc.url, select: doc.select, remove: doc.remove, fetchMode: doc.fetch };
}

/** A snapshot file as the fetcher would have returned it. */
export function snapshotResult(path: string, url: string): FetchResult {
  const body = readFileSync(path);
  const pdf = path.endsWith('.pdf');
  return {
    body,
    sha256: createHash('sha256').update(body).digest('hex'),
    contentType: pdf ? 'application/pdf' : 'text/html',
    charset: null,
    status: 200,
    headers: {},
    finalUrl: url,
    fetchedWith: 'http',
    notModified: false,
    durationMs: 0,
  };
}

export interface CaseResult {
  name: string;
  similarity: number;
  words: number;
  expectedWords: number;
  /** Named OTA filters the declaration runs (extracted here without them). */
  filters: string[];
  quirk: string | null;
  /** A difference from OTA that Fineprint makes on purpose. */
  difference: string | null;
  error: string | null;
  markdown: string;
}

export async function runCase(c: RealPageCase): Promise<CaseResult> {
  const filters = c.declaration.filter ?? [];
  const expectedWords = markdownWords(c.expected);
  const repeats =
    c.repeatedLongLines > 0
      ? `the reference repeats ${Math.round(c.repeatedLongLines * 100)}% of its long lines (OTA keeps nested matches of a broad selector twice)`
      : null;
  try {
    const doc = await extractPage(snapshotResult(join(c.dir, c.file), c.url), toDeclaration(c.declaration));
    const words = markdownWords(doc.markdown);
    const similarity = wordSimilarity(words, expectedWords);
    return {
      name: c.name,
      similarity,
      words: words.length,
      expectedWords: expectedWords.length,
      filters,
      quirk: REFERENCE_QUIRKS[c.name] ?? (similarity < 0.99 ? repeats : null),
      difference: DELIBERATE_DIFFERENCES[c.name] ?? null,
      error: null,
      markdown: doc.markdown,
    };
  } catch (error) {
    const e = error as { kind?: string; code?: string; message?: string };
    return {
      name: c.name,
      similarity: 0,
      words: 0,
      expectedWords: expectedWords.length,
      filters,
      quirk: REFERENCE_QUIRKS[c.name] ?? repeats,
      difference: DELIBERATE_DIFFERENCES[c.name] ?? null,
      error: `${e.kind ?? 'error'} ${e.code ?? ''}: ${e.message ?? String(error)}`,
      markdown: '',
    };
  }
}

/** Decisions that make a version the document's text (what OTA's "new version" is compared with). */
const CURRENT_VERSION_DECISIONS = ['baseline', 'announce', 'cosmetic', 'revert', 'quarantine'];

export interface SequenceResult {
  name: string;
  /** Indexes where Fineprint recorded a version that became the document's text (the baseline included). */
  recordedAt: number[];
  /** The decision at each of those (baseline, announce, cosmetic, revert, quarantine). */
  decisions: Record<number, string>;
  /**
   * Indexes of the observations kept without a new current version: a new text the next
   * snapshot contradicted (transient), a variant the page alternates with, one still pending.
   */
  keptAt: Record<number, string>;
  /** Where it should have: the baseline and OTA's non-flap changes. */
  expectedAt: number[];
  /** OTA's flaps, which Fineprint should not record. */
  flapsAt: number[];
  failedAt: { index: number; error: string }[];
  filters: string[];
  /** Versions exactly at the baseline and the reference's non-flap changes, and no failed check. */
  ok: boolean;
}

/**
 * Extracts each snapshot as the check does, then replays them in order through the
 * pipeline's decision (`replayHistory`) as raw observations: a new text waits for a
 * confirming re-check, which here is the next snapshot (decision 0023), and the snapshots'
 * dates drive the variant window.
 */
export async function runSequence(s: RealPageSequence): Promise<SequenceResult> {
  const declaration = toDeclaration(s.declaration);
  const inputs: ReplayInput[] = [];
  const failedAt: SequenceResult['failedAt'] = [];
  for (const snap of s.snapshots) {
    try {
      const doc = await extractPage(snapshotResult(join(s.dir, snap.file), s.url), declaration);
      inputs.push({
        file: String(snap.index),
        text: doc.markdown,
        ...(snap.date ? { date: snap.date } : {}),
      });
    } catch (error) {
      const e = error as { code?: string; message?: string };
      failedAt.push({ index: snap.index, error: `${e.code ?? ''} ${e.message ?? String(error)}` });
    }
  }
  const report = replayHistory(inputs, { confirm: 'next-observation' });
  const current = report.versions.filter((v) => CURRENT_VERSION_DECISIONS.includes(v.decision));
  const recordedAt = current.map((v) => Number(v.file)).sort((a, b) => a - b);
  const decisions = Object.fromEntries(current.map((v) => [Number(v.file), v.decision]));
  const keptAt = Object.fromEntries(
    report.versions
      .filter((v) => ['transient', 'variant', 'pending'].includes(v.decision))
      .map((v) => [Number(v.file), v.decision]),
  );
  const expectedAt = s.recordedAt.filter((i) => i === s.recordedAt[0] || !s.flapsAt.includes(i));
  return {
    name: s.name,
    recordedAt,
    decisions,
    keptAt,
    expectedAt,
    flapsAt: s.flapsAt,
    failedAt,
    filters: s.declaration.filter ?? [],
    ok: failedAt.length === 0 && recordedAt.join() === expectedAt.join(),
  };
}

/** `2 transient, 4–10 variant, 12 variant`: consecutive indexes with the same decision as one run. */
function keptRuns(kept: Record<number, string>): string[] {
  const runs: { from: number; to: number; decision: string }[] = [];
  for (const [key, decision] of Object.entries(kept)) {
    const index = Number(key);
    const last = runs.at(-1);
    if (last && last.decision === decision && last.to === index - 1) last.to = index;
    else runs.push({ from: index, to: index, decision });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.decision}`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function summarise(
  cases: CaseResult[],
  sequences: SequenceResult[],
): { markdown: string; ok: boolean; median: number } {
  const lines: string[] = [
    '# Real pages: Fineprint against Open Terms Archive',
    '',
    'Data: Open Terms Archive contributors, ODC-By 1.0. Similarity: words in common (longest common subsequence) over the mean length, after Markdown syntax and link targets are removed from both texts.',
    '',
    '| document | similarity | words (ours / OTA) | note |',
    '|---|--:|--:|---|',
  ];
  const failures: string[] = [];
  for (const r of cases) {
    const notes: string[] = [];
    if (r.error) notes.push(`error: ${r.error}`);
    if (r.filters.length)
      notes.push(
        `needs named filter ${r.filters.join(', ')} (run without it: the collection's filter code is not in ../shared/real-pages)`,
      );
    if (r.quirk) notes.push(`reference quirk: ${r.quirk}`);
    if (r.difference && r.similarity < 1) notes.push(`deliberate: ${r.difference}`);
    lines.push(
      `| ${r.name} | ${r.similarity.toFixed(3)} | ${r.words} / ${r.expectedWords} | ${notes.join('; ')} |`,
    );
    if (r.error) failures.push(`${r.name}: ${r.error}`);
    else if (r.similarity < 0.95 && !r.quirk && !r.filters.length)
      failures.push(`${r.name}: similarity ${r.similarity.toFixed(3)} < 0.95`);
  }
  const med = median(cases.map((r) => r.similarity));
  if (med < 0.99) failures.push(`median similarity ${med.toFixed(4)} < 0.99`);
  const exact = cases.filter((r) => r.similarity === 1).length;
  lines.push(
    '',
    `Median similarity ${med.toFixed(4)}; ${exact} of ${cases.length} identical word for word; ${cases.filter((r) => r.similarity >= 0.95).length} at 0.95 or more; ${cases.filter((r) => r.error).length} errors.`,
    '',
    '| sequence | versions recorded at | expected (baseline + non-flap changes) | OTA flaps | kept without a new version | failed checks | result |',
    '|---|---|---|---|---|---|---|',
  );
  for (const s of sequences) {
    const recorded = s.recordedAt.map((i) => `${i} ${s.decisions[i] ?? ''}`).join(', ');
    const kept = keptRuns(s.keptAt);
    const failed = s.failedAt.map((f) => `${f.index} (${f.error})`).join('; ') || '—';
    const filters = s.filters.length ? ` (declaration names filter ${s.filters.join(', ')})` : '';
    lines.push(
      `| ${s.name} | ${recorded} | ${s.expectedAt.join(', ')} | ${s.flapsAt.join(', ') || '—'} | ${kept.length ? kept.join(', ') : '—'} | ${failed} | ${s.ok ? 'ok' : 'MISMATCH'}${filters} |`,
    );
    if (!s.ok)
      failures.push(
        `${s.name}: recorded at ${s.recordedAt.join(', ')}, expected ${s.expectedAt.join(', ')}${s.failedAt.length ? `; failed checks at ${s.failedAt.map((f) => f.index).join(', ')}` : ''}`,
      );
  }
  lines.push(
    '',
    failures.length ? `Goals missed:\n${failures.map((f) => `- ${f}`).join('\n')}` : 'No goal missed.',
  );
  return { markdown: lines.join('\n'), ok: failures.length === 0, median: med };
}

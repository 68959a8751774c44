import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  type CheckOutcome,
  CheckRunRepository,
  decodeSnapshotBody,
  type Document,
  type DocumentTip,
  DocumentRepository,
  type SuccessRun,
  VersionRepository,
  type VersionStatus,
} from '@fineprint/db';
import { type CheckTrigger, jobIds, QueueProducer } from '@fineprint/queue';

import { ChangeLifecycleService } from '../changes/change-lifecycle.service';
import { type ContentVerdict, decideContent, isUnstable } from '../decision/decide-content';
import { CheckFailedError, DocumentGoneError } from '../pipeline.errors';
import { declarationExtras, declarationOf } from './declaration-of';
import { type Declaration, SCRAPER, type ScraperPort } from './scraper.port';
import { toScrapeFailure } from './to-scrape-failure';

export interface CheckContext {
  trigger: CheckTrigger;
  jobId?: string;
  attempt?: number;
}

export interface CheckResult {
  outcome: CheckOutcome | 'skipped';
  versionId?: string;
  versionStatus?: VersionStatus;
  reason?: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Bump when extraction changes its output, so stored texts are extracted afresh. */
export const EXTRACTOR_VERSION = 1;

/** What produced a text: the declaration's selectors and the extractor version. */
export function extractionKeyOf(
  document: { select: string[]; remove: string[] } & Parameters<typeof declarationExtras>[0],
): string {
  return sha256(
    JSON.stringify([EXTRACTOR_VERSION, document.select, document.remove, ...declarationExtras(document)]),
  );
}

/** Why a version is the base's own page extracted again under a new declaration. */
const REBASED =
  "re-extracted: the base's own page under the new declaration (selectors or extractor changed), a new baseline, not a change by the vendor";

/** Versions whose bytes, seen again, mean "nothing new" (pending ones are confirmed by it). */
const SETTLED = new Set(['baseline', 'confirmed', 'revert', 'released', 'pending']);

/**
 * One check of one document: fetch, extract, decide, store (snapshot and version in
 * one transaction), then the follow-ups (diff job, confirming re-check). A failed
 * fetch records a CheckRun and never a version.
 */
@Injectable()
export class CheckDocumentService {
  private readonly logger = new Logger(CheckDocumentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(SCRAPER) private readonly scraper: ScraperPort,
    private readonly documents: DocumentRepository,
    private readonly versions: VersionRepository,
    private readonly checkRuns: CheckRunRepository,
    private readonly lifecycle: ChangeLifecycleService,
    private readonly queues: QueueProducer,
  ) {}

  async check(documentId: string, context: CheckContext): Promise<CheckResult> {
    const loaded = await this.checkRuns.loadContext(documentId);
    if (!loaded || loaded.document.deletedAt) throw new DocumentGoneError(documentId);
    const { document, tip, tipHasChange } = loaded;
    if (!document.active && context.trigger === 'scheduled') return { outcome: 'skipped', reason: 'paused' };

    const startedAt = new Date();
    const declaration: Declaration = declarationOf(document);
    const runOf = () => ({
      documentId,
      jobId: context.jobId ?? null,
      attempt: context.attempt ?? 1,
      trigger: context.trigger,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    });
    const run = (outcome: CheckOutcome, extra: Record<string, unknown> = {}) =>
      this.checkRuns.record({ ...runOf(), outcome, ...extra });
    /** A successful check's run and the document's success stamp (one batched statement). */
    const succeeded = (
      outcome: SuccessRun['outcome'],
      stored: Pick<SuccessRun, 'httpStatus' | 'fetchedWith' | 'snapshotId' | 'versionId'>,
      changed = false,
    ) => this.checkRuns.recordSuccess({ ...runOf(), ...stored, outcome, changed, at: new Date() });
    const tipVersion = tip.version ? { ...tip.version, hasChange: tipHasChange } : null;
    const previous = tip.snapshot;
    const extractionKey = extractionKeyOf(document);
    const settled = settledTip(tip, extractionKey);
    const previousHeaders = (previous?.headers ?? {}) as { etag?: string; lastModified?: string };
    let page;
    let extracted;
    try {
      page = await this.scraper.fetch(declaration, {
        ...(previousHeaders.etag ? { etag: previousHeaders.etag } : {}),
        ...(previousHeaders.lastModified ? { lastModified: previousHeaders.lastModified } : {}),
        ...(settled ? { knownSha256: settled.sha256 } : {}),
      });
      if (page.notModified) {
        await succeeded('not_modified', {
          httpStatus: 304,
          fetchedWith: page.fetchedWith,
          snapshotId: previous?.id ?? null,
          versionId: null,
        });
        await this.lifecycle.ensureFollowUps(documentId, tipVersion);
        return { outcome: 'not_modified' };
      }
      const quiet = settled && settled.sha256 === page.sha256 ? settled : null;
      if (quiet) {
        await succeeded('unchanged', {
          httpStatus: page.status,
          fetchedWith: page.fetchedWith,
          snapshotId: quiet.snapshotId,
          versionId: quiet.id,
        });
        if (quiet.status === 'pending') await this.lifecycle.confirm(quiet.id);
        else await this.lifecycle.ensureFollowUps(documentId, { ...quiet, hasChange: tipHasChange });
        return { outcome: 'unchanged' };
      }
      extracted = await this.scraper.extract(page, declaration);
    } catch (error) {
      const failure = toScrapeFailure(error);
      await run('failed', {
        errorKind: failure.kind,
        errorCode: failure.code,
        errorMessage: failure.message.slice(0, 2000),
        httpStatus: failure.httpStatus ?? null,
      });
      await this.documents.markFailure(
        documentId,
        new Date(),
        `${failure.code}: ${failure.message}`,
        this.config.FAILING_AFTER,
      );
      throw new CheckFailedError(failure.kind, failure.code, failure.message, { cause: error });
    }

    const text = extracted.markdown;
    const textSha256 = sha256(text);
    if (tip.version?.extractionKey && tip.version.extractionKey !== extractionKey) {
      await this.rebase(document, declaration, extractionKey);
    }
    let verdict: ContentVerdict | undefined;
    const recorded = await this.versions.recordContent({
      documentId,
      text,
      textSha256,
      extractionKey,
      at: new Date(),
      snapshot: {
        sha256: page.sha256,
        encode: () => ({
          body: brotliCompressSync(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
          compression: 'br',
        }),
        byteLength: page.body.length,
        contentType: page.contentType,
        charset: page.charset,
        httpStatus: page.status,
        headers: compactHeaders(page.headers),
        finalUrl: page.finalUrl,
        fetchedWith: page.fetchedWith,
      },
      decide: (history) => {
        verdict = decideContent(
          history,
          { text, textSha256, title: extracted.title, language: extracted.language, extractionKey },
          { declaredLanguage: document.language, confirmDelayMs: this.config.CONFIRM_DELAY_MS },
        );
        return verdict.decision;
      },
    });
    if (!verdict) throw new Error('decision was not taken'); // recordContent always calls decide

    const version = recorded.version;
    const outcome: CheckOutcome =
      verdict.verdict === 'quarantined' ? 'quarantined' : version ? 'new_version' : 'unchanged';
    const stored = {
      httpStatus: page.status,
      fetchedWith: page.fetchedWith,
      snapshotId: recorded.snapshot.id,
      versionId: version?.id ?? recorded.history.latest?.id ?? null,
    };
    if (outcome === 'quarantined') {
      await run(outcome, {
        ...stored,
        errorKind: 'blocked',
        errorCode: 'QUARANTINED',
        errorMessage: quarantineMessage(version),
      });
    } else {
      await succeeded(outcome, stored, Boolean(version && version.status !== 'baseline'));
    }

    if (verdict.supersedesPendingId) await this.lifecycle.markTransient(verdict.supersedesPendingId);
    if (verdict.confirmsPendingId) await this.lifecycle.confirm(verdict.confirmsPendingId);

    if (outcome === 'quarantined') {
      await this.documents.markFailure(
        documentId,
        new Date(),
        `quarantined: ${quarantineMessage(version)}`,
        this.config.FAILING_AFTER,
      );
    }

    if (version) {
      if (version.status !== 'baseline' && version.status !== 'quarantined') {
        await this.queues.add(
          'diff',
          'diff-version',
          { versionId: version.id },
          { jobId: jobIds.diffVersion(version.id) },
        );
      }
      if (version.status === 'pending') await this.scheduleConfirmation(document, version.id);
    } else {
      await this.lifecycle.ensureFollowUps(documentId);
    }
    if ((version?.status === 'revert' || verdict.supersedesPendingId) && !document.unstable) {
      const recent = await this.versions.recentSummaries(documentId);
      if (isUnstable(recent)) await this.documents.setUnstable(documentId, true);
    }

    this.logger.debug({ documentId, outcome, versionId: version?.id, jobId: context.jobId });
    return {
      outcome,
      ...(version ? { versionId: version.id, versionStatus: version.status } : {}),
      ...(version?.statusReason ? { reason: version.statusReason } : {}),
    };
  }

  /**
   * The declaration (selectors) or the extractor changed since the base was extracted. The
   * base's own stored page is extracted again under the new declaration and, when that
   * gives another text, recorded as a new baseline: the fetched text is then compared
   * vendor page against vendor page, so our change of scope is never announced while a
   * change by the vendor still is. When the old page does not fit the new declaration,
   * decideContent makes the fetched text the new baseline instead.
   */
  private async rebase(document: Document, declaration: Declaration, extractionKey: string): Promise<void> {
    const base = await this.versions.findBaseWithSnapshot(document.id);
    if (!base?.extractionKey || base.extractionKey === extractionKey) return;
    const { snapshot } = base;
    let text: string;
    try {
      const page = {
        body: decodeSnapshotBody(snapshot),
        sha256: snapshot.sha256,
        contentType: snapshot.contentType,
        charset: snapshot.charset,
        status: snapshot.httpStatus ?? 200,
        headers: {},
        finalUrl: snapshot.finalUrl ?? document.url,
        fetchedWith: snapshot.fetchedWith === 'browser' ? ('browser' as const) : ('http' as const),
        notModified: false,
        durationMs: 0,
      };
      text = (await this.scraper.extract(page, declaration)).markdown;
    } catch (error) {
      this.logger.warn({
        documentId: document.id,
        msg: `the base's page does not fit the new declaration: ${(error as Error).message}`,
      });
      return;
    }
    const textSha256 = sha256(text);
    if (textSha256 === base.sha256) {
      await this.versions.setExtractionKey(base.id, extractionKey);
      return;
    }
    await this.versions.recordContent({
      documentId: document.id,
      text,
      textSha256,
      extractionKey,
      at: new Date(),
      snapshot: {
        sha256: snapshot.sha256,
        encode: () => ({ body: Buffer.from(snapshot.body), compression: snapshot.compression }),
        byteLength: snapshot.byteLength,
        contentType: snapshot.contentType,
        charset: snapshot.charset,
        httpStatus: snapshot.httpStatus,
        headers: (snapshot.headers ?? {}) as Record<string, string>,
        finalUrl: snapshot.finalUrl ?? document.url,
        fetchedWith: snapshot.fetchedWith,
      },
      // a concurrent check may have rebased first: then there is nothing to add
      decide: (history) =>
        history.base?.extractionKey === extractionKey
          ? { action: 'unchanged' }
          : { action: 'record', status: 'baseline', reason: REBASED },
    });
  }

  private async scheduleConfirmation(document: Document, versionId: string): Promise<void> {
    await this.queues.add(
      'check',
      'check-document',
      { documentId: document.id, trigger: 'confirm' },
      { jobId: jobIds.confirmCheck(document.id, versionId), delay: this.config.CONFIRM_DELAY_MS },
    );
  }
}

/**
 * The fast path of a quiet check: when the newest version was extracted, under the same
 * declaration, from the newest snapshot and is settled, a page with that snapshot's bytes
 * cannot have a different text, so nothing needs vetting, extracting or storing.
 */
function settledTip(
  tip: DocumentTip,
  extractionKey: string,
): { id: string; status: string; snapshotId: string; sha256: string } | null {
  const { snapshot, version } = tip;
  if (!snapshot || !version) return null;
  if (version.snapshotId !== snapshot.id || !SETTLED.has(version.status)) return null;
  if (version.extractionKey !== extractionKey) return null;
  return { id: version.id, status: version.status, snapshotId: snapshot.id, sha256: snapshot.sha256 };
}

function compactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value) out[key] = value;
  return out;
}

function quarantineMessage(version: { statusReason: string | null } | null): string {
  return version?.statusReason ?? 'the same quarantined page as before';
}

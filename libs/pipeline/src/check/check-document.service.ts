import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  awaitsConfirmation,
  type CheckOutcome,
  type CheckTrigger,
  getsChange,
  isFlip,
  isSettled,
  type VersionStatus,
} from '@fineprint/contracts';
import {
  type CheckContextRow,
  CheckRunRepository,
  decodeSnapshotBody,
  type Document,
  type DocumentTip,
  DocumentRepository,
  type RecordContentResult,
  type RunOrigin,
  type SnapshotHeaders,
  SnapshotRepository,
  type StoredRefs,
  type SuccessRun,
  VersionRepository,
} from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';
import { type ExtractedDocument, type FetchResult } from '@fineprint/scraper';

import { ChangeLifecycleService } from '../changes/change-lifecycle.service';
import { type ContentVerdict, decideContent, isUnstable } from '../decision/decide-content';
import { CheckFailedError, DocumentGoneError } from '../pipeline.errors';
import { conditionalOf } from './conditional-of';
import { declarationExtras, declarationOf } from './declaration-of';
import { type Declaration, SCRAPER, type ScraperPort } from './scraper.port';
import { toScrapeFailure } from './to-scrape-failure';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Bump when extraction changes its output, so stored texts are extracted afresh. */
export const EXTRACTOR_VERSION = 2;

/** What produced a text: the declaration's selectors and the extractor version. */
export function extractionKeyOf(
  document: { select: string[]; remove: string[] } & Parameters<typeof declarationExtras>[0],
): string {
  return sha256(
    JSON.stringify([EXTRACTOR_VERSION, document.select, document.remove, ...declarationExtras(document)]),
  );
}

const DAY_MS = 86_400_000;

/** Why a check recorded nothing but its run for a text the page alternates with. */
const ALTERNATING =
  'a variant: the page alternates between this text and the current one (decision 0023), so the current version stays';

/** Why a version is the base's own page extracted again under a new declaration. */
const REBASED =
  "re-extracted: the base's own page under the new declaration (selectors or extractor changed), a new baseline, not a change by the vendor";

export interface CheckContext {
  trigger: CheckTrigger;
  /** The attempt's run key (see checkRunKey in libs/queue); none outside a queue. */
  jobId?: string;
  attempt?: number;
}

export interface CheckResult {
  outcome: CheckOutcome | 'skipped';
  versionId?: string;
  versionStatus?: VersionStatus;
  reason?: string;
}

/** The newest version when it is settled and was extracted, under this declaration, from the newest snapshot. */
interface SettledTip {
  id: string;
  status: VersionStatus;
  snapshotId: string;
  sha256: string;
}

/** What one check knows before it fetches. */
interface CheckPlan extends CheckContextRow {
  documentId: string;
  context: CheckContext;
  startedAt: Date;
  declaration: Declaration;
  extractionKey: string;
  settled: SettledTip | null;
}

/** A page whose bytes are new (or not settled): fetched and extracted. */
interface FetchedPage {
  page: FetchResult;
  extracted: ExtractedDocument;
}

/** What the store step recorded, and what the decision said. */
interface StoredContent {
  recorded: RecordContentResult;
  verdict: ContentVerdict;
  outcome: CheckOutcome;
  refs: StoredRefs;
}

/**
 * One check of one document, as four named steps: plan (what the database knows), fetch
 * and extract (or the quiet path when the bytes are settled), store (snapshot and version
 * in one transaction), follow-ups (diff job, confirming re-check, lifecycle). Each attempt
 * records exactly one CheckRun; a failed fetch records one and never a version.
 */
@Injectable()
export class CheckDocumentService {
  private readonly logger = new Logger(CheckDocumentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(SCRAPER) private readonly scraper: ScraperPort,
    private readonly documents: DocumentRepository,
    private readonly versions: VersionRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly checkRuns: CheckRunRepository,
    private readonly lifecycle: ChangeLifecycleService,
    private readonly queues: QueueProducer,
  ) {}

  async check(documentId: string, context: CheckContext): Promise<CheckResult> {
    const plan = await this.plan(documentId, context);
    if (!plan.document.active && context.trigger === 'scheduled')
      return { outcome: 'skipped', reason: 'paused' };
    const fetched = await this.fetchAndExtract(plan);
    if ('outcome' in fetched) return fetched;
    const stored = await this.store(plan, fetched);
    await this.followUps(plan, stored);
    const { version } = stored.recorded;
    this.logger.debug({ documentId, outcome: stored.outcome, versionId: version?.id, jobId: context.jobId });
    return {
      outcome: stored.outcome,
      ...(version ? { versionId: version.id, versionStatus: version.status } : {}),
      ...(version?.statusReason ? { reason: version.statusReason } : {}),
      ...(stored.verdict.alternating ? { reason: ALTERNATING } : {}),
    };
  }

  /** Step 1: the document, its tip and what the quiet path may skip. */
  private async plan(documentId: string, context: CheckContext): Promise<CheckPlan> {
    const loaded = await this.checkRuns.loadContext(documentId);
    if (!loaded || loaded.document.deletedAt) throw new DocumentGoneError(documentId);
    const { document, tip } = loaded;
    const extractionKey = extractionKeyOf(document);
    return {
      ...loaded,
      documentId,
      context,
      startedAt: new Date(),
      declaration: declarationOf(document),
      extractionKey,
      settled: settledTip(tip, extractionKey),
    };
  }

  /** Which attempt of which check, for its CheckRun. */
  private origin(plan: CheckPlan): RunOrigin {
    return {
      documentId: plan.documentId,
      jobId: plan.context.jobId ?? null,
      attempt: plan.context.attempt ?? 1,
      trigger: plan.context.trigger,
      startedAt: plan.startedAt,
      durationMs: Date.now() - plan.startedAt.getTime(),
    };
  }

  /** A successful check's run and the document's success stamp (one batched statement). */
  private succeeded(plan: CheckPlan, outcome: SuccessRun['outcome'], refs: StoredRefs, changed = false) {
    return this.checkRuns.recordSuccess({ ...this.origin(plan), ...refs, outcome, changed, at: new Date() });
  }

  /**
   * Step 2: fetch (conditionally) and extract. A page that was not modified, or whose
   * bytes are those of the settled tip, ends the check here (the quiet path). A failure
   * records its run, counts against the document and is thrown.
   */
  private async fetchAndExtract(plan: CheckPlan): Promise<FetchedPage | CheckResult> {
    try {
      const page = await this.scraper.fetch(
        plan.declaration,
        conditionalOf(plan.tip, plan.extractionKey, {
          ...(plan.settled ? { knownSha256: plan.settled.sha256 } : {}),
          storedBody: (snapshotId) => this.snapshotBody(snapshotId),
        }),
      );
      const quiet = await this.quietPath(plan, page);
      if (quiet) return quiet;
      return { page, extracted: await this.scraper.extract(page, plan.declaration) };
    } catch (error) {
      const failure = toScrapeFailure(error);
      await this.checkRuns.record({
        ...this.origin(plan),
        outcome: 'failed',
        errorKind: failure.kind,
        errorCode: failure.code,
        errorMessage: failure.message,
        httpStatus: failure.httpStatus ?? null,
      });
      await this.documents.markFailure(
        plan.documentId,
        new Date(),
        `${failure.code}: ${failure.message}`,
        this.config.FAILING_AFTER,
      );
      throw new CheckFailedError(failure.kind, failure.code, failure.message, { cause: error });
    }
  }

  /** A stored snapshot's bytes (a combined document's unchanged pages are taken from them). */
  private async snapshotBody(snapshotId: string): Promise<Buffer | null> {
    const snapshot = await this.snapshots.findById(snapshotId);
    return snapshot ? decodeSnapshotBody(snapshot) : null;
  }

  /** Nothing new: a 304, or the settled tip's bytes again (a pending tip is confirmed by them). */
  private async quietPath(plan: CheckPlan, page: FetchResult): Promise<CheckResult | null> {
    const { documentId, tip, tipHasChange, settled } = plan;
    if (page.notModified) {
      await this.succeeded(plan, 'not_modified', {
        httpStatus: 304,
        fetchedWith: page.fetchedWith,
        snapshotId: tip.snapshot?.id ?? null,
        // the bytes of the tip snapshot: when the tip version was extracted from them, its text
        versionId: settled?.id ?? null,
      });
      await this.lifecycle.ensureFollowUps(
        documentId,
        tip.version ? { ...tip.version, hasChange: tipHasChange } : null,
      );
      return { outcome: 'not_modified' };
    }
    if (!settled || settled.sha256 !== page.sha256) return null;
    await this.succeeded(plan, 'unchanged', {
      httpStatus: page.status,
      fetchedWith: page.fetchedWith,
      snapshotId: settled.snapshotId,
      versionId: settled.id,
    });
    if (awaitsConfirmation(settled.status)) await this.lifecycle.confirm(settled.id);
    else await this.lifecycle.ensureFollowUps(documentId, { ...settled, hasChange: tipHasChange });
    return { outcome: 'unchanged' };
  }

  /** Step 3: decide what the text is and store snapshot and version in one transaction; record the run. */
  private async store(plan: CheckPlan, { page, extracted }: FetchedPage): Promise<StoredContent> {
    const { document, documentId, declaration, extractionKey } = plan;
    const text = extracted.markdown;
    const textSha256 = sha256(text);
    if (plan.tip.version?.extractionKey && plan.tip.version.extractionKey !== extractionKey) {
      await this.rebase(document, declaration, extractionKey);
    }
    const at = new Date();
    const observation = {
      text,
      textSha256,
      title: extracted.title,
      language: extracted.language,
      extractionKey,
      at,
    };
    const variantWindowMs = this.config.VARIANT_WINDOW_DAYS * DAY_MS;
    const options = {
      declaredLanguage: document.language,
      awaitConfirmation: this.config.CONFIRM_DELAY_MS > 0,
      variantWindowMs,
    };
    let verdict: ContentVerdict | undefined;
    const recorded = await this.versions.recordContent({
      documentId,
      text,
      textSha256,
      extractionKey,
      at,
      seenSince: variantWindowMs > 0 ? new Date(at.getTime() - variantWindowMs) : null,
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
      // called inside the transaction, with the history as it is under the document's lock
      decide: (history) => (verdict = decideContent(history, observation, options)).decision,
    });
    if (!verdict) throw new Error('decision was not taken'); // recordContent always calls decide

    const { version } = recorded;
    const outcome: CheckOutcome =
      verdict.verdict === 'quarantined' ? 'quarantined' : version ? 'new_version' : 'unchanged';
    const refs: StoredRefs = {
      httpStatus: page.status,
      fetchedWith: page.fetchedWith,
      snapshotId: recorded.snapshot.id,
      // the version whose text this check saw (the variant window reads it back)
      versionId: version?.id ?? verdict.observedVersionId,
    };
    if (outcome === 'quarantined') {
      await this.checkRuns.record({
        ...this.origin(plan),
        ...refs,
        outcome,
        errorKind: 'blocked',
        errorCode: 'QUARANTINED',
        errorMessage: quarantineMessage(version),
      });
    } else {
      await this.succeeded(plan, outcome, refs, Boolean(version && getsChange(version.status)));
    }
    return { recorded, verdict, outcome, refs };
  }

  /** Step 4: the lifecycle moves the decision named, the diff job, the confirming re-check, flap detection. */
  private async followUps(plan: CheckPlan, { recorded, verdict, outcome }: StoredContent): Promise<void> {
    const { document, documentId } = plan;
    const { version } = recorded;
    if (verdict.supersedesPendingId) await this.lifecycle.dropTransient(verdict.supersedesPendingId);
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
      if (getsChange(version.status)) await this.queues.enqueue.diffVersion({ versionId: version.id });
      if (awaitsConfirmation(version.status)) {
        await this.queues.enqueue.confirmCheck(
          { documentId, versionId: version.id },
          { delayMs: this.config.CONFIRM_DELAY_MS },
        );
      }
    } else {
      await this.lifecycle.ensureFollowUps(documentId);
    }
    if (verdict.alternating && !document.unstable) {
      await this.documents.setUnstable(documentId, true);
    } else if (((version && isFlip(version.status)) || verdict.supersedesPendingId) && !document.unstable) {
      const recent = await this.versions.recentSummaries(documentId);
      if (isUnstable(recent)) await this.documents.setUnstable(documentId, true);
    }
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
        headers: (snapshot.headers ?? {}) as SnapshotHeaders,
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
}

/**
 * The fast path of a quiet check: when the newest version was extracted, under the same
 * declaration, from the newest snapshot and is settled, a page with that snapshot's bytes
 * cannot have a different text, so nothing needs vetting, extracting or storing.
 */
function settledTip(tip: DocumentTip, extractionKey: string): SettledTip | null {
  const { snapshot, version } = tip;
  if (!snapshot || !version) return null;
  if (version.snapshotId !== snapshot.id || !isSettled(version.status)) return null;
  if (version.extractionKey !== extractionKey) return null;
  return { id: version.id, status: version.status, snapshotId: snapshot.id, sha256: snapshot.sha256 };
}

/** The headers worth keeping: those with a value (a combined snapshot's per-page validators included). */
function compactHeaders(headers: FetchResult['headers']): SnapshotHeaders {
  const out: SnapshotHeaders = {};
  for (const [key, value] of Object.entries(headers)) if (value) out[key] = value;
  return out;
}

function quarantineMessage(version: { statusReason: string | null } | null): string {
  return version?.statusReason ?? 'the same quarantined page as before';
}

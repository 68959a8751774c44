import { awaitsConfirmation, countsAsBase, isFlip, isQuarantined } from '@fineprint/contracts';
import { type ContentDecision, type VersionHistory, type VersionSummary } from '@fineprint/db';
import { countWords } from '@fineprint/diff';

import patterns from './noise-patterns.json';

export type CheckVerdict = 'unchanged' | 'new_version' | 'quarantined';

export interface ContentObservation {
  text: string;
  textSha256: string;
  title?: string | null;
  /** Detected language of the text (ISO 639-1), when known. */
  language?: string | null;
  /**
   * What produced the text (declaration selectors and extractor version). A text produced
   * differently from the base's is our own change of scope, not the vendor's: it becomes a
   * new baseline, never an announcement.
   */
  extractionKey?: string | null;
  /** When the text was observed (the variant window is counted back from it). */
  at: Date;
}

export interface DecisionOptions {
  /** The document's declared language (BCP 47); a text in another language is quarantined. */
  declaredLanguage?: string | null;
  /**
   * Whether a new text waits for a confirming re-check (`pending`) or is confirmed at once.
   * In production the re-check is a job CONFIRM_DELAY_MS later; in a replay of raw snapshots
   * it is the next snapshot.
   */
  awaitConfirmation: boolean;
  /**
   * How long a page may alternate between texts (decision 0023); 0 or unset: no flap
   * detection, every switch is a change or a revert as before.
   */
  variantWindowMs?: number;
}

export interface ContentVerdict {
  decision: ContentDecision;
  verdict: CheckVerdict;
  /** A pending version that this observation contradicts: it becomes transient. */
  supersedesPendingId: string | null;
  /** A pending version that this observation confirms. */
  confirmsPendingId: string | null;
  /**
   * The stored version whose text this observation saw, when no new version is recorded
   * (the check's run names it; a recorded version names itself).
   */
  observedVersionId: string | null;
  /**
   * The observed text is a variant the page alternates with (a flap, decision 0023): nothing
   * recorded but the check, the document's text stays, the document is flagged unstable.
   */
  alternating: boolean;
}

interface NoisePattern {
  reason: string;
  title?: string;
  text?: string;
}

const compiled = (patterns.patterns as NoisePattern[]).map((p) => ({
  reason: p.reason,
  title: p.title ? new RegExp(p.title, 'i') : null,
  text: p.text ? new RegExp(p.text, 'i') : null,
}));

/** Why a version is a new baseline after the declaration or the extractor changed. */
export const REEXTRACTED =
  're-extracted: the declaration or the extractor changed, so this text is a new baseline, not a change by the vendor';

/**
 * Why a text is not the document (error page, wall, collapse, wrong language), or null.
 * `previousWords` is the size of the version it would replace.
 */
export function quarantineReason(
  observation: Omit<ContentObservation, 'at'>,
  previousWords: number | null,
  declaredLanguage?: string | null,
): string | null {
  const words = countWords(observation.text);
  const short = words < patterns.maxWords;
  for (const p of compiled) {
    if (p.title && observation.title && p.title.test(observation.title))
      return `${p.reason} (title "${observation.title}")`;
    if (p.text && short && p.text.test(observation.text))
      return `${p.reason} (text matches ${p.text.source.slice(0, 40)}…)`;
  }
  if (
    previousWords !== null &&
    previousWords >= patterns.collapseMinPreviousWords &&
    words < previousWords * patterns.collapseRatio
  ) {
    return `collapse: ${words} words where the previous version had ${previousWords}`;
  }
  const declared = declaredLanguage?.toLowerCase().split('-')[0];
  const detected = observation.language?.toLowerCase().split('-')[0];
  if (declared && detected && words >= 50 && declared !== detected) {
    return `language: the text reads as "${detected}", the document is declared "${declared}"`;
  }
  return null;
}

/** A duration in days (one decimal), for reasons. */
const days = (ms: number) => `${Math.round((ms / 86_400_000) * 10) / 10} days`;

/**
 * Whether the observed text is a variant of the document's text the page alternates with
 * (decision 0023): it was seen, within the window, while the base's text was the document's
 * text (a version of it recorded as a change from that text, or a check that saw it since),
 * and the base's text is itself still seen within the window. A variant whose base has not
 * been seen for the whole window is `promoted`: it is decided like any other text.
 */
function alternationOf(
  history: VersionHistory,
  at: Date,
  windowMs: number,
): { kind: 'variant'; versionId: string } | { kind: 'promoted'; reason: string } | null {
  if (windowMs <= 0 || !history.sameText) return null;
  const within = (t: Date | null): t is Date => t !== null && at.getTime() - t.getTime() <= windowMs;
  if (!within(history.variantSeenAt)) return null;
  if (within(history.baseSeenAt)) return { kind: 'variant', versionId: history.sameText.id };
  return {
    kind: 'promoted',
    reason: `the page alternated with this text and has not shown the previous one for the variant window (${days(windowMs)})`,
  };
}

/**
 * The pipeline's one decision about fetched content (also used by `fineprint replay`):
 * nothing new, a baseline, a new text (pending confirmation or confirmed), a revert to
 * an earlier text, a variant the page alternates with, or a quarantined page. Pure: the
 * history is read by the caller.
 */
export function decideContent(
  history: VersionHistory,
  observation: ContentObservation,
  options: DecisionOptions,
): ContentVerdict {
  const latest = history.latest;
  const base = history.base;
  const pending = latest && awaitsConfirmation(latest.status) ? latest : null;
  const none = {
    supersedesPendingId: null,
    confirmsPendingId: null,
    observedVersionId: null,
    alternating: false,
  };

  // the same text as the newest version: nothing new (a pending one is now confirmed);
  // a text that was dropped as transient and comes back is observed afresh
  if (latest && latest.status !== 'transient' && latest.sha256 === observation.textSha256) {
    if (isQuarantined(latest.status)) {
      return {
        decision: { action: 'unchanged' },
        verdict: 'quarantined',
        ...none,
        observedVersionId: latest.id,
      };
    }
    return {
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      ...none,
      confirmsPendingId: pending?.id ?? null,
      observedVersionId: latest.id,
    };
  }

  const supersedesPendingId = pending?.id ?? null;
  // a text produced under another declaration than the base's: our change of scope
  const rescoped = Boolean(
    base?.extractionKey && observation.extractionKey && base.extractionKey !== observation.extractionKey,
  );
  // (its size says nothing about a collapse: the scope changed)
  const baseWords = base && !rescoped ? countWords(base.text) : null;
  const reason = quarantineReason(observation, baseWords, options.declaredLanguage);
  if (reason) {
    return {
      ...none,
      decision: { action: 'record', status: 'quarantined', reason },
      verdict: 'quarantined',
      supersedesPendingId,
    };
  }

  // back to the text of the base (e.g. after a quarantined page or a transient one)
  if (base && base.sha256 === observation.textSha256) {
    return {
      ...none,
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      supersedesPendingId,
      observedVersionId: base.id,
    };
  }

  if (!base) {
    return {
      ...none,
      decision: { action: 'record', status: 'baseline', reason: 'first version' },
      verdict: 'new_version',
      supersedesPendingId,
    };
  }

  if (rescoped) {
    return {
      ...none,
      decision: { action: 'record', status: 'baseline', reason: REEXTRACTED },
      verdict: 'new_version',
      supersedesPendingId,
    };
  }

  // a variant the page alternates with: the check saw it, the document's text stays
  const alternation = alternationOf(history, observation.at, options.variantWindowMs ?? 0);
  if (alternation?.kind === 'variant') {
    return {
      ...none,
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      supersedesPendingId,
      observedVersionId: alternation.versionId,
      alternating: true,
    };
  }

  const promoted = alternation?.kind === 'promoted' ? alternation.reason : null;
  const same = history.sameText;
  if (same && countsAsBase(same.status)) {
    return {
      ...none,
      decision: {
        action: 'record',
        status: 'revert',
        reason: `same text as version ${same.seq}${promoted ? `; ${promoted}` : ''}`,
        revertOfId: same.id,
      },
      verdict: 'new_version',
      supersedesPendingId,
    };
  }

  return {
    ...none,
    decision: options.awaitConfirmation
      ? {
          action: 'record',
          status: 'pending',
          reason: promoted
            ? `${promoted}; waiting for a confirming re-check`
            : 'waiting for a confirming re-check',
        }
      : { action: 'record', status: 'confirmed', reason: promoted },
    verdict: 'new_version',
    supersedesPendingId,
  };
}

/** A document flips when several of its recent versions are reverts or transient texts. */
export function isUnstable(recent: Pick<VersionSummary, 'status'>[], threshold = 2): boolean {
  return recent.slice(0, 10).filter((v) => isFlip(v.status)).length >= threshold;
}

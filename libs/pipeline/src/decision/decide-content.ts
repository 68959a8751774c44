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
}

export interface DecisionOptions {
  /** The document's declared language (BCP 47); a text in another language is quarantined. */
  declaredLanguage?: string | null;
  /** 0: new texts are confirmed at once; otherwise they wait for a confirming re-check. */
  confirmDelayMs: number;
}

export interface ContentVerdict {
  decision: ContentDecision;
  verdict: CheckVerdict;
  /** A pending version that this observation contradicts: it becomes transient. */
  supersedesPendingId: string | null;
  /** A pending version that this observation confirms. */
  confirmsPendingId: string | null;
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
  observation: ContentObservation,
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

/**
 * The pipeline's one decision about fetched content (also used by `fineprint replay`):
 * nothing new, a baseline, a new text (pending confirmation or confirmed), a revert to
 * an earlier text, or a quarantined page. Pure: the history is read by the caller.
 */
export function decideContent(
  history: VersionHistory,
  observation: ContentObservation,
  options: DecisionOptions,
): ContentVerdict {
  const latest = history.latest;
  const base = history.base;
  const pending = latest && awaitsConfirmation(latest.status) ? latest : null;
  const none = { supersedesPendingId: null, confirmsPendingId: null };

  // the same text as the newest version: nothing new (a pending one is now confirmed);
  // a text that was dropped as transient and comes back is observed afresh
  if (latest && latest.status !== 'transient' && latest.sha256 === observation.textSha256) {
    if (isQuarantined(latest.status)) {
      return { decision: { action: 'unchanged' }, verdict: 'quarantined', ...none };
    }
    return {
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      ...none,
      confirmsPendingId: pending?.id ?? null,
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
      decision: { action: 'record', status: 'quarantined', reason },
      verdict: 'quarantined',
      supersedesPendingId,
      confirmsPendingId: null,
    };
  }

  // back to the text of the base (e.g. after a quarantined page or a transient one)
  if (base && base.sha256 === observation.textSha256) {
    return {
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      supersedesPendingId,
      confirmsPendingId: null,
    };
  }

  if (!base) {
    return {
      decision: { action: 'record', status: 'baseline', reason: 'first version' },
      verdict: 'new_version',
      supersedesPendingId,
      confirmsPendingId: null,
    };
  }

  if (rescoped) {
    return {
      decision: { action: 'record', status: 'baseline', reason: REEXTRACTED },
      verdict: 'new_version',
      supersedesPendingId,
      confirmsPendingId: null,
    };
  }

  const same = history.sameText;
  if (same && countsAsBase(same.status)) {
    return {
      decision: {
        action: 'record',
        status: 'revert',
        reason: `same text as version ${same.seq}`,
        revertOfId: same.id,
      },
      verdict: 'new_version',
      supersedesPendingId,
      confirmsPendingId: null,
    };
  }

  return {
    decision:
      options.confirmDelayMs > 0
        ? { action: 'record', status: 'pending', reason: 'waiting for a confirming re-check' }
        : { action: 'record', status: 'confirmed', reason: null },
    verdict: 'new_version',
    supersedesPendingId,
    confirmsPendingId: null,
  };
}

/** A document flips when several of its recent versions are reverts or transient texts. */
export function isUnstable(recent: Pick<VersionSummary, 'status'>[], threshold = 2): boolean {
  return recent.slice(0, 10).filter((v) => isFlip(v.status)).length >= threshold;
}

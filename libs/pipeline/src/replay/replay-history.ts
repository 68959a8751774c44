import { createHash } from 'node:crypto';

import { DEFAULT_VARIANT_WINDOW_DAYS } from '@fineprint/config';
import { countsAsBase, isQuarantined } from '@fineprint/contracts';
import { type VersionHistory, type VersionStatus, type VersionSummary } from '@fineprint/db';
import { analyzeChange, type ChangeTag, type Severity } from '@fineprint/diff';

import { decideContent, isUnstable } from '../decision/decide-content';

export type ReplayDecision =
  | 'announce'
  | 'revert'
  | 'quarantine'
  | 'cosmetic'
  | 'unchanged'
  | 'baseline'
  /** a text the page alternates with: only the check is recorded (decision 0023) */
  | 'variant'
  /** a new text the next observation contradicted: recorded, never announced */
  | 'transient'
  /** a new text still waiting for its confirming observation when the inputs ended */
  | 'pending';

export interface ReplayInput {
  file: string;
  text: string;
  /** e.g. the recorder's commit message, shown in reports */
  note?: string;
  /** When the text was observed (ISO 8601). */
  date?: string;
  /**
   * The recorder changed its own extraction (selectors, filters) for this version: like a
   * change of declaration in Fineprint, it starts a new baseline instead of a change.
   */
  reextracted?: boolean;
}

export interface ReplayEntry {
  file: string;
  decision: ReplayDecision;
  reason: string;
  severity: Severity | null;
  tags: ChangeTag[];
  summary: string | null;
  note?: string;
  date?: string;
  diffMs?: number;
  /** The input of the version this one was compared with (announced, cosmetic or pending ones). */
  comparedWith?: string;
}

export interface ReplayReport {
  versions: ReplayEntry[];
  summary: Record<ReplayDecision, number> & { total: number; unstable: boolean };
}

export interface ReplayOptions {
  title?: string;
  declaredLanguage?: string | null;
  /**
   * How a new text is confirmed. `immediate` (default): each input is a text the recorder
   * already kept as a version (a history such as ../shared/corpus), so it is confirmed at
   * once. `next-observation`: the inputs are raw observations (consecutive snapshots); a new
   * text waits, as in production, for a confirming re-check, and the only evidence there is
   * the next input: the same text confirms it, another contradicts it (transient).
   */
  confirm?: 'immediate' | 'next-observation';
  /** The variant window in days (decision 0023); default DEFAULT_VARIANT_WINDOW_DAYS, 0: off. */
  variantWindowDays?: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type ReplayVersion = VersionSummary & {
  text: string;
  extractionKey: string;
  /** The base's text when this version was recorded (what it changed from). */
  fromSha256: string | null;
  /** The input it was recorded from. */
  file: string;
};

/**
 * Feeds consecutive observations of one document through the pipeline's decision logic
 * (decideContent, then the diff and classifier), as the check does: the history each
 * decision needs, including when each text was last seen (decision 0023), is kept in
 * memory the way the repository reads it from versions and check runs. Pure.
 *
 * Inputs without a date are taken one millisecond apart: every earlier sighting counts as
 * within the variant window.
 */
export function replayHistory(inputs: ReplayInput[], options: ReplayOptions = {}): ReplayReport {
  const versions: ReplayVersion[] = [];
  /** What each observation saw (the run's version), as CheckRun rows record it. */
  const seen: { at: number; sha256: string }[] = [];
  const out: ReplayEntry[] = [];
  /** The entry of each version awaiting confirmation, with its analysis. */
  const awaiting = new Map<string, { entry: ReplayEntry; cosmetic: boolean; rule: string }>();
  const windowMs = (options.variantWindowDays ?? DEFAULT_VARIANT_WINDOW_DAYS) * 86_400_000;
  const nextObservation = options.confirm === 'next-observation';
  let declaration = 0;
  let alternated = false;

  for (const [index, input] of inputs.entries()) {
    if (input.reextracted) declaration++;
    const extractionKey = `declaration-${declaration}`;
    const textSha256 = sha256(input.text);
    const at = input.date ? new Date(input.date) : new Date(index);
    if (Number.isNaN(at.getTime())) throw new Error(`${input.file}: the date "${input.date}" is not a date`);
    const history = historyAt(versions, seen, textSha256, at.getTime() - windowMs);
    const title = /^#\s+(.+)$/m.exec(input.text)?.[1] ?? null;
    const verdict = decideContent(
      history,
      { text: input.text, textSha256, title, extractionKey, at },
      {
        declaredLanguage: options.declaredLanguage ?? null,
        awaitConfirmation: nextObservation,
        variantWindowMs: windowMs,
      },
    );
    const meta = {
      file: input.file,
      ...(input.note ? { note: input.note } : {}),
      ...(input.date ? { date: input.date } : {}),
    };

    // the lifecycle moves the decision named (the confirming re-check of production)
    const settle = (id: string | null, to: 'confirmed' | 'transient') => {
      const version = id ? versions.find((v) => v.id === id) : undefined;
      const waiting = id ? awaiting.get(id) : undefined;
      if (!version || !waiting) return;
      version.status = to;
      awaiting.delete(version.id);
      if (to === 'transient') {
        Object.assign(waiting.entry, { decision: 'transient', reason: `gone at ${input.file}` });
      } else {
        Object.assign(
          waiting.entry,
          waiting.cosmetic
            ? {
                decision: 'cosmetic',
                reason: 'only whitespace, punctuation, typography, links or order changed',
              }
            : { decision: 'announce', reason: waiting.rule },
        );
      }
    };
    settle(verdict.supersedesPendingId, 'transient');
    settle(verdict.confirmsPendingId, 'confirmed');

    if (verdict.decision.action === 'unchanged') {
      if (verdict.alternating) alternated = true;
      if (verdict.verdict !== 'quarantined') seen.push({ at: at.getTime(), sha256: textSha256 });
      out.push({
        ...meta,
        decision:
          verdict.verdict === 'quarantined' ? 'quarantine' : verdict.alternating ? 'variant' : 'unchanged',
        reason:
          verdict.verdict === 'quarantined'
            ? 'the same quarantined page as before'
            : verdict.alternating
              ? 'a variant the page alternates with: the current version stays'
              : verdict.confirmsPendingId
                ? 'same text: confirms the new one'
                : 'same text as the current version',
        severity: null,
        tags: [],
        summary: null,
      });
      continue;
    }
    const status: VersionStatus = verdict.decision.status;
    const base = history.base;
    const record: ReplayVersion = {
      id: `${versions.length + 1}`,
      seq: versions.length + 1,
      sha256: textSha256,
      status,
      recordedAt: at,
      revertOfId: verdict.decision.revertOfId ?? null,
      text: input.text,
      extractionKey,
      fromSha256: base?.sha256 ?? null,
      file: input.file,
    };
    versions.push(record);
    if (!isQuarantined(status)) seen.push({ at: at.getTime(), sha256: textSha256 });
    if (status === 'baseline' || status === 'quarantined' || !base) {
      out.push({
        ...meta,
        decision: status === 'quarantined' ? 'quarantine' : 'baseline',
        reason: verdict.decision.reason ?? (status === 'quarantined' ? 'quarantined' : 'first version'),
        severity: null,
        tags: [],
        summary: null,
      });
      continue;
    }
    const analysis = analyzeChange(base.text, input.text, { title: options.title ?? title ?? input.file });
    const entry: ReplayEntry = {
      ...meta,
      severity: analysis.classification.severity,
      tags: analysis.classification.tags,
      summary: analysis.summary,
      diffMs: analysis.timing.diffMs,
      comparedWith: versions.find((v) => v.id === base.id)?.file,
      decision: 'announce',
      reason: analysis.classification.severityRule,
    };
    out.push(entry);
    if (status === 'revert') {
      Object.assign(entry, {
        decision: 'revert',
        reason: verdict.decision.reason ?? 'same text as an earlier version',
      });
    } else if (status === 'pending') {
      Object.assign(entry, { decision: 'pending', reason: 'waiting for the next observation' });
      awaiting.set(record.id, {
        entry,
        cosmetic: analysis.classification.cosmetic,
        rule: analysis.classification.severityRule,
      });
    } else if (analysis.classification.cosmetic) {
      Object.assign(entry, {
        decision: 'cosmetic',
        reason: 'only whitespace, punctuation, typography, links or order changed',
      });
    }
  }
  const summary = {
    announce: 0,
    revert: 0,
    quarantine: 0,
    cosmetic: 0,
    unchanged: 0,
    baseline: 0,
    variant: 0,
    transient: 0,
    pending: 0,
    total: out.length,
    unstable: alternated || isUnstable([...versions].reverse()),
  };
  for (const e of out) summary[e.decision]++;
  return { versions: out, summary };
}

/**
 * What the repository reads for a decision (VersionRepository.loadHistory), from the
 * replay's memory: the newest versions, the base, the newest version with this text, and
 * when the base's text and this text were last seen since `since`.
 */
function historyAt(
  versions: ReplayVersion[],
  seen: { at: number; sha256: string }[],
  textSha256: string,
  since: number,
): VersionHistory {
  const recent = [...versions].reverse();
  const base = recent.find((v) => countsAsBase(v.status)) ?? null;
  const latestOf = (times: number[]) => {
    const inWindow = times.filter((t) => t >= since);
    return inWindow.length ? new Date(Math.max(...inWindow)) : null;
  };
  const baseSeenAt = base ? latestOf(seen.filter((o) => o.sha256 === base.sha256).map((o) => o.at)) : null;
  const variantSeenAt =
    base && base.sha256 !== textSha256
      ? latestOf([
          ...versions
            .filter((v) => v.sha256 === textSha256 && v.fromSha256 === base.sha256)
            .map((v) => v.recordedAt.getTime()),
          ...seen
            .filter((o) => o.sha256 === textSha256 && o.at >= base.recordedAt.getTime())
            .map((o) => o.at),
        ])
      : null;
  return {
    latest: recent[0] ?? null,
    base,
    sameText: recent.find((v) => v.sha256 === textSha256) ?? null,
    recent: recent.slice(0, 20),
    baseSeenAt,
    variantSeenAt,
  };
}

import { createHash } from 'node:crypto';

import { type VersionHistory, type VersionStatus, type VersionSummary } from '@fineprint/db';
import { analyzeChange, type ChangeTag, type Severity } from '@fineprint/diff';

import { decideContent, isUnstable } from '../decision/decide-content';

export type ReplayDecision = 'announce' | 'revert' | 'quarantine' | 'cosmetic' | 'unchanged' | 'baseline';

export interface ReplayInput {
  file: string;
  text: string;
  /** e.g. the recorder's commit message, shown in reports */
  note?: string;
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
}

export interface ReplayReport {
  versions: ReplayEntry[];
  summary: Record<ReplayDecision, number> & { total: number; unstable: boolean };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Feeds consecutive versions of one document through the pipeline's decision logic
 * (decideContent, then the diff and classifier), as if each had been fetched and
 * confirmed in turn. Pure: the history lives in memory.
 */
export function replayHistory(
  inputs: ReplayInput[],
  options: { title?: string; declaredLanguage?: string | null } = {},
): ReplayReport {
  const versions: (VersionSummary & { text: string; extractionKey: string })[] = [];
  const out: ReplayEntry[] = [];
  let declaration = 0;
  for (const input of inputs) {
    if (input.reextracted) declaration++;
    const extractionKey = `declaration-${declaration}`;
    const textSha256 = sha256(input.text);
    const recent = [...versions].reverse();
    const base = recent.find((v) => !['quarantined', 'transient', 'pending'].includes(v.status)) ?? null;
    const sameText = recent.find((v) => v.sha256 === textSha256) ?? null;
    const history: VersionHistory = {
      latest: recent[0] ?? null,
      base,
      sameText,
      recent: recent.slice(0, 20),
    };
    const title = /^#\s+(.+)$/m.exec(input.text)?.[1] ?? null;
    const verdict = decideContent(
      history,
      { text: input.text, textSha256, title, extractionKey },
      { declaredLanguage: options.declaredLanguage ?? null, confirmDelayMs: 0 },
    );
    const meta = {
      file: input.file,
      ...(input.note ? { note: input.note } : {}),
      ...(input.date ? { date: input.date } : {}),
    };

    if (verdict.decision.action === 'unchanged') {
      out.push({
        ...meta,
        decision: verdict.verdict === 'quarantined' ? 'quarantine' : 'unchanged',
        reason:
          verdict.verdict === 'quarantined'
            ? 'the same quarantined page as before'
            : 'same text as the current version',
        severity: null,
        tags: [],
        summary: null,
      });
      continue;
    }
    const status: VersionStatus = verdict.decision.status;
    const record = {
      id: `${versions.length + 1}`,
      seq: versions.length + 1,
      sha256: textSha256,
      status,
      recordedAt: new Date(0),
      revertOfId: verdict.decision.revertOfId ?? null,
      text: input.text,
      extractionKey,
    };
    versions.push(record);
    if (status === 'baseline') {
      out.push({
        ...meta,
        decision: 'baseline',
        reason: verdict.decision.reason ?? 'first version',
        severity: null,
        tags: [],
        summary: null,
      });
      continue;
    }
    if (status === 'quarantined') {
      out.push({
        ...meta,
        decision: 'quarantine',
        reason: verdict.decision.reason ?? 'quarantined',
        severity: null,
        tags: [],
        summary: null,
      });
      continue;
    }
    if (!base) continue;
    const analysis = analyzeChange(base.text, input.text, { title: options.title ?? title ?? input.file });
    const common = {
      severity: analysis.classification.severity,
      tags: analysis.classification.tags,
      summary: analysis.summary,
      diffMs: analysis.timing.diffMs,
    };
    if (status === 'revert') {
      out.push({
        ...meta,
        ...common,
        decision: 'revert',
        reason: verdict.decision.reason ?? 'same text as an earlier version',
      });
    } else if (analysis.classification.cosmetic) {
      out.push({
        ...meta,
        ...common,
        decision: 'cosmetic',
        reason: 'only whitespace, punctuation, typography, links or order changed',
      });
    } else {
      out.push({ ...meta, ...common, decision: 'announce', reason: analysis.classification.severityRule });
    }
  }
  const summary = {
    announce: 0,
    revert: 0,
    quarantine: 0,
    cosmetic: 0,
    unchanged: 0,
    baseline: 0,
    total: out.length,
    unstable: isUnstable([...versions].reverse()),
  };
  for (const e of out) summary[e.decision]++;
  return { versions: out, summary };
}

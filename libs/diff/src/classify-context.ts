import { type Meaning, meaningsOf } from './clause-meaning';
import { type Prepared } from './classify.types';
import { type DiffResult } from './diff.types';
import shippedModel from './lexicon/practice-model.json';
import { plainWords } from './plain-words';
import { type PracticeModel } from './practice-model';
import { type ClauseReading, normalizeClause, readClause } from './read-clause';
import { flatten, statesSafeguard } from './safeguards';
import { SideLines } from './side-lines';

export interface ClassifyOptions {
  /** The learned practice model (default: the shipped one; null: rules only). */
  model?: PracticeModel | null;
  /**
   * The whole new version, when known: a named setting whose sentence was removed is still
   * offered if the new version still names it (in a paragraph the diff left alone) and no added
   * sentence announces it gone.
   */
  afterText?: string;
  /** The whole old version, when known (the French reader tells text a capture repeated from it). */
  beforeText?: string;
  /** Least probability at which the model's practice is used (default 0.7). */
  modelThreshold?: number;
  /** Least probability of "no practice" at which the model drops the rules' meanings (default 0.7; null: never). */
  modelVeto?: number | null;
}

export const SHIPPED_MODEL = shippedModel as PracticeModel;

/**
 * What one classification reads with: its options, each distinct sentence normalised, read and
 * given its rules' meanings once (the rules ask about each sentence in several passes), the lines
 * of each side of the diff, and views of the new version (its sentences, its flat text, the
 * safeguards it states), each made the first time a rule asks.
 */
export class ClassifyContext {
  readonly model: PracticeModel | null;
  readonly threshold: number;
  readonly veto: number | null;
  /** The paragraph lines of each side of the diff (the old version, or the new, where the hunks stop). */
  readonly linesOf: { removed: SideLines; added: SideLines };
  private readonly normOf = new Map<string, Prepared>();
  private afterSplit: string[] | null = null;
  private flat: string | undefined;
  private readonly safeguards = new Map<string, boolean>();

  constructor(
    readonly diff: DiffResult,
    readonly options: ClassifyOptions,
  ) {
    this.model = options.model === undefined ? SHIPPED_MODEL : options.model;
    this.threshold = options.modelThreshold ?? 0.7;
    this.veto = options.modelVeto === undefined ? 0.7 : options.modelVeto;
    this.linesOf = {
      removed: new SideLines(diff, 'removed', options.beforeText),
      added: new SideLines(diff, 'added', options.afterText),
    };
  }

  /** A sentence, normalised once: its signature, reading and rules' meanings start from that. */
  prepared(t: string): Prepared {
    let p = this.normOf.get(t);
    if (!p) this.normOf.set(t, (p = { norm: normalizeClause(t), sig: null, reading: null, rules: null }));
    return p;
  }

  /** A sentence read as a clause (once). */
  readingOf(t: string, p = this.prepared(t)): ClauseReading {
    return (p.reading ??= readClause(t, p.norm));
  }

  /** A sentence's meanings by the rules alone (once). */
  rulesOf(t: string, p = this.prepared(t)): Meaning[] {
    return (p.rules ??= meaningsOf(this.readingOf(t, p)));
  }

  /** A sentence's signature: its plain words, the same for a sentence repeated or reformatted. */
  sig(t: string): string {
    const p = this.prepared(t);
    return (p.sig ??= plainWords(p.norm).trim());
  }

  /** The new version's sentences, split once for the lookups that read the whole text. */
  afterSentences(): string[] {
    return (this.afterSplit ??= (this.options.afterText ?? '').split(/(?<=[.!?])\s+|\n+/u));
  }

  /** The new version as one flat string, for promises that moved rather than went. */
  afterFlat(): string {
    return (this.flat ??= this.options.afterText ? flatten(this.options.afterText) : '');
  }

  /**
   * Whether the new version states this safeguard anywhere (each safeguard looked for once, and
   * only when asked: its pattern runs over the whole text).
   */
  safeguardStatedAfter(name: string): boolean {
    let stated = this.safeguards.get(name);
    if (stated === undefined) this.safeguards.set(name, (stated = statesSafeguard(this.afterFlat(), name)));
    return stated;
  }
}

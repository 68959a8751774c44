import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { type DiffResult } from './diff.types';
import { REMOVAL_OF } from './lexicon';
import { EXPANDING } from './practice-kinds';
import { type TagSet } from './tag-set';

/** A line whose tick turned to a cross, or back ("✓ Use your notes to train our AI" → "✗ Use …"). */
export interface MarkFlip {
  before: string;
  after: string;
  /** What the line now says of its practice: done ('yes') or not done ('no'). */
  now: 'yes' | 'no';
}

const YES_MARK = /^\s*[✓✔☑✅]\s*$/u;
const NO_MARK = /^\s*[✗✘☒❌✖☐]\s*$/u;

/**
 * The lines of a diff where nothing changed but a tick for a cross, or a cross for a tick: the
 * word diff sees a symbol (a cosmetic edit), but in an "at a glance" list or a table of what the
 * service does, the mark is the answer.
 */
export function markFlips(diff: DiffResult): MarkFlip[] {
  const out: MarkFlip[] = [];
  for (const hunk of diff.hunks)
    for (const line of hunk.lines) {
      if (line.kind !== 'change') continue;
      const edits = line.ops.filter((o) => o.op !== 'equal' && o.text.trim() !== '');
      if (edits.length !== 2) continue;
      const gone = edits.find((o) => o.op === 'delete')?.text ?? '';
      const come = edits.find((o) => o.op === 'insert')?.text ?? '';
      const now =
        YES_MARK.test(gone) && NO_MARK.test(come)
          ? 'no'
          : NO_MARK.test(gone) && YES_MARK.test(come)
            ? 'yes'
            : null;
      if (!now) continue;
      const before = line.ops
        .filter((o) => o.op !== 'insert')
        .map((o) => o.text)
        .join('');
      const after = line.ops
        .filter((o) => o.op !== 'delete')
        .map((o) => o.text)
        .join('');
      out.push({ before, after, now });
    }
  return out;
}

/**
 * Each flipped line read as the statement it marks ("Use your highlights to train our AI summary
 * feature", "Sell your reading history"): a tick that became a cross is that practice no longer
 * done (a choice or right no longer offered); a cross that became a tick is the practice now done.
 */
export function markFlipRules(ctx: ClassifyContext, flips: MarkFlip[], tags: TagSet): void {
  for (const f of flips) {
    const statement = f.after
      .replace(/[✓✔☑✅✗✘☒❌✖☐|*_`]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
    if (statement.split(' ').length < 2) continue;
    const meanings = ctx.rulesOf(statement);
    const side = (text: string, which: Side['side']): Side => ({
      reading: ctx.readingOf(text),
      side: which,
      meanings,
      partner: null,
      vetoed: false,
    });
    const r = side(f.before, 'removed');
    const a = side(f.after, 'added');
    for (const m of meanings) {
      const offered = m.kind === 'opt-out-added' || m.kind === 'rights-added';
      if (!offered && !EXPANDING.includes(m.kind)) continue;
      const kind = f.now === 'yes' ? m.kind : REMOVAL_OF[m.kind];
      if (kind) tags.add(kind, m.topic, `mark-flipped-${f.now}`, r, a);
    }
  }
}

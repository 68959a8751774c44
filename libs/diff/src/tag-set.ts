import { asKind, asTopic, citation, MAX_CITATIONS } from './change-severity';
import { type Side } from './classify.types';
import { type ChangeTag } from './diff.types';

/** A kind or topic the lexicons name, checked against the vocabulary (libs/contracts). */
const typed = (kind: string | null, topic: string | null) => ({
  kind: kind === null ? null : asKind(kind),
  topic: topic === null ? null : asTopic(topic),
});

/**
 * The tags a change gets, one per kind and topic, in the order the rules first gave them: the
 * first rule to give a tag names it; each rule that gives it again adds the sentences it cites.
 */
export class TagSet {
  private readonly tags = new Map<string, ChangeTag>();

  /** Tags `kind` and `topic` by `rule` (a rule of the model's scores the tag), citing `sides`. */
  add(kind: string | null, topic: string | null, rule: string, ...sides: Side[]): void {
    // (a period changed with no data named is about retention itself, as French tags say)
    if (topic === null && kind !== null && kind.startsWith('retention-')) topic = 'retention';
    const k = `${kind ?? ''}|${topic ?? ''}`;
    let t = this.tags.get(k);
    const score = rule.includes('model:')
      ? Math.max(...sides.flatMap((x) => x.meanings.map((m) => m.score ?? 0)))
      : undefined;
    if (!t)
      this.tags.set(
        k,
        (t =
          score === undefined
            ? { ...typed(kind, topic), rule, citations: [], source: 'rule', score: 1 }
            : {
                ...typed(kind, topic),
                rule,
                citations: [],
                source: 'model',
                score: Math.round(score * 100) / 100,
              }),
      );
    for (const s of sides)
      if (
        t.citations.length < MAX_CITATIONS &&
        !t.citations.some((c) => c.text === s.reading.text && c.side === s.side)
      )
        t.citations.push(citation(s.reading.text, s.side));
  }

  /** The tags so far, in the order they were first given. */
  values(): ChangeTag[] {
    return [...this.tags.values()];
  }
}

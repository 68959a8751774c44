import { SENSITIVE_DATA } from './clause-meaning';
import { type Side } from './classify.types';
import { wordAt } from './read-clause';

/**
 * A term the changed text defines ("Message data means text or other content you send directly to
 * another user"): a collection, use or sharing of that term with no kind of data named is of the
 * sensitive data its definition names ("we collect and process message data").
 */
export function topicFromDefinition(list: Side[]): void {
  const defined: { term: string; topics: string[]; by: Side }[] = [];
  for (const s of list) {
    const m = DEFINITION.exec(s.reading.norm);
    const topics = m ? s.reading.topics.filter((t) => SENSITIVE_DATA.includes(t)) : [];
    if (m && topics.length) defined.push({ term: m[1] as string, topics, by: s });
  }
  if (defined.length === 0) return;
  for (const s of list)
    for (const d of defined) {
      if (s === d.by || wordAt(s.reading.norm, d.term) < 0) continue;
      const named = s.meanings.filter((m) => m.topic === null && DATA_PRACTICES.has(m.kind));
      for (const m of named)
        for (const topic of d.topics)
          if (!s.meanings.some((x) => x.kind === m.kind && x.topic === topic))
            s.meanings.push({ ...m, topic, object: topic, rule: `${m.rule}:term-defined` });
    }
}
/** "<term> means / refers to / is defined as …", a term of two to five words, at the start of its sentence or table cell. */
const DEFINITION =
  /^(?:\|\s*)?(?:the term |["“])?([a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4})["”]? (?:means|refers to|is defined as|shall mean|includes|consists of)\b/u;
const DATA_PRACTICES = new Set([
  'new-data-collected',
  'new-data-use',
  'sharing-expanded',
  'data-collection-reduced',
  'data-use-narrowed',
  'sharing-narrowed',
]);

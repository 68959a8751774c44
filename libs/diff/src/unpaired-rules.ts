import { type RuleScope, type Side } from './classify.types';
import { ONLY_LIMIT, promiseForNowOnly, WIDER_SCOPE } from './compare-readings';
import { REMOVAL_OF } from './lexicon';
import { matches } from './pattern-gate';
import { EXPANDING, key, NEW_CATEGORY } from './practice-kinds';
import { retentionAcross } from './retention-compare';
import { safeguardsOf, stillStated } from './safeguards';
import { type TagSet } from './tag-set';

/** Removed sentences with no replacement: what they stated that the change no longer states. */
export function removalRules(removed: Side[], added: Side[], scope: RuleScope): void {
  const { ctx, st, tags } = scope;
  for (const r of removed) {
    if (r.partner) continue;
    for (const m of r.meanings) {
      const kind = REMOVAL_OF[m.kind];
      if (!kind) continue;
      if (kind === 'promise-withdrawn' && stillStated(r, () => ctx.afterFlat())) continue;
      if (
        m.kind === 'opt-out-added'
          ? st.choiceSurvives(r, m)
          : m.kind === 'rights-added'
            ? st.sameRightSaid(r, m, st.addedRights)
            : st.addedSays.has(key(m)) &&
              // (said again only for now: "… and we never will" → "we do not currently sell")
              !(
                kind === 'promise-withdrawn' &&
                added.every(
                  (a) =>
                    !a.meanings.some((x) => key(x) === key(m)) || promiseForNowOnly(r.reading, a.reading),
                )
              )
      )
        continue;
      // a cookie or ad choice removed with the tracking it controlled: the practice left, not the choice
      if (m.kind === 'opt-out-added' && st.trackingLeft(m.topic, r)) {
        tags.add('tracking-removed', m.topic, 'removed:practice-and-its-choice', r);
        continue;
      }
      tags.add(kind, m.topic, `removed:${m.rule}`, r);
    }
  }
}

/**
 * A safeguard the company stated that the new version no longer states ("encrypted at rest and in
 * transit" → "encrypted in transit"; "we will notify you within 72 hours" → "where required by
 * law"; an end-to-end encryption sentence gone): a promise about security withdrawn.
 */
export function safeguardRules(removed: Side[], scope: RuleScope): void {
  const { ctx, tags } = scope;
  for (const r of removed) {
    const had = safeguardsOf(r.reading);
    if (had.length === 0) continue;
    const kept = r.partner ? new Set(safeguardsOf(r.partner.reading)) : new Set<string>();
    let lost = had.filter((g) => !kept.has(g));
    if (lost.length === 0) continue;
    lost = lost.filter((g) => !ctx.safeguardStatedAfter(g));
    if (lost.length === 0) continue;
    if (r.partner) tags.add('promise-withdrawn', 'security', 'pair:safeguard-dropped', r, r.partner);
    else tags.add('promise-withdrawn', 'security', 'removed:safeguard', r);
  }
}

/** Whether every removed sentence that says `k` is paired with one that says it still. */
function stillSaidByPartners(removed: Side[], k: string): boolean {
  let sayers = 0;
  for (const r of removed)
    if (r.meanings.some((x) => key(x) === k)) {
      sayers++;
      if (!r.partner?.meanings.some((x) => key(x) === k)) return false;
    }
  return sayers > 0;
}

/** Added sentences with nothing they replace: what they state that the removed side did not. */
export function additionRules(removed: Side[], added: Side[], scope: RuleScope): void {
  const { st, tags } = scope;
  // (each key's answer found once: the removed sentences are the same for every added one)
  const saidByPartners = new Map<string, boolean>();
  const stillSaid = (k: string) => {
    let said = saidByPartners.get(k);
    if (said === undefined) saidByPartners.set(k, (said = stillSaidByPartners(removed, k)));
    return said;
  };
  // (the removed sentences that state a practice limited by "only", by the practice's key, found
  // the first time an added sentence asks)
  let limited: Map<string, Side[]> | null = null;
  const limitedSayers = (k: string): Side[] => {
    if (!limited) {
      limited = new Map();
      for (const r of removed) {
        if (!r.reading.restricted || !matches(r.reading.norm, ONLY_LIMIT)) continue;
        for (const x of r.meanings) {
          const rk = key(x);
          const list = limited.get(rk);
          if (list) list.push(r);
          else limited.set(rk, [r]);
        }
      }
    }
    return limited.get(k) ?? [];
  };
  for (const a of added) {
    if (a.partner) continue;
    for (const m of a.meanings) {
      if (
        m.kind === 'rights-added'
          ? !st.sameRightSaid(a, m, st.removedRights)
          : !st.removedSaid.has(key(m)) ||
            (m.topic === null && NEW_CATEGORY.has(m.kind) && !st.reworded(a, m)) ||
            // (said before only by removed sentences whose replacements still say it: a new item
            // beside its reworded neighbour, "(d) Precise Location" after "(c) Approximate Location")
            (EXPANDING.includes(m.kind) && m.topic !== null && stillSaid(key(m)))
      ) {
        tags.add(m.kind, m.topic, `added:${m.rule}`, a);
        continue;
      }
      // the same practice stated again in other words, wider ("your approximate location when you
      // open the store finder" → "your precise location from GPS, also in the background"), or
      // without the "only" that limited it, the old sentence split in two ("… and we hand over what
      // we hold only when a Swiss court orders us to" → "… . We hand over what we hold when a court
      // in any country, or a police agency, asks"): the widening is news though the practice was
      // stated before
      if (!EXPANDING.includes(m.kind)) continue;
      const k = key(m);
      const wider =
        matches(a.reading.norm, WIDER_SCOPE) &&
        removed.find(
          (r) => !r.partner && r.meanings.some((x) => key(x) === k) && !matches(r.reading.norm, WIDER_SCOPE),
        );
      const unlimited =
        !wider &&
        !matches(a.reading.norm, ONLY_LIMIT) &&
        limitedSayers(k).find((r) => !r.partner?.meanings.some((x) => key(x) === k));
      const old = wider || unlimited;
      if (old) tags.add(m.kind, m.topic, 'pair:limit-dropped', old, a);
    }
  }
}

/**
 * Rules over the whole change: retention compared across it (when no pair compared it), and the
 * topics unpaired sentences that carry no meaning touch.
 */
export function wholeChangeRules(removed: Side[], added: Side[], tags: TagSet): void {
  // retention durations across the whole change, when no pair compared them
  if (!tags.values().some((t) => t.kind?.startsWith('retention-'))) {
    const delta = retentionAcross(removed, added);
    if (delta) tags.add(delta.kind, null, 'duration-compared', ...delta.sides);
  }

  // topics touched by unpaired sentences that carry no meaning
  const tagged = new Set(tags.values().flatMap((t) => t.citations.map((c) => c.text)));
  const topicSeen = new Set<string | null>(tags.values().map((t) => t.topic));
  for (const s of [...removed, ...added]) {
    if (s.partner || s.meanings.length || tagged.has(s.reading.text)) continue;
    for (const topic of s.reading.topics)
      if (!topicSeen.has(topic)) {
        topicSeen.add(topic);
        tags.add(null, topic, 'topic-mentioned', s);
      }
  }
}

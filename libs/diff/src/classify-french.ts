/**
 * The meaning of a change to a French document (decision 0027). Each changed sentence is read by
 * read-french.ts; a removed sentence means the opposite of what adding it would mean; a statement
 * said on both sides (a sentence reworded, a translation retouched) cancels out; what is left is
 * tagged, each tag citing its sentence and naming its rule, and the severity comes from the same
 * severity rules as in English (lexicon/severity.json). A new use or collection stated only with
 * the user's consent is at most medium, and so is a removal in a bulk rewrite (40 sentences or more
 * on both sides, or a mass removal), as in English.
 */
import { severityRank } from '@fineprint/contracts';

import {
  type ChangeTag,
  type Citation,
  type Classification,
  type DiffResult,
  type Severity,
} from './diff.types';
import {
  asKind,
  asTopic,
  bulkOf,
  byImportance,
  citation,
  kindsOf,
  MAX_CITATIONS,
  severityRuleOf,
  topicsOfChange,
} from './change-severity';
import { DEFAULT_SEVERITY, REMOVAL_OF } from './lexicon';
import {
  foldFrench,
  FRENCH_PURPOSES,
  FRENCH_SENSITIVE,
  FRENCH_SHARE_PRIORITY,
  frenchCues,
  frenchDurations,
  frenchRightKinds,
  frenchSafeguards,
  frenchTopicOf,
  type FrenchMeaning,
  type FrenchReading,
  introActs,
  readFrench,
  saysLocal,
  tableKind,
} from './read-french';
import { cellsOf, SideLines } from './side-lines';
import { answeredFrench, FRENCH_ANSWER, saysOui } from './faq-answer';

interface FrenchTag extends ChangeTag {
  optIn: boolean;
}

const key = (m: FrenchMeaning) => `${m.kind}|${m.topic ?? ''}|${m.local ? 'local' : ''}`;
const signature = (text: string) =>
  foldFrench(text)
    .replace(/\]\([^)]*\)/gu, ']')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function cite(r: FrenchReading, side: Citation['side']): Citation {
  return citation(r.question === undefined ? r.text : `${r.question} ${r.text}`, side);
}

/**
 * A right removed in a bulk rewrite that the new version names nowhere: a known loss, not a
 * sentence that may live on reworded (the same exception as in English).
 */
function rightGone(t: ChangeTag, after: string | null): boolean {
  if (t.kind !== 'rights-reduced' || after === null) return false;
  const stated = frenchRightKinds(after);
  return t.citations.some(
    (c) => c.side === 'removed' && frenchRightKinds(c.text).some((k) => !stated.includes(k)),
  );
}

export function classifyFrench(
  diff: DiffResult,
  versions: { beforeText?: string; afterText?: string } = {},
): Classification {
  const removedSigs = new Set(diff.sentences.removed.map(signature));
  const addedSigs = new Set(diff.sentences.added.map(signature));
  // (a sentence "added" that the old version already said, or "removed" that the new one still
  // says, is text a capture repeated or moved: it states nothing new)
  const before = versions.beforeText === undefined ? null : signature(versions.beforeText);
  const after = versions.afterText === undefined ? null : signature(versions.afterText);
  const distinct = (texts: string[], other: Set<string>, whole: string | null) => {
    const seen = new Set<string>();
    return texts.filter((t) => {
      const s = signature(t);
      if (other.has(s) || seen.has(s) || (whole !== null && s.length >= 20 && whole.includes(s)))
        return false;
      seen.add(s);
      return true;
    });
  };
  const removed = distinct(diff.sentences.removed, addedSigs, after).map(readFrench);
  const added = distinct(diff.sentences.added, removedSigs, before).map(readFrench);
  const linesOf = {
    removed: new SideLines(diff, 'removed', versions.afterText),
    added: new SideLines(diff, 'added', versions.afterText),
  };
  for (const [list, side] of [
    [removed, 'removed'],
    [added, 'added'],
  ] as const)
    for (const s of list) {
      answerRead(s, linesOf[side]);
      fromContext(s, linesOf[side]);
    }
  const retention = retentionPairs(removed, added, linesOf.added);
  const saidBefore = new Set(removed.flatMap((r) => r.meanings.map(key)));
  const saidAfter = new Set(added.flatMap((r) => r.meanings.map(key)));

  const tags = new Map<string, FrenchTag>();
  const tag = (
    kind: string | null,
    topic: string | null,
    rule: string,
    r: FrenchReading,
    side: 'removed' | 'added',
    optIn = false,
  ) => {
    const k = `${kind ?? ''}|${topic ?? ''}`;
    const t = tags.get(k);
    if (t) {
      if (t.citations.length < MAX_CITATIONS) t.citations.push(cite(r, side));
      t.optIn &&= optIn;
      return t;
    }
    const created: FrenchTag = {
      kind: kind === null ? null : asKind(kind),
      topic: topic === null ? null : asTopic(topic),
      rule,
      citations: [cite(r, side)],
      source: 'rule',
      score: 1,
      optIn,
    };
    tags.set(k, created);
    return created;
  };
  // (each sentence's cues, folded and matched once however many comparisons ask)
  const cues = new Map<FrenchReading, ReturnType<typeof frenchCues>>();
  const cuesOf = (r: FrenchReading) => {
    let c = cues.get(r);
    if (!c) cues.set(r, (c = frenchCues(r.text)));
    return c;
  };
  const pairs = frenchPairs(removed, added);
  for (const p of pairs) {
    const [r, a] = p;
    const cr = cuesOf(r);
    const ca = cuesOf(a);
    const aKeys = new Set(a.meanings.map(key));
    // a promise kept only "for now" ("nous ne vendrons jamais …" → "à ce jour, nous ne vendons pas …")
    if (ca.forNow && !cr.forNow)
      for (const m of r.meanings)
        if (NARROWED_KINDS.has(m.kind) && aKeys.has(key(m)))
          tag('promise-withdrawn', m.topic, 'pair:fr:promise-for-now', r, 'removed');
    // a promise narrowed to money or to a legal definition ("nous ne vendons jamais vos données, à
    // qui que ce soit" → "… pas vos données contre rémunération"): withdrawn beyond that
    if (ca.narrowedToMoney && !cr.narrowedToMoney)
      for (const m of r.meanings)
        if (NARROWED_KINDS.has(m.kind) && aKeys.has(key(m)))
          tag('promise-withdrawn', m.topic, 'pair:fr:promise-narrowed-to-money', r, 'removed');
    // a practice limited where it was not ("en continu, y compris en arrière-plan" → "uniquement
    // lorsque l'application est ouverte"): the practice narrowed
    if (ca.only && !cr.only)
      for (const m of a.meanings) {
        const less = REMOVAL_OF[m.kind];
        if (EXPANDING_KINDS.has(m.kind) && less && r.meanings.some((x) => key(x) === key(m)))
          tag(less, m.topic, 'pair:fr:scope-narrowed', r, 'removed');
      }
    // a commitment, or a right, hedged or made to hold only where the law requires it
    if ((cr.commitment && !ca.commitment) || (ca.legalCondition && !cr.legalCondition)) {
      const right = r.meanings.find((m) => m.kind === 'rights-added');
      if (right) tag('rights-reduced', right.topic, 'pair:fr:right-made-conditional', r, 'removed');
      else if (cr.commitment)
        tag(
          'promise-withdrawn',
          frenchTopicOf(r.text) ?? r.topics[0] ?? null,
          'pair:fr:commitment-hedged',
          r,
          'removed',
        );
      else continue;
      const t = [...tags.values()].at(-1);
      if (t && t.citations.length < MAX_CITATIONS) t.citations.push(cite(a, 'added'));
    }
  }
  // a safeguard stated before (a breach notice, encryption) that the new version no longer states
  const safeguardsAfter =
    versions.afterText === undefined ? null : new Set(frenchSafeguards(versions.afterText));
  if (safeguardsAfter)
    for (const r of removed)
      if (frenchSafeguards(r.text).some((g) => !safeguardsAfter.has(g)))
        tag('promise-withdrawn', 'security', 'removed:fr:safeguard', r, 'removed');
  // a right named in a list of rights that the new list leaves out ("… d'opposition et de
  // portabilité" → "… et d'opposition")
  const rightsAfter = new Set(
    added.flatMap((a) =>
      // (not a right said not to apply: "le droit à la portabilité ne s'applique pas …")
      a.meanings.some((m) => m.kind === 'rights-added') && !RIGHT_DENIED.test(foldFrench(a.text))
        ? frenchRightKinds(a.text)
        : [],
    ),
  );
  for (const [r, a] of pairs) {
    if (
      !r.meanings.some((m) => m.kind === 'rights-added') ||
      !a.meanings.some((m) => m.kind === 'rights-added')
    )
      continue;
    const lost = frenchRightKinds(r.text).filter((k) => !rightsAfter.has(k));
    if (lost.length) {
      tag(
        'rights-reduced',
        lost.includes('erase') ? 'deletion' : null,
        'pair:fr:right-dropped',
        r,
        'removed',
      );
      const t = [...tags.values()].at(-1);
      if (t && t.citations.length < MAX_CITATIONS) t.citations.push(cite(a, 'added'));
    }
  }
  for (const p of retention) {
    tag(p.kind, 'retention', 'pair:fr:duration-compared', p.removed, 'removed');
    tag(p.kind, 'retention', 'pair:fr:duration-compared', p.added, 'added');
  }
  for (const r of removed)
    for (const m of r.meanings)
      if (
        // (a practice removed with the objection it allowed: the practice left, not the choice)
        !(m.rule === 'fr:unless-you-object' && r.meanings.some((x) => x.kind !== 'opt-out-added')) &&
        !saidAfter.has(key(m))
      )
        tag(REMOVAL_OF[m.kind] ?? m.kind, m.topic, `removed:${m.rule}`, r, 'removed');
  // a limit dropped ("ne transmet … que sur réquisition" → "… sur simple demande"): the same
  // practice, every removed statement of it limited, the new one not
  const limitedBefore = (m: FrenchMeaning) => {
    const said = removed.filter((r) => r.meanings.some((x) => key(x) === key(m)));
    return said.length > 0 && said.every((r) => cuesOf(r).only);
  };
  for (const a of added)
    for (const m of a.meanings)
      if (saidBefore.has(key(m)) && EXPANDING_KINDS.has(m.kind) && !cuesOf(a).only && limitedBefore(m))
        tag(m.kind, m.topic, 'added:fr:limit-dropped', a, 'added');
  for (const a of added)
    for (const m of a.meanings)
      if (!saidBefore.has(key(m))) tag(m.kind, m.topic, `added:${m.rule}`, a, 'added', m.optIn);
  // topics named by changed sentences that state nothing the reader tells
  const topicSeen = new Set([...tags.values()].map((t) => t.topic as string | null));
  for (const [list, side] of [
    [removed, 'removed'],
    [added, 'added'],
  ] as const)
    for (const s of list) {
      if (s.meanings.length) continue;
      for (const topic of s.topics)
        if (!topicSeen.has(topic)) {
          topicSeen.add(topic);
          tag(null, topic, 'fr:topic-mentioned', s, side);
        }
    }

  const list = [...tags.values()].sort(byImportance);
  const { bulk } = bulkOf(removed.length, added.length);
  let severity: Severity = DEFAULT_SEVERITY.severity;
  let severityRule = `${DEFAULT_SEVERITY.name} (read in French)`;
  const out: ChangeTag[] = [];
  for (const { optIn, ...t } of list) {
    const rule = severityRuleOf(t);
    const cap =
      rule?.severity !== 'high'
        ? null
        : bulk && t.rule.startsWith('removed:') && !rightGone(t, after)
          ? 'bulk rewrite: a removal is at most medium'
          : optIn && (t.kind === 'new-data-use' || t.kind === 'new-data-collected')
            ? "only with the user's consent: at most medium"
            : null;
    t.severity = cap ? 'medium' : (rule?.severity ?? DEFAULT_SEVERITY.severity);
    t.severityRule = cap && rule ? `${rule.name} (${cap})` : (rule?.name ?? DEFAULT_SEVERITY.name);
    if (severityRank(t.severity) > severityRank(severity)) {
      severity = t.severity;
      severityRule = t.severityRule;
    }
    out.push(t);
  }
  const topicsOfText = new Map([...removed, ...added].map((r) => [r.text, r.topics]));
  return {
    severity,
    severityRule,
    cosmetic: false,
    tags: out,
    topics: topicsOfChange(out, topicsOfText),
    kinds: kindsOf(out),
  };
}

/**
 * What a sentence takes from the lines around it: a choice with no topic of its own takes its
 * section's (and whether the section speaks of keeping data on the device); a list item that
 * names sensitive data under "Nous collectons :" is collected, one that names a recipient under
 * "Nous communiquons vos données :" is shared; a row added to a cookie table is tracking.
 */
/**
 * An FAQ's bare « Oui » or « Non » read through its question (« Vendez-vous mes données ? » /
 * « Non. » says « nous ne vendons pas vos données »), with what follows it, or alone where that
 * reads as nothing; the question is cited with the answer.
 */
function answerRead(s: FrenchReading, lines: SideLines): void {
  const m = FRENCH_ANSWER.exec(s.text);
  if (!m) return;
  const question = lines.questionBefore(s.text);
  const statement = question === null ? null : answeredFrench(question, saysOui(m[1] as string));
  if (statement === null) return;
  const rest = s.text.slice(m[0].length).trim();
  let answer = readFrench(rest ? `${statement} ${rest}` : statement);
  if (answer.meanings.length === 0 && rest) answer = readFrench(statement);
  s.meanings = answer.meanings;
  s.topics = answer.topics;
  s.question = (question as string).trim();
}

function fromContext(s: FrenchReading, lines: SideLines): void {
  for (const m of s.meanings)
    if (m.kind === 'opt-out-added' || m.kind === 'opt-out-removed') {
      if (m.topic !== null) continue;
      // (an unnamed choice, "activez ce paramètre", is about what its section names)
      const section = lines.sectionLines(s.text);
      m.topic = frenchTopicOf(section.join(' '));
      if (!m.local && m.topic === 'voice-recordings') m.local = section.some(saysLocal);
    }
  if (s.meanings.some((m) => m.rule !== 'fr:if-you-turn-on')) return;
  const intro = lines.listIntro(s.text);
  if (intro !== null) {
    const acts = introActs(intro);
    const sensitive = frenchTopicOf(s.text, (t) => FRENCH_SENSITIVE.has(t));
    if (acts.collects && sensitive) {
      s.meanings.push({
        kind: 'new-data-collected',
        topic: sensitive,
        rule: 'fr:list-item-of-collection',
        optIn: false,
      });
      return;
    }
    const recipient = frenchTopicOf(s.text, (t) => FRENCH_SHARE_PRIORITY.includes(t), FRENCH_SHARE_PRIORITY);
    if (acts.shares && recipient) {
      s.meanings.push({
        kind: 'sharing-expanded',
        topic: recipient,
        rule: 'fr:list-item-of-sharing',
        optIn: false,
      });
      return;
    }
    // a purpose under "… servent à :": a use for what the item names (ads, marketing, training),
    // or, for a purpose stated as a verb, a use of the sensitive data the introduction names
    // ("vos données de santé pour : réaliser des études internes …")
    const purpose = frenchTopicOf(s.text, (t) => FRENCH_PURPOSES.has(t));
    const data =
      purpose ?? (PURPOSE_ITEM.test(s.text) ? frenchTopicOf(intro, (t) => FRENCH_SENSITIVE.has(t)) : null);
    if (acts.uses && data && cellsOf(s.text).length < 2) {
      s.meanings.push({ kind: 'new-data-use', topic: data, rule: 'fr:list-item-of-use', optIn: false });
      return;
    }
  }
  const header = lines.tableHeader(s.text);
  if (header && tableKind(header) === 'cookies' && cellsOf(s.text).length >= 2)
    s.meanings.push({
      kind: 'tracking-added',
      topic: 'cookies-tracking',
      rule: 'fr:cookie-table-row',
      optIn: false,
    });
  // a row of a table of processing ("| Donnée | Source | Utilisation |", "| Finalité | Base légale
  // |") that names sensitive data: that data collected, or put to the row's purpose (not a table
  // of periods, whose rows say how long)
  else if (header && s.meanings.length === 0 && cellsOf(s.text).length >= 2) {
    const first = foldFrench(header[0] ?? '');
    const sensitive = frenchTopicOf(s.text, (t) => FRENCH_SENSITIVE.has(t));
    if (sensitive && DATA_COLUMN.test(first) && tableKind(header) === null)
      s.meanings.push({
        kind: 'new-data-collected',
        topic: sensitive,
        rule: 'fr:data-table-row',
        optIn: false,
      });
    else if (sensitive && PURPOSE_COLUMN.test(first))
      s.meanings.push({ kind: 'new-data-use', topic: sensitive, rule: 'fr:purpose-table-row', optIn: false });
  }
}
/** A table's first column of data ("Donnée", "Catégorie de données", "Informations"). */
const DATA_COLUMN = /^\W*(donnees?|categories?( de donnees)?|informations?|types? de donnees)\b/u;
/** A table's first column of purposes or processing ("Finalité", "Traitement", "Utilisation"). */
const PURPOSE_COLUMN = /^\W*(finalites?|traitements?|utilisations?|usages?|objectifs?)\b/u;

/** A list item that states a purpose with a verb ("réaliser des études …", "choisir les publicités …"). */
const PURPOSE_ITEM = /^\W*\p{Ll}+(er|ir|re)\b/u;

/** A right said not to apply or not to exist. */
const RIGHT_DENIED = /\b(ne|n')\b[^.;]{0,60}\b(pas|plus|jamais)\b/u;

/** Numbers and periods out of a sentence: what is left when only a period changed. */
const withoutPeriods = (text: string) =>
  signature(text)
    .replace(
      /\b(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|soixante|cent)\b/gu,
      '#',
    )
    .replace(/\b(jours?|semaines?|mois|ans?|annees?)\b/gu, '');

/**
 * A sentence that says the same before and after but for its period, about keeping data (its
 * words, or its table's header, say so): retention lengthened or shortened.
 */
function retentionPairs(
  removed: FrenchReading[],
  added: FrenchReading[],
  lines: SideLines,
): { kind: string; removed: FrenchReading; added: FrenchReading }[] {
  const out: { kind: string; removed: FrenchReading; added: FrenchReading }[] = [];
  const byShape = new Map<string, FrenchReading>();
  for (const r of removed) if (frenchDurations(r.text).length) byShape.set(withoutPeriods(r.text), r);
  for (const a of added) {
    const after = frenchDurations(a.text);
    if (!after.length) continue;
    const r = byShape.get(withoutPeriods(a.text));
    if (!r) continue;
    const header = lines.tableHeader(a.text);
    // (a line of a list introduced as retention periods, "Les durées applicables sont les
    // suivantes :", is one)
    const intro = lines.listIntro(a.text);
    if (
      !r.topics.includes('retention') &&
      !a.topics.includes('retention') &&
      !(header && tableKind(header) === 'retention') &&
      !(intro !== null && frenchTopicOf(intro, undefined, ['retention']) === 'retention')
    )
      continue;
    const was = Math.max(...frenchDurations(r.text));
    const now = Math.max(...after);
    if (now !== was)
      out.push({ kind: now > was ? 'retention-lengthened' : 'retention-shortened', removed: r, added: a });
  }
  return out;
}

const NARROWED_KINDS = new Set([
  'data-use-narrowed',
  'data-collection-reduced',
  'sharing-narrowed',
  'tracking-removed',
]);
const EXPANDING_KINDS = new Set(['new-data-use', 'new-data-collected', 'sharing-expanded', 'tracking-added']);
const wordsOf = (text: string) =>
  new Set(
    foldFrench(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );

/**
 * Removed and added sentences paired by the words they share (at least half of the shorter
 * one's words of four letters or more), each at most once, the closest first. Past 200 sentences
 * on a side a change is a rewrite and no pair is sought.
 */
function frenchPairs(removed: FrenchReading[], added: FrenchReading[]): [FrenchReading, FrenchReading][] {
  if (removed.length > 200 || added.length > 200) return [];
  const rw = removed.map((r) => wordsOf(r.text));
  const aw = added.map((a) => wordsOf(a.text));
  const scored: [number, number, number][] = [];
  rw.forEach((r, i) =>
    aw.forEach((a, j) => {
      let n = 0;
      for (const w of r) if (a.has(w)) n++;
      const share = n / Math.max(1, Math.min(r.size, a.size));
      if (share >= 0.5) scored.push([share, i, j]);
    }),
  );
  scored.sort((x, y) => y[0] - x[0]);
  const usedR = new Set<number>();
  const usedA = new Set<number>();
  const out: [FrenchReading, FrenchReading][] = [];
  for (const [, i, j] of scored) {
    if (usedR.has(i) || usedA.has(j)) continue;
    usedR.add(i);
    usedA.add(j);
    out.push([removed[i] as FrenchReading, added[j] as FrenchReading]);
  }
  return out;
}

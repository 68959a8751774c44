/**
 * A reading of French privacy clauses (decision 0027): smaller than the English reader, but with the
 * same vocabulary. Each sentence is folded (lower case, no accents), cut into clauses at ";", ":"
 * and before "mais" / "sauf", and read for who acts (the service, the user, a third party), what
 * it does with data (collects, uses, develops AI with, shares, sells, tracks), whether that is
 * negated ("ne … pas / jamais / plus", "pas pour …"), and which topics it names. Choices ("vous
 * pouvez désactiver …", a setting named "Ne pas envoyer …") and rights ("droit d'opposition",
 * "réclamation auprès de la CNIL") are read first. The meaning is given as if the sentence were
 * added; the change classifier (classify-french.ts) turns a removed sentence's meaning around.
 */
import { DATA_TOPICS } from './clause-meaning';
import french from './lexicon/french.json';

export interface FrenchMeaning {
  /** The kind the sentence means when it is added. */
  kind: string;
  topic: string | null;
  /** The rule that decided it (shown to readers with the cited sentence). */
  rule: string;
  /** The practice is stated as done only with the user's consent. */
  optIn: boolean;
  /** A choice to keep data on the device ("localement", "Ne pas envoyer …"). */
  local?: boolean;
}

export interface FrenchReading {
  text: string;
  /** The question a bare « Oui » or « Non » answers, cited with it (classify-french.ts). */
  question?: string;
  topics: string[];
  meanings: FrenchMeaning[];
}

const u = (p: string) => new RegExp(p, 'u');

const TOPIC_PATTERNS: [string, RegExp][] = Object.entries(french.topics).map(([topic, ps]) => [
  topic,
  u(ps.map((p) => `(?:${p})`).join('|')),
]);
const ACT = {
  collect: u(french.acts.collect),
  use: u(french.acts.use),
  develop: u(french.acts.develop),
  share: u(french.acts.share),
  sell: u(french.acts.sell),
  place: u(french.acts.place),
  track: u(french.acts.track),
};
type Act = keyof typeof ACT;
const CUE = Object.fromEntries(Object.entries(french.cues).map(([k, p]) => [k, u(p)])) as Record<
  keyof typeof french.cues,
  RegExp
>;

/** Recipients said to receive the data ("… qui reçoivent vos données"). */
const THEY_RECEIVE =
  /\b(qui |lesquels )?(recoivent|recevront|recoit|recevra|ont acces a|auront acces a|obtiennent|accedent a) (vos|les|leurs|ces|certaines) (donnees|informations)\b/u;

/** Deletion denied, in the passive or to the user ("ne peuvent plus être supprimés", "vous ne pouvez pas effacer"). */
const DELETION_DENIED_FR =
  /\bne (peuvent|peut|pourront|pourra) (plus|pas|jamais) (\w+ )?(etre )?(supprime|efface|retire)\w*|\b(vous|tu) ne (pouvez|pourrez|peux) (plus|pas) (\w+ )?(supprimer|effacer)\b|\b(impossible|pas possible) (de|d') (supprimer|effacer)\b/u;

/** Topics a choice or a practice is said to be about, the most telling first. */
const PRIORITY = [
  'voice-recordings',
  'ai-training',
  'biometrics',
  'health',
  'children',
  'communications-content',
  'location',
  'human-review',
  'financial',
  'advertising',
  'cookies-tracking',
  'marketing',
];
/** Data whose collection or use is news by itself (the English reader's data topics). */
const SENSITIVE = new Set(DATA_TOPICS);
/** Purposes whose use is news (a use for "the running of our services" is not). */
const PURPOSES = new Set(['ai-training', 'advertising', 'marketing']);
const SHARE_PRIORITY = [
  'law-enforcement',
  'business-transfer',
  'sale-of-data',
  'international-transfer',
  ...PRIORITY.filter((t) => SENSITIVE.has(t)),
  'service-providers',
  'third-party-sharing',
];
const NARROWED: Record<string, string> = {
  'new-data-use': 'data-use-narrowed',
  'new-data-collected': 'data-collection-reduced',
  'sharing-expanded': 'sharing-narrowed',
  'tracking-added': 'tracking-removed',
};
/** Text that names a user's act, not the service's: "vous pouvez partager", "que vous publiez". */
const USER_BEFORE =
  /\b(?:vous|tu|veuillez)\s+(?:(?:pouvez|choisissez de|decidez de|souhaitez|voulez|avez|nous)\s+)?$/u;
const SERVICE_OBJECT_BEFORE = /\bnous\s+vous\s+$/u;
const SHARE_NOT = /\bcommuniqu\w* avec\b|\bvous communiquer\b|\bpartagee?s? avec nous\b/gu;
/** "L'utilisation du service": the user's use of the service, not a use of data. */
const USE_NOT =
  /\butilisation (du|de nos|de notre|des|de l'|de la|de votre|de vos) ?(services?|sites?|applications?|produits?|plateformes?|fonctionnalites?|appareils?)\b/gu;
const ESSENTIAL = /\b(strictement )?necessaires?\b|\bessentiels?\b|\bindispensables?\b/u;
const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/gu;
const QUESTION = /\?|^\W*(comment|pourquoi|combien|quel(le)?s?|qu'est-ce|que faisons|ou)\b/u;
const STAYS =
  /\b(hebergees?|stockees?|conservees?) (exclusivement|uniquement|seulement) (en|dans)\b|\bquitt\w* jamais (le territoire|l'union europeenne|l'ue|l'europe|la france)\b/u;
const CLAUSES = /;|:|,(?=\s*(?:mais|sauf|hormis|excepte|a l'exception)\b)/u;

/** French text as the lexicon's patterns read it: lower case, no accents, straight apostrophes. */
export function foldFrench(text: string): string {
  return text
    .replace(/[œŒ]/gu, 'oe')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/\s+/gu, ' ');
}

function topicsIn(folded: string): string[] {
  const out: string[] = [];
  for (const [topic, re] of TOPIC_PATTERNS) if (re.test(folded)) out.push(topic);
  return out;
}

const first = (topics: string[], order: string[]) => order.find((t) => topics.includes(t)) ?? null;

/** Whether the clause does `act` itself (not "vous pouvez partager …"). */
function serviceDoes(clause: string, act: Act): boolean {
  const re = new RegExp(ACT[act].source, 'gu');
  const text =
    act === 'share' ? clause.replace(SHARE_NOT, ' ') : act === 'use' ? clause.replace(USE_NOT, ' ') : clause;
  for (const m of text.matchAll(re)) {
    // (a verb in the second person plural, "utilisez", is an instruction to the user)
    if (/ez$/u.test(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!USER_BEFORE.test(before) || SERVICE_OBJECT_BEFORE.test(before)) return true;
  }
  return false;
}

/** Whether the clause is negated by the service ("nous ne vendons pas"), not by the user ("si vous ne souhaitez pas"). */
function negated(clause: string): boolean {
  // (each negation in turn: "nous n'affichons aucune publicité et nous n'utilisons jamais …" is
  // negated by the second, which bears on an act)
  const all = new RegExp(CUE.negation.source, 'gu');
  for (const m of clause.matchAll(all)) {
    // (the user's own negation, "si vous ne souhaitez pas", or a relative clause's, "un identifiant
    // qui ne peut pas …")
    if (/\b(?:vous|tu|qui)\s*$/u.test(clause.slice(Math.max(0, m.index - 12), m.index))) return false;
    // ("… mais pas pour vous montrer des publicités": the purpose ruled out)
    if (!/^\W*(?:ne|n')/u.test(m[0])) return true;
    // the negation bears on an act of the clause: the verb inside it or just after it ("ne vendons
    // pas", "ne sont jamais partagées"), not a relative clause's ("des données qui ne permettent pas
    // de vous identifier")
    const span = clause.slice(m.index, m.index + m[0].length + 30);
    if ((Object.keys(ACT) as Act[]).some((a) => ACT[a].test(span))) return true;
  }
  // an act named as a noun and ruled out by its predicate ("toute revente de vos données est
  // exclue", "… est strictement interdite"), not a prohibition laid on someone ("il est interdit
  // aux utilisateurs de …")
  return RULED_OUT.test(clause);
}
const RULED_OUT =
  /\b(?:est|sont|reste|restent|demeure|demeurent|sera|seront) (?:strictement |formellement |totalement |expressement |absolument )?(?:exclue?s?|interdite?s?|proscrite?s?|prohibee?s?|bannie?s?)\b(?!\s*(?:de|d'|aux?|a)\b)/u;

const SWITCH = '(?:active?e?s?|desactive?e?s?|on|off|oui|non|marche|arret)';
/** A setting's label and its two positions ("Historique de visionnage — activé / désactivé"). */
const TOGGLE = new RegExp(
  `^\\W*([^—–:|]{3,80}?)\\s*[—–:|-]\\s*${SWITCH}\\s*(?:/|ou|\\|)\\s*${SWITCH}\\b`,
  'u',
);
/** A label naming a category of cookies or trackers. */
const COOKIE_LABEL = /\b(cookies?|traceurs?|pixels?|balises?)\b/u;

/** Read one French sentence. */
export function readFrench(text: string): FrenchReading {
  const folded = foldFrench(text);
  const topics = topicsIn(folded);
  const words = folded.split(/[^\p{L}']+/u).filter(Boolean).length;
  if (words < 4) return { text, topics, meanings: [] };
  const optIn = CUE.consent.test(folded) && !CUE.withoutConsent.test(folded);
  const meaning = (kind: string, topic: string | null, rule: string): FrenchMeaning => ({
    kind,
    topic,
    rule: `fr:${rule}`,
    optIn,
  });

  const local = CUE.local.test(folded);
  const choiceTopic = () => first(topics, PRIORITY);
  // a right waived: disputes sent to arbitration, class actions renounced
  if (CUE.waiver.test(folded))
    return { text, topics, meanings: [meaning('rights-reduced', 'arbitration', 'waiver')] };
  // deletion denied ("les enregistrements plus anciens ne peuvent plus être supprimés"): the right
  // to delete that data reduced
  if (DELETION_DENIED_FR.test(folded))
    return { text, topics, meanings: [meaning('rights-reduced', 'deletion', 'deletion-denied')] };
  // a right stated ("vous disposez d'un droit d'opposition", "une réclamation auprès de la CNIL",
  // "vous pouvez supprimer votre compte")
  if (CUE.right.test(folded))
    return {
      text,
      topics,
      meanings: [
        meaning(
          'rights-added',
          CUE.deletionRight.test(folded) || /\b(supprim|effac)\w*/u.test(folded)
            ? 'deletion'
            : first(topics, PRIORITY),
          'right',
        ),
      ],
    };
  // a setting's line with its switch ("Publicités personnalisées — activé / désactivé"): a choice
  // about what its label names, or, for a category of cookies, those cookies themselves
  const toggle = TOGGLE.exec(folded);
  if (toggle) {
    const label = toggle[1] as string;
    return {
      text,
      topics,
      meanings: [
        COOKIE_LABEL.test(label)
          ? meaning('tracking-added', 'cookies-tracking', 'cookie-category')
          : {
              ...meaning('opt-out-added', first(topicsIn(label), PRIORITY) ?? choiceTopic(), 'toggle'),
              local,
            },
      ],
    };
  }
  // (a sentence that opens by offering the choice, "Vous pouvez activer le « Mode discret » : la
  // position n'est plus envoyée", says what the choice does, not that one is gone)
  if (/^\W*(vous pouvez|il vous est possible de)\b/u.test(folded) && CUE.choice.test(folded))
    return { text, topics, meanings: [{ ...meaning('opt-out-added', choiceTopic(), 'choice'), local }] };
  // a choice said to be gone or refused ("vous ne pouvez plus désactiver …", "l'option … a été retirée")
  if (CUE.choiceDenied.test(folded))
    return {
      text,
      topics,
      meanings: [{ ...meaning('opt-out-removed', choiceTopic(), 'choice-denied'), local }],
    };
  // a choice offered, or a setting named by what it withholds ("Ne pas envoyer …")
  if (CUE.choice.test(folded))
    return { text, topics, meanings: [{ ...meaning('opt-out-added', choiceTopic(), 'choice'), local }] };

  // a title ("Transferts de données transfrontaliers", "Modalités de partage des données") names
  // what a section is about; it states no practice
  if (words <= 8 && !/[.!;:]\s*$/u.test(folded.trim())) return { text, topics, meanings: [] };
  const out: FrenchMeaning[] = [];
  const add = (m: FrenchMeaning) => {
    if (!out.some((x) => x.kind === m.kind && x.topic === m.topic)) out.push(m);
  };
  // ("sauf opposition de votre part, …": the practice, and a choice to object to it)
  if (CUE.unlessObject.test(folded)) add(meaning('opt-out-added', choiceTopic(), 'unless-you-object'));
  // ("si vous activez ce paramètre, …": a choice, and what it does)
  if (CUE.conditionalChoice.test(folded))
    add({ ...meaning('opt-out-added', choiceTopic(), 'if-you-turn-on'), local });
  // (data kept in one country, "ne quittent jamais le territoire": a limit on transfers)
  if (STAYS.test(folded) && !/\bprincipalement\b/u.test(folded))
    add(meaning('sharing-narrowed', 'international-transfer', 'kept-in-country'));
  let inherited: Act[] = [];
  // (a name in quotes, « Comment partageons-nous … ? », is a section or a setting named, and a
  // question asks what the text will answer: neither states a practice)
  for (const clause of folded.replace(QUOTED, ' ').split(CLAUSES)) {
    if (QUESTION.test(clause)) continue;
    const t = topicsIn(clause);
    let acts = (Object.keys(ACT) as Act[]).filter((a) => serviceDoes(clause, a));
    // ("…, mais pas pour vous montrer des publicités": the act is the previous clause's)
    if (acts.length === 0) acts = inherited;
    else inherited = acts;
    if (acts.length === 0) continue;
    const neg = negated(clause);
    const said = (kind: string, topic: string | null, rule: string) =>
      add(meaning(neg ? (NARROWED[kind] ?? kind) : kind, topic, neg ? `no-${rule}` : rule));
    // recipients that receive the data ("nos partenaires …, qui reçoivent vos données de
    // remboursement"): sharing with them
    if (acts.includes('share') && THEY_RECEIVE.test(clause)) {
      said('sharing-expanded', first(t, SHARE_PRIORITY) ?? 'third-party-sharing', 'recipients-receive');
      continue;
    }
    // a third party acting on the service's pages: tracking, when the clause names its means
    if (CUE.thirdPartySubject.test(clause)) {
      if (t.includes('cookies-tracking') || (acts.includes('track') && CUE.trackContext.test(clause)))
        said('tracking-added', 'cookies-tracking', 'third-party-tracking');
      continue;
    }
    if (
      acts.includes('sell') &&
      !CUE.notSale.test(clause) &&
      (t.includes('sale-of-data') || t.includes('business-transfer'))
    )
      said(
        'sharing-expanded',
        t.includes('business-transfer') ? 'business-transfer' : 'sale-of-data',
        'sale',
      );
    else if (acts.includes('share')) {
      // (a sharing with no recipient or data named, "nous partageons des informations", is not told)
      const topic = CUE.advertisers.test(clause) ? 'advertising' : first(t, SHARE_PRIORITY);
      if (topic) said('sharing-expanded', topic, 'sharing');
    }
    if (
      (acts.includes('track') && CUE.trackContext.test(clause) && !CUE.trackOnly.test(clause)) ||
      (acts.includes('place') && t.includes('cookies-tracking') && !ESSENTIAL.test(clause))
    )
      said('tracking-added', 'cookies-tracking', 'tracking');
    // (a location followed, "nous ne suivons jamais votre position", is a location collected)
    if (acts.includes('track') && t.includes('location'))
      said('new-data-collected', 'location', 'location-tracked');
    if ((acts.includes('use') || acts.includes('develop')) && t.includes('ai-training'))
      said('new-data-use', 'ai-training', 'ai-use');
    else if (acts.includes('use')) {
      const topic = first(
        t.filter((x) => SENSITIVE.has(x) || PURPOSES.has(x)),
        PRIORITY,
      );
      if (topic) said('new-data-use', topic, 'use');
    }
    if (acts.includes('collect')) {
      const topic = first(
        t.filter((x) => SENSITIVE.has(x)),
        PRIORITY,
      );
      if (topic) said('new-data-collected', topic, 'collection');
    }
  }
  // a biometric template made from the user's face or voice ("… à partir de laquelle nous
  // calculons un gabarit biométrique"): biometric data collected, whatever verb makes it
  if (
    topics.includes('biometrics') &&
    BIOMETRIC_MADE.test(folded) &&
    !out.some((m) => m.kind === 'new-data-collected' && m.topic === 'biometrics') &&
    !CUE.negation.test(folded)
  )
    out.push(meaning('new-data-collected', 'biometrics', 'biometric-template'));
  return { text, topics, meanings: out };
}
/** A biometric template or print made ("nous calculons un gabarit biométrique", "créer une empreinte vocale"). */
const BIOMETRIC_MADE =
  /\b(calcul|cre|gener|extra|deriv|etabl|constitu|produi)\w* (\w+ ){0,2}(gabarits?|modeles?|empreintes?|signatures?|representations?) (\w+ ){0,1}(biometriques?|faciales?|vocales?|du visage|de (votre|la) voix)\b/u;

const UNIT_DAYS: Record<string, number> = french.durations;
/** Numbers written as words, as periods are ("trois ans", "six mois"). */
const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  'dix-huit': 18,
  vingt: 20,
  'vingt-quatre': 24,
  trente: 30,
  soixante: 60,
  'quatre-vingt-dix': 90,
  cent: 100,
};
const DURATION = new RegExp(
  `(?<![\\p{L}-])(\\d+|${Object.keys(NUMBER_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s*(${Object.keys(UNIT_DAYS).join('|')})\\b`,
  'gu',
);

/** The periods a French sentence names, in days ("12 mois" → 360, "trois ans" → 1095). */
export function frenchDurations(text: string): number[] {
  return [...foldFrench(text).matchAll(DURATION)].map(
    (m) => (NUMBER_WORDS[m[1] as string] ?? Number(m[1])) * (UNIT_DAYS[m[2] as string] ?? 0),
  );
}

/** What the service does in a line that introduces a list ("Nous collectons :", "Nous communiquons vos données :"). */
export function introActs(text: string): { collects: boolean; shares: boolean; uses: boolean } {
  const folded = foldFrench(text);
  const uses = serviceDoes(folded, 'use');
  return {
    // ("… que vous nous fournissez", "au moment du paiement, nous vous demandons :")
    collects: serviceDoes(folded, 'collect') || uses || ASKED_OF_YOU.test(folded),
    // ("nous faisons appel à des prestataires … :")
    shares: serviceDoes(folded, 'share') || serviceDoes(folded, 'sell') || CALLS_ON.test(folded),
    uses: uses || serviceDoes(folded, 'develop'),
  };
}
/** Data the user is asked for, or gives. */
const ASKED_OF_YOU =
  /\bque vous nous (fournissez|communiquez|transmettez|donnez|indiquez)\b|\bnous vous (demandons|demanderons)\b|\bvous (devez|devrez) (nous )?(fournir|communiquer|transmettre|indiquer)\b/u;
/** Others the service calls on to process data for it. */
const CALLS_ON = /\b(faisons appel|recourons|avons recours|faire appel) a\b|\bconfions\b/u;

/** The topics of French text, most telling first among those a choice or a practice is about. */
export function frenchTopicOf(
  text: string,
  only?: (topic: string) => boolean,
  order = PRIORITY,
): string | null {
  const topics = topicsIn(foldFrench(text));
  return first(only ? topics.filter(only) : topics, order);
}

/** Whether French text speaks of keeping data on the device. */
export function saysLocal(text: string): boolean {
  return CUE.local.test(foldFrench(text));
}

/** Whether a French table header is a cookie table's, or a retention table's. */
export function tableKind(header: string[]): 'cookies' | 'retention' | null {
  const folded = foldFrench(header.join(' | '));
  return CUE.cookieTable.test(folded) ? 'cookies' : CUE.retentionTable.test(folded) ? 'retention' : null;
}

export {
  PURPOSES as FRENCH_PURPOSES,
  SENSITIVE as FRENCH_SENSITIVE,
  SHARE_PRIORITY as FRENCH_SHARE_PRIORITY,
};

/** The safeguards a French text states: a breach notice, encryption ("chiffrées", "de bout en bout"). */
export function frenchSafeguards(text: string): string[] {
  const folded = foldFrench(text);
  const out: string[] = [];
  if (CUE.safeguardBreach.test(folded)) out.push('breach-notice');
  if (CUE.safeguardEncryption.test(folded)) out.push('encryption');
  // (a safeguard the sentence rules out is none: "vos messages ne sont pas chiffrés")
  return out.length && negated(folded) && !/\bnous nous engageons\b/u.test(folded) ? [] : out;
}

/** The rights French text names, each by a pattern on the folded text. */
const RIGHT_KINDS: [string, RegExp][] = [
  ['access', /\bdroits? d'acces\b|\bacceder a vos (donnees|informations)\b/u],
  ['rectify', /\brectifi\w*/u],
  ['erase', /\beffacement\b|\bdroit (a l'oubli|de suppression)\b/u],
  ['port', /\bportabilite\b/u],
  ['object', /\bopposition\b|\bvous opposer\b/u],
  ['restrict', /\blimitation\b|\blimiter le traitement\b/u],
  ['withdraw', /\bretirer (votre|son|leur) consentement\b/u],
  ['complain', /\b(plainte|reclamation)\b/u],
];

/** The rights French text names (accès, rectification, effacement …). */
export function frenchRightKinds(text: string): string[] {
  const folded = foldFrench(text);
  return RIGHT_KINDS.filter(([, re]) => re.test(folded)).map(([kind]) => kind);
}

/** The cues a pair of French sentences is compared on (classify-french.ts). */
export function frenchCues(text: string): {
  forNow: boolean;
  only: boolean;
  commitment: boolean;
  legalCondition: boolean;
  narrowedToMoney: boolean;
} {
  const folded = foldFrench(text);
  return {
    forNow: CUE.forNow.test(folded),
    only: CUE.only.test(folded),
    commitment: CUE.commitment.test(folded),
    legalCondition: CUE.legalCondition.test(folded),
    narrowedToMoney: CUE.narrowedToMoney.test(folded),
  };
}

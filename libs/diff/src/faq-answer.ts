/**
 * An FAQ's bare yes or no ("Do you sell my data?" / "No. …") says what it says through its
 * question: `answered` turns the question into the statement the answer makes, in the service's
 * voice ("We do not sell your data."), so the clause reader can read it. Pure; English only.
 */

/** An answer that opens with yes or no ("Yes.", "No, …", "Nope!", "Not yet."). */
export const ANSWER =
  /^\W*(yes|yep|yeah|yup|sure|absolutely|of course|definitely|no|nope|never|not (?:yet|currently|at the moment|anymore|any more|any longer))\b[.!,:;—–-]*\s*/iu;
const YES = /^(yes|yep|yeah|yup|sure|absolutely|of course|definitely)$/iu;

/** Whether an ANSWER match says yes. */
export function saysYes(answer: string): boolean {
  return YES.test(answer.trim());
}

const DO = new Set(['do', 'does', 'did']);
const MODAL = new Set(['can', 'could', 'may', 'might', 'will', 'would', 'should', 'shall', 'must']);
const BE = new Set(['is', 'are', 'was', 'were', 'has', 'have']);
const PRONOUN = new Set([
  'i',
  'you',
  'we',
  'they',
  'it',
  'he',
  'she',
  'anyone',
  'anybody',
  'someone',
  'somebody',
]);
const DETERMINER = new Set([
  'my',
  'your',
  'our',
  'their',
  'the',
  'this',
  'that',
  'these',
  'those',
  'a',
  'an',
  'any',
  'its',
  'his',
  'her',
]);
/** Words that end a subject after "is/are …": a participle or an adjective a policy uses of data. */
const PREDICATE =
  /^(\w+ed|\w+en|sold|kept|sent|shared|made|held|read|heard|seen|used|stored|told|built|taken|given|done|encrypted|private|public|safe|secure|visible|available|deleted|anonymous|on|off)$/u;

/** The asker's words in the service's voice: "I" is the user, "you" the service. */
function voice(word: string): string {
  switch (word) {
    case 'i':
    case 'me':
      return 'you';
    case 'my':
      return 'your';
    case 'mine':
      return 'yours';
    case 'you':
      return 'we';
    case 'your':
      return 'our';
    case 'yours':
      return 'ours';
    default:
      return word;
  }
}

/**
 * The statement an answer makes to a yes/no question, or null when the question is not one
 * ("How do I …?", "What data …?"). "Do you sell my data?" + no → "we do not sell your data.";
 * "Can I delete my account?" + yes → "you can delete your account."; "Is my data used to train
 * models?" + no → "your data is not used to train models."
 */
export function answered(question: string, yes: boolean): string | null {
  const q = question
    .replace(/[*_`#>]/gu, ' ')
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[’']/gu, "'")
    .trim()
    .replace(/\?+\s*$/u, '');
  const words = q.split(/\s+/u).filter(Boolean);
  const aux = (words[0] ?? '').toLowerCase();
  if (!DO.has(aux) && !MODAL.has(aux) && !BE.has(aux)) return null;
  const rest = words.slice(1);
  if (rest.length < 2) return null;
  // the subject: a pronoun or a name, or a determiner and the words up to the predicate
  let n = 1;
  const first = (rest[0] as string).toLowerCase();
  if (DETERMINER.has(first)) {
    n = 2;
    if (BE.has(aux))
      while (n < Math.min(rest.length - 1, 5) && !PREDICATE.test((rest[n] as string).toLowerCase())) n++;
  } else if (!PRONOUN.has(first) && /^[A-Z]/u.test(rest[0] as string))
    while (n < Math.min(rest.length - 1, 3) && /^[A-Z]/u.test(rest[n] as string)) n++;
  const subject = rest.slice(0, n).map((w) => voice(w.toLowerCase()));
  const predicate = rest.slice(n).map((w) => voice(w.toLowerCase()));
  const verb = DO.has(aux)
    ? yes
      ? []
      : [aux, 'not']
    : yes
      ? [aux]
      : aux === 'can'
        ? ['cannot']
        : [aux, 'not'];
  // ("Do you sell …" → "we sell …": the auxiliary of a yes goes)
  return `${[...subject, ...verb, ...predicate].join(' ')}.`;
}

/** A French answer that opens with yes or no (« Oui. », « Non, … », « Jamais. », « Pas encore. »). */
export const FRENCH_ANSWER =
  /^[^\p{L}]*(oui|absolument|bien sûr|tout à fait|non|jamais|pas (?:encore|pour l'instant|pour l’instant|pour le moment|actuellement|du tout))(?![\p{L}])[.!,:;—–-]*\s*/iu;
const FRENCH_YES = /^(oui|absolument|bien sûr|tout à fait)$/iu;

/** Whether a FRENCH_ANSWER match says yes. */
export function saysOui(answer: string): boolean {
  return FRENCH_YES.test(answer.trim());
}

/** Questions that ask what, how or why, which a yes or no does not answer. */
const FRENCH_OPEN =
  /^(que|qu'|quel|quelle|quels|quelles|lequel|laquelle|lesquel\w*|comment|pourquoi|où|quand|combien|qui|à qui|de quoi|avec qui|auprès de qui|pendant combien)\b/u;
const FRENCH_PRONOUN = new Set(['je', 'vous', 'nous', 'on', 'il', 'elle', 'ils', 'elles']);
/** Verbs a French FAQ asks with, conjugated with "je", and how "vous" says them. */
const FIRST_PERSON: Record<string, string> = {
  peux: 'pouvez',
  puis: 'pouvez',
  dois: 'devez',
  ai: 'avez',
  suis: 'êtes',
  vais: 'allez',
  sais: 'savez',
  veux: 'voulez',
};
/** Verbs conjugated with "vous" whose "nous" form is not the regular one. */
const SECOND_PLURAL: Record<string, string> = {
  êtes: 'sommes',
  faites: 'faisons',
  dites: 'disons',
};
/** Finite verbs that end a noun subject (« mes données sont… », « mon historique est… »). */
const FRENCH_FINITE =
  /^(est|sont|sera|seront|serait|seraient|était|étaient|peut|peuvent|pourra|pourront|doit|doivent|a|ont|va|vont|reste|restent|fait|font|\p{L}+ent)$/u;

/** The asker's words in the service's voice: « je / mon » is the user, « vous / votre » the service. */
function voix(word: string): string {
  switch (word) {
    case 'je':
    case 'me':
    case 'moi':
      return 'vous';
    case 'mon':
    case 'ma':
      return 'votre';
    case 'mes':
      return 'vos';
    case 'vous':
      return 'nous';
    case 'votre':
      return 'notre';
    case 'vos':
      return 'nos';
    default:
      return word;
  }
}

/** The verb a subject turned from the asker's voice into the service's takes. */
function conjugate(verb: string, from: string): string {
  if (from === 'vous') {
    const irregular = SECOND_PLURAL[verb];
    if (irregular) return irregular;
    if (!verb.endsWith('ez')) return verb;
    const stem = verb.slice(0, -2);
    // (« partagez » → « partageons », « lancez » → « lançons »)
    if (stem.endsWith('g')) return `${stem}eons`;
    if (stem.endsWith('c')) return `${stem.slice(0, -1)}çons`;
    return `${stem}ons`;
  }
  if (from === 'je') return FIRST_PERSON[verb] ?? (verb.endsWith('e') ? `${verb}z` : verb);
  return verb;
}

/**
 * The statement a French answer makes to a yes/no question, or null when the question is not one
 * (« Comment … ? », « Quelles données … ? ») or already negated. « Vendez-vous mes données ? » +
 * non → « nous ne vendons pas vos données. »; « Est-ce que je peux supprimer mon compte ? » + oui →
 * « vous pouvez supprimer votre compte. »; « Mes données sont-elles revendues ? » + non → « vos
 * données ne sont pas revendues. »
 */
export function answeredFrench(question: string, yes: boolean): string | null {
  let q = question
    .replace(/[*_`#>«»"]/gu, ' ')
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[’']/gu, "'")
    .replace(/\s*\?+\s*$/u, '')
    .trim()
    .toLowerCase();
  if (FRENCH_OPEN.test(q) || /\bne\b|\bn'|\bpas\b/u.test(q.split(/\s+/u).slice(0, 3).join(' '))) return null;
  // « est-ce que vous … » is the statement itself; « vendez-vous … » and « mes données sont-elles … »
  // put the subject back in front of the verb
  q = q.replace(/^est-ce qu(?:e\s+|')/u, '').replace(/^il est possible de\b/u, 'est-il possible de');
  q = q.replace(/\bj'/gu, 'je ').replace(/\bm'/gu, 'me ');
  let words = q.split(/\s+/u).filter(Boolean);
  let subject: string[];
  let verb: string;
  let rest: string[];
  const inverted = /^(\p{L}+)-(?:t-)?(je|vous|nous|on|il|elle|ils|elles)$/u;
  const at = words.findIndex((w) => inverted.test(w));
  if (at === 0) {
    const [, v, pronoun] = inverted.exec(words[0] as string) as RegExpExecArray;
    subject = [pronoun as string];
    verb = v as string;
    rest = words.slice(1);
  } else if (at > 0 && at <= 5) {
    // (the pronoun repeats the noun subject before it, and goes)
    const [, v] = inverted.exec(words[at] as string) as RegExpExecArray;
    subject = words.slice(0, at);
    verb = v as string;
    rest = words.slice(at + 1);
  } else if (FRENCH_PRONOUN.has(words[0] as string) && words.length >= 3) {
    subject = [words[0] as string];
    verb = words[1] as string;
    rest = words.slice(2);
  } else {
    const v = words.findIndex((w, i) => i > 0 && i <= 5 && FRENCH_FINITE.test(w));
    if (v < 0) return null;
    subject = words.slice(0, v);
    verb = words[v] as string;
    rest = words.slice(v + 1);
  }
  if (rest.length === 0) return null;
  const from = subject.length === 1 ? (subject[0] as string) : '';
  verb = conjugate(verb, from);
  words = [
    ...subject.map(voix),
    ...(yes ? [verb] : [/^[aeiouyéèêh]/u.test(verb) ? `n'${verb}` : `ne ${verb}`, 'pas']),
    ...rest.map(voix),
  ];
  return `${words.join(' ').replace(/\bn' /u, "n'")}.`;
}

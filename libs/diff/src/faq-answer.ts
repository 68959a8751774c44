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

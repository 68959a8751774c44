import {
  accountAccess,
  dataInventory,
  disclosureLimited,
  goesWithTheBusiness,
  noticeBeforeDisclosure,
  dataItems,
  locationDerived,
  operatedByOthers,
  receivedFromOthers,
  trackingAmongData,
} from './clause-data';
import { functionalCookiesOnly, licenceGrant, noOwnPractice } from './clause-context';
import meaningData from './lexicon/meaning.json';
import {
  KEPT_AWAY,
  flowStoppedChoice,
  localVoiceChoice,
  namedChoiceGone,
  NOT_OFFERED,
  PRIVACY_WORD,
  VOICE_LIKE,
} from './local-choice';
import { matches } from './pattern-gate';
import { type PracticePrediction } from './practice-model';
import { type Duration, durationsOf, topicsOf } from './lexicon';
import { type Act, actOf, type ClauseReading, type Family } from './read-clause';

/** One meaning of a clause, as if the clause had just been added to a policy. */
export interface Meaning {
  kind: string;
  topic: string | null;
  /** The rule that decided it (shown to readers with the cited sentence). */
  rule: string;
  /** What the rule keys on, so a removal can be matched with the same statement added elsewhere. */
  object: string;
  /** Set when the learned model found the practice: its probability. */
  score?: number;
}

/** An indirect question as a title: "How we use …", "What information we collect" (not "How to …"), no closing punctuation. */
const SECTION_TITLE = /^[#*_\s]*(how|what|why|when|where|which|who)\b(?! to\b)[^.!?:;|]{0,80}$/iu;
const YES_NO_QUESTION =
  /^[#*_\s]*(do|does|did|can|could|may|might|will|would|should|shall|must|is|are|was|were|has|have)\b[^.!?]{0,160}\?[*_\s]*$/iu;
function rightBeforeChoice(r: ClauseReading, choice: Act): boolean {
  const right = actOf(r, 'right');
  return (
    live(right) &&
    (matches(r.norm, MENU_RIGHT) ||
      (right.at < choice.at &&
        matches(r.norm, DATA_RIGHT_OBJECT) &&
        // (a right to opt out is the choice itself)
        rightKinds(r.norm).some((k) => k === 'delete' || k === 'copy' || k === 'correct' || k === 'access')))
  );
}
/** A menu item that exercises a user's right ("Settings › Data › Delete account"). */
const MENU_RIGHT =
  /(›|>)\s*([\w &]{1,30}:\s*)?(delete|erase|close|download|export|request)( a copy of)?( my| your)? (account|data|information|history|everything)\b/u;
/** A setting's label and its two positions ("Watch history — On / Off"). */
const TOGGLE =
  /^\W*([^—–:|]{3,80}?)\s*[—–:|-]\s*(?:on|off|enabled|disabled)\s*(?:\/|or|\|)\s*(?:on|off|enabled|disabled)\b/u;
/** A setting's label, its one state, and a dash before what it does ("keep voice at home: on — …"). */
const SETTING_STATE = /^\W*([^—–:|]{3,60}?)\s*:\s*(on|off|enabled|disabled)\s*[—–-]\s/u;
/** A checkbox line, ticked or not ("[ ] Share usage data", "[x] Save my receipts"). */
const CHECKBOX = /^\W{0,3}\[( |x)\]\s+\w/u;
/** A banner's button that refuses all, or all but the necessary ("[Reject all]", "[Decline non-essential]"). */
const REJECT_BUTTON =
  /\[\s*(reject|decline|refuse|deny)( all)?( (but|except) (essential|necessary|required)| (non-?essential|optional|additional|marketing|analytics)( cookies)?)?( cookies)?\s*\]/u;
/** A prompt's button that declines ("[Skip]", "[Not now]", "[Don't allow]"). */
const DECLINE_BUTTON =
  /\[\s*(skip|not now|no thanks|no,? thanks|don't allow|do not allow|deny|decline|refuse|maybe later|continue without[^\]]*)\s*\]/u;
/** A prompt's button that allows or shares, and what it names ("[Allow location]", "[Share contacts]"). */
const ALLOW_BUTTON = /\[\s*(allow|share|turn on|enable|give access to|connect)\b([^\]]{0,40})\]/u;
/** A voice said to go to the cloud or the servers ("your voice recordings will be sent to the cloud"). */
export const VOICE_TO_CLOUD =
  /\b(voice|audio|recordings?|speech)\b[^.;]{0,40}\b(sent|uploaded|transmitted|go|goes|processed)\b[^.;]{0,20}\b(cloud|servers?)\b/u;
/** A label naming a category of cookies or trackers. */
const COOKIE_LABEL = /\b(cookies?|trackers?|pixels?|beacons?|tags)\b/u;
const TITLE_SILENT_KINDS = new Set([
  'new-data-use',
  'new-data-collected',
  'sharing-expanded',
  'tracking-added',
  'data-use-narrowed',
  'data-collection-reduced',
  'sharing-narrowed',
  'tracking-removed',
]);

/** Kinds of data whose new collection or use is worth a high alert. */
export const SENSITIVE_DATA = [
  'voice-recordings',
  'biometrics',
  'health',
  'children',
  'location',
  'financial',
  'communications-content',
];
export const DATA_TOPICS = [...SENSITIVE_DATA, 'human-review'];

const PRIVACY_OBJECT =
  /\b(data|information|privacy|track\w*|cookies?|ads?|advertis\w*|record\w*|history|location|shar\w*|personali[sz]\w*|communications?|e-?mails?|marketing|notifications?|consent|sell|sale|collect\w*|process\w*|voice|camera|microphone|contacts|profil\w*|sms|newsletters?|messages|help(s|ing)? (us )?improve|contact(ing)? (you|me)|fundrais\w*|promo(s|tions?|tional)?|offers|photos?|pictures?|images?|videos?|clips?|footage|research|stud(y|ies)|routes?|trips?|journeys?|whereabouts)\b/u;

/** Deletion the company may decline ("we'll delete them …, unless we decide to keep them"). */
const DISCRETIONARY_DELETION =
  /\b(delet|eras|remov)\w*\b[^.;]{0,100}\bunless we (decide|choose|elect|determine|prefer) to (keep|retain|hold|preserve)\b|\b(keep|keeps|retain|retains|store|stores)\b[^.;]{0,40}\beven (if|when|after) you (ask|request|tell) (us )?(to )?(delete|erase|remove)/u;
/** Deletion denied in the passive ("… can't be deleted", "cannot be erased or removed"). */
const DELETION_DENIED =
  /\b(cannot|can't|can not) (yet |then |later )?be (deleted|erased|removed)\b|\b(it is|it's) not possible to (delete|erase)\b/u;

/** The user's requests that may be refused or charged for ("we may charge a reasonable fee or decline to act on the request", "we may refuse requests that are manifestly unfounded"). */
const REQUEST_REFUSABLE =
  /\brequests? (to|for) [^.;]{0,60}\b(will|may|can) (cost|incur) (you )?(a |an )?(\w+ )?(fee|charge|\$|£|€)|\b(we|the company|[a-z]+) (may|can|reserve the right to) ((?!not\b|never\b)\w+ ){0,3}?(charge (you )?(a|an) (\w+ )?fee|decline|refuse|reject|not (act on|respond to|fulfil|fulfill|honou?r))\b[^.;]{0,60}\brequests?\b|\brequests?\b[^.;]{0,120}\b(we|the company) (may|can|reserve the right to) ((?!not\b|never\b)\w+ ){0,3}?(charge (you )?(a|an) (\w+ )?fee|decline|refuse|reject)\b/u;

/** A choice about what the sentence before names ("you can switch this off", "disable it"). */
const POINTS_BACK_CHOICE =
  /\b(turn|switch|toggle|flip)(ing|s)? (this|it|that) (on|off)\b|\b(clear|untick|uncheck|tick|check) the (check)?box\b|\b(disable|deactivate|enable|activate)s? (this|it|that)\b|\b(decide|choose) (whether|if) [\w'’ ]{1,30} (is|are|gets?) (part of|included in|used (for|in)|in) (this|that|it)\b|\b(opt|stay) out of (this|that|it)\b/u;

/** A page or screen that shows or lists something ("… shows how many", "where you can see …"). */
const SHOWS_ONLY =
  /\b(shows|displays|lists|tells you) (you )?(how|what|which|when|who|where|whether|the|your|a|an|all|each|every)\b|\b(lets you|where you can|you can) (see|view|check)\b/u;
/** A verb that changes a setting or what is done with data. */
export const CHOICE_VERB =
  /\b(turn|switch|toggle|flip|opt|opting|disable|enable|choose|stop|delete|manage|change|adjust|untick|uncheck|tick|select|limit|block|pause|withdraw|object|refuse|decline|unsubscribe|control|set)\b/u;

/** Data a device or app sends, named as such (the object of a flow a mode stops). */
const FLOWING_DATA =
  /\b(data|information|recordings?|clips?|footage|videos?|photos?|images?|audio|history|activity|usage|logs?|diagnostics|readings|measurements)\b/u;

const live = (a: Act | undefined): a is Act => a !== undefined && !a.negated;
const negated = (a: Act | undefined): a is Act => a !== undefined && a.negated;

function dataTopics(r: ClauseReading): (string | null)[] {
  const t = r.topics.filter((x) => DATA_TOPICS.includes(x));
  return t.length ? t : [null];
}

/** A licence over the user's content reaching beyond the service it is given for (future or new products, any purpose). */
const CONTENT_LICENCE =
  /\b(licen[cs]e|right)s?\b.{0,20}\bto (use|copy|reproduce|modify|adapt|distribute|publish|display|host|store|process|exploit)\b.{0,200}\b(existing and future|current and future|future (products|services|features)|new (products|services|features|technologies)|develop\w* new|any purpose)/u;
/** Information connected, linked or merged across products, services or devices ("we connect information about your activities on different Facebook Products and devices"). */
const ACROSS_PRODUCTS =
  /\b(connect(s|ed|ing)?|link(s|ed|ing)?|merg(e|es|ed|ing))\b.{0,60}\b(information|data|profiles?)\b.{0,80}\b(across|different|other|all|between)\b.{0,40}\b(products|services|devices|sites|apps|accounts)\b/u;
/** A right to use data in any way the company chooses. */
const ANY_USE_RIGHT =
  /\bright to use\b.{0,80}\b(in any (form|manner|way|fashion)|for any (lawful )?purpose|as (we|it) (see|sees) fit)\b/u;
/** Recipients held by contract to protect or limit what they receive. */
const RECIPIENTS_BOUND =
  /\b(third[- ]part(y|ies)|parties|partners|providers|vendors|processors|contractors|developers|they)\b.{0,80}\b(bound (by|to)|must agree|agree to (keep|handle|protect|maintain|use)|(obligated|contractually required) to|confidentiality (agreements?|obligations?)|in a confidential manner|keep (this|the|such|your) (information|data) (confidential|secure))|\brequires? (that )?(these |such |all |our )?(third[- ]part(y|ies)|parties|partners|providers|vendors|processors|contractors|developers)\b/u;
/** Data kept after the account or the data is gone ("we may retain … after you delete your account", "persist in backups"). */
const KEPT_AFTER_END =
  /\b(retain|keep|kept|store|hold|preserve|persist|remain|stay|continue to (use|store|hold|keep|retain))\w*\b.{0,80}\b(after|following|beyond|even (after|if|when)|once)\b.{0,40}\b(delet|terminat|clos|cancel|eras|deactivat)|\b(after|once|even after|following)\b.{0,40}\b(delet|terminat|clos|cancel|eras|deactivat)\w*\b.{0,60}\b(retain|keep|store|hold|preserve|persist|remain|continue to)\b|\bpersist\w* .{0,40}\bbackup|\brefuse (erasure|deletion|to delete)\b|\b(not|never|n't) (be )?(delete|erase|remove|destroy)\w*\b[^.;]{0,60}\b(while|until|if|where|as long as|(when|after|once) (you|your))\b|\bcontinue to be (stored|kept|retained|held)\b|\b(retain|keep|store|stored|kept|held)\w*\b[^.;]{0,120}\b(thereafter|after (that|the end|expiry|expiration|your membership|the term))\b/u;
/** Data deleted within a stated time after the end ("we delete it within 30 days after you close your account"). */
const DELETED_AFTER_END =
  /\b(delete|deletes|deleted|erase|erased|destroy|destroyed|anonymi[sz]e|anonymi[sz]ed|purge|purged)\b.{0,60}\b(within|after|no later than) (\d+|one|two|three|thirty|ninety|a)\b/u;
/** A negation over a list of transfer verbs ("we do not share, sell, rent, or trade", "will never, ever be shared, sold or given away"). */
const NEGATED_VERB_LIST =
  /\b(not|never)\b(,? ever,?)? (be )?(share|sell|sold|rent|trade|disclose|transfer|give|lease|licen[cs]e)\w*(, (share|sell|sold|rent|trade|disclose|transfer|give|lease|licen[cs]e)\w*( away)?)*,? (or|nor|and) (share|sell|sold|rent|trade|disclose|transfer|give|lease|licen[cs]e)\w*/u;
/** Arbitration named, not imposed: the Federal Arbitration Act, a section's title, "in court or arbitration". */
const ARBITRATION_NAMED =
  /\bfederal arbitration (act|law)\b|\barbitration[\w ]{0,24} (section|provisions?)\b|\bcourt or (in )?arbitration\b|\b(are|is) not (submitted|subject) to arbitration\b/gu;
/** How an age limit is enforced: a child's data found and deleted, accounts under an age prohibited. */
const AGE_LIMIT =
  /\b(if|once|when|where) (we|you)('re| are)? ?(learn|discover|become aware|are aware|aware|find out|are made aware|are notified|determine)\w*\b.{0,80}\b(child|children|minors?|kids|under (the age of |age )?\d+)|\bunder (the age of |age )?\d+\b.{0,40}\b(prohibited|not (permitted|allowed|eligible))\b/u;
/** What a user right must be about to be a privacy right (not a counter-notice, a price or a vote). */
const DATA_RIGHT_OBJECT =
  /\b(data|information|privacy|personal|account|content|profile|history|recordings?|records|messages|photos|posts|details|complain\w*|supervisory|authorit\w*|breach\w*|deletion|erasure|access|portability|object|objection|restrict\w*|opt|consent|government|law enforcement|subpoenas?|court orders?|warrants?|police|legal (process|requests?)|automated|human intervention|samples?|specimens?)\b/u;
/** Only the cookies the service needs ("only strictly necessary cookies", "essential cookies only"). */
const NECESSARY_ONLY =
  /\b(only|solely|exclusively|just)\b[^.;]{0,50}(?<![-\w])(necessary|essential|required|functional)\b|(?<![-\w])(necessary|essential|required|functional) (cookies?|local storage)\b[^.;]{0,30}\bonly\b/u;
/** The Do Not Track signal named as such ("a Do Not Track signal", "DNT", "Do Not Track features"). */
const DNT_NAMED =
  /\bdnt\b|\bdo not track\W{0,3} (\(dnt\)\W{0,3} )?(signals?|headers?|features?|settings?|requests?|preferences?|polic(y|ies)|options?|mechanisms?|standards?|technolog(y|ies))\b|\b(a|the|send|sends|enabled?|called|known as)\W{0,2} do not track\b|\brequests? not to be tracked\b/u;
/** The signal's name and the wish it carries ("not to be tracked"), which negate no practice. */
const DNT_WORDS = /do not track|not (wish |want )?to (be )?track\w*( you)?/gu;
/** A negated tracking practice left once the signal's words are removed ("we do not use cookies"). */
const NEGATED_TRACKING =
  /\b(not|never|n't|no)\b[^,.;]{0,40}\b(track\w*|cookies?|analytics|pixels?|beacons?)\b/u;

/**
 * What a clause means if it is added to a policy, by rules on its reading (read-clause.ts),
 * in order: arbitration and waivers, choices, user rights, retention, sale and sharing,
 * tracking and advertising, uses (AI training, marketing, other purposes), collection.
 * Each rule names itself; direction comes from the polarity of the action it keys on and from
 * the clause's own limits ("only", "without your consent", "except …").
 */
export function meaningsOf(r: ClauseReading): Meaning[] {
  // a section's title ("How your voice requests are processed", "What information we collect")
  // announces what the section says; it states no practice of its own (a choice it names, "How to
  // turn off …", is still a choice)
  // a setting's line with its switch ("Personalised ads — On / Off"): a choice about what its label
  // names, or, for a category of cookies, those cookies themselves
  const toggle = TOGGLE.exec(r.norm);
  if (toggle) {
    const label = (toggle[1] as string).trim();
    if (COOKIE_LABEL.test(label))
      return [{ kind: 'tracking-added', topic: 'cookies-tracking', rule: 'cookie-category', object: label }];
    return choiceTopics(r).map((topic) => ({ kind: 'opt-out-added', topic, rule: 'toggle', object: label }));
  }
  // a setting's line in a list of settings with its one state and what it does ("Keep
  // conversations in the home: On — requests are understood by the hub itself and are not sent"):
  // a choice about the data it names, voice when it keeps requests at home
  const state = SETTING_STATE.exec(r.norm);
  if (state) {
    const voice = matches(r.norm, KEPT_AWAY) && matches(r.norm, VOICE_LIKE);
    const topics = voice ? ['voice-recordings'] : choiceTopics(r).filter((t) => t !== null);
    if (topics.length)
      return topics.map((topic) => ({
        kind: 'opt-out-added',
        topic,
        rule: 'setting-state',
        object: voice ? settingKey(r, topic) : (state[1] as string).trim(),
      }));
  }
  // a checkbox in a list of consents ("[ ] Send me personalised offers by email"): a choice about
  // what its label names, ticked or not
  if (CHECKBOX.test(r.norm)) {
    const topics = choiceTopics(r);
    if (topics[0] !== null || matches(r.norm, PRIVACY_OBJECT)) return choicesAbout(topics, 'checkbox');
  }
  // a consent banner's button to refuse ("[Reject all but essential]", "[Decline optional
  // cookies]"): a choice about cookies and tracking
  if (REJECT_BUTTON.test(r.norm))
    return [
      { kind: 'opt-out-added', topic: 'cookies-tracking', rule: 'reject-button', object: 'cookies-tracking' },
    ];
  // a prompt's button to decline beside its button to allow ("[Allow location] [Skip]", "[Share
  // contacts] [Not now]"): a choice about what the allow button names
  const prompt = DECLINE_BUTTON.test(r.norm) ? ALLOW_BUTTON.exec(r.norm) : null;
  if (prompt) {
    const topics = topicsOf(prompt[2] as string).filter((t) => t !== 'service-providers');
    return choicesAbout(topics.length ? topics : [null], 'decline-button');
  }
  // (and so does an FAQ's yes/no question, "Can I share my sleep data with my doctor?": its
  // answer says what is done, read through it by faq-answer.ts)
  const text = r.text.trim();
  if (SECTION_TITLE.test(text) || YES_NO_QUESTION.test(text))
    return clauseMeanings(r).filter((m) => !TITLE_SILENT_KINDS.has(m.kind));
  let out = clauseMeanings(r);
  // the user's requests made refusable or chargeable ("… we may charge a reasonable fee or decline
  // to act on the request"; "requests to access your data will cost a fee"): their rights reduced,
  // not the right the request names, unless the requests are the authorities', or the limit is
  // the one the law itself sets ("manifestly unfounded or excessive")
  if (
    out.every((m) => m.kind === 'rights-added') &&
    matches(r.norm, REQUEST_REFUSABLE) &&
    !matches(
      r.norm,
      /\b(manifestly|unfounded|excessive)\b|\b(permitted|allowed|required|authori[sz]ed) (by|under) (applicable |the |local )?laws?\b/u,
    ) &&
    !r.topics.includes('law-enforcement') &&
    !matches(r.norm, /\b(government|authorit\w*|police|court|law enforcement|subpoenas?)\b/u)
  )
    out = [{ kind: 'rights-reduced', topic: null, rule: 'requests-may-be-refused', object: 'right' }];
  // deletion left to the company's discretion ("we'll delete … within 90 days, unless we decide to
  // keep them for research"): the user's right to have it deleted is reduced
  if (matches(r.norm, DISCRETIONARY_DELETION) && !out.some((m) => m.kind === 'rights-reduced'))
    out.push({ kind: 'rights-reduced', topic: 'deletion', rule: 'deletion-at-discretion', object: 'delete' });
  // deletion denied in the passive ("recordings from the past 30 days can't be deleted"): the
  // user's right to delete that data is reduced, whatever else the sentence says
  if (matches(r.norm, DELETION_DENIED) && !out.some((m) => m.kind === 'rights-reduced'))
    out.push({ kind: 'rights-reduced', topic: 'deletion', rule: 'deletion-denied', object: 'delete' });
  // (the sentence's use of data, which the rules below read in turn)
  const use = actOf(r, 'use');
  // sensitive data read to infer what the user is like or wants ("analyse the text of your messages
  // to infer your interests and personalise what we show you"): a new use of that data, whatever
  // else the sentence says
  if (
    live(use) &&
    !actOf(r, 'train') &&
    !r.restricted &&
    !r.consent &&
    r.actor !== 'you' &&
    !noOwnPractice(r) &&
    matches(r.norm, PROFILED)
  )
    for (const t of dataTopics(r))
      if (
        t !== null &&
        PROFILED_TOPICS.includes(t) &&
        !out.some((m) => m.kind === 'new-data-use' && m.topic === t)
      )
        out.push({ kind: 'new-data-use', topic: t, rule: 'sensitive-data-profiled', object: t });
  // voice, messages or health data said to stay on the device ("the audio never leaves your home",
  // "your emails are never sent to our servers for sorting"): less data collected
  if (
    out.length === 0 &&
    r.actor !== 'you' &&
    !r.acts.some((x) => x.family === 'choice' || x.family === 'choiceDenied') &&
    !/\?\s*$/u.test(r.text) &&
    matches(r.norm, KEPT_AWAY) &&
    !matches(r.norm, NO_LONGER_KEPT)
  )
    for (const t of new Set([
      ...r.topics.filter((x) => KEPT_ON_DEVICE_TOPICS.includes(x)),
      ...(matches(r.norm, VOICE_LIKE) ? ['voice-recordings'] : []),
      ...(/\b(e-?mails|messages|chats|texts|conversations)\b/u.test(r.norm)
        ? ['communications-content']
        : []),
    ]))
      out.push({ kind: 'data-collection-reduced', topic: t, rule: 'kept-on-device', object: t });
  // financial data used to decide about the user ("your payment history … to decide how much you
  // can spend"): a new use of it
  if (
    live(use) &&
    r.topics.includes('financial') &&
    matches(r.norm, FINANCIAL_DECISION) &&
    !out.some((m) => m.topic === 'financial')
  )
    out.push({
      kind: 'new-data-use',
      topic: 'financial',
      rule: 'financial-data-assessed',
      object: 'financial',
    });
  // data kept or seen abroad ("we'll also keep copies in the United States"): a transfer abroad
  if (
    !out.some((m) => !m.kind.startsWith('retention-')) &&
    r.recipients.includes('international') &&
    (r.acts.some((x) => x.family === 'retain' && !x.negated) ||
      matches(r.norm, /\b(able to|can|may) (see|access|view)\b/u)) &&
    !r.acts.some((x) => x.negated) &&
    r.actor !== 'you'
  )
    out.push({
      kind: 'sharing-expanded',
      topic: 'international-transfer',
      rule: 'kept-abroad',
      object: 'international-transfer',
    });
  // location data put to use, shared or worked out from other data is location data collected
  if (
    r.topics.includes('location') &&
    !out.some((m) => m.topic === 'location' && m.kind.includes('collect')) &&
    !r.acts.some((x) => x.negated && LOCATION_PRACTICES.includes(x.family)) &&
    (locationDerived(r) ||
      (r.acts.some((x) => !x.negated && LOCATION_PRACTICES.includes(x.family)) &&
        (out.some((m) => EXPANDING.includes(m.kind)) ||
          (out.length === 0 &&
            (r.actor === 'we' ||
              (r.actor === null && (NAMED_SERVICE_USES.test(r.text) || DATA_IS_USED.test(r.norm)))) &&
            !noOwnPractice(r) &&
            !!use))))
  ) {
    out.push({ kind: 'new-data-collected', topic: 'location', rule: 'location-used', object: 'location' });
    // (and put to a use the sentence names: "uses your location to pick the deals you see")
    // (not a use limited to less: "now uses only your approximate location")
    if (live(use) && !r.restricted && !out.some((m) => m.kind === 'new-data-use' && m.topic === 'location'))
      out.push({ kind: 'new-data-use', topic: 'location', rule: 'location-put-to-use', object: 'location' });
  }
  return out;
}

const LOCATION_PRACTICES: Family[] = ['use', 'share', 'collect', 'track', 'advertise', 'sell'];
const EXPANDING = ['new-data-use', 'sharing-expanded', 'tracking-added', 'new-data-collected'];

/** A body's signals or movements tracked ("tracks your heart rate", "tracking your sleep"). */
const BODY_TRACKED =
  /\btrack(s|ed|ing)? (\w+ ){0,2}(heart|pulse|blood|sleep|steps|skin|body|breathing|respiration|glucose|oxygen|temperature|weight|menstrua\w*|cycles?|gait|workouts?|runs?|rides?)\b/u;
/** The act a named choice's withdrawal stands for, where no choiceDenied pattern found one. */
const DENIED_BY_NAME: Act = { family: 'choiceDenied', negated: false, at: 0 };
/** A choice offered about each topic (or about no topic: null), found by `rule`. */
function choicesAbout(topics: (string | null)[], rule: string): Meaning[] {
  return topics.map((topic) => ({ kind: 'opt-out-added', topic, rule, object: topic ?? 'choice' }));
}
/** A sentence whose subject is "this setting", "that option", "the choice": the choice its section is about. */
const POINTS_AT_A_CHOICE =
  /^(this|that|the|these|those) (setting|option|control|choice|toggle|opt[- ]?out)s?\b|^\W*(this|that|it|these|they) (can't|cannot|can not|won't|will not) be (switched|turned|toggled) off\b|^\W*(it|this|that) (is|are)( now)? (not|no longer) (supported|available|offered) (on|for|with|in)\b/u;

function clauseMeanings(r: ClauseReading): Meaning[] {
  const out: Meaning[] = [];
  const push = (kind: string, topic: string | null, rule: string, object = topic ?? '') => {
    if (!out.some((m) => m.kind === kind && m.topic === topic)) out.push({ kind, topic, rule, object });
  };
  const a = (f: Family) => actOf(r, f);

  // waivers and arbitration: a right given up
  const waived = a('rightWaived');
  if (
    waived &&
    /\b(arbitrat|class[- ]action|jury|class[- ]wide|representative (action|proceeding)|class member|individual capacity)/u.test(
      r.norm.replace(ARBITRATION_NAMED, ' '),
    )
  ) {
    const opted =
      matches(r.norm, /\b(is available|invoke|possibility|may (choose|elect)|option to)\b/u) ||
      matches(r.norm, /\bopt(ing)?[- ]out\b/u) ||
      waived.negated ||
      matches(r.norm, /\bnot (be )?(required|obligated|forced)\b/u) ||
      // (the right kept in so many words: "nothing in these terms prevents you from taking part in
      // a class action")
      matches(
        r.norm,
        /\b(nothing|not|n't)\b[^.;]{0,40}\b(prevents?|prohibits?|stops?|precludes?|bars?) (you|users?|customers?)\b/u,
      ) ||
      // ("nothing in these terms limits any right you have under local law to a jury trial")
      matches(
        r.norm,
        /\bnothing\b[^.;]{0,40}\b(limits?|restricts?|affects?|excludes?|removes?)\b[^.;]{0,20}\brights?\b/u,
      ) ||
      // the user may go to court, alone or in a class action ("you can take us to court …")
      (matches(
        r.norm,
        /\b(you|users?|customers?) (may|can|are entitled to|have the right to) (also |still |always )?(bring|file|take|join|participate in|pursue|start|sue)\b[^.;]{0,80}\b(claims?|actions?|lawsuits?|suits?|courts?|us)\b/u,
      ) &&
        !matches(r.norm, /\b(waiv|give up|gives up|not (bring|join|file|participate))/u));
    push(
      opted ? 'rights-added' : 'rights-reduced',
      'arbitration',
      opted ? 'arbitration-optional' : 'arbitration-or-waiver',
    );
    return out;
  }

  // statements with no privacy meaning of their own
  if (noOwnPractice(r)) return out;
  if (
    matches(
      r.norm,
      /\b(not|never) (knowingly )?(intended|directed|designed|meant|targeted)\b.{0,40}\b(children|minors|kids|under)\b|\bnot knowingly (collect|solicit)/u,
    ) ||
    matches(r.norm, AGE_LIMIT)
  )
    return out; // an age limit, not a data practice
  if (
    r.topics.includes('cookies-tracking') &&
    matches(
      r.norm,
      /\b(browsers?|features|function\w*|work properly|able to (use|access)|abilit(y|ies) to use|still (use|browse|access)|functionality|impair\w*|use all)\b/u,
    ) &&
    matches(
      r.norm,
      /\b(disabl|refus|reject|block|delet|declin|accept|remov|deactivat|turn\w* off|opt(ing|s)?[- ]out)\w*\b|\bwithout (them|these|it|cookies)\b/u,
    ) &&
    (!matches(r.norm, /\bopt[- ]?out\b|\b(third[- ]part(y|ies)|advertis)/u) ||
      matches(r.norm, /\b(not work properly|diminished functionality|reduced functionality)\b/u))
  )
    return out; // how a browser handles cookies, not a choice the service offers or withdraws

  // what the user must do (keep a password safe, notify us of a breach, hold the rights to content)
  // is an obligation, not a right, unless a right to something about their data is named
  const obligation =
    matches(
      r.norm,
      /\b(you|users?) (must|shall|are (solely |fully )?responsible|agree to|are required to|declare|represent|warrant)\b|\brights? (needed|required|necessary)\b|\bhave the rights? to do so\b/u,
    ) &&
    !matches(
      r.norm,
      /\bright (to|of) (access|delet|eras|correct|rectif|port|object|restrict|know|complain)|\b(request|ask|contact|e-?mail|write to)\b[^.;]{0,40}\b(delet|eras|access|correct|rectif|export|a copy)/u,
    );
  // ending the contract (cancel, leave, close the account) is no right over data; nor is what
  // the company does to the user's rights ("we may suspend your rights to use the service")
  const contractOnly =
    // (leaving the service, not data that never leaves the device, nor data left out of a use:
    // "we will leave your history out of future model training")
    matches(
      r.norm,
      /\b(cancel|terminate|discontinue|quit|close|stop using)\b|(?<!\b(never|not|n't|without|won't) )\bleave\b(?! (the |your |this |our )?(room|house|home|device|phone|echo|speaker|watch|premises|car))(?![^.;]{0,40}\bout (of|from)\b)/u,
    ) &&
    !matches(
      r.norm,
      /\b(delet|eras|export|download|port|correct|rectif|complain|object|copy)\w*|\b(access|review|update|amend|withdraw)\w* (to |your |the |or \w+ )*(personal )?(data|information|content|records|recordings|history|consent)\b|\bno longer (use|process)|\bstop (using|processing)\b/u,
    );
  const companyActs =
    r.actor === 'we' &&
    // (a menu item the user opens to exercise a right: "Settings > Account: Request my data — a copy
    // of everything we hold about you")
    !matches(r.norm, MENU_RIGHT) &&
    !matches(r.norm, /\b(notify|inform|tell|alert)\b/u) &&
    !matches(
      r.norm,
      /\b(you|users?)\b (also )?(have|has|may|can|are entitled|are able)\b|\b(provide|give|allow|enable|let|permit|send|deliver)s? (you|users)\b/u,
    );
  // a right over the user's own data put in an administrator's hands ("Only workspace owners and
  // admins can export tasks …"; "only your administrator can delete documents; users can no longer
  // do this themselves"): the user's own right is reduced
  if (matches(r.norm, ADMIN_ONLY_RIGHT)) {
    push(
      'rights-reduced',
      matches(r.norm, /\b(delet|eras|purg|remov)/u) ? 'deletion' : null,
      'right-to-admins',
      'right',
    );
    return out;
  }
  // rights of the user named explicitly, before the general choice wording ("you may choose to access…")
  const rightFirst = a('right');
  if (
    rightFirst &&
    !rightFirst.negated &&
    !obligation &&
    // (the company as subject: "we get access to your information only when …", unless at the user's request)
    (!matches(r.norm, /^(?:[^,]{0,40}, )?(we|our company)\b/u) ||
      matches(r.norm, /\b(if|when|once) you (request|ask|want|wish)|\b(at|upon|on) (your )?request\b/u)) &&
    !contractOnly &&
    !a('companyRight') &&
    r.actor !== 'third-parties' &&
    // (a recipient as the subject, "Partner stores receive a copy of your receipts", is sharing)
    !matches(r.norm, RECIPIENT_SUBJECT) &&
    !matches(r.norm, /\bopt(ing)?[- ]?out\b|\bunsubscrib|\bsettings?\b/u) &&
    matches(
      r.norm,
      /\b(access|correct|delet|eras|export|download|port|rectif|copy|complain|update|receive)/u,
    ) &&
    matches(r.norm, ADDRESSES_USER)
  ) {
    push('rights-added', null, 'user-right', rightObject(r));
    return out;
  }

  // choices: a setting or an opt-out offered, denied or announced gone
  const choice = a('choice');
  const denied = a('choiceDenied') ?? (namedChoiceGone(r) ? DENIED_BY_NAME : undefined);
  const reference = a('choiceReference');
  const dnt =
    denied && matches(r.norm, /\b(do not track|dnt|signals?|global privacy control|not to be tracked)\b/u);
  if (dnt) {
    push('tracking-added', 'cookies-tracking', 'do-not-track-ignored');
    return out;
  }
  // (a mode or feature gone that is about neither privacy nor any data a choice is about is no
  // choice gone: "dark mode is no longer available"; "this setting has been discontinued" points
  // at the section it stands in, and is)
  const deniedTopics = denied ? choiceTopics(r) : [];
  // (a choice to keep what a device hears on it, gone: "there is no longer a choice to keep requests
  // on your hearing aids and phone")
  const localVoice = !!denied && keepsVoiceLocal(r);
  if (
    denied &&
    (matches(r.norm, PRIVACY_WORD) ||
      deniedTopics[0] !== null ||
      POINTS_AT_A_CHOICE.test(r.norm) ||
      localVoice)
  ) {
    // (a named setting about voice, "Keep voice on doorbell", is a voice choice)
    // (and local processing of voice ended is a voice choice gone, whatever the reason names:
    // "to make room for generative AI features, we will stop supporting on-device processing")
    // (or says the voice goes to the cloud from now on: "this feature will no longer be available,
    // and your voice recordings will be sent to the cloud", whatever else the context names)
    const topics =
      (deniedTopics[0] === null || deniedTopics.includes('voice-recordings')) &&
      matches(r.norm, VOICE_LIKE) &&
      (deniedTopics[0] === null ||
        localVoice ||
        matches(r.norm, /\b(local|locally|on-device|on device|offline)\b/u))
        ? ['voice-recordings']
        : matches(r.norm, VOICE_TO_CLOUD) && !deniedTopics.includes('voice-recordings')
          ? [...deniedTopics.filter((t) => t !== null), 'voice-recordings']
          : deniedTopics;
    for (const t of topics) push('opt-out-removed', t, 'choice-announced-gone', settingKey(r, t));
    return out;
  }
  // a choice to keep voice on the device, in words the choice patterns miss (local-choice.ts)
  if (!choice && !reference && localVoiceChoice(r)) {
    // (a choice to keep a voice on the device is a voice choice whatever else it names: "your
    // child's speech stays on the tablet")
    const named = choiceTopics(r);
    const topics = named.includes('voice-recordings') ? named : [...named.filter((t) => t !== null), null];
    for (const t of topics)
      push(
        'opt-out-added',
        t ?? 'voice-recordings',
        'local-choice-offered',
        settingKey(r, t ?? 'voice-recordings'),
      );
    return out;
  }
  // a mode that stops a flow of data while it is on ("while Privacy Mode is on, the car stops
  // sending your location"), about data a choice can be about
  if (!choice && !reference && flowStoppedChoice(r)) {
    // (data with no topic of its own only when named as data: "clips of visitors", "your
    // activity"; not "notifications")
    // (and audio or what is said is voice: "the audio is kept on the doorbell and not uploaded")
    const named = choiceTopics(r);
    const topics =
      named[0] === null && matches(r.norm, VOICE_LIKE)
        ? ['voice-recordings']
        : named.filter((t) => t !== null || matches(r.norm, FLOWING_DATA));
    for (const t of topics) push('opt-out-added', t, 'flow-stopped-choice', settingKey(r, t));
    if (topics.length) return out;
  }
  if (
    choice &&
    // (a choice said not to be offered is none: "we do not offer an opt-out to the sale")
    !(choice.negated && matches(r.norm, NOT_OFFERED)) &&
    !reference &&
    // (a right exercised from the menu item that names it, "go to Settings › Data › Delete
    // account", or stated before the setting it is exercised from, "any customer can download a
    // copy of their history from Settings > Orders", is read as a right below)
    !rightBeforeChoice(r, choice) &&
    // (a settings page that only shows something is no choice: "Settings > Privacy > Voice Data
    // shows how many of your recordings were reviewed")
    !(matches(r.norm, SHOWS_ONLY) && !matches(r.norm, CHOICE_VERB)) &&
    !matches(
      r.norm,
      /\bwithout your (express |explicit |prior )?(consent|permission)\b|\b(unless|only if|if) you (opt in|opt-in|consent|agree)\b/u,
    )
  ) {
    const dnt = matches(r.norm, /\b(do not track|dnt)\b/u);
    if (dnt && !matches(r.norm, /\b(respond|honou?r|recogni[sz]e|respect)\b/u)) {
      // a sentence explaining what Do Not Track is, without a promise to honour it
    } else {
      // a choice about data or privacy, or a named setting: not "turn on" a product feature
      // (or voice, faces, health or private messages, which the topic lexicon names in more ways
      // than PRIVACY_OBJECT: "switch it on and the audio of your requests is not uploaded",
      // "nothing you dictate is sent", "turn off face recognition")
      // (a user's right named with the setting that exercises it, "you can delete your account
      // from Settings > Account", is read as a right below)
      if (
        (!matches(r.norm, PRIVACY_OBJECT) &&
          // (or sensitive data, or its review by people: "no person sees pictures of your garden")
          !r.topics.some(
            (t) => SENSITIVE_USE_TOPICS.includes(t) || t === 'ai-training' || t === 'human-review',
          ) &&
          // (a setting that keeps what a speaker hears on it: "Pebble app > Speaker > Local listening")
          !keepsVoiceLocal(r)) ||
        contractOnly
      ) {
        // (a choice that points back at what the sentence before describes, "You can switch this
        // off at any time": about that, if the context names data; meaning-from-context.ts keeps
        // it only then)
        if (!contractOnly && matches(r.norm, POINTS_BACK_CHOICE)) {
          push('opt-out-added', null, 'points-back-choice', 'choice');
          return out;
        }
        if (!live(a('right')) || contractOnly) return out;
      } else {
        // (data the user may choose to give is optional data, not a control over what is done with
        // it: "you may choose to give us more information for your profile, such as your location")
        if (matches(r.norm, OPTIONAL_DATA) && !matches(r.norm, NOT_CHOICE_OF_DATA)) return out;
        // (a choice to keep it local that names no data but a voice, "turn on Local-Only Voice and
        // your speaker handles requests on its own", is a voice choice)
        // (or beside other data: "| Device | Voice ID | Local processing of requests |")
        const named = choiceTopics(r);
        const voiceLocal = !named.includes('voice-recordings') && keepsVoiceLocal(r);
        const topics = voiceLocal ? [...named.filter((t) => t !== null), 'voice-recordings'] : named;
        for (const t of topics) push('opt-out-added', t, 'choice-offered', settingKey(r, t));
        // (and a training the user must switch off: "yes, unless you switch it off" is the training
        // itself as well as the choice)
        const trains = a('train');
        if (live(trains) && matches(r.norm, OPT_OUT_UNLESS))
          push('new-data-use', 'ai-training', 'ai-training');
        // a use the user must switch on first ("we won't use your recordings to train our models
        // unless you turn on Help Improve"): the use is narrowed to those who do
        if (matches(r.norm, OPT_IN_UNLESS)) {
          const use = a('train') ?? a('use');
          if (use?.negated)
            push('data-use-narrowed', a('train') ? 'ai-training' : (topics[0] ?? null), 'opt-in-only');
        }
        // "we use cookies …; you can disable them": the practice is news too, when it comes first
        const first = Math.min(...r.acts.filter((x) => x.family === 'choice').map((x) => x.at));
        const track = a('track');
        if (live(track) && track.at < first && r.actor !== 'you' && !functionalCookiesOnly(r, track.at))
          push('tracking-added', 'cookies-tracking', 'tracking-technology');
        return out;
      }
    }
  }

  // rights of the user (not the company's own "we reserve the right")
  const right = a('right');
  if (
    right &&
    matches(r.norm, DATA_RIGHT_OBJECT) &&
    !obligation &&
    !contractOnly &&
    !companyActs &&
    !a('companyRight') &&
    r.actor !== 'third-parties' &&
    // (a recipient as the subject, "Partner stores receive a copy of your receipts", is sharing)
    !matches(r.norm, RECIPIENT_SUBJECT) &&
    // (a duty of others with the data is no right of the user: "they must delete or return the
    // personal data once they have fulfilled our request"; a request the user is told to make
    // addresses the user)
    (matches(r.norm, ADDRESSES_USER) || r.actor === 'you' || matches(r.norm, MENU_RIGHT))
  ) {
    const topic =
      r.topics.includes('law-enforcement') || noticeBeforeDisclosure(r)
        ? 'law-enforcement'
        : matches(r.norm, /\bbreach/u)
          ? 'security'
          : null;
    const object = rightObject(r);
    push(
      right.negated ? 'rights-reduced' : 'rights-added',
      topic,
      right.negated ? 'user-right-denied' : 'user-right',
      object,
    );
    if (!matches(r.norm, /\b(notify|inform|tell|alert)\b/u) || topic === null) return out;
  }

  // faces detected, recognised or matched: the phrase is itself the processing ("likeness detection
  // helps creators find videos by detecting faces"), stated with no negation, choice or limit;
  // whatever else the sentence says is read below
  if (
    r.topics.includes('biometrics') &&
    matches(r.norm, FACES_PROCESSED) &&
    !r.acts.some((x) => x.negated) &&
    !r.restricted
  )
    push('new-data-use', 'biometrics', 'sensitive-data-used', 'biometrics');

  // a licence over the user's content ("you grant us a worldwide, royalty-free licence to use,
  // copy, modify …") or a right to use data in any way: a broad use, whoever the sentence's actor
  if (
    !a('train') && // a grant for training models is read by the AI rule below
    (r.norm.includes('licen') || r.norm.includes('right')) &&
    (matches(r.norm, CONTENT_LICENCE) || matches(r.norm, ANY_USE_RIGHT))
  ) {
    push('new-data-use', null, 'content-licence', 'purpose');
    return out;
  }

  // what the user must not do (share a password, use a bot) is not a data practice of the service
  if (r.actor === 'you' && !matches(r.norm, /\b(we|us)\b/u)) return out;

  // retention
  // (a licence's term and its verbs are no retention of data)
  const licence = licenceGrant(r) && !matches(r.norm, KEPT_AFTER_END);
  const retain = licence ? undefined : a('retain');
  const longer = licence ? undefined : a('retainLonger');
  const shorter = licence ? undefined : a('retainShorter');
  const finite = r.durations.filter((d) => Number.isFinite(d.days));
  const compared = periodsCompared(r.text, finite);
  if (
    retain ||
    longer ||
    shorter ||
    (finite.length > 0 && matches(r.norm, /\b(retain|keep|kept|store|delet|hold)/u))
  ) {
    if (negated(retain) && !longer && !shorter && matches(r.norm, /\b(longer than|more than|beyond)\b/u)) {
      push('retention-shortened', null, 'retention-limited', 'retention');
    } else if (negated(retain) && !longer && !shorter) {
      push('data-collection-reduced', dataTopics(r)[0] ?? null, 'not-stored', 'store');
    } else if (matches(r.norm, KEPT_AFTER_END) && !matches(r.norm, DELETED_AFTER_END)) {
      push('retention-lengthened', null, 'kept-after-deletion', 'retention');
    } else if (matches(r.norm, DELETED_ONLY_AT_AN_EVENT)) {
      push('retention-lengthened', null, 'retention-open-ended', 'retention');
    } else if (shorter && !(longer && matches(r.norm, /\beven (after|if|when)\b/u))) {
      push('retention-shortened', null, 'retention-limited', 'retention');
    } else if (
      longer &&
      (retain ||
        (matches(r.norm, /\b(data|information|content|logs|records|copies|recordings|messages|files)\b/u) &&
          matches(
            r.norm,
            /\b(backups?|archives?|remain\w*|persist\w*|exist\w*|indefinite(ly)?|forever|permanently|delet\w*|eras\w*|sav(e|ed|es)|(as|so) long as)\b/u,
          )))
    ) {
      const limited = r.restricted && matches(r.norm, /\bonly\b|\bminimum\b|\bno longer than\b/u);
      push(
        limited ? 'retention-shortened' : 'retention-lengthened',
        null,
        limited ? 'retention-limited' : 'retention-open-ended',
        'retention',
      );
    } else if (compared) {
      // (a period changed in one sentence, "now kept for seven years instead of one"): longer or
      // shorter as the new period, named first, is to the old
      const [now, was] = compared;
      push(
        now.days > was.days ? 'retention-lengthened' : 'retention-shortened',
        null,
        'retention-period-compared',
        'retention',
      );
    } else if (finite.length > 0 && (retain || matches(r.norm, /\bdelet/u))) {
      push('retention-shortened', null, 'retention-period-stated', 'retention');
    }
    // (what is not stored or logged being what follows a visitor, "we do not store IP addresses,
    // access times or duration": a promise not to track)
    const tracking = a('track');
    const notStored = out.some((m) => m.rule === 'not-stored');
    if (notStored && !tracking && (trackingAmongData(r) || matches(r.norm, VISIT_LOGS)))
      push('tracking-removed', 'cookies-tracking', 'no-tracking');
    // (nor tracking the sentence also states, or denies beside what it does not store: "… does
    // not store your IP address and does not use tracking of any form")
    const alsoTracking = live(tracking) || (tracking && notStored);
    if (out.length && !a('share') && !a('sell') && !a('train') && !alsoTracking) return out;
  }

  // AI and model training: direction from the polarity of the use or the training
  const train = a('train');
  const use = a('use');
  const limitedUse =
    r.restricted &&
    matches(r.norm, /\b(only|solely|exclusively|limited)\b/u) &&
    !matches(r.norm, /\bnot only\b/u);
  if (train) {
    const narrowedUse =
      train.negated ||
      negated(use) ||
      r.consent ||
      (limitedUse && !!use) ||
      matches(r.norm, /\b(not|never|n't) (be )?(used )?(to |for )?(train|improv|develop)/u);
    push(
      narrowedUse ? 'data-use-narrowed' : 'new-data-use',
      'ai-training',
      narrowedUse ? 'ai-training-limited' : 'ai-training',
    );
  }

  // AI features switched on for users by default: the step that asked them first is gone
  if (
    !train &&
    matches(r.norm, AI_ON_BY_DEFAULT) &&
    !r.acts.some((x) => x.negated) &&
    !/\b(not|never|n't|no longer)\b[^.;]{0,40}\b(enabled|turned on|switched on|activated|on|opted in) (by default|automatically)\b/u.test(
      r.norm,
    )
  )
    push('new-data-use', 'ai-training', 'ai-on-by-default', 'ai-training');

  // people at the company reading or listening to content
  const human = a('humanReview') ?? (accountAccess(r) ? (a('use') ?? a('collect') ?? a('track')) : undefined);
  if (
    (human || accountAccess(r)) &&
    !matches(
      r.norm,
      /\b(opportunity|right|ability|request|ask) (for|to|of) (obtain |request |have )?(a )?human\b/u,
    ) &&
    // (a machine that listens or reads, "the bot listens to the meeting audio only to transcribe
    // it", is no person at the company)
    !(matches(r.norm, MACHINE_LISTENS) && !matches(r.norm, PEOPLE_WORDS))
  ) {
    // (the act's own negation too: "no person at the company listens to your calls")
    const no =
      human?.negated === true ||
      matches(r.norm, /\b(not|never|n't) (access|listen|review|read|view|see|look)/u);
    push(no ? 'data-use-narrowed' : 'new-data-use', 'human-review', no ? 'no-human-review' : 'human-review');
    return out;
  }
  // data that comes in from other sources ("we receive information about you from partners"):
  // collected, not shared
  const inbound = receivedFromOthers(r);
  if (inbound) {
    const no =
      negated(a('collect')) ||
      matches(
        r.norm,
        /\b(not|never|n't|no)\b[^.;,]{0,30}\b(receiv|collect|obtain|get|gather|acquir|buy|purchas|provid|giv|send|shar|tell)\w*/u,
      );
    for (const t of dataTopics(r))
      push(
        no ? 'data-collection-reduced' : 'new-data-collected',
        t,
        no ? 'not-collected' : 'collected-from-others',
      );
  }
  // a limit on disclosure: a condition, others not allowed, approval first, authorities resisted
  const limit = inbound ? null : disclosureLimited(r);
  if (limit) push('sharing-narrowed', limit.topic, 'disclosure-limited', limit.topic ?? 'sharing');
  // the user's data going with the business in a sale, merger or bankruptcy
  if (!inbound && !limit && goesWithTheBusiness(r) && !negated(a('share')) && !negated(a('sell')))
    push('sharing-expanded', 'business-transfer', 'business-transfer', 'business-transfer');
  // sale and sharing (not "the content you share with us")
  const sell = inbound || limit ? undefined : a('sell');
  const share =
    inbound ||
    limit ||
    // (nor what the user may choose to send: "you can share your sleep report with your doctor")
    (matches(
      r.norm,
      /\byou (can |may |could |are able to |will be able to |choose to |decide to |can choose to )?(share|provide|give|post|upload|send|export)\b|\bwith us\b/u,
    ) &&
      !r.recipients.length)
      ? undefined
      : a('share');
  if (sell || share) {
    const topic = r.recipients.includes('business-transfer')
      ? 'business-transfer'
      : sell
        ? 'sale-of-data'
        : r.recipients.includes('authorities')
          ? 'law-enforcement'
          : r.recipients.includes('international') && !r.recipients.includes('third-parties')
            ? 'international-transfer'
            : serviceProvidersOnly(r)
              ? 'service-providers'
              : r.topics.includes('advertising')
                ? 'advertising'
                : // (no recipient the topics name: the sensitive data that goes, "we share your
                  // health readings with insurers")
                  (SENSITIVE_SHARED.find((t) => r.topics.includes(t)) ?? null);
    const act = (sell ?? share) as Act;
    const narrowed =
      act.negated ||
      matches(r.norm, NEGATED_VERB_LIST) ||
      // ("a partner only receives your details if you choose to contact it")
      matches(r.norm, /\bonly\b[^.;]{0,60}\b(if|when) you (choose|ask|decide|agree|opt|ask us)\b/u) ||
      (r.consent && !matches(r.norm, /\bwithout (your |their )?(consent|permission|notice|notifying)/u)) ||
      (r.restricted &&
        matches(r.norm, /\b(aggregated?|anonymi[sz]ed|anonymous|de-identified|non-identifiable)\b/u)) ||
      (r.restricted &&
        matches(r.norm, /\b(bound by|subject to|obligated|required to|must agree)\b/u) &&
        !matches(r.norm, /\bmay (share|disclose)/u)) ||
      (matches(r.norm, RECIPIENTS_BOUND) &&
        (!matches(r.norm, /\bmay (share|disclose)/u) ||
          matches(r.norm, /\b(so|as) long as|provided that\b/u))) ||
      (topic === 'law-enforcement' &&
        matches(r.norm, /\b(resist|challenge|narrow|only (respond|disclose|comply)|reasonable|valid)\b/u));
    const hasRecipient =
      r.recipients.length > 0 ||
      !!sell ||
      matches(
        r.norm,
        /\b(we|us)\b.{0,30}\bshar(e|es|ed|ing)\b|\bshar(e|es|ed|ing)\b.{0,60}\b(with|to)\b|\b(available|accessible) to (\w+ ){0,3}(publishers|researchers|advertisers|ad buyers|marketers|buyers|brokers|insurers|lenders|employers|partners?|third parties|companies|firms|affiliates|others|anyone|the public|authorities|government|agencies)\b|\b(is|are|be|been) shared\b|\b(providers?|compan(y|ies)|insurers?|employers?|networks?|brokers?|firms?|agenc(y|ies)|sponsors?|researchers?)\b,? (which |who |that )?(also )?(will )?(receives?|gets?|obtains?) (\w+ ){0,2}(your|users'|customers'|members'|patients')\b/u,
      );
    if (hasRecipient) {
      push(
        narrowed ? 'sharing-narrowed' : 'sharing-expanded',
        topic,
        narrowed ? 'sharing-limited' : 'sharing',
        topic ?? 'sharing',
      );
      // (recipients abroad as well as named: "accessed by our affiliates and service providers in
      // the United States and India" is a transfer abroad too)
      if (topic !== 'international-transfer' && r.recipients.includes('international') && !narrowed)
        push('sharing-expanded', 'international-transfer', 'sharing', 'international-transfer');
      // "we collect, use and share precise location data": collecting location or financial data is news too
      const collected = a('collect');
      if (live(collected) && collected.at < act.at)
        for (const t of dataTopics(r))
          if (t === 'location' || t === 'financial') push('new-data-collected', t, 'data-collected');
      // (tracking by the recipients — analytics, cookies, ads — is read below)
      if (topic !== 'advertising' && !live(a('track')) && !live(a('advertise'))) return out;
    }
  }

  // another company running part of the service (hosting, payments, support) with the user's data
  if (!inbound && !out.some((m) => m.kind.startsWith('sharing-')) && operatedByOthers(r)) {
    const no = r.acts.some((x) => x.negated && (x.family === 'share' || x.family === 'use'));
    push(
      no ? 'sharing-narrowed' : 'sharing-expanded',
      'service-providers',
      no ? 'sharing-limited' : 'service-providers',
      'service-providers',
    );
  }

  // recipients held to the company's terms ("our partners are bound by confidentiality obligations")
  if (
    !out.length &&
    matches(r.norm, RECIPIENTS_BOUND) &&
    matches(r.norm, /\b(information|data|content|samples)\b/u)
  ) {
    push('sharing-narrowed', null, 'recipients-bound', 'sharing');
    return out;
  }

  // tracking and advertising
  const track = a('track');
  const ads = a('advertise');
  if (ads)
    push(
      ads.negated ? 'tracking-removed' : 'tracking-added',
      'advertising',
      ads.negated ? 'no-advertising' : 'advertising',
    );
  // (the user's data put to use for it, "we use your purchase history to choose the ads you see",
  // is a use of that data as well as advertising; and its denial a use narrowed)
  const usedForAds = ads ? a('use') : undefined;
  if (
    ads &&
    usedForAds &&
    usedForAds.at < ads.at &&
    usedForAds.negated === ads.negated &&
    // (the verb "use" itself: "control the processing of … including tailored advertising" names
    // a setting's scope)
    r.norm.startsWith('us', usedForAds.at) &&
    !a('track')
  )
    push(
      ads.negated ? 'data-use-narrowed' : 'new-data-use',
      'advertising',
      ads.negated ? 'not-used-for-ads' : 'used-for-ads',
    );
  // (no advertising on children's data is a promise about children too: "viewing in Kids Mode is
  // never used to build advertising profiles")
  if (ads?.negated && r.topics.includes('children')) push('tracking-removed', 'children', 'no-advertising');
  if (
    track &&
    !(
      ads &&
      !track.negated &&
      !/\b(cookies?|pixels?|beacons?|fingerprint|analytics|track)/u.test(r.norm.slice(0, ads.at))
    )
  ) {
    const t =
      matches(r.norm, /\b(ip address|referr)/u) && !matches(r.norm, /\bcookie|pixel|beacon/u)
        ? 'cookies-tracking'
        : 'cookies-tracking';
    // "do not track" names a browser signal: its negation is no promise not to track; a sentence
    // saying the signal is not acted on is tracking added, one only describing it says nothing
    const signal =
      track.negated && matches(r.norm, DNT_NAMED) && !NEGATED_TRACKING.test(r.norm.replace(DNT_WORDS, ' '));
    const functional = !track.negated && functionalCookiesOnly(r, track.at);
    // (a watch that tracks your heart rate or sleep collects it: no cookie, pixel or ad in sight)
    const bodyTracked =
      matches(r.norm, BODY_TRACKED) &&
      !matches(r.norm, /\b(cookies?|pixels?|beacons?|fingerprint\w*|ads?|advertis\w*|across)\b/u);
    if (!signal && !functional && !bodyTracked)
      push(
        track.negated ? 'tracking-removed' : 'tracking-added',
        t,
        track.negated ? 'no-tracking' : 'tracking-technology',
      );
    // cookies limited to those the service needs to work ("we only use strictly necessary
    // cookies"): a limit on tracking, as a promise not to track is
    else if (functional && r.restricted && matches(r.norm, NECESSARY_ONLY))
      push('tracking-removed', 'cookies-tracking', 'necessary-cookies-only');
    else if (
      matches(
        r.norm,
        /\b(not|n't|no)\b.{0,40}\b(respond|honou?r|recogni[sz]|change|alter|act on|support)|\bignor/u,
      )
    )
      push('tracking-added', 'cookies-tracking', 'do-not-track-ignored');
  }
  // tracking technologies listed with other collected data: the data is collected too
  const collecting = a('collect');
  if (
    out.some((m) => m.kind === 'tracking-added') &&
    ((live(collecting) && dataItems(r, 2) >= 2) || dataInventory(r))
  )
    for (const t of dataTopics(r)) push('new-data-collected', t, 'data-collected');
  // advertisers collecting on the service ("our advertising partners may use these technologies to
  // collect information about your online activities across sites"): the data goes to them
  if (
    out.some((m) => m.kind === 'tracking-added') &&
    !out.some((m) => m.kind === 'sharing-expanded') &&
    matches(r.norm, ADVERTISERS_COLLECT) &&
    !r.acts.some((x) => x.negated)
  )
    push('sharing-expanded', 'advertising', 'advertisers-collect', 'advertising');
  if (out.length) return out;

  // uses of data
  const research = a('research');
  const marketing = a('marketing');
  if (use || research || marketing) {
    const narrowedUse =
      (negated(use) || limitedUse) &&
      matches(
        r.norm,
        /\b(we|us)\b|\b(is|are|will be|be|being) (only |solely |exclusively )?(used|processed)\b/u,
      );
    if (
      marketing &&
      !marketing.negated &&
      (use ||
        matches(r.norm, /\b(send|contact|email|notify|inform|tell|communicate with|provide you|mailings?)/u))
    )
      // (and for ads where it names them: "your history decides which sponsored offers appear")
      for (const topic of r.topics.includes('advertising') ? ['marketing', 'advertising'] : ['marketing'])
        push(
          narrowedUse ? 'data-use-narrowed' : 'new-data-use',
          topic,
          narrowedUse ? 'use-limited' : 'marketing-use',
        );
    // (research on sensitive data is a use of that data: "we study your audiograms to design new
    // products")
    // (not in a list of routine purposes that starts from providing the service: "to provide our
    // products, for product research, for security, …" is a notice of uses, not a new one)
    else if (research && !narrowedUse)
      push(
        'new-data-use',
        matches(r.norm, ROUTINE_PURPOSES) ||
          !live(use) ||
          // (the service's own use, or the data's in the passive: "your voice recordings may be
          // used to develop new products")
          (r.actor !== 'we' && !DATA_IS_USED.test(r.norm))
          ? null
          : (r.topics.find((x) => SENSITIVE_USE_TOPICS.includes(x)) ?? null),
        'broad-purpose',
        'purpose',
      );
    else if (
      use &&
      narrowedUse &&
      (a('dataSubjects') || (matches(r.norm, /\byour\b/u) && dataItems(r, 1) > 0))
    )
      push('data-use-narrowed', null, 'use-limited', 'purpose');
    else if (
      live(use) &&
      (matches(r.norm, /\bcombin(e|es|ed|ing)\b/u) ||
        matches(r.norm, ACROSS_PRODUCTS) ||
        matches(r.norm, COMBINED_WITH))
    )
      push('new-data-use', null, 'profiles-combined', 'purpose');
    // a use of sensitive data named in the sentence ("we may analyse your facial geometry to
    // identify you", "we use your heart rate to estimate your stress")
    else if (live(use) && !a('collect') && !limitedUse)
      for (const t of r.topics.filter((x) => SENSITIVE_USE_TOPICS.includes(x)))
        push('new-data-use', t, 'sensitive-data-used', t);
    if (out.length) return out;
  }
  // collection
  const collect = a('collect');
  if (collect && (a('dataSubjects') || r.topics.some((t) => SENSITIVE_DATA.includes(t)))) {
    for (const t of dataTopics(r))
      push(
        collect.negated ? 'data-collection-reduced' : 'new-data-collected',
        t,
        collect.negated ? 'not-collected' : 'data-collected',
      );
  } else if (!collect && dataInventory(r) && !r.acts.some((x) => x.negated)) {
    // an inventory of personal data given, asked for or included ("the details you give us include …")
    for (const t of dataTopics(r)) push('new-data-collected', t, 'data-listed');
  }
  // tracking identifiers among the data collected ("device identifiers, advertising IDs")
  if (out.some((m) => m.kind === 'new-data-collected') && trackingAmongData(r))
    push('tracking-added', 'cookies-tracking', 'tracking-data-collected');
  return out;
}

/** Faces (or a likeness) detected, recognised, matched or scanned, in so many words. */
const FACES_PROCESSED =
  /\b(detect|spot|find|locat|recogni[sz]|match|identif|scan|compar|analy[sz])\w* (of )?(your |their |people's |users' |a person's |the user's |the |the [\w-]+'s |each [\w-]+'s )?(own )?(faces?|likeness(es)?|facial features)\b|\b(likeness|face|facial) (detection|recognition|matching|comparison|scanning|analysis)\b/u;

/** The service, by its name, as the subject of a use ("Once you arrive, Wayfare uses your …"). */
const NAMED_SERVICE_USES =
  /^(?:[^,]{0,40}, )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2} (uses|will use|may use|also uses)\b/u;

/** The data the subject of a passive use, which only the service can be making ("Your bike's precise location is used to run Find My Bike"). */
const DATA_IS_USED =
  /^(?:[^,]{0,40}, )?(your|the user's|users'|their) ([\w'’-]+ ){0,4}(is|are|will be|may be|can be|is also|are also) used (to|for)\b/u;

/** What a visit leaves behind that follows a visitor: addresses, agents, logs of traffic or of activity. */
const VISIT_LOGS =
  /\b(ip address(es)?|user[- ]agents?|access times|browsing (history|activity)|(traffic|connection|activity|dns|query|search) logs?|logs? of (your )?(traffic|connections|activity|queries|searches))\b/u;

/** Words that set a new period against the old one in one sentence. */
const PERIOD_COMPARED = /\binstead of\b|\b(up|increased|extended|raised|down|reduced|cut|shortened) from\b/iu;

/**
 * The new period and the old one a sentence sets against each other ("for seven years instead of
 * one": the old one's unit is the new one's when it names none), or null.
 */
function periodsCompared(text: string, finite: Duration[]): [Duration, Duration] | null {
  if (finite.length === 0 || !PERIOD_COMPARED.test(text)) return null;
  if (finite.length >= 2) return [finite[0] as Duration, finite[1] as Duration];
  const unit = /\b(days?|weeks?|months?|years?)\b/u.exec((finite[0] as Duration).text)?.[1];
  if (!unit) return null;
  const both = durationsOf(
    text.replace(/\b(instead of|from) (\w+)\b(?! (days?|weeks?|months?|years?)\b)/iu, `$1 $2 ${unit}`),
  ).filter((d) => Number.isFinite(d.days));
  return both.length >= 2 ? [both[0] as Duration, both[1] as Duration] : null;
}

/** Data put together with other data ("we may connect information collected automatically with information we already have about you", "we merge data collected from our websites and apps"). */
const COMBINED_WITH =
  /\b(connect|link|merg|match|associat)(s|es|ed|ing|e)? (\w+ ){1,8}?with (other |the |any )?(information|data|details) (that |which )?(we|it|they) (already )?(have|hold|keep|collect|receive|obtain|get|gather)\b|\b(connect|link|merg|match|associat)(s|es|ed|ing|e)? (\w+ ){0,4}(information|data)\b (\w+ ){0,6}with (other |the |any )?(information|data|details)\b|\bmerg(e|es|ed|ing)\b (\w+ ){0,3}(information|data) (\w+ ){0,2}from\b/u;

/** Data deleted only once the user acts or leaves ("they are deleted only when your account is closed"): kept until then. */
const DELETED_ONLY_AT_AN_EVENT =
  /\b(delet|eras|remov|destroy)(ed|es|e)? only (when|once|after|if|upon|at the time)\b(?! [^.;]{0,40}\b(days?|weeks?|months?|years?)\b)|\bonly (be )?(delet|eras|remov|destroy)(ed|es|e)? (when|once|after|if|upon)\b(?! [^.;]{0,40}\b(days?|weeks?|months?|years?)\b)/u;

/** A device, a bot or software as the one that listens, reads or transcribes. */
const MACHINE_LISTENS =
  /^\W*(\w+ ){0,3}?(it|bot|assistant|app|notetaker|note-taker|device|speaker|software|system|model|service|feature|tool|robot|camera|tv|car|watch|phone)\b[^.;]{0,30}\b(listens?|reads?|transcribes?|hears?|scans?)\b|^\W*(listens?|reads?|transcribes?|hears?) /u;
/** People who could be reviewing content. */
const PEOPLE_WORDS =
  /\b(people|persons?|humans?|staff|employees|contractors|reviewers|moderators|someone|team members|personnel|annotators|graders)\b/u;

/** A sentence that opens with a recipient as its subject ("Partner stores receive …", "Our advertisers get …"). */
const RECIPIENT_SUBJECT =
  /^\W*(our |the |your |selected |certain |some )?([\w-]+ ){0,2}(partners?|stores?|brands?|retailers?|merchants?|advertisers?|third parties|affiliates|insurers?|brokers?|companies|firms|lenders?|employers?)\b (\w+ )?(receive|get|obtain|see|access)s?\b/u;

/** A right to one's own data that only an administrator may now exercise. */
const ADMIN_ONLY_RIGHT =
  /\bonly ([\w'’-]+ ){0,3}(admins?|administrators?|owners?|account holders?|managers?)( and (\w+ ){0,2}(admins?|administrators?|owners?))? (can|may|are able to|is able to|will be able to) (export|delete|download|erase|request|correct|remove|purge)\b|\b(users|members|you|employees) (can|may) no longer (\w+ ){0,3}(do (this|so) (themselves|yourself)|export|delete|download|erase|request|correct)\b/u;

/** A decision about the user that financial data feeds. */
const FINANCIAL_DECISION =
  /\b(decide|determine|assess|evaluat\w*|scor(e|es|ing)|eligib\w*|creditworth\w*|credit (limit|decision|line)|spending limit|how much you can (spend|borrow))\b/u;

/** The data a statement that it stays on the device is about. */
const KEPT_ON_DEVICE_TOPICS = ['voice-recordings', 'communications-content', 'health', 'biometrics'];
/** Local handling said to have ended ("no longer processed on the device"). */
const NO_LONGER_KEPT = /\bno longer\b|\b(stopp?ed|ended|discontinued)\b/u;

/** Data read to infer what the user is like or wants. */
const PROFILED =
  /\b(infer|predict|deduce|work out)\w* (\w+ ){0,2}(interests|preferences|characteristics|traits|habits|personality|mood)\b|\b(build|create|develop)\w* (\w+ ){0,2}profiles? (of|about) you\b/u;
/** The data whose profiling is news (location and finance are read as collection or use elsewhere). */
const PROFILED_TOPICS = ['communications-content', 'health', 'voice-recordings', 'biometrics', 'children'];

/** A practice that holds until the user switches it off ("… unless you switch it off"). */
const OPT_OUT_UNLESS =
  /\b(unless|until) you (turn|switch) (it |this |that |them )?off\b|\b(unless|until) you (opt out|opt-out|object|disable|deactivate|say no)\b/u;

/** A use that waits for the user to switch it on ("… unless you turn on Help Improve"). */
const OPT_IN_UNLESS =
  /\b(unless|until) you (turn on|switch on|enable|activate|opt in|opt-in|choose to|allow|agree|consent)\b/u;

/** Information the user may choose to give: optional data. */
const OPTIONAL_DATA =
  /\b(choose|elect|decide|opt) to (give|provide|submit|enter|add|supply) (us |the service )?(with )?(more |additional |other |certain |some |optional )?(information|details|data)\b/u;
/** …unless the sentence also offers a control proper. */
const NOT_CHOICE_OF_DATA =
  /\bopt(ing)?[- ]?out\b|\b(turn|switch)(ing)? off\b|\bdisable\b|\bwithdraw\b|\bsettings?\b/u;

/** Advertisers, as those who collect or receive, with what they get from the service. */
const ADVERTISERS_COLLECT =
  /\b(advertising (partners?|networks?|companies|providers?|vendors?)|advertisers|ad (networks?|partners?|tech(nology)? (partners?|companies|providers?))|third[- ]party advertis\w*)\b[^.;]{0,120}\b(collect|gather|receiv|obtain|access|use|track|record|log)\w*\b[^.;]{0,80}\b(information|data|identifiers?|activit(y|ies)|visits?|pages|interactions?|browsing|usage)\b/u;

/** AI features on by default ("AI Companion features are enabled by default for Pro accounts"). */
const AI_ON_BY_DEFAULT =
  /\b(ai|artificial intelligence|machine learning|generative|assistant|copilot|companion|intelligent features?|smart features?)\b[^.;]{0,80}\b(enabled|turned on|switched on|activated|on|opted in) (by default|automatically)\b/u;

/** A sentence about the user, or people whose data it is. */
const ADDRESSES_USER =
  /\b(you|your|yours|users?|individuals?|data subjects?|customers?|members?|visitors?|account holders?|parents?|consumers?|residents?|people|persons?|anyone|everyone|children|complaints?)\b/u;

/** A list of purposes that starts from providing the service. */
const ROUTINE_PURPOSES = /\bto (provide|deliver|operate|run) (\w+ ){0,3}(products|services|platform)\b/u;
/** Sensitive data whose sharing is the sharing's topic when no recipient names one (severity.json's `sharing-of-sensitive-data`). */
const SENSITIVE_SHARED = ['health', 'biometrics', 'children', 'voice-recordings', 'communications-content'];
/** Sensitive data whose use, named in a sentence, is news by itself. */
const SENSITIVE_USE_TOPICS = ['biometrics', 'health', 'voice-recordings', 'communications-content'];

/** The topics a choice is about, most specific first. */
export const CHOICE_TOPICS = [
  'voice-recordings',
  'ai-training',
  'location',
  'biometrics',
  'children',
  'health',
  'advertising',
  'marketing',
  'cookies-tracking',
  'sale-of-data',
  'human-review',
  'communications-content',
];

function choiceTopics(r: ClauseReading): (string | null)[] {
  const t = r.topics.filter((x) => CHOICE_TOPICS.includes(x));
  if (t.length) return t;
  if (matches(r.norm, /\b(e-?mails?|newsletters?|communications)\b/u)) return ['marketing'];
  return [null];
}

/**
 * What a choice does, where its sentence says so: keep the data on the device or unsent
 * ("local"), or delete it or not save it ("deletion"). Two choices about the same data that do
 * different things are different choices: "Don't Save Recordings" offered in place of "Do Not
 * Send Voice Recordings" does not keep the recordings off the cloud.
 */
export const LOCAL_ASPECT =
  /\b(locally|local (processing|handling|recognition|voice|listening)|on[- ]device|(on-?board|built-in|embedded) (\w+ )?(computer|processor|chip|engine|hardware)|on (its|their) own|by (it|them)sel(f|ves)|(device|echo|speaker|hub|phone|watch|tablet|laptop|computer|toy|car|camera|doorbell|tv) itself|(understands?|recogni[sz]es?|answers?|handles?|process(es)?) (\w+ ){0,4}itself|(understood|recogni[sz]ed|processed|handled|answered) by (the|your) [\w-]+ itself|(without|with no) (an? |any )?(internet |network |data |wi-?fi |cloud )?connection|(without|with no) (an |any )?internet|(keeps?|stays?|remains?) (\w+ ){0,3}(inside|in|within) (the|your) (house|home|car|vehicle|room)|(rather than|instead of) (being )?(sent|upload\w*|transmit\w*)|(?<!\b(turn|switch)(ed|ing|s)? )on (the|this|your|that) (own )?(device|echo|phone|speaker|watch|hub|tv|camera|car|vehicle|toy|doorbell|tablet|laptop|computer|hearing aids?|earbuds|headphones|headsets?|glasses|thermostat|console|display)|(not|never|\w*n't|no|none) (\w+ ){0,3}(sent|send|sending|upload\w*|transmit\w*|leav\w*|go(es)? to)|(stops|ceases|stop) (\w+ ){0,4}?(from )?(send|upload|transmitt?)(s|ed|ing)?|without (\w+ ){0,3}(send|upload|transmit)\w*|(stays?|kept|remains?) (\w+ ){0,3}(on|at) (the|this|your) (device|home|echo|phone|speaker|watch))\b/u;
/** "on the device or in the app" (or "in the app or on the hub"): where a setting is found or changed. */
const WHERE_CHANGED =
  /\b(either )?(on|from) (the|this|your|that) (device|echo|phone|speaker|watch|hub|display|tv|car|vehicle|doorbell|camera|thermostat|earbuds|headphones)( itself)?,? (or|and) (in|on|from|through|with) (the |your )?[\w-]+ (app|website|settings)\b|\b(in|from|through) (the |your )?[\w-]+ (app|website) (or|and) (on|from) (the|this|your|that) (device|echo|phone|speaker|watch|hub|display|tv|car|vehicle|doorbell|camera|thermostat|earbuds|headphones)\b/gu;
const DELETION_ASPECT =
  /\b(delet\w*|eras\w*|(not|n't|never) (be )?(sav|stor|kept|keep|retain)\w*|auto-?delet\w*)\b/u;

export function choiceAspect(r: ClauseReading): 'local' | 'deletion' | 'improve' | null {
  // (where a setting is changed is not what it does: "controls you can change either on the device
  // or in the app")
  if (matches(r.norm, LOCAL_ASPECT) && matches(r.norm.replace(WHERE_CHANGED, ' '), LOCAL_ASPECT))
    return 'local';
  if (matches(r.norm, DELETION_ASPECT)) return 'deletion';
  if (matches(r.norm, IMPROVE_ASPECT)) return 'improve';
  return null;
}

/** Whether a clause keeps what a device hears on the device ("the earbuds understand commands without a connection"). */
export function keepsVoiceLocal(r: ClauseReading): boolean {
  return choiceAspect(r) === 'local' && matches(r.norm, VOICE_LIKE);
}
/**
 * A choice about data used to improve the service, reviewed by people or used for training ("switch
 * off Help improve …", "… won't be included in the samples we review"): not deleting it.
 */
const IMPROVE_ASPECT =
  /\b(help(s|ing)? (us )?improve|(used|use them|use it) to improve|samples? (that )?we review|reviewed by (our )?(staff|employees|people|humans|reviewers)|human review|product improvement)\b/u;

/** What a choice is about: its data and what it does (`topic:aspect`), else its setting's name, else its data. */
function settingKey(r: ClauseReading, topic: string | null): string {
  const aspect = choiceAspect(r);
  if (aspect) return `${topic ?? 'choice'}:${aspect}`;
  return r.settings[0] ?? topic ?? 'choice';
}

/** The first right a clause names, as its object ('right' when none is named). */
function rightObject(r: ClauseReading): string {
  return rightKinds(r.norm)[0] as string;
}

/**
 * The rights a sentence names, in a few kinds, so that a reworded right is the same right
 * ("delete" / "erase") and a sentence naming several is each of them ('right' when none is named).
 */
export function rightKinds(norm: string): string[] {
  const kinds = new Set<string>();
  for (const m of norm.matchAll(RIGHT_WORD)) {
    const w = m[1] as string;
    kinds.add(
      /^(delet|eras)/u.test(w)
        ? 'delete'
        : /^(correct|rectif|updat)/u.test(w)
          ? 'correct'
          : /^(export|download|port|cop|archive)/u.test(w)
            ? 'copy'
            : w,
    );
  }
  return kinds.size ? [...kinds] : ['right'];
}
const RIGHT_WORD =
  /\b(access|delet|eras|export|download|port(?!al|ion|ray|rait|ugu|er|s\b|ed\b)|correct|rectif|updat|complain|object|restrict|archive|cop(y|ies)|notif|withdraw|opt)/gu;

function serviceProvidersOnly(r: ClauseReading): boolean {
  return (
    r.recipients.includes('service-providers') &&
    !matches(r.norm, /\b(advertis|data brokers?|sell|partners for their own)\b/u)
  );
}

/**
 * The meaning of a clause whose practice the learned model found (and no rule did): the clause
 * reading decides the direction, as for the rules.
 */
export function meaningOfPractice(r: ClauseReading, practice: string, score: number): Meaning | null {
  const limited =
    r.consent ||
    (r.restricted && matches(r.norm, /\b(only|solely|exclusively|limited|aggregated?|anonymi[sz]ed)\b/u));
  const no = r.acts.some((x) => x.negated && x.family !== 'choiceDenied') || matches(r.norm, NO_PRACTICE);
  const topic = r.topics.find((t) => MODEL_TOPICS.includes(t)) ?? null;
  const rule = `model:${practice}`;
  const m = (kind: string, t: string | null = topic): Meaning => ({
    kind,
    topic: t,
    rule,
    object: t ?? practice,
    score,
  });
  switch (practice) {
    case 'collection':
      return m(no ? 'data-collection-reduced' : 'new-data-collected');
    case 'use':
      return m(no || limited ? 'data-use-narrowed' : 'new-data-use');
    case 'sharing':
      return m(no || limited ? 'sharing-narrowed' : 'sharing-expanded');
    case 'tracking':
      return m(
        no ? 'tracking-removed' : 'tracking-added',
        r.topics.includes('advertising') ? 'advertising' : 'cookies-tracking',
      );
    case 'choice':
      return r.acts.some((x) => x.family === 'choiceDenied') ? m('opt-out-removed') : m('opt-out-added');
    case 'rights':
      return m(r.acts.some((x) => x.family === 'rightWaived') || no ? 'rights-reduced' : 'rights-added');
    case 'retention':
      return m(
        r.acts.some((x) => x.family === 'retainShorter') ? 'retention-shortened' : 'retention-lengthened',
        null,
      );
    default:
      return null;
  }
}

const NO_PRACTICE =
  /\b(do|does|will|shall|would)(n't| not| never)\b|\bnever\b|\bnot (be )?(sold|shared|used|collected|tracked|stored|disclosed)\b/u;
const MODEL_TOPICS = [
  'location',
  'biometrics',
  'health',
  'children',
  'financial',
  'voice-recordings',
  'marketing',
  'sale-of-data',
  'law-enforcement',
  'business-transfer',
  'international-transfer',
  'advertising',
];

const PRACTICE_OF = meaningData.practiceOf as Record<string, string>;
/** The practices whose rules the model may overrule: what is done with data, not choices or rights. */
const VETOABLE = new Set(['collection', 'use', 'sharing', 'tracking', 'retention']);
/** Topics whose rules were written for wordings the model's training data hardly has (AI, voice…). */
const RULES_ONLY_TOPICS = ['ai-training', 'voice-recordings', 'human-review', 'law-enforcement'];
/** Limits the model has no class for: it reads "only strictly necessary cookies" as no practice, which is what the rule says too, but a limit is news. */
const RULES_ONLY_RULES = ['necessary-cookies-only'];

/**
 * The rules' meanings of a clause, checked by the learned model: where the model is confident
 * (probability at least `veto`) that the clause describes no data practice, the rules' cues were
 * words used in another sense ("never share your password", "as long as it remains combined")
 * and their meanings are dropped. Only meanings about what is done with data are checked: the
 * model reads choices and rights poorly (on held-out services, dropping those lost more right
 * answers than it saved), and the sensitive topics' rules were written for wordings its
 * training data hardly has. The threshold was chosen by grouped cross-validation on services
 * the model was not trained on (`npm run eval:meaning -- --inner`).
 */
export function vetoedByModel(meanings: Meaning[], predict: () => PracticePrediction, veto: number): boolean {
  if (
    !meanings.every(
      (m) =>
        VETOABLE.has(PRACTICE_OF[m.kind] ?? '') &&
        !(m.topic !== null && RULES_ONLY_TOPICS.includes(m.topic)) &&
        !RULES_ONLY_RULES.includes(m.rule),
    )
  )
    return false;
  // (the model runs only when the meanings are ones it may overrule)
  const p = predict();
  return p.practice === 'none' && p.score >= veto;
}

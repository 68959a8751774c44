import { gated, matches } from './pattern-gate';
import { type ClauseReading } from './read-clause';

/** Literal parts one of which a pattern below needs: a cheap test before the pattern. */
const CHANGE_HINT = gated(/chang|modif|amend|revis|updat|alter|expand/u);
const DISCLAIMER_HINT = gated(/warrant|liab|indemn|harmless|risk|as is|as-is|extent|discretion/u);
const OBTAIN_HINT = gated(/obtain|download/u);
const NEGATION_HINT = gated(/not|never|n't|avoid/u);
const SCRAPING_HINT = gated(/robot|spider|scrap|crawl|min|harvest|bots|spyware/u);
const FEEDBACK_HINT = gated(/feedback|suggestion|idea/u);
const DNT_HINT = gated(/track|dnt|privacy control/u);

/**
 * Readings about the setting of a clause rather than its practice (decision 0016, update 3): what
 * a cookie is for, and sentences that name a data practice without stating one of the service's
 * own. Each is a general pattern of how policies are written, used by clause-meaning.ts.
 */

/**
 * What turns cookies into tracking: a third party, advertising, analytics or measurement, following
 * behaviour or interests over time or across sites, profiling, or collecting data through them.
 * Cookies said only to keep a session, a login, a preference or the site itself working are not.
 */
const TRACKING_PURPOSE = gated(
  /\b(third[- ]part(y|ies)|3rd[- ]part(y|ies)|partners?|networks?|advertis\w*|ads?|analytics?|statistic\w*|measur\w*|metrics|usage|(how|when) (you|visitors|users|people) (use|interact|navigate|browse|visit)|pages? (you )?visit\w*|behaviou?r\w*|interests?|across|other (web)?sites|over time|track\w*|monitor\w*|marketing|promotion\w*|social (media|networks?|plugins?)|remarketing|retargeting|profil\w*|collect\w*|gather\w*|pixels?|beacons?|fingerprint\w*|sdks?|clear gifs?|tags)\b/u,
);

/** Whether a live tracking act rests only on cookies (or local storage) kept for the site's own working. */
export function functionalCookiesOnly(r: ClauseReading, at: number): boolean {
  const word = /^(cookies?|local storage)\b/u.exec(r.norm.slice(at));
  return word !== null && !TRACKING_PURPOSE.test(r.norm);
}

/** The policy speaking of its own changes ("if we change how we collect …, we will post a notice"). */
const POLICY_CHANGE = gated(
  /\b(chang|modif|amend|revis|updat|alter)\w*\b[^.;]{0,60}\b(this|our|the|these|its) (privacy |cookies? )?(polic(y|ies)|notices?|statements?|terms|agreements?|documents?)\b|\b(this|our|the|its) (privacy |cookies? )?(polic(y|ies)|notices?|statements?|terms|documents?)\b (\w+ )?(may|will|can|might|is|are) (\w+ ){0,3}(chang|modif|amend|revis|updat)\w*|\bif we (ever )?(make|decide to make) (any )?(material |significant |substantive |important )?changes?\b|\bif we (ever )?(decide to )?(change|modify|alter|expand)\b/u,
);
/** How such a change is made known: a notice, a posting, a date, "from time to time". */
const CHANGE_NOTICE = gated(
  /\b(notify|notif\w+|notice|inform|post|posting|posted|announce\w*|let you know|tell you|e-?mail|effective|from time to time|periodically|date|version)\b/u,
);
/** A statement of a new practice in force ("from now on", "starting …"): not a mere notice. */
const IN_FORCE = gated(/\b(now|from (today|this date)|starting|beginning|as of)\b/u);

/** Sites, apps or services of others, and a disclaimer of their practices. */
const OTHERS_SITES = gated(
  /\b(other|linked|external|third[- ]party|outside|these|those|another|such) (web ?)?(sites?|websites?|services|apps|applications|platforms)\b|\blinks? (to|from)\b|\boperators? of\b|\bfollow(s|ing)? a link\b/u,
);
const THEIR_OWN = gated(
  /\b(their|its) (own )?(privacy )?(polic(y|ies)|practices|notices?|statements?|terms|rules)\b|\bnot (be )?responsible for\b|\bcannot (answer|be responsible|control)\b|\b(no|any) (control|responsibility) (over|for)\b|\bdo(es)? not (control|apply|cover)\b|\bnot covered by\b|\boutside (of )?our control\b|\bapplies (solely|only) to\b/u,
);

/** Warranties, liability and indemnity: what the contract excludes, not what is done with data. */
const DISCLAIMER = gated(
  /\b(warrant(y|ies)|representations? or warrant|liab(le|ility|ilities)|indemnif\w*|hold (\w+ )?harmless|at your (own|sole) (risk|discretion))\b|\b(provided|offered|available) (on an )?["“']?as[- ]is\b|["“']as[- ]is["”']|\bto the (fullest|maximum|greatest) extent\b|\bfullest extent the law\b/u,
);
/** Material the user obtains through the service (not data the service obtains about the user). */
const USER_OBTAINS = gated(
  /\bobtained (by you|from or through|(from|through|on|via) (the|this|our) (site|service|website|platform|services))|\b(you|users?) (may |might )?(obtain|download)\b(?! (a |an )?(copy|copies|export|archive) of (your|their|the) (personal |account )?(data|information|details))|\bobtained (as a result of|through the use)/u,
);
/** Robots, scrapers and the like: what users must not do to the service. */
const SCRAPING = gated(
  // (a robot vacuum or mower, "the robot", is a device, not a scraper)
  /(?<!\b(the|your|this|my|our|its) )\brobots?\b(?! (vacuums?|mowers?|cleaners?|settings|itself))|\b(spiders?|scrapers?|scrap(e|es|ing)|crawl\w*|data[- ]min(e|es|ing)|harvest\w*|bots|spyware)\b/u,
);

/**
 * A sentence that names data practices without stating one of the service's own: the policy's
 * notice of its own changes, other sites' practices, warranty and liability disclaimers, material
 * the user obtains, and what users must not do (scrape, harvest). Its meaning is none.
 */
export function noOwnPractice(r: ClauseReading): string | null {
  // (one answer per reading, kept with it)
  if (r.noOwnPracticeFound === undefined) r.noOwnPracticeFound = readNoOwnPractice(r.norm, r);
  return r.noOwnPracticeFound;
}

/**
 * The text without the settings it names: a setting called "Do Not Send Voice Recordings" at
 * the head of a sentence is a name, not the company asking the user not to send something.
 */
function withoutSettingNames(t: string, r: ClauseReading): string {
  let out = t;
  for (const name of r.settings) if (name) out = out.split(name).join('the setting');
  return out;
}

/**
 * A pointer to more reading ("Learn more about the technologies used for advertising", "For more
 * information, see our Cookie Policy"): it names a subject and states no practice; what it
 * points to is tracked, if at all, as a document of its own.
 */
const POINTER = gated(
  /^(to )?(learn|read|find out|see) more\b|^for (more|further|additional) (information|details)\b|^more (information|details) (about|on)\b|^(please )?(see|visit|read|check|refer to) (our|the)\b[^.;]{0,80}\b(page|policy|notice|statement|article|section|help|centre|center|faq|settings)\b/u,
);
/** …unless the same sentence also states one ("learn more, as we share your data with …"). */
const POINTER_WITH_PRACTICE = gated(
  /\b(we|our company)\b (may |will |also |do |can |might )?(use|share|sell|collect|disclose|process|keep|retain|store|track|transfer|combine|receive)\w*\b/u,
);

function readNoOwnPractice(t: string, r: ClauseReading): string | null {
  if (r.words.length <= 25 && POINTER.test(t) && !POINTER_WITH_PRACTICE.test(t)) return 'pointer';
  if (CHANGE_HINT.test(t) && POLICY_CHANGE.test(t) && CHANGE_NOTICE.test(t) && !IN_FORCE.test(t))
    return 'policy-change-notice';
  if (THEIR_OWN.test(t) && OTHERS_SITES.test(t)) return 'others-practices';
  if (DISCLAIMER_HINT.test(t) && DISCLAIMER.test(t)) return 'disclaimer';
  if (OBTAIN_HINT.test(t) && USER_OBTAINS.test(t)) return 'user-obtains';
  // (a rule for users, not the company's own crawler: "Apple uses Applebot, a web crawler, … as a
  // source for our foundational models" states a practice; "engage in spidering or harvesting" in
  // a list of what users must not do is a rule)
  if (
    SCRAPING_HINT.test(t) &&
    SCRAPING.test(t) &&
    !matches(t, /\bwe (may )?(use|employ|deploy)\b/u) &&
    !matches(
      t,
      /\b(our|its) (own )?(web )?(crawler|bot|spider)s?\b|\buses? [\w-]+, an? (web )?(crawler|bot|spider)\b/u,
    )
  )
    return 'user-conduct';
  if (FEEDBACK_HINT.test(t) && aboutFeedback(r)) return 'feedback';
  if (NEGATION_HINT.test(t) && ASKS_THE_USER.test(withoutSettingNames(t, r)) && !SETTING_LABEL.test(t))
    return 'request-to-the-user';
  if (
    t.includes(' by ') &&
    OTHERS_OFFER.test(t) &&
    !matches(t, /\b(we|us|our)\b[^.;]{0,30}\b(share|disclose|sell|provide|give|send)\b/u)
  )
    return 'third-party-content';
  if (t.includes('would') && HYPOTHETICAL.test(t)) return 'hypothetical';
  if (DNT_HINT.test(t) && DNT.test(t) && !DNT_ACTED_ON.test(t)) return 'signal-described';
  return null;
}

/** The Do Not Track signal (or Global Privacy Control) named, and what is done about it. */
const DNT = gated(/\bdo not track\b|\bdnt\b|\bglobal privacy control\b/u);
const DNT_ACTED_ON = gated(
  /\b(respond\w*|honou?r\w*|respect\w*|recogni[sz]\w*|act on|action|change|alter|ignor\w*|support\w*|monitor\w*|treat\w*|comply|process\w*|track\w* (you|users|visitors)|cookies|collect\w*|opt\w*|disabl\w*)\b/u,
);

/**
 * A setting's label in the user's voice ("Don't send voice recordings", "Don't share my location"):
 * what the device or service does with the user's data, not something the user is asked not to send.
 */
const SETTING_LABEL = gated(
  /^(do not|don't) (send|save|store|upload|keep|share|sell) (my\b|(voice |audio )?recordings\b)/u,
);
/** The company asking the user not to send or post something ("please do not send us card details"). */
const ASKS_THE_USER = gated(
  /^(please )?(do not|don't|never|avoid) (send|submit|post|include|share|provide|disclose|upload)\b|\b(we|i) (ask|request|advise|recommend|urge|encourage)s? (that )?(you|users)( to)? (do not|don't|not|never|avoid)\b|\bplease (do not|don't|never|avoid)\b/u,
);
/** Content, products or services that others supply on the service ("games made by outside developers"). */
const OTHERS_OFFER = gated(
  /\b(content|products|services|materials|features|games|apps|applications|videos|advertisements|offers)\b[^.;]{0,50}\b(offered|provided|supplied|made|created|operated|owned|developed|published|hosted) by (other|outside|external|third[- ]part|independent|unaffiliated)\w*/u,
);
/** A practice the company has not decided on, with what it would do then ("should we ever …, we would …"). */
const HYPOTHETICAL = gated(
  /\b(should we (ever )?(decide|choose|wish|want|elect)|if we (ever )?(decide|decided|choose|chose|elect)|in the event (that )?we (ever )?(decide|decided|choose|chose))\b[^;]{0,120}\bwe would\b/u,
);

/** A licence or right granted over content ("a perpetual licence to use, store, display …"). */
const LICENCE_GRANT = gated(
  /\bgrants?\b[^.;]{0,200}\b(licen[cs]e|right)s?\b|\blicen[cs]e (\w+ )?to (use|copy|reproduce|host|store|display|publish|distribute|modify|exploit|exercise|perform|adapt|transmit)\b/u,
);

/** A licence's term (perpetual, irrevocable) and its verbs (store, host) are no retention of data. */
export function licenceGrant(r: ClauseReading): boolean {
  return (r.norm.includes('licen') || r.norm.includes('right')) && LICENCE_GRANT.test(r.norm);
}

/** A product or feature named with the word Feedback ("Feedback Assist", "Feedback Hub"). */
const FEEDBACK_PRODUCT = /\bFeedback (?=[A-Z][a-z])/gu;

/** Feedback, suggestions and ideas sent to the company are no personal data. */
export function aboutFeedback(r: ClauseReading): boolean {
  return (
    // (not a product named with the word: "the models behind Feedback Assist")
    ((matches(r.norm, /\bfeedback\b/u) && /\bfeedback\b/iu.test(r.text.replace(FEEDBACK_PRODUCT, ' '))) ||
      (matches(r.norm, /\b(suggestions?|ideas)\b/u) &&
        matches(
          r.norm,
          /\b(you|users?)\b[^.;]{0,30}\b(submit|send|give|provide|offer|post)|\b(submitted|sent|given|provided|offered) (to us|by you)\b/u,
        ))) &&
    // (nor where feedback is one item among the user's data: "information about your interactions,
    // such as the requests you make and your feedback on the responses")
    !matches(
      r.norm,
      /\bpersonal (data|information)\b|\babout you\b|\b(information|data) about your\b|\byour (interactions|requests|prompts|conversations|inputs|messages|chats)\b/u,
    )
  );
}

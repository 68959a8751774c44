import { gated, type GatedRegExp, matches } from './pattern-gate';
import { type ClauseReading } from './read-clause';

/** Literal parts one of which a pattern below needs: a cheap test before the pattern. */
const FROM_HINT = gated(/ from | through | via /u);
const TO_US_HINT = gated(/\bus\b|about you/u);
const OPERATOR_HINT = gated(
  /host|cloud|infrastructure|server|data cent|provider|vendor|compan|processor|contractor|firm|partner|part|storage|database|billing|payment|business/u,
);
const ACCESS_HINT = gated(/monitor|review|access|read|view|inspect|look at/u);
const ACCOUNT_HINT = gated(
  /data|content|message|communication|conversation|chat|account|personal pages|mail|files/u,
);
const OWNER_HINT = gated(
  /bought|sold|acquir|acquisi|merge|amalgam|bankrupt|insolven|reorgani|divest|liquidat|receivership|take|owner|successor|purchaser|buyer|sell|buy/u,
);
const NOTICE_HINT = gated(/notif|inform|tell|alert|know|notice/u);

/**
 * Readings of which data a clause is about and which way it flows (decision 0016, update 3):
 * data that comes in from other sources, inventories of personal data, tracking technologies
 * listed among collected data, and location data put to use. Used by clause-meaning.ts.
 */

/** Where data comes from when it is not the user: other companies, partners, public sources. */
const SOURCE =
  '(other sources|third[- ]part(y|ies)|3rd[- ]part(y|ies)|(our |business |marketing |advertising )?partners|affiliates|advertisers|data (brokers|providers|licensors|aggregators)|public(ly)? (databases|sources|records|available)|commercially available|other (companies|users|people|individuals|services|sources|businesses|organi[sz]ations|websites|sites|apps)|social (media|networks?)|(these|those|such|other|third[- ]party|outside) (\\w+ )?(partners|providers|companies|services|sources|businesses|sites|platforms|networks|brokers|organi[sz]ations|parties))';
/**
 * "We receive information about you from partners", "details obtained from public databases",
 * and sources named by example ("from companies we work with, such as data brokers").
 */
const RECEIVED_FROM = gated(
  new RegExp(
    `\\b(receiv|collect|obtain|get|gets|got|gather|acquir|buy|bought|purchas|licens|combin)\\w*\\b[^.;]{0,100}\\b(from|through|via) ([^.;]{0,60}?,? (such as|including|like|for example|e\\.g\\.,?) )?${SOURCE}`,
    'u',
  ),
);
/** "Partners tell us about purchases", "advertisers provide us with information about you". */
const TOLD_BY = gated(
  new RegExp(
    `\\b${SOURCE}\\b[^.;]{0,60}\\b(provide|give|send|share|tell|report|pass|disclose|supply|suppl(y|ies)|make available)\\w* (to us|with us|us)\\b|\\b${SOURCE}\\b[^.;]{0,40}\\b(provide|give|send|share|tell|report|pass|supply)\\w* (us )?(with )?(information|data|details) about (you|your)\\b`,
    'u',
  ),
);
/** A transfer out to someone other than the company itself. */
const OUTBOUND = gated(
  /\b(share|shares|shared|sharing|disclos\w*|sell|sells|sold|transfer\w*|pass(es|ed)? (it |this |them )?on|rent|trade)\b[^.;]{0,60}\b(with|to) (?!us\b|you\b)/u,
);

/** Data that flows in to the company from others (not a transfer out). */
export function receivedFromOthers(r: ClauseReading): boolean {
  const t = r.norm;
  return (
    ((FROM_HINT.test(t) && RECEIVED_FROM.test(t)) || (TO_US_HINT.test(t) && TOLD_BY.test(t))) &&
    !OUTBOUND.test(t)
  );
}

/** Items of personal data: three or more named in a sentence make it an inventory of data. */
const DATA_ITEMS: [string, GatedRegExp][] = [
  ['name', gated(/\b(full |first |last |real |legal |user ?)?names?\b/u)],
  ['email', gated(/\be-?mail (address(es)?)\b/u)],
  [
    'address',
    gated(
      /\b(postal|home|mailing|street|billing|shipping|physical) address(es)?\b|\baddress(es)?\b(?! (the|these|this|any|your (questions|concerns)))/u,
    ),
  ],
  ['phone', gated(/\b(tele)?phone( number)?s?\b|\bmobile numbers?\b/u)],
  ['birth', gated(/\b(date of birth|birth ?date|birthday|age)\b/u)],
  ['gender', gated(/\b(gender|sex)\b/u)],
  ['credentials', gated(/\b(passwords?|usernames?|log-?in credentials)\b/u)],
  [
    'payment',
    gated(
      /\b(credit|debit|payment|bank) (card|account)s?\b|\bbilling (information|details)\b|\bpayment (information|details|data)\b/u,
    ),
  ],
  ['ip', gated(/\bip[- ]address(es)?\b/u)],
  [
    'device',
    gated(
      /\bdevice (identifiers?|ids?|type|information|model)\b|\b(unique|advertising|mobile) (device )?(identifiers?|ids?)\b/u,
    ),
  ],
  ['browser', gated(/\bbrowser (type|version|information|settings)\b|\boperating system\b/u)],
  ['location', gated(/\b(geo)?location\b|\bgps\b/u)],
  ['photo', gated(/\b(photos?|pictures?|profile (photos?|pictures?|images?))\b/u)],
  ['contacts', gated(/\b(contacts|address book|contact list)\b/u)],
  ['history', gated(/\b(browsing|search|purchase|transaction|viewing|order|listening) history\b/u)],
  ['pages', gated(/\bpages? (you )?(visit|view)\w*\b|\breferring (url|page|site)s?\b|\btime spent\b/u)],
  ['work', gated(/\b(job title|employer|occupation|company name)\b/u)],
  [
    'identity',
    gated(/\b(social security|passport|national id|identity (card|document)s?|driver'?s licen[cs]e)\b/u),
  ],
];

/** How many distinct kinds of personal data a sentence names (counting stops at `enough`). */
export function dataItems(r: ClauseReading, enough = Infinity): number {
  let n = 0;
  for (const [, re] of DATA_ITEMS) if (re.test(r.norm) && ++n >= enough) break;
  return n;
}

/** The sentence lists personal data given, asked for or included ("the details you give us include …"). */
const INVENTORY_FRAME = gated(
  /\b(include|includes|including|such as|consists? of|comprises?|following|e\.g\.|for example|ask(s|ed)? (you )?(for|to provide)|request(s|ed)?|provide|provided|give|given|submit\w*|enter\w*|register\w*|sign(ing)? up|create an account|will be asked|required)\b|:/u,
);

export function dataInventory(r: ClauseReading): boolean {
  return INVENTORY_FRAME.test(r.norm) && dataItems(r, 3) >= 3;
}

/** Tracking technologies and identifiers named among collected data. */
const TRACKING_DATA = gated(
  /\b(cookies?|web beacons?|beacons?|(tracking )?pixels?|pixel tags?|clear gifs?|tracking technolog(y|ies)|fingerprinting|(device|browser|canvas|digital|unique) fingerprints?|(unique|persistent|advertising|mobile ad(vertising)?) (device )?(identifiers?|ids?)|sdks?)\b/u,
);

export function trackingAmongData(r: ClauseReading): boolean {
  return TRACKING_DATA.test(r.norm);
}

/** Location worked out from other data ("derive your location from your IP address"). */
const LOCATION_DERIVED = gated(
  /\b(deriv|determin|infer|estimat|approximat|work(ed)? out|detect|identif)\w*\b[^.;]{0,40}\b(location|where you are)\b|\b(location|where you are)\b[^.;]{0,40}\b(derived|determined|inferred|estimated|worked out|detected|based on your ip)\b/u,
);

export function locationDerived(r: ClauseReading): boolean {
  return r.topics.includes('location') && LOCATION_DERIVED.test(r.norm);
}

/**
 * Another company running part of the service with the user's data: hosting, cloud
 * infrastructure, payment processing, support ("our servers are hosted by …", "we rely on outside
 * companies for payment processing").
 */
const OPERATED_BY_OTHERS = gated(
  /\b(hosted|hosting|host|run|operated|provided|managed|maintained|rented|leased|stored)\b[^.;]{0,40}\b(by|with|on|from|at|using)\b[^.;]{0,40}\b(cloud|hosting|infrastructure|servers?|data cent(er|re)s?|provider|company|companies|partners?|vendors?|third[- ]part(y|ies))\b|\b(cloud|hosting|infrastructure|server|storage|data cent(er|re)|payment|billing) (provider|company|companies|partners?|vendors?|processors?|services? providers?)s?\b|\b(use|uses|rely on|relies on|work with|works with|engage|engages|employ|hire|utili[sz]e|partner with|outsource)\b[^.;]{0,30}\b(third[- ]part(y|ies)|outside|external|other|independent) (companies|providers|vendors|firms|parties|service providers|partners|contractors|businesses)\b[^.;]{0,80}\b(to|for) (help |assist )?(us )?(provide|operate|run|host|process|support|deliver|maintain|perform|payment|customer|infrastructure|storage|hosting|billing)|\b(companies|providers|vendors|firms|contractors)\b (that|who) (help|assist|work for|support) us\b|\bfor (our )?(file |data |cloud |web )?(servers?|databases?|infrastructure|hosting|storage|data cent(er|re)s?)\b[^.;]{0,40}\b(we )?(use|utili[sz]e|rely on)\b|\b(use|uses|utili[sz]es?|rely on|relies on)\b[^.;]{0,60}\bfor (our )?(cloud |web )?(servers?|databases?|infrastructure|hosting|storage)\b|\b(cloud|hosting) (platforms?|infrastructure|servers?)\b/u,
);

export function operatedByOthers(r: ClauseReading): boolean {
  return OPERATOR_HINT.test(r.norm) && OPERATED_BY_OTHERS.test(r.norm);
}

/**
 * People at or for the company able to open the user's account, messages or communications
 * ("we reserve the right to monitor any communication", "administrators may access your account").
 */
const ACCOUNT_ACCESS = gated(
  /\b(we|administrators?|admins?|moderators|staff|employees|personnel|persons?|people|team)\b[^.;]{0,60}\b(monitor|review|access|read|view|inspect|look at|have access to|be accessible to)\b[^.;]{0,40}\b(private messages|messages|communications?|conversations|chats|accounts?|account activity|personal pages|e-?mails|files you (store|upload))\b|\b(messages|communications?|conversations|chats|accounts?|data|content)\b[^.;]{0,40}\b(may be |are |is )?(accessible to|accessed by|reviewed by|read by|monitored by)\b[^.;]{0,40}\b(staff|employees|personnel|persons|people|administrators?|admins?|moderators|team)\b/u,
);

export function accountAccess(r: ClauseReading): boolean {
  return ACCESS_HINT.test(r.norm) && ACCOUNT_HINT.test(r.norm) && ACCOUNT_ACCESS.test(r.norm);
}

/** Disclosure only under a condition ("disclosed only when the law requires it"). */
const DISCLOSED_ONLY = gated(
  /\b(disclos|shar|provid|releas|transferr?|giv|pass|hand)\w* (\w+ ){0,3}only (when|if|where|to the extent|as|in (the following|limited|specific)|in response to|upon|on receipt of|pursuant to|after (we )?(receiv|obtain))\b|\bonly (be )?(disclos|shar|releas|transferr?|pass|hand)\w* (\w+ ){0,3}(when|if|where|to the extent|as (required|necessary|permitted|described)|in response to|upon|pursuant to)\b/u,
);
/** Others not allowed to use what the company holds ("we never let advertisers see your messages"). */
const OTHERS_NOT_ALLOWED = gated(
  /\b(not|never|n't) (\w+ )?(allow|permit|let|authori[sz]e|enable)s? (\w+ ){0,4}(to )?(use|share|access|record|collect|sell|track|see|read|place|view|receive|obtain)\b/u,
);
/** Others' access that waits for the user's approval ("apps can read your files only if you approve"). */
const ONLY_IF_YOU = gated(
  /\b(access|read|see|view|use|receive|obtain)\w*\b[^.;]{0,50}\bonly (if|when|after|with|once) (you|your)\b[^.;]{0,20}\b(approv|authori[sz]|consent|allow|agree|permi|choose|decide|opt)\w*/u,
);
/** Pushing back on requests of the authorities ("we will resist requests for user information"). */
const RESISTS_AUTHORITIES = gated(
  /\b(resist|push(es)? back|challeng|contest|fight|object to|do our best not to comply|narrow)\w*\b/u,
);
/** A buyer or successor bound to the same promises ("the buyer must keep the promises made in this notice"). */
const SUCCESSOR_BOUND = gated(
  /\b(keep|honou?r|abide by|bound by|(remain|be|stay) subject to|consistent with|respect|uphold|adhere to)\b[^.;]{0,30}\b(promises|commitments|(this |our |the )(privacy )?(policy|notice|statement|section))\b/u,
);

/**
 * A limit the company sets on disclosure without (or beyond) naming a recipient: a condition,
 * others not allowed, the user's approval first, requests resisted, a successor bound. Its topic.
 */
export function disclosureLimited(r: ClauseReading): { topic: string | null } | null {
  const authorities = r.recipients.includes('authorities');
  const transfer =
    r.recipients.includes('business-transfer') ||
    matches(r.norm, /\b(bought|buyer|purchaser|acquir\w*|successor)\b/u);
  const topic = transfer
    ? 'business-transfer'
    : authorities
      ? 'law-enforcement'
      : r.topics.includes('advertising')
        ? 'advertising'
        : null;
  if (authorities && RESISTS_AUTHORITIES.test(r.norm)) return { topic: 'law-enforcement' };
  if (transfer && SUCCESSOR_BOUND.test(r.norm)) return { topic: 'business-transfer' };
  const only = r.norm.includes('only');
  if (
    (only && (DISCLOSED_ONLY.test(r.norm) || ONLY_IF_YOU.test(r.norm))) ||
    (r.acts.some((x) => x.negated) && OTHERS_NOT_ALLOWED.test(r.norm))
  )
    return { topic };
  return null;
}

/** A change of owner: a sale, merger, bankruptcy, a successor or new owner. */
const CHANGE_OF_OWNER = gated(
  /\b(be|is|are|were|gets?) (bought|sold|acquired|merged|taken over)\b|\b(merger|amalgamation|acquisition|bankruptcy|insolvency|reorgani[sz]ation|divestiture|liquidation|receivership)s?\b|\btakes? over (our|the|its) (business|company)\b|\b(new owners?|change of (ownership|control)|transfer of ownership|successors?( entity)?|purchasers?|buyers?|acquirers?)\b|\b(sell|buy) (or (buy|sell) )?(businesses|companies|(our|its) (business|company|assets))\b/u,
);
/** The user's data going with the business, as an asset or to the new owner. */
const DATA_GOES_WITH = gated(
  /\b(data|information|records|details|database)\b[^.;]{0,80}\b(assets?|transferr?\w*|pass(es|ed)? to|handed|given|disclosed|included|sold|go(es)? to|move\w*)\b|\b(transfer|disclos|pass|hand|sell|provid)\w*\b[^.;]{0,40}\b(your|user|users'?|customer|personal)\b[^.;]{0,20}\b(data|information|records|details)\b/u,
);

/** The user's data transferred in a sale, merger or bankruptcy of the company. */
export function goesWithTheBusiness(r: ClauseReading): boolean {
  return OWNER_HINT.test(r.norm) && CHANGE_OF_OWNER.test(r.norm) && DATA_GOES_WITH.test(r.norm);
}

/** Users told before (or when) their data is handed over on a demand ("we will notify you of requests"). */
const NOTICE_BEFORE_DISCLOSURE = gated(
  /\b(notify|inform|tell|alert|let (you|users|them|the user|account (holders?|owners?)) know|keep (you|users|them|the (account )?(owner|holder)) informed|(provide|give) (you|users) (with )?(prior )?notice)\b[^.;]{0,80}\b(before|when|if|of|about)\b[^.;]{0,60}\b(disclos\w*|hand\w* (over|to)|turn\w* over|releas\w*|government|authorit\w*|law enforcement|police|courts?|subpoenas?|warrants?|legal (process|requests?|demands?))\b|\bbefore (we )?(disclos|hand|turn|releas|provid|giv)\w*\b[^.;]{0,80}\b(notify|inform|tell|alert|let you know)\b/u,
);

export function noticeBeforeDisclosure(r: ClauseReading): boolean {
  return NOTICE_HINT.test(r.norm) && NOTICE_BEFORE_DISCLOSURE.test(r.norm);
}

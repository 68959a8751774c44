import { type Meaning, rightKinds, SENSITIVE_DATA } from './clause-meaning';
import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { sharesLive } from './compare-readings';
import { PURPOSE_TOPICS } from './practice-kinds';
import { type ClauseReading } from './read-clause';
import { cellsOf, type SideLines } from './side-lines';
import { COOKIE_HEADER, plainCell } from './table-cells';

/** A list item that starts by naming a kind of recipient ("cloud hosting providers, which …", "our advertising partners"). */
const RECIPIENT_ITEM =
  /^\W*(\(?([a-z]|[ivx]{1,5})\)\s+)?((our|the|other|certain|trusted|selected|a|an|any) )?([\w-]+,? ){0,6}(providers?|processors?|partners?|companies|vendors?|platforms?|agencies|affiliates|advertisers|networks|contractors|subsidiaries|consultants|auditors|authorities|brokers|buyers?|acquirers?|purchasers?|parties|insurers|lenders|retailers|merchants)\b/u;
/** A table's first column header that names whom data goes to ("Recipient", "Who we share it with", "Shared with"). */
const RECIPIENT_COLUMN =
  /^\W*((categories of )?(recipients?|third parties|partners)|who (we share (it |them |data )?with|receives( it)?|gets it)|shared with|disclosed to)\W*$/u;
/** A table's first column header that names trackers: a cookie table's ("Cookie", "Name"), or "SDK". */
const trackerColumn = (header: string) => COOKIE_HEADER.test(header) || /^sdks?$/iu.test(header);
/** Headings over a table of where data comes from, not whom it goes to. */
const RECIPIENTS_AS_SOURCE = /\b(from|sources?|received|receive|obtain\w*)\b/u;
/** A list item that says whom data goes to ("with your health insurer, including diagnosis codes"). */
const WITH_ITEM =
  /^\W*(\(?([a-z]|[ivx]{1,5})\)\s+)?with (your |our |the |other |any |a |an |certain |selected )?[\w-]+/u;
/** …not the condition it goes under ("with your consent"). */
const WITH_CONDITION =
  /^\W*with (your |their )?(express |explicit |prior )?(consent|permission|agreement|authori[sz]ation)\b/u;
/** Recipients that use the data for their own ends. */
const OWN_ENDS =
  /\b(for their own (purposes|marketing|use)|to (offer|market|sell|advertise) (to )?you|to send you (their )?(offers|marketing|advertising))\b/u;
/** An introduction that says the companies it lists work on the service's data for it ("These companies process data for us:"). */
const PROCESSORS_INTRO =
  /\b(sub-?processors?|processors|suppliers|vendors|service providers|companies|firms)\b[^.;]{0,60}\b(process|handle|host|store|run|work|help)\w* (\w+ ){0,3}(for|on behalf of) (us|our)\b|\b(sub-?processors?|suppliers|vendors)\W*$/u;
/** A list item that names a company and what it does ("Sift, which helps us detect fraud"; "Postrider sends our receipts on our behalf"; "Helpkite — our support desk, which receives your email"). */
const COMPANY_ITEM =
  /^\W*[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|and|&))*(?:, (?:which|who) | [a-z]+s\b[^.;]{0,100}\b(?:on (?:our|its) behalf|for us)\b|\s*[—–:-]\s*(?:our|an?|the) [^.;]{0,60}?,? (?:which|who|that) (?:receives?|gets?|hosts?|process(?:es)?|stores?|handles?|sees?|sends?|runs?|analy[sz]es?)\b)/u;
/** A line that introduces what the user gives the service, or what it measures ("Information you give us", "What we ask you for", "What we measure"). */
const GIVEN_TO_US =
  /\b(information|data|details) (that )?you (give|provide|send|share with|enter|submit)( to)? us\b|\b(information|data|details) (that )?(your |the |our )?([\w-]+ ){0,2}(sends?|shares?|transmits?|uploads?|reports?)( to)? us\b|\bwhat we ask (you )?for\b|\bwe (will |may )?ask ([\w-]+ ){0,4}?for\b|\bwhat (we|it|the \w+|your \w+) (measures?|records?|reads?|logs?|captures?|senses?|tracks?)\b|\b(information|details|data) (that )?you (can |may )?(add|include|enter|put) (to|in|on) your (\w+ )?(profile|account)\b|\badd (more )?(information |details )?about yourself\b/u;
/** A sentence that introduces a list of purposes ("We use … to:", "… for the following purposes:"). */
const USE_INTRO = /\bto:?\s*$|\b(following|these) purposes\b|\bpurposes (such as|including)\b/u;

/**
 * A list item (or a table row) read with what introduces it: a line that says little alone says
 * what its introduction says of each of its items.
 */
interface ListItemRule<Item, Intro> {
  /** What the sentence names that the rule reads, when it is such an item (else null). */
  item: (s: Side) => Item | null;
  /** What introduces the item, when it introduces such a list (else null). */
  introduction: (s: Side, item: Item, lines: SideLines, ctx: ClassifyContext) => Intro | null;
  /** The meanings the item takes from its introduction. */
  meaning: (s: Side, item: Item, intro: Intro) => Meaning[];
}

/** Each item of both sides that `rule` reads under its introduction takes the meanings it gives. */
function readListItems<Item, Intro>(
  ctx: ClassifyContext,
  removed: Side[],
  added: Side[],
  rule: ListItemRule<Item, Intro>,
): void {
  for (const [list, side] of [
    [added, 'added'],
    [removed, 'removed'],
  ] as const)
    for (const s of list) {
      const item = rule.item(s);
      if (item === null) continue;
      const intro = rule.introduction(s, item, ctx.linesOf[side], ctx);
      if (intro === null) continue;
      s.meanings = rule.meaning(s, item, intro);
    }
}

/** The list items and table rows of both sides, read under what introduces them. */
export function listItemRules(ctx: ClassifyContext, removed: Side[], added: Side[]): void {
  readListItems(ctx, removed, added, CONDITION_ITEM);
  readListItems(ctx, removed, added, COLLECTED_ITEM);
  readListItems(ctx, removed, added, RECIPIENTS_ITEM);
  readListItems(ctx, removed, added, RECIPIENTS_ROW);
  readListItems(ctx, removed, added, PURPOSE_ITEM);
  readListItems(ctx, removed, added, RIGHT_ITEM);
}

/** A list item that names what the user may do with their data, in the imperative ("- Review the information we hold", "(b) Ask us to delete it"). */
const RIGHT_VERB_ITEM =
  /^\W*(\(?([a-z]|[ivx]{1,5}|\d{1,2})[.)]\s+)?(review|access|see|view|get|obtain|request|download|receive|correct|rectify|update|amend|delete|erase|ask( us)?( to)?|tell us to|object|restrict|port|know|find out)\b/u;
/** A sentence that introduces what the user (or a parent) may do ("As a parent, you can at any time:", "You have the right to:"). */
const RIGHTS_INTRO =
  /\b(you|parents?|guardians?|users?|customers?|members?|individuals|data subjects)( also)? (can|may|have the (following )?rights?|are entitled|have a right)\b[^.;]*:?\s*$|\byour rights( include| are)?:?\s*$|\bthe (following )?rights?:?\s*$/u;

/**
 * A list item under a sentence that says what the user or a parent may do: a right, not what its
 * own words ("Review the information we have collected from your child") would say alone.
 */
const RIGHT_ITEM: ListItemRule<true, ClauseReading> = {
  item: (s) =>
    RIGHT_VERB_ITEM.test(s.reading.norm) && !s.meanings.some((m) => m.kind === 'rights-added') ? true : null,
  introduction: (s, _item, lines, ctx) => {
    const intro = lines.listIntro(s.reading.text);
    if (intro === null) return null;
    const ir = ctx.readingOf(intro);
    return RIGHTS_INTRO.test(ir.norm) ? ir : null;
  },
  meaning: (s, _item, ir) => [
    {
      kind: 'rights-added',
      topic: s.reading.topics.includes('children') || ir.topics.includes('children') ? 'children' : null,
      rule: 'list-item-of-rights',
      object: rightKinds(s.reading.norm)[0] as string,
    },
  ],
};

/**
 * A list item that names sensitive data and says nothing itself, under a sentence that collects
 * ("We collect: … - your precise GPS location"): the item is collected, or no longer collected.
 */
const COLLECTED_ITEM: ListItemRule<(string | null)[], string> = {
  item: (s) => {
    // (a use of the sensitive data it names is what the item is collected for)
    if (s.meanings.some((m) => m.rule !== 'sensitive-data-used')) return null;
    // (a purpose that decides or infers with the data is a use of it: PURPOSE_ITEM)
    if (PROFILING_PURPOSE.test(s.reading.norm)) return null;
    const topics = s.reading.topics.filter((t) => SENSITIVE_DATA.includes(t));
    if (topics.length > 0) return topics;
    // (or a kind of data no topic names, "| Home map | The floor plan of each level |": a new
    // category all the same, when the item names data rather than saying something of it)
    return s.meanings.length === 0 && DATA_ITEM.test(s.reading.text) && !NOT_DATA_ITEM.test(s.reading.norm)
      ? [null]
      : null;
  },
  introduction: (s, _topics, lines, ctx) => {
    const intro = lines.listIntro(s.reading.text);
    if (intro === null) return null;
    const collects = (t: string) =>
      ctx.readingOf(t).acts.some((x) => x.family === 'collect' && !x.negated) ||
      ctx.rulesOf(t).some((m) => m.kind === 'new-data-collected') ||
      // ("Information you give us", "What we ask for")
      GIVEN_TO_US.test(ctx.prepared(t).norm);
    // (or under headings that say so: "# What data the app collects" / "## Health data")
    if (!collects(intro) && !lines.headingsAbove(s.reading.text).some(collects)) return null;
    return intro;
  },
  // (what the item says, on either side: its removal is read from it as any sentence's is)
  meaning: (_s, topics) =>
    topics.map((topic) => ({
      kind: 'new-data-collected',
      topic,
      rule: 'list-item-of-collection',
      object: topic ?? 'data',
    })),
};

/** A sentence that introduces the cases a practice happens in ("… only when:", "We may disclose it if:", "… in the following circumstances:"). */
const CONDITION_INTRO =
  /\b(when|if|where|in (the following|these|any of these|such) (cases|circumstances|situations))\b( any of the following)?( (is|are) true| applies| apply)?:\s*$/u;
/** Sharing, selling or collecting: what one more case of it extends. */
const EXTENDED_BY_A_CASE = ['sharing-expanded', 'new-data-collected', 'new-data-use', 'tracking-added'];

/**
 * A list item naming one case a practice happens in, under the sentence that states the practice
 * ("Watchnest hands camera footage to a police force only when: … - an officer tells us there is
 * an emergency"): one more case of that practice, or one fewer where the item is gone. An item
 * that states a practice of its own is read as that.
 */
const CONDITION_ITEM: ListItemRule<true, Meaning[]> = {
  item: (s) => (s.meanings.length === 0 && !s.reading.acts.some((x) => x.negated) ? true : null),
  introduction: (s, _item, lines, ctx) => {
    const intro = lines.listIntro(s.reading.text);
    if (intro === null || !CONDITION_INTRO.test(ctx.prepared(intro).norm)) return null;
    const practices = ctx.rulesOf(intro).filter((m) => EXTENDED_BY_A_CASE.includes(m.kind));
    return practices.length > 0 ? practices : null;
  },
  meaning: (_s, _item, practices) => practices.map((m) => ({ ...m, rule: 'list-item-of-condition' })),
};

/** A list item or table row short enough to be a name of data ("- Wi-Fi signal strength", "| Home map | The floor plan … |"). */
const DATA_ITEM = /^\s*([-*+•]|\d+[.)]|\|)\s*[^.;!?]{3,200}$/u;
/** …not a sentence about the data: it opens with who acts, a negation or a condition. */
const NOT_DATA_ITEM =
  /^\W*(we|you|it|this|these|they|our|your|us|no|not|never|none|if|when|unless|only|except)\b|\b(not|never|n't)\b/u;

/**
 * A list item naming recipients, under a sentence that shares data or names its recipients ("Our
 * Service Providers include: … - email delivery providers, which send our newsletters"): one more
 * recipient, not the use its own words ("send our newsletters") would say alone.
 */
const RECIPIENTS_ITEM: ListItemRule<
  { named: boolean; withWhom: boolean },
  { ir: ClauseReading; shared: Meaning | undefined; sharing: boolean }
> = {
  item: (s) => {
    // (a kind of recipient named first, "cloud hosting providers, which …", or a company named
    // and what it does for the service, "Sift, which helps us detect fraud")
    const named = s.reading.recipients.length > 0 && RECIPIENT_ITEM.test(s.reading.norm);
    // (or whom the data goes to, under "We share your health information: - with your insurer")
    const withWhom = WITH_ITEM.test(s.reading.norm) && !WITH_CONDITION.test(s.reading.norm);
    if (
      !(named || withWhom || COMPANY_ITEM.test(s.reading.text)) ||
      // (a list item, not a table row: a row's first cell is often where data comes from)
      s.reading.text.trimStart().startsWith('|') ||
      (s.meanings.some((m) => m.kind === 'new-data-collected') && !COMPANY_ITEM.test(s.reading.text)) ||
      s.reading.acts.some((x) => x.negated) ||
      s.meanings.some((m) => m.kind.startsWith('sharing-') && m.topic !== null)
    )
      return null;
    return { named, withWhom };
  },
  introduction: (s, { named, withWhom }, lines, ctx) => {
    const intro = lines.listIntro(s.reading.text);
    if (intro === null) return null;
    const ir = ctx.readingOf(intro);
    const shared = ctx.rulesOf(intro).find((m) => m.kind === 'sharing-expanded');
    // (an introduction that shares, however it limits it: "only as needed to provide your care:")
    const sharing = (withWhom || named) && sharesLive(ir);
    const processors = COMPANY_ITEM.test(s.reading.text) && PROCESSORS_INTRO.test(ctx.prepared(intro).norm);
    if (!sharing && !shared && !processors && (ir.recipients.length === 0 || ir.acts.some((x) => x.negated)))
      return null;
    // (a company named alone is a recipient only under an introduction that names recipients, or
    // says that companies process data for the service: "These companies process data for us:")
    if (!sharing && !named && ir.recipients.length === 0) {
      if (!COMPANY_ITEM.test(s.reading.text) || !PROCESSORS_INTRO.test(ctx.prepared(intro).norm)) return null;
      return { ir: { ...ir, recipients: ['service-providers'] }, shared, sharing };
    }
    return { ir, shared, sharing };
  },
  meaning: (s, _item, { ir, shared, sharing }) => {
    const sensitive = [...s.reading.topics, ...ir.topics].find((t) => SENSITIVE_DATA.includes(t));
    const topic =
      sharing && sensitive
        ? sensitive
        : s.reading.topics.includes('law-enforcement') && !ir.topics.includes('law-enforcement')
          ? 'law-enforcement'
          : s.reading.recipients.includes('business-transfer')
            ? 'business-transfer'
            : // (recipients who use it for their own ends are no service providers: "travel
              // partners, …, which may use it to offer you their products")
              OWN_ENDS.test(s.reading.norm)
              ? 'third-party-sharing'
              : s.reading.recipients.includes('service-providers')
                ? 'service-providers'
                : s.reading.topics.includes('advertising')
                  ? 'advertising'
                  : (shared?.topic ??
                    (ir.recipients.includes('service-providers') ? 'service-providers' : null));
    return [
      { kind: 'sharing-expanded', topic, rule: 'list-item-of-recipients', object: topic ?? 'sharing' },
      ...s.meanings.filter((m) => m.kind.startsWith('tracking-')),
    ];
  },
};

/**
 * A row of a table of recipients ("## Current subprocessors" / "| Customer support | Hosts our
 * help desk | Name, email address | US |"): one more recipient, whatever its cells' words say.
 */
const RECIPIENTS_ROW: ListItemRule<true, ClauseReading> = {
  item: (s) =>
    !s.reading.text.trimStart().startsWith('|') ||
    s.reading.acts.some((x) => x.negated) ||
    s.meanings.some(
      (m) => m.kind.startsWith('sharing-') || m.kind.startsWith('opt-out') || m.kind.startsWith('retention'),
    )
      ? null
      : true,
  introduction: (s, _row, lines, ctx) => {
    // (a table whose first column says whom: "| Recipient | What they get | Why |"; a whole row,
    // not a fragment the diff cut out of one; not a table of cookies, whose rows are trackers)
    const first = lines.tableHeader(s.reading.text)?.[0];
    if (first !== undefined && trackerColumn(plainCell(first))) return null;
    if (
      first !== undefined &&
      RECIPIENT_COLUMN.test(ctx.prepared(first).norm) &&
      cellsOf(s.reading.text).filter((c) => c.length > 0).length >= 2
    )
      return ctx.readingOf(first);
    const over = lines.headingsAbove(s.reading.text).slice(0, 2);
    const named = over
      .map((h) => ctx.readingOf(h))
      .find((h) => h.recipients.length > 0 && !h.acts.some((x) => x.negated));
    if (!named || over.some((h) => RECIPIENTS_AS_SOURCE.test(ctx.prepared(h).norm))) return null;
    return named;
  },
  meaning: (s, _row, named) => {
    // (whom it goes to, or the data or the end the row names: "| Advertising partners | … | To
    // target the ads you see |")
    const own = s.reading.topics.filter((t) => t === 'advertising' || SENSITIVE_DATA.includes(t));
    const topic = named.recipients.includes('service-providers') ? 'service-providers' : (own[0] ?? null);
    return [
      { kind: 'sharing-expanded', topic, rule: 'row-of-recipients', object: topic ?? 'sharing' },
      ...s.meanings.filter((m) => m.kind.startsWith('tracking-')),
    ];
  },
};

/**
 * A list item naming a purpose under a sentence that uses data "to:" ("We use your orders to: -
 * choose and measure the sponsored products and brand ads we show you"): a use for that purpose.
 * A purpose that infers, profiles or decides about the user ("to infer your preferences from your
 * requests and build a driver profile", "decide whether to offer you credit by looking at your
 * income") is a use of the sensitive data it, or its introduction, names.
 */
const PURPOSE_ITEM: ListItemRule<{ purposes: string[]; profiles: boolean }, ClauseReading> = {
  item: (s) => {
    if (s.meanings.some((m) => m.kind !== 'tracking-added') || s.reading.acts.some((x) => x.negated))
      return null;
    const purposes = s.reading.topics.filter((t) => PURPOSE_TOPICS.includes(t));
    const profiles = purposes.length === 0 && PROFILING_PURPOSE.test(s.reading.norm);
    return purposes.length === 0 && !profiles ? null : { purposes, profiles };
  },
  introduction: (s, _item, lines, ctx) => {
    const intro = lines.listIntro(s.reading.text);
    if (intro === null || !USE_INTRO.test(ctx.prepared(intro).norm)) return null;
    const ir = ctx.readingOf(intro);
    if (!ir.acts.some((x) => x.family === 'use' && !x.negated)) return null;
    return ir;
  },
  meaning: (s, { purposes, profiles }, ir) => {
    const topics = profiles
      ? [...new Set([...s.reading.topics, ...ir.topics].filter((t) => SENSITIVE_DATA.includes(t)))]
      : purposes;
    return [
      ...topics.map((topic) => ({
        kind: 'new-data-use',
        topic,
        rule: profiles ? 'list-item-of-profiling' : 'list-item-of-use',
        object: topic,
      })),
      ...s.meanings,
    ];
  },
};
/** A purpose that infers, profiles, scores or decides about the user. */
const PROFILING_PURPOSE =
  /^\W*(\(?[a-z]\) )?(to )?(\w+ ){0,2}(infer|profil\w*|predict|score|assess|evaluat\w*|decide|determine|set your (credit )?limits?|set your (premiums?|prices?|rates?|coverage)|price your|build (a|an|your) (\w+ )?profile)\b|\b(infer|predict)\w* your\b|\bbuild (a|an|your) (\w+ )?profile\b/u;

/**
 * A choice to keep voice on the device, and a named choice announced gone, where the choice
 * patterns of clause.json do not see them (decision 0016, updates 10 and 12). A help page says "you can
 * have your speaker handle requests itself, so the audio stays in your home" or "with Private
 * Mode, what you say is never uploaded": no "choose", "opt out" or "turn off", yet the reader is
 * offered a way to keep their voice at home. A release note says "Local Voice has been removed
 * from this device": the setting is named, not called a setting.
 */
import { type Meaning } from './clause-meaning';
import { matches } from './pattern-gate';
import { type ClauseReading } from './read-clause';
import { cellsOf } from './side-lines';

/** Where voice can stay: a device, or the home. */
const PLACES =
  '(device|echo|phone|tablet|speaker|watch|hub|tv|camera|fridge|refrigerator|car|vehicle|toy|doorbell|hearing aids?|earbuds|headphones|headsets?|glasses|thermostat|console|router|base|display|remote|home|house|robot|vacuum|monitor|panel|ring|bear|doll)';
/** Kept on the device or at home, or not sent, uploaded or transmitted. */
export const KEPT_LOCAL = new RegExp(
  String.raw`\b(locally|on[- ]device|(on-?board|built-in|embedded) (\w+ )?(computer|processor|chip|engine|hardware)|(?<!\b(turn|switch)(ed|ing|s)? )on ((the|this|your|that|its) )?(own )?${PLACES}|by (it|them)sel(f|ves)|(by|on|the|your) (the )?${PLACES} itself|(with|on|using) (its|their) own (\w+ )?(processor|chip|hardware|computer)s?|on (its|their) own|(not|never|\w*n't|no|nothing) (\w+ ){0,5}(is |are |gets |will be )?(sent|send|sending|upload\w*|transmit\w*|leav\w*|go(es)? to|reach(es)?)|without (\w+ ){0,3}(send|upload|transmit)\w*|(rather than|instead of) (being )?(sent|send|sending|upload\w*|transmit\w*)|(stays?|kept|remains?|rests?) (\w+ ){0,3}(on|at|in|inside|within) (the|this|your|its) ${PLACES})\b`,
  'u',
);

/**
 * Kept local in so many words: processed locally or by the device itself, not sent, uploaded or
 * transmitted, staying at home ("the audio never goes to Amazon's cloud"), not merely "on your
 * Echo", which names where a setting is, nor a setting's name ("Do Not Send Voice Recordings").
 */
export const KEPT_AWAY =
  /\b(locally|on[- ]device|(device|echo|speaker|hub) itself|by (it|them)sel(f|ves)|on (its|their) own|(not|never|\w*n't|no|none|nothing) (\w+ ){0,5}(is |are |gets |will be )?(sent|uploaded|transmitted|leaves|goes to|reach(es)?)|without (\w+ ){0,3}(send|upload|transmit)\w*|(rather than|instead of) (being )?(sent|upload\w*|transmit\w*)|(stays?|kept|remains?|rests?) (\w+ ){0,3}(on|at|in|inside|within) (the|this|your|its) \w+)\b/u;

/**
 * Voice named, or what a voice assistant hears ("the audio", "what you say"); "requests" and
 * "commands" only with a device or assistant in the sentence ("we will not accept requests by
 * mail" is no voice).
 */
export const VOICE_LIKE =
  /\b(voice|audio|sound|speech|spoken|utterances?|recordings?|dictat\w*|listening|your (spoken |voice )?(commands|words)|what you say|what (you|he|she|they|[\w'-]+) (asks?|says?|said|asked|speaks?))\b|\b(requests|commands)\b(?=[^.;]*\b(device|echo|speaker|hub|assistant|alexa|home|phone|watch|tv|robot|vacuum|car|tablet|glasses|earbuds|headphones|thermostat|fridge|remote|display|console|toy|hearing aids?)\b)|\b(device|echo|speaker|hub|assistant|alexa|robot|vacuum|glasses|earbuds|thermostat|fridge|remote|display|toy)\b[^.;]*\b(requests|commands)\b/u;

/**
 * The user's hand in it: the user can have it so, prefers it, or a mode, option or setting is on
 * ("you can have your Echo…", "if you prefer", "with Private Mode", "when the option is enabled",
 * "in this mode", "customers … may choose to have", a settings table's "When on, …").
 */
const USER_HAND =
  /\b(you|customers?|users?|owners?|parents?|subscribers?|members?)\b[^.;]{0,100}?\b(can|may|could|are able to|have the option to)( also| instead| now)? (have|let|set|make|keep|get|tell|ask|choose|opt|elect|decide|pick|select|switch|turn|enable)\b|\bif you (prefer|would prefer|want|wish|like|choose|enable|turn on|switch on|activate|select|set)\b|\b(you|users?|customers?|owners?|parents?) (choose|decide|pick|select|control) (where|whether|how|if)\b|\b(when|while|once|if) (switched on|turned on|toggled on|enabled|activated)\b|\b(when|while|once|if|with) (it|this|that|(the |your )?([\w'-]+ ){0,4}(mode|setting|option|toggle|switch|feature))( is| are)? ?(switched |turned )?(on|enabled|active|activated|selected)?\b|\bin (this|that|the|such) mode\b|\b(with|when|once|while) ([\w'-]+ ){1,4}(is |are )?(turned|switched|toggled) on\b|\b(where|when|once|while) you('ve| have)? (turned on|switched on|enabled|activated|selected|chosen|set up)\b|\b(because|since|as long as) ([\w'-]+ ){1,4}(is|are) (on|enabled|turned on|switched on)\b|\b(because|since|as long as|while|when|once) (it|this|that)('s| is) (switched |turned |toggled )?(on|enabled|active)\b|\b(when|while|if) (on|enabled|active|activated),|\b(when|while|once|if) [\w'-]+ (is|are) (on|enabled|active)\b/u;

/** A choice the sentence says is not offered ("we do not offer an opt-out", "there is no setting to …"). */
export const NOT_OFFERED =
  /\b(do(es)? not|don't|doesn't|never|no longer) (offer|provide|give|have|support)\b|\bthere (is|are) no\b/u;

/** What a device does by default until the wake word, not a choice ("no audio is sent until the wake word"). */
const DEFAULT_BEHAVIOUR = /\buntil\b|\bwake[- ]?word\b|\bbefore (it|the device|alexa|you say)\b/u;

/**
 * A sentence that offers to keep voice on the device, in words the choice patterns miss: kept
 * local, voice-like data, and the user's hand in it (not what a device does until it hears its
 * wake word).
 */
export function localVoiceChoice(r: ClauseReading): boolean {
  return (
    keptLocalStatement(r) &&
    (matches(r.norm, USER_HAND) || localLabel(r.norm)) &&
    // (a consequence of sending, not a choice: "audio is sent to the cloud when the mode is on")
    !/\b(is|are|will be|gets?) (sent|uploaded|transmitted)\b(?![^.;]{0,20}\b(not|never)\b)/u.test(
      r.norm.replace(/\b(not|never|\w*n't|no|nothing) (\w+ ){0,5}(sent|uploaded|transmitted)\b/gu, ''),
    )
  );
}

/**
 * A flow of data that stops while a mode or setting is on ("while it is on, the car stops sending
 * your location"; "Guest Mode stops the app from recording what you watch"): the verb that stops
 * and the flow it stops.
 */
const FLOW_STOPPED =
  /\b((stops|ceases|pauses|halts|suspends|blocks|prevents|stop|pause|block|prevent)\b (\w+ ){0,4}?(from )?|(no longer|not|never|\w+n't) (be )?)(send|sent|collect|record|shar|upload|transmit|track|captur|log)(s|ed|ing|e|ted|ting)?\b/u;

/**
 * A mode or setting that, while on, stops data being sent, collected or recorded: a choice about
 * that data, whatever the data (the general form of the voice choice above).
 */
export function flowStoppedChoice(r: ClauseReading): boolean {
  return matches(r.norm, FLOW_STOPPED) && matches(r.norm, SWITCHED_ON) && matches(r.norm, USER_HAND);
}
/** A mode, setting or feature said to be on ("while it is on", "with Guest Mode switched on", "enable …"). */
const SWITCHED_ON =
  /\b(is|are|it's|that's) (switched |turned |toggled )?(on|enabled|active|activated)\b|\b(switched|turned|toggled) on\b|\b(with|when|while|once|if) ([\w'-]+ ){1,4}(on|enabled|active)\b|\b(enabl|activat)(e|es|ed|ing)\b|\b(turn|switch)(s|es|ing)? (it |this |that )?on\b|\b[\w-]+ mode\b/u;

/**
 * A setting's label that says what it does, in the imperative, as a settings screen or its string
 * table words a toggle ("Keep my voice on this Hub", "| localvoice.title | Process requests on
 * device |"): a short cell or line that keeps voice local.
 */
function localLabel(norm: string): boolean {
  if (norm.length > 400) return false;
  return cellsOf(norm)
    .map((cell) => cell.replace(/[`*_"“”]/gu, '').trim())
    .some(
      (cell) =>
        cell.split(' ').length <= 8 &&
        LABEL_VERB.test(cell) &&
        KEPT_LOCAL.test(cell) &&
        VOICE_LIKE.test(cell),
    );
}
const LABEL_VERB = /^(keep|process|handle|run|store|understand|recogni[sz]e|listen)\b/u;

/** A withdrawal: gone, removed, retired, sunset, no longer (or "no more") offered, about to disappear. */
export const WITHDRAWN =
  /\b(took|taken|takes|taking) away\b|\b(has|have) (simply |now |quietly )?(disappeared|vanished|gone away|come to an end)\b|\bcame to an end\b|\b((has|have) been|(is|are|was|were|will be|being)) (discontinued|removed|retired|deprecated|sunset|sunsetted|phased out|taken away|withdrawn|eliminated|dropped|ended|no (longer|more) (available|offered|proposed|supported|an option))\b|\b(will|shall) (no (longer|more)|not) be (available|offered|supported|an option)( (any ?more|any longer))?\b|\b(option|setting|feature|mode|toggle|choice)s? (will )?(disappear|go away|be going away)\b|\b(end|ends|ending|stop|stops|stopping|drop|drops|dropping|withdraw|withdrawing|remov(e|es|ing)) (support for |supporting |offering |providing |the option of |the option to use )?(local|on-device|on device|offline) (\w+ ){0,2}(processing|handling|storage|mode|voice|recognition)\b|\b(stop|stops|stopping|stopped|end|ends|ending|cease|ceases|discontinu\w+) (supporting|offering|providing) (this|that|the) (feature|setting|option|mode|toggle)\b|\b(are|is|we're|will be) (discontinuing|retiring|removing|sunsetting|phasing out|withdrawing)\b|\b(no longer|not any ?more|ceas(e|es|ed) to) (offer|provide|support)s? (\w+ ){0,2}(local|on-device|on device|offline|device-only|on-device-only)\b/u;

/** A changelog's removal line: "Removed: …", "Deprecated — …", "**Retired:** …". */
const CHANGELOG_REMOVAL =
  /^[\s*_>•·-]*(removed|discontinued|retired|deprecated|dropped|sunset|sunsetted|no longer supported)[*_]*\s*[:—–]/iu;

/** A choice or mode named as the subject ("Private Mode was sunset", "the on-device option will disappear"). */
const CHOICE_WORD = /\b(option|setting|feature|mode|toggle|choice|control)s?\b/u;
/** A setting's name in title case just before its withdrawal ("Do Not Send Voice Recordings has been removed"). */
const TITLE_BEFORE_WITHDRAWAL =
  /(?:^|[^\w'’])(?:[A-Z][\w'’-]*\s+){1,6}[A-Z][\w'’-]*\**\s+(has been|have been|is|are|was|were|will be|is being) (discontinued|removed|retired|deprecated|sunset|sunsetted|phased out|taken away|withdrawn|eliminated|dropped|ended|no (longer|more) (available|offered|proposed|supported))\b/u;

/**
 * A named choice announced gone: a setting, mode or option as the subject of a withdrawal, a
 * setting's name in title case just before one, or support for local processing ended. "Your
 * recordings have been removed" names no choice.
 */
export function namedChoiceGone(r: ClauseReading): boolean {
  // a changelog's line ("Removed: Keep voice on doorbell.") about privacy or voice
  if (
    CHANGELOG_REMOVAL.test(r.text) &&
    (matches(r.norm, PRIVACY_WORD) || r.topics.includes('voice-recordings'))
  )
    return true;
  const m = matches(r.norm, WITHDRAWN) ? WITHDRAWN.exec(r.norm) : null;
  if (!m) return false;
  if (/^(end|stop|drop|withdraw|remov|no longer|not any|ceas)/u.test(m[0])) return true;
  // ("we are discontinuing …": the name follows)
  // (a mode or a named feature gone is a choice gone only where it is about privacy or voice:
  // "dark mode is no longer available" is not)
  if (!matches(r.norm, PRIVACY_WORD) && !r.topics.includes('voice-recordings')) return false;
  if (
    CHOICE_WORD.test(r.norm.slice(0, m.index)) ||
    /^(option|setting|feature|mode|toggle|choice)/u.test(m[0])
  )
    return true;
  return TITLE_BEFORE_WITHDRAWAL.test(r.text) || TITLE_AFTER_WITHDRAWAL.test(r.text);
}
/** A setting's name in title case just after an active withdrawal ("Amazon took away Do Not Send Voice Recordings"). */
const TITLE_AFTER_WITHDRAWAL =
  /\b(took away|taken away|removed|removing|discontinued|discontinuing|retired|retiring|pulled|pulling|scrapped|scrapping|killed|sunset|sunsetted|sunsetting|deprecated|deprecating|phased out|phasing out|withdrawing)\s+(the\s+)?["“'‘]?(?:[A-Z][\w'’-]*\s+){1,6}[A-Z][\w'’-]*/u;
export const PRIVACY_WORD =
  /\b(privacy|private|local|locally|on-device|on device|offline|voice|audio|sound|speech|data|location|record\w*|track\w*|ads?|advertising|personali[sz]\w*|opt[- ]?out|incognito|guest|anonymous)\b/u;

/** What a device does by default, or a practice stated as news ("recordings are sent"), is no keep-it-local statement. */
function keptLocalStatement(r: ClauseReading): boolean {
  return (
    matches(r.norm, KEPT_LOCAL) &&
    (r.topics.includes('voice-recordings') || matches(r.norm, VOICE_LIKE)) &&
    !matches(r.norm, DEFAULT_BEHAVIOUR) &&
    // (local handling said to have ended is no choice to keep voice local: "Echo devices no longer
    // process voice requests on the device")
    !NO_LONGER_LOCAL.test(r.norm)
  );
}

const NO_LONGER_LOCAL =
  /\b(no longer|not|never|n't|cannot|stopp?(ed|ing|s)?) (\w+ ){0,2}(process|handl|recogni[sz]|understand|transcrib|run)\w* (\w+ ){0,4}(on|by|inside) (the|this|your|their|its) (own )?(device|echo|speaker|hub|phone|watch|doorbell|car)s?\b/u;

/** A setting's label: a short line of capitalised words ("Quiet Hub", "Keep Voice Local:"). */
const LABEL = /^[*_"“]*(?:[A-Z][\w'’-]*[*_"”]*\s?){1,6}[:.]?$/u;

/** Names a choice: a setting's label or name, the word for one, or a choice act. */
function namesChoice(r: ClauseReading): boolean {
  return (
    r.settings.length > 0 ||
    LABEL.test(r.text.trim()) ||
    matches(r.norm, CHOICE_WORD) ||
    r.acts.some((a) => a.family === 'choice' && !a.negated) ||
    // (a name switched on: "When Hushmode is on, …", "With Local Commands switched on, …")
    /\b(when|while|once|if|with) ([\w'-]+ ){1,3}(is |are )?(on|enabled|active|switched on|turned on)\b/u.test(
      r.norm,
    )
  );
}

interface ContextSide {
  reading: ClauseReading;
  meanings: Meaning[];
}
interface Lines {
  sameParagraph(a: string, b: string): boolean;
  labelOf(label: string, description: string): boolean;
}

/**
 * A statement that voice stays on the device ("recordings are never uploaded to Halo"), with no
 * choice of its own, in the paragraph of a setting's label or name, or under its label line,
 * describes what that setting does: it is that choice, offered (on the added side) or gone (on
 * the removed side, unless the new version still offers it). Sentences of one side, in order.
 */
export function localChoiceFromContext(list: ContextSide[], lines: Lines): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as ContextSide;
    if (
      s.meanings.some((m) => m.kind.startsWith('opt-out-')) ||
      !keptLocalStatement(s.reading) ||
      // (an option said not to exist is none: "Lumio does not offer an option to process voice on the device")
      NOT_OFFERED.test(s.reading.norm)
    )
      continue;
    const near = list.slice(Math.max(0, i - 3), i + 4);
    const named = near.some(
      (x) =>
        x !== s &&
        namesChoice(x.reading) &&
        (lines.sameParagraph(x.reading.text, s.reading.text) ||
          lines.labelOf(x.reading.text, s.reading.text)),
    );
    if (!named && !(namesChoice(s.reading) && s.reading.settings.length > 0)) continue;
    s.meanings = [
      ...s.meanings,
      {
        kind: 'opt-out-added',
        topic: 'voice-recordings',
        rule: 'local-choice-in-context',
        object: 'voice-recordings:local',
      },
    ];
  }
}

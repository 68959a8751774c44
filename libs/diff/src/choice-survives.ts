import { type Meaning } from './clause-meaning';
import { type Side } from './classify.types';
import { PlainWordsSearch } from './plain-words';
import { type ClauseReading } from './read-clause';

/** A removed choice is still offered when the added text offers the same named setting, or the same choice. */
export function choiceSurvives(
  r: Side,
  m: Meaning,
  addedSettings: Set<string>,
  addedObjects: Set<string>,
  stillNamed: (name: string) => boolean,
  offeredAfter: (object: string) => boolean,
): boolean {
  if (m.kind !== 'opt-out-added') return false;
  const named = r.reading.settings;
  const offered = (objects: Iterable<string>) => {
    for (const o of objects) if (sameChoice(m.object, o)) return true;
    return false;
  };
  const addedChoices = [...addedObjects]
    .filter((o) => o.startsWith('opt-out-added|'))
    .map((o) => o.slice('opt-out-added|'.length));
  if (named.length > 0)
    return (
      named.some((n) => addedSettings.has(n) || stillNamed(n)) ||
      // renamed, but the added text offers a choice that does the same thing with the same data
      (m.object.includes(':') && addedChoices.some((o) => o.includes(':') && sameChoice(m.object, o)))
    );
  return offered(addedChoices) || offeredAfter(m.object);
}

/** Whether only a choice that keeps its data local can be the same choice as this one (see `sameChoice`). */
export function localOnly(x: string): boolean {
  return x.split(':')[1] === 'local';
}

/**
 * Whether two choices' objects (`topic:aspect`, a setting's name, or a topic) are the same choice:
 * the same data, and no two different known aspects (keeping data local is not deleting it).
 */
export function sameChoice(x: string, y: string): boolean {
  if (x === y) return true;
  const [tx, ax] = x.split(':');
  const [ty, ay] = y.split(':');
  // (a choice to keep data on the device is that choice only: "choose how we use your voice" does
  // not keep it at home)
  if (ax === 'local') return tx === ty && ay === 'local';
  return tx === ty && (ax === undefined || ay === undefined || ax === ay);
}

/**
 * A choice reworded around the same place in the settings ("You can switch between these options
 * at any time in Parent Dashboard > Child profile > Voice" → "Change this whenever you like under
 * Parent Dashboard > Child profile > Voice"): a menu path of three steps or more names one setting.
 */
export function sameMenuPath(r: Side, a: Side): boolean {
  const path = (t: string) =>
    [...t.matchAll(MENU_PATH)].map((m) =>
      m[0]
        .toLowerCase()
        .replace(/\s*>\s*/gu, '>')
        .trim(),
    );
  const before = path(r.reading.text);
  if (before.length === 0) return false;
  const after = new Set(path(a.reading.text));
  return before.every((p) => after.has(p));
}
/**
 * The same instruction with its menu path moved or renamed ("Open Settings > Privacy > Reading
 * history and tap Clear" → "Open Account > Data & privacy > History and tap Clear"): each side
 * names one path, the words around it are the same (at least 80% shared), and the paths end on a
 * step that shares a word. A path that ends elsewhere is another setting.
 */
export function menuPathRenamed(r: Side, a: Side): boolean {
  const paths = (t: string) => [...t.matchAll(ANY_MENU_PATH)].map((m) => m[0]);
  const was = paths(r.reading.text);
  const now = paths(a.reading.text);
  if (was.length !== 1 || now.length !== 1) return false;
  const words = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  const lastStep = (p: string) => words(p.split('>').at(-1) as string);
  const endsAlike = [...lastStep(was[0] as string)].some(
    (w) => w.length >= 3 && lastStep(now[0] as string).has(w),
  );
  return (
    endsAlike &&
    mostlyShared(
      words(r.reading.text.replace(was[0] as string, ' ')),
      words(a.reading.text.replace(now[0] as string, ' ')),
    )
  );
}
/** A menu path of two or more steps, "&" allowed in a step ("Account > Data & privacy > History"). */
const ANY_MENU_PATH =
  /[A-Z][\w'’-]*(?: (?!(?:and|then|to|or)\b)[a-z&][\w'’-]*){0,3}(?:\s*[>›]\s*[A-Z][\w'’-]*(?: (?!(?:and|then|to|or)\b)[a-z&][\w'’-]*){0,3})+/gu;
/** A menu path: three or more capitalised steps joined by ">" ("Settings > Privacy > Voice"). */
const MENU_PATH = /[A-Z][\w'’-]*(?: [\w'’-]+){0,3}(?:\s*>\s*[A-Z][\w'’-]*(?: [\w'’-]+){0,3}){2,}/gu;

/**
 * The same choice under a new name: the removed sentence names a setting, and its replacement
 * is the same sentence but for the setting's name (at least 80% of the other words shared) ("turn on Location History if you want
 * a private map of where you go" → "turn on Timeline if …"; "Privacy Settings: control …" →
 * "Account Privacy: control …"). A different setting on the same topic is another sentence
 * ("Don't Save Recordings deletes your recordings" replacing "Do Not Send Voice Recordings keeps
 * the audio on the device") and stays a removal.
 */
export function renamedChoice(r: Side, a: Side, m: Meaning): boolean {
  if (m.kind !== 'opt-out-added' || r.reading.settings.length === 0) return false;
  const names = new Set([...r.reading.settings, ...a.reading.settings].flatMap((n) => n.split(' ')));
  const words = (reading: ClauseReading) => new Set(reading.tokens.filter((w) => !names.has(w)));
  return mostlyShared(words(r.reading), words(a.reading));
}

/** Whether two sets of words share at least 80% of their words (twice the shared, over both sizes). */
export function mostlyShared(before: Set<string>, after: Set<string>): boolean {
  let shared = 0;
  for (const w of before) if (after.has(w)) shared++;
  return before.size + after.size > 0 && (2 * shared) / (before.size + after.size) >= 0.8;
}

/**
 * Which names occur in the added sentences' words followed by the new version's: plain words,
 * one space between them (`plainWords(`${norms} ${normalizeClause(afterText)}`)`, read in place).
 */
export function namesIn(names: string[], added: Side[], afterText: string | undefined): Set<string> {
  const search = new PlainWordsSearch(names);
  search.begin();
  for (const a of added) {
    search.feed(a.reading.norm);
    search.feed(' ');
  }
  if (added.length === 0) search.feed(' ');
  search.end();
  if (afterText) {
    search.begin(true);
    search.feed(afterText, true, true);
    search.end();
  }
  return new Set(names.filter((_, i) => search.found(i)));
}

import { type Meaning } from './clause-meaning';
import { type Side } from './classify.types';
import { type ClauseReading } from './read-clause';

export function retentionBoth(r: Side, a: Side, m: Meaning): boolean {
  return m.kind.startsWith('retention-') && r.reading.durations.length > 0 && a.reading.durations.length > 0;
}

const longest = (r: ClauseReading) => Math.max(...r.durations.map((d) => d.days));

/** Retention compared across a pair: the longest duration each side names. */
export function retentionDelta(
  before: ClauseReading,
  after: ClauseReading,
  listOfPeriods: () => boolean = () => false,
): string | null {
  if (before.durations.length === 0 || after.durations.length === 0) return null;
  if (!isRetention(before) && !isRetention(after) && !listOfPeriods()) return null;
  const b = longest(before);
  const a = longest(after);
  if (a !== b) return a > b ? 'retention-lengthened' : 'retention-shortened';
  // the same longest period, and a shorter one now for part of the data ("recordings and
  // transcripts for 18 months" → "recordings for three months, transcripts for 18 months")
  const bs = shortest(before);
  const as = shortest(after);
  if (as === bs) return null;
  return as > bs ? 'retention-lengthened' : 'retention-shortened';
}
const shortest = (r: ClauseReading) => Math.min(...r.durations.map((d) => d.days));

const INACTIVE_CLOSED =
  /\b(inactiv\w*|dormant|(have not|haven't|has not|hasn't|do not|don't|did not|didn't) (used|opened|logged|signed)|not (used|opened|logged in|signed in))\b[^.]{0,120}\b(clos(e|ed|es|ing)|delet(e|ed|es|ing)|eras(e|ed|es))\b/u;

export function isRetention(r: ClauseReading): boolean {
  return (
    r.acts.some(
      (a) => a.family === 'retain' || a.family === 'retainLonger' || a.family === 'retainShorter',
    ) ||
    r.topics.includes('retention') ||
    // (data deleted the moment something ends is kept for no time: "deleted as soon as you cancel")
    r.durations.some((d) => d.days === 0) ||
    // (an account closed after a time unused: "if you haven't opened the app for three years, …
    // your account is closed")
    INACTIVE_CLOSED.test(r.norm) ||
    // (or taken off the company's systems after a time: "we remove it from our systems within 30
    // days", "purged after 90 days")
    (r.durations.length > 0 && REMOVED_FROM_SYSTEMS.test(r.norm))
  );
}
/** Data taken off the company's systems ("removed from our servers", "purged", "wiped"). */
const REMOVED_FROM_SYSTEMS =
  /\b(remov|purg|wip|eras|destroy|scrubb?)(e|es|ed|ing|s)?\b[^.;]{0,40}\b(from|off) (our|its|the|their) (systems?|servers?|records|databases?|backups?|storage)\b|\b(purg|wip)(e|es|ed|ing)\b/u;

export function retentionAcross(removed: Side[], added: Side[]): { kind: string; sides: Side[] } | null {
  const before = removed.filter((s) => s.reading.durations.length && isRetention(s.reading));
  const after = added.filter((s) => s.reading.durations.length && isRetention(s.reading));
  if (before.length === 0 || after.length === 0) return null;
  const b = Math.max(...before.map((s) => longest(s.reading)));
  const a = Math.max(...after.map((s) => longest(s.reading)));
  if (a === b) return null;
  return {
    kind: a > b ? 'retention-lengthened' : 'retention-shortened',
    sides: [...before.slice(0, 2), ...after.slice(0, 2)],
  };
}

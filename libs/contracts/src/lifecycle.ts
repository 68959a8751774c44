/**
 * The lifecycle of a Version and of its Change: the one place that answers "when is a
 * change announced?". Pure data and predicates; the repositories receive their status
 * lists from here, and the pipeline moves states only through the named transitions.
 * docs/architecture.md draws this table; lifecycle.spec.ts keeps the two equal.
 */
import { type ChangeState, type VersionStatus } from './vocabulary';

/** A state machine: the states an entity may be created in, and its named moves. */
interface Machine<S extends string> {
  readonly entry: readonly S[];
  readonly transitions: { readonly [name: string]: { readonly from: readonly S[]; readonly to: S } };
}

/**
 * Versions. `decideContent` records a new text as one of `entry`; afterwards only these
 * transitions change a version's status.
 */
export const VERSION_LIFECYCLE = {
  entry: ['baseline', 'pending', 'confirmed', 'revert', 'quarantined'],
  transitions: {
    /** The confirming re-check saw the same text. */
    confirm: { from: ['pending'], to: 'confirmed' },
    /** The confirming re-check saw something else: recorded, never announced. */
    dropTransient: { from: ['pending'], to: 'transient' },
    /** An operator's verdict that a quarantined page was the real document after all. */
    release: { from: ['quarantined'], to: 'released' },
  },
} as const satisfies Machine<VersionStatus>;
export type VersionTransition = keyof typeof VERSION_LIFECYCLE.transitions;

/** Changes: created pending (or suppressed at once); announced exactly once. */
export const CHANGE_LIFECYCLE = {
  entry: ['pending', 'suppressed'],
  transitions: {
    /** Its version is confirmed (or released): the subscribers hear about it, once. */
    announce: { from: ['pending'], to: 'announced' },
    /** Its version turned out transient. */
    suppress: { from: ['pending'], to: 'suppressed' },
  },
} as const satisfies Machine<ChangeState>;
export type ChangeTransition = keyof typeof CHANGE_LIFECYCLE.transitions;

/** Why a version is stored with a status, or moved to one (`statusReason`). */
export const VERSION_REASONS = {
  confirm: 'confirmed by a re-check',
  dropTransient: 'gone on re-check',
  release: 'released by an operator',
} as const satisfies Record<VersionTransition, string>;

/** Why a change is suppressed. */
export const SUPPRESSED_TRANSIENT = 'transient: gone on re-check';
export const SUPPRESSED_REVERT = 'revert: same text as an earlier version';

/** Versions new content is compared with and diffed against (not quarantined, transient or pending). */
export const BASE_STATUSES = [
  'baseline',
  'confirmed',
  'revert',
  'released',
] as const satisfies readonly VersionStatus[];

/**
 * Versions whose bytes, seen again, mean "nothing new": the quiet path may skip the
 * extraction (a pending one is confirmed by it).
 */
export const SETTLED_STATUSES = [...BASE_STATUSES, 'pending'] as const satisfies readonly VersionStatus[];

/** Versions that get a Change from the diff job (a baseline and a quarantined page have none). */
export const DIFFED_STATUSES = [
  'pending',
  'confirmed',
  'transient',
  'revert',
  'released',
] as const satisfies readonly VersionStatus[];

/**
 * Versions whose Change, when missing, the crash recovery of a quiet check enqueues again
 * (a transient one's change is never announced, so it is not worth a diff on recovery).
 */
export const NEEDS_CHANGE_STATUSES = [
  'pending',
  'confirmed',
  'revert',
  'released',
] as const satisfies readonly VersionStatus[];

/** Versions whose Change is announced. */
export const ANNOUNCED_STATUSES = ['confirmed', 'released'] as const satisfies readonly VersionStatus[];

/** Versions that show a page flipping between texts (flap detection, instability view). */
export const FLIP_STATUSES = ['revert', 'transient'] as const satisfies readonly VersionStatus[];

/** Versions waiting for their confirming re-check. */
export const AWAITING_CONFIRMATION = ['pending'] as const satisfies readonly VersionStatus[];

/** Versions stored with a confirmation time (they need no re-check). */
export const CONFIRMED_AT_ENTRY = ['baseline', 'confirmed'] as const satisfies readonly VersionStatus[];

/** Changes that the API lists unless suppressed ones are asked for. */
export const LISTED_CHANGE_STATES = ['announced', 'pending'] as const satisfies readonly ChangeState[];

/** Changes that subscribers hear about (feeds, fan-out). */
export const ANNOUNCED_CHANGE_STATES = ['announced'] as const satisfies readonly ChangeState[];

/** Versions that are not the document (error pages, walls, collapses): no change, no base. */
export const QUARANTINED_STATUSES = ['quarantined'] as const satisfies readonly VersionStatus[];

const has =
  <S extends string>(list: readonly S[]) =>
  (status: string): status is S =>
    (list as readonly string[]).includes(status);

export const countsAsBase = has(BASE_STATUSES);
export const isSettled = has(SETTLED_STATUSES);
export const getsChange = has(DIFFED_STATUSES);
export const needsChange = has(NEEDS_CHANGE_STATUSES);
export const isAnnounceable = has(ANNOUNCED_STATUSES);
export const isFlip = has(FLIP_STATUSES);
export const confirmedOnEntry = has(CONFIRMED_AT_ENTRY);
export const awaitsConfirmation = has(AWAITING_CONFIRMATION);
export const isQuarantined = has(QUARANTINED_STATUSES);
export const isAnnounced = has(ANNOUNCED_CHANGE_STATES);

/** Whether `transition` may move a version in `status`. */
export function canMoveVersion(status: VersionStatus, transition: VersionTransition): boolean {
  return (VERSION_LIFECYCLE.transitions[transition].from as readonly VersionStatus[]).includes(status);
}

/** The status a version has after `transition`, or an error naming why it cannot move. */
export function versionAfter(status: VersionStatus, transition: VersionTransition): VersionStatus {
  const move = VERSION_LIFECYCLE.transitions[transition];
  if (!canMoveVersion(status, transition))
    throw new Error(`a ${status} version cannot ${transition} (only ${move.from.join(', ')})`);
  return move.to;
}

/** The state a change is created in for its version, and why. */
export function changeEntryFor(status: VersionStatus): { state: ChangeState; reason: string | null } {
  if (status === 'revert') return { state: 'suppressed', reason: SUPPRESSED_REVERT };
  if (status === 'transient') return { state: 'suppressed', reason: SUPPRESSED_TRANSIENT };
  return { state: 'pending', reason: null };
}

/**
 * What the announcement step does for a version and its change: announce a pending
 * change of a confirmed version, suppress a pending change of a transient one, else
 * nothing. (An announced change's fan-out follows either way: `isAnnounceable`.)
 */
export function changeTransitionFor(
  version: VersionStatus,
  change: ChangeState,
): { transition: ChangeTransition; reason: string | null } | null {
  if (change !== 'pending') return null;
  if (version === 'transient') return { transition: 'suppress', reason: SUPPRESSED_TRANSIENT };
  if (isAnnounceable(version)) return { transition: 'announce', reason: null };
  return null;
}

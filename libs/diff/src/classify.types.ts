// (type-only imports: the modules these types come from import Side and Prepared from here)
import type { ChangeStatements } from './change-statements';
import type { ClassifyContext } from './classify-context';
import { type Meaning } from './clause-meaning';
import { type ClauseReading } from './read-clause';
import type { TagSet } from './tag-set';

/** A changed sentence, normalised once; its signature, reading and rules' meanings when asked for. */
export interface Prepared {
  norm: string;
  sig: string | null;
  reading: ClauseReading | null;
  rules: Meaning[] | null;
}

/** A changed sentence on one side of the change: its reading, its meanings, its partner on the other side. */
export interface Side {
  reading: ClauseReading;
  side: 'removed' | 'added';
  meanings: Meaning[];
  partner: Side | null;
  /** The model found no data practice where the rules found one (dropped unless its partner keeps one). */
  vetoed: boolean;
}

/** What a rule comparing sentences reads besides them, and where it puts its tags. */
export interface RuleScope {
  ctx: ClassifyContext;
  st: ChangeStatements;
  tags: TagSet;
}

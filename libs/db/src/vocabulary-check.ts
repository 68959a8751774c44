/**
 * The database enums (prisma/schema.prisma) and the vocabulary in libs/contracts are the
 * same lists: adding a value to one and not the other fails the type check here.
 */
import type * as Db from '@prisma/client';

import type * as Words from '@fineprint/contracts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type VocabularyMatchesSchema = [
  Assert<Same<Db.Severity, Words.Severity>>,
  Assert<Same<Db.VersionStatus, Words.VersionStatus>>,
  Assert<Same<Db.ChangeState, Words.ChangeState>>,
  Assert<Same<Db.DocumentType, Words.DocumentType>>,
  Assert<Same<Db.DocumentStatus, Words.DocumentStatus>>,
  Assert<Same<Db.FetchMode, Words.FetchMode>>,
  Assert<Same<Db.ErrorKind, Words.FetchErrorKind>>,
  Assert<Same<Db.CheckOutcome, Words.CheckOutcome>>,
];

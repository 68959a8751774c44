import { type FetchErrorKind } from '@fineprint/contracts';

/** The document does not exist (or was deleted): the job cannot succeed by retrying. */
export class DocumentGoneError extends Error {
  readonly code = 'DOCUMENT_GONE';
  readonly permanent = true;
  constructor(readonly documentId: string) {
    super(`Document ${documentId} does not exist or was deleted`);
    this.name = 'DocumentGoneError';
  }
}

/** A check failed; `kind` says whether retrying can help. */
export class CheckFailedError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  constructor(
    readonly kind: FetchErrorKind,
    code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CheckFailedError';
    this.code = code;
    this.permanent = kind !== 'transient';
  }
}

export class VersionGoneError extends Error {
  readonly code = 'VERSION_GONE';
  readonly permanent = true;
  constructor(readonly versionId: string) {
    super(`Version ${versionId} does not exist`);
    this.name = 'VersionGoneError';
  }
}

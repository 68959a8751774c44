export type FetchMode = 'http' | 'browser' | 'auto';

/** What a fetch brings back, before extraction. */
export interface FetchResult {
  /** Raw bytes (after transfer decoding). */
  body: Buffer;
  /** SHA-256 of `body`, hex. */
  sha256: string;
  contentType: string | null;
  charset: string | null;
  status: number;
  headers: { etag?: string; lastModified?: string; contentLanguage?: string; contentType?: string };
  finalUrl: string;
  fetchedWith: 'http' | 'browser';
  notModified: boolean;
  durationMs: number;
}

export interface DocumentDeclaration {
  url: string;
  select?: string[];
  remove?: string[];
  fetchMode: FetchMode;
  language?: string | null;
}

export interface ExtractedDocument {
  markdown: string;
  title: string | null;
  language: string | null;
  wordCount: number;
}

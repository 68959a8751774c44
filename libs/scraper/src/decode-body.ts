import { isUtf8 } from 'node:buffer';

import { analyse } from 'chardet';
import iconv from 'iconv-lite';

import { FetchError } from './scraper.errors';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Where the charset used to decode a page came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

export interface DecodedBody {
  text: string;
  charset: string;
  source: CharsetSource;
}

/** The charset named by a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** Below this confidence (0-100) the detector's guess is not trusted. */
const MIN_CONFIDENCE = 50;
/** Share of U+FFFD among the visible characters above which a text is garbage. */
const MAX_REPLACEMENT_SHARE = 0.02;

/** File signatures of formats that are never a page of text. */
const SIGNATURES: { name: string; bytes: (number | null)[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a WebP image', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip data', bytes: [0x1f, 0x8b] },
  { name: 'an ICO image', bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'a WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
  { name: 'a WOFF2 font', bytes: [0x77, 0x4f, 0x46, 0x32] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Bytes that never occur in text (WHATWG MIME sniffing's "binary data bytes"). */
const isBinaryByte = (b: number) =>
  b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

function bomOf(body: Buffer): { charset: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** A label as iconv-lite knows it; latin-1 and ASCII read as windows-1252, as browsers do. */
function normaliseLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.toLowerCase();
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii'].includes(l))
    return 'windows-1252';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

/** Throws when the bytes are a known binary format, or carry bytes text never has. */
function assertNotBinary(body: Buffer, contentType: string | null, wideCharset: boolean): void {
  const served = contentType ? `served as ${contentType}` : 'served without a content type';
  for (const { name, bytes } of SIGNATURES) {
    if (body.length >= bytes.length && bytes.every((b, i) => b === null || body[i] === b))
      throw new FetchError('permanent', 'BINARY_CONTENT', `The response is ${name}, not text (${served})`);
  }
  if (wideCharset) return; // UTF-16/32 text is full of NUL bytes
  const head = body.subarray(0, 16 * 1024);
  let binary = 0;
  for (const b of head) if (isBinaryByte(b)) binary++;
  // a stray control character or two is tolerated; binary data has about one in ten
  if (binary > 8 && binary / Math.max(1, head.length) > 0.01) {
    throw new FetchError(
      'permanent',
      'BINARY_CONTENT',
      `The response is binary data, not text (${served}; ${binary} control bytes in its first ${head.length})`,
    );
  }
}

/** U+FFFD characters and visible (non-space) characters of a text. */
function replacementShare(text: string): { bad: number; visible: number } {
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad++;
  if (bad === 0) return { bad, visible: text.length }; // the common case: no need to count
  return { bad, visible: text.replace(/\s+/g, '').length };
}

/**
 * Throws GARBLED_TEXT when a decoded or extracted text is mostly replacement characters
 * (U+FFFD): what mis-decoded bytes, or a page of them, look like. Such a text is never
 * a version.
 */
export function assertReadableText(text: string, what = 'The page'): void {
  const { bad, visible } = replacementShare(text);
  if (bad >= 3 && bad / Math.max(1, visible) > MAX_REPLACEMENT_SHARE) {
    throw new FetchError(
      'permanent',
      'GARBLED_TEXT',
      `${what} is garbled: ${bad} of its ${visible} visible characters are U+FFFD (undecodable bytes)`,
    );
  }
}

/** The detector's most confident charset that iconv-lite can decode, if confident enough. */
function detectCharset(body: Buffer): { charset: string; confidence: number } | null {
  for (const match of analyse(body.subarray(0, 64 * 1024))) {
    if (match.confidence < MIN_CONFIDENCE) return null;
    const charset = normaliseLabel(match.name);
    if (charset && charset !== 'utf-8') return { charset, confidence: match.confidence };
  }
  return null;
}

/** Invalid sequences and well-formed non-ASCII characters of bytes read as UTF-8. */
function utf8Quality(text: string): { invalid: number; wide: number } {
  let invalid = 0;
  let wide = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') invalid++;
    else if (ch.charCodeAt(0) > 0x7f) wide++;
  }
  return { invalid, wide };
}

const decode = (body: Buffer, charset: string) => iconv.decode(body, charset).replace(/^\uFEFF/, '');

/**
 * Decodes a page. The charset comes from a byte order mark, else the Content-Type header,
 * else a `<meta>` declaration in the first 4 KB, else a detector (`chardet`) when the
 * bytes are not UTF-8. Bytes that say UTF-8 but are not (Shift_JIS served as UTF-8) are
 * decoded by the detected charset when the detector is confident; a few stray bytes in a
 * UTF-8 page are kept as U+FFFD, as browsers do. Throws a permanent FetchError, never
 * returns a text, for binary data (BINARY_CONTENT), bytes in no charset that can be told
 * (UNDECODABLE_TEXT) and texts mostly of U+FFFD (GARBLED_TEXT).
 */
export function decodeBody(body: Buffer, contentType: string | null): DecodedBody {
  const decoded = pickDecoding(body, contentType);
  assertReadableText(decoded.text);
  return decoded;
}

/** The charset decodeBody reads a page by, and the text (not yet checked for U+FFFD). */
function pickDecoding(body: Buffer, contentType: string | null): DecodedBody {
  const bom = bomOf(body);
  if (bom) {
    const text = decode(body.subarray(bom.length), bom.charset);
    return { text, charset: bom.charset, source: 'bom' };
  }
  const header = normaliseLabel(charsetFromContentType(contentType));
  const meta = header
    ? null
    : normaliseLabel(META_CHARSET.exec(body.subarray(0, 4096).toString('latin1'))?.[1] ?? null);
  const declared = header ?? meta;
  const source: CharsetSource = header ? 'header' : meta ? 'meta' : 'default';
  assertNotBinary(body, contentType, /^utf-(16|32)/.test(declared ?? ''));

  if (declared && declared !== 'utf-8') {
    const text = decode(body, declared);
    return { text, charset: declared, source };
  }
  if (isUtf8(body)) {
    const text = decode(body, 'utf-8');
    return { text, charset: 'utf-8', source: declared ? source : 'detected' };
  }
  const asUtf8 = decode(body, 'utf-8');
  const { invalid, wide } = utf8Quality(asUtf8);
  // a UTF-8 page with a few stray bytes: keep UTF-8 (the stray bytes become U+FFFD)
  if (invalid * 4 <= wide) {
    return { text: asUtf8, charset: 'utf-8', source: declared ? source : 'detected' };
  }
  const detected = detectCharset(body);
  if (detected) {
    const text = decode(body, detected.charset);
    return { text, charset: detected.charset, source: 'detected' };
  }
  if (declared) {
    // no confident guess, but only a little is undecodable: UTF-8 as declared, as browsers do
    const { bad, visible } = replacementShare(asUtf8);
    if (bad / Math.max(1, visible) <= MAX_REPLACEMENT_SHARE)
      return { text: asUtf8, charset: 'utf-8', source };
    throw new FetchError(
      'permanent',
      'UNDECODABLE_TEXT',
      `The page says it is UTF-8, but ${invalid} of its byte sequences are not valid UTF-8 and its real charset could not be told`,
    );
  }
  // nothing declared, not UTF-8, nothing detected: the legacy default of browsers
  const text = decode(body, 'windows-1252');
  return { text, charset: 'windows-1252', source: 'default' };
}

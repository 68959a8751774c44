import iconv from 'iconv-lite';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset named by a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes a page: the charset from the header, else a byte order mark, else a `<meta>`
 * declaration in the first 4 KB, else UTF-8. Unknown charsets fall back to UTF-8 rather
 * than fail; the charset used is returned.
 */
export function decodeBody(body: Buffer, contentType: string | null): { text: string; charset: string } {
  let charset = charsetFromContentType(contentType);
  if (!charset) {
    if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) charset = 'utf-8';
    else if (body[0] === 0xff && body[1] === 0xfe) charset = 'utf-16le';
    else if (body[0] === 0xfe && body[1] === 0xff) charset = 'utf-16be';
  }
  if (!charset) {
    const head = body.subarray(0, 4096).toString('latin1');
    charset = META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
  }
  // browsers read iso-8859-1 as windows-1252; so do we
  if (charset === 'iso-8859-1' || charset === 'latin1' || charset === 'us-ascii' || charset === 'ascii')
    charset = 'windows-1252';
  if (!charset || !iconv.encodingExists(charset)) charset = 'utf-8';
  return { text: iconv.decode(body, charset).replace(/^\uFEFF/, ''), charset };
}

import { type CheerioAPI } from 'cheerio';

/** A hex string XOR-encoded with its first byte as the key (Cloudflare's email protection). */
function decodeXorHex(hex: string): string | null {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return null;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  const bytes: number[] = [];
  for (let i = 2; i < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16) ^ key);
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return null;
  }
}

/**
 * E-mail addresses hidden by a CDN's obfuscation (`data-cfemail`, `/cdn-cgi/l/email-protection#…`)
 * put back as the plain text and `mailto:` links a reader's browser shows. The encoding key is
 * drawn afresh on every response, so the raw markup would change on every fetch.
 */
export function decodeProtectedEmails($: CheerioAPI): void {
  $('[data-cfemail]').each((_i, el) => {
    const decoded = decodeXorHex($(el).attr('data-cfemail') ?? '');
    if (decoded !== null) $(el).replaceWith(decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  });
  $('a[href*="/cdn-cgi/l/email-protection#"]').each((_i, el) => {
    const href = $(el).attr('href') ?? '';
    const decoded = decodeXorHex(href.slice(href.indexOf('#') + 1));
    if (decoded !== null) $(el).attr('href', `mailto:${decoded}`);
  });
}

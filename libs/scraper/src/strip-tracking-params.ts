const TRACKING =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|ref_?|pd_rd_[a-z]+|pf_rd_[a-z]+|_ga|_gl|sc_cid|spm|trk|trkCampaign|cmpid|s_kwcid|oly_anon_id|oly_enc_id|vero_id|__s)$/i;

/** Bits of information per character of a string (Shannon entropy of its characters). */
function entropyPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Now, give or take: a millisecond timestamp within 2001-2100 is a cache-buster, not content. */
const MS_2001 = 978_307_200_000;
const MS_2100 = 4_102_444_800_000;

/**
 * Whether a query value (or a bare key) is an identifier minted per request or per visitor
 * rather than a name a person chose: a UUID, a long hexadecimal or random-looking token, a
 * millisecond timestamp or a date-time to the second. Such values change on every fetch of the same page (session, device
 * and referral ids, cache-busters), so a link's target keeps only its stable parameters.
 * Words, slugs, language codes, page numbers and short or structured ids are kept.
 */
export function isOpaqueToken(value: string): boolean {
  const v = value.trim();
  if (v.length < 12) return false;
  // a time of day to the second: when the page was generated, not what it links to
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(v)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  if (/^\d{13}$/.test(v)) {
    const n = Number(v);
    return n >= MS_2001 && n <= MS_2100;
  }
  if (/^[0-9a-f]{16,}$/i.test(v) && /\d/.test(v) && /[a-f]/i.test(v)) return true;
  // a random token: long, letters and digits interleaved, no word structure
  if (v.length >= 16 && /^[A-Za-z0-9_\-.~+/=%]+$/.test(v)) {
    const digits = (v.match(/\d/g) ?? []).length;
    const letters = (v.match(/[A-Za-z]/g) ?? []).length;
    const switches = (v.match(/(?<=\d)[A-Za-z]|(?<=[A-Za-z])\d/g) ?? []).length;
    const mixedCase = /[a-z]/.test(v) && /[A-Z]/.test(v);
    return (
      digits >= 3 && letters >= 3 && switches >= 4 && (mixedCase || switches >= 6) && entropyPerChar(v) >= 3.5
    );
  }
  return false;
}

/**
 * A URL without the query parameters that only track the click (utm_*, fbclid, ref_, …) or
 * that carry a per-request identifier (see isOpaqueToken), with the rest in a stable order.
 */
export function stripTrackingParams(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.search) return url;
  const kept = new URLSearchParams();
  for (const [key, value] of parsed.searchParams) {
    if (TRACKING.test(key)) continue;
    if (isOpaqueToken(value) || (value === '' && isOpaqueToken(key))) continue;
    kept.append(key, value);
  }
  kept.sort();
  parsed.search = kept.toString();
  return parsed.toString().replace(/\?$/, '');
}

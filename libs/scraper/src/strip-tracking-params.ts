const TRACKING =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|ref_?|pd_rd_[a-z]+|pf_rd_[a-z]+|_ga|_gl|sc_cid|spm|trk|trkCampaign|cmpid|s_kwcid|oly_anon_id|oly_enc_id|vero_id|__s)$/i;

/** A URL without the query parameters that only track the click (utm_*, fbclid, ref_, …). */
export function stripTrackingParams(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.search) return url;
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING.test(key)) parsed.searchParams.delete(key);
  parsed.searchParams.sort();
  return parsed.toString().replace(/\?$/, '');
}

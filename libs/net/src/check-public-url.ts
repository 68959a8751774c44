import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { isPrivateAddress } from './private-address';

/** Names that always mean this machine or its private network, whatever DNS says. */
const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa|corp)$/i;

export interface PublicUrlVerdict {
  ok: boolean;
  /** Why not: the host and the address (or name) that is not public. */
  reason?: string;
}

/**
 * Whether a URL given at registration (a document, a webhook) points at a public host:
 * an IP literal must be public, a local name (localhost, *.internal such as
 * metadata.google.internal, *.local…) is refused, and a name is resolved once, every
 * address must be public. A name that does not resolve (now) passes: the connect-time
 * guard still checks every connection, this only refuses what is known to be private.
 */
export async function checkPublicUrl(
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<PublicUrlVerdict> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (isIP(host))
    return isPrivateAddress(host) ? { ok: false, reason: `${host} is not a public address` } : { ok: true };
  if (!host.includes('.') || LOCAL_NAMES.test(host)) return { ok: false, reason: `${host} is a local name` };
  const timeoutMs = options.timeoutMs ?? 1500;
  let timer: NodeJS.Timeout | undefined;
  try {
    const addresses = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
        timer.unref();
      }),
    ]);
    const bad = addresses?.find((a) => isPrivateAddress(a.address));
    return bad
      ? { ok: false, reason: `${host} resolves to ${bad.address}, which is not public` }
      : { ok: true };
  } catch {
    return { ok: true };
  } finally {
    clearTimeout(timer);
  }
}

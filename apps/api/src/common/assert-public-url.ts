import { type Env } from '@fineprint/config';
import { checkPublicUrl } from '@fineprint/net';

import { ApiError } from './api.errors';

/**
 * A URL stored to be fetched or called later must point at a public host, unless
 * ALLOW_PRIVATE_NETWORKS: refused at registration with a 400, rather than accepted and
 * refused at each connection.
 */
export async function assertPublicUrl(
  config: Pick<Env, 'ALLOW_PRIVATE_NETWORKS'>,
  field: string,
  url: string,
): Promise<void> {
  if (config.ALLOW_PRIVATE_NETWORKS) return;
  const verdict = await checkPublicUrl(url);
  if (!verdict.ok)
    throw new ApiError(
      400,
      'private_address',
      `${field}: ${verdict.reason ?? 'not a public address'}; private, loopback, link-local and metadata addresses are refused (ALLOW_PRIVATE_NETWORKS=true allows them)`,
    );
}

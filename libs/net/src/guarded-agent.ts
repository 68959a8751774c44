import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

import { Agent, buildConnector } from 'undici';

import { PrivateAddressError } from './net.errors';
import { isPrivateAddress } from './private-address';

export interface GuardedAgentOptions extends Omit<Agent.Options, 'connect'> {
  /** Allow loopback, private and link-local targets (tests and the local demo). */
  allowPrivateNetworks: boolean;
  /** Connect timeout in milliseconds. */
  connectTimeoutMs?: number;
}

/**
 * A DNS lookup that fails when any resolved address is not public. Because the check
 * runs on the addresses the socket actually connects to, a DNS answer that changes
 * between a check and the connection (DNS rebinding) cannot slip through.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list: LookupAddress[] = addresses;
    const bad = list.find((entry) => isPrivateAddress(entry.address));
    if (bad) return callback(new PrivateAddressError(hostname, bad.address), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first)
      return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    return callback(null, first.address, first.family);
  });
};

/**
 * An undici Agent for outbound requests to addresses chosen by users (fetched pages,
 * webhook receivers). Unless private networks are allowed, every connection is checked
 * at connect time: IP literals directly, host names on each resolved address.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const { allowPrivateNetworks, connectTimeoutMs = 10_000, ...agentOptions } = options;
  const base = buildConnector({
    timeout: connectTimeoutMs,
    ...(allowPrivateNetworks ? {} : { lookup: guardedLookup }),
  });
  const connect: buildConnector.connector = (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivateNetworks && isIP(host) && isPrivateAddress(host)) {
      callback(new PrivateAddressError(host, host), null);
      return;
    }
    base(opts, callback);
  };
  return new Agent({ ...agentOptions, connect });
}

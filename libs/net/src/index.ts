export { checkPublicUrl, type PublicUrlVerdict } from './check-public-url';
export {
  type GuardedProxy,
  type GuardedProxyOptions,
  type ResolveHost,
  startGuardedProxy,
} from './guarded-proxy';
export { createGuardedAgent, guardedLookup, type GuardedAgentOptions } from './guarded-agent';
export { PrivateAddressError } from './net.errors';
export { canonicalAddress, isPrivateAddress } from './private-address';

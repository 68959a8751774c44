export { checkPublicUrl, type PublicUrlVerdict } from './check-public-url';
export { createGuardedAgent, guardedLookup, type GuardedAgentOptions } from './guarded-agent';
export { PrivateAddressError } from './net.errors';
export { isPrivateAddress } from './private-address';

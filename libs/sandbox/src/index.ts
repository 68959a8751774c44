export {
  createFilterHook,
  DEFAULT_SANDBOX_LIMITS,
  type FilterBundle,
  type FilterJob,
  type FilterSpec,
  runFilters,
  type SandboxLimits,
} from './filter-sandbox';
export { type SandboxLayers, sandboxLayers } from './sandbox-process';
export { FilterError, type FilterErrorCode } from './sandbox.errors';

/** Evaluation against real material (../shared): used by `npm run eval:*` and golden tests. */
export {
  type CaseResult,
  loadRealPages,
  REFERENCE_QUIRKS,
  type RealPageCase,
  type RealPageSequence,
  runCase,
  runSequence,
  type SequenceResult,
  snapshotResult,
  summarise,
  DELIBERATE_DIFFERENCES,
  toDeclaration,
} from './real-pages';
export { markdownWords, wordSimilarity } from './word-similarity';

/**
 * Selectors (CSS, or Open Terms Archive ranges) and their stored form live in
 * libs/contracts, so the API's input schema and the extractor read them by one rule.
 */
export {
  decodeSelector,
  describeSelector,
  encodeSelector,
  isRangeSelector,
  rangeSelectorProblem,
  type RangeSelector,
  type Selector,
} from '@fineprint/contracts';

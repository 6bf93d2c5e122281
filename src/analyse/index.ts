/** Analysis core: claims from all reports in, propositions, conflicts, grades and alerts out. No I/O. */
export { analyse } from './analyse.js';
export { diffAnalyses, type Alert, type DiffOptions } from './alerts.js';
export type * from './analysis.js';
export type { ClaimRecord, ClaimEntityRef } from './claim-record.js';
export type { Override } from './overrides.js';
export { splitId } from './overrides.js';
export { propositionId } from './group.js';
export { formatNumber } from './intervals.js';
export type { CurrencyRate } from './measure.js';
export {
  CREDIBILITY,
  CREDIBILITY_GRADES,
  DEFAULT_RELIABILITY,
  RELIABILITY,
  RELIABILITY_GRADES,
  isReliabilityGrade,
  type CredibilityGrade,
  type ReliabilityGrade,
} from './admiralty.js';

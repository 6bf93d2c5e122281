import type { Qualifier } from '../domain/claim.js';
import type { CredibilityGrade, ReliabilityGrade } from './admiralty.js';
import type { CurrencyRate } from './measure.js';
import type { Override } from './overrides.js';
import type { Tolerances } from './intervals.js';

/** What analysis takes besides the claims: analysts' decisions and settings. */
export interface AnalyseOptions {
  /** Reliability grades analysts set, by source key (see Analysis.sources). Others are F. */
  reliability?: Readonly<Record<string, ReliabilityGrade>>;
  /** Merges and splits, applied in order after grouping. */
  overrides?: readonly Override[];
  /** Exchange rates analysts give; without one, amounts in different currencies stay apart. */
  rates?: readonly CurrencyRate[];
  tolerances?: Partial<Tolerances>;
  /** Two statements hold "at the same time" when their ends lie this many days apart at most (default 2). */
  sameTimeDays?: number;
  /** The best estimate looks at claims whose time ends this many days before the latest at most (default 30). */
  recentDays?: number;
  /** Within that window a statement's weight halves for every this many days it is older than the latest (default 7). */
  halfLifeDays?: number;
}

/** A value range; high null = no upper bound ("at least 25,000"). */
export interface Range {
  low: number;
  high: number | null;
}

export interface DayRange {
  start: string;
  end: string;
}

/** One claim in a proposition's estimate series. */
export interface SeriesEntry {
  claimId: string;
  reportId: string;
  published: string | null;
  /** The outlet the claim came through (the original's, for a copy). */
  outlet: string;
  /** The independent source it counts as, and its grade. */
  sourceKey: string;
  sourceLabel: string;
  reliability: ReliabilityGrade;
  /** The stated value in the proposition's unit and period (converted when a rate or period says so). */
  value: { low: number; high: number };
  /** The values the claim allows, its qualifier applied. */
  allowed: Range;
  /** As the report states it. */
  stated: { low: number; high: number; unit: string; per: string | null };
  /** How the stated value was converted, or null. */
  conversion: string | null;
  qualifier: Qualifier;
  vague: boolean;
  /** When it holds; null when neither a time nor a publication date is known. */
  time: DayRange | null;
  /** True when the claim has no time of its own and holds at publication. */
  timeFromPublication: boolean;
  location: string | null;
  /** The place slug it was grouped by (most specific), and where that came from. */
  place: string | null;
  placeFrom: 'location' | 'sentence' | 'proposition' | null;
  attributedTo: string | null;
  sentence: string;
  /** Another claim of the same statement from the same source (a copy or relay) listed first, or null. */
  copyOf: string | null;
  credibility: CredibilityGrade;
  credibilityLabel: string;
  /** Why it got that grade, in words. */
  reasons: string[];
}

export interface BestEstimate extends Range {
  /** The window of time the estimate describes. */
  asOf: DayRange;
  /** Claims behind it (copies included). */
  claimIds: string[];
  sourceKeys: string[];
  /** True when equally weighted sources disagree and the range spans them. */
  contested: boolean;
  why: string;
}

export interface Proposition {
  /** Deterministic: a hash of the key (or of the split), so re-analysis gives the same id. */
  id: string;
  key: string;
  label: string;
  /** Canonical measure (`personnel`, `money:USD`, `share:shells`) and period. */
  measure: string;
  per: string | null;
  subject: { key: string; name: string } | null;
  counterpart: { key: string; name: string } | null;
  place: { key: string; name: string } | null;
  /** Sorted by time. */
  series: SeriesEntry[];
  estimate: BestEstimate | null;
  conflictIds: string[];
  /** grouped: as grouping made it; merged: others merged into it; split: an analyst's split. */
  origin: 'grouped' | 'merged' | 'split';
  mergedFrom: string[];
}

export interface ConflictSide {
  claimId: string;
  /** All claims of the same statement (copies and relays). */
  claimIds: string[];
  sourceKey: string;
  sourceLabel: string;
  reliability: ReliabilityGrade;
  allowed: Range;
  time: DayRange;
  sentence: string;
}

export interface Conflict {
  id: string;
  propositionId: string;
  a: ConflictSide;
  b: ConflictSide;
  /** Distance between the two ranges, in the proposition's unit. */
  gap: number;
  /** Higher over lower value (e.g. 4 for 12,000 against 3,000), or null when the lower is 0. */
  ratio: number | null;
  why: string;
}

export interface SourceSummary {
  key: string;
  label: string;
  reliability: ReliabilityGrade;
  reliabilityLabel: string;
  /** False while no analyst has graded it. */
  graded: boolean;
  claims: number;
  /** Outlets that carried its statements. */
  outlets: string[];
}

export interface Analysis {
  propositions: Proposition[];
  conflicts: Conflict[];
  sources: SourceSummary[];
  /** Overrides that could not be applied, and why. */
  notes: string[];
}

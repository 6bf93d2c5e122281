/**
 * Admiralty scale (STANAG 2511 / NATO system): source reliability A–F and information
 * credibility 1–6. Labels and numerical values follow the MISP `admiralty-scale` taxonomy
 * (admiralty-scale.test.ts checks this table against it); kept here as constants so analysis
 * reads no file at run time. The taxonomy's extra "G (deliberately deceptive)" is not offered.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type CredibilityGrade = (typeof CREDIBILITY_GRADES)[number];

export interface GradeInfo {
  label: string;
  /** The taxonomy's numerical_value (0–100). */
  value: number;
}

export const RELIABILITY: Readonly<Record<ReliabilityGrade, GradeInfo>> = {
  A: { label: 'Completely reliable', value: 100 },
  B: { label: 'Usually reliable', value: 75 },
  C: { label: 'Fairly reliable', value: 50 },
  D: { label: 'Not usually reliable', value: 25 },
  E: { label: 'Unreliable', value: 0 },
  F: { label: 'Reliability cannot be judged', value: 50 },
};

export const CREDIBILITY: Readonly<Record<CredibilityGrade, GradeInfo>> = {
  1: { label: 'Confirmed by other sources', value: 100 },
  2: { label: 'Probably true', value: 75 },
  3: { label: 'Possibly true', value: 50 },
  4: { label: 'Doubtful', value: 25 },
  5: { label: 'Improbable', value: 0 },
  6: { label: 'Truth cannot be judged', value: 50 },
};

/** Sources nobody has graded yet: "cannot be judged". */
export const DEFAULT_RELIABILITY: ReliabilityGrade = 'F';

/** How much a source's word weighs when sources agree or disagree (taxonomy value / 100). */
export const reliabilityWeight = (g: ReliabilityGrade): number => RELIABILITY[g].value / 100;

export const isReliabilityGrade = (s: string): s is ReliabilityGrade =>
  (RELIABILITY_GRADES as readonly string[]).includes(s);

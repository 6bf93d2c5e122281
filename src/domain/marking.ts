/** Classification levels in ascending order; deployments may configure their own list. */
export const DEFAULT_CLASSIFICATIONS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;

export const TLP_LABELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];

/** The release marking every report carries. Derived records are visible only through their reports. */
export interface Marking {
  classification: string;
  /** Partner ids and community names the report is releasable to; `['ALL']` for everyone. */
  releasableTo: string[];
  /** Partner that owns (originated) the report. */
  owner: string;
  tlp: TlpLabel;
}

export const LOCAL_PARTNER = 'local';

export const DEFAULT_MARKING: Marking = Object.freeze({
  classification: 'UNCLASSIFIED',
  releasableTo: ['ALL'],
  owner: LOCAL_PARTNER,
  tlp: 'TLP:CLEAR',
}) as Marking;

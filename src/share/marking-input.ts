import { TLP_LABELS, type Marking, type TlpLabel } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import { classificationsUpTo } from './policy.js';

/** The marking a partner asks for when it submits a report; the owner is always the submitter. */
export interface MarkingRequest {
  classification?: string;
  releasableTo?: string[];
  tlp?: string;
}

/** A marking that cannot be given: says why, in words for the caller. */
export class MarkingError extends Error {
  constructor(
    message: string,
    /** 'invalid': not a marking of this deployment; 'forbidden': beyond the submitter's clearance. */
    readonly kind: 'invalid' | 'forbidden',
  ) {
    super(message);
  }
}

/**
 * The marking of a report a viewer submits. Unless told otherwise a report stays with its owner:
 * lowest classification, released to nobody else, TLP:AMBER. A partner may not mark a report
 * above its own clearance (it could not read it back). Grantees are sorted and deduplicated, so
 * equal markings are equal strings (the store compares them).
 */
export function markingFor(viewer: Viewer, request: MarkingRequest | undefined, order: readonly string[]): Marking {
  const classification = request?.classification ?? order[0];
  if (classification === undefined || !order.includes(classification)) {
    throw new MarkingError(`classification "${classification}" is not one of ${order.join(', ')}`, 'invalid');
  }
  if (!classificationsUpTo(viewer.clearance, order).includes(classification)) {
    throw new MarkingError(`classification ${classification} is above your clearance ${viewer.clearance}`, 'forbidden');
  }
  const tlp = request?.tlp ?? 'TLP:AMBER';
  if (!(TLP_LABELS as readonly string[]).includes(tlp)) {
    throw new MarkingError(`tlp "${tlp}" is not one of ${TLP_LABELS.join(', ')}`, 'invalid');
  }
  const releasableTo = [...new Set(request?.releasableTo ?? [])].sort();
  return { classification, releasableTo, owner: viewer.partnerId, tlp: tlp as TlpLabel };
}

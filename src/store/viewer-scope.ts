import type { Viewer } from '../domain/viewer.js';

/**
 * The key of what a viewer may see: viewers with the same partner, clearance and communities see
 * the same reports (the policy reads nothing else), so they share one analysis snapshot and one
 * list of alerts. The role changes what a viewer may do, not what it sees.
 */
export function viewerScope(viewer: Viewer): string {
  return `${viewer.partnerId}|${viewer.clearance}|${[...new Set(viewer.communities)].sort().join(',')}`;
}

/** A viewer tried to change analysts' decisions without the right role. */
export class StorePermissionError extends Error {}

/** A partner or token the store refuses (a name taken, an unknown partner): the message says which. */
export class StoreConflictError extends Error {}

/** Merges, splits and grades are analysts' decisions: readers may not make them. */
export function mustBeAnalyst(viewer: Viewer, what: string): void {
  if (viewer.role !== 'analyst' && viewer.role !== 'admin') {
    throw new StorePermissionError(`${what}: needs an analyst or admin, not a ${viewer.role}`);
  }
}

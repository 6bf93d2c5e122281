/**
 * Who is reading. Every read of the store takes one, so no read path can forget the access policy.
 * The command line acts as the local instance's own administrator unless told otherwise.
 */
export interface Viewer {
  partnerId: string;
  /** Highest classification the partner may see. */
  clearance: string;
  communities: string[];
  role: 'reader' | 'analyst' | 'admin';
}

/** The viewer of the embedded, single-user command line: the local partner with every right. */
export const LOCAL_ADMIN: Viewer = Object.freeze({
  partnerId: 'local',
  clearance: 'SECRET',
  communities: [],
  role: 'admin',
}) as Viewer;

/** A partner reading what it may see, read-only: its clearance and communities (export `--as`, federation, the event sweep). */
export function partnerReader(partner: { id: string; clearance: string; communities: readonly string[] }): Viewer {
  return { partnerId: partner.id, clearance: partner.clearance, communities: [...partner.communities].sort(), role: 'reader' };
}

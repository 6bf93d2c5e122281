import type { Viewer } from '../../domain/viewer.js';
import { nameUuid } from '../../interop/uuid.js';
import { RELEASE_TO_ALL } from '../../share/policy.js';
import { STIX_MEDIA } from './media.js';

/**
 * The collections a caller sees. Each is a view through the one access policy, narrowed further:
 *  - its partner's view (alias: the partner id): everything the API shows the caller; analysts and
 *    admins may POST objects here (kept under their partner, released to no one else);
 *  - one per community the partner belongs to (alias: the community): what the caller may see
 *    of the reports released to that community by name;
 *  - `ALL`: what the caller may see of the reports released to everyone.
 * Ids are UUIDs derived from the alias, the same for every member; a collection the caller is
 * not part of answers 404 like one that does not exist.
 */
export interface TaxiiCollection {
  id: string;
  alias: string;
  title: string;
  description: string;
  /** The grantee reports must be released to by name; undefined: the caller's whole view. */
  releasedTo: string | undefined;
  canWrite: boolean;
}

export function collectionsFor(viewer: Viewer): TaxiiCollection[] {
  const own: TaxiiCollection = {
    id: nameUuid(`taxii/collection/partner/${viewer.partnerId}`, { version: 4 }),
    alias: viewer.partnerId,
    title: `Everything ${viewer.partnerId} may see`,
    description: `Reports, claims, entities and kept objects visible to ${viewer.partnerId}, as the API shows them`,
    releasedTo: undefined,
    canWrite: viewer.role !== 'reader',
  };
  const shared = [...viewer.communities].sort().map((c) => grantee(c, `Released to the community ${c}`));
  return [own, ...shared, grantee(RELEASE_TO_ALL, 'Released to everyone')];
}

function grantee(name: string, title: string): TaxiiCollection {
  return {
    id: nameUuid(`taxii/collection/grantee/${name}`, { version: 4 }),
    alias: name,
    title,
    description: `${title}: what the caller may see of the reports released to ${name === RELEASE_TO_ALL ? 'ALL' : name} by name`,
    releasedTo: name,
    canWrite: false,
  };
}

export function collectionResource(c: TaxiiCollection): Record<string, unknown> {
  return { id: c.id, title: c.title, description: c.description, alias: c.alias, can_read: true, can_write: c.canWrite, media_types: [STIX_MEDIA] };
}

/** A collection by id or alias, among the caller's. */
export function findCollection(viewer: Viewer, idOrAlias: string): TaxiiCollection | undefined {
  return collectionsFor(viewer).find((c) => c.id === idOrAlias || c.alias === idOrAlias);
}

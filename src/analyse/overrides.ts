import { stableHash } from './hash.js';
import type { Group } from './group.js';

/**
 * Analysts' decisions about grouping, applied after grouping in the order given. They name
 * propositions and claims by their stable ids, so they survive re-analysis: a merge keeps applying
 * to the claims that later join either proposition, a split keeps taking its claims out.
 */
export type Override =
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'split'; propositionId: string; claimIds: readonly string[]; newLabel: string };

/** The id a split gets: from the proposition split and the label, so the same split gives the same id. */
export const splitId = (propositionId: string, newLabel: string): string =>
  `p-${stableHash(`split|${propositionId}|${newLabel}`)}`;

/** Applies overrides to groups (by id), in place. Returns notes on overrides that could not apply. */
export function applyOverrides(groups: Map<string, Group>, overrides: readonly Override[]): string[] {
  const notes: string[] = [];
  /** Where merged propositions went, so later overrides naming them still find their claims. */
  const mergedInto = new Map<string, string>();
  const resolve = (id: string): string => {
    let cur = id;
    for (let hops = 0; mergedInto.has(cur) && hops < 64; hops++) cur = mergedInto.get(cur)!;
    return cur;
  };
  for (const o of overrides) {
    if (o.kind === 'merge') {
      const from = resolve(o.from);
      const into = resolve(o.into);
      if (from === into) continue;
      const src = groups.get(from);
      if (!src) {
        notes.push(`merge ${o.from} → ${o.into}: ${o.from} has no claims in this analysis`);
        mergedInto.set(from, into);
        continue;
      }
      groups.delete(from);
      let dst = groups.get(into);
      if (!dst) {
        // The target has no claims of its own this time: the merged claims carry its id.
        dst = { ...src, id: into, members: [], mergedFrom: [] };
        groups.set(into, dst);
      }
      for (const m of src.members) dst.members.push(m);
      dst.mergedFrom.push(from, ...src.mergedFrom);
      dst.origin = dst.origin === 'split' ? 'split' : 'merged';
      mergedInto.set(from, into);
    } else {
      const parentId = resolve(o.propositionId);
      const wanted = new Set(o.claimIds);
      const id = splitId(o.propositionId, o.newLabel);
      let dst = groups.get(id);
      const moved: Group['members'] = [];
      for (const g of groups.values()) {
        if (g.id === id) continue;
        const keep: Group['members'] = [];
        for (const m of g.members) (wanted.has(m.rec.id) ? moved : keep).push(m);
        if (keep.length !== g.members.length) g.members = keep;
      }
      if (moved.length === 0) {
        notes.push(`split "${o.newLabel}" of ${o.propositionId}: none of its claims is in this analysis`);
        continue;
      }
      if (moved.length < wanted.size) notes.push(`split "${o.newLabel}": ${wanted.size - moved.length} of its claims are not in this analysis`);
      if (!dst) {
        const parent = groups.get(parentId) ?? null;
        const like = parent ?? { key: '', measure: moved[0]!.measure.key, per: moved[0]!.per, subjects: [], place: null };
        dst = {
          id,
          key: `${like.key || 'split'}#${o.newLabel}`,
          members: [],
          origin: 'split',
          mergedFrom: [],
          label: o.newLabel,
          measure: like.measure,
          per: like.per,
          subjects: like.subjects,
          place: like.place,
        };
        groups.set(id, dst);
      }
      for (const m of moved) dst.members.push(m);
    }
  }
  for (const [id, g] of groups) if (g.members.length === 0) groups.delete(id);
  return notes;
}

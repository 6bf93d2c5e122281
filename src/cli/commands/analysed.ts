import { formatNumber, type Analysis, type Proposition, type SourceSummary } from '../../analyse/index.js';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { StoreAnalysis } from '../../store/analyse-store.js';
import type { Store } from '../../store/store.js';
import { UsageError, type CommandIO } from '../command.js';
import { openStoreAt, storeLocation } from '../store-option.js';

/** The viewer of the analysis commands: the local command line's own administrator. */
export const VIEWER = LOCAL_ADMIN;

/**
 * Opens the store, analyses it as the viewer (recording alerts of what changed) and hands both to
 * `use`. The store and the analysis are loaded here, lazily: other commands never load them.
 */
export async function withAnalysis<T>(
  db: string | undefined,
  io: CommandIO,
  use: (store: Store, run: StoreAnalysis) => Promise<T>,
): Promise<T> {
  const store = await openStoreAt(storeLocation(db), { mustExist: true });
  try {
    const run = await analyse(store, io);
    return await use(store, run);
  } finally {
    await store.close();
  }
}

/** Analyses again (after a grade or an override), telling of new alerts on stderr. */
export async function analyse(store: Store, io: CommandIO): Promise<StoreAnalysis> {
  const { analyseStore } = await import('../../store/analyse-store.js');
  const run = await analyseStore(store, VIEWER);
  if (run.alerts.length > 0) {
    io.stderr.write(`parallax: ${run.alerts.length} new alert${run.alerts.length === 1 ? '' : 's'}; run \`parallax alerts\`\n`);
  }
  return run;
}

/** Independent sources behind a proposition's claims. */
export const sourceCount = (p: Proposition): number => new Set(p.series.map((s) => s.sourceKey)).size;

/** Short id for tables: `p-` and the first 8 hex digits (prefixes are accepted back). */
export const shortId = (id: string): string => id.slice(0, 10);

/**
 * The proposition an analyst names: a full id, an id prefix, or a piece of its label. Anything
 * that is not exactly one proposition is a usage error listing the candidates.
 */
export function findProposition(a: Analysis, ref: string): Proposition {
  const r = ref.trim().toLowerCase();
  if (r === '') throw new UsageError('name a proposition (an id or id prefix, or words of its label)');
  const exact = a.propositions.find((p) => p.id === r);
  if (exact) return exact;
  const byId = a.propositions.filter((p) => p.id.startsWith(r) || p.id.startsWith(`p-${r}`));
  if (byId.length === 1) return byId[0]!;
  const byLabel = byId.length > 0 ? byId : a.propositions.filter((p) => p.label.toLowerCase().includes(r));
  if (byLabel.length === 1) return byLabel[0]!;
  if (byLabel.length === 0) throw new UsageError(`no proposition has the id or label "${ref}"; run \`parallax propositions\``);
  const shown = byLabel.slice(0, 8).map((p) => `  ${shortId(p.id)}  ${p.label} (${p.series.length} claims)`);
  throw new UsageError(
    `"${ref}" names ${byLabel.length} propositions; give an id:\n${shown.join('\n')}${byLabel.length > 8 ? '\n  …' : ''}`,
  );
}

/** A source by key, or by (a piece of) its label or key when that names exactly one. */
export function findSource(a: Analysis, ref: string): SourceSummary | { key: string; label: null } {
  const exact = a.sources.find((s) => s.key === ref);
  if (exact) return exact;
  const r = ref.trim().toLowerCase();
  const sameLabel = a.sources.filter((s) => s.label.toLowerCase() === r);
  if (sameLabel.length === 1) return sameLabel[0]!;
  const matching = a.sources.filter((s) => s.label.toLowerCase().includes(r) || s.key.includes(r));
  if (matching.length === 1) return matching[0]!;
  // A key analysis would give (a source not in the store yet, or hidden now) may be graded ahead.
  if (/^(?:outlet|speaker):\S/.test(ref)) return { key: ref, label: null };
  if (matching.length === 0) throw new UsageError(`no source "${ref}"; run \`parallax source list\``);
  const shown = matching.slice(0, 8).map((s) => `  ${s.key}  (${s.label}, ${s.claims} claims)`);
  throw new UsageError(`"${ref}" names ${matching.length} sources; give a key:\n${shown.join('\n')}${matching.length > 8 ? '\n  …' : ''}`);
}

/** "≥25,000", "~9,500–10,500", "≤12,000": a range as analysis allows it. */
export function formatAllowed(low: number, high: number | null): string {
  const n = formatNumber;
  if (high === null) return `≥${n(low)}`;
  if (low <= 0 && high > 0) return `≤${n(high)}`;
  return low === high ? n(low) : `${n(low)}–${n(high)}`;
}

export const dayRange = (t: { start: string; end: string } | null): string =>
  t === null ? '' : t.start === t.end ? t.start : `${t.start}…${t.end}`;

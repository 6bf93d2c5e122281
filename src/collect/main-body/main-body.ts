import type { BoilerplateSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { classifyBlock, isFooterNote, isHeaderFurniture, titleCaseRatio, type BlockRole } from './cues.js';
import { findRelatedStories, type RelatedStory } from './related-stories.js';
import type { BoilerplateKind, TextBlock } from './text-block.js';

export interface MainBody {
  /** From the first sentence of the story to its last. */
  main: Span;
  boilerplate: BoilerplateSpan[];
  /** Other stories carried in full after the main one (aggregator pages). */
  related: RelatedStory[];
  /** Blocks above the story (headline, byline, dateline), for metadata. */
  header: TextBlock[];
}

export interface MainBodyOptions {
  /** Name of the outlet, when known: a short closing paragraph that names it is end matter. */
  outlet?: string | null;
}

/**
 * Finds the story among the blocks of one text. The story starts at the first paragraph of prose
 * that is not header furniture, ends before the first line that opens the end matter ("Related
 * stories", a disclosure, "Comments"…), and loses trailing furniture (credits, footers, sign-offs
 * of the outlet). Blocks with a markup hint are furniture wherever they are.
 */
export function findMainBody(blocks: TextBlock[], options: MainBodyOptions = {}): MainBody {
  if (blocks.length === 0) return { main: { start: 0, end: 0 }, boilerplate: [], related: [], header: [] };
  const roles = blocks.map((b): BlockRole => (b.hint ? { role: 'furniture', kind: b.hint } : classifyBlock(b)));

  const start = findStart(blocks, roles);
  let tail = blocks.length;
  for (let i = start + 1; i < blocks.length; i++) {
    if (roles[i]!.role === 'tail') {
      tail = i;
      break;
    }
  }
  let end = tail - 1;
  while (end > start && isTrailingFurniture(blocks[end]!, roles[end]!, options.outlet ?? null)) end--;

  const kinds = blockKinds(blocks, roles, start, end);
  const boilerplate = mergeSpans(blocks, kinds);
  const relatedBlocks = blocks.filter((_, i) => i > end && kinds[i] === 'related');
  return {
    main: { start: blocks[start]!.start, end: blocks[end]!.end },
    boilerplate,
    related: findRelatedStories(relatedBlocks),
    header: blocks.slice(0, start),
  };
}

function findStart(blocks: TextBlock[], roles: BlockRole[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const role = roles[i]!;
    if (role.role !== 'prose') continue;
    const b = blocks[i]!;
    if (isHeaderFurniture(b)) continue;
    // A headline written as a sentence: title case, short, followed by more text.
    if (b.text.length < 150 && titleCaseRatio(b.text) >= 0.8 && i + 1 < blocks.length) continue;
    return i;
  }
  // No prose at all (a list, a table): everything that is not furniture.
  const first = roles.findIndex((r) => r.role !== 'furniture' && r.role !== 'tail');
  return first < 0 ? 0 : first;
}

function isTrailingFurniture(block: TextBlock, role: BlockRole, outlet: string | null): boolean {
  if (role.role === 'furniture' || role.role === 'tail') return true;
  if (role.role === 'heading') return true;
  return isFooterNote(block, outlet);
}

/** What each block outside the story is; null for blocks of the story. */
function blockKinds(blocks: TextBlock[], roles: BlockRole[], start: number, end: number): Array<BoilerplateKind | null> {
  const kinds: Array<BoilerplateKind | null> = [];
  let tailKind: BoilerplateKind = 'footer';
  for (let i = 0; i < blocks.length; i++) {
    const role = roles[i]!;
    const b = blocks[i]!;
    if (i < start) {
      kinds.push(b.hint ?? (role.role === 'furniture' ? role.kind : isHeaderFurniture(b) === 'byline' ? 'byline' : 'other'));
    } else if (i <= end) {
      kinds.push(role.role === 'furniture' ? role.kind : null);
    } else {
      if (role.role === 'tail') tailKind = role.kind;
      kinds.push(b.hint ?? (role.role === 'furniture' ? role.kind : role.role === 'tail' ? role.kind : tailKind));
    }
  }
  return kinds;
}

/** Consecutive blocks of one kind become one span (from the first block's start to the last's end). */
function mergeSpans(blocks: TextBlock[], kinds: Array<BoilerplateKind | null>): BoilerplateSpan[] {
  const spans: BoilerplateSpan[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const last = spans[spans.length - 1];
    if (last && last.kind === kind && kinds[i - 1] === kind) last.end = blocks[i]!.end;
    else spans.push({ start: blocks[i]!.start, end: blocks[i]!.end, kind });
  }
  return spans;
}

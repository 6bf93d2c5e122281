import type { Report, ReportEntity } from './api.js';
import { h } from './dom.js';

interface Piece {
  start: number;
  end: number;
  sentence: string | null;
  claim: number | null;
  entity: ReportEntity | null;
}

/**
 * The report's text as elements, every annotation in place: the main body split at every
 * boundary of a claim's sentence, a claim's number and an entity mention, the pieces grouped back
 * into sentence spans, claim marks and entity spans (nested in that order). Text outside the main
 * body is left out, or shown greyed and labelled with what was cut.
 */
export function annotate(report: Report, entities: readonly ReportEntity[], options: { showCut: boolean }): Node[] {
  const { text, main } = report;
  const out: Node[] = [];
  if (options.showCut && main.start > 0) out.push(...cut(report, 0, main.start));
  out.push(h('div', { className: 'main-body' }, annotateMain(report, entities)));
  if (options.showCut && main.end < text.length) out.push(...cut(report, main.end, text.length));
  return out;
}

function annotateMain(report: Report, entities: readonly ReportEntity[]): Node[] {
  const { text, main } = report;
  const cuts = new Set<number>([main.start, main.end]);
  const inMain = (s: { start: number; end: number }) => s.start >= main.start && s.end <= main.end && s.end > s.start;
  const sentences = new Map<string, { start: number; end: number }>();
  for (const c of report.claims) {
    if (inMain(c.sentence)) sentences.set(`${c.sentence.start}-${c.sentence.end}`, c.sentence);
  }
  const claims = report.claims.filter((c) => inMain(c.span));
  const mentions = entities.flatMap((e) => e.mentions.filter(inMain).map((m) => ({ ...m, entity: e })));
  for (const s of [...sentences.values(), ...claims.map((c) => c.span), ...mentions]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= main.start && p <= main.end).sort((a, b) => a - b);
  const sentenceList = [...sentences.entries()];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({
      start,
      end,
      sentence: sentenceList.find(([, s]) => s.start <= start && end <= s.end)?.[0] ?? null,
      claim: claims.find((c) => c.span.start <= start && end <= c.span.end)?.id ?? null,
      entity: mentions.find((m) => m.start <= start && end <= m.end)?.entity ?? null,
    });
  }
  return group(pieces, (p) => p.sentence, (sentence, inner) => {
    const content = group(inner, (p) => p.claim, (claim, ps) => {
      const nodes = ps.map((p) => (p.entity ? h('span', { className: `ent ent-${p.entity.type}`, title: entityTitle(p.entity) }, text.slice(p.start, p.end)) : document.createTextNode(text.slice(p.start, p.end))));
      return claim === null ? nodes : [h('mark', { className: 'claim', 'data-claim': claim, tabindex: 0 }, nodes)];
    });
    return sentence === null ? content : [h('span', { className: 'sent', 'data-sentence': sentence }, content)];
  });
}

/** Runs of consecutive pieces with the same key, each turned into nodes by `wrap`. */
function group<K>(pieces: Piece[], key: (p: Piece) => K, wrap: (k: K, run: Piece[]) => Node[]): Node[] {
  const out: Node[] = [];
  let run: Piece[] = [];
  let current: K | undefined;
  for (const p of pieces) {
    const k = key(p);
    if (run.length > 0 && k !== current) {
      out.push(...wrap(current as K, run));
      run = [];
    }
    current = k;
    run.push(p);
  }
  if (run.length > 0) out.push(...wrap(current as K, run));
  return out;
}

function entityTitle(e: ReportEntity): string {
  return `${e.name} (${e.type}${e.role ? `, ${e.role}` : ''})`;
}

/** Text outside the main body, greyed, split where the collector recorded what each part was. */
function cut(report: Report, from: number, to: number): Node[] {
  const parts = report.boilerplate.filter((b) => b.end > from && b.start < to).sort((a, b) => a.start - b.start);
  const out: Node[] = [];
  let at = from;
  const push = (start: number, end: number, kind: string) => {
    const t = report.text.slice(start, end);
    if (t.trim() === '') return;
    out.push(h('div', { className: 'cut', 'data-kind': kind }, h('span', { className: 'cut-label' }, `cut: ${kind}`), t));
  };
  for (const b of parts) {
    const s = Math.max(b.start, from);
    if (s > at) push(at, s, 'outside the article');
    push(s, Math.min(b.end, to), b.kind);
    at = Math.max(at, Math.min(b.end, to));
  }
  if (at < to) push(at, to, 'outside the article');
  return out;
}

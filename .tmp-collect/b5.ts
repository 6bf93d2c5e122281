import { readFileSync } from 'node:fs';
import { parseHtml } from '../src/collect/html/html-tree.ts';
import { renderHtml } from '../src/collect/html/html-text.ts';
import { findContainer } from '../src/collect/html/find-container.ts';
import { classifyBlock } from '../src/collect/main-body/cues.ts';
import { collectBytes } from '../src/collect/index.ts';
const html = readFileSync('/work/shared/corpus/dev/d01.html', 'utf8');
const big = html.replace(/<article class="gl-article">([\s\S]*?)<\/article>/, (m, inner) => '<article class="gl-article">' + inner.repeat(400) + '</article>');
for (let k = 0; k < 4; k++) {
  let t = performance.now(); const root = parseHtml(big); const a = performance.now() - t;
  t = performance.now(); const r = renderHtml(root); const b = performance.now() - t;
  t = performance.now(); findContainer(root, r.blocks); const c = performance.now() - t;
  t = performance.now(); for (const bl of r.blocks) classifyBlock(bl); const d = performance.now() - t;
  t = performance.now(); collectBytes('a.html', Buffer.from(big)); const e = performance.now() - t;
  console.log({ parse: a | 0, render: b | 0, container: c | 0, classify: d | 0, total: e | 0, blocks: r.blocks.length, mb: big.length / 1e6 });
}

import cytoscape from 'cytoscape';
import { api } from '../api.js';
import { h, num, replace } from '../dom.js';
import { navigate, type View } from '../router.js';

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  weight: number;
  reportId?: number;
}
interface Graph {
  nodes: GraphNode[];
  edges: { source: string; target: string; kind: string }[];
  claims: number;
}

const COLOURS: Record<string, string> = {
  claim: '#d9a400',
  person: '#7b3fa0',
  organization: '#1f6f8b',
  location: '#2e7d32',
  equipment: '#a15c00',
  source: '#1b2433',
  entity: '#7f7f7f',
};
const RING: Record<string, number> = { source: 3, person: 2, organization: 2, location: 2, equipment: 2, entity: 2, claim: 0 };

/**
 * Graph of the latest claims, the entities their sentences name and the sources that carry them,
 * drawn by cytoscape on a canvas. Nodes sit in rings (sources inside, entities, then claims
 * outside; the most connected first), placed by `rings` in one pass, so 2,000 nodes are placed at
 * once and the graph stays interactive; a force layout is one click away for small graphs.
 */
const view: View = async (root, { query }) => {
  document.title = 'Graph · Parallax';
  const size = Math.min(5000, Math.max(50, Number(query.get('nodes') ?? 2000) || 2000));
  const box = h('div', { className: 'graph-box', 'data-testid': 'graph', role: 'application', 'aria-label': 'Graph of claims, entities and sources; choose a node with the mouse, or use the list of the most connected nodes' });
  const detail = h('section', { className: 'side-panel', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Choose a node to see what it links.'));
  const status = h('span', { className: 'muted' }, 'Loading…');
  const sizeSelect = h('select', { id: 'graph-size' }, [200, 500, 1000, 2000, 5000].map((n) => h('option', { value: n, selected: n === size }, `${num(n)} nodes`)));
  sizeSelect.addEventListener('change', () => navigate(`/graph?nodes=${sizeSelect.value}`));
  const force = h('button', { type: 'button' }, 'Force layout');
  const fit = h('button', { type: 'button' }, 'Fit');
  replace(
    root,
    h('div', { className: 'page-head' }, h('h1', null, 'Graph'), h('div', { className: 'toolbar' }, h('label', { for: 'graph-size' }, 'Show at most'), sizeSelect, fit, force, status)),
    h('div', { className: 'split' }, box, detail),
  );
  const started = performance.now();
  const g = await api<Graph>('/graph', { params: { nodes: size } });
  const fetched = performance.now();
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const positions = rings(g.nodes, degree);
  const cy = cytoscape({
    container: box,
    elements: [
      ...g.nodes.map((n) => {
        const d = degree.get(n.id) ?? 0;
        // Colour and size as data, read by the style directly: style functions would run per element on every restyle.
        return { data: { id: n.id, label: n.label, kind: n.kind, reportId: n.reportId, degree: d, colour: COLOURS[n.kind] ?? '#888', size: 6 + Math.min(30, Math.sqrt(d) * 3) }, position: positions.get(n.id)! };
      }),
      ...g.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind } })),
    ],
    // Positions computed here (rings, below): no layout pass over the elements.
    layout: { name: 'preset', fit: true, padding: 20 } as cytoscape.LayoutOptions,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-size': 9,
          color: '#1c2330',
          'min-zoomed-font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 2,
        },
      },
      { selector: 'node[kind = "claim"]', style: { shape: 'round-rectangle', label: '' } },
      { selector: 'edge', style: { width: 0.6, 'line-color': '#c9d0da', 'curve-style': 'haystack', opacity: 0.7 } },
      { selector: 'edge[kind = "says"]', style: { 'line-color': '#7b3fa0', width: 1 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f2a900', label: 'data(label)' } },
      { selector: 'node.near', style: { label: 'data(label)', 'font-weight': 'bold', 'z-index': 10 } },
      { selector: 'edge.near', style: { 'line-color': '#e07b00', width: 2, opacity: 1, 'z-index': 10 } },
    ],
    pixelRatio: 1,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    motionBlur: false,
    minZoom: 0.05,
    maxZoom: 6,
  });
  const fetchMs = Math.round(fetched - started);
  const drawMs = Math.round(performance.now() - fetched);
  replace(status, `${num(g.nodes.length)} nodes, ${num(g.edges.length)} edges from the latest claims (${num(g.claims)} in all) · fetched in ${num(fetchMs)} ms, drawn in ${num(drawMs)} ms`);
  box.dataset['ready'] = 'true';
  box.dataset['fetchMs'] = String(fetchMs);
  box.dataset['drawMs'] = String(drawMs);

  const select = (node: cytoscape.NodeSingular) => {
    const hood = node.closedNeighborhood();
    // Only the neighbourhood changes style (restyling every element would cost seconds at 2,000 nodes).
    cy.batch(() => {
      cy.elements('.near').removeClass('near');
      hood.addClass('near');
    });
    const kind = node.data('kind') as string;
    const id = node.id();
    const neighbours = (node.neighborhood('node') as cytoscape.NodeCollection).toArray().sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number)) as cytoscape.NodeSingular[];
    replace(
      detail,
      h('h2', null, node.data('label') as string),
      h('p', { className: 'muted' }, `${kind} · ${node.data('degree') as number} links`),
      kind === 'claim' ? h('p', null, h('a', { href: `/reports/${node.data('reportId') as number}?claim=${id.slice(1)}` }, 'Open the claim in its report →')) : null,
      kind !== 'claim' && kind !== 'source' ? h('p', null, h('a', { href: `/propositions?about=${encodeURIComponent(node.data('label') as string)}` }, 'Propositions about it →')) : null,
      h('ul', { className: 'plain' }, neighbours.slice(0, 60).map((n) => h('li', null, h('button', { type: 'button', className: 'link', onclick: () => focusNode(n) }, n.data('label') as string), h('span', { className: 'muted' }, ` · ${n.data('kind') as string}`)))),
    );
  };
  const focusNode = (n: cytoscape.NodeSingular) => {
    cy.$(':selected').unselect();
    n.select();
    select(n);
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  };
  cy.on('tap', 'node', (e) => select(e.target as cytoscape.NodeSingular));
  cy.on('tap', (e) => {
    if (e.target === cy) {
      cy.batch(() => cy.elements('.near').removeClass('near'));
      replace(detail, h('p', { className: 'muted' }, 'Choose a node to see what it links.'));
    }
  });
  fit.addEventListener('click', () => cy.fit(undefined, 20));
  force.addEventListener('click', () => {
    replace(status, 'Laying out…');
    const t = performance.now();
    cy.layout({ name: 'cose', animate: false, numIter: 400, nodeRepulsion: () => 6000, idealEdgeLength: () => 40 } as cytoscape.LayoutOptions).run();
    replace(status, `force layout in ${num(performance.now() - t)} ms`);
  });
  // The keyboard's way in: the most connected nodes, as buttons.
  const top = cy.nodes().toArray().sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number)).slice(0, 15) as cytoscape.NodeSingular[];
  detail.append(h('h3', null, 'Most connected'), h('ul', { className: 'plain' }, top.map((n) => h('li', null, h('button', { type: 'button', className: 'link', onclick: () => focusNode(n) }, n.data('label') as string), h('span', { className: 'muted' }, ` · ${n.data('kind') as string}, ${n.data('degree') as number} links`)))));
  return () => cy.destroy();
};
export default view;

/**
 * Concentric rings in one pass: sources in the middle, then entities, then claims; within a ring
 * the most connected first. Each ring is as wide as its nodes need, so none overlap.
 */
function rings(nodes: readonly GraphNode[], degree: Map<string, number>): Map<string, { x: number; y: number }> {
  const byRing = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const ring = 3 - (RING[n.kind] ?? 1);
    const list = byRing.get(ring);
    if (list) list.push(n);
    else byRing.set(ring, [n]);
  }
  const out = new Map<string, { x: number; y: number }>();
  let radius = 0;
  for (const ring of [...byRing.keys()].sort((a, b) => a - b)) {
    const list = byRing.get(ring)!.sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
    const spacing = ring === 3 ? 14 : ring === 0 ? 40 : 22;
    radius = Math.max(radius + 120, (list.length * spacing) / (2 * Math.PI));
    list.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / list.length;
      out.set(n.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  return out;
}

// The explorer page: a client of the GraphQL API (POST /graphql) that draws with cytoscape.
// The URL names the selection (?node=<plain id>, and &to=<plain id> for a path), so a view can be shared.
// Bundled by esbuild when the page first asks for /explore/explorer.js (plugin.ts).
import type { Core, Css, ElementDefinition, NodeSingular, StylesheetStyle } from 'cytoscape';
import { labelOf } from '../../model/rows.js';
import { type NodeType, referenceTypes } from '../../model/vocabulary.js';
import { ApiError, gql } from './api.js';
import { $, byId, type Child, h, humanize, present, quote, section } from './dom.js';
import {
  CONCEPT_QUERY,
  type ConceptData,
  GRAPH_QUERY,
  type GraphData,
  type GraphEdge,
  type GraphNode,
  OTHER_QUERY,
  type Other,
  type OtherData,
  PATH_QUERY,
  type PathData,
  type Related,
  SEARCH_QUERY,
  type SearchData,
  WORK_QUERY,
  type WorkData,
} from './queries.js';

/** cytoscape is loaded by its own script tag (/explore/vendor/cytoscape.min.js), before this one. */
declare const cytoscape: typeof import('cytoscape');

declare global {
  interface Window {
    /** The drawing, for the browser tests and the curious. */
    cy: Core;
  }
}

/** The cytoscape shapes the graph draws, each as the SVG element of its legend swatch. */
const SWATCH_SHAPES = {
  ellipse: ['circle', { cx: 10, cy: 10, r: 8 }],
  'round-rectangle': ['rect', { x: 2, y: 4, width: 16, height: 12, rx: 3 }],
  hexagon: ['polygon', { points: '5,3 15,3 19,10 15,17 5,17 1,10' }],
  triangle: ['polygon', { points: '10,2 19,18 1,18' }],
  barrel: ['path', { d: 'M4 3 H16 Q19 10 16 17 H4 Q1 10 4 3 Z' }],
  octagon: ['polygon', { points: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6' }],
  star: ['polygon', { points: '10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.4 10,14.8 4.4,18.4 6,11.8 1,7.6 7.4,7.2' }],
  tag: ['polygon', { points: '1,4 13,4 19,10 13,16 1,16' }],
} satisfies Partial<Record<Css.NodeShape, [string, Record<string, string | number>]>>;

interface NodeStyle {
  color: string;
  shape: keyof typeof SWATCH_SHAPES;
  size: number;
}

/** Colour and cytoscape shape of each node type the graph draws; the legend is drawn from this list, in this order. */
const NODE_STYLES = {
  Talk: { color: '#2563eb', shape: 'ellipse', size: 30 },
  Paper: { color: '#059669', shape: 'round-rectangle', size: 26 },
  Concept: { color: '#d97706', shape: 'hexagon', size: 24 },
  Person: { color: '#7c3aed', shape: 'triangle', size: 20 },
  Session: { color: '#64748b', shape: 'barrel', size: 22 },
  Day: { color: '#0f766e', shape: 'octagon', size: 24 },
  Event: { color: '#be123c', shape: 'star', size: 30 },
  Link: { color: '#db2777', shape: 'tag', size: 18 },
} satisfies Record<Exclude<NodeType, 'Document'>, NodeStyle>;
const nodeStyles = new Map<string, NodeStyle>(Object.entries(NODE_STYLES));
const REFERENCE_TYPES = new Set<string>(referenceTypes);
const NEIGHBOURHOOD_LIMIT = 150;

/** A drawn node's data: the API's GraphNode, its label shortened for the drawing, and whether its neighbourhood is drawn. */
interface NodeData extends GraphNode {
  short?: string;
  expanded?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Page state and feedback

/** The drawing; made once the page has loaded. */
let cy: Core;

/** What the page remembers between one event and the next. */
interface PageState {
  /** The selected node's plain id. */
  selectedId: string | null;
  /** Set while "Path to…" waits for the other end. */
  pathFrom: string | null;
  /** The latest selection; answers for older ones are dropped. */
  ticket: number;
}

const state: PageState = { selectedId: null, pathFrom: null, ticket: 0 };

function showError(error: unknown) {
  $('error-message').textContent = error instanceof Error ? error.message : String(error);
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error-message').textContent = '';
}

function setStatus(text?: string | null) {
  $('status').textContent = text ?? '';
}

/** Runs a user action, showing any failure in the error banner. */
async function act(action: () => Promise<unknown>) {
  clearError();
  try {
    await action();
  } catch (error) {
    showError(error);
  } finally {
    document.body.classList.remove('busy');
  }
}

function setUrl(params: Record<string, string | null>, push: boolean) {
  const url = new URL(window.location.href);
  url.search = '';
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  if (url.href === window.location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// ---------------------------------------------------------------------------------------------
// Elements that know the page

/** A name that selects a node when clicked. */
function nodeLink(id: string, text: string) {
  return h(
    'a',
    {
      href: `?node=${encodeURIComponent(id)}`,
      className: 'node-link',
      onclick: (event) => {
        event.preventDefault();
        act(() => (event.shiftKey ? showPath(state.selectedId, id) : select(id)));
      },
    },
    text,
  );
}

/** The legend's small picture of a node type: its shape in its colour. */
function swatch(type: string) {
  const style = nodeStyles.get(type) ?? NODE_STYLES.Link;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const [tag, attrs] = SWATCH_SHAPES[style.shape];
  const shape = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) shape.setAttribute(key, String(value));
  shape.setAttribute('fill', style.color);
  svg.append(shape);
  return svg;
}

// ---------------------------------------------------------------------------------------------
// Search

async function search(text: string) {
  const query = text.trim();
  if (!query) return;
  const list = $('results');
  $('results-summary').textContent = `Searching for “${query}”…`;
  list.replaceChildren();
  const data = await gql<SearchData>(SEARCH_QUERY, { query }).catch((error) => {
    $('results-summary').textContent = '';
    throw error;
  });
  const { edges, totalCount } = data.search;
  if (!edges.length) {
    $('results-summary').replaceChildren(h('span', { className: 'empty' }, `No results for “${query}”.`));
    return;
  }
  $('results-summary').textContent =
    `${totalCount} result${totalCount === 1 ? '' : 's'} for “${query}”${totalCount > edges.length ? `, the first ${edges.length}` : ''}`;
  list.replaceChildren(
    ...edges.map(({ node }) => {
      const type = node.__typename;
      const meta = [node.kind ? humanize(node.kind) : type.toLowerCase(), node.day ? `day ${node.day.number}` : null, node.year]
        .filter(Boolean)
        .join(' · ');
      const pick = (event: MouseEvent) =>
        act(() => (event.shiftKey || state.pathFrom ? showPath(state.pathFrom ?? state.selectedId, node.slug) : select(node.slug)));
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', className: 'result', 'data-id': node.slug, onclick: pick },
          swatch(type),
          h(
            'span',
            { className: 'result-text' },
            h('span', { className: 'result-title' }, node.title ?? node.name),
            h('span', { className: 'result-meta' }, meta),
          ),
        ),
      );
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The graph

function createGraph() {
  const typeStyles: StylesheetStyle[] = [...nodeStyles].map(([type, style]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': style.color, shape: style.shape, width: style.size, height: style.size },
  }));
  return cytoscape({
    container: $('cy'),
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'font-size': 11,
          'font-family': 'system-ui, sans-serif',
          color: '#1f2937',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          'border-width': 1.5,
          'border-color': '#ffffff',
        },
      },
      ...typeStyles,
      { selector: 'node[type = "Link"]', style: { 'text-overflow-wrap': 'anywhere' } },
      { selector: 'node[?expanded]', style: { 'border-color': '#1f2937', 'border-width': 2 } },
      { selector: 'node:selected', style: { 'border-color': '#facc15', 'border-width': 5, 'font-weight': 'bold', 'z-index': 20 } },
      {
        selector: 'edge',
        style: {
          width: 1.2,
          'line-color': '#cbd5e1',
          'target-arrow-color': '#cbd5e1',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.7,
          'curve-style': 'bezier',
          'font-size': 8,
          color: '#475569',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          'text-rotation': 'autorotate',
        },
      },
      { selector: 'edge[?reference]', style: { width: 2.5, 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8' } },
      { selector: 'edge.hover, edge:selected', style: { label: 'data(label)', 'line-color': '#475569', 'target-arrow-color': '#475569' } },
      { selector: '.faded', style: { opacity: 0.2 } },
      { selector: 'node.on-path', style: { 'border-color': '#f59e0b', 'border-width': 4, 'z-index': 10 } },
      {
        selector: 'edge.on-path',
        style: { width: 4.5, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', label: 'data(label)', 'z-index': 10 },
      },
    ],
  });
}

const shorten = (text: string, max = 44) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The label drawn on the canvas: the name shortened, the words that tell it apart (" · paper 2017") kept whole. */
function drawnLabel(node: GraphNode): string {
  if (node.type === 'Link') return shorten(node.label.replace(/^https?:\/\/(www\.)?/, ''));
  if (!node.label.startsWith(node.name)) return shorten(node.label);
  const apart = node.label.slice(node.name.length);
  return shorten(node.name, Math.max(20, 44 - apart.length)) + apart;
}

function nodeData(node: GraphNode): NodeData {
  return { ...node, short: drawnLabel(node) };
}

const edgeKey = (source: string, type: string, target: string) =>
  `edge[source = ${JSON.stringify(source)}][target = ${JSON.stringify(target)}][type = ${JSON.stringify(type)}]`;

/** Adds what is not drawn yet, placing new nodes in a ring around `anchor`; returns the new elements. */
function merge(nodes: GraphNode[], edges: GraphEdge[], anchor: string) {
  const origin = anchor && cy.getElementById(anchor).nonempty() ? cy.getElementById(anchor).position() : { x: 0, y: 0 };
  const fresh = nodes.filter((n) => cy.getElementById(n.id).empty());
  const added = cy.add(
    fresh.map((node, i): ElementDefinition => {
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const radius = node.id === anchor ? 0 : 140;
      return {
        group: 'nodes',
        data: nodeData(node),
        position: { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) },
      };
    }),
  );
  const freshEdges = edges.filter((e) => cy.getElementById(e.id).empty() && cy.$(edgeKey(e.source, e.type, e.target)).empty());
  return added.union(
    cy.add(
      freshEdges.map(
        (e): ElementDefinition => ({
          group: 'edges',
          data: { ...e, reference: REFERENCE_TYPES.has(e.type) },
        }),
      ),
    ),
  );
}

/** Lays the drawing out again; nodes already drawn start where they are, so expanding keeps the picture. */
function layout() {
  cy.layout({
    name: 'cose',
    randomize: false,
    animate: false,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 16000,
    idealEdgeLength: () => 90,
    gravity: 0.5,
    numIter: 2500,
  }).run();
  if (cy.zoom() > 1.1) cy.zoom({ level: 1.1, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

const drawnCount = () => `${cy.nodes().length} nodes, ${cy.edges().length} edges drawn.`;

/** Draws the neighbourhood of `id` (plain or global id); resolves to the centre node, or null when there is none. */
async function expand(id: string): Promise<NodeSingular | null> {
  let data: GraphData;
  try {
    data = await gql<GraphData>(GRAPH_QUERY, { center: [id], limit: NEIGHBOURHOOD_LIMIT });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  const { nodes, edges, truncated, totalNodes } = data.graph;
  const center = nodes.find((n) => n.id === id || n.nodeId === id);
  if (!center) return null;
  const added = merge(nodes, edges, center.id);
  cy.getElementById(center.id).data('expanded', true);
  if (added.nonempty()) layout();
  $('graph-hint').hidden = true;
  setStatus(truncated ? `Showing ${nodes.length} of the ${totalNodes} nodes around “${center.label}”.` : drawnCount());
  return cy.getElementById(center.id);
}

function updateExports(id: string | null) {
  $('exports').hidden = !id;
  if (!id) return;
  const query = `?center=${encodeURIComponent(id)}&depth=1`;
  byId('export-graphml', HTMLAnchorElement).href = `/export/graph.graphml${query}`;
  byId('export-cyjs', HTMLAnchorElement).href = `/export/graph.cyjs${query}`;
}

/** Selects a node: draws its neighbourhood, shows its details, and names it in the URL. */
async function select(id: string, { push = true } = {}): Promise<void> {
  const mine = ++state.ticket;
  state.pathFrom = null;
  clearPath();
  document.body.classList.add('busy');
  let node: NodeSingular | null = cy.getElementById(id);
  if (node.empty() || !node.data('expanded')) node = await expand(id);
  if (mine !== state.ticket) return;
  if (!node || node.empty()) {
    $('details').replaceChildren(h('p', { className: 'empty' }, `No node called “${id}”.`));
    return;
  }
  state.selectedId = node.id();
  cy.$(':selected').unselect();
  node.select();
  cy.animate({ center: { eles: node }, duration: 250 });
  setUrl({ node: state.selectedId }, push);
  updateExports(state.selectedId);
  await showDetails(node.data(), mine);
}

// ---------------------------------------------------------------------------------------------
// The side panel

/** What the panel's header shows: the node's type, kind and label. */
type Heading = Pick<NodeData, 'id' | 'type' | 'label' | 'kind'>;

function header(data: Heading, ...meta: (string | number | null | undefined)[]) {
  const known = meta.filter(Boolean);
  return h(
    'header',
    { className: 'panel-header' },
    h(
      'p',
      { className: 'type-badge' },
      swatch(data.type),
      data.kind && data.kind !== data.type.toUpperCase() ? `${data.type} · ${humanize(data.kind)}` : data.type,
    ),
    h('h2', { id: 'details-title' }, data.label),
    known.length ? h('p', { className: 'muted' }, known.join(' · ')) : null,
    h('div', { className: 'panel-actions' }, h('button', { type: 'button', onclick: () => startPathPick(data) }, 'Path to…')),
  );
}

function relatedList(items: Related[]) {
  if (!items.length) return h('p', { className: 'muted' }, 'Nothing related found.');
  return h(
    'ol',
    { className: 'related' },
    items.map((item) =>
      h(
        'li',
        {},
        h(
          'div',
          { className: 'related-head' },
          nodeLink(item.work.slug, item.work.title),
          h('span', { className: 'score', title: 'Sum of the reasons’ weights' }, item.score.toFixed(2)),
        ),
        h('p', { className: 'muted' }, humanize(item.work.kind)),
        h(
          'ul',
          { className: 'reasons' },
          item.reasons.map((reason) =>
            h(
              'li',
              {},
              h('span', {}, reason.description),
              ' ',
              h('span', { className: 'weight' }, `+${reason.weight.toFixed(2)}`),
              quote(reason.source),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Names as links, comma-separated; null for none. */
function nameLinks(list: { slug: string; name: string }[]): Child {
  return list.length ? list.flatMap((item, i) => [i ? ', ' : null, nodeLink(item.slug, item.name)]) : null;
}

function workDetails(data: NodeData, { node: work, relatedWork }: WorkData): Child[] {
  const day = work.day ? `Day ${work.day.number} (${work.day.title})` : null;
  const references = [...work.referencesOut.map((r) => ({ ...r, arrow: '→' })), ...work.referencesIn.map((r) => ({ ...r, arrow: '←' }))];
  const link = (href: string, text: string) => h('a', { href, target: '_blank', rel: 'noopener' }, text);
  return [
    header({ ...data, label: work.title, kind: work.kind === 'PAPER' ? null : work.kind }, day, work.session?.title, work.venue, work.year),
    work.summary ? h('p', { className: 'summary' }, work.summary) : null,
    section('People', work.people.length ? h('p', { className: 'people' }, nameLinks(work.people)) : null),
    section(
      'In the notes',
      work.source
        ? h(
            'div',
            {},
            h('p', { className: 'muted' }, work.lines ? `Lines ${work.lines.from}–${work.lines.to}; named at:` : 'Named at:'),
            quote(work.source),
          )
        : null,
      work.presents ? h('p', {}, 'Presents ', nodeLink(work.presents.slug, work.presents.title)) : null,
      work.parent ? h('p', {}, 'Section of ', nodeLink(work.parent.slug, work.parent.title)) : null,
      (work.presentedAt ?? []).map((t) => h('p', {}, 'Presented at ', nodeLink(t.slug, t.title))),
      work.url ? h('p', {}, link(work.url, work.arxiv ? `arXiv:${work.arxiv}` : work.url)) : null,
    ),
    section(
      'Concepts',
      h(
        'ul',
        { className: 'quotes' },
        work.conceptLinks.map((c) => h('li', {}, nodeLink(c.concept.slug, c.concept.name), quote(c.source))),
      ),
    ),
    section(
      'Links',
      h(
        'ul',
        { className: 'quotes' },
        work.links.map((l) =>
          h(
            'li',
            {},
            link(l.url, l.label ?? l.url),
            ` (${humanize(l.kind)})`,
            l.corrected ? h('span', { className: 'muted' }, ` — the notes write ${l.asWritten}`) : null,
            quote(l.source),
          ),
        ),
      ),
    ),
    section(
      'References',
      h(
        'ul',
        { className: 'quotes' },
        references.map((r) =>
          h(
            'li',
            {},
            h('span', { className: 'muted' }, `${humanize(r.type)} ${r.arrow} `),
            nodeLink(r.work.slug, r.work.title),
            quote(r.source),
          ),
        ),
      ),
    ),
    section('Related work', relatedList(relatedWork)),
  ];
}

function conceptDetails(data: NodeData, { node: concept, relatedToConcept }: ConceptData): Child[] {
  const neighbours = (title: string, list: { slug: string; name: string }[]) =>
    list.length ? h('p', {}, h('span', { className: 'muted' }, title), nameLinks(list)) : null;
  return [
    header({ ...data, label: concept.name }, concept.aliases.length ? `also ${concept.aliases.join(', ')}` : null),
    h('p', { className: 'summary' }, concept.definition),
    section(
      'Neighbouring concepts',
      neighbours('Broader: ', concept.broader),
      neighbours('Narrower: ', concept.narrower),
      neighbours('Related: ', concept.related),
    ),
    section('Related work', relatedList(relatedToConcept)),
  ];
}

function otherDetails(data: NodeData, node: Other): Child[] {
  const talkList = (talks: { slug: string; title: string }[]) =>
    h(
      'ol',
      {},
      talks.map((t) => h('li', {}, nodeLink(t.slug, t.title))),
    );
  switch (node.__typename) {
    case 'Person':
      return [
        header({ ...data, label: node.name }, node.affiliation, node.aliases.length ? `also ${node.aliases.join(', ')}` : null),
        section(
          `Works (${node.works.totalCount})`,
          h(
            'ul',
            {},
            node.works.edges.map(({ node: w }) =>
              h('li', {}, nodeLink(w.slug, w.title), h('span', { className: 'muted' }, ` ${humanize(w.kind)}`)),
            ),
          ),
        ),
      ];
    case 'Session':
      return [header({ ...data, label: node.title }, `Day ${node.day.number} (${node.day.title})`), section('Talks', talkList(node.talks))];
    case 'Day':
      return [
        header({ ...data, label: `Day ${node.number}: ${node.title}` }),
        section(
          'Sessions',
          h(
            'ol',
            {},
            node.sessions.map((s) => h('li', {}, s.title, h('span', { className: 'muted' }, ` ${humanize(s.kind)}`))),
          ),
        ),
        section('Talks', talkList(node.talks)),
      ];
    case 'Event':
      return [
        header({ ...data, label: node.fullName ?? node.name }, node.location, [node.startDate, node.endDate].filter(Boolean).join(' – ')),
        section(
          'Days',
          h(
            'ol',
            {},
            node.days.map((d) => h('li', {}, `Day ${d.number}: ${d.title}`)),
          ),
        ),
      ];
    default:
      return [header(data)];
  }
}

/** A link has no API node of its own: its details are the edges drawn to it. */
function linkDetails(data: NodeData): Child[] {
  const mentions = cy.getElementById(data.id).incomers().edges();
  return [
    header(data),
    h('p', {}, h('a', { href: data.id, target: '_blank', rel: 'noopener' }, data.id)),
    section(
      'Given by',
      h(
        'ul',
        { className: 'quotes' },
        mentions.map((edge) =>
          h(
            'li',
            {},
            nodeLink(edge.source().id(), edge.source().data('label')),
            quote(edge.data('line') ? { line: edge.data('line'), quote: edge.data('quote') } : null),
          ),
        ),
      ),
    ),
  ];
}

async function showDetails(data: NodeData, mine: number) {
  const panel = $('details');
  panel.setAttribute('aria-busy', 'true');
  try {
    let content: Child[];
    if (data.type === 'Talk' || data.type === 'Paper')
      content = workDetails(data, await gql<WorkData>(WORK_QUERY, { id: data.nodeId, slug: data.id }));
    else if (data.type === 'Concept')
      content = conceptDetails(data, await gql<ConceptData>(CONCEPT_QUERY, { id: data.nodeId, name: data.name }));
    else if (data.type === 'Link') content = linkDetails(data);
    else content = otherDetails(data, (await gql<OtherData>(OTHER_QUERY, { id: data.nodeId })).node);
    if (mine === state.ticket) panel.replaceChildren(...present(content));
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------------------------------------
// Paths

function startPathPick(data: Heading) {
  state.pathFrom = data.id;
  setStatus(`Path from “${data.label}”: click the other end in the graph or in the search results (Esc cancels).`);
  document.body.classList.add('picking');
}

function cancelPathPick() {
  if (!state.pathFrom) return;
  state.pathFrom = null;
  document.body.classList.remove('picking');
  setStatus('');
}

function clearPath() {
  if (cy) cy.elements().removeClass('faded on-path');
  $('path').hidden = true;
  $('path').replaceChildren();
  document.body.classList.remove('picking');
}

/**
 * Draws and highlights the shortest path between two plain ids, and names both in the URL. When
 * none is found within `maxLength` steps (the API's default, 6), offers to look as far as the API allows.
 */
async function showPath(
  from: string | null,
  to: string,
  { push = true, maxLength = null }: { push?: boolean; maxLength?: number | null } = {},
): Promise<void> {
  state.pathFrom = null;
  document.body.classList.remove('picking');
  if (!from) return select(to, { push });
  if (from === to) return;
  document.body.classList.add('busy');
  if (cy.getElementById(from).empty()) await select(from, { push: false });
  const { paths: search } = await gql<PathData>(PATH_QUERY, { from, to, maxLength });
  const [path] = search.paths;
  clearPath();
  setUrl({ node: from, to }, push);
  const fromLabel = cy.getElementById(from).data('label') ?? from;
  const box = $('path');
  box.hidden = false;
  if (!path) {
    const further = search.canSearchFurther
      ? h(
          'button',
          { type: 'button', className: 'look-further', onclick: () => act(() => showPath(from, to, { push: false, maxLength: 10 })) },
          'Look further (up to 10 steps)',
        )
      : null;
    box.replaceChildren(
      ...present([
        h('h3', {}, 'Path'),
        h('p', { className: 'empty' }, `From “${fromLabel}” to “${to}”: ${search.message}`),
        further,
        clearPathButton(),
      ]),
    );
    return;
  }
  // The path's nodes come in order; each edge joins a node to the next, in its stored direction.
  const ids = [from];
  for (const edge of path.edges) ids.push(edge.fromId === ids[ids.length - 1] ? edge.toId : edge.fromId);
  const nodes: GraphNode[] = path.nodes.map((n, i) => ({
    id: ids[i]!,
    nodeId: n.id,
    type: n.__typename,
    label: labelOf({ ...n, __type: n.__typename, kind: n.kind ?? n.sessionKind, dayNumber: n.day?.number }),
    name: n.title ?? n.name ?? `Day ${n.number}`,
    kind: n.kind ?? n.sessionKind ?? null,
    day: n.day?.number ?? n.number ?? null,
    year: n.year ?? null,
  }));
  const edges: GraphEdge[] = path.edges.map((e) => ({
    id: `${e.fromId}|${e.type}|${e.toId}`,
    source: e.fromId,
    target: e.toId,
    type: e.type,
    label: humanize(e.type),
    line: e.source?.line ?? null,
    quote: e.source?.quote ?? null,
  }));
  const added = merge(nodes, edges, from);
  if (added.nonempty()) layout();
  setStatus(drawnCount());
  const onPath = cy.collection();
  for (const n of nodes) onPath.merge(cy.getElementById(n.id));
  for (const e of edges) onPath.merge(cy.$(edgeKey(e.source, e.type, e.target)).first());
  cy.elements().addClass('faded');
  onPath.removeClass('faded').addClass('on-path');
  cy.animate({ fit: { eles: onPath, padding: 60 }, duration: 300 });
  box.replaceChildren(
    h('h3', {}, `Path to “${nodes[nodes.length - 1]!.label}” (${path.length} step${path.length === 1 ? '' : 's'})`),
    h(
      'ol',
      { className: 'path-steps' },
      nodes.map((node, i) => {
        const edge = edges[i];
        return h(
          'li',
          {},
          swatch(node.type),
          nodeLink(node.id, node.label),
          edge
            ? h(
                'div',
                { className: 'path-edge' },
                h('span', { className: 'muted' }, `${edge.source === node.id ? '↓' : '↑'} ${path.edges[i]!.reason}`),
                quote(path.edges[i]?.source),
              )
            : null,
        );
      }),
    ),
    clearPathButton(),
  );
}

function clearPathButton() {
  const clear = () => {
    clearPath();
    if (state.selectedId) setUrl({ node: state.selectedId }, true);
  };
  return h('button', { type: 'button', onclick: clear }, 'Clear path');
}

// ---------------------------------------------------------------------------------------------
// Wiring

function drawLegend() {
  $('legend').replaceChildren(...[...nodeStyles.keys()].map((type) => h('li', {}, swatch(type), type)));
}

/** Restores what the URL names. */
async function restore() {
  const params = new URLSearchParams(window.location.search);
  const node = params.get('node');
  const to = params.get('to');
  if (node && state.selectedId !== node) await select(node, { push: false });
  if (node && to) await showPath(node, to, { push: false });
  else clearPath();
}

function clearAll() {
  cy.elements().remove();
  state.selectedId = null;
  cancelPathPick();
  clearPath();
  updateExports(null);
  setStatus('');
  $('graph-hint').hidden = false;
  $('details').replaceChildren(h('p', { className: 'muted' }, 'Nothing selected.'));
  setUrl({}, true);
}

function start() {
  cy = createGraph();
  window.cy = cy;
  drawLegend();

  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    const shift = event.originalEvent?.shiftKey;
    act(() => (state.pathFrom || (shift && state.selectedId) ? showPath(state.pathFrom ?? state.selectedId, id) : select(id)));
  });
  cy.on('tap', 'edge', (event) => {
    const edge = event.target;
    const where = edge.data('line') ? `, line ${edge.data('line')}: “${edge.data('quote')}”` : '';
    setStatus(`${edge.source().data('label')} — ${edge.data('label')} → ${edge.target().data('label')}${where}`);
  });
  cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));

  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => search(byId('search-input', HTMLInputElement).value));
  });
  $('error-close').addEventListener('click', clearError);
  $('fit').addEventListener('click', () => cy.fit(undefined, 40));
  $('clear').addEventListener('click', clearAll);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelPathPick();
  });
  window.addEventListener('popstate', () => act(restore));

  act(restore);
}

document.addEventListener('DOMContentLoaded', start);

// The actor graph (cytoscape): nodes are actors, edges co-mentions (grey),
// events actor -> target (red) and knowledge-base relations (blue).
import cytoscape from 'cytoscape';
import { nameOf } from '../i18n.js';

const TYPE_COLORS = {
  person: '#4c6ef5', armed_group: '#e8590c', state_force: '#2b8a3e', gov_body: '#5f3dc4',
  party: '#a61e4d', intl_org: '#1098ad', country: '#495057',
};

export function renderGraph(container, graph, { onNode, focus } = {}) {
  container.setAttribute('data-testid', 'graph');
  const maxDocs = Math.max(1, ...graph.nodes.map((n) => n.documents || 1));
  const elements = [
    ...graph.nodes.map((n) => ({
      data: { id: n.id, label: nameOf(n), type: n.type, size: 18 + 30 * Math.sqrt((n.documents || 1) / maxDocs) },
    })),
    ...graph.edges.map((e, i) => ({
      data: { id: 'e' + i, source: e.source, target: e.target, kind: e.kind.split(':')[0], weight: e.weight },
    })),
  ];
  const cy = cytoscape({
    container,
    elements,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11,
        'background-color': (n) => TYPE_COLORS[n.data('type')] || '#868e96', color: '#212529',
        'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: `node[id = "${(focus || '').replace(/"/g, '')}"]`, style: { 'border-width': 4, 'border-color': '#f08c00' } },
      { selector: 'edge', style: { width: (e) => Math.min(8, 1 + Math.log2(e.data('weight') || 1)), 'line-color': '#ced4da', 'curve-style': 'bezier', opacity: 0.8 } },
      { selector: 'edge[kind = "event"]', style: { 'line-color': '#e03131', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#e03131' } },
      { selector: 'edge[kind = "relation"]', style: { 'line-color': '#1c7ed6', 'line-style': 'dashed', 'target-arrow-shape': 'vee', 'target-arrow-color': '#1c7ed6' } },
    ],
    layout: { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false },
    wheelSensitivity: 0.3,
  });
  if (onNode) cy.on('tap', 'node', (e) => onNode(e.target.id()));
  container.dataset.nodes = String(graph.nodes.length);
  return cy;
}

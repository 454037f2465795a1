// Entity page: aliases, relations, mentions over time, stories, documents,
// co-mentioned actors and the actor graph around the entity.
import { api, exportUrl } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el, section, fmtDate } from '../util.js';
import { renderGraph } from '../widgets/graph.js';

// A small bar chart (SVG, no library) of documents per month.
function barChart(points) {
  const NS = 'http://www.w3.org/2000/svg';
  const w = Math.max(240, points.length * 36), h = 140, max = Math.max(1, ...points.map((p) => p.documents));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h + 30}`);
  svg.setAttribute('class', 'bars');
  svg.setAttribute('data-testid', 'mentions-chart');
  svg.setAttribute('direction', 'ltr');
  points.forEach((p, i) => {
    const bh = Math.round((p.documents / max) * h);
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(i * 36 + 6)); r.setAttribute('y', String(h - bh));
    r.setAttribute('width', '24'); r.setAttribute('height', String(bh));
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${p.period}: ${p.documents} / ${p.mentions}`;
    r.append(title);
    const tx = document.createElementNS(NS, 'text');
    tx.setAttribute('x', String(i * 36 + 18)); tx.setAttribute('y', String(h + 14));
    tx.setAttribute('text-anchor', 'middle'); tx.textContent = p.period.slice(2);
    svg.append(r, tx);
  });
  return svg;
}

export async function entityPage(app, id) {
  const e = await api('entities/' + encodeURIComponent(id));
  const graphBox = el('div', { class: 'graph-box' });
  app.replaceChildren(
    el('h1', { 'data-testid': 'entity-title', text: nameOf(e) }),
    el('p', { class: 'meta' }, `${e.type}${e.kind ? ' · ' + e.kind : ''} · ${e.id} · ${e.documents ?? 0} ${t('documents')}`,
      e.wikidata ? el('span', {}, ' · ', el('a', { href: 'https://www.wikidata.org/wiki/' + encodeURIComponent(e.wikidata), rel: 'noreferrer noopener', target: '_blank', text: e.wikidata })) : ''),
    el('div', { class: 'two-col' },
      section(t('aliases'), el('p', { 'data-testid': 'aliases' }, [e.name_ar, e.name_en, ...(e.aliases_ar || []), ...(e.aliases_en || [])].filter(Boolean).join(' · '))),
      section(t('relations'), (e.relations || []).length ? el('ul', { 'data-testid': 'relations' }, ...e.relations.map((r) => el('li', {},
        r.direction === 'out' ? `${r.relation} → ` : `← ${r.relation} `,
        el('a', { href: '#/entity/' + encodeURIComponent(r.other.id), text: nameOf(r.other) || r.other.id }),
        r.from || r.to ? ` (${r.from || '…'} – ${r.to || '…'})` : ''))) : el('p', { class: 'muted', text: t('none') }))),
    section(t('mentions.time'), (e.mentions_over_time || []).length ? barChart(e.mentions_over_time) : el('p', { class: 'muted', text: t('none') })),
    el('div', { class: 'two-col' },
      section(t('stories'), (e.stories || []).length ? el('ul', {}, ...e.stories.map((s) => el('li', {}, el('a', { href: '#/story/' + encodeURIComponent(s.id), text: s.title || s.id })))) : el('p', { class: 'muted', text: t('none') })),
      section(t('co.mentioned'), el('ul', {}, ...(e.co_mentioned || []).map((c) => el('li', {},
        el('a', { href: '#/entity/' + encodeURIComponent(c.id), text: nameOf(c) }), ` · ${c.documents}`))))),
    section(t('graph'), graphBox, el('p', {}, el('a', { href: exportUrl('graph.graphml', { entity: id }), text: 'GraphML' }))),
    section(t('recent.docs'), el('ul', {}, ...(e.recent_documents || []).map((d) => el('li', {},
      el('a', { href: '#/doc/' + d.id, text: d.title || '#' + d.id }), ` · ${d.outlet || ''} · ${fmtDate(d.published)}`)))),
  );
  const graph = await api('graph', { entity: id, limit: 40 });
  renderGraph(graphBox, graph, { focus: id, onNode: (n) => { location.hash = '#/entity/' + encodeURIComponent(n); } });
}

export async function entitiesList(app, query) {
  const type = query.get('type') || '';
  const data = await api('entities', { type, limit: 300 });
  const types = ['', 'person', 'armed_group', 'state_force', 'gov_body', 'party', 'media', 'intl_org', 'country', 'place'];
  const select = el('select', { onchange: (ev) => { location.hash = '#/entities' + (ev.target.value ? '?type=' + ev.target.value : ''); } },
    ...types.map((x) => el('option', { value: x, selected: x === type, text: x || t('all.types') })));
  app.replaceChildren(el('h1', { text: t('nav.entities') }), select,
    el('table', { class: 'list', 'data-testid': 'entities-list' },
      el('tr', {}, el('th', { text: t('entity') }), el('th', { text: t('type') }), el('th', { text: t('documents') })),
      ...data.items.map((x) => el('tr', {}, el('td', {}, el('a', { href: '#/entity/' + encodeURIComponent(x.id), text: nameOf(x) })),
        el('td', { text: x.type }), el('td', { text: x.documents })))));
}

export async function graphPage(app) {
  const box = el('div', { class: 'graph-box large' });
  app.replaceChildren(el('h1', { text: t('graph') }),
    el('p', {}, el('a', { href: exportUrl('graph.graphml'), text: 'GraphML' }), ' · ',
      el('a', { href: exportUrl('events.csv'), text: 'events.csv' }), ' · ',
      el('a', { href: exportUrl('events.geojson'), text: 'events.geojson' }), ' · ',
      el('a', { href: exportUrl('events.jsonl'), text: 'events.jsonl' })),
    box);
  const graph = await api('graph', { limit: 80 });
  renderGraph(box, graph, { onNode: (n) => { location.hash = '#/entity/' + encodeURIComponent(n); } });
}

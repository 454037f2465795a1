// Story page: claims matrix (claim x outlet), evidence panel, contradictions,
// unique claims, framing per outlet, timeline and map. Field names follow
// the stories module's story object (docs/stories.md).
import { api } from '../api.js';
import { t, nameOf, getLang } from '../i18n.js';
import { el, section, annotatedText, errorBox, fmtDate } from '../util.js';
import { renderTimeline } from '../widgets/timeline.js';
import { renderMap } from '../widgets/map.js';

const STANCE_MARK = { asserts: '✔', denies: '✘', silent: '–' };

function outletLabel(story, key) {
  const d = (story.documents || []).find((x) => x.outlet === key && x.outlet_name);
  if (d && getLang() === 'ar') return d.outlet_name;
  if (String(key).startsWith('doc:')) return `${t('unknown')} #${key.slice(4)}`;
  return key || t('unknown');
}

// The evidence for one (claim, outlet) cell: the outlet's own report of the
// claim's event, else the claim's representative evidence when it is from
// that outlet.
export function cellEvidence(story, claim, outlet) {
  const ev = (story.events || []).find((e) => e.id === claim.event);
  const reps = ev ? (ev.reports || []).filter((r) => r.outlet === outlet) : [];
  for (const r of reps) if (r.evidence) return { ...r.evidence, stance: r.stance };
  if (claim.evidence && claim.evidence.outlet === outlet) return claim.evidence;
  return null;
}

async function showEvidence(panel, evidence, label) {
  panel.replaceChildren(el('h3', { text: t('evidence') + ' — ' + label }));
  if (!evidence) {
    panel.append(el('p', { class: 'muted', text: t('evidence.none') }));
    return;
  }
  panel.append(el('blockquote', { class: 'evidence-quote', 'data-testid': 'evidence-quote' }, evidence.text || ''));
  try {
    const doc = await api('documents/' + evidence.doc_id);
    const body = annotatedText(doc.body, [{
      start: evidence.start, end: evidence.end, cls: 'hl-evidence',
      attrs: { 'data-testid': 'evidence-highlight' },
    }]);
    body.classList.add('evidence-article');
    panel.append(
      el('p', { class: 'meta' }, doc.title || '', ' · ', (doc.outlet && nameOf(doc.outlet)) || '', ' · ',
        fmtDate(doc.published && doc.published.value)),
      body,
      el('a', { href: `#/doc/${evidence.doc_id}?start=${evidence.start}&end=${evidence.end}` }, t('open.article')),
    );
    const hl = body.querySelector('.hl-evidence');
    if (hl) hl.scrollIntoView({ block: 'center' });
  } catch (err) {
    panel.append(errorBox(err));
  }
}

function claimsMatrix(story, panel) {
  const outlets = story.outlets && story.outlets.length
    ? story.outlets
    : [...new Set((story.documents || []).map((d) => d.outlet))];
  const table = el('table', { class: 'matrix', 'data-testid': 'claims-matrix' });
  table.append(el('thead', {}, el('tr', {}, el('th', { text: t('claim') }),
    ...outlets.map((o) => el('th', { class: 'outlet-col', text: outletLabel(story, o) })))));
  const tbody = el('tbody');
  for (const claim of story.claims || []) {
    const row = el('tr', {}, el('th', { class: 'claim-text', scope: 'row', text: claim.text || claim.id }));
    for (const o of outlets) {
      const stance = (claim.outlets && claim.outlets[o]) || 'silent';
      const cell = el('td', {
        class: 'cell ' + stance, tabindex: '0', role: 'button',
        'data-testid': 'matrix-cell', 'data-stance': stance, 'data-outlet': o, 'data-claim': claim.id,
        title: `${outletLabel(story, o)}: ${t(stance)}`,
      }, el('span', { 'aria-hidden': 'true', text: STANCE_MARK[stance] || '?' }), el('span', { class: 'sr', text: t(stance) }));
      const open = () => {
        table.querySelectorAll('td.selected').forEach((c) => c.classList.remove('selected'));
        cell.classList.add('selected');
        showEvidence(panel, stance === 'silent' ? null : cellEvidence(story, claim, o),
          `${outletLabel(story, o)} · ${t(stance)}`);
      };
      cell.addEventListener('click', open);
      cell.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
      row.append(cell);
    }
    tbody.append(row);
  }
  table.append(tbody);
  return el('div', { class: 'matrix-wrap' }, table);
}

function evidenceLink(ev) {
  if (!ev) return null;
  return el('a', { class: 'evidence-link', href: `#/doc/${ev.doc_id}?start=${ev.start}&end=${ev.end}` },
    '«', ev.text || '', '» — ', ev.outlet || '');
}

function contradictions(story) {
  const list = story.contradictions || [];
  if (!list.length) return el('p', { class: 'muted', text: t('none') });
  return el('div', { 'data-testid': 'contradictions' }, ...list.map((c) => el('div', { class: 'contradiction' },
    el('h4', {}, [c.kind, c.type, c.field, c.place].filter(Boolean).join(' · ')),
    el('div', { class: 'sides' }, ...(c.sides || []).map((s) => el('div', { class: 'side' },
      el('div', { class: 'side-value' }, t('side') + ': ', String(s.value ?? '')),
      el('div', { class: 'muted' }, (s.outlets || []).join('، ')),
      ...[].concat(s.evidence || []).map(evidenceLink))))),
  ));
}

function uniqueClaims(story) {
  const list = story.unique_claims || [];
  if (!list.length) return el('p', { class: 'muted', text: t('none') });
  return el('ul', { 'data-testid': 'unique-claims' }, ...list.map((u) => el('li', {},
    el('strong', { text: outletLabel(story, u.outlet) + ': ' }), u.text || '', ' ', evidenceLink(u.evidence))));
}

// Framing: {concept: {outlet: {term: count}}} (stories module), shown as
// one row per outlet and one column per concept.
function framing(story) {
  const f = story.framing || {};
  const concepts = Object.keys(f);
  if (!concepts.length) return el('p', { class: 'muted', text: t('none') });
  const outlets = [...new Set(concepts.flatMap((c) => Object.keys(f[c] || {})))];
  const cell = (terms) => Object.entries(terms || {}).sort((a, b) => b[1] - a[1])
    .map(([term, n]) => `${term} (${n})`).join('، ');
  return el('div', { class: 'matrix-wrap' }, el('table', { class: 'framing', 'data-testid': 'framing' },
    el('tr', {}, el('th', { text: t('outlet') }), ...concepts.map((c) => el('th', { text: c }))),
    ...outlets.map((o) => el('tr', {}, el('th', { text: outletLabel(story, o) }),
      ...concepts.map((c) => el('td', { text: cell((f[c] || {})[o]) }))))));
}

export async function storyPage(app, id) {
  const story = await api('stories/' + encodeURIComponent(id));
  const panel = el('aside', { class: 'evidence-panel card', 'data-testid': 'evidence-panel' },
    el('h3', { text: t('evidence') }), el('p', { class: 'muted', text: t('evidence.pick') }));
  const tlBox = el('div', { class: 'timeline-box' });
  const mapBox = el('div', { class: 'map-box' });
  const docs = story.documents || [];
  app.replaceChildren(
    el('h1', { 'data-testid': 'story-title', text: story.title || id }),
    el('p', { class: 'meta' }, `${fmtDate(story.first_date)} → ${fmtDate(story.last_date)} · `,
      `${docs.length} ${t('documents')} · ${(story.outlets || []).length} ${t('outlets')} · `,
      `${(story.events || []).length} ${t('events')}`),
    el('div', { class: 'story-grid' },
      section(t('claims'), el('p', { class: 'muted', text: t('matrix.help') }), claimsMatrix(story, panel)),
      panel),
    section(t('contradictions'), contradictions(story)),
    section(t('unique'), uniqueClaims(story)),
    section(t('framing'), framing(story)),
    section(t('timeline'), tlBox),
    section(t('map'), mapBox),
    section(t('documents'), el('ul', {}, ...docs.map((d) => el('li', {},
      el('a', { href: '#/doc/' + d.id, text: d.title || String(d.id) }), ' · ', d.outlet_name || d.outlet || '',
      ' · ', fmtDate(d.date), d.duplicate_of ? ` · (${d.duplicate_of})` : '')))),
  );
  const placeNames = Object.fromEntries((story.places || []).map((p) => [p.id, nameOf(p)]));
  const tlItems = (story.timeline || []).map((x, i) => ({
    id: i,
    date: x.date,
    group: outletLabel(story, x.outlet),
    content: [x.type || x.kind, placeNames[x.place] || x.place || '', x.side || '', x.stance === 'denies' ? '✘' : '']
      .filter(Boolean).join(' · '),
    title: x.evidence ? x.evidence.text : '',
    className: x.stance === 'denies' ? 'tl-denies' : '',
  }));
  renderTimeline(tlBox, tlItems, {
    rtl: getLang() === 'ar',
    onSelect: (i) => { const x = story.timeline[i]; if (x && x.evidence) showEvidence(panel, x.evidence, x.outlet || ''); },
  });
  const places = (story.places || []).map((p) => ({ id: p.id, name: nameOf(p), lat: p.lat, lon: p.lon, count: p.count || p.events || 1 }));
  renderMap(mapBox, places, { onClick: (p) => { location.hash = '#/entity/' + encodeURIComponent(p.id); } });
  if (!places.some((p) => Number.isFinite(p.lat))) mapBox.after(el('p', { class: 'muted', text: t('no.coords') }));
}

export async function storiesList(app) {
  let data;
  try {
    data = await api('stories', { limit: 100 });
  } catch (err) {
    app.append(section(t('stories'), el('p', { class: 'muted', text: t('stories.unavailable') + ' ' + err.message })));
    return;
  }
  const items = data.items || [];
  const list = el('table', { class: 'list', 'data-testid': 'stories-list' },
    el('tr', {}, el('th', { text: t('stories') }), el('th', { text: t('date') }), el('th', { text: t('documents') }),
      el('th', { text: t('outlets') }), el('th', { text: t('events') }), el('th', { text: t('contradictions') })),
    ...items.map((s) => el('tr', {},
      el('td', {}, el('a', { href: '#/story/' + encodeURIComponent(s.id), 'data-testid': 'story-link', text: s.title || s.id })),
      el('td', { text: `${fmtDate(s.first_date)} → ${fmtDate(s.last_date)}` }),
      el('td', { text: s.documents }), el('td', { text: s.outlets }), el('td', { text: s.events }),
      el('td', { text: s.contradictions }))));
  app.append(section(t('stories'), items.length ? list : el('p', { class: 'muted', text: t('stories.none') })));
}

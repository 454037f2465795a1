// Article page: the clean text with entities, dates, attributions and
// events highlighted (toggle each layer), the removed page chrome on
// demand, and an optional evidence span (?start=&end=, code points).
import { api } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el, section, annotatedText, fmtDate } from '../util.js';

const LAYERS = ['entities', 'dates', 'attributions', 'events'];

function spansOf(doc, layers) {
  const spans = [];
  if (layers.has('attributions')) {
    for (const a of doc.attributions || []) {
      spans.push({ start: a.start, end: a.end, cls: 'hl-attr ' + (a.stance === 'denies' ? 'denies' : 'asserts'),
        title: `${t('speaker')}: ${a.speaker_text || a.speaker} (${a.cue}, ${t(a.stance)})` });
      spans.push({ start: a.cue_start, end: a.cue_end, cls: 'hl-cue', title: a.cue });
    }
  }
  if (layers.has('events')) {
    for (const e of doc.events || []) {
      spans.push({ start: e.evidence?.start, end: e.evidence?.end, cls: 'hl-event-sentence' });
      const trig = (e.trigger_start !== undefined) ? e : null;
      if (trig) spans.push({ start: e.trigger_start, end: e.trigger_end, cls: 'hl-trigger', title: e.type });
    }
  }
  if (layers.has('dates')) {
    for (const d of doc.dates || []) spans.push({ start: d.start, end: d.end, cls: 'hl-date', title: `${d.value ?? '?'} (${d.precision})` });
  }
  if (layers.has('entities')) {
    for (const e of doc.entities || []) {
      for (const m of e.mentions || []) {
        spans.push({ start: m.start, end: m.end, cls: 'hl-entity t-' + e.type, title: `${nameOf(e)} · ${e.type} · ${e.id}`,
          attrs: { 'data-entity': e.id } });
      }
    }
  }
  return spans;
}

export async function articlePage(app, id, query) {
  const doc = await api('documents/' + encodeURIComponent(id));
  const layers = new Set(LAYERS);
  const bodyBox = el('div');
  const evStart = Number.parseInt(query.get('start'), 10);
  const evEnd = Number.parseInt(query.get('end'), 10);
  const draw = () => {
    const spans = spansOf(doc, layers);
    if (Number.isInteger(evStart) && Number.isInteger(evEnd)) {
      spans.push({ start: evStart, end: evEnd, cls: 'hl-evidence', attrs: { 'data-testid': 'evidence-highlight' } });
    }
    const body = annotatedText(doc.body, spans);
    body.addEventListener('click', (e) => {
      const ent = e.target.closest('[data-entity]');
      if (ent) location.hash = '#/entity/' + encodeURIComponent(ent.getAttribute('data-entity'));
    });
    bodyBox.replaceChildren(body);
    const hl = body.querySelector('.hl-evidence');
    if (hl) hl.scrollIntoView({ block: 'center' });
  };
  const toggles = el('div', { class: 'toggles' }, el('strong', { text: t('legend') + ': ' }), ...LAYERS.map((l) => el('label', { class: 'toggle lg-' + l },
    el('input', { type: 'checkbox', checked: true, onchange: (e) => { if (e.target.checked) layers.add(l); else layers.delete(l); draw(); } }),
    ' ', t(l))));
  const removedBox = el('div', { class: 'removed', hidden: true, 'data-testid': 'removed' },
    el('h3', { text: t('removed') }),
    el('ul', {}, ...(doc.removed || []).map((r) => el('li', {}, el('code', { text: r.reason }), ' ', r.text))));
  const removedBtn = el('button', { type: 'button', 'data-testid': 'toggle-removed' }, `${t('removed.show')} (${(doc.removed || []).length})`);
  removedBtn.addEventListener('click', () => {
    removedBox.hidden = !removedBox.hidden;
    removedBtn.textContent = `${removedBox.hidden ? t('removed.show') : t('removed.hide')} (${(doc.removed || []).length})`;
  });
  const events = (doc.events || []).map((e) => el('li', {},
    el('strong', { text: e.type }), e.negated ? ` (${t('negated')})` : '', ' · ',
    (e.actors || []).map((a) => a.text).join('، '), ' → ', (e.targets || []).map((a) => a.text).join('، '),
    e.place ? ` · ${e.place.text}` : '', e.date ? ` · ${e.date.value ?? e.date.text}` : '',
    ' · ', el('a', { href: `#/doc/${id}?start=${e.evidence.start}&end=${e.evidence.end}`, text: '¶' })));
  const attrs = (doc.attributions || []).map((a) => el('li', {},
    el('strong', { text: a.speaker_text || a.speaker }), ` (${a.cue}, ${t(a.stance)}): `,
    el('a', { href: `#/doc/${id}?start=${a.start}&end=${a.end}` }, Array.from(doc.body).slice(a.start, a.end).join(''))));
  const ents = (doc.entities || []).map((e) => el('li', {},
    el('a', { href: '#/entity/' + encodeURIComponent(e.id), text: nameOf(e) }), ` · ${e.type} · ${(e.mentions || []).length}`));
  app.replaceChildren(
    el('h1', { 'data-testid': 'article-title', text: doc.title || `#${id}` }),
    el('p', { class: 'meta' }, (doc.outlet && nameOf(doc.outlet)) || t('unknown'), ' · ',
      t('published') + ': ', fmtDate(doc.published && doc.published.value),
      doc.url ? el('span', {}, ' · ', el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank', text: doc.url })) : '',
      doc.story ? el('span', {}, ' · ', el('a', { href: '#/story/' + encodeURIComponent(doc.story), text: t('stories') })) : ''),
    el('div', { class: 'article-grid' },
      el('div', { class: 'card' }, toggles, bodyBox, removedBtn, removedBox),
      el('div', {},
        section(t('entities'), el('ul', {}, ...ents)),
        section(t('events'), el('ul', {}, ...events)),
        section(t('attributions'), el('ul', {}, ...attrs)))),
  );
  draw();
}

export async function documentsList(app) {
  const data = await api('documents', { limit: 200 });
  app.replaceChildren(el('h1', { text: t('documents') }),
    el('table', { class: 'list', 'data-testid': 'documents-list' },
      el('tr', {}, el('th', { text: t('documents') }), el('th', { text: t('outlet') }), el('th', { text: t('published') }), el('th', { text: t('events') })),
      ...data.items.map((d) => el('tr', {},
        el('td', {}, el('a', { href: '#/doc/' + d.id, text: d.title || `#${d.id}` })),
        el('td', { text: d.outlet || t('unknown') }), el('td', { text: fmtDate(d.published) }), el('td', { text: d.events })))));
}

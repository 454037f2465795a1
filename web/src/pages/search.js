// Search page: normalized Arabic full-text search with facets (outlet,
// entity, place, event type, month) and highlighted snippets. The query
// and filters live in the URL hash, so results can be linked.
import { api } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el, errorBox, fmtDate } from '../util.js';

const FILTERS = ['outlet', 'entity', 'place', 'type', 'from', 'to'];

function parts(list) {
  return (list || []).map((p) => (p.match ? el('mark', { text: p.text }) : document.createTextNode(p.text)));
}

function go(params) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  location.hash = '#/search?' + qs.toString();
}

export async function searchPage(app, query) {
  const params = {};
  for (const k of ['q', ...FILTERS]) params[k] = query.get(k) || '';
  const input = el('input', { type: 'search', name: 'q', value: params.q, placeholder: t('search.placeholder'), 'data-testid': 'search-input', dir: 'auto' });
  const form = el('form', { class: 'search-form', role: 'search' }, input, el('button', { type: 'submit', 'data-testid': 'search-submit', text: t('search') }));
  form.addEventListener('submit', (e) => { e.preventDefault(); go({ ...params, q: input.value.trim() }); });
  const results = el('div', { class: 'results', 'data-testid': 'search-results' });
  const facets = el('aside', { class: 'facets card', 'data-testid': 'facets' });
  app.replaceChildren(el('h1', { text: t('nav.search') }), form, el('div', { class: 'search-grid' }, facets, results));
  if (!params.q) return;
  let data;
  try {
    data = await api('search', { ...params, limit: 50 });
  } catch (err) {
    results.replaceChildren(errorBox(err));
    return;
  }
  const total = `${data.total}${data.total_capped ? '+' : ''} ${t('results')}`;
  const note = data.ranked_over < data.total
    ? [el('p', { class: 'meta', 'data-testid': 'search-ranked', text: t('ranked.newest').replace('{n}', data.ranked_over) })] : [];
  results.replaceChildren(el('p', { class: 'meta', 'data-testid': 'search-total' }, total), ...note,
    ...data.hits.map((h) => el('article', { class: 'hit', 'data-testid': 'search-hit' },
      el('h3', {}, el('a', { href: '#/doc/' + h.id }, ...parts(h.title_parts && h.title_parts.length ? h.title_parts : [{ text: h.title || '#' + h.id }]))),
      el('p', { class: 'meta' }, `${h.outlet || t('unknown')} · ${fmtDate(h.published)}`),
      el('p', { class: 'snippet' }, ...parts(h.snippet_parts)))));
  const active = FILTERS.filter((k) => params[k]);
  if (active.length) {
    facets.append(el('button', { type: 'button', onclick: () => go({ q: params.q }), text: t('clear.filters') }),
      el('ul', {}, ...active.map((k) => el('li', {}, `${t(k) || k}: ${params[k]}`))));
  }
  const groups = [['outlet', 'outlet'], ['entity', 'entity'], ['place', 'place'], ['type', 'type'], ['month', 'month']];
  for (const [key, param] of groups) {
    const vals = (data.facets && data.facets[key]) || [];
    if (!vals.length) continue;
    facets.append(el('h3', { text: t(key) }), el('ul', { 'data-testid': 'facet-' + key }, ...vals.map((v) => el('li', {},
      el('a', {
        href: '#', onclick: (e) => {
          e.preventDefault();
          if (param === 'month') go({ ...params, from: v.value, to: v.value });
          else go({ ...params, [param]: v.value });
        },
      }, (nameOf(v) || v.value || t('unknown'))), ` (${v.count})`))));
  }
}

// The marsad analyst workbench: a hash router over the pages.
//   #/                 stories and outlets       #/story/ID   story page
//   #/doc/ID           article page              #/entity/ID  entity page
//   #/search?q=...     search with facets        #/entities, #/documents, #/graph
import './style.css';
import { t, getLang, setLang } from './i18n.js';
import { api } from './api.js';
import { el, section, errorBox, loading, fmtDate } from './util.js';
import { storyPage, storiesList } from './pages/story.js';
import { articlePage, documentsList } from './pages/article.js';
import { entityPage, entitiesList, graphPage } from './pages/entity.js';
import { searchPage } from './pages/search.js';

const app = document.getElementById('app');

async function home(root) {
  root.replaceChildren(el('h1', { text: t('brand') }));
  await storiesList(root);
  const outlets = await api('outlets');
  root.append(section(t('outlets'), el('table', { class: 'list', 'data-testid': 'outlets' },
    el('tr', {}, el('th', { text: t('outlet') }), el('th', { text: t('documents') }), el('th', { text: t('date') })),
    ...outlets.items.map((o) => el('tr', {},
      el('td', { text: o.id ? (getLang() === 'en' ? o.name_en || o.id : o.name_ar || o.id) : t('unknown') }),
      el('td', { text: o.documents }),
      el('td', { text: `${fmtDate(o.first_published)} → ${fmtDate(o.last_published)}` }))))));
}

function translateChrome() {
  document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.getAttribute('data-i18n')); });
  document.getElementById('lang-toggle').textContent = t('toggle');
  document.title = `${t('brand')} — marsad`;
}

let generation = 0;
async function route() {
  const gen = ++generation;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  const query = new URLSearchParams(qs || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  translateChrome();
  // The page root is attached before rendering: maps, timelines and graphs
  // measure their container when they are created.
  const root = el('div', { class: 'page' });
  app.replaceChildren(root);
  loading(root, t('loading'));
  try {
    if (parts.length === 0) await home(root);
    else if (parts[0] === 'story' && parts[1]) await storyPage(root, parts[1]);
    else if (parts[0] === 'doc' && parts[1]) await articlePage(root, parts[1], query);
    else if (parts[0] === 'entity' && parts[1]) await entityPage(root, parts[1]);
    else if (parts[0] === 'entities') await entitiesList(root, query);
    else if (parts[0] === 'documents') await documentsList(root);
    else if (parts[0] === 'search') await searchPage(root, query);
    else if (parts[0] === 'graph') await graphPage(root);
    else root.replaceChildren(el('p', { text: '404' }));
  } catch (err) {
    if (gen === generation) root.replaceChildren(errorBox(err));
  }
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(getLang() === 'ar' ? 'en' : 'ar');
  route();
});
window.addEventListener('hashchange', route);
setLang(getLang());
route();

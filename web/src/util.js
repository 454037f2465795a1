// DOM helpers. Text always goes through textContent (never innerHTML), so
// article text cannot inject markup.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function section(title, ...children) {
  return el('section', { class: 'card' }, el('h2', { text: title }), ...children);
}

// Renders `body` with annotation spans. Offsets are Unicode code points
// (docs/schema.md). Spans may overlap: each run of text gets the classes of
// every span covering it. spans: [{start, end, cls, title, attrs}]
export function annotatedText(body, spans) {
  const cps = Array.from(body || '');
  const bounds = new Set([0, cps.length]);
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start >= 0 && s.end <= cps.length && s.start < s.end);
  for (const s of valid) { bounds.add(s.start); bounds.add(s.end); }
  const points = [...bounds].sort((a, b) => a - b);
  const root = el('div', { class: 'article-body', 'data-testid': 'article-body' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = cps.slice(a, b).join('');
    const active = valid.filter((s) => s.start <= a && s.end >= b);
    if (active.length === 0) { root.append(document.createTextNode(text)); continue; }
    const node = el('span', { class: active.map((s) => s.cls).join(' ') }, text);
    const titles = active.map((s) => s.title).filter(Boolean);
    if (titles.length) node.title = titles.join('\n');
    for (const s of active) for (const [k, v] of Object.entries(s.attrs || {})) node.setAttribute(k, v);
    root.append(node);
  }
  return root;
}

export function loading(container, text) {
  container.replaceChildren(el('p', { class: 'muted', text }));
}

export function errorBox(err) {
  return el('div', { class: 'error', role: 'alert', 'data-testid': 'error' },
    `${err.status || ''} ${err.code || ''}: ${err.message}`);
}

export function fmtDate(s) { return s ? String(s).replace('T', ' ') : '—'; }

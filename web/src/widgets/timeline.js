// A timeline of dated items (vis-timeline), right-to-left in Arabic.
import { Timeline } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

// items: [{id, date: 'YYYY-MM-DD...', content: string, group?: string, title?: string, className?}]
export function renderTimeline(container, items, { rtl = true, onSelect } = {}) {
  container.setAttribute('data-testid', 'timeline');
  const dated = items.filter((it) => /^\d{4}-\d{2}(-\d{2})?/.test(it.date || ''));
  const groups = [...new Set(dated.map((it) => it.group || ''))];
  const data = dated.map((it, i) => {
    const d = it.date.length === 7 ? it.date + '-01' : it.date.slice(0, 10);
    const node = document.createElement('span');
    node.textContent = it.content;  // text only: never HTML
    return {
      id: it.id ?? i, start: d, content: node, title: it.title || it.content,
      group: groups.length > 1 ? groups.indexOf(it.group || '') : undefined,
      className: it.className || '',
    };
  });
  const options = {
    rtl, stack: true, zoomable: true, horizontalScroll: true, zoomKey: 'ctrlKey',
    maxHeight: 420, margin: { item: 4 }, orientation: 'top',
  };
  const tl = groups.length > 1
    ? new Timeline(container, data, groups.map((g, i) => ({ id: i, content: g || '—' })), options)
    : new Timeline(container, data, options);
  if (onSelect) tl.on('select', (e) => { if (e.items.length) onSelect(e.items[0]); });
  container.dataset.items = String(data.length);
  return tl;
}

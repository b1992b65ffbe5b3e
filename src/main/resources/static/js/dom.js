// Small DOM helpers: element builder, sortable tables, number formats, charts with a text alternative.

/** h('div.card#x', {attr: v, onclick: fn}, child, [children], 'text') */
export function h(tag, attrs, ...children) {
  const [name, ...rest] = tag.split(/(?=[.#])/);
  const el = document.createElement(name || 'div');
  for (const r of rest) {
    if (r[0] === '.') el.classList.add(r.slice(1)); else el.id = r.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

const collate = new Intl.Collator('en', { numeric: true }).compare;

export const num = (v, digits = 0) => (typeof v === 'number' && isFinite(v))
  ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '';
export const usd = v => (typeof v === 'number' ? '$' + num(v, Math.abs(v) < 100 ? 2 : 0) : '');
export const pct = (v, digits = 1) => (typeof v === 'number' ? num(v, digits) + ' %' : '');
export const has = v => v !== undefined && v !== null;
export const list = v => (Array.isArray(v) ? v : []);

/** A card section with a heading; returns the section. */
export function card(title, ...children) {
  return h('section.card', { 'aria-label': title }, h('h3', title), ...children);
}

export function kpis(items) {
  return h('div.kpis', items.filter(([, v]) => has(v) && v !== '').map(([label, v]) =>
    h('div.kpi', h('b', String(v)), h('span', label))));
}

/**
 * A sortable table. columns: [{key, label, num?, fmt?(value,row), value?(row)}]; rows: objects.
 * Shows `pageSize` rows at a time (long lists stay fast), with a filter box when asked.
 */
export function table(columns, rows, opts = {}) {
  const pageSize = opts.pageSize || 200;
  let sortKey = opts.sortKey || null;
  let dir = opts.sortDir || 1;
  let shown = pageSize;
  let filter = '';
  const val = (c, r) => (c.value ? c.value(r) : r[c.key]);
  const tbody = h('tbody');
  const head = h('tr', columns.map(c => {
    const th = h(c.num ? 'th.num' : 'th', { scope: 'col' },
      h('button.sort', { type: 'button', onclick: () => { dir = sortKey === c.key ? -dir : (c.num ? -1 : 1); sortKey = c.key; shown = pageSize; draw(); } }, c.label));
    th.dataset.key = c.key;
    return th;
  }));
  const more = h('button', { type: 'button', onclick: () => { shown += pageSize; draw(); } });
  const info = h('span.muted');
  const tbl = h('table', opts.caption ? h('caption.muted', { style: 'text-align:left' }, opts.caption) : null, h('thead', head), tbody);
  if (opts.id) tbl.id = opts.id;
  function draw() {
    let data = rows;
    if (filter) data = data.filter(r => columns.some(c => String(val(c, r) ?? '').toLowerCase().includes(filter)));
    if (sortKey) {
      const c = columns.find(x => x.key === sortKey);
      data = [...data].sort((a, b) => {
        const x = val(c, a), y = val(c, b);
        if (x === y) return 0;
        if (x === undefined || x === null) return 1;
        if (y === undefined || y === null) return -1;
        return (typeof x === 'number' && typeof y === 'number' ? x - y : collate(String(x), String(y))) * dir;
      });
    }
    for (const th of head.children) th.setAttribute('aria-sort', th.dataset.key === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    tbody.replaceChildren(...data.slice(0, shown).map(r => {
      const tr = h('tr', columns.map(c => {
        const v = val(c, r);
        const shownValue = c.fmt ? c.fmt(v, r) : (c.num ? num(v, c.digits ?? 0) : (v ?? ''));
        return h(c.num ? 'td.num' : 'td', shownValue instanceof Node ? shownValue : String(shownValue));
      }));
      if (opts.onRow) {
        tr.className = 'selectable';
        tr.tabIndex = 0;
        tr.addEventListener('click', () => opts.onRow(r, tr));
        tr.addEventListener('keydown', e => { if (e.key === 'Enter') opts.onRow(r, tr); });
      }
      return tr;
    }));
    info.textContent = data.length > shown ? `showing ${shown} of ${data.length} rows` : `${data.length} rows`;
    more.textContent = `show ${Math.min(pageSize, data.length - shown)} more`;
    more.hidden = data.length <= shown;
  }
  draw();
  const box = h('div');
  if (opts.filter) {
    const id = 'f' + Math.random().toString(36).slice(2);
    box.append(h('div.toolbar', h('label', { for: id, style: 'margin:0' }, opts.filter),
      h('input', { id, type: 'text', oninput: e => { filter = e.target.value.toLowerCase(); shown = pageSize; draw(); } })));
  }
  box.append(h('div.scroll', tbl), h('div.toolbar', info, more));
  return box;
}

/**
 * An ECharts chart in a figure with a caption and a data table (or text) behind a disclosure, so the numbers are
 * there without the picture. `alt` is a Node or text.
 */
export function chart(option, caption, alt, cls = 'chart') {
  const div = h('div', { class: cls, role: 'img', 'aria-label': caption });
  // a function builds its table only when the reader opens it (a year of steps is many rows)
  const details = alt ? h('details', h('summary', 'Data as a table'), typeof alt === 'function' ? null : alt) : null;
  if (typeof alt === 'function') details.addEventListener('toggle', () => { if (details.open && details.children.length < 2) details.append(alt()); });
  const fig = h('figure', div, h('figcaption', caption), details);
  // ECharts needs the element in the document for its size: draw once it is attached
  pending.push(new Promise(resolve => requestAnimationFrame(() => {
    if (window.echarts && div.isConnected) {
      const c = window.echarts.init(div, null, { renderer: 'canvas' });
      c.setOption({ animation: false, ...option });
      new ResizeObserver(() => c.resize()).observe(div);
    }
    resolve();
  })));
  return fig;
}

let pending = [];

/** Resolves once every chart created so far has been drawn. */
export function chartsDrawn() {
  const all = pending;
  pending = [];
  return Promise.all(all);
}

export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#1f77b4', '#aec7e8', '#ffbb78', '#98df8a', '#c5b0d5', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export function colour(key) {
  let x = 0;
  for (const ch of String(key)) x = (x * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[x % PALETTE.length];
}

/** A CSV text from rows of values, quoting where needed. */
export function csv(header, rows) {
  const q = v => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [header, ...rows].map(r => r.map(q).join(',')).join('\r\n') + '\r\n';
}

// Two jobs side by side: their headline numbers, the difference (what it cost), and what changed in the plan.
import * as api from './api.js';
import { h, card, table, num } from './dom.js';
import { views } from './views.js';

async function load(kind, id) {
  const [job, sol, exp] = await Promise.all([api.job(kind, id), api.solution(kind, id), api.explanation(kind, id)]);
  return { kind, id, job: job.body, solution: sol.ok ? sol.body : null, explanation: exp.ok ? exp.body : null };
}

export async function compare(main, parts) {
  if (parts.length < 4) {
    main.replaceChildren(h('h2', 'Compare two jobs'), card('How', h('p', 'Open ', h('a', { href: '#/jobs' }, 'Jobs'),
      ', tick two finished jobs (for example two what-if variants of one scenario) and choose "Compare the two selected".')));
    return;
  }
  const [a, b] = await Promise.all([load(parts[0], parts[1]), load(parts[2], parts[3])]);
  const head = x => h('div', h('b', `${x.kind} `), h('a', { href: `#/job/${x.kind}/${x.id}` }, x.id.slice(0, 8)), ' ', h('span.muted', x.job?.status || ''));
  const out = [h('h2', 'Compare two jobs'), card('Jobs', h('div.grid', h('div', 'A: ', head(a)), h('div', 'B: ', head(b))))];
  if (!a.solution || !b.solution) {
    main.replaceChildren(...out, card('Result', h('p.muted', 'Both jobs need a solution to be compared.')));
    return;
  }
  const ma = views[a.kind].metrics(a);
  const mb = views[b.kind].metrics(b);
  const names = [...new Set([...ma.map(m => m[0]), ...mb.map(m => m[0])])];
  const va = new Map(ma);
  const vb = new Map(mb);
  const rows = names.map(n => {
    const x = va.get(n);
    const y = vb.get(n);
    const both = typeof x === 'number' && typeof y === 'number';
    return { metric: n, a: x, b: y, diff: both ? y - x : null, rel: both && x !== 0 ? 100 * (y - x) / Math.abs(x) : null };
  }).filter(r => r.a !== undefined || r.b !== undefined);
  const signed = (v, d) => (typeof v === 'number' ? h('span', { class: v > 0 ? 'diff-up' : v < 0 ? 'diff-down' : '' }, (v > 0 ? '+' : '') + num(v, d)) : '');
  out.push(card('Side by side (B − A)', h('p.muted', 'For costs, CO2, penalties and pending work, red is worse for B; for scores (higher is better) read the sign the other way.'),
    table([{ key: 'metric', label: 'Metric' }, { key: 'a', label: 'A', num: true, digits: 2 }, { key: 'b', label: 'B', num: true, digits: 2 },
      { key: 'diff', label: 'B − A', num: true, fmt: v => signed(v, 2) }, { key: 'rel', label: '%', num: true, fmt: v => signed(v, 2) }], rows, { id: 'compare-table' })));
  if (a.kind === b.kind) {
    const changed = views[a.kind].changes(a, b);
    out.push(card(`What changed (${changed.length})`, changed.length
      ? table([{ key: 'item', label: 'Item' }, { key: 'a', label: 'A' }, { key: 'b', label: 'B' }], changed, { id: 'changes-table', filter: 'Filter', pageSize: 100 })
      : h('p.muted', 'The two plans are the same.')));
  } else out.push(card('What changed', h('p.muted', 'The jobs are of different kinds: only their numbers are compared.')));
  main.replaceChildren(...out);
}

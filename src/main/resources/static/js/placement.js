// Placement: racks -> nodes -> GPUs coloured by workload, rack power against its cap, pending workloads with
// "why pending / where could it go" from the recommendations endpoint, moves, and the score by constraint.
import * as api from './api.js';
import { h, card, kpis, table, num, list, has, colour } from './dom.js';

export function result({ solution, explanation, request, kind, id }) {
  const s = solution.summary || {};
  const out = [card('Summary', kpis([
    ['score', solution.score], ['feasible', has(solution.feasible) ? String(solution.feasible) : null],
    ['assigned', s.assigned], ['pending', s.pending], ['moved', s.moved],
    ['GPU allocated', has(s.gpuAllocatedMilli) && s.gpuCapacityMilli ? `${num(s.gpuAllocatedMilli / 1000, 1)} of ${num(s.gpuCapacityMilli / 1000, 0)} (${num(100 * s.gpuAllocatedMilli / s.gpuCapacityMilli, 1)} %)` : null],
  ]))];
  const assignments = list(solution.assignments);
  out.push(request ? cluster(request, assignments) : card('Cluster', h('p.muted',
    'The racks and GPUs need the problem, which could not be read. The assignments:'),
  table([{ key: 'workload', label: 'Workload' }, { key: 'node', label: 'Node' }, { key: 'gpuIndices', label: 'GPUs', value: a => list(a.gpuIndices).join(' ') }], assignments)));
  out.push(pending(assignments, request, kind, id));
  out.push(moves(assignments, explanation));
  return out;
}

function cluster(request, assignments) {
  const workloads = new Map(list(request.workloads).map(w => [w.id, w]));
  const byNode = new Map();
  for (const a of assignments) if (a.node) { if (!byNode.has(a.node)) byNode.set(a.node, []); byNode.get(a.node).push(a); }
  const racks = new Map(list(request.racks).map(r => [r.id, { ...r, nodes: [] }]));
  for (const n of list(request.nodes)) {
    const key = n.rack || '(no rack)';
    if (!racks.has(key)) racks.set(key, { id: key, nodes: [] });
    racks.get(key).nodes.push(n);
  }
  const used = new Set();
  let stranded = 0;
  const rackCards = [...racks.values()].filter(r => r.nodes.length).map(rack => {
    let draw = 0;
    const nodes = rack.nodes.map(n => {
      const here = byNode.get(n.id) || [];
      if (here.length) draw += (n.idlePowerWatts || 0) + here.reduce((x, a) => x + (workloads.get(a.workload)?.powerWatts || 0), 0);
      const fill = Array.from({ length: n.gpus || 0 }, () => []);
      const taken = {};
      for (const a of here) {
        const w = workloads.get(a.workload) || {};
        used.add(a.workload);
        for (const g of list(a.gpuIndices)) if (fill[g]) fill[g].push({ w: a.workload, share: w.gpuMilli ? w.gpuMilli / 1000 : 1 });
        for (const [r, q] of Object.entries(w.requirements || {})) taken[r] = (taken[r] || 0) + q;
      }
      const full = Object.entries(n.capacity || {}).filter(([r, c]) => c > 0 && (c - (taken[r] || 0)) < 0.05 * c).map(([r]) => r);
      const active = !n.state || n.state === 'ACTIVE';
      const gpus = fill.map((parts, g) => {
        const usedShare = parts.reduce((x, p) => x + p.share, 0);
        const isStranded = active && full.length > 0 && usedShare < 0.999;
        if (isStranded) stranded++;
        const label = `${n.id} GPU ${g}: ` + (parts.length ? parts.map(p => `${p.w} ${num(p.share * 100, 0)} %`).join(', ') : 'free')
          + (isStranded ? ` (stranded: ${full.join(', ')} used up)` : '');
        return h('span', { class: 'gpu' + (isStranded ? ' stranded' : ''), title: label, role: 'img', 'aria-label': label },
          parts.map(p => h('i', { style: `height:${Math.min(100, p.share * 100)}%;background:${colour(p.w)}` })));
      });
      return h('div', { class: 'node ' + (n.state || 'ACTIVE'), 'data-node': n.id },
        h('div', h('b', n.id), ' ', h('span.muted', [n.gpuType, n.zone, n.state && n.state !== 'ACTIVE' ? n.state : null].filter(Boolean).join(' · '))),
        h('div.gpus', gpus), full.length && active ? h('div.muted', `${full.join(', ')} full`) : null);
    });
    const cap = rack.powerCapWatts;
    const pctUsed = cap ? 100 * draw / cap : null;
    return h('div.rack', { 'data-rack': rack.id },
      h('h4', h('span', rack.id), h('span.muted', cap ? `${num(draw / 1000, 1)} of ${num(cap / 1000, 1)} kW` : `${num(draw / 1000, 1)} kW, no cap`)),
      cap ? h('div', { class: 'meter' + (draw > cap ? ' over' : ''), role: 'meter', 'aria-label': `${rack.id} power`, 'aria-valuemin': 0, 'aria-valuemax': cap, 'aria-valuenow': Math.round(draw) },
        h('i', { style: `width:${Math.min(100, pctUsed)}%` })) : null,
      nodes);
  });
  const legend = h('div.legend', [...used].slice(0, 40).map(w => h('span', h('i', { style: 'background:' + colour(w) }), w)),
    used.size > 40 ? h('span.muted', `… ${used.size - 40} more`) : null);
  return card('Cluster: racks, nodes and GPUs',
    h('p.muted', 'Each square is a GPU, filled by the share each workload holds (fractional shares fill part of it). ',
      `Dashed red: stranded (free GPU on a node whose other resources are used up): ${stranded}. Rack draw = idle power of busy nodes + workloads' power.`),
    legend, h('div.racks#racks', rackCards));
}

function pending(assignments, request, kind, id) {
  const workloads = new Map(list(request?.workloads).map(w => [w.id, w]));
  const rows = assignments.filter(a => !a.node).map(a => ({ ...a, priority: workloads.get(a.workload)?.priority,
    gpus: workloads.get(a.workload)?.gpus ?? (workloads.get(a.workload)?.gpuMilli ? workloads.get(a.workload).gpuMilli / 1000 : undefined) }));
  const detail = h('div#recommendation', { 'aria-live': 'polite' });
  const why = async row => {
    detail.replaceChildren(h('p.muted', `Asking where ${row.workload} could go…`));
    const r = await api.get(`/api/v1/${kind}/jobs/${id}/recommendations?workload=${encodeURIComponent(row.workload)}&limit=10`);
    if (!r.ok) { detail.replaceChildren(h('p.bad', r.body?.detail || 'no answer')); return; }
    const b = r.body;
    detail.replaceChildren(h('h4', `${row.workload}: why pending, where it could go`), h('p', b.summary || ''),
      table([{ key: 'node', label: 'Node' }, { key: 'feasible', label: 'Feasible', value: o => String(o.feasible) },
        { key: 'scoreDiff', label: 'Score change' },
        { key: 'blockedBy', label: 'Blocked by', value: o => Object.entries(o.blockedBy || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('; ') : v}`).join(' | ') }],
      list(b.options)),
      list(b.ruledOutByNodeType).length ? h('div', h('h4', 'Node types ruled out'), h('ul.plain', list(b.ruledOutByNodeType).map(t =>
        h('li', `${t.nodeType} (${t.nodes} node(s)): `, Object.entries(t.constraints || {}).map(([c, n]) => `${c} on ${n}`).join(', '))))) : null);
  };
  return card(`Pending workloads (${rows.length})`, rows.length ? [
    h('p.muted', 'Choose a row to ask the recommendations endpoint why it is pending and where it could go.'),
    table([{ key: 'workload', label: 'Workload' }, { key: 'priority', label: 'Priority', num: true }, { key: 'gpus', label: 'GPUs', num: true, digits: 1 },
      { key: 'currentNode', label: 'Was on' }], rows, { onRow: why, id: 'pending-table', sortKey: 'priority', sortDir: -1 }), detail]
    : h('p.muted', 'None: every workload is placed.'));
}

function moves(assignments, explanation) {
  const moved = assignments.filter(a => a.moved);
  const why = [...list(explanation?.displaced), ...list(explanation?.preempted)];
  return card('What moved and why', moved.length ? table([{ key: 'workload', label: 'Workload' }, { key: 'currentNode', label: 'From' }, { key: 'node', label: 'To' }], moved)
    : h('p.muted', 'No running workload moved.'), why.length ? h('ul.plain', why.map(d => h('li', d.description))) : null);
}

/** Score by constraint, sortable; a row opens its matches with their justifications. */
export function explanation({ explanation }) {
  if (!explanation) return [card('Explanation', h('p.muted', 'No explanation.'))];
  const detail = h('div#matches');
  const open = c => detail.replaceChildren(h('h4', `${c.name}: ${c.matchCount} match(es), ${c.score}`),
    table([{ key: 'score', label: 'Score' }, { key: 'description', label: 'Justification', value: m => m.justification?.description ?? JSON.stringify(m.justification) },
      { key: 'facts', label: 'Facts', value: m => Object.entries(m.justification || {}).filter(([k]) => k !== 'description').map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(' ') : v}`).join(', ') }],
    list(c.matches), { filter: 'Filter matches' }));
  return [
    card('Score by constraint', kpis([['score', explanation.score], ['feasible', String(explanation.feasible)]]),
      h('p.muted', 'Choose a constraint to see each match and its justification.'),
      table([{ key: 'name', label: 'Constraint' }, { key: 'score', label: 'Score' }, { key: 'matchCount', label: 'Matches', num: true }],
        list(explanation.constraints), { onRow: open, id: 'constraint-table' }), detail),
    card('Displaced and preempted', h('ul.plain', [...list(explanation.displaced), ...list(explanation.preempted)].map(d => h('li', d.description)))),
    card('Pending', h('p', list(explanation.pending).join(', ') || 'none')),
  ];
}

export function metrics({ solution }) {
  const s = solution.summary || {};
  const levels = {};
  for (const m of String(solution.score || '').matchAll(/(-?[\d.]+)(hard|medium|soft)/g)) levels[m[2]] = Number(m[1]);
  return [['score hard', levels.hard], ['score medium', levels.medium], ['score soft', levels.soft], ['assigned', s.assigned],
    ['pending', s.pending], ['moved', s.moved], ['GPU allocated (milli)', s.gpuAllocatedMilli]];
}

export function changes(a, b) {
  const before = new Map(list(a.solution.assignments).map(x => [x.workload, x.node || 'pending']));
  return list(b.solution.assignments).filter(x => before.has(x.workload) && before.get(x.workload) !== (x.node || 'pending'))
    .map(x => ({ item: x.workload, a: before.get(x.workload), b: x.node || 'pending' }));
}

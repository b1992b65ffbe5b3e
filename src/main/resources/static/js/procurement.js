// Procurement: purchases and leases per quarter, site and SKU (stacked chart + table), cost and carbon, binding
// limits with shadow prices, conflicts in words, what-if variants, and the plan as CSV (made in the browser).
import * as api from './api.js';
import { h, card, kpis, table, chart, num, usd, pct, list, has, csv, PALETTE } from './dom.js';

const label = k => k.replace(/(Usd|Tonnes)$/, '').replace(/([A-Z])/g, ' $1').replace(/\./g, ': ').toLowerCase().trim();

/** The numbers of an object and of the objects inside it (a cost summary may group its parts): [['cash.capexUsd', 1], ...] */
const flat = (o, prefix = '') => Object.entries(o || {}).flatMap(([k, v]) =>
  (v && typeof v === 'object' && !Array.isArray(v) ? flat(v, prefix + k + '.') : typeof v === 'number' ? [[prefix + k, v]] : []));

/** The plan's rows: purchases, leases and kept existing servers. */
function planRows(solution) {
  return [
    ...list(solution.purchases).map(p => ({ type: 'purchase', quarter: p.quarterLabel ?? p.quarter, site: p.site, sku: p.sku, servers: p.servers, accelerators: p.accelerators })),
    ...list(solution.leases).map(p => ({ type: 'lease', quarter: p.quarterLabel ?? p.quarter, site: p.site, sku: p.sku, servers: p.servers })),
    ...list(solution.existingFleet).map(p => ({ type: 'existing', quarter: '', site: p.site, sku: p.sku, servers: p.servers, kept: list(p.keptServers).join(' ') })),
  ];
}

export function planCsv(solution) {
  return csv(['type', 'quarter', 'site', 'sku', 'servers', 'accelerators', 'kept servers per quarter'],
    planRows(solution).map(r => [r.type, r.quarter, r.site, r.sku, r.servers, r.accelerators, r.kept]));
}

export function result({ solution, explanation, id }) {
  const out = [card('Summary', kpis([
    ['status', solution.status], ['objective (discounted)', usd(solution.objectiveUsd)], ['best bound', usd(solution.bestBoundUsd)],
    ['gap', has(solution.gap) ? pct(100 * solution.gap, 2) : null],
  ]), explanation?.summary ? h('p', explanation.summary) : null, solution.message ? h('p', solution.message) : null)];
  const conflict = list(solution.conflict).length ? list(solution.conflict) : list(explanation?.conflict);
  if (conflict.length) {
    out.push(card('Why there is no plan: these requirements conflict', h('p', 'Relax at least one of them:'),
      h('ul.plain#conflict', conflict.map(c => h('li', c))), repairs(list(solution.repairs).length ? solution.repairs : explanation?.repairs)));
  }
  const rows = planRows(solution);
  const download = h('button#csv', { type: 'button', onclick: () => {
    const url = URL.createObjectURL(new Blob([planCsv(solution)], { type: 'text/csv' }));
    const a = h('a', { href: url, download: `procurement-plan-${id}.csv` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, 'Download the plan as CSV');
  const exports = h('span.exports', 'From the server (CSV): ', EXPORTS.flatMap(([t, name], i) => [i ? ', ' : '',
    h('a', { href: `/api/v1/procurement/jobs/${id}/export?table=${t}`, download: `procurement-${t.toLowerCase()}-${id}.csv`, 'data-table': t,
      onclick: e => { if (api.apiKey()) { e.preventDefault(); api.download(e.currentTarget.href, e.currentTarget.download); } } }, name)]));
  out.push(card('Purchases and leases per quarter', rows.length ? stacked(rows) : h('p.muted', 'The plan buys and leases nothing.'),
    h('div.toolbar', download, exports),
    table([{ key: 'type', label: 'Type' }, { key: 'quarter', label: 'Quarter' }, { key: 'site', label: 'Site' }, { key: 'sku', label: 'SKU' },
      { key: 'servers', label: 'Servers', num: true }, { key: 'accelerators', label: 'Accelerators', num: true }, { key: 'kept', label: 'Kept per quarter' }],
    rows, { id: 'plan-table', filter: 'Filter the plan' })));
  out.push(h('div.grid', costs(solution, explanation), binding(explanation)));
  if (solution.cashFlow) out.push(...cash(solution.cashFlow));
  if (list(explanation?.variants).length) out.push(variants(explanation.variants, solution.variants));
  if (list(solution.assignments).length) {
    out.push(card('Demand served (workload × quarter × SKU)', table([{ key: 'workload', label: 'Workload' }, { key: 'quarterLabel', label: 'Quarter' },
      { key: 'sku', label: 'SKU' }, { key: 'source', label: 'Source' }, { key: 'precision', label: 'Precision' },
      { key: 'accelerators', label: 'Accelerators', num: true, digits: 1 }, { key: 'delivered', label: 'Delivered', num: true, digits: 1 }],
    list(solution.assignments), { filter: 'Filter', pageSize: 50 })));
  }
  return out;
}

const EXPORTS = [['PLAN', 'plan'], ['CASH_FLOW', 'cash flow'], ['BUDGET_USE', 'budget use'], ['EXPLANATION', 'explanation']];

/** The conflict's repairs, cheapest first as the service orders them. */
function repairs(rows) {
  if (!list(rows).length) return null;
  return h('div', h('h4', 'Ways out, cheapest first'), table([{ key: 'requirement', label: 'Drop' }, { key: 'status', label: 'Then' },
    { key: 'objectiveUsd', label: 'Plan cost (discounted)', num: true, fmt: usd }, { key: 'sentence', label: 'In words' }], list(rows), { id: 'repairs-table' }));
}

/** Cash as a planner books it (undiscounted, paid when due), beside the discounted objective the solver minimises. */
function cash(f) {
  const money = v => usd(v);
  const totals = card('Cash as booked vs the discounted objective', kpis([
    ['total cash (undiscounted)', money(f.totalCashUsd)], ['cash capex at delivery', money(f.cashCapexUsd)],
    ['objective (discounted)', money(f.discountedObjectiveUsd)], ['net capex in the objective (discounted)', money(f.discountedNetCapexUsd)],
    ['internal carbon price (not cash)', money(f.internalCarbonPriceUsd)],
  ]), table([{ key: 'part', label: 'Cash in the horizon' }, { key: 'usd', label: 'USD, undiscounted', num: true }], [
    { part: 'capex at delivery (gross of residual value)', usd: f.cashCapexUsd }, { part: 'leases', usd: f.leaseCommitmentsUsd },
    { part: 'cloud', usd: f.cloudCommitmentsUsd }, { part: 'energy', usd: f.energyUsd }, { part: 'opex', usd: f.opexUsd },
    { part: 'total cash', usd: f.totalCashUsd }], { id: 'cash-totals' }),
  table([{ key: 'part', label: 'Carbon' }, { key: 't', label: 't CO2e', num: true, digits: 1 }], [
    { part: 'embodied, in full at purchase', t: f.embodiedTonnesAtPurchase }, { part: 'embodied, amortised share in the objective', t: f.embodiedTonnesAmortised },
    { part: 'operational (site and cloud energy)', t: f.operationalTonnes }], { id: 'cash-carbon' }),
  h('p.muted', 'Cash is undiscounted and falls in the quarter it is due (a purchase in full at delivery); the objective discounts, '
    + 'charges capex net of residual value and prices the in-horizon share of embodied carbon.'));
  const quarters = card('Cash as booked, per quarter (undiscounted USD)', table([{ key: 'quarterLabel', label: 'Quarter', value: q => q.quarterLabel ?? q.quarter },
    { key: 'cashCapexUsd', label: 'Capex at delivery', num: true }, { key: 'leaseUsd', label: 'Lease', num: true }, { key: 'cloudUsd', label: 'Cloud', num: true },
    { key: 'energyUsd', label: 'Energy', num: true }, { key: 'opexUsd', label: 'Opex', num: true }, { key: 'totalCashUsd', label: 'Total cash', num: true },
    { key: 'discountFactor', label: 'Discount factor', num: true, digits: 4 }, { key: 'embodiedTonnesAtPurchase', label: 'Embodied t at purchase', num: true, digits: 1 },
    { key: 'operationalTonnes', label: 'Operational t', num: true, digits: 1 }], list(f.quarters), { id: 'cash-table', pageSize: 100 }));
  const budgets = list(f.budgets).length ? card('Capex budget use (cash at delivery)', table([{ key: 'site', label: 'Site', value: b => b.site ?? 'company' },
    { key: 'quarterLabel', label: 'Quarter', value: b => b.quarterLabel ?? b.quarter }, { key: 'budgetUsd', label: 'Budget', num: true, fmt: usd },
    { key: 'usedUsd', label: 'Used', num: true, fmt: usd }, { key: 'usedShare', label: 'Share used', num: true, fmt: v => pct(100 * v) }], list(f.budgets), { id: 'budget-table', pageSize: 50 })) : null;
  return [h('div.grid', totals, quarters), budgets].filter(Boolean);
}

function stacked(rows) {
  const quarters = [...new Set(rows.filter(r => r.quarter !== '').map(r => r.quarter))].sort();
  const keys = [...new Set(rows.filter(r => r.type !== 'existing').map(r => `${r.type}|${r.sku}`))];
  const skus = [...new Set(rows.map(r => r.sku))];
  const series = keys.map(k => {
    const [type, sku] = k.split('|');
    return { name: `${sku} (${type})`, type: 'bar', stack: type, itemStyle: { color: PALETTE[skus.indexOf(sku) % PALETTE.length], opacity: type === 'lease' ? 0.55 : 1 },
      data: quarters.map(q => rows.filter(r => r.type === type && r.sku === sku && r.quarter === q).reduce((x, r) => x + (r.servers || 0), 0)) };
  });
  const bySite = [...new Set(rows.map(r => r.site))].join(', ');
  return chart({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { top: 50, left: 50, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: quarters }, yAxis: { type: 'value', name: 'servers' }, series },
  `Servers bought (solid) and leased (light) per quarter, stacked by SKU; sites: ${bySite}. The table below splits them by site.`,
  table([{ key: 'q', label: 'Quarter' }, ...series.map((s, i) => ({ key: 's' + i, label: s.name, num: true }))],
    quarters.map((q, qi) => Object.fromEntries([['q', q], ...series.map((s, i) => ['s' + i, s.data[qi]])]))));
}

function costs(solution, explanation) {
  const c = solution.costs || {};
  const money = flat(c).filter(([k]) => k.endsWith('Usd')).map(([k, v]) => ({ part: label(k), usd: v }));
  const tonnes = flat(c).filter(([k]) => k.endsWith('Tonnes')).map(([k, v]) => ({ part: label(k), t: v }));
  const byQuarter = Object.entries(explanation?.costs?.byQuarter || {});
  return card('Cost and carbon',
    table([{ key: 'part', label: 'Cost component' }, { key: 'usd', label: 'USD', num: true }], money, { id: 'cost-table' }),
    tonnes.length ? table([{ key: 'part', label: 'Carbon' }, { key: 't', label: 't CO2e', num: true, digits: 1 }], tonnes, { id: 'carbon-table' }) : null,
    byQuarter.length ? chart({ tooltip: { trigger: 'axis' }, grid: { top: 20, left: 70, right: 10, bottom: 30 }, xAxis: { type: 'category', data: byQuarter.map(e => e[0]) },
      yAxis: { type: 'value', name: '$' }, series: [{ type: 'bar', data: byQuarter.map(e => e[1]), name: 'cost' }] },
    'Cost per quarter (as the explanation reports it)', table([{ key: 0, label: 'Quarter' }, { key: 1, label: 'USD', num: true }], byQuarter)) : null);
}

function binding(explanation) {
  const rows = list(explanation?.binding);
  return card('Binding limits and their shadow prices', rows.length
    ? table([{ key: 'constraint', label: 'Limit' }, { key: 'unit', label: 'Per one more' }, { key: 'usdPerUnit', label: 'USD per unit', num: true, digits: 2 },
      { key: 'wholeSavingUsd', label: 'Whole saving (limit lifted)', num: true, fmt: usd }, { key: 'incrementForWholeSaving', label: 'Smallest increase for it', num: true, digits: 4 },
      { key: 'usdPerUnitInRange', label: 'USD per unit over that range', num: true, digits: 2 }, { key: 'slack', label: 'Slack', num: true, digits: 4 },
      { key: 'method', label: 'Method' }, { key: 'sentence', label: 'In words' }], rows, { id: 'binding-table', sortKey: 'usdPerUnit', sortDir: -1, pageSize: 50 })
    : h('p.muted', 'No binding limit reported.'));
}

function variants(rows, results) {
  const byName = new Map(list(results).map(v => [v.name, v]));
  const yesNo = v => (v === true ? 'yes' : v === false ? 'no' : '');
  return card('What-if variants', table([{ key: 'name', label: 'Variant' }, { key: 'status', label: 'Status' }, { key: 'objectiveUsd', label: 'Objective', fmt: usd, num: true },
    { key: 'changeVsBasePercent', label: 'Change vs base', fmt: v => pct(v, 2), num: true },
    { key: 'withinTolerance', label: 'Change within tolerance', value: r => yesNo(r.withinTolerance ?? byName.get(r.name)?.withinTolerance) },
    { key: 'composition', label: 'Composition within tolerance', value: r => yesNo(byName.get(r.name)?.compositionWithinTolerance) },
    { key: 'reading', label: 'Reading' }, { key: 'cloudAcceleratorQuarters', label: 'Cloud acc.-quarters', num: true },
    { key: 'lifecycleTonnes', label: 'Lifecycle t CO2e', num: true },
    { key: 'bought', label: 'Bought by SKU', value: r => Object.entries(r.acceleratorsBoughtBySku || {}).map(([k, v]) => `${k}: ${num(v)}`).join(', ') }], rows));
}

export function explanation({ solution, explanation }) {
  if (!explanation) return [card('Explanation', h('p.muted', 'No explanation.'))];
  const c = explanation.costs || {};
  const detail = h('div#drill');
  const dims = ['byType', 'bySite', 'bySku', 'byQuarter'].filter(d => c[d] && Object.keys(c[d]).length);
  const open = (dim, row) => {
    const matches = dim === 'bySku' ? list(explanation.purchases).filter(p => p.sku === row.key)
      : dim === 'bySite' ? list(explanation.purchases).filter(p => p.site === row.key)
        : dim === 'byQuarter' ? list(explanation.purchases).filter(p => p.quarter === row.key) : [];
    detail.replaceChildren(h('h4', `${row.key}: ${usd(row.usd)}`), matches.length ? h('ul.plain', matches.map(p => h('li', p.sentence)))
      : h('p.muted', 'No purchase behind this component (cloud, energy, leases or carbon).'));
  };
  return [
    card('Summary', h('p', explanation.summary || ''), h('ul.plain', list(explanation.checks).map(x => h('li', x)))),
    card('Cost by component', h('p.muted', 'Choose a row to see the purchases behind it.'), dims.map(d => h('div', h('h4', label(d.replace('by', ''))),
      table([{ key: 'key', label: d.replace('by', '') }, { key: 'usd', label: 'USD', num: true }, { key: 'share', label: 'Share', num: true, fmt: v => pct(v) }],
        Object.entries(c[d]).map(([key, v]) => ({ key, usd: v, share: c.totalUsd ? 100 * v / c.totalUsd : null })),
        { onRow: row => open(d, row), sortKey: 'usd', sortDir: -1, id: 'cost-' + d }))), detail,
    Object.keys(c.tonnesByType || {}).length ? table([{ key: 0, label: 'Carbon by type' }, { key: 1, label: 't CO2e', num: true, digits: 1 }], Object.entries(c.tonnesByType)) : null),
    card('Purchases and why', table([{ key: 'quarter', label: 'Quarter' }, { key: 'site', label: 'Site' }, { key: 'sku', label: 'SKU' }, { key: 'servers', label: 'Servers', num: true },
      { key: 'meanUtilisation', label: 'Mean utilisation', num: true, fmt: v => pct(100 * v) }, { key: 'sentence', label: 'Why' }], list(explanation.purchases))),
    binding(explanation),
    card('Utilisation', table([{ key: 'quarter', label: 'Quarter' }, { key: 'site', label: 'Site' }, { key: 'sku', label: 'SKU' },
      { key: 'installedAccelerators', label: 'Installed', num: true }, { key: 'busyAccelerators', label: 'Busy', num: true, digits: 1 },
      { key: 'utilisation', label: 'Utilisation', num: true, fmt: v => pct(100 * v) }], list(explanation.utilisation), { pageSize: 50 })),
    list(explanation.conflict).length ? card('Conflicting requirements', h('ul.plain', list(explanation.conflict).map(x => h('li', x))), repairs(explanation.repairs)) : null,
    card('Throughput used', table([{ key: 'workload', label: 'Workload' }, { key: 'sku', label: 'SKU' },
      { key: 'perAccelerator', label: 'Per accelerator', num: true, digits: 1 }, { key: 'unit', label: 'Unit' },
      { key: 'precision', label: 'Precision' }, { key: 'basis', label: 'Basis' }, { key: 'source', label: 'Source' }],
      list(explanation.throughputUsed))),
  ].filter(Boolean);
}

export function metrics({ solution }) {
  const c = solution.costs || {};
  const servers = t => planRows(solution).filter(r => r.type === t).reduce((x, r) => x + (r.servers || 0), 0);
  return [['objective USD', solution.objectiveUsd], ['gap %', has(solution.gap) ? 100 * solution.gap : null],
    ...flat(c).map(([k, v]) => [label(k) + (k.endsWith('Usd') ? ' USD' : k.endsWith('Tonnes') ? ' t' : ''), v]),
    ['servers bought', servers('purchase')], ['servers leased', servers('lease')],
    ['total cash USD (undiscounted)', solution.cashFlow?.totalCashUsd], ['embodied t at purchase', solution.cashFlow?.embodiedTonnesAtPurchase]];
}

export function changes(a, b) {
  const key = r => `${r.type} ${r.quarter} ${r.site} ${r.sku}`;
  const sum = rows => rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) || 0) + (r.servers || 0)), new Map());
  const x = sum(planRows(a.solution).filter(r => r.type !== 'existing'));
  const y = sum(planRows(b.solution).filter(r => r.type !== 'existing'));
  return [...new Set([...x.keys(), ...y.keys()])].sort().filter(k => (x.get(k) || 0) !== (y.get(k) || 0))
    .map(k => ({ item: k + ' (servers)', a: x.get(k) || 0, b: y.get(k) || 0 }));
}

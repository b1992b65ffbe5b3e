// Power: facility draw per step against the cap with the carbon intensity (or price) curve behind it, GPUs in use
// against the site's inventory, a Gantt of jobs with release, deadline and power level, and per-job shift and savings
// against running at release at full power (the work that ran apart from the work not done).
import * as api from './api.js';
import { h, card, kpis, table, chart, num, usd, pct, list, has, colour } from './dom.js';

let defaults = null;

const ms = t => Date.parse(String(t).length === 16 ? t + ':00' : t);
const hhmm = v => new Date(v).toISOString().slice(0, 16).replace('T', ' ');

/** The request's site with its defaults (docs/power.md, "Facility power"); without one: the GPU boards alone, PUE 1. */
function siteOf(request) {
  const x = request.site || {};
  const perNode = x.gpusPerNode || 8;
  const nodes = n => Math.ceil(n / perNode);
  const w = k => x[k] || 0;
  const idleKw = Object.values(x.gpus || {}).reduce((m, n) => m + n * w('idleWPerGpu') + nodes(n) * w('idleWPerNode'), 0) / 1000;
  const series = list(x.pueSeries);
  return { given: !!request.site, inventory: x.gpus || null, idleKw, pue: t => (series.length ? series[t] : x.pue || 1),
    jobKw: (gpus, boardW) => (gpus * (boardW + w('busyWPerGpu') - w('idleWPerGpu')) + nodes(gpus) * (w('busyWPerNode') - w('idleWPerNode'))) / 1000 };
}

/**
 * Per step, the jobs' IT draw (kW: the request's levels, or the default curve of the job's GPU model, plus what their
 * servers draw above idle) and the GPUs in use per model.
 */
function drawPerStep(request, solution, site) {
  const g = request.grid;
  const kw = new Float64Array(g.steps);
  const gpus = new Map();
  const jobs = new Map(list(request.jobs).map(j => [j.id, j]));
  for (const plan of list(solution.jobs)) {
    const job = jobs.get(plan.jobId);
    if (!job || plan.dropped) continue;
    const levels = list(job.levels).length ? job.levels : list(defaults?.gpuModels?.[job.gpuModel]);
    const level = levels.find(l => l.name === plan.level) || levels[0];
    const n = job.gpus || 1;
    const k = level ? site.jobKw(n, level.powerW) : 0;
    const model = job.gpuModel || 'GPUs';
    if (!gpus.has(model)) gpus.set(model, new Int32Array(g.steps));
    const used = gpus.get(model);
    for (const r of list(plan.runs)) for (let t = r.startStep; t < r.startStep + r.steps && t < g.steps; t++) { kw[t] += k; used[t] += n; }
  }
  return { kw, gpus };
}

export async function result(data) {
  const { solution, explanation, request } = data;
  // the default level curves are needed only for jobs that name a GPU model instead of listing their levels
  if (request && !defaults && list(request.jobs).some(j => !list(j.levels).length)) {
    const d = await api.get('/api/v1/power/defaults');
    defaults = d.ok ? d.body : {};
  }
  const s = explanation?.summary || {};
  const out = [card('Summary', kpis([
    ['status', solution.status], ['method', solution.method], ['objective', has(solution.objectiveMicroUsd) ? usd(solution.objectiveMicroUsd / 1e6) : null],
    ['gap', has(solution.gap) ? pct(100 * solution.gap, 3) : null], ['CO2 kg', num(solution.co2Kg, 1)], ['CO2 saved on the work that ran', has(s.co2SavedPercent) ? pct(s.co2SavedPercent, 2) : null],
    ['energy kWh', num(solution.energyKwh, 1)], ['energy cost', usd(solution.energyCostUsd)], ['penalties', usd(solution.penaltyUsd)],
    ['late jobs', solution.lateJobs], ['dropped jobs', solution.droppedJobs],
  ]), s.sentence ? h('p', s.sentence) : null)];
  const split = savings(s);
  if (split) out.push(split);
  if (request) {
    const site = siteOf(request);
    const per = drawPerStep(request, solution, site);
    out.push(drawChart(request, per.kw, site, await namedCarbon(request, data)));
    if (site.inventory) out.push(gpusChart(request, per.gpus, site.inventory));
  } else out.push(stepsFromExplanation(explanation));
  out.push(gantt(request, solution));
  out.push(jobTable(data));
  const late = list(explanation?.lateOrDropped);
  if (late.length) out.push(card(`Late or dropped (${late.length})`, h('ul.plain', late.slice(0, 200).map(w => h('li', w.sentence)))));
  return out;
}

/** CO2 against running at release: the saving on the work that ran, and the work not done apart (never a saving). */
function savings(s) {
  if (!has(s.ranAtReleaseCo2Kg) && !has(s.droppedAtReleaseCo2Kg)) return null;
  const dropped = (s.droppedAtReleaseCo2Kg || 0) > 0 || (s.droppedAtReleaseEnergyKwh || 0) > 0;
  return card('CO2 against running at release at full power', kpis([
    ['CO2 kg of the work that ran', num(s.co2Kg, 1)], ['the same jobs at release, kg', num(s.ranAtReleaseCo2Kg, 1)],
    ['saved on the work that ran', has(s.co2SavedPercent) ? pct(s.co2SavedPercent, 2) : null],
    ['work not done (dropped) at release, kg', dropped ? num(s.droppedAtReleaseCo2Kg, 1) : null],
    ['work not done at release, kWh', dropped ? num(s.droppedAtReleaseEnergyKwh, 1) : null],
  ]), h('p.muted#savings-split', dropped
    ? 'Dropped jobs are work not done: their CO2 at release is shown apart, not counted as a saving.'
    : 'No job was dropped: the saving covers all the work.'));
}

/** GPUs in use per step and model against the site's inventory. */
function gpusChart(request, gpus, inventory) {
  const g = request.grid;
  const t0 = ms(g.start);
  const at = t => t0 + t * g.stepMinutes * 60000;
  const models = Object.keys(inventory);
  const series = models.flatMap(m => {
    const used = gpus.get(m) || new Int32Array(g.steps);
    const c = colour(m);
    return [{ name: `${m} in use`, type: 'line', step: 'start', showSymbol: false, areaStyle: { opacity: 0.2 }, lineStyle: { color: c }, itemStyle: { color: c },
      data: Array.from(used, (v, t) => [at(t), v]) },
    { name: `${m} inventory`, type: 'line', showSymbol: false, lineStyle: { type: 'dashed', color: c }, itemStyle: { color: c },
      data: [[at(0), inventory[m]], [at(g.steps), inventory[m]]] }];
  });
  const rows = () => Array.from({ length: g.steps }, (_, t) => Object.fromEntries([['time', hhmm(at(t))], ...models.map(m => [m, (gpus.get(m) || [])[t] || 0])]));
  return card('GPUs in use against the inventory',
    chart({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { top: 40, left: 55, right: 20, bottom: 30 }, xAxis: { type: 'time' },
      yAxis: { type: 'value', name: 'GPUs', minInterval: 1 }, series },
    `GPUs in use per step by model (${models.map(m => `${m}: ${inventory[m]}`).join(', ')} in the site)`,
    () => table([{ key: 'time', label: 'Step start' }, ...models.map(m => ({ key: m, label: `${m} in use (of ${inventory[m]})`, num: true }))], rows(), { pageSize: 100 }), 'chart'));
}

// a named carbon series (e.g. "ger") as the solver sampled it at every step, from the job's grid
async function namedCarbon(request, data) {
  if (!request.grid?.carbonSeries || list(request.grid.carbonGPerKwh).length || !data.id) return null;
  const r = await api.get(`/api/v1/${data.kind || 'power'}/jobs/${data.id}/grid`);
  return r.ok ? list(r.body.carbonGPerKwh) : null;
}

function drawChart(request, kw, site, namedCarbonSteps) {
  const g = request.grid;
  const t0 = ms(g.start);
  const step = g.stepMinutes * 60000;
  const at = t => t0 + t * step;
  const base = list(g.baseLoadKw);
  const cap = list(g.capKw);
  const carbon = namedCarbonSteps || list(g.carbonGPerKwh);
  const price = list(g.priceUsdPerMwh);
  // facility draw as docs/power.md defines it: PUE × (base + idle inventory + the jobs' IT draw)
  const draw = Array.from(kw, (v, t) => site.pue(t) * (v + (base[t] || 0) + site.idleKw));
  const drawName = site.given ? 'facility kW (PUE × (jobs + idle + base))' : 'draw kW (jobs + base)';
  const series = [{ name: drawName, type: 'line', areaStyle: { opacity: 0.25 }, step: 'start', showSymbol: false, sampling: 'lttb',
    data: draw.map((v, t) => [at(t), v]) }];
  if (cap.length) series.push({ name: 'cap kW', type: 'line', step: 'start', showSymbol: false, lineStyle: { type: 'dashed', color: '#b3261e' }, itemStyle: { color: '#b3261e' }, data: cap.map((v, t) => [at(t), v]) });
  if (carbon.length) series.push({ name: 'carbon g/kWh', type: 'line', yAxisIndex: 1, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1, color: '#59a14f' }, itemStyle: { color: '#59a14f' }, data: carbon.map((v, t) => [at(t), v]) });
  if (price.length) series.push({ name: 'price $/MWh', type: 'line', yAxisIndex: 1, step: 'start', showSymbol: false, sampling: 'lttb', lineStyle: { width: 1, color: '#9c755f' }, itemStyle: { color: '#9c755f' }, data: price.map((v, t) => [at(t), v]) });
  const rows = () => draw.map((v, t) => ({ time: hhmm(at(t)), jobs: kw[t], draw: v, cap: cap[t], carbon: carbon[t], price: price[t] }));
  const peak = draw.reduce((m, v) => Math.max(m, v), 0);
  // a long horizon opens on its first two weeks (the slider moves the window): readable, and only that is drawn
  const window2w = g.steps * g.stepMinutes > 14 * 1440 ? { startValue: t0, endValue: t0 + 14 * 86400000 } : {};
  return card('Power draw against the cap',
    chart({ tooltip: { trigger: 'axis' }, legend: {}, grid: { top: 40, left: 55, right: 60, bottom: 60 },
      dataZoom: [{ type: 'inside', ...window2w }, { type: 'slider', height: 18, bottom: 8, ...window2w }],
      xAxis: { type: 'time' }, yAxis: [{ type: 'value', name: 'kW' }, { type: 'value', name: carbon.length ? 'g/kWh · $/MWh' : '$/MWh', splitLine: { show: false } }], series },
    `${site.given ? 'Facility draw' : 'Draw'} per ${g.stepMinutes}-minute step over ${g.steps} steps (peak ${num(peak, 1)} kW) against the cap${carbon.length ? ', with the carbon intensity' : ''}${price.length ? ' and the price' : ''} behind it`
      + (g.carbonSeries ? (carbon.length ? `; carbon from the named series "${g.carbonSeries}"` : `; the named carbon series "${g.carbonSeries}" could not be read`) : ''),
    () => table([{ key: 'time', label: 'Step start' }, { key: 'jobs', label: 'Jobs IT kW', num: true, digits: 2 }, { key: 'draw', label: site.given ? 'Facility kW' : 'Draw kW', num: true, digits: 2 }, { key: 'cap', label: 'Cap kW', num: true, digits: 2 },
      { key: 'carbon', label: 'g/kWh', num: true, digits: 1 }, { key: 'price', label: '$/MWh', num: true, digits: 1 }], rows(), { pageSize: 100 }), 'chart tall'));
}

function stepsFromExplanation(explanation) {
  const steps = list(explanation?.steps);
  const note = h('p.muted', 'The problem could not be read, so the draw comes from the explanation'
    + (explanation?.stepsListed && explanation.stepsListed !== 'all' ? ` (${explanation.stepsListed} steps listed)` : '') + '.');
  if (!steps.length) return card('Power draw against the cap', note);
  return card('Power draw against the cap', note, chart({ tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'time' }, yAxis: { type: 'value', name: 'kW' },
    series: [{ name: 'draw kW', type: 'line', step: 'start', showSymbol: false, data: steps.map(s => [ms(s.time), (s.plannedKw || 0) + (s.baseKw || 0)]) },
      { name: 'cap kW', type: 'line', step: 'start', showSymbol: false, data: steps.filter(s => has(s.capKw)).map(s => [ms(s.time), s.capKw]) }] },
  'Draw per listed step against the cap', table([{ key: 'time', label: 'Step' }, { key: 'plannedKw', label: 'Planned kW', num: true, digits: 2 },
    { key: 'baseKw', label: 'Base kW', num: true, digits: 2 }, { key: 'capKw', label: 'Cap kW', num: true, digits: 2 }, { key: 'binding', label: 'Binding', value: s => String(s.binding) }], steps)));
}

function gantt(request, solution) {
  const jobs = new Map(list(request?.jobs).map(j => [j.id, j]));
  // ISO date-times sort as plain strings (a locale-aware compare is far slower on thousands of jobs)
  const key = p => String(jobs.get(p.jobId)?.release || p.runs?.[0]?.start || '');
  const plans = list(solution.jobs).map(p => [key(p), p]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(e => e[1]);
  const ids = plans.map(p => p.jobId);
  const windows = [];
  const runs = [];
  plans.forEach((p, i) => {
    const j = jobs.get(p.jobId);
    if (j) windows.push([i, ms(j.release), ms(j.deadline)]);
    for (const r of list(p.runs)) runs.push([i, ms(r.start), ms(r.end), p.level, p.lateSteps > 0 ? 1 : 0]);
  });
  const bar = (fill, thin) => (params, api2) => {
    const y = api2.coord([api2.value(1), api2.value(0)]);
    const end = api2.coord([api2.value(2), api2.value(0)]);
    const band = api2.size([0, 1])[1];
    const height = band * (thin ? 0.3 : 0.7);
    return { type: 'rect', shape: { x: y[0], y: y[1] - height / 2, width: Math.max(1, end[0] - y[0]), height },
      style: { fill: fill(api2), stroke: thin ? null : '#333', lineWidth: thin ? 0 : 0.3 } };
  };
  const levels = [...new Set(runs.map(r => r[3]))];
  const shown = Math.min(ids.length, 30);
  // open on the first rows' time span, so their bars are readable on a long horizon
  const first = [...windows, ...runs].filter(w => w[0] < shown);
  const span = first.length ? { startValue: Math.min(...first.map(w => w[1])), endValue: Math.max(...first.map(w => w[2])) } : {};
  return card('Jobs over time',
    chart({ tooltip: { formatter: p => `${ids[p.value[0]]}: ${hhmm(p.value[1])} → ${hhmm(p.value[2])}${p.value[3] ? ' at ' + p.value[3] : ' (release → deadline)'}` },
      legend: { data: ['release → deadline', ...levels] }, grid: { top: 40, left: 90, right: 40, bottom: 50 },
      dataZoom: [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: Math.max(0, shown - 1), width: 14, right: 8, filterMode: 'filter' },
        { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', ...span }, { type: 'slider', xAxisIndex: 0, height: 16, bottom: 8, filterMode: 'weakFilter', ...span }],
      xAxis: { type: 'time' }, yAxis: { type: 'category', data: ids, inverse: true },
      series: [
        { name: 'release → deadline', type: 'custom', renderItem: bar(() => '#c9d1d9', true), encode: { x: [1, 2], y: 0 }, data: windows, itemStyle: { color: '#c9d1d9' } },
        ...levels.map(l => ({ name: l, type: 'custom', renderItem: bar(a => (a.value(4) ? '#b3261e' : colour(l)), false), encode: { x: [1, 2], y: 0 },
          data: runs.filter(r => r[3] === l), itemStyle: { color: colour(l) } })),
      ] },
    `Gantt of ${ids.length} jobs (${shown} at a time; scroll with the slider on the right): grey = release to deadline, bars = runs coloured by power level, red = late`,
    h('p', 'The table of jobs below lists each job\'s runs, shift and savings.'), 'chart tall'));
}

function jobTable({ solution, explanation, request, kind, id }) {
  const jobs = new Map(list(request?.jobs).map(j => [j.id, j]));
  const plans = new Map(list(solution.jobs).map(p => [p.jobId, p]));
  const lines = list(explanation?.jobs).length ? list(explanation.jobs) : list(solution.jobs).map(p => ({ jobId: p.jobId, level: p.level, dropped: p.dropped, runs: p.runs }));
  const rows = lines.map(l => {
    const start = list(l.runs)[0]?.start || list(plans.get(l.jobId)?.runs)[0]?.start;
    const release = jobs.get(l.jobId)?.release;
    return { ...l, start: start ? String(start).slice(0, 16) : '', shiftH: start && release ? (ms(start) - ms(release)) / 3600000 : null,
      co2SavedKg: has(l.atReleaseCo2Kg) && has(l.co2Kg) ? l.atReleaseCo2Kg - l.co2Kg : null,
      savedUsd: has(l.atReleaseCostUsd) && has(l.costUsd) ? l.atReleaseCostUsd - l.costUsd : null };
  });
  const story = h('div#job-story', { 'aria-live': 'polite' });
  const open = async row => {
    const r = await api.get(`/api/v1/${kind}/jobs/${id}/why/${encodeURIComponent(row.jobId)}`);
    const b = r.body || {};
    const sentences = [b.job?.sentence, ...Object.values(b).filter(v => v && typeof v === 'object' && v.sentence && v !== b.job).map(v => v.sentence)].filter(Boolean);
    story.replaceChildren(h('h4', row.jobId), r.ok ? h('ul.plain', sentences.map(x => h('li', x))) : h('p.bad', b.detail || 'no answer'));
  };
  return card('Per job: shift and savings against running at release at full power',
    table([{ key: 'jobId', label: 'Job' }, { key: 'level', label: 'Level' }, { key: 'start', label: 'Starts' },
      { key: 'shiftH', label: 'Shift h', num: true, digits: 1 }, { key: 'energyKwh', label: 'kWh', num: true, digits: 2 },
      { key: 'co2Kg', label: 'CO2 kg', num: true, digits: 3 }, { key: 'co2SavedKg', label: 'CO2 saved kg', num: true, digits: 3 },
      { key: 'costUsd', label: 'Cost $', num: true, digits: 2 }, { key: 'savedUsd', label: 'Saved $', num: true, digits: 2 },
      { key: 'lateHours', label: 'Late h', num: true, digits: 1 }, { key: 'dropped', label: 'Dropped', value: r => (r.dropped ? 'yes' : '') }],
    rows, { onRow: open, filter: 'Filter jobs', pageSize: 100, id: 'power-jobs' }), story);
}

export function explanation({ solution, explanation }) {
  if (!explanation) return [card('Explanation', h('p.muted', 'No explanation.'))];
  const s = explanation.summary || {};
  const parts = [
    { part: 'energy cost', usd: solution.energyCostUsd }, { part: 'penalties (late, dropped)', usd: solution.penaltyUsd },
    { part: 'objective (energy + CO2 + penalties)', usd: has(solution.objectiveMicroUsd) ? solution.objectiveMicroUsd / 1e6 : null },
  ].filter(r => has(r.usd));
  const why = h('div#why');
  const binding = list(explanation.steps).filter(x => x.binding);
  return [
    card('Summary', h('p', s.sentence || ''), kpis([['CO2 kg', num(s.co2Kg, 2)], ['at release (jobs that ran)', num(s.ranAtReleaseCo2Kg ?? s.atReleaseCo2Kg, 2)],
      ['saved on the work that ran', pct(s.co2SavedPercent, 2)], ['not done (dropped) at release, kg', s.droppedAtReleaseCo2Kg ? num(s.droppedAtReleaseCo2Kg, 2) : null],
      ['cost', usd(s.costUsd)], ['at release', usd(s.atReleaseCostUsd)], ['binding steps', s.bindingSteps]])),
    card('Score by component', table([{ key: 'part', label: 'Component' }, { key: 'usd', label: 'USD', num: true, digits: 2 }], parts, { id: 'component-table' })),
    card(`Late or dropped jobs (${list(explanation.lateOrDropped).length})`, h('p.muted', 'Choose a row for the steps the cap was full.'),
      table([{ key: 'jobId', label: 'Job' }, { key: 'outcome', label: 'Outcome' }, { key: 'neededSteps', label: 'Needed steps', num: true },
        { key: 'windowSteps', label: 'Window steps', num: true }, { key: 'fullSteps', label: 'Full steps', num: true }, { key: 'sentence', label: 'Why' }],
      list(explanation.lateOrDropped), { onRow: w => why.replaceChildren(h('h4', w.jobId), h('ul.plain', list(w.fullRanges).map(r =>
        h('li', `${r.from} → ${r.to}: headroom ${num(r.minHeadroomKw, 2)} kW, held by ${list(r.heldBy).join(', ')}`)))), pageSize: 50 }), why),
    card(`Steps where the cap binds (${binding.length})`, table([{ key: 'time', label: 'Step' }, { key: 'headroomKw', label: 'Headroom kW', num: true, digits: 2 },
      { key: 'displaced', label: 'Displaced jobs', value: x => list(x.displaced).join(', ') }], binding, { pageSize: 50 })),
    list(explanation.checkViolations).length ? card('Independent check', h('ul.plain.bad', list(explanation.checkViolations).map(v => h('li', v)))) : null,
  ].filter(Boolean);
}

export function metrics({ solution, explanation }) {
  return [['objective USD', has(solution.objectiveMicroUsd) ? solution.objectiveMicroUsd / 1e6 : null], ['CO2 kg', solution.co2Kg], ['energy kWh', solution.energyKwh],
    ['energy cost USD', solution.energyCostUsd], ['penalties USD', solution.penaltyUsd], ['late jobs', solution.lateJobs], ['dropped jobs', solution.droppedJobs],
    ['CO2 saved vs release %', explanation?.summary?.co2SavedPercent]];
}

export function changes(a, b) {
  const key = p => `${p.level} ${list(p.runs).map(r => r.start).join(' ')}`;
  const before = new Map(list(a.solution.jobs).map(p => [p.jobId, key(p)]));
  return list(b.solution.jobs).filter(p => before.has(p.jobId) && before.get(p.jobId) !== key(p))
    .map(p => ({ item: p.jobId, a: before.get(p.jobId), b: key(p) }));
}

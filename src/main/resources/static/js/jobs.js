// The job list (filterable) and one job: live progress over SSE, stop, then its result or explanation.
import * as api from './api.js';
import { h, card, kpis, table, num, chartsDrawn } from './dom.js';
import { views } from './views.js';

export async function jobList(main, params) {
  const kindSel = h('select#filter-kind', h('option', { value: '' }, 'all kinds'), api.KINDS.map(k => h('option', { value: k, selected: params.get('kind') === k }, k)));
  const statusSel = h('select#filter-status', h('option', { value: '' }, 'any status'),
    ['QUEUED', 'SOLVING', ...api.FINAL].map(s => h('option', { value: s, selected: params.get('status') === s }, s)));
  const pages = await Promise.all(api.KINDS.map(k => api.jobs(k)));
  const all = pages.flatMap(p => (p.ok ? p.body.items : [])).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  const chosen = new Set();
  const compareBtn = h('button.primary#compare', { type: 'button', disabled: true, onclick: () => {
    const [a, b] = [...chosen].map(id => all.find(j => j.id === id));
    location.hash = `#/compare/${a.kind}/${a.id}/${b.kind}/${b.id}`;
  } }, 'Compare the two selected');
  const holder = h('div');
  const draw = () => {
    const rows = all.filter(j => (!kindSel.value || j.kind === kindSel.value) && (!statusSel.value || j.status === statusSel.value));
    holder.replaceChildren(table([
      { key: 'pick', label: 'Compare', value: () => '', fmt: (v, j) => h('input', {
        type: 'checkbox', 'aria-label': `select job ${j.id} to compare`, 'data-job': j.id, checked: chosen.has(j.id),
        onclick: e => e.stopPropagation(),
        onchange: e => { if (e.target.checked) chosen.add(j.id); else chosen.delete(j.id); compareBtn.disabled = chosen.size !== 2; },
      }) },
      { key: 'createdAt', label: 'Created', fmt: v => (v || '').replace('T', ' ').slice(0, 19) },
      { key: 'kind', label: 'Kind' },
      { key: 'status', label: 'Status', fmt: v => h('span', { class: 'status ' + v }, v) },
      { key: 'score', label: 'Score' },
      { key: 'duration', label: 'Solving s', num: true, digits: 1, value: j => j.progress?.solvingSeconds },
      { key: 'id', label: 'Job', fmt: (v, j) => h('a', { href: `#/job/${j.kind}/${v}` }, v.slice(0, 8)) },
    ], rows, { id: 'job-table', pageSize: 50, caption: `${rows.length} job(s), newest first` }));
  };
  kindSel.addEventListener('change', draw);
  statusSel.addEventListener('change', draw);
  draw();
  const refused = pages.find(p => p.status === 401 || p.status === 403);
  const notice = refused ? h('p.bad#key-needed', refused.status === 401
    ? 'This service needs an API key: enter yours in the header (it stays in this tab only).'
    : 'Your API key may not list jobs.') : '';
  main.replaceChildren(h('h2', 'Jobs'), notice, card('Filter',
    h('div.row', h('div', h('label', { for: 'filter-kind' }, 'Kind'), kindSel),
      h('div', h('label', { for: 'filter-status' }, 'Status'), statusSel), compareBtn)), card('Jobs', holder));
}

/** Best score as numbers for the progress chart, per kind (the score is text in the API). */
function scoreValue(kind, score) {
  if (!score) return null;
  if (kind === 'placement') {
    const levels = {};
    for (const m of score.matchAll(/(-?[\d.]+)(hard|medium|soft)/g)) levels[m[2]] = Number(m[1]);
    return levels;
  }
  const m = kind === 'power' ? score.match(/objective=\$?(-?[\d.]+)/) : score.match(/(-?[\d.]+)\s*USD/);
  return m ? { objective: Number(m[1]) } : null;
}

function boundOf(kind, solution) {
  if (kind === 'procurement' && typeof solution?.bestBoundUsd === 'number') return solution.bestBoundUsd;
  if (kind === 'power' && typeof solution?.boundMicroUsd === 'number') return solution.boundMicroUsd / 1e6;
  return null;
}

export async function jobPage(main, kind, id, tab, live) {
  const jr = await api.job(kind, id);
  if (!jr.ok) { main.replaceChildren(h('h2', 'Job'), h('p.bad', jr.body?.detail || 'not found')); return; }
  let job = jr.body;
  const head = h('div');
  const stopBtn = h('button#stop', { type: 'button', onclick: async () => { stopBtn.disabled = true; await api.stop(kind, id); } }, 'Stop');
  const points = [];
  const progress = progressChart(kind, points);
  const body = h('div#result');
  const tabs = h('nav.tabs', { 'aria-label': 'Job views' },
    h('a', { href: `#/job/${kind}/${id}`, 'aria-current': tab === 'result' ? 'page' : null }, 'Result'),
    h('a', { href: `#/job/${kind}/${id}/explanation`, 'aria-current': tab === 'explanation' ? 'page' : null }, 'Explanation'));
  const drawHead = () => {
    const p = job.progress || {};
    stopBtn.disabled = api.FINAL.includes(job.status);
    head.replaceChildren(kpis([
      ['status', job.status], ['score', job.score], ['solver', job.solverName],
      ['solving s', has(p.solvingSeconds) ? `${num(p.solvingSeconds, 1)} of ${num(p.timeLimitSeconds, 0)}` : null],
      ['best solutions', p.bestSolutions], ['attempts', p.attempts],
    ]), job.error ? h('p.bad', job.error) : '');
    head.querySelector('.kpi b')?.classList.add('status', job.status);
    head.querySelector('.kpi b')?.setAttribute('id', 'job-status');
  };
  drawHead();
  main.replaceChildren(h('h2', `${kind} job `, h('code', id)),
    h('div.grid', card('Status', head, h('div.toolbar', stopBtn)), card('Best score over time', progress.figure)),
    tabs, body);
  progress.start();
  const t0 = performance.now() - 1000 * (job.progress?.solvingSeconds || 0);
  const add = (score, bound) => { points.push({ t: (performance.now() - t0) / 1000, score, value: scoreValue(kind, score), bound }); progress.update(); };
  if (job.score) add(job.score, null);

  let request; // the problem never changes: read once per page
  const show = async () => {
    if (!live()) return;
    main.dataset.rendered = 'pending';
    const started = performance.now();
    const sol = job.progress?.bestSolutions > 0 || api.FINAL.includes(job.status) ? await api.solution(kind, id) : null;
    const exp = sol?.ok ? await api.explanation(kind, id) : null;
    if (request === undefined) {
      const p = await api.problem(kind, id);
      request = p.ok ? p.body : null;
    }
    if (!live()) return;
    const fetched = performance.now();
    const bound = sol?.ok ? boundOf(kind, sol.body) : null;
    if (bound !== null && points.length) { points[points.length - 1].bound = bound; progress.update(); }
    if (!sol?.ok) body.replaceChildren(card('Result', h('p.muted', sol ? (sol.body?.detail || 'no solution') : 'No solution yet: the result appears here when the job has one.')));
    else {
      const data = { job, solution: sol.body, explanation: exp?.body, request, id, kind };
      const view = views[kind];
      body.replaceChildren(...(await (tab === 'explanation' ? view.explanation(data) : view.result(data))));
    }
    const built = performance.now();
    await chartsDrawn();
    const end = performance.now();
    window.__render = { fetchMs: fetched - started, renderMs: end - fetched, buildMs: built - fetched, chartMs: end - built, tab, kind };
    main.dataset.rendered = 'true';
  };

  // the page always follows the stream: a finished job's stream replays its last best and its final state
  body.replaceChildren(card('Result', h('p.muted#waiting', api.FINAL.includes(job.status) ? 'Loading…' : 'Solving… the result appears here when the job ends.')));
  const source = api.events(kind, id);
  const leave = () => { source.close(); window.removeEventListener('computeplan:leave', leave); };
  window.addEventListener('computeplan:leave', leave);
  let received = 0;
  const seen = () => { progress.figure.dataset.events = String(++received); };
  source.addEventListener('best', e => { seen(); const d = JSON.parse(e.data); job.progress = { ...job.progress, bestSolutions: d.bestSolutions }; job.score = d.score; add(d.score, null); drawHead(); });
  source.addEventListener('status', async e => {
    seen();
    const d = JSON.parse(e.data);
    job.status = d.status;
    if (d.score) job.score = d.score;
    drawHead();
    if (api.FINAL.includes(d.status)) {
      leave();
      const again = await api.job(kind, id);
      if (again.ok) job = again.body;
      drawHead();
      await show();
    }
  });
  main.dataset.rendered = 'pending';
}

const has = v => v !== undefined && v !== null;

/** The progress chart, updated in place as events arrive; the table of points is its text alternative. */
function progressChart(kind, points) {
  const div = h('div.chart', { role: 'img', 'aria-label': 'best score over solving time' });
  const rows = h('tbody');
  const figure = h('figure#progress', div, h('figcaption#progress-caption', 'Waiting for the first solution…'),
    h('details', h('summary', 'Data as a table'), h('table', h('thead', h('tr', h('th', 'seconds'), h('th', 'score'), h('th', 'bound'))), rows)));
  let c = null;
  const series = () => {
    if (kind === 'placement') {
      return ['hard', 'medium', 'soft'].filter(l => points.some(p => p.value && p.value[l])).map(l => ({
        name: l, type: 'line', step: 'end', yAxisIndex: l === 'soft' ? 1 : 0, data: points.filter(p => p.value).map(p => [p.t, p.value[l]]),
      }));
    }
    return [{ name: 'objective', type: 'line', step: 'end', data: points.filter(p => p.value).map(p => [p.t, p.value.objective]) },
      { name: 'bound', type: 'scatter', data: points.filter(p => has(p.bound)).map(p => [p.t, p.bound]) }];
  };
  return {
    figure,
    start() {
      if (!window.echarts) return;
      c = window.echarts.init(div);
      new ResizeObserver(() => c.resize()).observe(div);
      this.update();
    },
    update() {
      rows.replaceChildren(...points.map(p => h('tr', h('td', num(p.t, 1)), h('td', p.score), h('td', has(p.bound) ? num(p.bound, 2) : ''))));
      figure.querySelector('figcaption').textContent = points.length
        ? `${points.length} best solution(s); latest: ${points[points.length - 1].score}` : 'Waiting for the first solution…';
      c?.setOption({
        animation: false, tooltip: { trigger: 'axis' }, legend: {},
        xAxis: { type: 'value', name: 's', min: 0 },
        yAxis: kind === 'placement' ? [{ type: 'value', scale: true, name: 'hard/medium' }, { type: 'value', scale: true, name: 'soft' }] : [{ type: 'value', scale: true, name: '$' }],
        series: series(),
      }, { replaceMerge: ['series'] });
    },
  };
}

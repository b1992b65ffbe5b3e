// Scenarios: pick an example, paste or upload one, set the time limit, validate, submit.
import * as api from './api.js';
import { h, card } from './dom.js';
import { locate, lineOf } from './jsonpath.js';

let draft = { kind: 'placement', text: '', name: '' };

export async function scenarios(main) {
  const list = await api.examples();
  const exs = list.ok ? list.body : [];
  const kind = h('select#kind', { name: 'kind' }, api.KINDS.map(k => h('option', { value: k, selected: k === draft.kind }, k)));
  const seconds = h('input#seconds', { type: 'number', min: '1', step: '1', value: '2', 'aria-describedby': 'seconds-help seconds-error' });
  const text = h('textarea#body', { spellcheck: 'false', 'aria-describedby': 'body-error', 'aria-label': 'Problem JSON' });
  text.value = draft.text;
  const upload = h('input#upload', { type: 'file', accept: 'application/json,.json' });
  const title = h('span.muted', draft.name);
  const errors = h('div#errors', { role: 'alert' });
  const secondsError = h('div.field-error#seconds-error');
  const bodyError = h('div.field-error#body-error');
  const validateBtn = h('button#validate', { type: 'button' }, 'Validate');
  const submitBtn = h('button.primary#submit', { type: 'submit' }, 'Solve');

  const load = async ex => {
    const r = await api.example(ex.name);
    if (!r.ok) return;
    kind.value = ex.kind;
    const body = r.body;
    if (body.termination && body.termination.seconds) seconds.value = body.termination.seconds;
    delete body.termination;
    text.value = JSON.stringify(body, null, 2);
    title.textContent = ex.name;
    clear();
    keep();
  };
  const keep = () => { draft = { kind: kind.value, text: text.value, name: title.textContent }; };
  const clear = () => { errors.replaceChildren(); secondsError.textContent = ''; bodyError.textContent = ''; };

  upload.addEventListener('change', async () => {
    const f = upload.files[0];
    if (!f) return;
    const t = await f.text();
    text.value = t;
    title.textContent = f.name;
    const guess = api.KINDS.find(k => f.name.toLowerCase().includes(k));
    if (guess) kind.value = guess;
    clear();
    keep();
  });
  text.addEventListener('input', keep);
  kind.addEventListener('change', keep);

  // the body to send: the text with the form's time limit; raw text when it is not JSON (the API names the error)
  const body = () => {
    try {
      const o = JSON.parse(text.value);
      if (o && typeof o === 'object' && !Array.isArray(o) && seconds.value !== '') {
        o.termination = { ...(o.termination || {}), seconds: Number(seconds.value) };
      }
      return JSON.stringify(o);
    } catch (e) {
      return text.value;
    }
  };

  const check = async () => {
    clear();
    const r = await api.validate(kind.value, body());
    if (!r.ok) { showProblem(r.body); return false; }
    if (r.body.valid) { errors.replaceChildren(h('p.ok#valid', 'Valid: no problem found.')); return true; }
    showViolations(r.body.problems || []);
    return false;
  };

  const showProblem = p => errors.replaceChildren(h('p.bad', `${p?.title || 'Error'}: ${p?.detail || ''}`));

  const showViolations = problems => {
    const inBody = [];
    for (const v of problems) {
      if (v.field === '$.termination.seconds' || v.field === '$.termination') {
        secondsError.append(h('div', { 'data-field': v.field }, v.message));
      } else inBody.push(v);
    }
    if (!inBody.length) return;
    bodyError.textContent = `${inBody.length} problem(s) in the JSON: see the list below`;
    errors.append(h('h3', `${inBody.length} problem(s)`), annotate(text, inBody));
  };

  const form = h('form', {
    onsubmit: async e => {
      e.preventDefault();
      submitBtn.disabled = true;
      try {
        if (!(await check())) return;
        const sent = body();
        const r = await api.submit(kind.value, sent);
        if (r.status === 202) {
          location.hash = `#/job/${kind.value}/${r.body.id}`;
        } else if (r.body && r.body.errors) showViolations(r.body.errors);
        else showProblem(r.body);
      } finally {
        submitBtn.disabled = false;
      }
    },
  },
  h('div.row',
    h('div', h('label', { for: 'kind' }, 'Kind'), kind),
    h('div', h('label', { for: 'seconds' }, 'Time limit (seconds)'), seconds, h('div.muted#seconds-help', 'termination.seconds'), secondsError),
    h('div', h('label', { for: 'upload' }, 'Upload a JSON file'), upload)),
  h('label', { for: 'body' }, 'Problem (JSON) ', title), text, bodyError,
  h('div.toolbar', validateBtn, submitBtn),
  errors);
  validateBtn.addEventListener('click', check);

  const byKind = api.KINDS.map(k => h('div',
    h('h4', { style: 'margin:8px 0 4px' }, k),
    exs.filter(x => x.kind === k).map(x => h('button.example', {
      type: 'button', style: 'display:block;width:100%;text-align:left;margin:2px 0', 'data-example': x.name, onclick: () => load(x),
    }, x.name))));
  main.replaceChildren(h('h2', 'Scenarios'), h('div.cols',
    card('Examples', h('p.muted', 'Each is a complete request body of the public API.'), byKind),
    card('Problem', form)));
}

/** The JSON lines around each error, the message beside its line, and a button that selects it in the editor. */
function annotate(textarea, violations) {
  const text = textarea.value;
  const lines = text.split('\n');
  const box = h('div.annotated');
  const rows = violations.map(v => {
    const at = locate(text, v.field);
    const line = at ? lineOf(text, at.start) : null;
    return { v, at, line };
  });
  const list = h('ul.plain#error-list', rows.map(({ v, at, line }) => h('li',
    h('code', v.field), ': ', h('span.bad', v.message), ' ',
    at ? h('button', {
      type: 'button', 'data-locate': v.field,
      onclick: () => { textarea.focus(); textarea.setSelectionRange(at.start, at.end); scrollTo(textarea, line); },
    }, `line ${line}${at.exact ? '' : ' (nearest)'}`) : null)));
  const shown = new Set();
  const sorted = rows.filter(r => r.line).sort((a, b) => a.line - b.line);
  for (const r of sorted) {
    for (let l = Math.max(1, r.line - 2); l <= Math.min(lines.length, r.line + 2); l++) {
      if (shown.has(l)) continue;
      if (shown.size && !shown.has(l - 1)) box.append(h('div.line', h('span.ln', '…'), h('span', ''), h('span', '')));
      shown.add(l);
      const here = sorted.filter(x => x.line === l);
      box.append(h(here.length ? 'div.line.err' : 'div.line', h('span.ln', String(l)), h('span', lines[l - 1]),
        h('span.msg', here.map(x => h('div.field-error', { 'data-field': x.v.field }, `${x.v.field}: ${x.v.message}`)))));
    }
  }
  return h('div', list, sorted.length ? box : null);
}

function scrollTo(textarea, line) {
  const lh = parseFloat(getComputedStyle(textarea).lineHeight) || 16;
  textarea.scrollTop = Math.max(0, (line - 3) * lh);
}

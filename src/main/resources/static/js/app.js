// The router: one hash route per page, each page a function that fills <main>.
import { scenarios } from './scenarios.js';
import { jobList, jobPage } from './jobs.js';
import { compare } from './compare.js';
import { h } from './dom.js';
import * as api from './api.js';

const main = document.getElementById('main');
let current = 0;

async function route() {
  const token = ++current;
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || '');
  const page = parts[0] || 'scenarios';
  for (const a of document.querySelectorAll('nav a[data-nav]')) {
    if (a.dataset.nav === (page === 'job' ? 'jobs' : page)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  window.dispatchEvent(new Event('computeplan:leave'));
  main.dataset.rendered = 'false';
  main.replaceChildren(h('p.muted', 'Loading…'));
  const live = () => token === current;
  try {
    if (page === 'scenarios') await scenarios(main);
    else if (page === 'jobs') await jobList(main, params);
    else if (page === 'job') await jobPage(main, parts[1], parts[2], parts[3] || 'result', live);
    else if (page === 'compare') await compare(main, parts.slice(1));
    else main.replaceChildren(h('h2', 'Not found'), h('p', h('a', { href: '#/scenarios' }, 'Scenarios')));
  } catch (e) {
    if (live()) main.replaceChildren(h('h2', 'Something went wrong'), h('p.bad', String(e && e.message || e)));
    throw e;
  }
  if (live()) {
    document.title = `computeplan · ${page}`;
    if (main.dataset.rendered !== 'pending') main.dataset.rendered = 'true';
  }
}

// the key is kept for this tab only; changing it reloads the page's data with it
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('api-key');
keyInput.value = api.apiKey();
keyForm.addEventListener('submit', e => { e.preventDefault(); api.setApiKey(keyInput.value.trim()); route(); });

window.addEventListener('hashchange', () => { route(); main.focus({ preventScroll: true }); });
route();

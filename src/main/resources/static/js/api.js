// The public JSON API, nothing else: what the UI shows is what a client gets.

export const KINDS = ['placement', 'procurement', 'power'];
export const FINAL = ['COMPLETED', 'STOPPED', 'FAILED'];

// The API key lives in this tab's sessionStorage only (gone when the tab closes) and goes out as X-API-Key.
const KEY = 'computeplan.apiKey';
export const apiKey = () => sessionStorage.getItem(KEY) || '';
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
}
const withKey = headers => (apiKey() ? { ...headers, 'X-API-Key': apiKey() } : headers);

/** GET or POST JSON; resolves to {ok, status, body} (a problem+json body on errors). */
export async function call(method, url, body) {
  const init = { method, headers: withKey({ Accept: 'application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const r = await fetch(url, init);
  const text = await r.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
  return { ok: r.ok, status: r.status, body: parsed };
}

export const get = url => call('GET', url);
export const examples = () => get('/api/v1/examples');
export const example = name => get('/api/v1/examples/' + encodeURIComponent(name));
export const job = (kind, id) => get(`/api/v1/${kind}/jobs/${id}`);
export const jobs = (kind, size = 50) => get(`/api/v1/${kind}/jobs?page=0&size=${size}`);
export const solution = (kind, id) => get(`/api/v1/${kind}/jobs/${id}/solution`);
export const explanation = (kind, id) => get(`/api/v1/${kind}/jobs/${id}/explanation`);
export const validate = (kind, text) => call('POST', `/api/v1/${kind}/validate`, text);
export const submit = (kind, text) => call('POST', `/api/v1/${kind}/jobs`, text);
export const stop = (kind, id) => call('DELETE', `/api/v1/${kind}/jobs/${id}`);
export const events = (kind, id) => new EventStream(`/api/v1/${kind}/jobs/${id}/events`);

/**
 * Server-Sent Events read with fetch, because EventSource cannot send the API key header. The same surface as
 * EventSource where the pages use it: addEventListener(name, fn) with {data} events, and close().
 */
class EventStream {
  constructor(url) {
    this.listeners = {};
    this.abort = new AbortController();
    this.read(url).catch(e => { if (e.name !== 'AbortError') this.emit('error', { data: String(e) }); });
  }
  addEventListener(name, fn) { (this.listeners[name] ||= []).push(fn); }
  close() { this.abort.abort(); }
  emit(name, event) { for (const fn of this.listeners[name] || []) fn(event); }
  async read(url) {
    const r = await fetch(url, { headers: withKey({ Accept: 'text/event-stream' }), signal: this.abort.signal });
    if (!r.ok || !r.body) { this.emit('error', { data: String(r.status) }); return; }
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer[nl] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length) this.emit(name, { data: data.join('\n') });
          name = 'message'; data = [];
        } else if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}

/** Saves what a GET answers as a file: a plain link cannot send the API key. */
export async function download(url, filename) {
  const r = await fetch(url, { headers: withKey({}) });
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  const href = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = href; a.download = filename;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}

/** The problem a job was submitted with (its termination included), wherever it was submitted from. */
export const problem = (kind, id) => get(`/api/v1/${kind}/jobs/${id}/problem`);

// The public JSON API, nothing else: what the UI shows is what a client gets.

export const KINDS = ['placement', 'procurement', 'power'];
export const FINAL = ['COMPLETED', 'STOPPED', 'FAILED'];

/** GET or POST JSON; resolves to {ok, status, body} (a problem+json body on errors). */
export async function call(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
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
export const events = (kind, id) => new EventSource(`/api/v1/${kind}/jobs/${id}/events`);

/** The problem a job was submitted with (its termination included), wherever it was submitted from. */
export const problem = (kind, id) => get(`/api/v1/${kind}/jobs/${id}/problem`);

// Finds where a JSON path of an API error ($.jobs[3].gpus, $['odd key']) sits in the JSON text the user typed.

/** '$.a[2].b' / "$['x y'][0]" -> ['a', 2, 'b'] */
export function segments(path) {
  const out = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/g;
  let m;
  const body = String(path || '').replace(/^\$/, '');
  while ((m = re.exec(body))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/**
 * {start, end, exact} of the value at `path` in `text` (character offsets), or of the deepest part of the path
 * that exists (a missing field points at its object). Null when the text is not JSON enough to walk.
 */
export function locate(text, path) {
  const want = segments(path);
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const str = () => { // at '"'; returns the decoded string
    let s = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') { s += JSON.parse('"' + text.slice(i, text[i + 1] === 'u' ? i + 6 : i + 2) + '"'); i += text[i + 1] === 'u' ? 6 : 2; }
      else s += text[i++];
    }
    i++;
    return s;
  };
  const skip = () => { // skips one value
    ws();
    const c = text[i];
    if (c === '"') { str(); return; }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        ws();
        if (c === '{') { str(); ws(); i++; }
        skip();
        ws();
        if (text[i] === ',') { i++; continue; }
        i++;
        return;
      }
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  let found = null;
  try {
    ws();
    let start = i;
    for (let depth = 0; depth <= want.length; depth++) {
      ws();
      start = i;
      if (depth === want.length) { skip(); return { start, end: i, exact: true }; }
      const key = want[depth];
      const c = text[i];
      found = { start, end: start + 1, exact: false };
      let hit = false;
      if (c === '{' && typeof key === 'string') {
        i++;
        for (;;) {
          ws();
          if (text[i] === '}') break;
          const k = str(); ws(); i++;
          if (k === key) { hit = true; break; }
          skip(); ws();
          if (text[i] === ',') i++; else break;
        }
      } else if (c === '[' && typeof key === 'number') {
        i++;
        for (let n = 0; ; n++) {
          ws();
          if (text[i] === ']') break;
          if (n === key) { hit = true; break; }
          skip(); ws();
          if (text[i] === ',') i++; else break;
        }
      }
      if (!hit) return found;
    }
  } catch (e) {
    return found;
  }
  return found;
}

/** 1-based line of a character offset. */
export function lineOf(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text[k] === '\n') line++;
  return line;
}

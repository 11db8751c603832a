// SPDX-License-Identifier: MIT
// A tiny, DOM-less XML reader for the test scripts: enough of XML 1.0 to
// read teiforge's own TEI back (elements, attributes, text, CDATA, comments,
// processing instructions, the five predefined entities and character
// references), so that the checks compare the clients' readings with the
// TEI and not with what the stylesheets believe.  Not a validating parser:
// it throws on the malformations it meets (unclosed or mismatched tags).

const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    if (e in PREDEFINED) return PREDEFINED[e];
    throw new Error(`undeclared entity &${e};`);
  });
}

// Element: { name, local, attrs: {qname: value}, children: [Element|string], parent }
export function parseXml(text) {
  const root = { name: '#document', local: '#document', attrs: {}, children: [], parent: null };
  let cur = root;
  let i = 0;
  const n = text.length;
  const tagRe = /<\/?([A-Za-z_][\w.\-:]*)((?:\s+[A-Za-z_][\w.\-:]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const attrRe = /([A-Za-z_][\w.\-:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) { pushText(text.slice(i)); break; }
    if (lt > i) pushText(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3; continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error('unterminated CDATA section');
      cur.children.push(text.slice(lt + 9, end));
      i = end + 3; continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw new Error('unterminated processing instruction');
      i = end + 2; continue;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      if (text.indexOf('[', lt) >= 0 && text.indexOf('[', lt) < text.indexOf('>', lt))
        throw new Error('internal DTD subsets are not read by this test parser');
      i = text.indexOf('>', lt) + 1; continue;
    }
    tagRe.lastIndex = lt;
    const m = tagRe.exec(text);
    if (!m) throw new Error(`malformed markup at offset ${lt}: ${JSON.stringify(text.slice(lt, lt + 40))}`);
    i = tagRe.lastIndex;
    const name = m[1];
    if (text[lt + 1] === '/') {
      if (cur.name !== name) throw new Error(`</${name}> closes <${cur.name}> at offset ${lt}`);
      cur = cur.parent;
      continue;
    }
    const attrs = {};
    for (const a of m[2].matchAll(attrRe)) attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
    const el = { name, local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name, attrs, children: [], parent: cur };
    cur.children.push(el);
    if (!m[3]) cur = el;
  }
  if (cur !== root) throw new Error(`<${cur.name}> is never closed`);
  return root;

  function pushText(s) { cur.children.push(decodeEntities(s)); }
}

// Elements below el (depth first, document order) whose local name is one of names.
export function descendants(el, ...names) {
  const out = [];
  (function walk(e) {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (names.length === 0 || names.includes(c.local)) out.push(c);
      walk(c);
    }
  })(el);
  return out;
}

export function child(el, name, pred = () => true) {
  if (!el) return null;
  return el.children.find((c) => typeof c !== 'string' && c.local === name && pred(c)) || null;
}

export function children(el, name) {
  if (!el) return [];
  return el.children.filter((c) => typeof c !== 'string' && c.local === name);
}

// Follow a path of local names, each step taking the first match.
export function path(el, ...names) {
  for (const nm of names) { el = child(el, nm); if (!el) return null; }
  return el;
}

export function textOf(el) {
  if (!el) return '';
  if (typeof el === 'string') return el;
  return el.children.map(textOf).join('');
}

export const norm = (s) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

// What the TEI header says of the article's own record, read the way a
// reader of the TEI would: the main title of <titleStmt>, the authors of
// the analytic level (else of <titleStmt>), the journal, the year, the
// language(s), the DOI and the numbers of the imprint.
export function teiRecord(xmlText) {
  const doc = parseXml(xmlText);
  const tei = child(doc, 'TEI');
  if (!tei) throw new Error('no <TEI> root element');
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  if (!titleStmt) throw new Error('no <teiHeader>/<fileDesc>/<titleStmt>');
  const titles = children(titleStmt, 'title');
  if (titles.length === 0) throw new Error('no <title> in <titleStmt>');
  const mainTitle = titles.find((t) => t.attrs.type === 'main') || titles[0];
  const bs = child(child(fileDesc, 'sourceDesc'), 'biblStruct');
  const analytic = child(bs, 'analytic');
  const monogr = child(bs, 'monogr');
  const imprint = child(monogr, 'imprint');
  let authorEls = children(analytic, 'author');
  if (authorEls.length === 0) authorEls = children(titleStmt, 'author');
  const authors = authorEls.map((a) => {
    const pn = child(a, 'persName') || a;
    const surname = child(pn, 'surname');
    const forename = children(pn, 'forename');
    return {
      family: surname ? norm(textOf(surname)) : null,
      given: forename.length ? norm(forename.map(textOf).join(' ')) : null,
      literal: norm(textOf(pn)),
    };
  }).filter((a) => a.literal);
  const journalEl = children(monogr, 'title').find((t) => t.attrs.level === 'j');
  const dateEl = child(imprint, 'date');
  let year = null;
  if (dateEl) {
    const w = dateEl.attrs.when || dateEl.attrs['when-iso'] || dateEl.attrs.from || dateEl.attrs.notBefore || textOf(dateEl);
    const ym = /(\d{4})/.exec(w || '');
    if (ym) year = Number(ym[1]);
  }
  const scope = (unit) => {
    const s = children(imprint, 'biblScope').find((b) => b.attrs.unit === unit);
    if (!s) return null;
    if (unit === 'page' && s.attrs.from) return s.attrs.to ? `${s.attrs.from}-${s.attrs.to}` : s.attrs.from;
    return norm(textOf(s)) || null;
  };
  const idno = (type) => {
    const all = [...children(analytic, 'idno'), ...children(monogr, 'idno')];
    const e = all.find((x) => (x.attrs.type || '').toLowerCase() === type);
    return e ? norm(textOf(e)) : null;
  };
  const textLang = descendants(bs || { children: [] }, 'textLang')[0];
  const langs = new Set();
  for (const v of [textLang && textLang.attrs.mainLang, tei.attrs['xml:lang'], mainTitle.attrs['xml:lang']])
    if (v) langs.add(v.toLowerCase());
  const body = child(child(tei, 'text'), 'body');
  return {
    title: norm(textOf(mainTitle)),
    titleLang: mainTitle.attrs['xml:lang'] || null,
    mainLang: (textLang && textLang.attrs.mainLang) || tei.attrs['xml:lang'] || null,
    langs,
    authors,
    journal: journalEl ? norm(textOf(journalEl)) : null,
    year,
    volume: scope('volume'),
    issue: scope('issue'),
    page: scope('page'),
    doi: idno('doi'),
    noteCount: descendants(child(tei, 'text') || { children: [] }, 'note').filter(
      (n) => !n.parent || n.parent.local !== 'note').length,
    hasBody: !!body,
  };
}

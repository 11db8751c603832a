#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node sources.mjs OUTDIR NAME [EXPECTED]
//
// Reads the cited-sources exports OUTDIR/NAME.sources.bib, .ris and .json
// (`teiforge render --to bibtex|ris|csl-json --sources`) back with
// citation.js, and renders the CSL-JSON with citeproc-js, comparing them
// with the sources of OUTDIR/NAME.xml (standOff/listBibl[@type="sources"],
// read with the small parser of lib/tei.mjs, not with the stylesheets):
// every note <bibl> points to a record; each format holds exactly one
// record per source (EXPECTED of them when given), keyed by its id, with
// no parser complaint; titles, authors, years, newspaper names and dates,
// archive names and locations intact, every non-ASCII letter kept.
// Exit status: 0 when every check passed, 1 when one failed, 2 on usage or
// missing tools.

import fs from 'node:fs';
import path from 'node:path';
import { parseXml, descendants, child, children, textOf, norm } from './lib/tei.mjs';
import { tally, loadCitationClients, citeprocBibliography, htmlText } from './lib/check.mjs';

if (process.argv.length < 4 || process.argv.length > 5) {
  console.error('usage: node sources.mjs OUTDIR NAME [EXPECTED]   (reads OUTDIR/NAME.xml and NAME.sources.{bib,ris,json})');
  process.exit(2);
}
const [outdir, name, expectedArg] = process.argv.slice(2);
const { Cite, logger, CSL } = await loadCitationClients('sources');

const { fail, pass, finish } = tally();
const show = (s) => JSON.stringify(s);
const stripRich = (s) => norm(String(s ?? '').replace(/<\/?(?:span(?:\s+(?:class|style)="[^"]*")?|i|b|sup|sub|sc)>/g, ''));
const letters = (s) => [...norm(s)].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('').toLowerCase();
const has = (hay, needle) => letters(hay).includes(letters(needle));

// ---- what the TEI says ----
const doc = parseXml(fs.readFileSync(path.join(outdir, `${name}.xml`), 'utf8'));
const list = descendants(doc, 'listBibl').find((l) => l.attrs.type === 'sources');
if (!list) { console.log(`FAIL ${name}.xml: no standOff/listBibl[@type="sources"]`); process.exit(1); }
const sources = list.children.filter((c) => typeof c !== 'string');
const byId = new Map(sources.map((s) => [s.attrs['xml:id'], s]));
const noteBibls = descendants(doc, 'note').flatMap((n) => children(n, 'bibl'));
const unresolved = noteBibls.filter((b) => !byId.has((b.attrs.corresp || '').replace(/^#/, '')));
if (unresolved.length) fail('TEI', `${unresolved.length} of ${noteBibls.length} note references point to no source`);
else pass('TEI', `${noteBibls.length} note references point to ${sources.length} sources`);
if (expectedArg && sources.length !== Number(expectedArg)) fail('TEI', `${sources.length} sources, expected ${expectedArg}`);

const expect = sources.map((s) => {
  const id = s.attrs['xml:id'].replace(/^src-/, '');
  const e = { id, kind: 'printed', authors: [], strings: [] };
  const titles = descendants(s, 'title').filter((t) => t.attrs.type !== 'sub');
  const date = descendants(s, 'date').find((d) => d.attrs.when);
  if (date) e.when = date.attrs.when;
  if (s.attrs.type === 'archival') {
    e.kind = 'archival';
    e.archive = norm(textOf(children(s, 'orgName').find((o) => o.attrs.type !== 'abbreviation')));
    e.locators = children(s, 'biblScope').map((b) => norm(textOf(b)));
    e.strings.push(e.archive, ...e.locators);
  } else if (!child(s, 'analytic') && titles[0]?.attrs.level === 'j') {
    e.kind = 'newspaper';
    e.container = norm(textOf(titles[0]));
    e.strings.push(e.container);
  } else {
    e.title = norm(textOf(titles[0]));
    e.authors = descendants(s, 'author').map((a) => norm(textOf(a)));
    e.strings.push(e.title, ...e.authors);
  }
  return e;
});

// ---- what the clients read ----
const captured = [];
logger._console = { log: (...a) => captured.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')) };
logger.level = 'warn';

async function read(ext, forceType, prepare = (t) => t) {
  const file = path.join(outdir, `${name}.sources.${ext}`);
  const what = path.basename(file);
  if (!fs.existsSync(file)) { fail(what, 'missing'); return null; }
  const text = fs.readFileSync(file, 'utf8');
  captured.length = 0;
  let data;
  try {
    data = (await Cite.async(prepare(text), { forceType })).data;
  } catch (e) { fail(what, `citation.js (${forceType}) cannot parse it: ${e.message}`); return null; }
  if (captured.length) fail(what, `citation.js complained: ${captured.join(' | ')}`);
  if (data.length !== sources.length) fail(what, `${data.length} records, the TEI has ${sources.length} sources`);
  else pass(what, `${data.length} records, one per source`);
  return { what, items: data, text };
}

function check({ what, items, text }) {
  const got = new Map(items.map((it) => [String(it['citation-key'] ?? it.id), it]));
  let ok = 0;
  for (const e of expect) {
    const it = got.get(e.id);
    const w = `${what} ${e.id}`;
    if (!it) { fail(w, 'no record with this key'); continue; }
    const errs = [];
    const year = it.issued?.['date-parts']?.[0];
    if (e.when && Number(year?.[0]) !== Number(e.when.slice(0, 4))) errs.push(`year ${show(year)} for ${e.when}`);
    if (e.kind === 'archival') {
      // CSL and RIS: archive / archive_location; biblatex: howpublished → publisher, library → call-number
      const archive = it.archive ?? it.publisher;
      const location = it.archive_location ?? it['call-number'];
      if (!has(archive, e.archive)) errs.push(`archive ${show(archive)} is not ${show(e.archive)}`);
      for (const l of e.locators) if (!has(location, l)) errs.push(`location ${show(location)} lacks ${show(l)}`);
    } else if (e.kind === 'newspaper') {
      if (!has(it['container-title'], e.container)) errs.push(`newspaper ${show(it['container-title'])} is not ${show(e.container)}`);
      // RIS keeps the date in DA, which citation.js reads for no
      // NEWS record (only PY, the year): there the file itself is checked
      const day = e.when.replace(/-/g, '/');
      if (e.when.length === 10 && year?.join('-') !== e.when.split('-').map(Number).join('-') &&
          !(what.endsWith('.ris') && new RegExp(`^ID  - ${e.id}\r\n(?:(?!ER  -).*\r\n)*?DA  - ${day}\r`, 'm').test(text)))
        errs.push(`issue date ${show(year)} is not ${e.when}`);
    } else {
      if (!has(stripRich(it.title), e.title)) errs.push(`title ${show(it.title)} is not ${show(e.title)}`);
      const names = (it.author || []).map((a) => `${a.family ?? ''} ${a.given ?? ''} ${a.literal ?? ''}`);
      if (names.length !== e.authors.length) errs.push(`${names.length} authors, the TEI has ${e.authors.length}`);
      e.authors.forEach((a, i) => { if (!names[i] || !has(names[i], a.replace(/\b\p{Lu}\./gu, ''))) errs.push(`author ${show(names[i])} is not ${show(a)}`); });
    }
    // no letter dropped anywhere in the file
    for (const s of e.strings) for (const c of s) if (/\p{L}/u.test(c) && c.charCodeAt(0) > 127 && !text.includes(c)) errs.push(`letter ${c} lost`);
    if (errs.length) fail(w, errs.join('; '));
    else ok++;
  }
  if (ok === expect.length) pass(what, `every record intact (${ok})`);
}

for (const [ext, type, prep] of [['bib', '@biblatex/text'], ['ris', '@ris/file'], ['json', '@csl/list+object', (t) => JSON.parse(t)]]) {
  const r = await read(ext, type, prep);
  if (r) check(r);
}

// citeproc-js renders the CSL-JSON as written.
try {
  const raw = JSON.parse(fs.readFileSync(path.join(outdir, `${name}.sources.json`), 'utf8'));
  const [meta, entries] = citeprocBibliography(CSL, raw);
  if (entries.length !== sources.length) fail('citeproc-js', `${entries.length} bibliography entries for ${sources.length} sources`);
  else pass('citeproc-js', `${entries.length} bibliography entries`);
  const plain = (h) => norm(htmlText(h));
  const all = entries.map(plain).join('\n');
  console.log(all.split('\n').map((l) => `     citeproc-js: ${l}`).join('\n'));
  // the test style prints an archival file's designation (its title), not
  // the archive's name: its locators are looked for
  const lost = expect.flatMap((e) => e.kind === 'archival' ? e.locators : [e.title ?? e.container])
    .filter((s) => !has(all, s));
  if (meta.bibliography_errors?.length) fail('citeproc-js', show(meta.bibliography_errors));
  if (lost.length) fail('citeproc-js', `not in the bibliography: ${lost.map(show).join(', ')}`);
  else pass('citeproc-js', 'every title, newspaper and archival locator in the bibliography');
} catch (e) {
  fail('citeproc-js', e.stack || e.message);
}

finish('sources');

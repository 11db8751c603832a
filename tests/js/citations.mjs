#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node citations.mjs OUTDIR NAME
//
// Reads teiforge's citation records OUTDIR/NAME.bib, NAME.ris and NAME.json
// back with citation.js (an independent BibTeX/biblatex, RIS and CSL-JSON
// reader) and compares what it understood with the TEI header of
// OUTDIR/NAME.xml (read with the small parser of lib/tei.mjs, not with the
// stylesheets): one record per file, no parser complaint, the title whole
// with every non-ASCII letter, a language, and the authors, year, journal,
// volume, issue, pages and DOI whenever the TEI header has them.  Then it
// renders the CSL-JSON record with citeproc-js and a CSL style shipped here
// (teiforge-test-author-date.csl: no network at test time) and looks for
// every letter of the title in the bibliography.
// Exit status: 0 when every check passed, 1 when one failed, 2 on usage or
// missing tools (with what to run).

import fs from 'node:fs';
import path from 'node:path';
import { teiRecord, norm } from './lib/tei.mjs';
import { tally, loadCitationClients, citeprocBibliography, htmlText } from './lib/check.mjs';


if (process.argv.length !== 4) {
  console.error('usage: node citations.mjs OUTDIR NAME   (reads OUTDIR/NAME.{xml,bib,ris,json})');
  process.exit(2);
}
const [outdir, name] = process.argv.slice(2);

const { Cite, logger, CSL } = await loadCitationClients('citations');

const { fail, pass, note, finish } = tally();
const show = (s) => JSON.stringify(s);

// What the TEI says.
const xmlPath = path.join(outdir, `${name}.xml`);
let tei;
try {
  tei = teiRecord(fs.readFileSync(xmlPath, 'utf8'));
} catch (e) {
  console.log(`FAIL ${xmlPath}: cannot read the TEI header: ${e.message}`);
  process.exit(1);
}
const nonAscii = [...new Set([...tei.title].filter((c) => /\p{L}/u.test(c) && c.charCodeAt(0) > 127))];
console.log(`TEI ${xmlPath}: title ${show(tei.title)} (${nonAscii.length} distinct non-ASCII letters: ${nonAscii.join('')}); ` +
  `languages ${[...tei.langs].join('/') || '-'}; authors ${tei.authors.length}; year ${tei.year ?? '-'}; ` +
  `journal ${tei.journal ? show(tei.journal) : '-'}; volume ${tei.volume ?? '-'}; issue ${tei.issue ?? '-'}; ` +
  `page ${tei.page ?? '-'}; DOI ${tei.doi ?? '-'}`);

// biblatex's langid / babel names, as citation.js passes them through.
const LANG_NAMES = {
  azerbaijani: 'az', russian: 'ru', english: 'en', american: 'en', british: 'en', turkish: 'tr',
  german: 'de', ngerman: 'de', french: 'fr', ukrainian: 'uk', georgian: 'ka', persian: 'fa',
  farsi: 'fa', arabic: 'ar', armenian: 'hy', polish: 'pl', italian: 'it', spanish: 'es',
};
const langCode = (v) => {
  if (!v) return null;
  const s = String(v).trim().toLowerCase();
  if (LANG_NAMES[s]) return LANG_NAMES[s];
  return s.split(/[-_]/)[0];
};
// citeproc-js and citation.js leave rich-text markup in CSL strings
// (<span class="nocase"> for protected BibTeX braces, <i>, <b>, <sup>, <sub>).
const stripRich = (s) => norm(String(s ?? '')
  .replace(/<\/?(?:span(?:\s+(?:class|style)="[^"]*")?|i|b|sup|sub|sc)>/g, ''));
const letters = (s) => [...norm(s)].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
const dashes = (s) => String(s ?? '').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '');

// Read one file with citation.js, collecting what its logger says.
const captured = [];
logger._console = { log: (...a) => captured.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')) };
logger.level = 'warn';

async function readWith(file, forceType, prepare = (t) => t) {
  const what = path.basename(file);
  if (!fs.existsSync(file)) { fail(what, `missing (teiforge build did not write it)`); return null; }
  const text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) note(what, 'starts with a byte-order mark');
  if (/\uFFFD/.test(text)) fail(what, 'contains U+FFFD replacement characters (broken UTF-8 upstream)');
  captured.length = 0;
  let data;
  try {
    const cite = await Cite.async(prepare(text), { forceType });
    data = cite.data;
  } catch (e) {
    fail(what, `citation.js (${forceType}) cannot parse it: ${e.message}`);
    return null;
  }
  if (captured.length) fail(what, `citation.js (${forceType}) complained: ${captured.join(' | ')}`);
  else pass(what, `parsed by citation.js as ${forceType} without a complaint`);
  if (!Array.isArray(data) || data.length !== 1) {
    fail(what, `expected exactly one record, citation.js read ${Array.isArray(data) ? data.length : 'no list'}`);
    if (!Array.isArray(data) || data.length === 0) return null;
  } else pass(what, 'exactly one record');
  return { what, item: data[0] };
}

const records = [];
const bib = await readWith(path.join(outdir, `${name}.bib`), '@biblatex/text');
const ris = await readWith(path.join(outdir, `${name}.ris`), '@ris/file');
const jsonFile = path.join(outdir, `${name}.json`);
let rawCsl = null;
const csl = await readWith(jsonFile, '@csl/list+object', (t) => {
  rawCsl = JSON.parse(t); // a JSON syntax error is a parse failure of the file
  if (!Array.isArray(rawCsl)) throw new Error('CSL-JSON must be a list of items (an array at top level)');
  return rawCsl;
});
for (const r of [bib, ris, csl]) if (r) records.push(r);

const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book',
  'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary',
  'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation',
  'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent',
  'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report',
  'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']);

for (const { what, item } of records) {
  // Title: whole, every non-ASCII letter kept, nothing added.
  const got = stripRich(item.title);
  if (!item.title) fail(what, 'no title');
  else if (got === tei.title) pass(what, `title intact ${show(got)}`);
  else {
    const lost = nonAscii.filter((c) => !got.includes(c));
    fail(what, `title ${show(got)} differs from the TEI main title ${show(tei.title)}` +
      (lost.length ? `; letters lost: ${lost.join(' ')}` : ''));
  }
  // Type.
  if (!CSL_TYPES.has(item.type)) fail(what, `type ${show(item.type)} is not a CSL type`);
  else if (item.type !== 'article-journal') note(what, `type ${item.type} (a journal article would be article-journal)`);
  // Language.
  const lang = langCode(item.language);
  if (!lang) fail(what, 'no language');
  else if (!tei.langs.has(lang)) fail(what, `language ${show(item.language)} is none of the TEI's (${[...tei.langs].join(', ')})`);
  else {
    pass(what, `language ${show(item.language)}`);
    if (tei.mainLang && lang !== tei.mainLang.toLowerCase())
      note(what, `language ${lang} is the title's, not the article's main language ${tei.mainLang}`);
  }
  // Authors, in order.
  if (tei.authors.length) {
    const a = item.author || [];
    if (a.length !== tei.authors.length) fail(what, `${a.length} authors, the TEI has ${tei.authors.length}: ${tei.authors.map((x) => x.literal).join('; ')}`);
    else {
      let ok = true;
      tei.authors.forEach((t, i) => {
        const g = a[i];
        const gFam = stripRich(g.family ?? g.literal ?? '');
        const gGiven = stripRich(g.given ?? '');
        if (t.family) {
          if (gFam !== t.family && !(g.literal && norm(g.literal).includes(t.family))) { ok = false; fail(what, `author ${i + 1}: family ${show(gFam)}, the TEI has ${show(t.family)}`); }
          if (t.given && gGiven !== t.given && !(g.literal && norm(g.literal).includes(t.given))) { ok = false; fail(what, `author ${i + 1}: given ${show(gGiven)}, the TEI has ${show(t.given)}`); }
        } else if (letters(`${g.given ?? ''}${g.family ?? ''}${g.literal ?? ''}`).length === 0 ||
                   ![...letters(t.literal)].every((c) => letters(`${g.given ?? ''} ${g.family ?? ''} ${g.literal ?? ''}`).includes(c))) {
          ok = false; fail(what, `author ${i + 1}: ${show(g)}, the TEI has ${show(t.literal)}`);
        }
      });
      if (ok) pass(what, `authors ${a.map((x) => stripRich(x.family ?? x.literal)).join(', ')}`);
    }
  } else if (item.author && item.author.length) fail(what, `${item.author.length} authors, the TEI header names none`);
  // Year.
  const issued = item.issued && item.issued['date-parts'] && item.issued['date-parts'][0] && item.issued['date-parts'][0][0];
  if (tei.year) {
    if (Number(issued) === tei.year) pass(what, `year ${tei.year}`);
    else fail(what, `year ${show(issued ?? item.issued ?? null)}, the TEI has ${tei.year}`);
  } else if (issued) fail(what, `year ${issued}, the TEI header has no date`);
  // Journal.
  if (tei.journal) {
    const j = stripRich(item['container-title']);
    if (j === tei.journal) pass(what, `journal ${show(j)}`);
    else fail(what, `journal ${show(item['container-title'] ?? null)}, the TEI has ${show(tei.journal)}`);
  } else if (item['container-title']) fail(what, `journal ${show(item['container-title'])}, the TEI header has none`);
  // Numbers and DOI.
  for (const [k, v] of [['volume', tei.volume], ['issue', tei.issue], ['page', tei.page]]) {
    if (!v) continue;
    if (dashes(item[k]) === dashes(v)) pass(what, `${k} ${item[k]}`);
    else fail(what, `${k} ${show(item[k] ?? null)}, the TEI has ${show(v)}`);
  }
  if (tei.doi) {
    const d = String(item.DOI ?? '').replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    if (d.toLowerCase() === tei.doi.toLowerCase()) pass(what, `DOI ${d}`);
    else fail(what, `DOI ${show(item.DOI ?? null)}, the TEI has ${show(tei.doi)}`);
  }
}

// The three records must say the same thing.
if (records.length > 1) {
  const key = (it) => JSON.stringify([stripRich(it.title), langCode(it.language),
    (it.author || []).map((a) => stripRich(a.family ?? a.literal))]);
  const k0 = key(records[0].item);
  const odd = records.filter((r) => key(r.item) !== k0);
  if (odd.length) fail('records', `the formats disagree on title/language/authors: ${records.map((r) => `${r.what} ${key(r.item)}`).join('; ')}`);
  else pass('records', `${records.map((r) => r.what).join(', ')} agree on title, language and authors`);
}

// citeproc-js renders the CSL-JSON record (as written, not as citation.js read it).
if (rawCsl && Array.isArray(rawCsl) && rawCsl.length >= 1) {
  const what = `citeproc-js(${name}.json)`;
  try {
    const out = citeprocBibliography(CSL, rawCsl);
    if (!out || !Array.isArray(out[1]) || out[1].length !== rawCsl.length) {
      fail(what, `expected ${rawCsl.length} bibliography entries, got ${out ? out[1]?.length : 'nothing'}`);
    } else {
      const html = out[1].join('');
      if (out[0].bibliography_errors && out[0].bibliography_errors.length)
        fail(what, `bibliography errors: ${JSON.stringify(out[0].bibliography_errors)}`);
      const plain = norm(htmlText(html));
      console.log(`     citeproc-js: ${plain}`);
      const lost = nonAscii.filter((c) => !plain.includes(c));
      if (!letters(plain).includes(letters(tei.title)))
        fail(what, `the bibliography does not contain the title's letters in order (${show(letters(tei.title))})` +
          (lost.length ? `; letters lost: ${lost.join(' ')}` : ''));
      else pass(what, 'the bibliography holds every letter of the title');
      if (tei.year && !plain.includes(`(${tei.year})`)) fail(what, `the bibliography lacks the year (${tei.year})`);
      for (const a of tei.authors) {
        const fam = a.family || a.literal;
        if (!letters(plain).includes(letters(fam))) fail(what, `the bibliography lacks the author ${show(fam)}`);
      }
      if (tei.journal && !letters(plain).includes(letters(tei.journal)))
        fail(what, `the bibliography lacks the journal ${show(tei.journal)}`);
    }
  } catch (e) {
    fail(what, `citeproc-js failed: ${e.stack || e.message}`);
  }
}

finish(`citations ${name}`);

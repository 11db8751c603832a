#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node pdf-check.mjs TEIFORGE FILE.xml
//
// The PDF of `teiforge render --to pdf`, read back with pdftotext:
//   - every word of the TEI <text> (notes included) is in the PDF's text
//     (words broken by hyphenation at a line end are joined again);
//   - every Azerbaijani and Cyrillic letter of the TEI is in the PDF as
//     often as in the TEI or more (the index repeats names), none lost;
//   - every note is a footnote on the page of its mark: the LaTeX of
//     `render --to latex` is typeset here too (xelatex twice, in a temp
//     folder) and its .aux gives the page of each mark (\label{fnmark-N})
//     and of each footnote text (\label{fn-N}); they must be equal, and the
//     text of that page (pdftotext -f P -l P) must hold the note's first
//     words.
// Exit 0 = pass, 1 = fail, 77 = skipped (no xelatex or pdftotext).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const [bin, xml] = process.argv.slice(2);
const has = (p) => spawnSync('sh', ['-c', `command -v ${p}`]).status === 0;
if (!has('xelatex') || !has('pdftotext')) {
  console.log('SKIP: xelatex or pdftotext missing (Debian: apt-get install --no-install-recommends texlive-xetex texlive-lang-cyrillic fonts-dejavu-core poppler-utils)');
  process.exit(77);
}
if (!fs.existsSync(xml)) { console.log(`SKIP: ${xml} not found`); process.exit(77); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-pdf-test-'));
let failed = 0;
const fail = (m) => { failed++; console.log(`FAIL ${m}`); };
const ok = (m) => console.log(`ok   ${m}`);
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) { fail(`${cmd} ${args.join(' ')}: exit ${r.status} ${(r.stderr || '').slice(0, 500)}`); finish(); }
  return r.stdout;
};
function finish() { fs.rmSync(tmp, { recursive: true, force: true }); process.exit(failed ? 1 : 0); }

const t0 = Date.now();
run(bin, ['render', '--to', 'pdf', xml, '-o', `${tmp}/a.pdf`]);
console.log(`render --to pdf: ${fs.statSync(`${tmp}/a.pdf`).size} bytes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const pdfText = run('pdftotext', ['-enc', 'UTF-8', `${tmp}/a.pdf`, '-']);

// The TEI's text: <text> without tags (notes kept, in place).
const src = fs.readFileSync(xml, 'utf8');
const body = (src.match(/<text[\s>][\s\S]*<\/text>/) || [''])[0]
  .replace(/<note[^>]*>/g, ' ').replace(/<\/note>/g, ' ').replace(/<[^>]+>/g, '')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const words = (s) => s.match(/[\p{L}\p{N}]+/gu) || [];
const want = new Set(words(body));
// (a footnote mark runs into its word in pdftotext: "etdi13", so letters
// and digits are also taken apart)
const dehyph = pdfText.replace(/-\n/g, '');
const got = new Set([...words(pdfText), ...words(dehyph), ...words(pdfText.replace(/-\n/g, '-')),
  ...(dehyph.match(/\p{L}+|\p{N}+/gu) || [])]);
const lost = [...want].filter((w) => !got.has(w));
if (lost.length) fail(`${lost.length} of ${want.size} words of the text not in the PDF: ${lost.slice(0, 20).join(' ')}`);
else ok(`all ${want.size} distinct words of the text are in the PDF`);

// Letters: Azerbaijani specials and Cyrillic.
const count = (s, re) => { const m = {}; for (const c of s.match(re) || []) m[c] = (m[c] || 0) + 1; return m; };
const LET = /[əƏşŞçÇğĞıİöÖüÜ\u0400-\u04FF]/gu;
const a = count(body, LET), b = count(pdfText.normalize('NFC'), LET);
const short = Object.keys(a).filter((c) => (b[c] || 0) < a[c]);
const total = Object.values(a).reduce((x, y) => x + y, 0);
if (short.length) fail(`letters missing in the PDF: ${short.map((c) => `${c} ${b[c] || 0}/${a[c]}`).join(', ')}`);
else ok(`${total} Azerbaijani/Cyrillic letters of ${Object.keys(a).length} kinds all in the PDF (e.g. ə ${b['ə'] || 0}, ı ${b['ı'] || 0}, İ ${b['İ'] || 0}, ж ${b['ж'] || 0})`);

// Footnotes on the page of their marks.
run(bin, ['render', '--to', 'latex', xml, '-o', `${tmp}/b.tex`]);
for (let i = 0; i < 2; i++) run('xelatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'b.tex'], { cwd: tmp });
const aux = fs.readFileSync(`${tmp}/b.aux`, 'utf8');
const page = {};
for (const m of aux.matchAll(/\\newlabel\{(fnmark|fn)-([^}]+)\}\{\{[^}]*\}\{([^}]*)\}/g)) page[`${m[1]}-${m[2]}`] = m[3];
const notes = [...((src.match(/<text[\s>][\s\S]*<\/text>/) || [''])[0]).matchAll(/<note\b[^>]*?(?:\bn="([^"]*)")?[^>]*>([\s\S]*?)<\/note>/g)];
const ids = Object.keys(page).filter((k) => k.startsWith('fnmark-')).map((k) => k.slice(7));
let same = 0;
const pageText = {};
for (const id of ids) {
  const pm = page[`fnmark-${id}`], pn = page[`fn-${id}`];
  if (pm !== pn) { fail(`note ${id}: mark on page ${pm}, footnote on page ${pn}`); continue; }
  pageText[pm] ??= run('pdftotext', ['-enc', 'UTF-8', '-f', pm, '-l', pm, `${tmp}/b.pdf`, '-']).replace(/-\n/g, '');
  const note = notes.find((n) => n[1] === id);
  const first = note ? words(note[2].replace(/<[^>]+>/g, ' ')).slice(0, 3) : [];
  const pw = new Set(words(pageText[pm]));
  if (first.every((w) => pw.has(w))) same++;
  else fail(`note ${id}: its first words ${first.join(' ')} are not on page ${pm}`);
}
const teiNotes = ((src.match(/<text[\s>][\s\S]*<\/text>/) || [''])[0].match(/<note\b/g) || []).length;
if (ids.length !== teiNotes) fail(`${ids.length} footnotes for ${teiNotes} TEI notes`);
else if (same === ids.length) ok(`all ${ids.length} notes are footnotes on the page of their mark (text found there by pdftotext)`);
finish();

#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node html-edition.mjs TEIFORGE FILE.xml OUTDIR
//
// The HTML edition (`teiforge render --to html`) used as a reader uses it,
// in Debian's Chromium driven by playwright-core:
//   - determinism: two renders of FILE.xml are byte-identical; no remote
//     asset, no request off the file;
//   - the Nu HTML Checker finds no error; axe-core no serious or critical
//     violation; one h1, no skipped heading level, banner/nav/main landmarks;
//   - every internal link (page, and every opened note) has its target;
//   - notes: a click on every mark opens a pop-up holding that note's text,
//     Escape closes it and gives the focus back to the mark; keyboard focus
//     (Tab) on a mark opens its note; every note links back to its mark;
//   - index: every entry's mention links lead to a name that is in view,
//     targeted, and links back to that entry; every linked name has an entry;
//   - dates with a normalised value show it; page markers #pN exist for the
//     TEI's pages and stand in the left margin on a wide screen;
//   - "cite this" holds exactly what `render --to bibtex` and `--to ris` write;
//   - print: no navigation, no "cite this", no pop-up; the notes are shown;
//   - no script error at any step.
// Screenshots go to OUTDIR: edition-first.png (first screen, 1280x800),
// edition-note.png (a note opened), edition-phone-note.png (390x800).
// Exit 0 = pass, 1 = a check failed, 2 = usage or missing tools.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseXml, descendants, child } from './lib/tei.mjs';
import { tally } from './lib/check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
if (process.argv.length !== 5) {
  console.error('usage: node html-edition.mjs TEIFORGE FILE.xml OUTDIR');
  process.exit(2);
}
const [bin, xmlFile, outDir] = process.argv.slice(2).map((p, i) => (i ? path.resolve(p) : p));
const { fail, pass, finish: report } = tally();
const check = (cond, what, okMsg, badMsg) => (cond ? pass(what, okMsg) : fail(what, badMsg));

const SETUP = 'Run `.ci/setup test` from the repository root.';
const vnuJar = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const axePath = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
const chromiumPath = process.env.TF_CHROMIUM || '/usr/bin/chromium';
let chromium;
try { ({ chromium } = require('playwright-core')); } catch { console.error(`missing playwright-core. ${SETUP}`); process.exit(2); }
for (const f of [vnuJar, axePath, chromiumPath]) if (!fs.existsSync(f)) { console.error(`missing ${f}. ${SETUP}`); process.exit(2); }
fs.mkdirSync(outDir, { recursive: true });

// ---- render twice: byte-identical ----------------------------------------
const base = path.join(outDir, path.basename(xmlFile).replace(/\.xml$/, ''));
const render = (to, out) => {
  const r = spawnSync(bin, ['render', '--to', to, xmlFile, '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) { fail(`render ${to}`, `exit ${r.status}: ${r.stderr}`); finish(); }
  return fs.readFileSync(out);
};
const a = render('html', `${base}.html`);
const b = render('html', `${base}.again.html`);
check(a.equals(b), 'determinism', `two renders are byte-identical (${a.length} bytes)`, 'two renders differ');
const bib = render('bibtex', `${base}.bib`).toString('utf8');
const ris = render('ris', `${base}.ris`).toString('utf8');
const html = a.toString('utf8');
check(!/<(link|script|img|iframe)[^>]*(src|href)="(https?:)?\/\//.test(html), 'self-contained', 'no remote asset', 'a remote asset is linked');
check(!/\b20\d\d-\d\d-\d\dT\d\d:/.test(html), 'no timestamp', 'no build time in the page', 'a timestamp is in the page');

// ---- the TEI: notes, pages, linked names -----------------------------------
const tei = parseXml(fs.readFileSync(xmlFile, 'utf8'));
const text = child(child(tei, 'TEI'), 'text');
const teiNotes = descendants(text, 'note').filter((n) => { for (let p = n.parent; p; p = p.parent) if (p.local === 'note') return false; return true; });
const pages = descendants(text, 'pb').map((p) => p.attrs.n).filter(Boolean);
console.log(`TEI ${path.basename(xmlFile)}: ${teiNotes.length} notes, ${pages.length} page breaks`);

// ---- vnu ---------------------------------------------------------------------
{
  const r = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'gnu', `${base}.html`], { encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  check(r.status === 0 && !out, 'vnu', 'no error', out.split('\n').slice(0, 20).join('\n       '));
}

// ---- Chromium -----------------------------------------------------------------
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-chromium-'));
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'], env: { ...process.env, TMPDIR: profile } });
const url = pathToFileURL(`${base}.html`).href;
const problems = [];
function watch(page) {
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => { if (!/^(file|data|about|blob):/.test(r.url())) problems.push(`request off the page: ${r.url()}`); });
}
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
page.setDefaultTimeout(15000);
watch(page);
await page.goto(url, { waitUntil: 'load' });
await page.screenshot({ path: path.join(outDir, 'edition-first.png') });

// structure: landmarks, headings, links, ids
const st = await page.evaluate(() => {
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  const broken = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href'))
    .filter((h) => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1))));
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => +h.tagName[1]);
  const skips = levels.filter((l, i) => i && l > levels[i - 1] + 1);
  return { dup: [...ids].filter(([, n]) => n > 1).map(([k]) => k), broken, links: document.querySelectorAll('a[href^="#"]').length,
    h1: document.querySelectorAll('h1').length, first: levels[0], skips: skips.length,
    landmarks: ['header', 'nav', 'main'].filter((s) => !document.querySelector(s)),
    viewport: !!document.querySelector('meta[name=viewport]'), lang: document.documentElement.lang };
});
check(!st.broken.length && !st.dup.length, 'links', `all ${st.links} internal links resolve, no duplicate id`, `broken ${st.broken.slice(0, 10)} dup ${st.dup.slice(0, 10)}`);
check(st.h1 === 1 && st.first === 1 && !st.skips, 'headings', 'one h1 first, no level skipped', JSON.stringify(st));
check(!st.landmarks.length && st.viewport && st.lang, 'landmarks', 'header, nav, main, viewport, lang', JSON.stringify(st));

// notes: click every mark, then Escape
const marks = await page.evaluate(() => [...document.querySelectorAll('a.noteref')].map((a) => {
  const li = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  const back = li && li.querySelector(`a[href="#${a.id}"]`);
  const body = li ? [...li.childNodes].filter((c) => !(c.classList && c.classList.contains('noteback'))).map((c) => c.textContent).join('') : '';
  return { id: a.id, target: li && li.id, back: !!back, text: body.replace(/\s+/g, ' ').trim() };
}));
check(marks.length === teiNotes.length, 'marks', `${marks.length} marks for ${teiNotes.length} TEI notes`, `${marks.length} marks, ${teiNotes.length} TEI notes`);
check(marks.every((m) => m.target && m.back), 'back links', 'every note links back to its mark', 'a note without a back link');
const popupState = () => page.evaluate(() => {
  const p = document.querySelector('.note-popup');
  if (!p) return null;
  const r = p.getBoundingClientRect();
  const clone = p.cloneNode(true);
  for (const x of clone.querySelectorAll('.np-label, .note-close')) x.remove();
  return { text: clone.textContent.replace(/\s+/g, ' ').trim(), visible: r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0,
    inView: r.left >= 0 && r.right <= innerWidth, active: document.activeElement && document.activeElement.id };
});
let clickOk = 0, escOk = 0, shotDone = false;
for (const m of marks) {
  await page.locator(`[id="${m.id}"]`).click();
  const s = await popupState();
  if (s && s.visible && s.inView && s.text === m.text) clickOk++;
  else fail('click', `#${m.id}: ${JSON.stringify(s)} expected ${JSON.stringify(m.text.slice(0, 80))}`);
  if (!shotDone && m === marks[Math.min(1, marks.length - 1)]) { await page.screenshot({ path: path.join(outDir, 'edition-note.png') }); shotDone = true; }
  const inner = await page.evaluate(() => [...document.querySelectorAll('.note-popup a[href^="#"]')].map((a) => a.getAttribute('href'))
    .filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))));
  if (inner.length) fail('click', `links inside the opened note #${m.id} lead nowhere: ${inner}`);
  await page.keyboard.press('Escape');
  const after = await page.evaluate(() => ({ open: !!document.querySelector('.note-popup'), active: document.activeElement && document.activeElement.id }));
  if (!after.open && after.active === m.id) escOk++;
  else fail('Escape', `#${m.id}: still open ${after.open}, focus on ${after.active}`);
}
if (marks.length) {
  check(clickOk === marks.length, 'click', `each of ${marks.length} marks opens its own note beside the text`, `${clickOk}/${marks.length}`);
  check(escOk === marks.length, 'Escape', 'closes the note and gives the focus back to the mark', `${escOk}/${marks.length}`);
  // keyboard focus: Tab from the element before the first mark
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate((id) => {
    const all = [...document.querySelectorAll('a[href], button, [tabindex], summary')];
    const i = all.indexOf(document.getElementById(id));
    const prev = all[i - 1];
    if (prev) prev.focus();
  }, marks[0].id);
  await page.keyboard.press('Tab');
  const f = await popupState();
  check(f && f.visible && f.text === marks[0].text && f.active === marks[0].id, 'focus', `Tab onto #${marks[0].id} opens its note`, JSON.stringify(f));
  await page.keyboard.press('Escape');
  check(!(await popupState()), 'focus', 'Escape closes it', 'still open after Escape');
}

// index: mention links lead to their names, names lead to their entries
const idx = await page.evaluate(() => {
  const out = { entries: 0, mentions: 0, bad: [], names: 0, orphan: [] };
  for (const li of document.querySelectorAll('.index li[id^="ent-"]')) {
    out.entries++;
    for (const a of li.querySelectorAll('.mentions a')) {
      out.mentions++;
      const t = document.getElementById(a.getAttribute('href').slice(1));
      if (!t || t.getAttribute('href') !== `#${li.id}`) out.bad.push(a.getAttribute('href'));
    }
  }
  for (const a of document.querySelectorAll('a.nm')) {
    out.names++;
    const e = document.getElementById(a.getAttribute('href').slice(1));
    if (!e || !e.querySelector(`.mentions a[href="#${a.id}"]`)) out.orphan.push(a.id);
  }
  out.firstMention = (document.querySelector('.index .mentions a') || {}).outerHTML;
  out.idno = document.querySelectorAll('.index a.idno').length;
  return out;
});
check(idx.entries > 0 || !idx.names, 'index', `${idx.entries} entries, ${idx.mentions} mention links, ${idx.idno} authority links`, 'no index');
check(!idx.bad.length && idx.mentions === idx.names && !idx.orphan.length, 'index', `every mention link leads to its name (${idx.names} linked names), every name back to its entry`,
  `bad ${idx.bad.slice(0, 5)} orphan ${idx.orphan.slice(0, 5)} mentions ${idx.mentions} names ${idx.names}`);
if (idx.mentions) {
  const sel = '.index .mentions a';
  const n = Math.min(idx.mentions, 30);
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const href = await page.locator(sel).nth(Math.floor((i * idx.mentions) / n)).getAttribute('href');
    await page.locator(sel).nth(Math.floor((i * idx.mentions) / n)).click();
    const s = await page.evaluate((id) => { const el = document.getElementById(id); const r = el.getBoundingClientRect();
      return { hash: location.hash, target: el.matches(':target'), inView: r.top >= -2 && r.bottom <= innerHeight + 2 }; }, href.slice(1));
    if (s.hash === href && s.target && s.inView) ok++; else fail('index click', `${href}: ${JSON.stringify(s)}`);
  }
  check(ok === n, 'index click', `${n} index links clicked: each scrolls its mention into view and targets it`, `${ok}/${n}`);
}

// dates, pages, cite this
const misc = await page.evaluate(() => {
  const dates = [...document.querySelectorAll('.date[data-norm]')];
  const shown = dates.filter((d) => getComputedStyle(d, '::after').content.includes(d.dataset.norm));
  const main = document.querySelector('main').getBoundingClientRect();
  const pbs = [...document.querySelectorAll('.pb[id] .pbn')];
  const inMargin = pbs.filter((p) => p.getBoundingClientRect().right <= main.left + 1);
  return { dates: dates.length, shown: shown.length, pbIds: [...document.querySelectorAll('.pb[id]')].map((p) => p.id), pbs: pbs.length, inMargin: inMargin.length,
    bib: (document.getElementById('cite-bibtex') || {}).textContent, ris: (document.getElementById('cite-ris') || {}).textContent,
    plain: (document.getElementById('cite-text') || {}).textContent };
});
check(misc.shown === misc.dates, 'dates', `${misc.dates} dates show their normalised value`, `${misc.shown}/${misc.dates}`);
const uniq = pages.filter((n, i) => pages.indexOf(n) === i && pages.lastIndexOf(n) === i && !/\s/.test(n));
check(uniq.every((n) => misc.pbIds.includes(`p${n}`)), 'pages', `#p${uniq[0]}…#p${uniq[uniq.length - 1]}: ${uniq.length} page targets`, `missing ${uniq.filter((n) => !misc.pbIds.includes(`p${n}`))}`);
check(misc.inMargin === misc.pbs, 'pages', `${misc.inMargin} page numbers in the left margin at 1280px`, `${misc.inMargin}/${misc.pbs}`);
check(misc.bib === bib && misc.ris === ris.replace(/\r/g, '') && misc.plain, 'cite this', 'plain text, and BibTeX and RIS identical to render --to bibtex / ris',
  `bib ${misc.bib === bib} ris ${misc.ris === ris.replace(/\r/g, '')} plain ${!!misc.plain}`);

// axe
await page.goto(url, { waitUntil: 'load' });
await page.addScriptTag({ path: axePath });
const axe = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
  .map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, first: v.nodes[0] && v.nodes[0].html.slice(0, 100) })));
const bad = axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
check(!bad.length, 'axe', `no serious or critical violation (${axe.length} lesser: ${axe.map((v) => v.id).join(' ') || 'none'})`, JSON.stringify(bad));
// axe with a note open
if (marks.length) {
  await page.locator(`[id="${marks[0].id}"]`).click();
  const axe2 = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0].html.slice(0, 100)}`));
  check(!axe2.length, 'axe', 'none with a note open either', axe2.join('; '));
}

// print
await page.emulateMedia({ media: 'print' });
const pr = await page.evaluate(() => {
  const hidden = (s) => [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === 'none');
  const notes = document.querySelector('#notes');
  return { chrome: hidden('nav') && hidden('details.cite') && hidden('.note-popup') && hidden('.skip'),
    notes: !notes || getComputedStyle(notes).display !== 'none' };
});
check(pr.chrome && pr.notes, 'print', 'no navigation, cite box or pop-up; the notes print as endnotes', JSON.stringify(pr));
await page.emulateMedia({ media: 'screen' });
await ctx.close();

// phone
const ctx3 = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
const p3 = await ctx3.newPage();
watch(p3);
await p3.goto(url, { waitUntil: 'load' });
const wide = await p3.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1);
check(wide, 'phone', 'no horizontal scrolling at 390px', 'the page is wider than the phone');
if (marks.length) {
  await p3.locator(`[id="${marks[Math.min(1, marks.length - 1)].id}"]`).tap();
  const s = await p3.evaluate(() => { const p = document.querySelector('.note-popup'); if (!p) return null; const r = p.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; });
  check(s, 'phone', 'a tap opens the note within the screen', String(s));
  await p3.screenshot({ path: path.join(outDir, 'edition-phone-note.png') });
}
await ctx3.close();
check(!problems.length, 'scripts', 'no script error, no console error, no request off the page', problems.slice(0, 5).join('; '));
await browser.close();
finish();

function finish() {
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch { /* ignore */ }
  report(`html-edition ${path.basename(xmlFile)}`, ` (${secs()}); screenshots in ${outDir}`);
}

#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node html.mjs FILE.html [FILE.xml]
//
// Reads a page written by `teiforge render --to html` back with real clients:
//   1. the Nu HTML Checker (vnu-jar, Java): no error at all;
//   2. Debian's Chromium driven by playwright-core, with the page's scripts on:
//      no script error, no console error, no request off the file (the page
//      is self-contained); every internal link href="#x" has an element with
//      id x, and no id is used twice; note marks (a.noteref, a[href^="#note-"],
//      a[role=doc-noteref]) are real links to their notes, one per note of the
//      TEI (FILE.xml, or the .xml beside FILE.html), labelled as the TEI
//      labels them, and every note links back to its mark; a click on the
//      first mark shows its note (the URL fragment names it, or the note is
//      visible: either way of opening notes is fine), Tab reaches a mark,
//      Enter opens it, Escape raises no error;
//   3. the same with JavaScript off: a click on a mark jumps to the note,
//      a click on the note's back link jumps back to the mark;
//   4. axe-core inside the page: no serious or critical violation;
//   and, when the TEI has standOff/listBibl[@type="sources"], the list of
//   sources: one entry id="source-ID" per record, one link to it after each
//   note <bibl corresp="#ID">, each entry linking back (href="#cite-…").
// Exit status: 0 when every check passed, 1 when one failed, 2 on usage or
// missing tools (with what to run).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { teiRecord, parseXml, descendants, child } from './lib/tei.mjs';
import { tally } from './lib/check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

if (process.argv.length < 3 || process.argv.length > 4) {
  console.error('usage: node html.mjs FILE.html [FILE.xml]');
  process.exit(2);
}
const htmlFile = path.resolve(process.argv[2]);
const xmlFile = process.argv[3] ? path.resolve(process.argv[3]) : htmlFile.replace(/\.html?$/, '.xml');

const { fail, pass, note, finish: report } = tally();
const show = (s) => JSON.stringify(s);

// ---- what the test needs, or what to run --------------------------------
const SETUP = 'Run `.ci/setup test` from the repository root (it installs Java, Chromium and the npm packages of tests/js).';
const missing = [];
const vnuJar = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const axePath = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
const chromiumPath = process.env.TF_CHROMIUM || '/usr/bin/chromium';
let chromium;
try { ({ chromium } = require('playwright-core')); } catch (e) { missing.push(`playwright-core (npm; ${e.code || e.message})`); }
if (!fs.existsSync(vnuJar)) missing.push(`vnu-jar (npm; no ${vnuJar})`);
if (!fs.existsSync(axePath)) missing.push(`axe-core (npm; no ${axePath})`);
if (!fs.existsSync(chromiumPath)) missing.push(`Chromium (Debian package chromium; no ${chromiumPath})`);
const javaCheck = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (javaCheck.error || javaCheck.status !== 0) missing.push('Java (Debian package default-jre-headless; `java -version` failed)');
if (missing.length) {
  console.error(`html: FAIL: missing ${missing.join(', ')}.\n${SETUP}`);
  process.exit(2);
}
if (!fs.existsSync(htmlFile)) {
  console.log(`FAIL ${htmlFile}: missing (teiforge did not write it)`);
  process.exit(1);
}
const what = path.basename(htmlFile);

// ---- the TEI's notes ------------------------------------------------------
let teiNotes = null;
if (fs.existsSync(xmlFile)) {
  try {
    const xml = fs.readFileSync(xmlFile, 'utf8');
    const rec = teiRecord(xml);
    const doc = parseXml(xml);
    const text = child(child(doc, 'TEI'), 'text');
    // Notes that are not inside another note, in document order; their @n.
    teiNotes = descendants(text || { children: [] }, 'note')
      .filter((n) => { for (let p = n.parent; p; p = p.parent) if (p.local === 'note') return false; return true; })
      .map((n) => n.attrs.n ?? null);
    if (teiNotes.length !== rec.noteCount) teiNotes = teiNotes.slice(0, rec.noteCount);
    console.log(`TEI ${xmlFile}: ${teiNotes.length} notes`);
  } catch (e) {
    fail(path.basename(xmlFile), `cannot read the TEI: ${e.message}`);
  }
} else note(what, `no TEI beside it (${xmlFile}): the note count is not compared`);

// ---- the cited sources ----------------------------------------------------
// When the TEI has standOff/listBibl[@type="sources"]: one list entry
// id="source-ID" per record, each note <bibl corresp="#ID"> followed by a
// link to its entry, and every entry linking back to a citation in a note.
if (fs.existsSync(xmlFile)) {
  try {
    const doc = parseXml(fs.readFileSync(xmlFile, 'utf8'));
    const tei = child(doc, 'TEI');
    const list = descendants(child(tei, 'standOff') || { children: [] }, 'listBibl').find((l) => l.attrs.type === 'sources');
    if (list) {
      const ids = list.children.filter((c) => typeof c !== 'string' && c.attrs['xml:id']).map((c) => c.attrs['xml:id']);
      const cites = descendants(child(tei, 'text') || { children: [] }, 'note')
        .flatMap((n) => descendants(n, 'bibl')).filter((b) => b.attrs.corresp)
        .map((b) => b.attrs.corresp.trim().split(/\s+/)[0].replace(/^#/, ''));
      const html = fs.readFileSync(htmlFile, 'utf8');
      const count = (re) => (html.match(re) || []).length;
      const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const bad = [];
      for (const id of ids) {
        const m = html.match(new RegExp(`<li id="source-${esc(id)}"[^>]*>([\\s\\S]*?)</li>`));
        if (count(new RegExp(`id="source-${esc(id)}"`, 'g')) !== 1 || !m) bad.push(`no single entry id="source-${id}"`);
        else if (cites.includes(id) && !/href="#cite-[^"]+"/.test(m[1])) bad.push(`entry ${id} links back to no citation`);
      }
      for (const id of new Set(cites)) {
        const want = cites.filter((c) => c === id).length;
        const got = count(new RegExp(`href="#source-${esc(id)}"`, 'g'));
        if (ids.includes(id) && got !== want) bad.push(`${want} note citation(s) of ${id}, ${got} link(s) to its entry`);
      }
      if (bad.length) fail('sources', bad.slice(0, 10).join('; '));
      else pass('sources', `${ids.length} entries, ${cites.length} note citations linked to them and back`);
    }
  } catch (e) {
    fail('sources', `cannot read the TEI: ${e.message}`);
  }
}

// ---- 1. the Nu HTML Checker ------------------------------------------------
{
  const r = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'gnu', htmlFile],
    { encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.error) fail('vnu', `could not run: ${r.error.message}`);
  else if (r.status === 0 && !out) pass('vnu', `no error (${secs()})`);
  else {
    const lines = out.split('\n').filter(Boolean);
    fail('vnu', `${lines.length} error(s):\n` + lines.slice(0, 40).map((l) => '       ' + l.replace(/^.*?:(\d+\.\d+-\d+\.\d+|\d+\.\d+):/, '$1:')).join('\n') +
      (lines.length > 40 ? `\n       ... and ${lines.length - 40} more` : ''));
  }
}

// ---- 2.-4. Chromium --------------------------------------------------------
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const url = pathToFileURL(htmlFile).href;
const MARKS = 'a.noteref, a[href^="#note-"], a[role~="doc-noteref"]';

let browser;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-chromium-'));
try {
  // playwright-core gives the browser a new empty profile itself (it refuses a
  // --user-data-dir argument for launch()); TMPDIR points it at one of ours.
  browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, args: FLAGS, timeout: 60000,
    env: { ...process.env, TMPDIR: profile },
  });
  pass('chromium', `${browser.version()} started (${secs()})`);
} catch (e) {
  fail('chromium', `cannot start ${chromiumPath}: ${e.message.split('\n').slice(0, 6).join(' / ')}\n${SETUP}`);
  finish();
}

// Everything the page does wrong while it is used.
function watch(page, label) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:'))
      problems.push(`request off the page: ${u} (the page must be self-contained)`);
  });
  page.on('dialog', (d) => { problems.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  return {
    check(step) {
      if (problems.length) fail(`${label}: ${step}`, problems.splice(0).join('; '));
      else pass(`${label}: ${step}`, 'no script error');
    },
  };
}

// In the page: the internal links, the ids, the note marks and their notes.
function survey(selector) {
  const out = { links: 0, broken: [], emptyFragment: 0, dupIds: [], marks: [], notes: {} };
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  out.dupIds = [...ids].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n}x)`);
  const frag = (href) => { try { return decodeURIComponent(href.slice(1)); } catch { return href.slice(1); } };
  for (const a of document.querySelectorAll('[href^="#"]')) {
    out.links++;
    const raw = a.getAttribute('href');
    const id = frag(raw);
    if (id === '' || id.toLowerCase() === 'top') { out.emptyFragment++; continue; }
    if (!document.getElementById(id)) out.broken.push(`${a.outerHTML.slice(0, 120)}`);
  }
  const candidates = [...document.querySelectorAll(selector)];
  const targetOf = (a) => document.getElementById(frag(a.getAttribute('href') || ''));
  const targets = new Set(candidates.map(targetOf).filter(Boolean));
  const inTarget = (a) => [...targets].some((t) => t !== a && t.contains(a));
  const marks = candidates.filter((a) => !inTarget(a) && !candidates.includes(targetOf(a)));
  for (const a of marks) {
    const t = targetOf(a);
    const label = (a.textContent || '').trim() || a.getAttribute('aria-label') || '';
    const m = { href: a.getAttribute('href'), id: a.id || null, label, tag: a.tagName.toLowerCase(),
      target: t ? t.id : null, back: null, backHref: null };
    if (t && a.id) {
      const sel = `a[href="#${CSS.escape(a.id)}"], a[href="#${encodeURIComponent(a.id)}"]`;
      let back = t.querySelector(sel);
      if (!back) {
        const box = t.closest('li, aside, [role~="doc-endnote"], [role~="doc-footnote"]');
        if (box && box.querySelectorAll(selector).length <= 1 + box.querySelectorAll(sel).length) back = box.querySelector(sel);
      }
      if (back) { m.back = back.outerHTML.slice(0, 120); m.backHref = back.getAttribute('href'); }
    }
    out.marks.push(m);
  }
  return out;
}

const isShown = (page, id) => page.evaluate((id) => {
  const el = document.getElementById(id);
  if (!el) return { exists: false };
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const visible = (el.checkVisibility ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true) &&
    r.width > 0 && r.height > 0 && cs.visibility !== 'hidden';
  const inView = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return { exists: true, visible, inView, targeted: el.matches(':target'), hash: location.hash };
}, id);

// Any element that looks like an opened note (a popup or a dialog).
const openedPopup = (page) => page.evaluate(() => {
  const cands = document.querySelectorAll('[role="dialog"], [role="tooltip"], dialog[open], [popover], .note-popup, .popup, [aria-expanded="true"]');
  for (const el of cands) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') return el.outerHTML.slice(0, 80);
  }
  return null;
});

async function noteShownAfter(page, m, how) {
  const st = await isShown(page, m.target);
  const popup = await openedPopup(page);
  const jumped = st.hash && decodeURIComponent(st.hash.slice(1)) === m.target;
  if ((jumped && st.visible) || (st.visible && st.inView) || popup) {
    pass(`js on: ${how}`, jumped ? `jumped to #${m.target} (visible, in view: ${st.inView})` :
      popup ? `opened ${popup}` : `note #${m.target} visible in view`);
  } else {
    fail(`js on: ${how}`, `the note #${m.target} did not show: hash ${show(st.hash)}, visible ${st.visible}, in view ${st.inView}, no popup`);
  }
}

if (browser) {
  // ---- 2. scripts on ----
  const ctx = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 1000, height: 700 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  const w = watch(page, 'js on');
  await page.goto(url, { waitUntil: 'load' });
  w.check('load');
  const s = await page.evaluate(survey, MARKS);

  // Internal links: strict.
  if (s.broken.length) fail('links', `${s.broken.length} of ${s.links} internal links point to no id:\n` +
    s.broken.slice(0, 20).map((b) => '       ' + b).join('\n'));
  else pass('links', `all ${s.links} internal links have their target`);
  if (s.emptyFragment) note('links', `${s.emptyFragment} links to "#" or "#top" (the top of the page)`);
  if (s.dupIds.length) fail('ids', `ids used more than once: ${s.dupIds.slice(0, 20).join(', ')}`);
  else pass('ids', 'no id is used twice');

  // Note marks: one per TEI note, labelled as the TEI labels them, linked both ways.
  const marks = s.marks;
  if (teiNotes) {
    if (marks.length !== teiNotes.length) fail('marks', `${marks.length} note marks (${MARKS}), the TEI has ${teiNotes.length} notes`);
    else pass('marks', `${marks.length} note marks for ${teiNotes.length} TEI notes`);
  } else if (marks.length === 0) note('marks', 'no note mark on the page');
  const distinct = new Set(marks.map((m) => m.target));
  if (marks.length && distinct.size !== marks.length) fail('marks', `${marks.length} marks but only ${distinct.size} distinct notes`);
  const noTarget = marks.filter((m) => !m.target);
  if (noTarget.length) fail('marks', `marks that point to no note: ${noTarget.map((m) => m.href).join(' ')}`);
  const noId = marks.filter((m) => !m.id);
  if (noId.length) fail('marks', `${noId.length} marks have no id, so no note can link back to them (${noId.slice(0, 5).map((m) => m.href).join(' ')})`);
  const noLabel = marks.filter((m) => !m.label);
  if (noLabel.length) fail('marks', `${noLabel.length} marks have no text nor aria-label`);
  const notLink = marks.filter((m) => m.tag !== 'a' || !/^#./.test(m.href || ''));
  if (notLink.length) fail('marks', `${notLink.length} marks are not <a href="#..."> links (they must work without JS)`);
  if (teiNotes && marks.length === teiNotes.length) {
    const alnum = (x) => (x || '').replace(/[^\p{L}\p{N}*†‡§]/gu, '');
    const wrong = marks.map((m, i) => [m, teiNotes[i]]).filter(([m, n]) => n !== null && alnum(m.label) !== alnum(n));
    if (wrong.length) fail('marks', `labels differ from the TEI's @n: ${wrong.slice(0, 10).map(([m, n]) => `${show(m.label)} for n=${show(n)}`).join(', ')}`);
    else pass('marks', 'labels follow the TEI (@n)');
  }
  const noBack = marks.filter((m) => m.target && m.id && !m.back);
  if (noBack.length) fail('notes', `${noBack.length} of ${marks.length} notes have no link back to their mark: ` +
    noBack.slice(0, 10).map((m) => `#${m.target} (mark #${m.id})`).join(', '));
  else if (marks.length && !noTarget.length && !noId.length) pass('notes', `every note links back to its mark (e.g. ${marks[0].back})`);

  const first = marks.find((m) => m.target && m.id);
  if (first) {
    // Click the first mark.
    await page.locator(`[id="${first.id}"]`).click();
    await page.waitForTimeout(150);
    await noteShownAfter(page, first, `click on mark #${first.id}`);
    w.check('click on a mark');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    w.check('Escape after the click');

    // Keyboard: reload, Tab to a mark, Enter, Escape.
    await page.goto(url, { waitUntil: 'load' });
    const tabs = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length);
    let reached = null;
    for (let i = 0; i <= tabs + 2 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((sel) => {
        const a = document.activeElement;
        return a && a.matches(sel) && a.id ? a.id : null;
      }, MARKS);
    }
    if (!reached) fail('js on: keyboard', `Tab never reached a note mark (${tabs + 3} presses)`);
    else {
      pass('js on: keyboard', `Tab reaches the mark #${reached}`);
      const m = marks.find((x) => x.id === reached) || first;
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
      await noteShownAfter(page, m, `Enter on mark #${reached}`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(100);
      const popup = await openedPopup(page);
      if (popup) note('js on: Escape', `something still looks open after Escape: ${popup}`);
      w.check('keyboard: Tab, Enter, Escape');
    }
  } else if (marks.length) fail('js on: click', 'no usable note mark to click');

  // ---- 4. axe-core (on a fresh load) ----
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return { version: window.axe.version, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].html.slice(0, 120), target: v.nodes[0] && v.nodes[0].target.join(' ') })) };
  });
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of axe.violations.filter((x) => !bad.includes(x)))
    note('axe', `${v.impact} ${v.id}: ${v.help} (${v.nodes} nodes, e.g. ${v.first})`);
  if (bad.length) fail('axe', `${bad.length} serious/critical violations (axe-core ${axe.version}):\n` +
    bad.map((v) => `       ${v.impact} ${v.id}: ${v.help} — ${v.nodes} nodes, e.g. ${v.target}: ${v.first}`).join('\n'));
  else pass('axe', `no serious or critical violation (axe-core ${axe.version}, ${axe.violations.length} lesser)`);
  w.check('axe run');
  await ctx.close();

  // ---- 3. scripts off: the marks are plain links both ways ----
  const ctx2 = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 700 } });
  const p2 = await ctx2.newPage();
  p2.setDefaultTimeout(15000);
  const w2 = watch(p2, 'js off');
  if (first) {
    await p2.goto(url, { waitUntil: 'load' });
    await p2.locator(`[id="${first.id}"]`).click();
    await p2.waitForTimeout(100);
    let st = await isShown(p2, first.target);
    if (st.targeted && st.visible && st.inView) pass('js off: mark', `the click jumps to the note #${first.target}`);
    else fail('js off: mark', `the click on #${first.id} did not jump to the note #${first.target}: hash ${show(st.hash)}, :target ${st.targeted}, visible ${st.visible}, in view ${st.inView}`);
    if (first.backHref) {
      const back = p2.locator(`[id="${first.target}"] a[href="${first.backHref}"]`).first();
      const backCount = await p2.locator(`[id="${first.target}"] a[href="${first.backHref}"]`).count();
      if (backCount) await back.click();
      else await p2.locator(`a[href="${first.backHref}"]`).first().click();
      await p2.waitForTimeout(100);
      st = await isShown(p2, first.id);
      if (st.targeted && st.inView) pass('js off: back link', `the note's back link jumps to the mark #${first.id}`);
      else fail('js off: back link', `the back link did not jump to the mark #${first.id}: hash ${show(st.hash)}, in view ${st.inView}`);
    }
    w2.check('links without scripts');
  }
  await ctx2.close();
  await browser.close();
}
finish();

function finish() {
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch { /* ignore */ }
  report(`html ${what}`, ` (${secs()})`);
}

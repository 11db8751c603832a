// SPDX-License-Identifier: MIT
// What the client-side test scripts share: a tally of checks that prints
// one line per check, the citation clients (citation.js, citeproc-js) loaded
// with a clear message when tests/js is not installed, and citeproc-js's
// bibliography of CSL-JSON items in the test style.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// t.fail / t.pass / t.note print a line each; t.finish(label, tail) prints
// "label: N passed, M failed" and exits 1 when anything failed.
export function tally() {
  const t = { failures: 0, passes: 0 };
  t.fail = (what, msg) => { t.failures++; console.log(`FAIL ${what}: ${msg}`); };
  t.pass = (what, msg = '') => { t.passes++; console.log(`ok   ${what}${msg ? ': ' + msg : ''}`); };
  t.note = (what, msg) => console.log(`note ${what}: ${msg}`);
  t.finish = (label, tail = '') => {
    console.log(`${label}: ${t.passes} passed, ${t.failures} failed${tail}`);
    process.exit(t.failures ? 1 : 0);
  };
  return t;
}

// { Cite, logger, CSL }, or exit 2 naming the script that needs them.
export async function loadCitationClients(script) {
  try {
    const { Cite, logger } = await import('@citation-js/core');
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-ris');
    await import('@citation-js/plugin-csl');
    return { Cite, logger, CSL: require('citeproc') };
  } catch (e) {
    console.error(`${script}: FAIL: the npm packages of tests/js are not installed (${e.message.split('\n')[0]}).\n` +
      'Run `.ci/setup test` from the repository root (or `npm ci` in tests/js).');
    process.exit(2);
  }
}

// citeproc-js's [meta, entries] for CSL-JSON items, in the test style.
export function citeprocBibliography(CSL, list) {
  const style = fs.readFileSync(path.join(here, '..', 'teiforge-test-author-date.csl'), 'utf8');
  const locales = require('@citation-js/plugin-csl/lib/locales.json');
  const items = Object.fromEntries(list.map((it) => [String(it.id), it]));
  const engine = new CSL.Engine({
    retrieveLocale: (lang) => locales[lang] ?? locales['en-US'],
    retrieveItem: (id) => items[id],
  }, style, 'en-US');
  engine.updateItems(Object.keys(items));
  return engine.makeBibliography();
}

// The text of an HTML fragment: tags dropped, character references and
// the predefined entities resolved.
export function htmlText(h) {
  return h.replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (m, d) => String.fromCodePoint(+d))
    .replace(/&#x([0-9a-f]+);/gi, (m, x) => String.fromCodePoint(parseInt(x, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

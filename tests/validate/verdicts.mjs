// SPDX-License-Identifier: MIT
// verdicts.mjs REPORT.json EXPECTED.tsv CORPUS_DIR — compares the verdict of
// every file of a `teiforge validate --format json` report with the
// corpus's EXPECTED.tsv (jing's verdicts); prints the differences and the
// time, exits 1 if any verdict differs or a file is missing.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [report, expected, corpus] = process.argv.slice(2);
const got = new Map();
for (const f of JSON.parse(readFileSync(report, 'utf8')).files)
  got.set(relative(corpus, f.file), f);
let wrong = 0, n = 0;
for (const line of readFileSync(expected, 'utf8').split('\n')) {
  if (!line || line.startsWith('#') || line.startsWith('file\t')) continue;
  const [file, verdict] = line.split('\t');
  const f = got.get(file);
  n++;
  if (!f) { console.log(`MISSING ${file}`); wrong++; continue; }
  if (f.status !== verdict) {
    wrong++;
    console.log(`MISMATCH ${file}: expected ${verdict}, got ${f.status}`);
    for (const d of f.diagnostics.filter(d => d.severity === 'error').slice(0, 3))
      console.log(`  ${d.line}:${d.column}: ${d.message} [${d.rule}]`);
  }
}
console.log(`${n} files in EXPECTED.tsv, ${got.size} in the report, ${wrong} verdicts differ`);
process.exit(wrong ? 1 : 0);

// SPDX-License-Identifier: MIT
// check-sarif.mjs SCHEMA.json REPORT.sarif — validates a SARIF report against
// the JSON-schema subset in SCHEMA.json (type, required, properties, items,
// enum, minimum, anyOf, $ref, format uri-reference); prints each violation
// with its JSON pointer and exits 1 if there is any.
import { readFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const doc = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const errors = [];
const typeOf = v => Array.isArray(v) ? 'array' : v === null ? 'null' :
  Number.isInteger(v) ? 'integer' : typeof v;

function check(s, v, at, out) {
  if (s.$ref) s = s.$ref.split('/').slice(1).reduce((o, k) => o[k], schema);
  if (s.type && !(typeOf(v) === s.type || (s.type === 'number' && typeof v === 'number')))
    return out.push(`${at}: expected ${s.type}, got ${typeOf(v)}`);
  if (s.enum && !s.enum.includes(v)) out.push(`${at}: ${JSON.stringify(v)} not in ${s.enum}`);
  if (s.minimum !== undefined && v < s.minimum) out.push(`${at}: ${v} < ${s.minimum}`);
  if (s.format === 'uri-reference' && /[\s<>"{}|\\^`]/.test(v)) out.push(`${at}: not a URI reference`);
  for (const r of s.required || []) if (!(r in v)) out.push(`${at}: missing ${r}`);
  for (const [k, sub] of Object.entries(s.properties || {}))
    if (v && k in v) check(sub, v[k], `${at}/${k}`, out);
  if (s.items && Array.isArray(v)) v.forEach((x, i) => check(s.items, x, `${at}/${i}`, out));
  if (s.anyOf && !s.anyOf.some(alt => { const e = []; check(alt, v, at, e); return !e.length; }))
    out.push(`${at}: matches none of anyOf`);
}
check(schema, doc, '', errors);
const n = doc.runs.reduce((a, r) => a + (r.results || []).length, 0);
for (const e of errors.slice(0, 20)) console.log(e);
console.log(`SARIF ${doc.version}: ${n} results, ${errors.length} schema violations`);
process.exit(errors.length ? 1 : 0);

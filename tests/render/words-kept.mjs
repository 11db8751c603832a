#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node words-kept.mjs FILE.xml OUT...  — every word (run of letters
// and digits) of the TEI's <text> (or of the root element when there is
// none) is in each OUT.  Tags join what they separate (an entity may cover
// part of a word) except notes, which renderings move away from their
// word, and line/page breaks, which separate words unless break="no".
// LaTeX escapes are undone first.  Prints the lost words; exit 1 if any.
import fs from 'node:fs';
const [xml, ...outs] = process.argv.slice(2);
const src = fs.readFileSync(xml, 'utf8');
const m = src.match(/<text[\s>][\s\S]*<\/text>/);
// Elements that run inside a line (common/structure.xsl, tf-inline): their
// tags join what they separate; any other tag separates words.  Of a
// <choice>, the reading the stylesheets show (corr, reg, expan, seg, else
// the first) counts; the other one is an alternative (a tooltip in html).
const INLINE = new Set(`abbr add addName affiliation am anchor author bibl biblScope c choice corr date
 del distinct editor email emph ex expan foreign forename fw g gap genName geogName
 gloss hi idno lang lb measure mentioned milestone name nameLink note num orgName orig
 pb cb pc persName placeName ptr pubPlace publisher q quote ref reg roleName rs said
 seg sic soCalled space subst supplied surname term time title unclear w index
 app lem rdg damage surplus restore handShift s phr cl secl`.split(/\s+/));
const body = (m ? m[0] : src.replace(/<teiHeader[\s>][\s\S]*?<\/teiHeader>/, ''))
  .replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '')
  .replace(/<choice\b[^>]*>((?:(?!<\/?choice\b)[\s\S])*)<\/choice>/g, (all, inner) => {
    const pick = inner.match(/<(corr|reg|expan|seg)\b[^>]*>([\s\S]*?)<\/\1>/) || inner.match(/<([\w:]+)\b[^>]*>([\s\S]*?)<\/\1>/);
    return pick ? pick[2] : inner;
  })
  .replace(/<(lb|pb|cb|milestone)\b[^>]*break="no"[^>]*\/>/g, '')
  .replace(/<(gap|space|anchor)\b[^>]*\/>/g, ' ')
  .replace(/<\/?(note|lb|pb|cb|milestone)\b[^>]*>/g, ' ')
  .replace(/<\/?([\w:]+)\b[^>]*>/g, (t, name) => (INLINE.has(name.replace(/^.*:/, '')) ? '' : ' '))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d)).replace(/&amp;/g, '&');
const words = (s) => new Set(s.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) || []);
const want = words(body);
let bad = 0;
for (const out of outs) {
  let t = fs.readFileSync(out, 'utf8');
  if (out.endsWith('.latex') || out.endsWith('.tex')) {
    // commands that start something (a note, a paragraph, a margin number)
    // separate words; the others (\textit, \protect…) join what they touch
    t = t.replace(/\\label\{[^}]*\}/g, '').replace(/\\tfpb\{[^}]*\}/g, ' ')
      .replace(/\\(footnote|par|item|noindent|section|subsection|subsubsection|paragraph|subparagraph|begin|end|textbar|quad|medskip|bigskip|smallskip)\b\*?(\[[^\]]*\])?/g, ' ')
      .replace(/\\[a-zA-Z]+\*?(\[[^\]]*\])?/g, '').replace(/[{}]/g, '');
  } else {
    // inline elements join, the others separate; note marks go
    t = t.replace(/<sup class="nr">.*?<\/sup>/g, ' ')
      .replace(/<\/?(span|a|i|b|em|strong|sup|sub|cite|time|del|ins|abbr|q|small|u|s|mark|bdi|bdo|code|var|kbd|samp|data|dfn)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
  }
  const got = words(t);
  const lost = [...want].filter((w) => !got.has(w));
  if (lost.length) { bad++; console.log(`${out}: ${lost.length} of ${want.size} words lost: ${lost.slice(0, 15).join(' ')}`); }
}
process.exit(bad ? 1 : 0);

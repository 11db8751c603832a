#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// usage: node words-kept.mjs FILE.xml OUT...  — every word (run of letters
// and digits) of the TEI's <text> (or of the root element when there is
// none) is in each OUT.  Words are built the way the text reads:
//  - tags of phrase-level elements (INLINE below: <hi>, <ex>, <supplied>,
//    <choice>…) join what they separate, since they may cover part of a
//    word (a superscript ending, an expansion, a restored letter); so do
//    <space/> (a blank on the stone or page, inside a word as often as
//    between words: the source's own whitespace decides) and <anchor/>;
//  - any other tag separates words, as do notes, which renderings move
//    away from their word, <gap/> (rendered "[…]") and line, column and
//    page breaks;
//  - a break with break="no" is inside a word: it joins, and so does the
//    whitespace around it (the indentation of the next source line);
//  - of a <choice>, the reading the stylesheets show counts, chosen as
//    common/structure.xsl's key tf-choice-shown does: the first corr, reg
//    or expan, else the first child; the other readings (sic, orig,
//    abbr…) are alternatives (a tooltip in html) and are not asked for;
//  - text in attributes is not text (an html tooltip does not count).
// LaTeX escapes are undone first.  Prints the lost words and exits 1 if
// any, else prints the number of distinct words checked.
import fs from 'node:fs';
const [xml, ...outs] = process.argv.slice(2);
const src = fs.readFileSync(xml, 'utf8');
const m = src.match(/<text[\s>][\s\S]*<\/text>/);
// Elements that run inside a line (common/structure.xsl, tf-inline): their
// tags join what they separate; any other tag separates words.
const INLINE = new Set(`abbr add addName affiliation am anchor author bibl biblScope c choice corr date
 del distinct editor email emph ex expan foreign forename fw g gap genName geogName
 gloss hi idno lang lb measure mentioned milestone name nameLink note num orgName orig
 pb cb pc persName placeName ptr pubPlace publisher q quote ref reg roleName rs said
 seg sic soCalled space subst supplied surname term time title unclear w index
 app lem rdg damage surplus restore handShift s phr cl secl`.split(/\s+/));
// The shown reading of each innermost <choice>, repeated for nested ones.
const CHOICE = /<choice\b[^>]*>((?:(?!<\/?choice\b)[\s\S])*)<\/choice>/g;
const shown = (all, inner) => {
  const pick = inner.match(/<(corr|reg|expan)\b[^>]*>([\s\S]*?)<\/\1>/) || inner.match(/<([\w:]+)\b[^>]*>([\s\S]*?)<\/\1>/);
  return pick ? pick[2] : inner;
};
let body = (m ? m[0] : src.replace(/<teiHeader[\s>][\s\S]*?<\/teiHeader>/, ''))
  .replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
for (let prev = null; prev !== body;) { prev = body; body = body.replace(CHOICE, shown); }
body = body
  .replace(/\s*<(lb|pb|cb|milestone)\b[^>]*break="no"[^>]*\/>\s*/g, '')
  .replace(/<gap\b[^>]*\/>/g, ' ')
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
// on success, the number of distinct words checked (corpus.sh adds them up)
if (!bad) console.log(want.size);
process.exit(bad ? 1 : 0);

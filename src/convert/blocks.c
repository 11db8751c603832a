/* SPDX-License-Identifier: MIT */
/*
 * blocks.c — second stage of the converter: groups the layout events into
 * blocks — paragraphs, headings and printed keyword lists — with the
 * reference marks and page starts that fall inside them.
 *
 * A paragraph ends at a whitespace-only line, or at a line that ends a
 * sentence well short of the full line width (unless a reference mark
 * follows: then what comes after the mark decides).  A heading is a short
 * line that ends no sentence and stands at the start of a block, followed
 * by a paragraph end, a new page or a capitalised line; or a block of at
 * most three such lines.  A line that starts with a keyword label of any
 * lexicon ("Keywords:", "Ключевые слова:") opens a keyword list.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include "blocks.h"

static int add_seg(tf_block *bk, tf_seg_kind kind, int n)
{
	tf_seg *p = tf_array__reserve(bk->segs, bk->nsegs, &bk->segs_cap, sizeof *p, 8);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	bk->segs = p;
	bk->segs[bk->nsegs].kind = kind;
	bk->segs[bk->nsegs].off = bk->text.len;
	bk->segs[bk->nsegs].n = n;
	bk->nsegs++;
	return 0;
}

static tf_block *new_block(tf_blocks *bs, tf_block_kind kind, long lineno)
{
	tf_block *bk;
	tf_block *p = tf_array__reserve(bs->v, bs->n, &bs->cap, sizeof *p, 64);
	if (!p)
		return NULL;
	bs->v = p;
	bk = &bs->v[bs->n++];
	memset(bk, 0, sizeof *bk);
	bk->kind = kind;
	bk->lineno = lineno;
	return bk;
}

/* Last character of s, skipping closing quotes and brackets. */
static uint32_t last_char(const char *s)
{
	size_t n = strlen(s);
	uint32_t cp = 0;

	while (n > 0) {
		size_t start = n - 1;
		while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
			start--;
		if (!tf_utf8__decode(s + start, n - start, &cp))
			return 0;
		if (cp != 0x201D && cp != 0x00BB && cp != '"' && cp != ')' && cp != 0x2019 &&
		    cp != ' ')
			return cp;
		n = start;
	}
	return 0;
}

static int sentence_final(const char *s)
{
	uint32_t c = last_char(s);
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static int ends_clause(const char *s)
{
	uint32_t c = last_char(s);
	return sentence_final(s) || c == ',' || c == ';' || c == ':';
}

/* Does a heading candidate end a clause?  A final abbreviation ("в 1918
 * г.", "1905–1914 гг.") ends none. */
static int head_ends_clause(const char *s, const tf_lexicons *lx)
{
	size_t n = strlen(s), start, i;
	char word[32];

	if (!ends_clause(s))
		return 0;
	/* (closing brackets and quotes after it: "(1917–1919 гг.)") */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')' || s[n - 1] == '"'))
		n--;
	while (n >= 2 && ((unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB))
		n -= 2; /* » */
	while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	       ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
		n -= 3; /* ” ’ */
	if (n == 0 || s[n - 1] != '.')
		return 1;
	start = n - 1;
	while (start > 0 && s[start - 1] != ' ')
		start--;
	if (n - start >= sizeof word)
		return 1;
	memcpy(word, s + start, n - start);
	word[n - start] = '\0';
	for (i = 0; i < tf_lexicons__count(lx); i++) {
		char *f = tf_text__fold(word, tf_lexicon__lang(tf_lexicons__get(lx, i)));
		int abbr = f && tf_lexicon__has(tf_lexicons__get(lx, i), "abbreviations", f);
		free(f);
		if (abbr)
			return 0;
	}
	return 1;
}

static uint32_t first_char(const char *s)
{
	uint32_t cp = 0;

	if (!tf_utf8__decode(s, strlen(s), &cp))
		return 0;
	return cp;
}

/* Punctuation that glues to the preceding word. */
static int starts_with_closing(const char *s)
{
	uint32_t c = first_char(s);
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
	       c == 0x201D || c == 0x00BB;
}

static int only_punct(const char *s)
{
	size_t i = 0, n = strlen(s), k;
	uint32_t cp;

	while (i < n) {
		k = tf_utf8__decode(s + i, n - i, &cp);
		if (!k || u_isalnum((UChar32)cp))
			return 0;
		i += k;
	}
	return 1;
}

static size_t count_words(const char *s)
{
	size_t w = 0;
	int in = 0;

	for (; *s; s++) {
		int sp = *s == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static int is_short(const tf_layout *l, const tf_ev *ev)
{
	return ev->chars * 4 < l->typical * 3;
}

/* A keyword label of any lexicon at the start of the line. */
static size_t keyword_label(const tf_lexicons *lx, const char *line)
{
	size_t i, k;

	for (i = 0; i < tf_lexicons__count(lx); i++) {
		k = tf_lexicon__prefix(tf_lexicons__get(lx, i), "keyword-labels", line);
		if (k)
			return k;
	}
	return 0;
}

/* Is the line at index i a heading standing at a block start? */
/* First letter of a line, past opening quotation marks: “Həyat” … */
static uint32_t first_letter(const char *s)
{
	uint32_t c = first_char(s);

	while (c == 0x201C || c == 0x00AB || c == '"' || c == 0x201E || c == '(') {
		size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		s += k;
		c = first_char(s);
	}
	return c;
}

static int upper_start(const char *s)
{
	uint32_t c = first_letter(s);
	return u_isupper((UChar32)c) || u_istitle((UChar32)c);
}

/* The first text line after event i, or NULL. */
static const tf_ev *next_line(const tf_layout *l, size_t i)
{
	for (i++; i < l->nev; i++)
		if (l->ev[i].kind == TF_EV_LINE)
			return &l->ev[i];
	return NULL;
}

static int heading_line(const tf_layout *l, size_t i, const tf_lexicons *lx)
{
	const tf_ev *ev = &l->ev[i], *next = i + 1 < l->nev ? &l->ev[i + 1] : NULL;
	uint32_t c = first_letter(ev->text);

	if (!is_short(l, ev) || head_ends_clause(ev->text, lx) || count_words(ev->text) > 15)
		return 0;
	if (!(u_isupper((UChar32)c) || u_istitle((UChar32)c) || u_isdigit((UChar32)c)))
		return 0;
	if (!next || next->kind == TF_EV_PARA_END)
		return 1;
	if (next->kind == TF_EV_PAGE) {
		/* at a page's foot: a heading only if the next page does not go
		 * on with the sentence */
		const tf_ev *after = next_line(l, i + 1);
		return !after || upper_start(after->text);
	}
	if (next->kind == TF_EV_LINE)
		return upper_start(next->text);
	return 0;
}

/* A heading's second line: short, ending no clause, then the block ends. */
static int heading_continues(const tf_layout *l, size_t i)
{
	const tf_ev *ev = i < l->nev ? &l->ev[i] : NULL, *after;

	if (!ev || ev->kind != TF_EV_LINE || ends_clause(ev->text) || count_words(ev->text) > 15)
		return 0;
	after = i + 1 < l->nev ? &l->ev[i + 1] : NULL;
	return !after || after->kind == TF_EV_PARA_END || after->kind == TF_EV_PAGE;
}

static void close_block(tf_block *bk, const tf_layout *l, const tf_lexicons *lx)
{
	if (!bk || bk->closed)
		return;
	bk->closed = 1;
	/* a short block of lines that ends no sentence is a heading */
	if (bk->kind == TF_BLOCK_PARA && bk->nlines <= 3 && bk->nsegs == 0 &&
	    !head_ends_clause(bk->text.data ? bk->text.data : "", lx) && bk->text.len > 0 &&
	    tf_layout__chars(bk->text.data, bk->text.len) < 2 * l->typical &&
	    count_words(bk->text.data) <= 25) {
		uint32_t c = first_char(bk->text.data);
		if (u_isupper((UChar32)c) || u_istitle((UChar32)c))
			bk->kind = TF_BLOCK_HEAD;
	}
}

/* Appends a line to the block, placing pending page starts at the point
 * where the new page's text begins. */
static int append_line(tf_block *bk, const tf_ev *ev, int *pending, size_t *npending)
{
	size_t i;

	if (bk->text.len > 0 && !bk->last_hyphen && !starts_with_closing(ev->text))
		tf_buf__putc(&bk->text, ' ');
	for (i = 0; i < *npending; i++)
		if (add_seg(bk, TF_SEG_PAGE, pending[i]) < 0)
			return TF_ENOMEM;
	*npending = 0;
	tf_buf__puts(&bk->text, ev->text);
	bk->last_hyphen = ev->hyphen_end;
	bk->nlines++;
	return bk->text.failed ? tf_error__set(TF_ENOMEM, "out of memory") : 0;
}

int tf_blocks__build(tf_blocks *out, const tf_layout *l, const tf_lexicons *lx)
{
	tf_block *cur = NULL;
	int pending[64];
	size_t npending = 0, i;
	int page_seen_in_block = 0;

	memset(out, 0, sizeof *out);
	for (i = 0; i < l->nev; i++) {
		const tf_ev *ev = &l->ev[i];
		const tf_ev *next = i + 1 < l->nev ? &l->ev[i + 1] : NULL;

		switch (ev->kind) {
		case TF_EV_PAGE:
			if (npending < sizeof pending / sizeof pending[0])
				pending[npending++] = ev->n;
			page_seen_in_block = 1;
			break;
		case TF_EV_PARA_END:
			/* "edir" / " " / "." : a stray blank before a lone full stop */
			if (next && next->kind == TF_EV_LINE && only_punct(next->text))
				break;
			close_block(cur, l, lx);
			break;
		case TF_EV_MARK:
			if (!cur) {
				cur = new_block(out, TF_BLOCK_PARA, ev->lineno);
				if (!cur)
					return tf_error__set(TF_ENOMEM, "out of memory");
			}
			if (add_seg(cur, TF_SEG_MARK, ev->n) < 0)
				return TF_ENOMEM;
			break;
		case TF_EV_LINE: {
			size_t kw = keyword_label(lx, ev->text);
			int starts;
			if (!cur || cur->closed || kw || cur->kind == TF_BLOCK_HEAD)
				starts = 1;
			else if (cur->kind == TF_BLOCK_KEYWORDS)
				starts = page_seen_in_block; /* a keyword list ends with its page */
			else /* a heading after a finished sentence starts anew; the
			      * line after a reference mark is the rest of its line */
				starts = sentence_final(cur->text.data ? cur->text.data : "") &&
					 !(i > 0 && l->ev[i - 1].kind == TF_EV_MARK) &&
					 heading_line(l, i, lx);
			if (starts) {
				close_block(cur, l, lx);
				cur = new_block(out, kw ? TF_BLOCK_KEYWORDS : TF_BLOCK_PARA,
						ev->lineno);
				if (!cur)
					return tf_error__set(TF_ENOMEM, "out of memory");
				/* pages that began before this block stand before it */
				memcpy(cur->pages_before, pending, npending * sizeof *pending);
				cur->npages_before = npending;
				npending = 0;
				cur->label_len = kw;
				if (!kw && heading_line(l, i, lx)) {
					cur->kind = TF_BLOCK_HEAD;
					append_line(cur, ev, pending, &npending);
					/* a heading printed on two lines */
					if (heading_continues(l, i + 1) && upper_start(ev->text)) {
						i++;
						append_line(cur, &l->ev[i], pending, &npending);
					}
					cur->closed = 1;
					page_seen_in_block = 0;
					break;
				}
			}
			page_seen_in_block = 0;
			if (append_line(cur, ev, pending, &npending) < 0)
				return TF_ENOMEM;
			if (cur->kind == TF_BLOCK_PARA && is_short(l, ev) &&
			    sentence_final(ev->text) && !(next && next->kind == TF_EV_MARK))
				close_block(cur, l, lx);
			break;
		}
		}
	}
	close_block(cur, l, lx);
	/* pages after the last block (an empty last page) are dropped */
	return 0;
}

void tf_blocks__free(tf_blocks *bs)
{
	size_t i;

	for (i = 0; i < bs->n; i++) {
		tf_buf__free(&bs->v[i].text);
		free(bs->v[i].segs);
	}
	free(bs->v);
	memset(bs, 0, sizeof *bs);
}

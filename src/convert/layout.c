/* SPDX-License-Identifier: MIT */
/*
 * layout.c — first stage of the converter: recovers the page layout from
 * PDF-extracted text.  It turns the raw lines into a stream of events
 * (running-text lines, footnote reference marks, paragraph ends, page
 * starts) and collects the footnotes printed at each page's foot.
 *
 * The extraction conventions it understands:
 *   - double spacing: every text line followed by an empty line, so two
 *     adjacent non-empty lines mean something (a page boundary, a mark);
 *   - a whitespace-only line ends a paragraph;
 *   - a reference mark stands alone on its line right after its word;
 *   - a line of spaces (or underscores) opens the page's footnote block;
 *     footnotes start with their number, other lines continue the last
 *     note (also across a page);
 *   - a page starts with a line indented by a space (unless it follows a
 *     reference mark: then the space only separates the mark from the
 *     next word); a form feed also starts one;
 *   - U+00AD soft hyphens are removed; a line ending in a hyphen glued to
 *     its word is joined to the next line without a space.
 */
#include <stdlib.h>
#include <string.h>
#include "convert_internal.h"

typedef enum { PREV_NONE, PREV_LINE, PREV_MARK, PREV_WS, PREV_FOOT } prev_kind;

typedef struct {
	tf_layout *l;
	tf_diag_list *diags;
	const char *name;
	int last_mark; /* highest mark number seen in the text */
	int last_note; /* highest footnote number seen at page feet */
	int in_footnotes;
	int page;
	prev_kind prev;
	int prev_adjacent; /* the previous raw line was not empty */
	int need_page; /* a form feed was seen: next line starts a page */
} reader;

size_t tf_layout__chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int push_ev(tf_layout *l, tf_ev ev)
{
	tf_ev *p = tf_array__reserve(l->ev, l->nev, &l->cap, sizeof *p, 256);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	l->ev = p;
	l->ev[l->nev++] = ev;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v';
}

/* Copies s[0..n) without U+00AD and without surrounding white space. */
static char *clean_line(const char *s, size_t n, size_t *out_len)
{
	char *out = malloc(n + 1);
	size_t i, k = 0;

	if (!out)
		return NULL;
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
			i++;
			continue;
		}
		out[k++] = s[i];
	}
	out[k] = '\0';
	*out_len = k;
	return out;
}

static int only_spaces(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space(s[i]))
			return 0;
	return 1;
}

/* A footnote separator: a long run of spaces, or of '_' / '-' / '—'. */
static int is_separator(const char *s, size_t n)
{
	size_t i, spaces = 0, rule = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			spaces++;
		else if (s[i] == '_' || s[i] == '-')
			rule++;
		else
			return 0;
	}
	return spaces >= 20 || rule >= 10;
}

/* A number alone on its line, within a few of the expected next one. */
static int mark_number(const char *s, size_t n, int last)
{
	size_t i = 0;
	int v = 0, digits = 0;

	while (i < n && is_space(s[i]))
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 4) {
		v = v * 10 + (s[i] - '0');
		digits++;
		i++;
	}
	while (i < n && is_space(s[i]))
		i++;
	if (digits == 0 || digits > 3 || i != n)
		return 0;
	return (v > last && v <= last + 3) ? v : 0;
}

/* "12 Text…": the number of a footnote starting on this line, or 0. */
static int note_start(const char *s, size_t n, int last, size_t *body)
{
	size_t i = 0;
	int v = 0, digits = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 4) {
		v = v * 10 + (s[i] - '0');
		digits++;
		i++;
	}
	if (digits == 0 || digits > 3 || i >= n || !(is_space(s[i]) || s[i] == '.' || s[i] == ')'))
		return 0;
	if (!(v > last && v <= last + 3))
		return 0;
	while (i < n && (is_space(s[i]) || s[i] == '.' || s[i] == ')'))
		i++;
	*body = i;
	return v;
}

int tf_layout__join(tf_buf *b, const char *line, int prev_hyphen_end)
{
	if (b->len > 0 && !prev_hyphen_end)
		tf_buf__putc(b, ' ');
	return tf_buf__puts(b, line);
}

static int ends_with_glued_hyphen(const char *s, size_t n)
{
	/* "nöqteyi-" or "1920-", not "word -" */
	return n >= 2 && s[n - 1] == '-' && !is_space(s[n - 2]) && s[n - 2] != '-';
}

static int add_note(reader *r, int num, const char *text, long lineno)
{
	tf_layout *l = r->l;
	tf_footnote *f;
	tf_footnote *p = tf_array__reserve(l->notes, l->nnotes, &l->notes_cap, sizeof *p, 32);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	l->notes = p;
	f = &l->notes[l->nnotes];
	memset(f, 0, sizeof *f);
	f->n = num;
	f->lineno = lineno;
	f->page = r->page;
	f->text = strdup(text);
	if (!f->text)
		return tf_error__set(TF_ENOMEM, "out of memory");
	l->nnotes++;
	r->last_note = num;
	return 0;
}

/* A footnote-block line: a new note or the continuation of the last. */
static int footnote_line(reader *r, const char *raw, size_t n, long lineno)
{
	size_t body = 0, clen;
	int num = note_start(raw, n, r->last_note, &body);
	char *line;
	int rc = 0;

	line = clean_line(raw + body, n - body, &clen);
	if (!line)
		return tf_error__set(TF_ENOMEM, "out of memory");
	if (num) {
		rc = add_note(r, num, line, lineno);
	} else if (r->l->nnotes > 0) {
		tf_footnote *f = &r->l->notes[r->l->nnotes - 1];
		tf_buf b = TF_BUF_INIT;
		size_t flen = strlen(f->text);
		int hyph = ends_with_glued_hyphen(f->text, flen);

		tf_buf__puts(&b, f->text);
		if (hyph) { /* where the hyphen is, to be judged at the end */
			size_t *j = realloc(f->joins, (f->njoins + 1) * sizeof *j);
			if (j) {
				f->joins = j;
				f->joins[f->njoins++] = flen - 1;
			}
		}
		tf_layout__join(&b, line, hyph);
		free(f->text);
		f->text = tf_buf__detach(&b);
		if (!f->text)
			rc = tf_error__set(TF_ENOMEM, "out of memory");
	} else {
		tf_diag_list_add(
		    r->diags, TF_SEV_WARNING, r->name, lineno, 1, NULL, "layout",
		    "text in a footnote block before any numbered note; kept as a note");
		rc = add_note(r, r->last_note + 1, line, lineno);
	}
	free(line);
	return rc;
}

static int start_page(reader *r, long lineno)
{
	tf_ev ev = {TF_EV_PAGE, NULL, 0, 0, 0, lineno};

	ev.n = ++r->page;
	r->in_footnotes = 0;
	r->need_page = 0;
	return push_ev(r->l, ev);
}

static int body_line(reader *r, const char *raw, size_t n, long lineno)
{
	tf_ev ev = {TF_EV_LINE, NULL, 0, 0, 0, lineno};
	size_t clen;
	int num, indented = n > 0 && is_space(raw[0]);

	if (only_spaces(raw, n)) {
		ev.kind = TF_EV_PARA_END;
		r->prev = PREV_WS;
		return push_ev(r->l, ev);
	}
	num = mark_number(raw, n, r->last_mark);
	if (num) {
		ev.kind = TF_EV_MARK;
		ev.n = num;
		r->last_mark = num;
		r->prev = PREV_MARK;
		return push_ev(r->l, ev);
	}
	/* An indented line opens the next page; after a mark the space only
	 * continues the sentence. */
	if (r->need_page || r->page == 0 ||
	    (r->l->double_spaced && indented && r->prev != PREV_MARK)) {
		if (start_page(r, lineno) < 0)
			return TF_ENOMEM;
	}
	ev.text = clean_line(raw, n, &clen);
	if (!ev.text)
		return tf_error__set(TF_ENOMEM, "out of memory");
	ev.chars = tf_layout__chars(ev.text, clen);
	ev.hyphen_end = ends_with_glued_hyphen(ev.text, clen);
	r->prev = PREV_LINE;
	return push_ev(r->l, ev);
}

static int one_line(reader *r, const char *s, size_t n, long lineno)
{
	int rc = 0;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0) {
		/* single-spaced text: an empty line ends a paragraph */
		if (!r->l->double_spaced && !r->in_footnotes && r->prev_adjacent &&
		    r->prev != PREV_NONE) {
			tf_ev ev = {TF_EV_PARA_END, NULL, 0, 0, 0, lineno};
			rc = push_ev(r->l, ev);
		}
		r->prev_adjacent = 0;
		return rc;
	}
	if (is_separator(s, n) && r->page > 0) {
		r->in_footnotes = 1;
		r->prev = PREV_FOOT;
	} else if (r->in_footnotes && !is_space(s[0]) && !r->need_page) {
		rc = footnote_line(r, s, n, lineno);
		r->prev = PREV_FOOT;
	} else {
		rc = body_line(r, s, n, lineno);
	}
	r->prev_adjacent = 1;
	return rc;
}

/* Double spacing: most non-empty lines are followed by an empty one. */
static int detect_double_spacing(const char *text, size_t len)
{
	size_t i, start = 0, nonempty = 0, followed = 0;
	int prev_nonempty = 0;

	for (i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			int empty = i == start || (i == start + 1 && text[start] == '\r');
			if (empty && prev_nonempty)
				followed++;
			if (!empty)
				nonempty++;
			prev_nonempty = !empty;
			start = i + 1;
		}
	}
	return nonempty > 0 && followed * 10 >= nonempty * 4;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static void typical_length(tf_layout *l)
{
	size_t i, n = 0, *v = malloc((l->nev + 1) * sizeof *v);

	l->typical = 80;
	if (!v)
		return;
	for (i = 0; i < l->nev; i++)
		if (l->ev[i].kind == TF_EV_LINE && l->ev[i].chars >= 20)
			v[n++] = l->ev[i].chars;
	if (n >= 3) {
		qsort(v, n, sizeof *v, cmp_size);
		l->typical = v[(n * 3) / 4];
	}
	free(v);
}

/* ---- line-end hyphens ----
 * A hyphen at a line end either belongs to the word (1920-ci,
 * nöqteyi-nəzərindən, социал-демократы, pre-war) or only splits it
 * (redaktor-luğu, коллек-тивного, adminis-tration: ENCODING's soft
 * hyphen, removed).  The text itself tells them apart: a word split only
 * by the line end is written whole elsewhere in it, mostly with another
 * ending (redaktorları, коллективном), while a compound's halves are never
 * run together.  So the hyphen goes where the joined word's beginning (the
 * left half and two letters of the right: redaktor-luğu, redaktorluq)
 * starts a word elsewhere
 * and the hyphenated form does not; a number before it, a capital after it
 * or a doubled word (ayrı-ayrı) keeps it. */

/* Is there a word in doc (folded) that begins with p? */
static int word_starts(const char *doc, const char *p)
{
	const char *h = doc;
	size_t n = strlen(p);

	if (!n)
		return 0;
	while ((h = strstr(h, p)) != NULL) {
		if (h == doc) {
			return 1;
		} else {
			const char *q = h - 1;
			uint32_t cp = 0;
			while (q > doc && ((unsigned char)*q & 0xC0) == 0x80)
				q--;
			if (!tf_utf8__decode(q, (size_t)(h - q), &cp) ||
			    !(u_isalnum((UChar32)cp) || cp == '-'))
				return 1;
		}
		h += n;
	}
	return 0;
}

/* The letters of s[0..n) that end it (before the hyphen), as a new
 * string; empty if a digit or nothing stands there. */
static char *left_word(const char *s, size_t n)
{
	size_t k = n;

	while (k > 0) {
		size_t st = k - 1;
		uint32_t cp = 0;
		while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80)
			st--;
		if (!tf_utf8__decode(s + st, k - st, &cp) || !u_isalpha((UChar32)cp))
			break;
		k = st;
	}
	if (k > 0 && k < n) { /* 1920-: a number's ending is no word */
		size_t st = k - 1;
		uint32_t cp = 0;
		while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80)
			st--;
		if (tf_utf8__decode(s + st, k - st, &cp) && u_isdigit((UChar32)cp))
			return strdup("");
	}
	return strndup(s + k, n - k);
}

/* The letters that begin s, as a new string; up to max letters. */
static char *right_word(const char *s, size_t max, size_t *letters)
{
	size_t k = 0, n = strlen(s), c = 0;

	while (k < n && c < max) {
		uint32_t cp = 0;
		size_t w = tf_utf8__decode(s + k, n - k, &cp);
		if (!w || !u_isalpha((UChar32)cp))
			break;
		k += w;
		c++;
	}
	if (letters)
		*letters = c;
	return strndup(s, k);
}

/* Does the hyphen between left (the text before it) and right (the text
 * after it) only split a word? doc is the folded text. */
static int soft_hyphen(const char *doc, const char *left, size_t nleft, const char *right)
{
	char *l = left_word(left, nleft), *r = NULL, *r3 = NULL, *fl = NULL, *fr = NULL,
	     *fr3 = NULL, *probe = NULL;
	uint32_t c0 = 0;
	size_t nr = 0;
	int soft = 0;

	if (!l || !*l || !tf_utf8__decode(right, strlen(right), &c0) || !u_islower((UChar32)c0))
		goto out;
	r = right_word(right, (size_t)-1, &nr);
	r3 = right_word(right, 2, NULL);
	fl = r ? tf_text__fold(l, NULL) : NULL;
	fr = fl ? tf_text__fold(r, NULL) : NULL;
	fr3 = fr ? tf_text__fold(r3, NULL) : NULL;
	if (!fr3 || !*fr || !strcmp(fl, fr))
		goto out;
	probe = malloc(strlen(fl) + strlen(fr) + 2);
	if (!probe)
		goto out;
	sprintf(probe, "%s-%s", fl, fr);
	if (word_starts(doc, probe))
		goto out; /* written so elsewhere: the hyphen belongs */
	sprintf(probe, "%s%s", fl, fr3);
	soft = word_starts(doc, probe);
out:
	free(l);
	free(r);
	free(r3);
	free(fl);
	free(fr);
	free(fr3);
	free(probe);
	return soft;
}

static int dehyphenate(tf_layout *l)
{
	tf_buf all = TF_BUF_INIT;
	char *doc;
	size_t i, k;
	int any = 0;

	for (i = 0; i < l->nev && !any; i++)
		any = l->ev[i].kind == TF_EV_LINE && l->ev[i].hyphen_end;
	for (i = 0; i < l->nnotes && !any; i++)
		any = l->notes[i].njoins > 0;
	if (!any)
		return 0; /* no hyphen at a line end */
	for (i = 0; i < l->nev; i++)
		if (l->ev[i].kind == TF_EV_LINE && l->ev[i].text) {
			tf_buf__puts(&all, l->ev[i].text);
			tf_buf__putc(&all, '\n');
		}
	for (i = 0; i < l->nnotes; i++) {
		/* (split where its lines were joined, as they were printed) */
		const tf_footnote *f = &l->notes[i];
		size_t from = 0, len = strlen(f->text);
		for (k = 0; k < f->njoins; k++)
			if (f->joins[k] < len && f->joins[k] >= from) {
				tf_buf__append(&all, f->text + from, f->joins[k] + 1 - from);
				tf_buf__putc(&all, '\n');
				from = f->joins[k] + 1;
			}
		tf_buf__puts(&all, f->text + from);
		tf_buf__putc(&all, '\n');
	}
	if (all.failed) {
		tf_buf__free(&all);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	doc = all.len ? tf_text__fold(all.data, NULL) : NULL;
	tf_buf__free(&all);
	if (!doc)
		return 0; /* nothing to judge by: hyphens kept */
	for (i = 0; i < l->nev; i++) {
		tf_ev *ev = &l->ev[i];
		size_t n;
		if (ev->kind != TF_EV_LINE || !ev->hyphen_end || !ev->text)
			continue;
		for (k = i + 1;
		     k < l->nev && (l->ev[k].kind == TF_EV_PAGE || l->ev[k].kind == TF_EV_MARK);
		     k++)
			;
		if (k >= l->nev || l->ev[k].kind != TF_EV_LINE || !l->ev[k].text)
			continue;
		n = strlen(ev->text);
		if (n > 0 && soft_hyphen(doc, ev->text, n - 1, l->ev[k].text)) {
			ev->text[n - 1] = '\0';
			ev->chars--;
		}
	}
	for (i = 0; i < l->nnotes; i++) {
		tf_footnote *f = &l->notes[i];
		for (k = f->njoins; k-- > 0;) {
			size_t at = f->joins[k];
			if (at < strlen(f->text) && f->text[at] == '-' &&
			    soft_hyphen(doc, f->text, at, f->text + at + 1))
				memmove(f->text + at, f->text + at + 1,
					strlen(f->text + at + 1) + 1);
		}
	}
	free(doc);
	return 0;
}

int tf_layout__read(tf_layout *out, const char *text, size_t len, const char *name,
		    tf_diag_list *diags)
{
	reader r;
	size_t i, start = 0;
	long lineno = 1;
	int rc = 0;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	r.l = out;
	r.diags = diags;
	r.name = name;
	out->double_spaced = detect_double_spacing(text, len);
	for (i = 0; i <= len && rc == 0; i++) {
		if (i < len && text[i] == '\f') {
			rc = one_line(&r, text + start, i - start, lineno);
			r.need_page = 1;
			r.in_footnotes = 0;
			start = i + 1;
			continue;
		}
		if (i == len || text[i] == '\n') {
			if (i > start || i < len)
				rc = one_line(&r, text + start, i - start, lineno);
			start = i + 1;
			lineno++;
		}
	}
	out->pages = r.page;
	typical_length(out);
	if (rc == 0)
		rc = dehyphenate(out);
	if (rc < 0)
		tf_layout__free(out);
	return rc;
}

void tf_layout__free(tf_layout *l)
{
	size_t i;

	for (i = 0; i < l->nev; i++)
		free(l->ev[i].text);
	for (i = 0; i < l->nnotes; i++) {
		free(l->notes[i].text);
		free(l->notes[i].joins);
	}
	free(l->ev);
	free(l->notes);
	memset(l, 0, sizeof *l);
}

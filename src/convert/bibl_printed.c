/* SPDX-License-Identifier: MIT */
/*
 * bibl_printed.c — a printed reference inside a footnote as structured TEI
 * (ENCODING.md §2, §5): <author><persName>, <title level="a|m|j">, a
 * subtitle printed as a sentence of its own (<title type="sub">),
 * <editor role="compiler|editor"><persName> after a role word ("Sost.",
 * "sostavil", "под ред.", "ed. by"), <pubPlace><placeName>,
 * <publisher><orgName>, <date when="YYYY">, <biblScope unit="page|part|
 * volume|issue">; newspapers ("“Kommunist” qəzeti, 1920, 19 iyun") as
 * <title level="j"> with the full date.
 *
 * The reference is read as sentences (". " ends one unless it follows an
 * initial or a label such as "c." or "М.") and each sentence as
 * comma-separated parts.  What is found is a list of marks over the text;
 * the text itself is written unchanged, marks become elements, and
 * whatever is not recognised stays plain text inside the <bibl>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include "bibl.h"

typedef struct {
	size_t start, end; /* byte offsets into the reference */
	const char *el; /* author, editor, title, pubPlace, publisher, date, biblScope */
	const char *a1, *v1, *a2; /* attributes: a1=v1, a2=v2 */
	char v2[16];
} mark;

typedef struct {
	tf_build *b;
	const char *s;
	size_t n;
	mark m[48];
	size_t nm;
	int container; /* index of the mark of the container title, or -1 */
	int imprint; /* a place or publisher was found */
} parse;

static mark *add(parse *p, size_t start, size_t end, const char *el)
{
	mark *m;

	while (end > start && p->s[end - 1] == ' ')
		end--;
	if (end <= start || p->nm >= sizeof p->m / sizeof p->m[0])
		return NULL;
	m = &p->m[p->nm++];
	memset(m, 0, sizeof *m);
	m->start = start;
	m->end = end;
	m->el = el;
	return m;
}

static UChar32 cp_at(const char *s, size_t n, size_t i, size_t *next)
{
	UChar32 c;

	U8_NEXT(s, i, n, c);
	if (next)
		*next = i;
	return c;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* An initial at i ("E.", "Yu.", "И."): returns the offset after it, or 0. */
static size_t initial(const char *s, size_t n, size_t i)
{
	size_t j, k;

	if (i >= n || !u_isupper(cp_at(s, n, i, &j)))
		return 0;
	if (j < n && s[j] != '.' && u_islower(cp_at(s, n, j, &k)) && k < n && s[k] == '.')
		j = k;
	return j < n && s[j] == '.' ? j + 1 : 0;
}

/* A surname at i: a capital and letters (hyphens, apostrophes).  Returns
 * the offset after it, or 0. */
static size_t surname(const char *s, size_t n, size_t i)
{
	size_t j, letters = 0;

	if (i >= n || !u_isupper(cp_at(s, n, i, &j)))
		return 0;
	for (letters = 1; j < n; letters++) {
		size_t k;
		UChar32 c = cp_at(s, n, j, &k);
		if (!u_isalpha(c) && c != '-' && c != 0x2019 && c != '\'')
			break;
		j = k;
	}
	return letters >= 2 ? j : 0;
}

/* A person's name at i: "Jupikova E.F.", "Q.Devdariani", "И. И. Иванов".
 * Returns the offset after it, or 0. */
static size_t name_at(const char *s, size_t n, size_t i)
{
	size_t j = surname(s, n, i), k, inits = 0;

	if (j && j < n && s[j] == ' ') { /* surname, then initials */
		for (k = j + 1; (j = initial(s, n, k)) != 0; inits++)
			k = (j < n && s[j] == ' ' && initial(s, n, j + 1)) ? j + 1 : j;
		if (inits)
			return k;
	}
	for (k = i; (j = initial(s, n, k)) != 0; inits++) /* initials, then surname */
		k = (j < n && s[j] == ' ') ? j + 1 : j;
	return inits ? surname(s, n, k) : 0;
}

/* Does a sentence end at the ". " at offset i (s[i] == '.')?  Not after an
 * initial or a label ("c.", "М.", "Sost."). */
static int sentence_end(parse *p, size_t start, size_t i)
{
	size_t w = i;
	const char *s = p->s;

	if (i + 1 >= p->n || s[i + 1] != ' ')
		return 0;
	while (w > start && s[w - 1] != ' ' && s[w - 1] != '.' && s[w - 1] != '(')
		w--;
	if (i > w && tf_layout__chars(s + w, i - w) == 1 && u_isalpha(cp_at(s, p->n, w, NULL)))
		return 0;
	if (tf_bibl__lookup(p->b->lex, "bibl-scopes", s + w, i + 1 - w) ||
	    tf_bibl__lookup(p->b->lex, "bibl-places", s + w, i + 1 - w) ||
	    tf_bibl__lookup(p->b->lex, "bibl-editor-roles", s + w, i + 1 - w))
		return 0;
	return 1;
}

/* The end of the sentence starting at i (at its ". " or at stop). */
static size_t sentence(parse *p, size_t i, size_t stop)
{
	size_t j;
	int depth = 0;

	for (j = i; j < stop; j++) {
		if (p->s[j] == '(' || p->s[j] == '[')
			depth++;
		else if ((p->s[j] == ')' || p->s[j] == ']') && depth > 0)
			depth--;
		else if (p->s[j] == '.' && depth == 0 && sentence_end(p, i, j))
			return j;
		else if (p->s[j] == '/' && j + 1 < stop && p->s[j + 1] == '/')
			return j;
	}
	return stop;
}

/* A year standing alone ("1931", "1974 г."). */
static int year_part(const char *s, size_t n)
{
	if (n < 4 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]))
		return 0;
	if (n > 4 && (s[4] != ' ' || n > 9))
		return 0;
	return (s[0] == '1' && s[1] >= '5') || (s[0] == '2' && s[1] == '0');
}

/* A label and a number: "s. 188", "С. 12–20", "№ 3", "c. 1"; the unit. */
static const char *scope_part(parse *p, const char *s, size_t n)
{
	size_t w = 0;

	while (w < n && s[w] != ' ' && !is_digit(s[w]))
		w++;
	if (w == 0 || w >= n)
		return NULL;
	if (!is_digit(s[w]) && !(w + 1 < n && is_digit(s[w + 1])))
		return NULL;
	return tf_bibl__lookup(p->b->lex, "bibl-scopes", s, w);
}

static void set_when(mark *m, const char *s)
{
	memcpy(m->v2, s, 4);
	m->v2[4] = '\0';
	m->a2 = "when";
}

/* An editor sentence: role words, then the name(s) at its end. */
static int editor_sentence(parse *p, size_t a, size_t e)
{
	size_t i, k, ws;
	const char *role = NULL;

	for (i = a; i < e && !role; i = ws) {
		for (ws = i; ws < e && p->s[ws] != ' '; ws++)
			;
		k = ws > i && p->s[ws - 1] == ',' ? ws - 1 : ws;
		role = tf_bibl__lookup(p->b->lex, "bibl-editor-roles", p->s + i, k - i);
		if (!role && ws < e) { /* two-word roles: "под ред.", "edited by" */
			size_t ws2;
			for (ws2 = ws + 1; ws2 < e && p->s[ws2] != ' '; ws2++)
				;
			role = tf_bibl__lookup(p->b->lex, "bibl-editor-roles", p->s + i, ws2 - i);
		}
		while (ws < e && p->s[ws] == ' ')
			ws++;
	}
	if (!role)
		return 0;
	for (i = a; i < e; i++) {
		if (i > a && p->s[i - 1] != ' ' && p->s[i - 1] != ',')
			continue;
		k = name_at(p->s, e, i);
		if (k == e || (k && (p->s[k] == ',' || p->s[k] == ' '))) {
			mark *m = add(p, i, k, "editor");
			if (m) {
				m->a1 = "role";
				m->v1 = !strcmp(role, "compiler") ? "compiler" : "editor";
			}
			if (k == e)
				break;
		}
	}
	return 1;
}

/* Place and publisher in the parts before the year of an imprint. */
static void imprint(parse *p, tf_span_t *parts, size_t first, size_t year)
{
	size_t nb = year - first;
	tf_span_t a = parts[first];
	const char *colon;

	if (nb == 0)
		return;
	colon = NULL;
	for (size_t i = 0; i + 1 < a.n; i++)
		if (a.s[i] == ':' && a.s[i + 1] == ' ')
			colon = a.s + i;
	p->imprint = 1;
	if (colon && nb == 1) { /* "М.: Наука", "London: Macmillan" */
		add(p, (size_t)(a.s - p->s), (size_t)(colon - p->s), "pubPlace");
		add(p, (size_t)(colon + 2 - p->s), (size_t)(a.s + a.n - p->s), "publisher");
		return;
	}
	add(p, (size_t)(a.s - p->s), (size_t)(a.s + a.n - p->s),
	    nb == 1 && !u_isupper(cp_at(a.s, a.n, 0, NULL)) ? "publisher" : "pubPlace");
	if (nb >= 2) {
		tf_span_t pb = parts[first + 1];
		add(p, (size_t)(pb.s - p->s),
		    (size_t)(parts[year - 1].s + parts[year - 1].n - p->s), "publisher");
	}
}

/* One sentence after the title: an editor, a subtitle, or parts. */
static void after_title(parse *p, size_t a, size_t e, int *seen_year, int later_year)
{
	tf_span_t parts[16];
	size_t np, i, first = (size_t)-1;

	if (editor_sentence(p, a, e))
		return;
	np = tf_bibl__split(p->s + a, e - a, ',', parts, 16);
	for (i = 0; i < np; i++) {
		const char *unit;
		mark *m;
		tf_bibl__trim(&parts[i]);
		if (year_part(parts[i].s, parts[i].n)) {
			if (first != (size_t)-1)
				imprint(p, parts, first, i);
			first = (size_t)-1;
			m = add(p, (size_t)(parts[i].s - p->s),
				(size_t)(parts[i].s + parts[i].n - p->s), "date");
			if (m)
				set_when(m, parts[i].s);
			*seen_year = 1;
		} else if ((unit = scope_part(p, parts[i].s, parts[i].n)) != NULL) {
			/* "c. 1" before the imprint is a part (ENCODING.md §5) */
			if (!strcmp(unit, "page") && !*seen_year && later_year)
				unit = "part";
			m = add(p, (size_t)(parts[i].s - p->s),
				(size_t)(parts[i].s + parts[i].n - p->s), "biblScope");
			if (m) {
				m->a1 = "unit";
				m->v1 = unit;
			}
		} else if (first == (size_t)-1 && !*seen_year) {
			first = i;
		}
	}
	if (first == 0 && np == 1 && !*seen_year && later_year && p->container < 0 &&
	    !tf_bibl__lookup(p->b->lex, "bibl-places", parts[0].s, parts[0].n)) {
		mark *m = add(p, a, e, "title"); /* a subtitle of its own */
		if (m) {
			m->a1 = "level";
			m->v1 = "m";
			m->a2 = "type";
			strcpy(m->v2, "sub");
		}
	}
}

/* In s[a..e): the comma before an imprint "Place: Publisher, Year" (one
 * to three capitalised words, a colon, then a year among the parts after
 * it), the last such; 0 if none. */
static size_t comma_imprint(parse *p, size_t a, size_t e)
{
	size_t j, found = 0;

	for (j = a; j + 2 < e; j++) {
		size_t k, words = 1, colon = 0;
		if (p->s[j] != ',' || p->s[j + 1] != ' ' || !u_isupper(cp_at(p->s, e, j + 2, NULL)))
			continue;
		for (k = j + 2; k + 1 < e && p->s[k] != ',' && words <= 3; k++) {
			if (p->s[k] == ':' && p->s[k + 1] == ' ') {
				colon = k;
				break;
			}
			if (p->s[k] == ' ') {
				words++;
				if (!u_isupper(cp_at(p->s, e, k + 1, NULL)))
					break;
			}
		}
		if (!colon)
			continue;
		/* a year after the colon, as a part of its own */
		for (k = colon; k + 4 <= e; k++)
			if ((p->s[k - 1] == ' ' || p->s[k - 1] == ',') && year_part(p->s + k, 4) &&
			    (k + 4 == e || p->s[k + 4] == ',' || p->s[k + 4] == ' ' ||
			     p->s[k + 4] == '.')) {
				found = j;
				break;
			}
	}
	return found;
}

/* "Janet Afary, …": two or three capitalised words, then a comma; the
 * comma's offset, or 0. */
static size_t comma_name(parse *p)
{
	size_t k, words = 1;

	if (!u_isupper(cp_at(p->s, p->n, 0, NULL)))
		return 0;
	for (k = 0; k < p->n && k < 60; k++) {
		if (p->s[k] == ',')
			return words >= 2 && words <= 3 ? k : 0;
		if (p->s[k] == ' ') {
			words++;
			if (k + 1 >= p->n || !u_isupper(cp_at(p->s, p->n, k + 1, NULL)))
				return 0;
		}
		if (p->s[k] == '.' || p->s[k] == ':')
			return 0;
	}
	return 0;
}

/* Is there a year part in s[a..n)? */
static int year_ahead(parse *p, size_t a)
{
	size_t i;

	for (i = a; i + 4 <= p->n; i++)
		if ((i == a || p->s[i - 1] == ' ') && year_part(p->s + i, 4) &&
		    (i + 4 == p->n || p->s[i + 4] == ',' || p->s[i + 4] == '.' ||
		     p->s[i + 4] == ' '))
			return 1;
	return 0;
}

/* The day and month before or after a year: "1920, 19 iyun", "19 июня
 * 1920".  Fills when (YYYY-MM-DD) and widens [*a, *e) over them. */
static void full_date(parse *p, size_t *a, size_t *e, char *when)
{
	size_t i = *e, w, d;
	const char *mon;

	while (i < p->n && (p->s[i] == ',' || p->s[i] == ' '))
		i++;
	for (d = i; d < p->n && is_digit(p->s[d]); d++)
		;
	if (d > i && d - i <= 2 && d < p->n && p->s[d] == ' ') { /* after: ", 19 iyun" */
		for (w = d + 1; w < p->n && p->s[w] != ' ' && p->s[w] != ',' && p->s[w] != ';'; w++)
			;
		if (p->s[w - 1] == '.' && w == p->n)
			w--;
		mon = tf_bibl__lookup(p->b->lex, "months", p->s + d + 1, w - d - 1);
		if (mon) {
			snprintf(when + 4, 12, "-%02d-%02d", atoi(mon) % 100, atoi(p->s + i) % 100);
			*e = w;
			return;
		}
	}
	/* before: "19 июня 1920" */
	for (w = *a; w > 0 && p->s[w - 1] == ' '; w--)
		;
	for (i = w; i > 0 && p->s[i - 1] != ' '; i--)
		;
	mon = i < w ? tf_bibl__lookup(p->b->lex, "months", p->s + i, w - i) : NULL;
	if (mon && i >= 2) {
		for (d = i - 1; d > 0 && is_digit(p->s[d - 1]); d--)
			;
		if (d < i - 1 && i - 1 - d <= 2) {
			snprintf(when + 4, 12, "-%02d-%02d", atoi(mon) % 100, atoi(p->s + d) % 100);
			*a = d;
		}
	}
}

/* A newspaper: "“Kommunist” qəzeti (rusca), 1920, 19 iyun".  Returns 1 if
 * the reference is one. */
static int newspaper(parse *p)
{
	size_t i, q, w, y;
	UChar32 c = cp_at(p->s, p->n, 0, &i), close = c == 0x201C ? 0x201D
						      : c == 0xAB ? 0xBB
						      : c == '"'  ? '"'
								  : 0;
	mark *m;
	char when[16];

	if (!close)
		return 0;
	for (q = i; q < p->n && cp_at(p->s, p->n, q, NULL) != close; q++)
		;
	if (q >= p->n)
		return 0;
	cp_at(p->s, p->n, q, &q);
	for (i = q; i < p->n && p->s[i] == ' '; i++)
		;
	for (w = i; w < p->n && p->s[w] != ' ' && p->s[w] != ',' && p->s[w] != '.'; w++)
		;
	if (!tf_bibl__lookup(p->b->lex, "bibl-newspaper", p->s + i, w - i))
		return 0;
	m = add(p, 0, q, "title");
	if (!m)
		return 0;
	m->a1 = "level";
	m->v1 = "j";
	for (y = w; y + 4 <= p->n; y++) {
		if (p->s[y - 1] == ' ' && year_part(p->s + y, 4) &&
		    (y + 4 == p->n || !is_digit(p->s[y + 4]))) {
			size_t a = y, e = y + 4;
			memcpy(when, p->s + y, 4);
			when[4] = '\0';
			full_date(p, &a, &e, when);
			m = add(p, a, e, "date");
			if (m) {
				m->a2 = "when";
				snprintf(m->v2, sizeof m->v2, "%s", when);
			}
			break;
		}
	}
	return 1;
}

static int by_start(const void *a, const void *b)
{
	const mark *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* The reference's text with the marks as elements. */
static void write_marks(parse *p, xmlNodePtr bibl)
{
	static const char *const inner[][2] = {
	    {"author", "persName"},
	    {"editor", "persName"},
	    {"pubPlace", "placeName"},
	    {"publisher", "orgName"},
	};
	size_t i, k, pos = 0;

	qsort(p->m, p->nm, sizeof p->m[0], by_start);
	for (i = 0; i < p->nm; i++) {
		mark *m = &p->m[i];
		xmlNodePtr el, in;
		if (m->start < pos)
			continue; /* overlaps the previous mark */
		tf_tei__append_text(bibl, p->s + pos, m->start - pos);
		el = in = tf_tei__elem(p->b, bibl, m->el);
		if (m->a1)
			xmlNewProp(el, (const xmlChar *)m->a1, (const xmlChar *)m->v1);
		if (m->a2)
			xmlNewProp(el, (const xmlChar *)m->a2, (const xmlChar *)m->v2);
		for (k = 0; k < sizeof inner / sizeof inner[0]; k++)
			if (!strcmp(m->el, inner[k][0]))
				in = tf_tei__elem(p->b, el, inner[k][1]);
		tf_tei__append_text(in, p->s + m->start, m->end - m->start);
		pos = m->end;
	}
	tf_tei__append_text(bibl, p->s + pos, p->n - pos);
}

int tf_bibl__printed(tf_build *b, xmlNodePtr note, tf_span_t ref)
{
	parse p;
	size_t i = 0, e, k;
	int seen_year = 0;
	xmlNodePtr bibl = tf_tei__elem(b, note, "bibl");

	memset(&p, 0, sizeof p);
	p.b = b;
	p.s = ref.s;
	p.n = ref.n;
	p.container = -1;
	if (!newspaper(&p)) {
		/* authors */
		while ((k = name_at(p.s, p.n, i)) != 0 && k < p.n &&
		       (p.s[k] == ' ' || p.s[k] == ',')) {
			add(&p, i, k, "author");
			i = k;
			if (p.s[i] == ',' && name_at(p.s, p.n, i + 2))
				i += 2;
			else
				break;
		}
		/* "W. Morgan Shuster, The Strangling …": in a comma-style
		 * reference, a second name before the comma is the author's */
		if (p.nm == 1 && !strcmp(p.m[0].el, "author") && i < p.n && p.s[i] == ' ' &&
		    comma_imprint(&p, 0, p.n) != 0) {
			size_t k2 = i + 1;
			while (k2 < p.n && u_isalpha(cp_at(p.s, p.n, k2, NULL)))
				k2 += U8_LENGTH(cp_at(p.s, p.n, k2, NULL));
			if (k2 > i + 1 && k2 < p.n && p.s[k2] == ',' &&
			    u_isupper(cp_at(p.s, p.n, i + 1, NULL))) {
				p.m[0].end = k2;
				i = k2;
			}
		}
		if (p.nm > 0 && i < p.n && p.s[i] == ',')
			i++; /* "E. G. Browne, The Persian Revolution" */
		/* "Janet Afary, The Iranian …, New York: …, 1996": an author
		 * without initials before the comma of a comma-style reference */
		if (i == 0 && comma_imprint(&p, 0, p.n) != 0) {
			size_t c = comma_name(&p);
			if (c) {
				add(&p, 0, c, "author");
				i = c + 1;
			}
		}
		while (i < p.n && p.s[i] == ' ')
			i++;
		/* the title, and after "//" the book or journal it is in */
		e = sentence(&p, i, p.n);
		/* "Title, Place: Publisher, Year, pp.": the imprint after the
		 * title's last comma is read as a sentence of its own */
		{
			size_t c = comma_imprint(&p, i, e);
			if (c) {
				mark *t = add(&p, i, c, "title");
				if (t) {
					t->a1 = "level";
					t->v1 = "m";
				}
				for (k = c + 1; k < e && p.s[k] == ' '; k++)
					;
				after_title(&p, k, e, &seen_year, year_ahead(&p, e));
				i = e;
			}
		}
		if (i == e)
			; /* read above */
		else {
			if (e > i) {
				mark *t = add(&p, i, e, "title");
				if (t) {
					t->a1 = "level";
					t->v1 = e + 1 < p.n && p.s[e] == '/' ? "a" : "m";
				}
			}
			if (e + 1 < p.n && p.s[e] == '/') {
				for (i = e + 2; i < p.n && p.s[i] == ' '; i++)
					;
				e = sentence(&p, i, p.n);
				p.container = (int)p.nm;
				if (!add(&p, i, e, "title"))
					p.container = -1;
			}
		}
		for (i = e; i < p.n; i = e) {
			while (i < p.n && (p.s[i] == '.' || p.s[i] == ' '))
				i++;
			e = sentence(&p, i, p.n);
			if (e > i)
				after_title(&p, i, e, &seen_year, year_ahead(&p, e));
			if (e == i)
				break;
		}
		if (p.container >= 0) {
			p.m[p.container].a1 = "level";
			p.m[p.container].v1 = p.imprint ? "m" : "j";
		}
	}
	write_marks(&p, bibl);
	return 0;
}

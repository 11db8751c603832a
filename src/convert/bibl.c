/* SPDX-License-Identifier: MIT */
/*
 * bibl.c — the references inside a footnote.  A note's text is split into
 * its references at top-level semicolons (when every part looks like a
 * reference); each becomes a <bibl>.  Archival references — a repository
 * followed by locators whose labels come from the lexicons' lists of
 * archival locators ("fond 27", "siy. 1", "ф. 1318", "FO 371/3662") —
 * become <bibl type="archival"> with the repository as <orgName> and each
 * locator as <biblScope unit="…"> keeping the printed text.  The note's
 * final full stop stays outside the last <bibl>.  Printed references are
 * parsed by bibl_printed.c.  A repository named by its abbreviation alone
 * with one locator ("TNA, FO 371/3662") is archival too.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include "bibl.h"
#include "ents.h"

typedef tf_span_t span;

#define split_top tf_bibl__split
#define trim tf_bibl__trim

size_t tf_bibl__split(const char *s, size_t n, char sep, span *out, size_t max)
{
	size_t i, start = 0, k = 0;
	int depth = 0, quote = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth > 0)
			depth--;
		else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			if (d == 0x9C)
				quote++; /* “ */
			else if (d == 0x9D && quote > 0)
				quote--; /* ” */
		} else if (c == (unsigned char)sep && depth == 0 && quote == 0 && k + 1 < max) {
			out[k].s = s + start;
			out[k].n = i - start;
			k++;
			start = i + 1;
		}
	}
	out[k].s = s + start;
	out[k].n = n - start;
	return k + 1;
}

void tf_bibl__trim(span *p)
{
	while (p->n > 0 && (*p->s == ' '))
		p->s++, p->n--;
	while (p->n > 0 && p->s[p->n - 1] == ' ')
		p->n--;
}

static int has_digit(span p)
{
	size_t i;

	for (i = 0; i < p.n; i++)
		if (p.s[i] >= '0' && p.s[i] <= '9')
			return 1;
	return 0;
}

const char *tf_bibl__lookup(const tf_lexicons *lx, const char *type, const char *s, size_t n)
{
	char buf[128];
	size_t i;
	const char *v = NULL;

	if (n == 0 || n >= sizeof buf)
		return NULL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (i = 0; i < tf_lexicons__count(lx) && !v; i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		char *f = tf_text__fold(buf, tf_lexicon__lang(l));
		v = f ? tf_lexicon__value(l, type, f) : NULL;
		if (!v && f && tf_lexicon__has(l, type, f))
			v = ""; /* an item without @n */
		free(f);
	}
	return v;
}

/* An abbreviation standing for a repository: "TNA", "ГАРФ", "ARPİİSSA". */
static int is_abbreviation(span p)
{
	size_t i = 0, letters = 0;

	while (i < p.n) {
		UChar32 c;
		U8_NEXT(p.s, i, p.n, c);
		if (c == ' ' && letters > 0 && i < p.n)
			continue; /* ЦГИА АР */
		if (c < 0 || !u_isupper(c))
			return 0;
		letters++;
	}
	return letters >= 2 && letters <= 10;
}

/* The unit of a printed locator label ("siy.", "ф.", "folio"), or NULL. */
static const char *locator_label(const tf_lexicons *lx, const char *label)
{
	size_t i;

	for (i = 0; i < tf_lexicons__count(lx); i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		char *f = tf_text__fold(label, tf_lexicon__lang(l));
		const char *unit = f ? tf_lexicon__value(l, "archival-locators", f) : NULL;
		free(f);
		if (unit)
			return unit;
	}
	return NULL;
}

/* The biblScope unit a locator component gives, or NULL. */
static const char *locator_unit(const tf_lexicons *lx, span c)
{
	char buf[128];
	size_t i, w, end;
	const char *unit;

	if (c.n == 0 || c.n >= sizeof buf)
		return NULL;
	/* label then number: try the first one, two and three words */
	for (w = 1, end = 0; w <= 3; w++) {
		while (end < c.n && c.s[end] != ' ')
			end++;
		if (end >= c.n)
			break;
		memcpy(buf, c.s, end);
		buf[end] = '\0';
		unit = locator_label(lx, buf);
		if (unit && has_digit(c))
			return unit;
		end++;
	}
	/* name then label: "Surət fondu" */
	for (end = c.n; end > 0 && c.s[end - 1] != ' '; end--)
		;
	if (end > 0) {
		memcpy(buf, c.s + end, c.n - end);
		buf[c.n - end] = '\0';
		unit = locator_label(lx, buf);
		if (unit)
			return unit;
	}
	/* a class and piece: "FO 371/3662", "7 N 1234" */
	if (c.n >= 4 && c.s[0] >= 'A' && c.s[0] <= 'Z') {
		for (i = 0; i < c.n && c.s[i] >= 'A' && c.s[i] <= 'Z'; i++)
			;
		if (i < c.n && c.s[i] == ' ' && i + 1 < c.n && c.s[i + 1] >= '0' &&
		    c.s[i + 1] <= '9')
			return "file";
	}
	return NULL;
}

static void add_text(xmlNodePtr parent, const char *s, size_t n)
{
	tf_tei__append_text(parent, s, n);
}

/* "Full Name (ABBR)" -> <orgName>Full Name</orgName> (<orgName>ABBR</orgName>) */
static void emit_repository(tf_build *b, xmlNodePtr bibl, span r)
{
	const char *open = memchr(r.s, '(', r.n);
	xmlNodePtr org;

	if (open && r.s[r.n - 1] == ')' && open > r.s) {
		span name = {r.s, (size_t)(open - r.s)},
		     abbr = {open + 1, (size_t)(r.s + r.n - 1 - (open + 1))};
		trim(&name);
		org = tf_tei__elem(b, bibl, "orgName");
		add_text(org, name.s, name.n);
		add_text(bibl, name.s + name.n, (size_t)(open + 1 - (name.s + name.n)));
		org = tf_tei__elem(b, bibl, "orgName");
		add_text(org, abbr.s, abbr.n);
		add_text(bibl, ")", 1);
		return;
	}
	org = tf_tei__elem(b, bibl, "orgName");
	add_text(org, r.s, r.n);
}

/* Does the text name an archive: an abbreviation (TNA, GMTA), a name with
 * its abbreviation in brackets, or a name with an institution's head word
 * (… Arxivi, … архив, … Archives, … Museum)? */
static int archive_like(tf_build *b, span r)
{
	size_t i = 0;
	char word[96];

	if (is_abbreviation(r) || (r.n > 2 && r.s[r.n - 1] == ')' && memchr(r.s, '(', r.n)))
		return 1;
	while (i < r.n) {
		size_t start, k;
		while (i < r.n && (r.s[i] == ' ' || r.s[i] == ','))
			i++;
		start = i;
		while (i < r.n && r.s[i] != ' ' && r.s[i] != ',')
			i++;
		k = i - start;
		if (k > 0 && k < sizeof word) {
			char *f;
			memcpy(word, r.s + start, k);
			word[k] = '\0';
			f = tf_text__fold(word, NULL);
			if (f && tf_ents__stem(b->lex, "org-heads", f, NULL)) {
				free(f);
				return 1;
			}
			/* (İnstitutu folds to i + a dot above without a language) */
			if (f) {
				char *c = tf_ents__canon_folded(f);
				int hit = c && strcmp(c, f) != 0 &&
					  tf_ents__stem(b->lex, "org-heads", c, NULL) != NULL;
				free(c);
				if (hit) {
					free(f);
					return 1;
				}
			}
			free(f);
		}
	}
	return 0;
}

/* Does a full stop and a space before a capital letter stand inside p? */
static int sentence_inside(span p)
{
	size_t i;

	for (i = 0; i + 2 < p.n; i++)
		if (p.s[i] == '.' && p.s[i + 1] == ' ') {
			UChar32 c;
			size_t k = i + 2;
			U8_NEXT(p.s, k, p.n, c);
			if (c > 0 && u_isupper(c))
				return 1;
		}
	return 0;
}

/* Builds an archival <bibl> if the reference has a repository and at least
 * two locators; returns 1 if it did.  Words before the repository (a
 * comment ending in a colon) stay outside the <bibl>. */
static int archival(tf_build *b, xmlNodePtr note, span ref)
{
	span parts[64], repo;
	const char *units[64];
	size_t n = split_top(ref.s, ref.n, ',', parts, 64), i, first = (size_t)-1, nloc = 0;
	xmlNodePtr bibl;
	const char *colon;

	for (i = 0; i < n; i++) {
		trim(&parts[i]);
		units[i] = locator_unit(b->lex, parts[i]);
		/* a part running into the next sentence is none ("v. 40–57.
		 * Həbs barədə bax: GMA") */
		if (units[i] && sentence_inside(parts[i]))
			units[i] = NULL;
		/* "f." after a file or piece is a folio (FO 371/3662, f. 45);
		 * opening the locators it is a fond (f. 276, siy. 8) */
		if (units[i] && !strcmp(units[i], "fond") && first != (size_t)-1) {
			size_t k;
			for (k = first; k < i; k++)
				if (units[k] &&
				    (!strcmp(units[k], "file") || !strcmp(units[k], "inventory")))
					units[i] = "folio";
		}
		if (units[i]) {
			nloc++;
			if (first == (size_t)-1)
				first = i;
		}
	}
	if (first == (size_t)-1 || first == 0)
		return 0;
	if (nloc < 2 && !(first == 1 && is_abbreviation(parts[0])))
		return 0;
	/* the repository is the part right before the first locator, after a
	 * colon if the part holds one */
	repo = parts[first - 1];
	colon = NULL;
	for (i = 0; i < repo.n; i++)
		if (repo.s[i] == ':' ||
		    (repo.s[i] == '/' && i + 1 < repo.n && repo.s[i + 1] == '/'))
			colon = repo.s + i + (repo.s[i] == '/'); /* "… // РГИА" */
	if (colon) {
		repo.n -= (size_t)(colon + 1 - repo.s);
		repo.s = colon + 1;
		trim(&repo);
	}
	if (!archive_like(b, repo))
		return 0;
	if (repo.s > ref.s) {
		/* a reference of its own may stand before the comment
		 * (Hüseynli R. … 2015, s. 74–79. Müəllif …: GMA, f. 422) */
		span before = {ref.s, (size_t)(repo.s - ref.s)};
		if (has_digit(before) && sentence_inside(before)) {
			tf_bibl__printed(b, note, before);
		} else {
			add_text(note, ref.s, (size_t)(repo.s - ref.s));
		}
	}
	bibl = tf_tei__elem(b, note, "bibl");
	xmlNewProp(bibl, (const xmlChar *)"type", (const xmlChar *)"archival");
	emit_repository(b, bibl, repo);
	for (i = first; i < n; i++) {
		/* the text between components, as printed */
		add_text(bibl, parts[i - 1].s + parts[i - 1].n,
			 (size_t)(parts[i].s - (parts[i - 1].s + parts[i - 1].n)));
		if (units[i]) {
			xmlNodePtr sc = tf_tei__elem(b, bibl, "biblScope");
			xmlNewProp(sc, (const xmlChar *)"unit", (const xmlChar *)units[i]);
			add_text(sc, parts[i].s, parts[i].n);
		} else {
			add_text(bibl, parts[i].s, parts[i].n);
		}
	}
	return 1;
}

int tf_bibl__parse(tf_build *b, xmlNodePtr note, const char *text)
{
	span all = {text, strlen(text)}, refs[32];
	size_t n, i, final_stop = 0;
	int all_refs = 1;

	trim(&all);
	if (all.n > 0 && all.s[all.n - 1] == '.') {
		all.n--;
		final_stop = 1;
	}
	n = split_top(all.s, all.n, ';', refs, 32);
	for (i = 0; i < n; i++) {
		trim(&refs[i]);
		if (!has_digit(refs[i]) || refs[i].n == 0)
			all_refs = 0;
	}
	if (!all_refs) {
		/* not a list of references: one reference, or a comment */
		n = 1;
		refs[0] = all;
		if (!has_digit(all)) {
			add_text(note, text, strlen(text));
			return 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			add_text(note, refs[i - 1].s + refs[i - 1].n,
				 (size_t)(refs[i].s - (refs[i - 1].s + refs[i - 1].n)));
		if (!archival(b, note, refs[i]))
			tf_bibl__printed(b, note, refs[i]);
	}
	if (final_stop)
		add_text(note, ".", 1);
	return 0;
}

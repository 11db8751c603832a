/* SPDX-License-Identifier: MIT */
/*
 * sources.c — the works the notes cite, once each: after the names pass,
 * every reference <bibl> in a note gets @corresp="#src-…" pointing to one
 * record in <standOff><listBibl type="sources">.  References are the same
 * source when they agree on
 *   archival:  repository (an abbreviation resolved to the full name given
 *              elsewhere in the notes), fond, inventory and file — folios
 *              and pages are locators of the citation, not of the source;
 *   newspaper: title and the date (two issues are two sources);
 *   printed:   first author, title (letters only, case-folded) and year —
 *              so wording outside the title ("Zbornik"/"Sbornik sostavil")
 *              does not split one book in two.
 * Records: archival ones are <bibl type="archival"> (repository as
 * <orgName>, its abbreviation as <orgName type="abbreviation">, locators
 * as <biblScope>); printed ones <biblStruct> with <analytic> for an article
 * or chapter and <monogr> with <imprint>.  Ids are ASCII, from the
 * repository and file or from the author (or title) and year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include "bibl.h"

typedef struct {
	char *key; /* what makes two references one source */
	char *id; /* src-… */
	xmlNodePtr first; /* the first reference citing it */
} source;

typedef struct {
	tf_build *b;
	source *v;
	size_t n, cap;
	xmlNodePtr abbr_full[64][2]; /* archive abbreviation orgName, full-name orgName */
	size_t nabbr;
} ctx;

static int is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static xmlNodePtr child(xmlNodePtr n, const char *name, const char *attr, const char *val)
{
	xmlNodePtr c;

	for (c = n->children; c; c = c->next) {
		if (!is(c, name))
			continue;
		if (attr) {
			xmlChar *v = xmlGetProp(c, (const xmlChar *)attr);
			int ok = v && !strcmp((const char *)v, val);
			xmlFree(v);
			if (!ok)
				continue;
		}
		return c;
	}
	return NULL;
}

/* ASCII, lower case, words joined by "-": "Бакинский рабочий" ->
 * bakinskiy-rabochiy (tf_text__ascii). */
static char *ascii(ctx *x, const char *s, size_t max_words)
{
	char *a = tf_text__ascii(s, max_words);

	(void)x;
	if (a && !*a) {
		free(a);
		a = NULL;
	}
	return a ? a : strdup("x");
}

/* Text of n, case-folded, letters and digits only. */
static void put_letters(tf_buf *k, xmlNodePtr n)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	char *f = t ? tf_text__fold((const char *)t, NULL) : NULL;
	size_t i;

	for (i = 0; f && f[i]; i++)
		if ((unsigned char)f[i] >= 0x80 || (f[i] >= 'a' && f[i] <= 'z') ||
		    (f[i] >= '0' && f[i] <= '9'))
			tf_buf__putc(k, f[i]);
	tf_buf__putc(k, '|');
	free(f);
	xmlFree(t);
}

/* The value of a locator without its label: "fond 27" -> "27", "Surət
 * fondu" -> "Surət". */
static void put_locator(tf_buf *k, xmlNodePtr sc)
{
	xmlChar *t = xmlNodeGetContent(sc);
	const char *s = (const char *)t, *sp = s ? strchr(s, ' ') : NULL;

	size_t i, caps = 0;

	for (i = 0; sp && s + i < sp; i++)
		caps += s[i] >= 'A' && s[i] <= 'Z';
	/* a label ("fond", "f.", "д.") goes; a class ("FO 371/3662") stays */
	if (sp && sp[1] >= '0' && sp[1] <= '9' && caps < (size_t)(sp - s))
		tf_buf__puts(k, sp + 1);
	else if (s)
		tf_buf__puts(k, s);
	tf_buf__putc(k, '|');
	xmlFree(t);
}

/* The full-name orgName of a repository printed as abbreviation. */
static xmlNodePtr full_name(ctx *x, xmlNodePtr org)
{
	xmlChar *t = xmlNodeGetContent(org);
	xmlNodePtr r = NULL;
	size_t i;

	for (i = 0; i < x->nabbr && !r; i++) {
		xmlChar *a = xmlNodeGetContent(x->abbr_full[i][0]);
		if (a && t && !strcmp((const char *)a, (const char *)t))
			r = x->abbr_full[i][1];
		xmlFree(a);
	}
	xmlFree(t);
	return r;
}

static xmlNodePtr first_title(xmlNodePtr bibl)
{
	xmlNodePtr t;

	if ((t = child(bibl, "title", "level", "a")) || (t = child(bibl, "title", "level", "m")) ||
	    (t = child(bibl, "title", "level", "j")) || (t = child(bibl, "title", NULL, NULL)))
		return t;
	return NULL;
}

static int is_newspaper(xmlNodePtr bibl)
{
	return child(bibl, "title", "level", "j") && !child(bibl, "title", "level", "a") &&
	       !child(bibl, "author", NULL, NULL);
}

static void year_of(xmlNodePtr bibl, char *out)
{
	xmlNodePtr d = child(bibl, "date", NULL, NULL);
	xmlChar *w = d ? xmlGetProp(d, (const xmlChar *)"when") : NULL;

	snprintf(out, 16, "%s", w ? (const char *)w : "");
	xmlFree(w);
}

/* The identity of the source a reference cites, and an id stem for it. */
static void identify(ctx *x, xmlNodePtr bibl, tf_buf *key, tf_buf *id)
{
	xmlChar *type = xmlGetProp(bibl, (const xmlChar *)"type");
	char when[16], *a;
	xmlNodePtr c, org, full;

	tf_buf__puts(id, "src-");
	if (type && !strcmp((const char *)type, "archival")) {
		org = child(bibl, "orgName", NULL, NULL);
		full = org ? full_name(x, org) : NULL;
		tf_buf__puts(key, "A|");
		put_letters(key, full ? full : org);
		for (c = org ? org->next : NULL; c && is(c, "orgName") == 0; c = c->next)
			;
		xmlChar *abbr = xmlNodeGetContent(c ? c : org);
		a = ascii(x, abbr ? (const char *)abbr : "archive", 3);
		tf_buf__puts(id, a);
		free(a);
		xmlFree(abbr);
		for (c = bibl->children; c; c = c->next) {
			xmlChar *u =
			    is(c, "biblScope") ? xmlGetProp(c, (const xmlChar *)"unit") : NULL;
			if (u && strcmp((const char *)u, "folio") &&
			    strcmp((const char *)u, "page")) {
				tf_buf k2 = TF_BUF_INIT;
				put_locator(key, c);
				put_locator(&k2, c);
				if (k2.data) {
					k2.data[k2.len - 1] = '\0';
					a = ascii(x, k2.data, 4);
					tf_buf__putc(id, '-');
					tf_buf__puts(id, a);
					free(a);
				}
				tf_buf__free(&k2);
			}
			xmlFree(u);
		}
	} else if (is_newspaper(bibl)) {
		xmlNodePtr d = child(bibl, "date", NULL, NULL);
		xmlChar *w = d ? xmlGetProp(d, (const xmlChar *)"when") : NULL, *t;
		tf_buf__puts(key, "N|");
		put_letters(key, child(bibl, "title", "level", "j"));
		tf_buf__puts(key, w ? (const char *)w : "");
		t = xmlNodeGetContent(child(bibl, "title", "level", "j"));
		a = ascii(x, t ? (const char *)t : "newspaper", 2);
		tf_buf__puts(id, a);
		if (w) {
			tf_buf__putc(id, '-');
			tf_buf__puts(id, (const char *)w);
		}
		free(a);
		xmlFree(t);
		xmlFree(w);
	} else {
		xmlNodePtr au = child(bibl, "author", NULL, NULL), ti = first_title(bibl);
		xmlChar *t = au ? xmlNodeGetContent(au) : ti ? xmlNodeGetContent(ti) : NULL;
		const char *s = t ? (const char *)t : "work";
		year_of(bibl, when);
		tf_buf__puts(key, "P|");
		put_letters(key, au);
		put_letters(key, ti);
		tf_buf__puts(key, when);
		if (au && strchr(s, '.') &&
		    strchr(s, '.') < strchr(s, ' ') + (strchr(s, ' ') == NULL) * strlen(s))
			s = strrchr(s, '.') +
			    1; /* "Q.Devdariani": the surname after the initials */
		a = ascii(x, s, au ? 1 : 2);
		tf_buf__puts(id, a);
		free(a);
		if (*when) {
			tf_buf__putc(id, '-');
			tf_buf__puts(id, when);
		}
		xmlFree(t);
	}
	xmlFree(type);
}

/* Copies keep the document's TEI namespace instead of declaring it anew. */
static void same_ns(ctx *x, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->nsDef) {
			xmlFreeNsList(n->nsDef);
			n->nsDef = NULL;
		}
		n->ns = x->b->ns;
		same_ns(x, n->children);
	}
}

static void copy_into(ctx *x, xmlNodePtr parent, xmlNodePtr n)
{
	xmlNodePtr c = xmlDocCopyNode(n, x->b->doc, 1);

	if (!c)
		return;
	same_ns(x, c);
	xmlAddChild(parent, c);
}

/* A title as plain text (quotation marks around a newspaper's name off). */
static void plain_title(ctx *x, xmlNodePtr parent, xmlNodePtr t, int unquote)
{
	xmlChar *s = xmlNodeGetContent(t), *lv = xmlGetProp(t, (const xmlChar *)"level"),
		*ty = xmlGetProp(t, (const xmlChar *)"type"), *lang = xmlNodeGetLang(t);
	const char *p = s ? (const char *)s : "";
	size_t n = strlen(p);
	xmlNodePtr el = tf_tei__elem(x->b, parent, "title");

	if (unquote && n > 6 && !strncmp(p, "\xE2\x80\x9C", 3) &&
	    !strcmp(p + n - 3, "\xE2\x80\x9D")) {
		p += 3;
		n -= 6;
	}
	if (lv)
		xmlNewProp(el, (const xmlChar *)"level", lv);
	if (ty)
		xmlNewProp(el, (const xmlChar *)"type", ty);
	tf_tei__append_text(el, p, n);
	xmlFree(s);
	xmlFree(lv);
	xmlFree(ty);
	xmlFree(lang);
}

static void archival_record(ctx *x, xmlNodePtr rec, xmlNodePtr bibl)
{
	xmlNodePtr c, org = child(bibl, "orgName", NULL, NULL),
		      full = org ? full_name(x, org) : NULL;
	xmlNodePtr abbr = NULL;

	xmlNewProp(rec, (const xmlChar *)"type", (const xmlChar *)"archival");
	for (c = org ? org->next : NULL; c && !abbr; c = c->next)
		if (is(c, "orgName"))
			abbr = c;
	if (full) { /* printed as its abbreviation: the full name given elsewhere */
		abbr = org;
		org = full;
	}
	if (org)
		copy_into(x, rec, org);
	if (abbr) {
		tf_tei__append_text(rec, " (", 2);
		copy_into(x, rec, abbr);
		xmlNewProp(rec->last, (const xmlChar *)"type", (const xmlChar *)"abbreviation");
		tf_tei__append_text(rec, ")", 1);
	}
	for (c = bibl->children; c; c = c->next) {
		xmlChar *u = is(c, "biblScope") ? xmlGetProp(c, (const xmlChar *)"unit") : NULL;
		if (u && strcmp((const char *)u, "folio") && strcmp((const char *)u, "page")) {
			tf_tei__append_text(rec, ", ", 2);
			copy_into(x, rec, c);
		}
		xmlFree(u);
	}
}

static void printed_record(ctx *x, xmlNodePtr rec, xmlNodePtr bibl)
{
	xmlNodePtr a = child(bibl, "title", "level", "a"), c, monogr, imprint, ti;
	xmlNodePtr parent = rec;
	int news = is_newspaper(bibl);

	if (a) {
		parent = tf_tei__elem(x->b, rec, "analytic");
		for (c = bibl->children; c; c = c->next)
			if (is(c, "author"))
				copy_into(x, parent, c);
		plain_title(x, parent, a, 0);
	}
	monogr = tf_tei__elem(x->b, rec, "monogr");
	if (!a)
		for (c = bibl->children; c; c = c->next)
			if (is(c, "author"))
				copy_into(x, monogr, c);
	for (c = bibl->children, ti = NULL; c; c = c->next)
		if (is(c, "title") && c != a) {
			plain_title(x, monogr, c, news);
			ti = c;
		}
	if (!ti) { /* TEI asks for a title: an article's container unknown */
		xmlNodePtr t = tf_tei__elem(x->b, monogr, "title");
		xmlNewProp(t, (const xmlChar *)"level", (const xmlChar *)"m");
	}
	for (c = bibl->children; c; c = c->next)
		if (is(c, "editor"))
			copy_into(x, monogr, c);
	imprint = tf_tei__elem(x->b, monogr, "imprint");
	for (c = bibl->children; c; c = c->next)
		if (is(c, "pubPlace") || is(c, "publisher") || is(c, "date"))
			copy_into(x, imprint, c);
	if (!imprint->children)
		tf_tei__elem(x->b, imprint, "date");
	for (c = bibl->children; c; c = c->next) {
		xmlChar *u = is(c, "biblScope") ? xmlGetProp(c, (const xmlChar *)"unit") : NULL;
		if (u && strcmp((const char *)u, "page"))
			copy_into(x, monogr, c);
		xmlFree(u);
	}
}

static int add_source(ctx *x, xmlNodePtr bibl)
{
	tf_buf key = TF_BUF_INIT, id = TF_BUF_INIT;
	size_t i, len;
	char ref[300];
	source *s = NULL;
	char suffix;

	identify(x, bibl, &key, &id);
	if (!key.data || !id.data)
		goto oom;
	for (i = 0; i < x->n && !s; i++)
		if (!strcmp(x->v[i].key, key.data))
			s = &x->v[i];
	if (!s) {
		source *v = tf_array__reserve(x->v, x->n, &x->cap, sizeof *v, 16);
		if (!v)
			goto oom;
		x->v = v;
		len = id.len;
		suffix = 'b';
		for (i = 0; i < x->n; i++) /* a taken id: -b, -c … */
			if (!strcmp(x->v[i].id, id.data) && suffix <= 'z') {
				id.len = len;
				id.data[len] = '\0';
				tf_buf__putc(&id, '-');
				tf_buf__putc(&id, suffix++);
				i = (size_t)-1;
			}
		s = &x->v[x->n++];
		s->key = tf_buf__detach(&key);
		s->id = tf_buf__detach(&id);
		s->first = bibl;
	}
	snprintf(ref, sizeof ref, "#%s", s->id);
	xmlSetProp(bibl, (const xmlChar *)"corresp", (const xmlChar *)ref);
	tf_buf__free(&key);
	tf_buf__free(&id);
	return 0;
oom:
	tf_buf__free(&key);
	tf_buf__free(&id);
	return tf_error__set(TF_ENOMEM, "out of memory");
}

/* Every reference of the notes, in reading order; fn(x, bibl). */
static int each_bibl(ctx *x, xmlNodePtr n, int (*fn)(ctx *, xmlNodePtr))
{
	xmlNodePtr c;
	int rc = 0;

	for (c = n->children; c && rc == 0; c = c->next) {
		if (is(c, "bibl") && is(n, "note"))
			rc = fn(x, c);
		else if (c->type == XML_ELEMENT_NODE && !is(c, "bibl"))
			rc = each_bibl(x, c, fn);
	}
	return rc;
}

/* "Full Name (ABBR)": remember ABBR -> Full Name. */
static int learn_abbr(ctx *x, xmlNodePtr bibl)
{
	xmlNodePtr a = child(bibl, "orgName", NULL, NULL), b2;

	if (!a || x->nabbr >= sizeof x->abbr_full / sizeof x->abbr_full[0])
		return 0;
	for (b2 = a->next; b2 && !is(b2, "orgName"); b2 = b2->next)
		;
	if (b2 && b2->prev && b2->prev->type == XML_TEXT_NODE && b2->prev->content &&
	    strchr((const char *)b2->prev->content, '(')) {
		x->abbr_full[x->nabbr][0] = b2;
		x->abbr_full[x->nabbr][1] = a;
		x->nabbr++;
	}
	return 0;
}

static xmlNodePtr standoff(tf_build *b)
{
	xmlNodePtr c;

	for (c = b->tei->children; c; c = c->next)
		if (is(c, "standOff"))
			return c;
	return tf_tei__elem(b, b->tei, "standOff");
}

int tf_sources__build(tf_build *b)
{
	ctx x;
	size_t i;
	int rc;
	xmlNodePtr list;

	memset(&x, 0, sizeof x);
	x.b = b;
	rc = each_bibl(&x, b->text, learn_abbr);
	if (rc == 0)
		rc = each_bibl(&x, b->text, add_source);
	if (rc == 0 && x.n > 0) {
		list = tf_tei__elem(b, standoff(b), "listBibl");
		xmlNewProp(list, (const xmlChar *)"type", (const xmlChar *)"sources");
		for (i = 0; i < x.n; i++) {
			xmlChar *type = xmlGetProp(x.v[i].first, (const xmlChar *)"type");
			int arch = type && !strcmp((const char *)type, "archival");
			xmlNodePtr rec = tf_tei__elem(b, list, arch ? "bibl" : "biblStruct");
			xmlNsPtr xml_ns = xmlSearchNsByHref(b->doc, rec, XML_XML_NAMESPACE);
			xmlChar *lang =
			    xmlGetNsProp(x.v[i].first, (const xmlChar *)"lang", XML_XML_NAMESPACE);
			xmlSetNsProp(rec, xml_ns, (const xmlChar *)"id",
				     (const xmlChar *)x.v[i].id);
			if (lang)
				tf_tei__set_lang(rec, (const char *)lang);
			if (arch)
				archival_record(&x, rec, x.v[i].first);
			else
				printed_record(&x, rec, x.v[i].first);
			xmlFree(lang);
			xmlFree(type);
		}
	}
	for (i = 0; i < x.n; i++) {
		free(x.v[i].key);
		free(x.v[i].id);
	}
	free(x.v);
	return rc;
}

/* SPDX-License-Identifier: MIT */
/*
 * header.c — the teiHeader: every title the text or the metadata gives
 * (each with its language, type="main" on the one in the article's
 * language), authors, the source article as a <biblStruct> with whatever
 * metadata is known, the application and version, the languages used, the
 * printed keywords and a revision entry.  Nothing is invented: a field
 * without a source is left out.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "convert_internal.h"

static xmlNodePtr el(tf_build *b, xmlNodePtr parent, const char *name)
{
	return tf_tei__elem(b, parent, name);
}

static void attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

typedef struct {
	char *lang;
	char *text;
} title;

static void add_title(title *t, size_t *n, const char *lang, const char *text)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((t[i].lang && lang && !strcmp(t[i].lang, lang)) || !strcmp(t[i].text, text))
			return; /* one title per language */
	t[*n].lang = lang ? strdup(lang) : NULL;
	t[*n].text = strdup(text);
	(*n)++;
}

static void persons(tf_build *b, xmlNodePtr parent, const tf_meta *m)
{
	size_t i;

	for (i = 0; m && i < m->nauthors; i++) {
		xmlNodePtr a = el(b, parent, "author"), pn = el(b, a, "persName");
		if (m->authors[i].given)
			tf_tei__elem_text(b, pn, "forename", m->authors[i].given);
		if (m->authors[i].family)
			tf_tei__elem_text(b, pn, "surname", m->authors[i].family);
	}
}

static void titles_into(tf_build *b, xmlNodePtr parent, const title *t, size_t n, const char *level)
{
	size_t i;

	for (i = 0; i < n; i++) {
		xmlNodePtr x = tf_tei__elem_text(b, parent, "title", t[i].text);
		if (level)
			attr(x, "level", level);
		else if (t[i].lang && b->main_lang && !strcmp(t[i].lang, b->main_lang))
			attr(x, "type", "main");
		tf_tei__set_lang(x, t[i].lang);
	}
}

/* Every xml:lang value in the document, in order of first use. */
static void collect_langs(xmlNodePtr n, char ***langs, size_t *count)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		{
			xmlChar *l = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
			size_t i;
			int seen = 0;
			for (i = 0; l && i < *count; i++)
				seen |= !strcmp((*langs)[i], (const char *)l);
			if (l && !seen) {
				char **p = realloc(*langs, (*count + 1) * sizeof *p);
				if (p) {
					*langs = p;
					p[(*count)++] = strdup((const char *)l);
				}
			}
			xmlFree(l);
		}
		collect_langs(n->children, langs, count);
	}
}

static void source_desc(tf_build *b, xmlNodePtr fd, const tf_meta *m, const title *t, size_t nt,
			char **langs, size_t nlangs)
{
	xmlNodePtr sd = el(b, fd, "sourceDesc"), bs = el(b, sd, "biblStruct");
	xmlNodePtr an = el(b, bs, "analytic"), mo, im, tl;
	tf_buf other = TF_BUF_INIT;
	size_t i;
	int any = 0;

	titles_into(b, an, t, nt, "a");
	persons(b, an, m);
	if (m && m->doi)
		attr(tf_tei__elem_text(b, an, "idno", m->doi), "type", "DOI");
	tl = el(b, an, "textLang");
	attr(tl, "mainLang", b->main_lang);
	for (i = 0; i < nlangs; i++) {
		if (!strcmp(langs[i], b->main_lang))
			continue;
		if (other.len)
			tf_buf__putc(&other, ' ');
		tf_buf__puts(&other, langs[i]);
	}
	if (other.len)
		attr(tl, "otherLangs", other.data);
	tf_buf__free(&other);
	mo = el(b, bs, "monogr");
	if (m && m->journal)
		attr(tf_tei__elem_text(b, mo, "title", m->journal), "level", "j");
	im = el(b, mo, "imprint");
	if (m && m->pub_place) {
		tf_tei__elem_text(b, im, "pubPlace", m->pub_place);
		any = 1;
	}
	if (m && m->publisher) {
		tf_tei__elem_text(b, im, "publisher", m->publisher);
		any = 1;
	}
	if (m && m->volume) {
		attr(tf_tei__elem_text(b, im, "biblScope", m->volume), "unit", "volume");
		any = 1;
	}
	if (m && m->issue) {
		attr(tf_tei__elem_text(b, im, "biblScope", m->issue), "unit", "issue");
		any = 1;
	}
	if (m && m->first_page) {
		char pages[128];
		xmlNodePtr sc;
		snprintf(pages, sizeof pages, "%s%s%s", m->first_page,
			 m->last_page ? "\xE2\x80\x93" : "", m->last_page ? m->last_page : "");
		sc = tf_tei__elem_text(b, im, "biblScope", pages);
		attr(sc, "unit", "page");
		attr(sc, "from", m->first_page);
		if (m->last_page)
			attr(sc, "to", m->last_page);
		any = 1;
	}
	if (m && m->year) {
		attr(tf_tei__elem_text(b, im, "date", m->year), "when", m->year);
	} else if (!any) {
		el(b, im, "date"); /* imprint needs one part; the date is unknown */
	}
}

static const char *language_name(tf_build *b, const char *code)
{
	const tf_lexicon *l = tf_lexicons__find(b->lex, code);
	return l ? tf_lexicon__name(l) : code;
}

static void profile_desc(tf_build *b, xmlNodePtr header, char **langs, size_t nlangs)
{
	xmlNodePtr pd = el(b, header, "profileDesc"), lu = el(b, pd, "langUsage");
	size_t i;

	for (i = 0; i < nlangs; i++)
		attr(tf_tei__elem_text(b, lu, "language", language_name(b, langs[i])), "ident",
		     langs[i]);
	if (b->keywords) {
		xmlNodePtr tc = el(b, pd, "textClass"), kw = el(b, tc, "keywords"), it;
		char *l = tf_tei__lang_of(b->keywords);
		tf_tei__set_lang(kw, l ? l : b->main_lang);
		free(l);
		for (it = b->keywords->children; it; it = it->next) {
			xmlChar *s;
			if (it->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)it->name, "item") != 0)
				continue;
			s = xmlNodeGetContent(it);
			tf_tei__elem_text(b, kw, "term", (const char *)s);
			xmlFree(s);
		}
	}
}

static void today(char *buf, size_t n)
{
	time_t now = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;

	if (sde && *sde)
		now = (time_t)strtoll(sde, NULL, 10);
	gmtime_r(&now, &tm);
	strftime(buf, n, "%Y-%m-%d", &tm);
}

int tf_header__build(tf_build *b, const tf_convert_options *opts, const tf_meta *m)
{
	title t[64];
	size_t nt = 0, i, nlangs = 0;
	char **langs = NULL, date[32], change[512];
	xmlNodePtr h = b->header, fd, ts, ps, ed, ai, app, rd, ch;
	const char *src = opts && opts->source_name ? opts->source_name : b->name;
	const char *base = strrchr(src, '/');

	base = base ? base + 1 : src;
	for (i = 0; m && i < m->ntitles && nt < 32; i++)
		add_title(t, &nt, m->title_lang[i] ? m->title_lang[i] : b->main_lang,
			  m->title_text[i]);
	for (i = 0; i < b->ntitles && nt < 64; i++) {
		xmlChar *s = xmlNodeGetContent(b->titles[i]);
		char *l = tf_tei__lang_of(b->titles[i]);
		if (s)
			add_title(t, &nt, l, (const char *)s);
		free(l);
		xmlFree(s);
	}
	if (nt == 0) {
		/* the first heading of the front matter (a title printed above
		 * the author lines), else of the body */
		xmlNodePtr head = NULL, parts[2], n;
		size_t p;
		parts[0] = b->front;
		parts[1] = b->body;
		for (p = 0; p < 2 && !head; p++)
			for (n = parts[p] ? parts[p]->children : NULL; n && !head; n = n->next)
				if (n->type == XML_ELEMENT_NODE && n->children &&
				    !strcmp((const char *)n->name, "div") &&
				    !strcmp((const char *)n->children->name, "head") &&
				    (p == 1 || !xmlHasProp(n, (const xmlChar *)"type") ||
				     xmlStrcmp(
					 xmlHasProp(n, (const xmlChar *)"type")->children->content,
					 (const xmlChar *)"abstract") != 0))
					head = n->children;
		if (head) {
			xmlChar *s = xmlNodeGetContent(head);
			add_title(t, &nt, b->main_lang, (const char *)s);
			xmlFree(s);
		} else {
			add_title(t, &nt, NULL, base);
		}
		tf_diag_list_add(b->diags, TF_SEV_WARNING, b->name, 0, 0, NULL, "header",
				 "the text prints no title and no metadata gives one: "
				 "the first heading stands as the title");
	}
	collect_langs(b->tei, &langs, &nlangs);
	fd = el(b, h, "fileDesc");
	ts = el(b, fd, "titleStmt");
	titles_into(b, ts, t, nt, NULL);
	persons(b, ts, m);
	ps = el(b, fd, "publicationStmt");
	tf_tei__elem_text(b, ps, "p",
			  "Unpublished: converted by teiforge; no publication "
			  "facts for this edition were supplied.");
	source_desc(b, fd, m, t, nt, langs, nlangs);
	ed = el(b, h, "encodingDesc");
	ai = el(b, ed, "appInfo");
	app = el(b, ai, "application");
	attr(app, "ident", "teiforge");
	attr(app, "version", tf_version());
	tf_tei__elem_text(b, app, "label", "teiforge");
	tf_tei__elem_text(b, app, "desc",
			  "Converted from the text of the article as extracted "
			  "from its PDF, following the project's encoding rules.");
	profile_desc(b, h, langs, nlangs);
	rd = el(b, h, "revisionDesc");
	if (opts && opts->date)
		snprintf(date, sizeof date, "%s", opts->date);
	else
		today(date, sizeof date);
	snprintf(change, sizeof change, "Converted from %s by teiforge %s.", base, tf_version());
	ch = tf_tei__elem_text(b, rd, "change", change);
	attr(ch, "when", date);
	for (i = 0; i < nt; i++) {
		free(t[i].lang);
		free(t[i].text);
	}
	for (i = 0; i < nlangs; i++)
		free(langs[i]);
	free(langs);
	return 0;
}

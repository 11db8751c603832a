/* SPDX-License-Identifier: MIT */
/*
 * structure.c — third stage of the converter: turns blocks into the TEI
 * text: <front> with one <div type="abstract"> per abstract (its language
 * detected from its own text; a title printed above it as
 * <head type="title">; printed keywords as <list type="keywords">), and
 * <body> with one <div type="section"> per heading.  Page starts become
 * <pb/> where the page begins — between divs, or inside a paragraph — and
 * reference marks become empty <note>s that notes.c fills.
 */
#include <stdlib.h>
#include <string.h>
#include "blocks.h"

static int page_number(const tf_build *b, int ordinal)
{
	return b->first_page > 0 ? b->first_page + ordinal - 1 : ordinal;
}

static void emit_pb(tf_build *b, xmlNodePtr parent, int ordinal)
{
	char n[32];
	xmlNodePtr pb = tf_tei__elem(b, parent, "pb");

	snprintf(n, sizeof n, "%d", page_number(b, ordinal));
	xmlNewProp(pb, (const xmlChar *)"n", (const xmlChar *)n);
}

static void emit_pages_before(tf_build *b, xmlNodePtr parent, const tf_block *bk)
{
	size_t i;

	for (i = 0; i < bk->npages_before; i++)
		emit_pb(b, parent, bk->pages_before[i]);
}

/* Text of the block from byte from, with its marks and page starts. */
static void emit_inline(tf_build *b, xmlNodePtr parent, const tf_block *bk, size_t from)
{
	size_t pos = from, i;
	char n[32];

	for (i = 0; i < bk->nsegs; i++) {
		const tf_seg *sg = &bk->segs[i];
		size_t off = sg->off < from ? from : sg->off;
		if (off > pos)
			tf_tei__append_text(parent, bk->text.data + pos, off - pos);
		pos = off;
		if (sg->kind == TF_SEG_PAGE) {
			emit_pb(b, parent, sg->n);
		} else {
			xmlNodePtr note = tf_tei__elem(b, parent, "note");
			snprintf(n, sizeof n, "%d", sg->n);
			xmlNewProp(note, (const xmlChar *)"place", (const xmlChar *)"foot");
			xmlNewProp(note, (const xmlChar *)"n", (const xmlChar *)n);
		}
	}
	if (bk->text.len > pos)
		tf_tei__append_text(parent, bk->text.data + pos, bk->text.len - pos);
}

static int is_abstract_head(const tf_build *b, const tf_block *bk)
{
	size_t i, len = bk->text.len;
	const char *t = bk->text.data;

	if (bk->kind != TF_BLOCK_HEAD || !t)
		return 0;
	while (len > 0 && (t[len - 1] == ':' || t[len - 1] == '.' || t[len - 1] == ' '))
		len--;
	for (i = 0; i < tf_lexicons__count(b->lex); i++) {
		size_t k = tf_lexicon__prefix(tf_lexicons__get(b->lex, i), "abstract-heads", t);
		if (k && k >= len)
			return 1;
	}
	return 0;
}

/* Trims ASCII white space and a final full stop off s[0..n). */
static void trim_item(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' '))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '.'))
		(*n)--;
}

static void emit_keywords(tf_build *b, xmlNodePtr parent, const tf_block *bk)
{
	xmlNodePtr list = tf_tei__elem(b, parent, "list"), head;
	const char *t = bk->text.data, *p;
	size_t label = bk->label_len;

	xmlNewProp(list, (const xmlChar *)"type", (const xmlChar *)"keywords");
	while (t[label] == ' ' || t[label] == ':' || t[label] == '.' || t[label] == '-')
		label++;
	head = tf_tei__elem(b, list, "head");
	{
		size_t hl = label;
		while (hl > 0 && t[hl - 1] == ' ')
			hl--;
		tf_tei__append_text(head, t, hl);
	}
	p = t + label;
	while (*p) {
		const char *end = p;
		size_t n;
		while (*end && *end != ',' && *end != ';')
			end++;
		n = (size_t)(end - p);
		trim_item(&p, &n);
		if (n > 0) {
			xmlNodePtr item = tf_tei__elem(b, list, "item");
			tf_tei__append_text(item, p, n);
		}
		p = *end ? end + 1 : end;
	}
	if (!b->keywords)
		b->keywords = list;
}

static int remember_title(tf_build *b, xmlNodePtr head)
{
	xmlNodePtr *p = realloc(b->titles, (b->ntitles + 1) * sizeof *p);

	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	b->titles = p;
	b->titles[b->ntitles++] = head;
	return 0;
}

/* Text of the element's <p> children, for language identification. */
static char *paragraph_text(xmlNodePtr el)
{
	tf_buf t = TF_BUF_INIT;
	xmlNodePtr c;

	for (c = el->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && (!strcmp((const char *)c->name, "p") ||
						    !strcmp((const char *)c->name, "list"))) {
			xmlChar *s = xmlNodeGetContent(c);
			if (s) {
				tf_buf__puts(&t, (const char *)s);
				tf_buf__putc(&t, ' ');
			}
			xmlFree(s);
		}
	}
	return tf_buf__detach(&t);
}

static void set_detected_lang(tf_build *b, xmlNodePtr el, const char *text, const char *parent_lang)
{
	const char *lang = text ? tf_langid__detect(b->lex, text) : NULL;

	if (lang && (!parent_lang || strcmp(lang, parent_lang) != 0))
		tf_tei__set_lang(el, lang);
}

/* Languages of the abstracts, their titles and keyword lists. */
static void front_languages(tf_build *b)
{
	xmlNodePtr div, c;

	for (div = b->front ? b->front->children : NULL; div; div = div->next) {
		char *text;
		xmlChar *dl;
		if (div->type != XML_ELEMENT_NODE || strcmp((const char *)div->name, "div") != 0)
			continue;
		text = paragraph_text(div);
		set_detected_lang(b, div, text, NULL);
		free(text);
		dl = xmlGetNsProp(div, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		for (c = div->children; c; c = c->next) {
			xmlChar *s;
			if (c->type != XML_ELEMENT_NODE ||
			    (strcmp((const char *)c->name, "head") != 0 &&
			     strcmp((const char *)c->name, "list") != 0))
				continue;
			s = xmlNodeGetContent(c);
			set_detected_lang(b, c, (const char *)s, (const char *)dl);
			xmlFree(s);
		}
		xmlFree(dl);
	}
}

typedef struct {
	xmlNodePtr parent; /* front or body */
	xmlNodePtr div; /* current div, or NULL */
	int title_only; /* div holds only a title head so far */
} cursor;

static xmlNodePtr open_div(tf_build *b, cursor *c, const char *type)
{
	c->div = tf_tei__elem(b, c->parent, "div");
	xmlNewProp(c->div, (const xmlChar *)"type", (const xmlChar *)type);
	c->title_only = 0;
	return c->div;
}

static void emit_head(tf_build *b, xmlNodePtr div, const tf_block *bk, const char *type)
{
	xmlNodePtr head = tf_tei__elem(b, div, "head");

	if (type)
		xmlNewProp(head, (const xmlChar *)"type", (const xmlChar *)type);
	emit_inline(b, head, bk, 0);
	if (type)
		remember_title(b, head);
}

static void emit_body_block(tf_build *b, cursor *c, const tf_block *bk)
{
	xmlNodePtr where;

	if (bk->kind == TF_BLOCK_HEAD) {
		emit_pages_before(b, c->parent, bk);
		open_div(b, c, c->parent == b->front ? "frontmatter" : "section");
		emit_head(b, c->div, bk, NULL);
		return;
	}
	if (!c->div && c->parent == b->front)
		open_div(b, c, "frontmatter");
	where = c->div ? c->div : c->parent;
	emit_pages_before(b, where, bk);
	if (bk->kind == TF_BLOCK_KEYWORDS)
		emit_keywords(b, where, bk);
	else
		emit_inline(b, tf_tei__elem(b, where, "p"), bk, 0);
	c->title_only = 0;
}

int tf_structure__build(tf_build *b)
{
	tf_blocks bs;
	cursor c = {NULL, NULL, 0};
	size_t i, first_abs = (size_t)-1, last_abs = (size_t)-1;
	int rc;

	rc = tf_blocks__build(&bs, b->layout, b->lex);
	if (rc < 0)
		return rc;
	for (i = 0; i < bs.n; i++) {
		if (is_abstract_head(b, &bs.v[i])) {
			if (first_abs == (size_t)-1)
				first_abs = i;
			last_abs = i;
		}
	}
	if (bs.n == 0) {
		tf_blocks__free(&bs);
		return tf_error__set(TF_EINPUT, "%s: no text found", b->name);
	}
	c.parent = first_abs != (size_t)-1 ? b->front : b->body;
	i = 0;
	/* Lines before the first abstract other than one title right above it
	 * (title, authors, affiliation): a front-matter div whose first
	 * heading is the article's title and the rest paragraphs. */
	if (first_abs != (size_t)-1 && first_abs >= 2) {
		int titled = 0;
		emit_pages_before(b, c.parent, &bs.v[0]);
		open_div(b, &c, "frontmatter");
		for (i = 0; i < first_abs; i++) {
			const tf_block *bk = &bs.v[i];
			if (i > 0)
				emit_pages_before(b, c.div, bk);
			if (bk->kind == TF_BLOCK_HEAD && !titled) {
				emit_head(b, c.div, bk, "title");
				titled = 1;
			} else if (bk->kind == TF_BLOCK_KEYWORDS) {
				emit_keywords(b, c.div, bk);
			} else {
				emit_inline(b, tf_tei__elem(b, c.div, "p"), bk, 0);
			}
		}
		c.div = NULL;
	}
	for (; i < bs.n; i++) {
		const tf_block *bk = &bs.v[i];
		const tf_block *next = i + 1 < bs.n ? &bs.v[i + 1] : NULL;

		if (c.parent == b->front && bk->kind == TF_BLOCK_HEAD && i > last_abs) {
			/* the first heading after the last abstract opens the body */
			c.parent = b->body;
			c.div = NULL;
		}
		if (c.parent == b->front && bk->kind == TF_BLOCK_HEAD) {
			if (is_abstract_head(b, bk)) {
				if (!c.title_only) {
					emit_pages_before(b, c.parent, bk);
					open_div(b, &c, "abstract");
				} else {
					emit_pages_before(b, c.div, bk);
				}
				emit_head(b, c.div, bk, NULL);
				c.title_only = 0;
				continue;
			}
			if (next && is_abstract_head(b, next)) {
				/* a title printed above an abstract */
				emit_pages_before(b, c.parent, bk);
				open_div(b, &c, "abstract");
				emit_head(b, c.div, bk, "title");
				c.title_only = 1;
				continue;
			}
		}
		emit_body_block(b, &c, bk);
	}
	tf_blocks__free(&bs);
	front_languages(b);
	return 0;
}

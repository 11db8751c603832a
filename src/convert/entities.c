/* SPDX-License-Identifier: MIT */
/*
 * entities.c — the names-and-dates pass of the converter: persons,
 * organisations, places and calendar expressions in the running text,
 * the abstracts and the notes (ENCODING.md §3, §5), with one authority
 * record per entity in <standOff>.
 *
 * It walks the text in reading order.  Each element's own text is a
 * container (ent_text.c); dates are found first (dates.c), carrying the
 * year of the running text for dates that lack one, then names
 * (names.c).  One walk: a surname is known from its fuller mentions
 * before it (a learning walk over the whole text first was tried: on the
 * article and the test articles it found more false persons than it
 * joined true ones).
 */
#include <stdlib.h>
#include <string.h>
#include "ents.h"

typedef struct {
	tf_build *b;
	tf_ents *e;
	tf_date_ctx ctx;
} walk_ctx;

static int skip_el(xmlNodePtr n)
{
	static const char *const skip[] = {"pb",      "lb",        "biblScope", "date", "persName",
					   "orgName", "placeName", "idno",      NULL};
	size_t i;

	for (i = 0; skip[i]; i++)
		if (!strcmp((const char *)n->name, skip[i]))
			return 1;
	return 0;
}

static char *lang_of(walk_ctx *w, xmlNodePtr n)
{
	char *l = tf_tei__lang_of(n);

	return l ? l : strdup(w->b->main_lang ? w->b->main_lang : "und");
}

/* A person's name as a reference prints it without its initials
 * (Dunsterville L.C., В.Н. Коковцов): the words of two letters or more,
 * folded.  New string, NULL if none. */
static char *name_words(const char *fold)
{
	tf_buf b = TF_BUF_INIT;
	const char *p = fold;

	while (*p) {
		size_t n = strcspn(p, " .,");
		if (tf_layout__chars(p, n) >= 2) {
			if (b.len)
				tf_buf__putc(&b, ' ');
			tf_buf__append(&b, p, n);
		}
		p += n;
		while (*p == ' ' || *p == '.' || *p == ',')
			p++;
	}
	if (!b.len) {
		tf_buf__free(&b);
		return NULL;
	}
	return tf_buf__detach(&b);
}

/* The first one-letter word of a folded name (the first initial), into
 * buf; 0 if none. */
static int first_initial(const char *fold, char *buf, size_t n)
{
	const char *p = fold;

	while (*p) {
		size_t k = strcspn(p, " .,");
		if (k > 0 && tf_layout__chars(p, k) == 1 && k < n) {
			memcpy(buf, p, k);
			buf[k] = '\0';
			return 1;
		}
		p += k;
		while (*p == ' ' || *p == '.' || *p == ',')
			p++;
	}
	return 0;
}

/* Existing name elements (made by the reference parser) get a record. */
static void ref_existing(walk_ctx *w, xmlNodePtr n, const char *lang)
{
	const char *kind = !strcmp((const char *)n->name, "persName")    ? "pers"
			   : !strcmp((const char *)n->name, "orgName")   ? "org"
			   : !strcmp((const char *)n->name, "placeName") ? "place"
									 : NULL;
	xmlChar *text;
	const char *ref = NULL, *gk = NULL, *gid = NULL;
	char *fold;

	if (!kind || xmlHasProp(n, (const xmlChar *)"ref"))
		return;
	text = xmlNodeGetContent(n);
	fold = text ? tf_text__fold((const char *)text, lang) : NULL;
	if (fold) {
		gid = tf_ents__gaz(w->e, fold, &gk);
		if (!strcmp(kind, "org"))
			ref = tf_ents__by_abbr(w->e, (const char *)text);
		if (!ref && gid && gk && !strcmp(gk, kind))
			ref = tf_ents__record(w->e, kind, gid, (const char *)text, lang, gid);
		/* an author the text names in another language or script
		 * (Dunsterville L.C. after Денстервиля) */
		if (!ref && !strcmp(kind, "pers") && !tf_ents__ref(w->e, kind, fold, NULL, NULL)) {
			char *words = name_words(fold);
			if (words)
				ref = tf_ents__by_skeleton(w->e, words, lang);
			/* the person the text names with these initials
			 * (Mamulia Q.Q., Q.Q.Mamuliya) */
			if (!ref && words && !strchr(words, ' ')) {
				char ini[8];
				if (first_initial(fold, ini, sizeof ini))
					ref = tf_ents__by_loose_surname(w->e, words, ini);
			}
			free(words);
		}
		if (!ref)
			ref = tf_ents__record(w->e, kind, fold, (const char *)text, lang, NULL);
		/* a person with initials is known by the surname too */
		if (ref && !strcmp(kind, "pers")) {
			char *words = name_words(fold), ini[8];
			if (words && !strchr(words, ' ') && first_initial(fold, ini, sizeof ini))
				tf_ents__set_surname(w->e, ref, words);
			free(words);
		}
	}
	/* "Full Name (ABBR)": the abbreviation joins the name's record, or
	 * both take the gazetteer's record of the abbreviation */
	if (ref && !strcmp(kind, "org")) {
		xmlNodePtr t = n->prev, full = t ? t->prev : NULL;
		xmlChar *fref = full && full->type == XML_ELEMENT_NODE &&
					!strcmp((const char *)full->name, "orgName")
				    ? xmlGetProp(full, (const xmlChar *)"ref")
				    : NULL;
		if (fref && t->type == XML_TEXT_NODE && t->content &&
		    strchr((const char *)t->content, '(') && n->next &&
		    n->next->type == XML_TEXT_NODE && n->next->content &&
		    n->next->content[0] == ')') {
			if (gid && gk && !strcmp(gk, "org")) {
				char buf2[256];
				snprintf(buf2, sizeof buf2, "#%s", ref);
				xmlSetProp(full, (const xmlChar *)"ref", (const xmlChar *)buf2);
			} else {
				ref = (const char *)fref + 1;
			}
			tf_ents__set_abbr(w->e, ref, (const char *)text);
		}
		if (ref) {
			char buf[256];
			tf_ents__touch(w->e, ref);
			snprintf(buf, sizeof buf, "#%s", ref);
			xmlNewProp(n, (const xmlChar *)"ref", (const xmlChar *)buf);
		}
		xmlFree(fref);
		ref = NULL;
	}
	if (ref) {
		char buf[256];
		tf_ents__touch(w->e, ref);
		snprintf(buf, sizeof buf, "#%s", ref);
		xmlNewProp(n, (const xmlChar *)"ref", (const xmlChar *)buf);
	}
	free(fold);
	xmlFree(text);
}

static int is_name_or_date(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && (!strcmp((const char *)n->name, "persName") ||
					       !strcmp((const char *)n->name, "orgName") ||
					       !strcmp((const char *)n->name, "placeName") ||
					       !strcmp((const char *)n->name, "date"));
}

static int walk(walk_ctx *w, xmlNodePtr el, int in_note, int in_bibl)
{
	tf_ctr c;
	xmlNodePtr n, next, *pre = NULL;
	size_t npre = 0, k;
	char *lang = lang_of(w, el);
	int rc;

	if (!lang)
		return tf_error__set(TF_ENOMEM, "out of memory");
	/* the names and dates the reference parser made, for the review
	 * sheet (those this pass makes are written by tf_ctr__apply) */
	if (w->b->want_review) {
		for (n = el->children; n; n = n->next)
			npre += is_name_or_date(n);
		pre = npre ? malloc(npre * sizeof *pre) : NULL;
		npre = 0;
		for (n = el->children; n && pre; n = n->next)
			if (is_name_or_date(n))
				pre[npre++] = n;
	}
	rc = tf_ctr__tokenize(&c, w->b->lex, el, lang);
	if (rc == 0) {
		c.in_note = in_note;
		c.in_bibl = in_bibl;
		c.is_title = !strcmp((const char *)el->name, "head") ||
			     !strcmp((const char *)el->name, "item") ||
			     !strcmp((const char *)el->name, "title");
		tf_dates__find(w->b->lex, &c, &w->ctx);
		rc = tf_names__find(w->e, &c);
		if (rc == 0)
			rc = tf_ctr__apply(w->b, &c, el, w->e);
	}
	tf_ctr__free(&c);
	for (n = el->children; n && rc == 0; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (skip_el(n)) {
			ref_existing(w, n, lang);
			for (k = 0; k < npre; k++)
				if (pre[k] == n)
					tf_ctr__review(w->b, el, n, "reference");
			continue;
		}
		rc = walk(w, n, in_note || !strcmp((const char *)n->name, "note"),
			  in_bibl || !strcmp((const char *)n->name, "bibl"));
	}
	free(pre);
	free(lang);
	return rc;
}

int tf_entities__tag(tf_build *b)
{
	tf_ents *e = NULL;
	walk_ctx w;
	int rc;

	rc = tf_ents__new(&e, b);
	if (rc < 0)
		return rc;
	memset(&w, 0, sizeof w);
	w.b = b;
	w.e = e;
	rc = walk(&w, b->text, 0, 0);
	if (rc == 0)
		rc = tf_ents__standoff(e);
	tf_ents__free(e);
	return rc;
}

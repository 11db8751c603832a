/* SPDX-License-Identifier: MIT */
/*
 * checks.c — TEI constraints that need no Schematron, checked in one walk
 * of the document (called by constraints.c):
 *
 *   tf-ref   every "#id" in @ref, @target, @corresp and @who names an
 *            xml:id of the document (libxml2 indexes them while parsing;
 *            duplicate and malformed xml:ids are the parser's, rule xml-id);
 *   tf-lang  xml:lang is a well-formed BCP 47 tag (RFC 5646 syntax);
 *   tf-date  @from <= @to and @notBefore <= @notAfter (ISO dates);
 *   tf-note  numbered notes (@n = 1, 2, ...) follow each other.
 *
 * tf-ref, tf-lang and tf-date are errors in strict mode, else warnings;
 * tf-note is always a warning.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include <libxml/valid.h>
#include "validate_internal.h"

#define XML_NS "http://www.w3.org/XML/1998/namespace"

struct walk {
	xmlDocPtr doc;
	tf_constraints_mode mode;
	const tf_posmap *pos;
	const char *file;
	tf_diag_list *diags;
	xmlHashTablePtr names;
	long last_note;
	size_t errors;
};

static void report(struct walk *w, xmlNodePtr el, const char *rule, int error_if_strict,
		   const char *msg)
{
	long line, col;
	char *path = tf_validate__path(el);
	int error = error_if_strict && w->mode == TF_CONSTRAINTS_STRICT;

	tf_posmap__get(w->pos, el, &line, &col);
	tf_diag_list_add(w->diags, error ? TF_SEV_ERROR : TF_SEV_WARNING, w->file, line, col, path,
			 rule, msg);
	w->errors += (size_t)error;
	free(path);
}

static int alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the run of [A-Za-z0-9] at s and whether it is all letters /
 * all digits. */
static size_t subtag(const char *s, int *letters, int *digits)
{
	size_t n = 0;

	*letters = *digits = 1;
	for (; alpha(s[n]) || digit(s[n]); n++) {
		*letters &= alpha(s[n]);
		*digits &= digit(s[n]);
	}
	return n;
}

/* RFC 5646 langtag / privateuse syntax (grandfathered "i-" tags accepted). */
static int bcp47(const char *s)
{
	int l, d, state = 0; /* 0 language, 1 extlang, 2 script, 3 region, 4 variant, 5 ext */
	size_t n;

	if (!*s)
		return 1; /* xml:lang="" is allowed */
	n = subtag(s, &l, &d);
	if ((n == 1 && (*s == 'x' || *s == 'X' || *s == 'i' || *s == 'I')) && s[1] == '-') {
		for (s += 2; *s; s += n + (s[n] == '-')) {
			n = subtag(s, &l, &d);
			if (n < 1 || n > 8 || (s[n] && s[n] != '-'))
				return 0;
		}
		return 1;
	}
	if (!l || n < 2 || n > 8)
		return 0;
	for (s += n; *s; s += n) {
		if (*s++ != '-')
			return 0;
		n = subtag(s, &l, &d);
		if (n == 0 || n > 8)
			return 0;
		if (n == 1) { /* extension or private use: the rest is 1-8 alnum subtags */
			for (s += 1; *s; s += n) {
				if (*s++ != '-' || (n = subtag(s, &l, &d)) < 1)
					return 0;
			}
			return 1;
		}
		if (state < 1 && n == 3 && l)
			state = 1;
		else if (state < 2 && n == 4 && l)
			state = 2;
		else if (state < 3 && ((n == 2 && l) || (n == 3 && d)))
			state = 3;
		else if ((n >= 5) || (n == 4 && digit(*s)))
			state = 4;
		else
			return 0;
	}
	return 1;
}

/* Parses [-]YYYY[-MM[-DD]]... into a comparable key; 0 if not a date. */
static int date_key(const char *s, long long *key)
{
	long long y = 0;
	int neg = 0, m = 0, d = 0;
	size_t n = 0;

	if (*s == '-')
		neg = 1, s++;
	for (; digit(s[n]); n++)
		y = y * 10 + (s[n] - '0');
	if (n < 4 || n > 12)
		return 0;
	s += n;
	if (s[0] == '-' && digit(s[1]) && digit(s[2])) {
		m = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
		if (s[0] == '-' && digit(s[1]) && digit(s[2]))
			d = (s[1] - '0') * 10 + (s[2] - '0');
	}
	*key = (neg ? -y : y) * 10000 + m * 100 + d;
	return 1;
}

static void check_range(struct walk *w, xmlNodePtr el, const char *lo, const char *hi)
{
	xmlChar *a = xmlGetProp(el, BAD_CAST lo), *b = xmlGetProp(el, BAD_CAST hi);
	long long ka, kb;

	if (a && b && date_key((const char *)a, &ka) && date_key((const char *)b, &kb) && ka > kb) {
		char msg[400];

		snprintf(msg, sizeof msg,
			 "dates out of order: @%s=\"%.60s\" is later than @%s=\"%.60s\"", lo,
			 (const char *)a, hi, (const char *)b);
		report(w, el, "tf-date", 1, msg);
	}
	xmlFree(a);
	xmlFree(b);
}

static void check_refs(struct walk *w, xmlNodePtr el, xmlAttrPtr a)
{
	xmlChar *v = xmlNodeListGetString(w->doc, a->children, 1);
	char *p, *tok, *save = NULL;

	for (p = (char *)v; v && (tok = strtok_r(p, " \t\r\n", &save)); p = NULL) {
		if (tok[0] == '#' && tok[1] && !xmlGetID(w->doc, BAD_CAST(tok + 1))) {
			char msg[400];

			snprintf(msg, sizeof msg,
				 "@%s points to \"%.200s\", but no element has that xml:id",
				 (const char *)a->name, tok);
			report(w, el, "tf-ref", 1, msg);
		}
	}
	xmlFree(v);
}

static void check_element(struct walk *w, xmlNodePtr el)
{
	xmlAttrPtr a;

	for (a = el->properties; a; a = a->next) {
		const char *n = (const char *)a->name;
		int xmlns = a->ns && strcmp((const char *)a->ns->href, XML_NS) == 0;

		if (!a->ns && (strcmp(n, "ref") == 0 || strcmp(n, "target") == 0 ||
			       strcmp(n, "corresp") == 0 || strcmp(n, "who") == 0))
			check_refs(w, el, a);
		else if (xmlns && strcmp(n, "lang") == 0) {
			xmlChar *v = xmlNodeListGetString(w->doc, a->children, 1);
			if (v && !bcp47((const char *)v)) {
				char msg[200];

				snprintf(msg, sizeof msg,
					 "xml:lang=\"%.60s\" is not a BCP 47 language tag",
					 (const char *)v);
				report(w, el, "tf-lang", 1, msg);
			}
			xmlFree(v);
		}
	}
	if (xmlHasProp(el, BAD_CAST "from") && xmlHasProp(el, BAD_CAST "to"))
		check_range(w, el, "from", "to");
	if (xmlHasProp(el, BAD_CAST "notBefore") && xmlHasProp(el, BAD_CAST "notAfter"))
		check_range(w, el, "notBefore", "notAfter");
	if (strcmp((const char *)el->name, "note") == 0) {
		xmlChar *n = xmlGetProp(el, BAD_CAST "n");
		char *end;
		long v = n ? strtol((const char *)n, &end, 10) : -1;

		if (n && *n && !*end && v > 0) {
			if (w->last_note > 0 && v != 1 && v != w->last_note + 1) {
				char msg[100];

				snprintf(msg, sizeof msg, "note numbered %ld follows note %ld", v,
					 w->last_note);
				report(w, el, "tf-note", 0, msg);
			}
			w->last_note = v;
		}
		xmlFree(n);
	}
}

static void walk_tree(struct walk *w, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlAttrPtr a;

		if (w->names && !xmlHashLookup(w->names, n->name))
			xmlHashAddEntry(w->names, n->name, (void *)1);
		for (a = n->properties; w->names && a; a = a->next)
			if (!xmlHashLookup2(w->names, BAD_CAST "@", a->name))
				xmlHashAddEntry2(w->names, BAD_CAST "@", a->name, (void *)1);
		check_element(w, n);
		walk_tree(w, n->children);
	}
}

size_t tf_checks__run(xmlDocPtr doc, tf_constraints_mode mode, const tf_posmap *pos,
		      const char *file, tf_diag_list *diags, xmlHashTablePtr *names)
{
	struct walk w;

	memset(&w, 0, sizeof w);
	w.doc = doc;
	w.mode = mode;
	w.pos = pos;
	w.file = file;
	w.diags = diags;
	w.names = xmlHashCreate(256);
	walk_tree(&w, xmlDocGetRootElement(doc));
	*names = w.names;
	return w.errors;
}

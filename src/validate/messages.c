/* SPDX-License-Identifier: MIT */
/*
 * messages.c — libxml2's RelaxNG errors turned into jing-grade messages.
 *
 * libxml2 reports one error as two to four lines (the cause, then "failed
 * to validate content" and "has extra content" for each ancestor), gives no
 * column, says "Invalid attribute X" for a bad value and for an unknown
 * attribute alike, and sometimes leaves the element name empty.  The raw
 * errors of one document are gathered here (per validation context, so
 * threads never share them), reduced to one per offending node with the
 * ancestors' summaries dropped, and rewritten with the element's path, the
 * position recorded by the parser (positions.c) and what the schema
 * expected there (expect.c).
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlerror.h>
#include "validate_internal.h"

struct raw {
	int code;
	xmlNodePtr node;
	char *str1;
	char *str2;
	char *message;
	int line;
};

struct tf_rng_errors {
	struct raw *items;
	size_t count;
	size_t cap;
	int failed;
};

int tf_rng_errors__new(tf_rng_errors **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : tf_error__set(TF_ENOMEM, "out of memory");
}

static void clear(tf_rng_errors *e)
{
	size_t i;

	for (i = 0; i < e->count; i++) {
		free(e->items[i].str1);
		free(e->items[i].str2);
		free(e->items[i].message);
	}
	e->count = 0;
}

void tf_rng_errors__free(tf_rng_errors *e)
{
	if (!e)
		return;
	clear(e);
	free(e->items);
	free(e);
}

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

void tf_rng_errors__handler(void *data, xmlErrorPtr err)
{
	tf_rng_errors *e = data;
	struct raw *r, *p;

	if (!err || err->level < XML_ERR_ERROR || e->failed)
		return;
	p = tf_array__reserve(e->items, e->count, &e->cap, sizeof *p, 16);
	if (!p) {
		e->failed = 1;
		return;
	}
	e->items = p;
	r = &e->items[e->count++];
	r->code = err->code;
	r->node = err->node;
	r->str1 = dup(err->str1);
	r->str2 = dup(err->str2);
	r->message = dup(err->message);
	r->line = err->line;
}

/* Codes that restate an error already reported at a descendant. */
static int is_summary(int code)
{
	return code == XML_RELAXNG_ERR_CONTENTVALID || code == XML_RELAXNG_ERR_EXTRACONTENT ||
	       code == XML_RELAXNG_ERR_ATTRVALID || code == XML_RELAXNG_ERR_INTERSEQ ||
	       code == XML_RELAXNG_ERR_INTEREXTRA || code == XML_RELAXNG_ERR_NOTELEM ||
	       code == XML_RELAXNG_ERR_ELEMNAME || code == XML_RELAXNG_ERR_NOELEM;
}

/* Which of two errors on one node says more. */
static int rank(int code)
{
	switch (code) {
	case XML_RELAXNG_ERR_INVALIDATTR:
		return 9;
	case XML_RELAXNG_ERR_ELEMWRONG:
	case XML_RELAXNG_ERR_TEXTWRONG:
		return 8;
	case XML_RELAXNG_ERR_DATATYPE:
	case XML_RELAXNG_ERR_VALUE:
	case XML_RELAXNG_ERR_LIST:
	case XML_RELAXNG_ERR_TYPEVAL:
		return 7;
	case XML_RELAXNG_ERR_ELEMNOTEMPTY:
	case XML_RELAXNG_ERR_ELEMEXTRANS:
	case XML_RELAXNG_ERR_ELEMWRONGNS:
		return 6;
	case XML_RELAXNG_ERR_NOELEM:
		return 5;
	case XML_RELAXNG_ERR_ELEMNAME:
		return 4;
	default:
		return is_summary(code) ? 1 : 3;
	}
}

static int is_ancestor_or_self(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static const char *qname(const xmlNode *n, char *buf, size_t size)
{
	if (n->ns && n->ns->prefix)
		snprintf(buf, size, "%s:%s", n->ns->prefix, n->name);
	else
		snprintf(buf, size, "%s", n->name);
	return buf;
}

static const xmlAttr *find_attr(const xmlNode *el, const char *name)
{
	const xmlAttr *a;

	for (a = el ? el->properties : NULL; a; a = a->next)
		if (name && strcmp((const char *)a->name, name) == 0)
			return a;
	return NULL;
}

static void attr_message(tf_buf *b, const tf_expect *ex, const xmlNode *el, const char *name)
{
	const xmlAttr *a = find_attr(el, name);
	char qn[256], an[256];
	xmlChar *value;

	qname(el, qn, sizeof qn);
	if (!a) {
		tf_buf__printf(b, "attribute \"%s\" of element \"%s\" is invalid", name, qn);
		return;
	}
	if (a->ns && a->ns->prefix)
		snprintf(an, sizeof an, "%s:%s", a->ns->prefix, a->name);
	else
		snprintf(an, sizeof an, "%s", a->name);
	if (tf_expect__has_attribute(ex, el, a) == 0) {
		tf_buf__printf(b, "attribute \"%s\" not allowed on element \"%s\"; expected ", an,
			       qn);
		tf_expect__attributes(ex, b, el);
		return;
	}
	value = xmlNodeListGetString(a->doc, a->children, 1);
	tf_buf__printf(b, "value \"%.80s\" of attribute \"%s\" is invalid; ",
		       value ? (const char *)value : "", an);
	xmlFree(value);
	tf_expect__values(ex, b, el, a);
}

/* The first element child of parent, from start on, not matched yet. */
static const xmlNode *next_element(const xmlNode *n)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* Appends "/TEI/text/body/div[2]/p[3]" for el: local names (prefixed
 * when the element is outside TEI), positions among same-named siblings. */
static void put_path(tf_buf *b, const xmlNode *el)
{
	const xmlNode *s;
	size_t pos = 1, total = 0;

	if (!el || el->type != XML_ELEMENT_NODE)
		return;
	put_path(b, el->parent);
	for (s = el->parent ? el->parent->children : NULL; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, el->name))
			continue;
		total++;
		if (s == el)
			pos = total;
	}
	if (el->ns && el->ns->prefix)
		tf_buf__printf(b, "/%s:%s", el->ns->prefix, el->name);
	else
		tf_buf__printf(b, "/%s", el->name);
	if (total > 1)
		tf_buf__printf(b, "[%zu]", pos);
}

char *tf_validate__path(const xmlNode *node)
{
	tf_buf b = TF_BUF_INIT;

	if (node && node->type == XML_ATTRIBUTE_NODE) {
		put_path(&b, node->parent);
		tf_buf__printf(&b, "/@%s", node->name);
	} else {
		put_path(&b, node);
	}
	return tf_buf__detach(&b);
}

/* Writes the message for raw error r (about element el) into b. */
static void rewrite(tf_buf *b, const tf_expect *ex, const struct raw *r, const xmlNode *el)
{
	char qn[256];
	const xmlNode *parent =
	    el->parent && el->parent->type == XML_ELEMENT_NODE ? el->parent : NULL;

	qname(el, qn, sizeof qn);
	switch (r->code) {
	case XML_RELAXNG_ERR_INVALIDATTR:
		attr_message(b, ex, el, r->str1);
		return;
	case XML_RELAXNG_ERR_ELEMWRONG:
	case XML_RELAXNG_ERR_ELEMNAME:
	case XML_RELAXNG_ERR_ELEMEXTRANS:
	case XML_RELAXNG_ERR_ELEMWRONGNS:
		tf_buf__printf(b, "element \"%s\" not allowed here", qn);
		if (parent) {
			tf_buf__puts(b, "; expected ");
			if (!tf_expect__content(ex, b, parent, el))
				tf_buf__puts(b, "nothing: the schema has no such element here");
		}
		return;
	case XML_RELAXNG_ERR_TEXTWRONG:
		tf_buf__printf(b, "text not allowed in element \"%s\"", qn);
		tf_buf__puts(b, "; expected ");
		if (!tf_expect__content(ex, b, el, NULL))
			tf_buf__puts(b, "no text");
		return;
	case XML_RELAXNG_ERR_NOELEM:
	case XML_RELAXNG_ERR_CONTENTVALID:
	case XML_RELAXNG_ERR_ELEMNOTEMPTY:
		tf_buf__printf(b, "element \"%s\" incomplete; expected ", qn);
		if (!tf_expect__content(ex, b, el, NULL))
			tf_buf__puts(b, "other content");
		return;
	case XML_RELAXNG_ERR_EXTRACONTENT:
		tf_buf__printf(b, "element \"%s\" has content the schema does not allow", qn);
		if (next_element(el->children)) {
			tf_buf__puts(b, "; expected ");
			tf_expect__content(ex, b, el, NULL);
		}
		return;
	default:
		tf_buf__printf(b, "element \"%s\": %s", qn, r->message ? r->message : "invalid");
		while (b->len && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == ' '))
			b->data[--b->len] = '\0';
	}
}

/* An invalid xml:id the parser has reported already (duplicate or not an
 * NCName) is also an invalid ID for RelaxNG: one message is enough. */
static int cascade_of_parser(const struct raw *r, const tf_diag_list *diags)
{
	size_t i;

	if (r->code != XML_RELAXNG_ERR_INVALIDATTR || !r->str1 || strcmp(r->str1, "id") != 0)
		return 0;
	for (i = 0; i < tf_diag_list_count(diags); i++) {
		const tf_diag *d = tf_diag_list_get(diags, i);
		if (d->rule && strcmp(d->rule, "xml-id") == 0)
			return 1;
	}
	return 0;
}

/* For a content error whose node is the parent, the child it is about. */
static xmlNodePtr subject(const struct raw *r)
{
	xmlNodePtr n = r->node;

	if (n && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	return n;
}

int tf_rng_errors__emit(tf_rng_errors *e, const tf_expect *ex, const tf_posmap *pos,
			const char *file, tf_diag_list *diags)
{
	size_t i, j, kept = 0;
	int rc = 0;
	char *keep;

	if (e->count == 0)
		return 0;
	keep = calloc(e->count, 1);
	if (!keep)
		return tf_error__set(TF_ENOMEM, "out of memory");
	/* one error per node: the most telling */
	for (i = 0; i < e->count; i++) {
		xmlNodePtr n = subject(&e->items[i]);

		keep[i] = 1;
		for (j = 0; j < i && keep[i]; j++) {
			if (keep[j] && subject(&e->items[j]) == n) {
				if (rank(e->items[i].code) > rank(e->items[j].code))
					keep[j] = 0;
				else
					keep[i] = 0;
			}
		}
	}
	/* summaries of ancestors of a kept error are cascades */
	for (i = 0; i < e->count; i++) {
		if (!keep[i] || !is_summary(e->items[i].code))
			continue;
		for (j = 0; j < e->count; j++) {
			if (j != i && keep[j] && subject(&e->items[j]) != subject(&e->items[i]) &&
			    is_ancestor_or_self(subject(&e->items[i]), subject(&e->items[j]))) {
				keep[i] = 0;
				break;
			}
		}
	}
	for (i = 0; i < e->count && rc == 0; i++) {
		const struct raw *r = &e->items[i];
		xmlNodePtr el = subject(r);
		tf_buf msg = TF_BUF_INIT;
		char *path = NULL;
		long line = r->line, col = 0;

		if (!keep[i] || cascade_of_parser(r, diags))
			continue;
		kept++;
		if (el) {
			tf_posmap__get(pos, el, &line, &col);
			path = tf_validate__path(el);
			rewrite(&msg, ex, r, el);
		} else {
			tf_buf__puts(&msg, r->message ? r->message : "document is not valid");
		}
		rc = tf_diag_list_add(diags, TF_SEV_ERROR, file, line, col, path, "rng",
				      msg.failed ? "out of memory" : msg.data);
		free(path);
		tf_buf__free(&msg);
	}
	if (rc == 0 && kept == 0 && tf_diag_list_count_at_least(diags, TF_SEV_ERROR) == 0)
		rc = tf_diag_list_add(diags, TF_SEV_ERROR, file, 0, 0, NULL, "rng",
				      "document is not valid against the schema");
	free(keep);
	clear(e);
	return rc;
}

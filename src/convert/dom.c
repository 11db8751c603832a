/* SPDX-License-Identifier: MIT */
/*
 * dom.c — small helpers for building the TEI tree with libxml2: elements
 * in the TEI namespace, xml:lang, text appended with merging, and wrapping
 * a stretch of a paragraph's text in a new element (quotations, names,
 * dates).  Offsets count the bytes of the parent's direct text children
 * only; element children are zero-width points between them.
 */
#include <string.h>
#include "convert_internal.h"

xmlNodePtr tf_tei__elem(tf_build *b, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(b->doc, b->ns, (const xmlChar *)name, NULL);

	if (n && parent)
		xmlAddChild(parent, n);
	return n;
}

xmlNodePtr tf_tei__elem_text(tf_build *b, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = tf_tei__elem(b, parent, name);

	if (n && text)
		tf_tei__append_text(n, text, strlen(text));
	return n;
}

void tf_tei__set_lang(xmlNodePtr node, const char *lang)
{
	xmlNsPtr xml_ns;

	if (!node || !lang)
		return;
	xml_ns = xmlSearchNsByHref(node->doc, node, XML_XML_NAMESPACE);
	xmlSetNsProp(node, xml_ns, (const xmlChar *)"lang", (const xmlChar *)lang);
}

char *tf_tei__lang_of(xmlNodePtr n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar *l = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		if (l) {
			char *s = strdup((const char *)l);
			xmlFree(l);
			return s;
		}
	}
	return NULL;
}

void tf_tei__append_text(xmlNodePtr parent, const char *text, size_t len)
{
	xmlNodePtr last = parent->last;

	if (len == 0)
		return;
	if (last && last->type == XML_TEXT_NODE &&
	    !xmlStrEqual(last->name, (const xmlChar *)"textnoenc"))
		xmlTextConcat(last, (const xmlChar *)text, (int)len);
	else
		xmlAddChild(parent, xmlNewTextLen((const xmlChar *)text, (int)len));
}

static size_t text_len(xmlNodePtr n)
{
	return n->content ? strlen((const char *)n->content) : 0;
}

/* libxml2's xmlAdd*Sibling/xmlAddChild merge adjacent text nodes; the
 * wrapping below needs them kept apart, so it links nodes itself. */
static void link_before(xmlNodePtr ref, xmlNodePtr n)
{
	n->parent = ref->parent;
	n->doc = ref->doc;
	n->prev = ref->prev;
	n->next = ref;
	if (ref->prev)
		ref->prev->next = n;
	else if (ref->parent)
		ref->parent->children = n;
	ref->prev = n;
}

static void link_after(xmlNodePtr ref, xmlNodePtr n)
{
	n->parent = ref->parent;
	n->doc = ref->doc;
	n->next = ref->next;
	n->prev = ref;
	if (ref->next)
		ref->next->prev = n;
	else if (ref->parent)
		ref->parent->last = n;
	ref->next = n;
}

static void link_last(xmlNodePtr parent, xmlNodePtr n)
{
	n->parent = parent;
	n->doc = parent->doc;
	n->next = NULL;
	n->prev = parent->last;
	if (parent->last)
		parent->last->next = n;
	else
		parent->children = n;
	parent->last = n;
}

/* Replaces the content of text node t by s[0..n). */
static int set_text(xmlNodePtr t, const xmlChar *s, size_t n)
{
	xmlChar *copy = xmlStrndup(s, (int)n);

	if (!copy)
		return -1;
	xmlNodeSetContent(t, NULL);
	xmlNodeAddContentLen(t, copy, (int)n);
	xmlFree(copy);
	return 0;
}

/* Splits text node t at byte k into [0..k) (a new node before t) and
 * [k..) (t itself). */
static int split_at(xmlNodePtr t, size_t k)
{
	size_t n = text_len(t);
	xmlNodePtr head;

	if (k == 0 || k >= n)
		return 0;
	head = xmlNewTextLen(t->content, (int)k);
	if (!head)
		return -1;
	link_before(t, head);
	return set_text(t, t->content + k, n - k);
}

xmlNodePtr tf_tei__wrap(tf_build *b, xmlNodePtr parent, size_t start, size_t end, const char *name)
{
	xmlNodePtr c, first = NULL, last = NULL, el, next;
	size_t off = 0, first_k = 0, last_k = 0;

	if (end <= start)
		return NULL;
	for (c = parent->children; c; c = c->next) {
		size_t n;
		if (c->type != XML_TEXT_NODE)
			continue;
		n = text_len(c);
		if (!first && start >= off && start < off + n) {
			first = c;
			first_k = start - off;
		}
		if (first && end > off && end <= off + n) {
			last = c;
			last_k = end - off;
			break;
		}
		off += n;
	}
	if (!first || !last)
		return NULL;
	/* cut the tail off the last node first, so first's offsets still hold */
	if (last_k < text_len(last)) {
		xmlNodePtr tail = xmlNewText(last->content + last_k);
		if (!tail)
			return NULL;
		link_after(last, tail);
		if (set_text(last, last->content, last_k) < 0)
			return NULL;
	}
	if (split_at(first, first_k) < 0)
		return NULL;
	el = xmlNewDocNode(b->doc, b->ns, (const xmlChar *)name, NULL);
	if (!el)
		return NULL;
	link_before(first, el);
	for (c = first; c; c = next) {
		int done = c == last;
		next = c->next;
		xmlUnlinkNode(c);
		link_last(el, c);
		if (done)
			break;
	}
	return el;
}

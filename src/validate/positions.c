/* SPDX-License-Identifier: MIT */
/*
 * positions.c — the batch's parser.  It is the safe parser of doc.c plus a
 * SAX startElementNs wrapper that records where each start tag ends (line
 * and column, as a SAX locator reports them to jing), because libxml2 2.9
 * keeps neither the column nor lines past 65,535 on element nodes.  The
 * positions live in a small pointer-keyed hash beside the tree.  XInclude
 * is expanded here too, with the entity loader opened to local files for
 * this thread only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xinclude.h>
#include <libxml/xmlerror.h>
#include "validate_internal.h"

struct slot {
	const xmlNode *node;
	long line;
	long col;
};

struct tf_posmap {
	struct slot *slots;
	size_t cap; /* a power of two */
	size_t count;
	int failed;
};

struct parse_state {
	tf_posmap *map;
	startElementNsSAX2Func start;
	tf_diag_list *diags;
	const char *name;
	int errors;
};

static size_t hash_ptr(const void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;

	x ^= x >> 17;
	x *= (uintptr_t)0x9E3779B97F4A7C15ull;
	return (size_t)(x >> 7) & (cap - 1);
}

static int grow(tf_posmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024, i;
	struct slot *s = calloc(cap, sizeof *s);

	if (!s)
		return -1;
	for (i = 0; i < m->cap; i++) {
		size_t h;

		if (!m->slots[i].node)
			continue;
		for (h = hash_ptr(m->slots[i].node, cap); s[h].node; h = (h + 1) & (cap - 1))
			;
		s[h] = m->slots[i];
	}
	free(m->slots);
	m->slots = s;
	m->cap = cap;
	return 0;
}

static void put(tf_posmap *m, const xmlNode *node, long line, long col)
{
	size_t h;

	if (m->failed)
		return;
	if ((m->count + 1) * 2 > m->cap && grow(m) < 0) {
		m->failed = 1;
		return;
	}
	for (h = hash_ptr(node, m->cap); m->slots[h].node && m->slots[h].node != node;
	     h = (h + 1) & (m->cap - 1))
		;
	if (!m->slots[h].node)
		m->count++;
	m->slots[h].node = node;
	m->slots[h].line = line;
	m->slots[h].col = col;
}

void tf_posmap__get(const tf_posmap *m, const xmlNode *node, long *line, long *col)
{
	size_t h;

	*line = node ? xmlGetLineNo(node) : 0;
	*col = 0;
	if (!m || !m->cap || !node)
		return;
	for (h = hash_ptr(node, m->cap); m->slots[h].node; h = (h + 1) & (m->cap - 1)) {
		if (m->slots[h].node == node) {
			*line = m->slots[h].line;
			*col = m->slots[h].col;
			return;
		}
	}
}

void tf_posmap__free(tf_posmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m);
}

/* Called by the parser once a start tag is read; input->cur is at its
 * closing '>' or '/>'. */
static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	xmlNodePtr before = ctxt->node;

	st->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
		  nb_defaulted, attributes);
	if (ctxt->node && ctxt->node != before && ctxt->input) {
		long col = ctxt->input->col;

		col += (ctxt->input->cur && *ctxt->input->cur == '/') ? 2 : 1;
		put(st->map, ctxt->node, ctxt->input->line, col);
	}
}

static void trim(char *msg)
{
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
}

/* Parser and XInclude problems, in the batch's message style. */
static void parse_error(void *data, xmlErrorPtr err)
{
	struct parse_state *st = data;
	char msg[600], value[300];
	const char *rule = "xml";
	tf_severity sev;

	if (!err || err->level == XML_ERR_NONE)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
	trim(msg);
	sev = err->level == XML_ERR_WARNING ? TF_SEV_WARNING : TF_SEV_ERROR;
	if (err->domain == XML_FROM_XINCLUDE)
		rule = "xinclude";
	if (err->code == XML_DTD_ID_REDEFINED && err->str1) {
		snprintf(msg, sizeof msg,
			 "ID \"%s\" has already been defined; an xml:id must be "
			 "unique in the document",
			 err->str1);
		rule = "xml-id";
	} else if (err->code == XML_NS_ERR_XML_NAMESPACE || err->code == XML_DTD_XMLID_VALUE ||
		   (err->message && strstr(err->message, "xml:id") &&
		    strstr(err->message, "NCName"))) {
		snprintf(value, sizeof value, "%s", err->str1 ? (const char *)err->str1 : "");
		snprintf(msg, sizeof msg,
			 "value of attribute \"xml:id\" is invalid%s%s%s; must be "
			 "an XML name without colons (NCName)",
			 *value ? " (\"" : "", value, *value ? "\")" : "");
		rule = "xml-id";
	}
	if (sev == TF_SEV_ERROR)
		st->errors++;
	/* libxml2's column is 0-based where an xml:id check fires; jing's 1-based */
	tf_diag_list_add(st->diags, sev, st->name, err->line,
			 strcmp(rule, "xml-id") == 0 && err->int2 > 0 ? err->int2 + 1 : err->int2,
			 NULL, rule, msg);
}

static int expand_xinclude(xmlDocPtr doc, struct parse_state *st)
{
	int rc;

	tf_loader__allow_local(1);
	rc = xmlXIncludeProcessFlags(doc, TF_XML_PARSE_SAFE | XML_PARSE_NOXINCNODE);
	tf_loader__allow_local(0);
	if (rc < 0 && st->errors == 0) {
		st->errors++;
		tf_diag_list_add(st->diags, TF_SEV_ERROR, st->name, 0, 0, NULL, "xinclude",
				 "XInclude processing failed");
	}
	return rc;
}

xmlDocPtr tf_parse__tracked(const char *data, size_t len, const char *name, int xinclude,
			    tf_diag_list *diags, tf_posmap **out_pos)
{
	struct parse_state st;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;

	*out_pos = NULL;
	memset(&st, 0, sizeof st);
	st.diags = diags;
	st.name = name;
	if (len > (size_t)2147483647) {
		tf_diag_list_add(diags, TF_SEV_ERROR, name, 0, 0, NULL, "io", "file too large");
		return NULL;
	}
	st.map = calloc(1, sizeof *st.map);
	ctxt = xmlNewParserCtxt();
	if (!st.map || !ctxt)
		goto done;
	st.start = ctxt->sax->startElementNs;
	ctxt->sax->startElementNs = start_element;
	ctxt->_private = &st;
	xmlSetStructuredErrorFunc(&st, parse_error);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, TF_XML_PARSE_SAFE);
	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc && xinclude)
		expand_xinclude(doc, &st);
	xmlSetStructuredErrorFunc(NULL, NULL);
done:
	if (!doc && st.errors == 0)
		tf_diag_list_add(diags, TF_SEV_ERROR, name, 0, 0, NULL, "xml",
				 ctxt && st.map ? "not well-formed XML" : "out of memory");
	xmlFreeParserCtxt(ctxt);
	if (doc && !st.map->failed)
		*out_pos = st.map;
	else
		tf_posmap__free(st.map);
	return doc;
}

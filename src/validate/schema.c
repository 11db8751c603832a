/* SPDX-License-Identifier: MIT */
/*
 * schema.c — compiling a RelaxNG schema once and validating documents
 * against it.  libxml2's structured errors are collected as diagnostics;
 * the column libxml2 leaves out is recovered from the source text.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include "internal.h"

struct tf_schema {
	xmlDocPtr rng_doc;
	xmlRelaxNGPtr rng;
	char *path;
};

struct collect {
	tf_diag_list *diags;
	const tf_doc *doc;
	const char *file;
	int errors;
};

static void trim(char *msg)
{
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
}

static void on_error(void *data, xmlErrorPtr err)
{
	struct collect *c = data;
	char msg[1024];
	long line = err->line, col = err->int2;
	xmlChar *path = NULL;
	xmlNodePtr node = err->node;

	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "invalid");
	trim(msg);
	if (node && node->type == XML_ELEMENT_NODE) {
		const char *src;
		size_t len;
		char qname[256];

		line = xmlGetLineNo(node);
		path = xmlGetNodePath(node);
		if (node->ns && node->ns->prefix)
			snprintf(qname, sizeof qname, "%s:%s", node->ns->prefix, node->name);
		else
			snprintf(qname, sizeof qname, "%s", node->name);
		src = tf_doc__source(c->doc, &len);
		if (col <= 0)
			col = tf_doc__column(src, len, line, qname);
	}
	if (err->level >= XML_ERR_ERROR)
		c->errors++;
	tf_diag_list_add(c->diags, err->level == XML_ERR_WARNING ? TF_SEV_WARNING : TF_SEV_ERROR,
			 c->file, line, col, (const char *)path, "rng", msg);
	xmlFree(path);
}

int tf_schema_load(tf_schema **out, const char *path, tf_diag_list *diags)
{
	tf_schema *s = NULL;
	char *default_path = NULL, *data = NULL;
	size_t len = 0;
	xmlRelaxNGParserCtxtPtr pctxt = NULL;
	struct collect c = {diags, NULL, NULL, 0};
	int rc = 0;

	*out = NULL;
	if (!path) {
		default_path = tf_data__path("schemas/teiforge.rng");
		if (!default_path)
			return tf_error__set(TF_ENOMEM, "out of memory");
		path = default_path;
	}
	c.file = path;
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	rc = tf_file__read(&data, &len, path);
	if (rc < 0)
		goto done;
	s->rng_doc = tf_xml__parse(data, len, path, diags, 0);
	if (!s->rng_doc) {
		rc = tf_error__set(TF_EINPUT, "%s: not a well-formed schema", path);
		goto done;
	}
	pctxt = xmlRelaxNGNewDocParserCtxt(s->rng_doc);
	if (!pctxt) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, on_error, &c);
	tf_loader__allow_local(1); /* <include>/<externalRef> of local files */
	s->rng = xmlRelaxNGParse(pctxt);
	tf_loader__allow_local(0);
	if (!s->rng) {
		rc = tf_error__set(TF_EINPUT, "%s: not a usable RelaxNG schema", path);
		goto done;
	}
done:
	xmlRelaxNGFreeParserCtxt(pctxt);
	free(data);
	free(default_path);
	if (rc < 0)
		tf_schema_free(s);
	else
		*out = s;
	return rc;
}

int tf_validate_doc(int *out_valid, const tf_schema *schema, const tf_doc *doc, tf_diag_list *diags)
{
	xmlRelaxNGValidCtxtPtr v;
	struct collect c;
	int ret;

	*out_valid = 0;
	if (!schema || !doc)
		return tf_error__set(TF_EUSAGE, "tf_validate_doc: schema and doc are required");
	v = xmlRelaxNGNewValidCtxt(schema->rng);
	if (!v)
		return tf_error__set(TF_ENOMEM, "out of memory");
	c.diags = diags;
	c.doc = doc;
	c.file = tf_doc_name(doc);
	c.errors = 0;
	xmlRelaxNGSetValidStructuredErrors(v, on_error, &c);
	ret = xmlRelaxNGValidateDoc(v, tf_doc_xml(doc));
	xmlRelaxNGFreeValidCtxt(v);
	if (ret < 0)
		return tf_error__set(TF_ERROR, "%s: validation could not run", c.file);
	if (ret > 0 && c.errors == 0)
		tf_diag_list_add(diags, TF_SEV_ERROR, c.file, 0, 0, NULL, "rng",
				 "document is not valid against the schema");
	*out_valid = ret == 0;
	return 0;
}

void tf_schema_free(tf_schema *schema)
{
	if (!schema)
		return;
	xmlRelaxNGFree(schema->rng);
	xmlFreeDoc(schema->rng_doc);
	free(schema->path);
	free(schema);
}

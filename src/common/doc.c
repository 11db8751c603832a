/* SPDX-License-Identifier: MIT */
/*
 * doc.c — tf_doc, the opaque wrapper around libxml2's xmlDoc, and the one
 * safe XML parser every input goes through.  Parser problems are collected
 * through a structured error handler as diagnostics with line and column;
 * nothing is printed.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include "internal.h"

struct tf_doc {
	xmlDocPtr xml;
	char *name;
	char *source; /* the bytes parsed, for columns in messages; may be NULL */
	size_t source_len;
};

struct parse_ctx {
	tf_diag_list *diags;
	const char *name;
	int errors;
	char first[1024];
};

static void collect_error(void *data, xmlErrorPtr err)
{
	struct parse_ctx *pc = data;
	char msg[400];
	size_t n;
	tf_severity sev;

	if (!err || err->level == XML_ERR_NONE)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	sev = err->level == XML_ERR_WARNING ? TF_SEV_WARNING : TF_SEV_ERROR;
	if (sev == TF_SEV_ERROR && pc->errors++ == 0)
		snprintf(pc->first, sizeof pc->first, "%s:%d:%d: %s", pc->name, err->line,
			 err->int2, msg);
	tf_diag_list_add(pc->diags, sev, pc->name, err->line, err->int2, NULL,
			 err->domain == XML_FROM_VALID ? "xml-id" : "xml", msg);
}

xmlDocPtr tf_xml__parse(const char *data, size_t len, const char *name, tf_diag_list *diags,
			int extra_options)
{
	struct parse_ctx pc;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;

	memset(&pc, 0, sizeof pc);
	pc.diags = diags;
	pc.name = name;
	if (len > (size_t)2147483647) {
		tf_error__set(TF_EINPUT, "%s: file too large", name);
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		tf_error__set(TF_ENOMEM, "out of memory");
		return NULL;
	}
	xmlSetStructuredErrorFunc(&pc, collect_error);
	doc =
	    xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, TF_XML_PARSE_SAFE | extra_options);
	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	if (!doc)
		tf_error__set(TF_EINPUT, "%s", pc.errors ? pc.first : "not well-formed XML");
	return doc;
}

int tf_doc_wrap(tf_doc **out, xmlDocPtr xml, const char *name)
{
	tf_doc *d = calloc(1, sizeof *d);

	*out = NULL;
	if (!d || !(d->name = strdup(name ? name : "<document>"))) {
		free(d);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	d->xml = xml;
	*out = d;
	return 0;
}

int tf_doc_load_memory(tf_doc **out, const char *data, size_t len, const char *name,
		       tf_diag_list *diags)
{
	xmlDocPtr xml;
	int rc;

	*out = NULL;
	xml = tf_xml__parse(data, len, name ? name : "<memory>", diags, 0);
	if (!xml)
		return TF_EINPUT;
	rc = tf_doc_wrap(out, xml, name);
	if (rc < 0) {
		xmlFreeDoc(xml);
		return rc;
	}
	(*out)->source = malloc(len + 1);
	if ((*out)->source) {
		memcpy((*out)->source, data, len);
		(*out)->source[len] = '\0';
		(*out)->source_len = len;
	}
	return 0;
}

int tf_doc_load_file(tf_doc **out, const char *path, tf_diag_list *diags)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	*out = NULL;
	rc = tf_read_file(&data, &len, path);
	if (rc < 0) {
		tf_diag_list_add(diags, TF_SEV_ERROR, name, 0, 0, NULL, "io", tf_error_last());
		return rc;
	}
	rc = tf_doc_load_memory(out, data, len, name, diags);
	free(data);
	return rc;
}

xmlDocPtr tf_doc_xml(const tf_doc *doc)
{
	return doc ? doc->xml : NULL;
}

const char *tf_doc_name(const tf_doc *doc)
{
	return doc ? doc->name : NULL;
}

const char *tf_doc__source(const tf_doc *doc, size_t *len)
{
	*len = doc ? doc->source_len : 0;
	return doc ? doc->source : NULL;
}

int tf_doc_serialize(char **out, size_t *out_len, const tf_doc *doc)
{
	xmlBufferPtr buf;
	xmlSaveCtxtPtr save;

	*out = NULL;
	*out_len = 0;
	buf = xmlBufferCreate();
	if (!buf)
		return tf_error__set(TF_ENOMEM, "out of memory");
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_FORMAT);
	if (!save) {
		xmlBufferFree(buf);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	xmlSaveDoc(save, doc->xml);
	xmlSaveClose(save);
	*out_len = (size_t)xmlBufferLength(buf);
	*out = malloc(*out_len + 1);
	if (*out) {
		memcpy(*out, xmlBufferContent(buf), *out_len);
		(*out)[*out_len] = '\0';
	}
	xmlBufferFree(buf);
	return *out ? 0 : tf_error__set(TF_ENOMEM, "out of memory");
}

int tf_doc_save(const tf_doc *doc, const char *path)
{
	char *data;
	size_t len;
	int rc = tf_doc_serialize(&data, &len, doc);

	if (rc < 0)
		return rc;
	rc = tf_write_file_atomic(path, data, len);
	free(data);
	return rc;
}

void tf_doc_free(tf_doc *doc)
{
	if (!doc)
		return;
	xmlFreeDoc(doc->xml);
	free(doc->name);
	free(doc->source);
	free(doc);
}

long tf_doc__column(const char *src, size_t len, long line, const char *qname)
{
	size_t i = 0, qlen = strlen(qname);
	long cur = 1;
	const char *p, *end;

	if (!src || line < 1)
		return 0;
	while (cur < line && i < len) {
		if (src[i++] == '\n')
			cur++;
	}
	if (cur != line)
		return 0;
	end = memchr(src + i, '\n', len - i);
	if (!end)
		end = src + len;
	for (p = src + i; p + qlen < end; p++) {
		if (*p == '<' && strncmp(p + 1, qname, qlen) == 0) {
			char c = p[1 + qlen];
			if (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\r' || c == '\n')
				return (long)(p - (src + i)) + 1;
		}
	}
	return 0;
}

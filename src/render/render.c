/* SPDX-License-Identifier: MIT */
/*
 * render.c — runs the XSLT 1.0 stylesheet of a format (xslt/FORMAT/FORMAT.xsl)
 * through libxslt over a TEI document.  Stylesheets are parsed with the same
 * safe parser as documents and run under the security preferences set by
 * tf_init(): no file writing, no network.  Two formats build on others:
 * html shows "cite this" with the bibtex and ris outputs of the same
 * document (passed as string parameters, so they are the very same text),
 * and pdf is the latex output typeset by xelatex (pdf.c).
 */
#include <stdlib.h>
#include <string.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include "internal.h"
#include "render_internal.h"

static const char *const formats[] = {"html",     "text",  "bibtex", "ris",
				      "csl-json", "latex", "pdf",    NULL};

const char *const *tf_render_formats(void)
{
	return formats;
}

static int known_format(const char *f)
{
	size_t i;

	for (i = 0; formats[i]; i++)
		if (strcmp(formats[i], f) == 0)
			return 1;
	return 0;
}

struct xslt_errors {
	tf_buf msg;
};

static void on_xslt_error(void *data, const char *fmt, ...) TF_PRINTF(2, 3);

static void on_xslt_error(void *data, const char *fmt, ...)
{
	struct xslt_errors *e = data;
	va_list ap;
	char line[512];

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (e->msg.len < 2000)
		tf_buf__puts(&e->msg, line);
}

/* Runs xslt/FORMAT/FORMAT.xsl over doc; strs is NULL or a NULL-terminated
 * list of name, value pairs passed as string parameters (quoted by libxslt,
 * never evaluated as XPath). */
static int transform(char **out, size_t *out_len, const tf_doc *doc, const tf_render_options *opts,
		     const char *format, const char *const *strs)
{
	char path[4096], *xslt_dir = NULL, *data = NULL;
	const char *dir;
	size_t len = 0;
	xmlDocPtr style_doc = NULL, result = NULL;
	xsltStylesheetPtr style = NULL;
	xsltTransformContextPtr tctxt = NULL;
	xmlChar *bytes = NULL;
	int blen = 0, rc = 0;
	struct xslt_errors errs = {TF_BUF_INIT};
	const char *params[5] = {NULL};

	*out = NULL;
	*out_len = 0;
	dir = opts->xslt_dir;
	if (!dir) {
		xslt_dir = tf_data__path("xslt");
		if (!xslt_dir)
			return tf_error__set(TF_ENOMEM, "out of memory");
		dir = xslt_dir;
	}
	snprintf(path, sizeof path, "%s/%s/%s.xsl", dir, format, format);
	rc = tf_file__read(&data, &len, path);
	if (rc < 0) {
		rc = tf_error__set(TF_EDATA, "stylesheet for '%s' missing: %s", format,
				   tf_error_last());
		goto done;
	}
	style_doc = tf_xml__parse(data, len, path, NULL, 0);
	if (!style_doc) {
		rc = tf_error__set(TF_EDATA, "stylesheet %s is broken: %s", path, tf_error_last());
		goto done;
	}
	xsltSetGenericErrorFunc(&errs, on_xslt_error);
	tf_loader__allow_local(1); /* xsl:import / xsl:include of sibling files */
	style = xsltParseStylesheetDoc(style_doc);
	tf_loader__allow_local(0);
	if (!style) {
		rc = tf_error__set(TF_EDATA, "stylesheet %s is broken: %s", path,
				   errs.msg.data ? errs.msg.data : "");
		goto done;
	}
	style_doc = NULL; /* owned by style now */
	params[0] = "sources";
	params[1] = opts->sources ? "1" : "0";
	tctxt = xsltNewTransformContext(style, tf_doc_xml(doc));
	if (!tctxt) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	xsltSetCtxtSecurityPrefs(xsltGetDefaultSecurityPrefs(), tctxt);
	for (; strs && strs[0] && strs[1]; strs += 2)
		if (xsltQuoteOneUserParam(tctxt, (const xmlChar *)strs[0],
					  (const xmlChar *)strs[1]) != 0) {
			rc = tf_error__set(TF_ENOMEM, "out of memory");
			goto done;
		}
	result = xsltApplyStylesheetUser(style, tf_doc_xml(doc), params, NULL, NULL, tctxt);
	if (!result || tctxt->state != XSLT_STATE_OK) {
		rc = tf_error__set(TF_ERROR, "rendering %s as %s failed: %s", tf_doc_name(doc),
				   format, errs.msg.data ? errs.msg.data : "transformation error");
		goto done;
	}
	if (xsltSaveResultToString(&bytes, &blen, result, style) < 0) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	*out = malloc((size_t)blen + 1);
	if (!*out) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	if (blen)
		memcpy(*out, bytes, (size_t)blen);
	(*out)[blen] = '\0';
	*out_len = (size_t)blen;
done:
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlFree(bytes);
	xmlFreeDoc(result);
	if (tctxt)
		xsltFreeTransformContext(tctxt);
	xsltFreeStylesheet(style);
	xmlFreeDoc(style_doc);
	free(data);
	free(xslt_dir);
	tf_buf__free(&errs.msg);
	return rc;
}

/* html: the article's bibtex and ris records for "cite this". */
static int render_html(char **out, size_t *out_len, const tf_doc *doc,
		       const tf_render_options *opts)
{
	tf_render_options sub = *opts;
	char *bib = NULL, *ris = NULL;
	size_t n;
	int rc;

	sub.sources = 0;
	rc = transform(&bib, &n, doc, &sub, "bibtex", NULL);
	if (rc == 0)
		rc = transform(&ris, &n, doc, &sub, "ris", NULL);
	if (rc == 0) {
		const char *strs[] = {"cite-bibtex", bib, "cite-ris", ris, NULL, NULL};
		rc = transform(out, out_len, doc, opts, "html", strs);
	}
	free(bib);
	free(ris);
	return rc;
}

int tf_render(char **out, size_t *out_len, const tf_doc *doc, const tf_render_options *opts)
{
	tf_render_options def = TF_RENDER_OPTIONS_INIT;
	char *tex = NULL;
	size_t tex_len = 0;
	int rc;

	*out = NULL;
	*out_len = 0;
	if (!opts)
		opts = &def;
	if (!opts->format || !known_format(opts->format))
		return tf_error__set(
		    TF_EUSAGE,
		    "unknown format '%s' (html, text, bibtex, ris, csl-json, latex, pdf)",
		    opts->format ? opts->format : "");
	if (strcmp(opts->format, "html") == 0)
		return render_html(out, out_len, doc, opts);
	if (strcmp(opts->format, "pdf") != 0)
		return transform(out, out_len, doc, opts, opts->format, NULL);
	rc = transform(&tex, &tex_len, doc, opts, "latex", NULL);
	if (rc == 0)
		rc = tf_render__pdf(out, out_len, tex, tex_len);
	free(tex);
	return rc;
}

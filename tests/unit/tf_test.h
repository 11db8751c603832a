/* SPDX-License-Identifier: MIT */
/* tf_test.h — a minimal unit-test harness: CHECK macros that count and
 * report failures with file and line, and a closing "N passed, N failed". */
#ifndef TF_TEST_H
#define TF_TEST_H

#include <stdio.h>
#include <string.h>

static int tf_test_passed, tf_test_failed;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond) {                                                                        \
			tf_test_passed++;                                                          \
		} else {                                                                           \
			tf_test_failed++;                                                          \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                             \
			tf_test_passed++;                                                          \
		} else {                                                                           \
			tf_test_failed++;                                                          \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,    \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)");                           \
		}                                                                                  \
	} while (0)

#ifdef TF_TEST_XPATH
#include <stdlib.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include "teiforge/teiforge.h"

/* The string value of an XPath expression over a TEI document (prefix t:
 * for the TEI namespace); a new string, NULL without a document. */
static char *tf_test_xpath(tf_doc *doc, const char *expr)
{
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr r;
	char *s = NULL;

	if (!doc)
		return NULL;
	ctx = xmlXPathNewContext(tf_doc_xml(doc));
	xmlXPathRegisterNs(ctx, (const xmlChar *)"t", (const xmlChar *)TF_TEI_NS);
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	if (r) {
		xmlChar *v = xmlXPathCastToString(r);
		s = strdup((const char *)v);
		xmlFree(v);
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return s;
}

/* Checks that the XPath's string value is want. */
#define CHECK_XPATH(doc, expr, want)                                                               \
	do {                                                                                       \
		char *v_ = tf_test_xpath(doc, expr);                                               \
		CHECK_STR(v_, want);                                                               \
		free(v_);                                                                          \
	} while (0)
#endif

static int tf_test_report(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, tf_test_passed, tf_test_failed);
	return tf_test_failed ? 1 : 0;
}

#endif

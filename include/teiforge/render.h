/* SPDX-License-Identifier: MIT */
/*
 * teiforge/render.h — TEI to the formats people read and cite: HTML, plain
 * text, BibTeX (biblatex), RIS and CSL-JSON.  Each format is an XSLT 1.0
 * stylesheet under xslt/FORMAT/ run by libxslt with security preferences
 * that forbid writing files and network access.
 */
#ifndef TEIFORGE_RENDER_H
#define TEIFORGE_RENDER_H

#include "teiforge/common.h"
#include "teiforge/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for tf_render(); initialise with TF_RENDER_OPTIONS_INIT. */
typedef struct {
	unsigned int version; /**< TF_RENDER_OPTIONS_VERSION */
	const char *format; /**< "html", "text", "bibtex", "ris", "csl-json" */
	const char *xslt_dir; /**< stylesheet folder; NULL = tf_datadir()/xslt */
	int sources; /**< citation formats: records of the cited sources */
} tf_render_options;

#define TF_RENDER_OPTIONS_VERSION 1
#define TF_RENDER_OPTIONS_INIT                                                                     \
	{                                                                                          \
		TF_RENDER_OPTIONS_VERSION, "html", NULL, 0                                         \
	}

/** NULL-terminated list of the format names tf_render() accepts, borrowed. */
TF_EXTERN const char *const *tf_render_formats(void);

/**
 * Renders doc into a newly allocated UTF-8 buffer (*out, *out_len), freed by
 * the caller with free().
 *
 * @return 0, TF_EUSAGE for an unknown format, TF_EDATA when the stylesheet
 *         is missing or broken, TF_ERROR when the transformation fails
 */
TF_EXTERN int tf_render(char **out, size_t *out_len, const tf_doc *doc,
			const tf_render_options *opts);

#ifdef __cplusplus
}
#endif
#endif

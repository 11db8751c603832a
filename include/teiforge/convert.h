/* SPDX-License-Identifier: MIT */
/*
 * teiforge/convert.h — article text (as extracted from a PDF) to TEI P5.
 *
 * The pipeline: layout recovery (pages, footnote blocks, reference marks,
 * paragraph ends, line-end hyphens) → structure (abstracts with their
 * languages, keywords, sections, paragraphs, quotations) → notes moved to
 * their marks, one <bibl> per reference → names and dates (a pass of its
 * own) → teiHeader from the text and the optional metadata file.
 */
#ifndef TEIFORGE_CONVERT_H
#define TEIFORGE_CONVERT_H

#include "teiforge/common.h"
#include "teiforge/diag.h"
#include "teiforge/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for tf_convert_text(); initialise with TF_CONVERT_OPTIONS_INIT. */
typedef struct {
	unsigned int version; /**< TF_CONVERT_OPTIONS_VERSION */
	const char *source_name; /**< name of the input, for the header and messages */
	const char *meta_path; /**< YAML metadata file, or NULL */
	const char *date; /**< ISO date recorded in revisionDesc; NULL = today */
	int entities; /**< nonzero: run the names-and-dates pass */
	/** A user authority file (TEI with listPerson/listOrg/listPlace, e.g.
	 *  with Wikidata ids and variant names), or NULL.  Its records win:
	 *  their names and variants are recognised and mentions point to them. */
	const char *authority_path;
	/** If not NULL, receives a review sheet (UTF-8 TSV, caller frees with
	 *  free()): one line per name or date tagged, with its element, place,
	 *  text, normalised value, @ref and the rule that found it. */
	char **review;
} tf_convert_options;

#define TF_CONVERT_OPTIONS_VERSION 2
#define TF_CONVERT_OPTIONS_INIT                                                                    \
	{                                                                                          \
		TF_CONVERT_OPTIONS_VERSION, NULL, NULL, NULL, 1, NULL, NULL                        \
	}

/**
 * Converts the UTF-8 article text in text[0..len) into a TEI document.
 *
 * @param out    receives the document, freed by the caller with tf_doc_free()
 * @param text   the article text (need not be NUL-terminated)
 * @param len    its length in bytes
 * @param opts   options, or NULL for the defaults
 * @param diags  if not NULL, warnings about the conversion are appended
 * @return 0; TF_EINPUT for empty, binary or non-UTF-8 input or a text that
 *         is not an article (tf_error_last() says which, with line and
 *         column where possible); TF_EIO if the metadata file cannot be
 *         read; TF_EDATA if a bundled resource is broken.
 */
TF_EXTERN int tf_convert_text(tf_doc **out, const char *text, size_t len,
			      const tf_convert_options *opts, tf_diag_list *diags);

/**
 * Like tf_convert_text(), reading the article from path ("-" = stdin).  When
 * opts->meta_path is NULL and a file NAME.yaml stands beside NAME.txt, it is
 * used as the metadata.
 */
TF_EXTERN int tf_convert_file(tf_doc **out, const char *path, const tf_convert_options *opts,
			      tf_diag_list *diags);

#ifdef __cplusplus
}
#endif
#endif

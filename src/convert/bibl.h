/* SPDX-License-Identifier: MIT */
/*
 * bibl.h — the reference parser's parts and what they share:
 *   bibl.c          a note's text split into references; archival ones
 *   bibl_printed.c  books, chapters (//), journal and newspaper articles
 *   sources.c       one record per distinct source in <standOff>, and
 *                   @corresp from every note <bibl> to it
 * Labels, role words and the like come from the lexicons' lists
 * (tei/lexicon/LANG.xml): archival-locators, bibl-scopes, bibl-editor-roles,
 * bibl-newspaper, bibl-places, months.
 */
#ifndef TF_BIBL_H
#define TF_BIBL_H

#include "convert_internal.h"

typedef struct {
	const char *s;
	size_t n;
} tf_span_t;

/* Splits s at top-level occurrences of sep (outside (), [] and quotes);
 * returns the number of parts (at most max). */
size_t tf_bibl__split(const char *s, size_t n, char sep, tf_span_t *out, size_t max);
/* Trims spaces at both ends. */
void tf_bibl__trim(tf_span_t *p);
/* The @n of the item of list type (in any lexicon) equal to the folded
 * text s[0..n), or NULL. */
const char *tf_bibl__lookup(const tf_lexicons *lx, const char *type, const char *s, size_t n);
/* Builds a <bibl> for a printed reference (always succeeds: what is not
 * recognised stays text inside the <bibl>). */
int tf_bibl__printed(tf_build *b, xmlNodePtr note, tf_span_t ref);

#endif

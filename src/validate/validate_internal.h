/* SPDX-License-Identifier: MIT */
/*
 * validate_internal.h — what the modules of src/validate share and never
 * export: the tracked parser (true start-tag positions), the schema index
 * used to say what was expected, the message rewriter, the constraint
 * checker and the batch's own record of a file.
 */
#ifndef TF_VALIDATE_INTERNAL_H
#define TF_VALIDATE_INTERNAL_H

#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include "internal.h"

/* positions.c — start-tag positions recorded while parsing. */
typedef struct tf_posmap tf_posmap;

/* Parses data like tf_xml__parse() and records, for every element, the line
 * and column just past its start tag (where jing reports), without the
 * 65,535 cap of node->line.  With xinclude, expands xi:include of local
 * files (a missing target falls back to xi:fallback).  Returns the document
 * or NULL (diagnostics appended); *out_pos receives the map (may be NULL on
 * failure). */
xmlDocPtr tf_parse__tracked(const char *data, size_t len, const char *name, int xinclude,
			    tf_diag_list *diags, tf_posmap **out_pos);
/* The recorded position of node; falls back to libxml2's line, column 0. */
void tf_posmap__get(const tf_posmap *map, const xmlNode *node, long *line, long *col);
void tf_posmap__free(tf_posmap *map);

/* names.c — adds the local name of every element of doc. */
int tf_name_set__add_xml(tf_name_set *set, xmlDocPtr doc);

/* expect.c — an index of a RelaxNG schema (XML syntax) answering "what may
 * come here?" for messages: the elements allowed after given children, the
 * attributes an element may have, the values an attribute may take. */
typedef struct tf_expect tf_expect;
int tf_expect__new(tf_expect **out, xmlDocPtr rng);
void tf_expect__free(tf_expect *ex);
/* Appends to b the expected items after the element children of parent
 * that precede stop (all of them when stop is NULL):
 * '"a", "b" or "c"', 'the element end-tag', 'text'.  Returns the number
 * of items (0: nothing known). */
size_t tf_expect__content(const tf_expect *ex, tf_buf *b, const xmlNode *parent,
			  const xmlNode *stop);
/* 1 if element el may carry attribute attr (by schema), 0 if not, -1 if
 * the element is unknown to the schema. */
int tf_expect__has_attribute(const tf_expect *ex, const xmlNode *el, const xmlAttr *attr);
/* Appends "must be X, Y or equal to "v"" for attribute attr of el. */
void tf_expect__values(const tf_expect *ex, tf_buf *b, const xmlNode *el, const xmlAttr *attr);
/* Appends the attribute names el may carry: '"a", "b" or "c"'. */
void tf_expect__attributes(const tf_expect *ex, tf_buf *b, const xmlNode *el);

/* messages.c — libxml2's RelaxNG errors for one document, rewritten. */
typedef struct tf_rng_errors tf_rng_errors;
int tf_rng_errors__new(tf_rng_errors **out);
void tf_rng_errors__free(tf_rng_errors *e);
/* The structured handler to install on the validation context. */
void tf_rng_errors__handler(void *data, xmlErrorPtr err);
/* Turns the errors gathered into one diagnostic per error in diags. */
int tf_rng_errors__emit(tf_rng_errors *e, const tf_expect *ex, const tf_posmap *pos,
			const char *file, tf_diag_list *diags);

/* The element's path for messages, "/TEI/text/body/div[2]/p" (caller frees). */
char *tf_validate__path(const xmlNode *node);

/* constraints.c — TEI's constraints beyond RelaxNG. */
typedef struct tf_constraints tf_constraints;
int tf_constraints__load(tf_constraints **out, const char *path);
void tf_constraints__free(tf_constraints *c);
void tf_constraints__counts(const tf_constraints *c, size_t *used, size_t *skipped);
/* Checks doc; appends findings.  Returns the number of findings that count
 * as errors under mode. */
size_t tf_constraints__check(const tf_constraints *c, tf_constraints_mode mode, xmlDocPtr doc,
			     const tf_posmap *pos, const char *file, tf_diag_list *diags);

/* checks.c — native checks: references to #ids resolve, xml:lang is BCP 47,
 * from <= to and notBefore <= notAfter, notes numbered in sequence.  Also
 * returns, in *names, the local names of the document's elements (a hash
 * the constraint rules are filtered with; the caller frees it).  Returns
 * the number of findings that count as errors under mode. */
size_t tf_checks__run(xmlDocPtr doc, tf_constraints_mode mode, const tf_posmap *pos,
		      const char *file, tf_diag_list *diags, xmlHashTablePtr *names);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * teiforge/diag.h — diagnostics: what validation and conversion found wrong
 * with a document.  An invalid document is a result, not an error: the
 * operations that check things fill a tf_diag_list and return 0.
 */
#ifndef TEIFORGE_DIAG_H
#define TEIFORGE_DIAG_H

#include <stdio.h>
#include "teiforge/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How bad a diagnostic is. */
typedef enum { TF_SEV_INFO = 0, TF_SEV_WARNING = 1, TF_SEV_ERROR = 2 } tf_severity;

/** One diagnostic.  All strings are owned by the list. */
typedef struct {
	tf_severity severity;
	char *file; /**< file name as given, or NULL */
	long line; /**< 1-based line, 0 if unknown */
	long column; /**< 1-based column, 0 if unknown */
	char *path; /**< XPath-like location of the element, or NULL */
	char *message; /**< human-readable message */
	char *rule; /**< rule identifier (e.g. "rng", "xml", "tf-ref"), or NULL */
} tf_diag;

/** A growable list of diagnostics. */
typedef struct tf_diag_list tf_diag_list;

/** Creates an empty list into *out; free with tf_diag_list_free(). */
TF_EXTERN int tf_diag_list_new(tf_diag_list **out);

/** Appends a copy of the given fields; strings may be NULL. */
TF_EXTERN int tf_diag_list_add(tf_diag_list *list, tf_severity severity, const char *file,
			       long line, long column, const char *path, const char *rule,
			       const char *message);

/** Number of diagnostics in the list. */
TF_EXTERN size_t tf_diag_list_count(const tf_diag_list *list);

/** The i-th diagnostic, borrowed; NULL past the end. */
TF_EXTERN const tf_diag *tf_diag_list_get(const tf_diag_list *list, size_t i);

/** Number of diagnostics of at least the given severity. */
TF_EXTERN size_t tf_diag_list_count_at_least(const tf_diag_list *list, tf_severity sev);

/** Frees the list; NULL is allowed. */
TF_EXTERN void tf_diag_list_free(tf_diag_list *list);

/** "error", "warning" or "info". */
TF_EXTERN const char *tf_severity_name(tf_severity sev);

/**
 * Prints one diagnostic as "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]".
 */
TF_EXTERN void tf_diag_print(FILE *fp, const tf_diag *d);

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/*
 * teiforge/validate.h — TEI documents against a RelaxNG schema.
 *
 * A schema is compiled once (tf_schema_load) and can validate any number of
 * documents, from several threads at once.  Problems are reported as
 * diagnostics with file, line and column; an invalid document is a result,
 * not an error.
 */
#ifndef TEIFORGE_VALIDATE_H
#define TEIFORGE_VALIDATE_H

#include "teiforge/common.h"
#include "teiforge/diag.h"
#include "teiforge/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A compiled RelaxNG schema. */
typedef struct tf_schema tf_schema;

/**
 * Compiles the RelaxNG schema (XML syntax) at path; NULL means the project
 * schema, schemas/teiforge.rng in tf_datadir().
 *
 * @param out    receives the schema, freed with tf_schema_free()
 * @param path   schema file or NULL
 * @param diags  if not NULL, problems in the schema itself are appended
 * @return 0, TF_EIO if unreadable, TF_EINPUT if not a usable RelaxNG schema
 */
TF_EXTERN int tf_schema_load(tf_schema **out, const char *path, tf_diag_list *diags);

/**
 * Validates doc against schema, appending every problem found to diags.
 *
 * @param out_valid  set to 1 when the document is valid, 0 otherwise
 * @return 0 when validation ran (whatever the verdict), negative on failure
 */
TF_EXTERN int tf_validate_doc(int *out_valid, const tf_schema *schema,
                              const tf_doc *doc, tf_diag_list *diags);

/** Frees the schema; NULL is allowed. */
TF_EXTERN void tf_schema_free(tf_schema *schema);

#ifdef __cplusplus
}
#endif
#endif

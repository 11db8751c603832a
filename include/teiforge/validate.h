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

/*
 * Pruning a schema to the elements a project uses.
 *
 * A large schema such as TEI P5 tei_all takes libxml2 seconds to compile;
 * a project writes only a few dozen of its ~600 elements.  Pruning makes a
 * true subset: the pruned schema accepts exactly the documents the original
 * accepts whose elements all have kept names.
 */

/** A set of element names (local names, without prefix), kept in order. */
typedef struct tf_name_set tf_name_set;

/**
 * Creates an empty name set.
 *
 * @param out  receives the set, freed with tf_name_set_free()
 * @return 0 or TF_ENOMEM
 */
TF_EXTERN int tf_name_set_new(tf_name_set **out);

/**
 * Adds name (copied) to set; adding a name twice keeps one.
 *
 * @return 0, TF_EUSAGE for a NULL or empty name, TF_ENOMEM
 */
TF_EXTERN int tf_name_set_add(tf_name_set *set, const char *name);

/**
 * Adds the names listed in a text file: one name per line; '#' starts a
 * comment running to the end of the line; blank lines are ignored.
 *
 * @param set   the set to extend
 * @param path  the list file ("-" for standard input)
 * @return 0, TF_EIO if unreadable, TF_EDATA if a line holds two words
 */
TF_EXTERN int tf_name_set_add_file(tf_name_set *set, const char *path);

/**
 * Adds the local name of every element of doc, whatever its namespace.
 *
 * @return 0 or TF_ENOMEM
 */
TF_EXTERN int tf_name_set_add_doc(tf_name_set *set, const tf_doc *doc);

/** Number of names in set (0 for NULL). */
TF_EXTERN size_t tf_name_set_count(const tf_name_set *set);

/**
 * The names, in order of first addition: an array of tf_name_set_count()
 * strings, borrowed and valid until the set changes or is freed.
 */
TF_EXTERN const char *const *tf_name_set_items(const tf_name_set *set);

/** Frees the set; NULL is allowed. */
TF_EXTERN void tf_name_set_free(tf_name_set *set);

/**
 * Returns a pruned copy of a RelaxNG schema (XML syntax, one file: no
 * <include> or <externalRef>; nested <grammar> and <parentRef> are fine).
 *
 * Every <element> whose name class is a single name (a name attribute or a
 * <name> child) missing from keep is replaced by <notAllowed/>; elements
 * named by <anyName>, <nsName> or a choice of names stay.  Names compare by
 * local part; the namespace is not looked at.  The copy is then simplified
 * by the RelaxNG rules for notAllowed (specification, 4.19): a choice loses
 * its notAllowed branches and is notAllowed when none is left; group,
 * interleave, oneOrMore, list, mixed, and element or attribute content
 * holding notAllowed become notAllowed; optional and zeroOrMore of
 * notAllowed become <empty/>; a define whose body reduces to notAllowed (or,
 * for combine="choice", all of whose parts do; for combine="interleave",
 * one of them) turns every <ref>/<parentRef> to it into notAllowed; all
 * of this repeated until nothing changes.  Redundant <empty/>s are dropped
 * from groups and interleaves (4.20).  Finally the defines <start> no
 * longer reaches are removed, and whitespace between patterns.
 *
 * Each step preserves the language of the pattern it rewrites, so the
 * result accepts exactly the documents rng accepts that use only kept
 * element names.  Annotations (a:documentation, embedded Schematron) are
 * copied as they are.
 *
 * @param out    receives the pruned schema, the caller's to xmlFreeDoc()
 * @param rng    the schema; not modified
 * @param keep   element names to keep (NULL entries are skipped)
 * @param nkeep  number of entries in keep
 * @return 0; TF_EINPUT if rng is not a RelaxNG schema, uses <include> or
 *         <externalRef>, or if nothing kept can be a document (start
 *         reduces to notAllowed); TF_EUSAGE, TF_ENOMEM
 */
TF_EXTERN int tf_rng_prune(xmlDocPtr *out, xmlDocPtr rng, const char *const *keep,
                           size_t nkeep);

#ifdef __cplusplus
}
#endif
#endif

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
TF_EXTERN int tf_validate_doc(int *out_valid, const tf_schema *schema, const tf_doc *doc,
			      tf_diag_list *diags);

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
TF_EXTERN int tf_rng_prune(xmlDocPtr *out, xmlDocPtr rng, const char *const *keep, size_t nkeep);

/*
 * Batches: many documents validated in one run, as CI does.
 *
 * tf_batch_run() expands its paths (directories are walked for *.xml,
 * in name order), parses every file on N worker threads (recording the true
 * line and column of each start tag), optionally expands XInclude, gathers
 * the element names that occur, prunes the schema to them with
 * tf_rng_prune() (same verdicts, a fraction of the compile time), compiles
 * it once and validates every document on the N threads, each with its own
 * libxml2 validation context.  libxml2's messages are rewritten as jing's
 * are: one per error, at the end of the offending start tag, naming the
 * element's path and what the schema expected there.  TEI's own constraints
 * (tf_constraints_*) can be checked in the same run.  Results come back in
 * input order; one unreadable or ill-formed file never stops the batch.
 */

/** What to check about TEI's own constraints (beyond RelaxNG). */
typedef enum {
	TF_CONSTRAINTS_OFF = 0, /**< RelaxNG only */
	TF_CONSTRAINTS_WARN = 1, /**< every finding is a warning; verdicts are RelaxNG's */
	TF_CONSTRAINTS_STRICT = 2 /**< findings of rules whose role is error count as errors */
} tf_constraints_mode;

/**
 * Progress report, called from the batch's threads while a batch runs:
 * stage is "parse", "compile" (done = elapsed milliseconds, total 0) or
 * "validate"; done of total items.  Calls are serialised.
 */
typedef void (*tf_progress_fn)(void *data, const char *stage, size_t done, size_t total);

/** Options for tf_batch_run(); initialise with TF_BATCH_OPTIONS_INIT. */
typedef struct {
	unsigned int version; /**< TF_BATCH_OPTIONS_VERSION */
	const char *schema_path; /**< RelaxNG schema; NULL = schemas/teiforge.rng */
	int xinclude; /**< nonzero: expand xi:include of local files first */
	int jobs; /**< worker threads; 0 = number of cores */
	int no_prune; /**< nonzero: compile the whole schema */
	tf_constraints_mode constraints; /**< TEI constraints to check */
	const char *constraints_path; /**< constraints data; NULL = schemas/tei-constraints.xml */
	tf_progress_fn progress; /**< progress callback, or NULL */
	void *progress_data; /**< passed to progress */
} tf_batch_options;

#define TF_BATCH_OPTIONS_VERSION 1
#define TF_BATCH_OPTIONS_INIT                                                                      \
	{                                                                                          \
		TF_BATCH_OPTIONS_VERSION, NULL, 0, 0, 0, TF_CONSTRAINTS_WARN, NULL, NULL, NULL     \
	}

/** The verdict on one file. */
typedef enum {
	TF_FILE_VALID = 0, /**< well-formed and valid (warnings allowed) */
	TF_FILE_INVALID = 1, /**< ill-formed or invalid: see its diagnostics */
	TF_FILE_ERROR = 2 /**< could not be read */
} tf_file_status;

/** One file of a batch; everything is owned by the batch. */
typedef struct {
	const char *path; /**< the file, as given or found in a directory */
	tf_file_status status; /**< the verdict */
	const tf_diag_list *diags; /**< its diagnostics, in document order */
	double seconds; /**< time spent on this file (parse + checks) */
} tf_file_result;

/** Figures about a run, for reports and benchmarks. */
typedef struct {
	size_t files; /**< files checked */
	size_t element_names; /**< distinct element names in the batch */
	int pruned; /**< 1 when the schema was pruned to them */
	double parse_seconds; /**< wall time: reading, parsing, XInclude */
	double compile_seconds; /**< wall time: pruning and compiling the schema */
	double validate_seconds; /**< wall time: validation and constraints */
	int jobs; /**< worker threads used */
	size_t constraints_used; /**< Schematron rules evaluated (XPath 1.0) */
	size_t constraints_skipped; /**< rules skipped: they need XPath 2 */
} tf_batch_stats;

/** A finished batch. */
typedef struct tf_batch tf_batch;

/**
 * Validates the files and directories in paths[0..npaths).
 *
 * @param out     receives the batch (even when some files are invalid),
 *                freed with tf_batch_free()
 * @param paths   files (any name) and directories (walked for *.xml)
 * @param npaths  number of paths
 * @param opts    options, or NULL for the defaults
 * @param diags   if not NULL, problems with the run itself (the schema)
 * @return 0 when the batch ran; TF_EIO when the schema or a directory
 *         cannot be read; TF_EINPUT when the schema is not usable RelaxNG;
 *         TF_EDATA when the constraints file is broken; TF_ENOMEM, TF_EUSAGE
 */
TF_EXTERN int tf_batch_run(tf_batch **out, const char *const *paths, size_t npaths,
			   const tf_batch_options *opts, tf_diag_list *diags);

/** Number of files in batch. */
TF_EXTERN size_t tf_batch_count(const tf_batch *batch);

/** The i-th file's result, in input order; borrowed; NULL past the end. */
TF_EXTERN const tf_file_result *tf_batch_get(const tf_batch *batch, size_t i);

/** Figures about the run, borrowed. */
TF_EXTERN const tf_batch_stats *tf_batch_stats_get(const tf_batch *batch);

/** Frees the batch; NULL is allowed. */
TF_EXTERN void tf_batch_free(tf_batch *batch);

/**
 * Extracts TEI's embedded Schematron (every sch:pattern of a TEI RelaxNG
 * schema such as tei_all.rng) into teiforge's constraints data format:
 * <constraints source="..." edition="..."> holding one <rule> per sch:rule
 * with its id, context, the namespaces it uses, its asserts and reports
 * (test, role, message) and xpath="1" or xpath="2" (whether libxml2's
 * XPath 1.0 can evaluate all of its expressions).
 *
 * @param out  receives the document, the caller's to xmlFreeDoc()
 * @param rng  the schema, not modified
 * @return 0, TF_EINPUT if rng holds no Schematron, TF_ENOMEM
 */
TF_EXTERN int tf_constraints_extract(xmlDocPtr *out, xmlDocPtr rng);

#ifdef __cplusplus
}
#endif
#endif

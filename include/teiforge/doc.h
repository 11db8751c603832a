/* SPDX-License-Identifier: MIT */
/*
 * teiforge/doc.h — a TEI document: libxml2's xmlDoc plus what libxml2 lacks
 * (the file it came from, safe parsing, atomic saving).
 *
 * Every XML input is parsed safely: no network access, no external entities
 * or DTDs loaded, entity expansion bounded, true line numbers kept.
 */
#ifndef TEIFORGE_DOC_H
#define TEIFORGE_DOC_H

#include <libxml/tree.h>
#include "teiforge/common.h"
#include "teiforge/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The TEI namespace URI. */
#define TF_TEI_NS "http://www.tei-c.org/ns/1.0"

/** An opaque TEI document. */
typedef struct tf_doc tf_doc;

/**
 * Parses an XML file ("-" reads standard input) safely into *out.
 *
 * @param out    receives the document; the caller frees it with tf_doc_free()
 * @param path   file to read, or "-" for standard input
 * @param diags  if not NULL, well-formedness problems are appended here with
 *               file, line and column
 * @return 0, TF_EIO when the file cannot be read, TF_EINPUT when it is not
 *         well-formed XML (details in diags and tf_error_last())
 */
TF_EXTERN int tf_doc_load_file(tf_doc **out, const char *path, tf_diag_list *diags);

/**
 * Parses XML from memory, like tf_doc_load_file(); name is used in messages.
 */
TF_EXTERN int tf_doc_load_memory(tf_doc **out, const char *data, size_t len, const char *name,
				 tf_diag_list *diags);

/**
 * Wraps an existing libxml2 document; the tf_doc takes ownership of xml.
 * name is copied and used in messages (may be NULL).
 */
TF_EXTERN int tf_doc_wrap(tf_doc **out, xmlDocPtr xml, const char *name);

/** The underlying libxml2 document, borrowed. */
TF_EXTERN xmlDocPtr tf_doc_xml(const tf_doc *doc);

/** The name the document was loaded under (a path or "<stdin>"), borrowed. */
TF_EXTERN const char *tf_doc_name(const tf_doc *doc);

/**
 * Serialises the document as indented UTF-8 XML into a newly allocated
 * buffer (*out, *out_len); the caller frees it with free().
 */
TF_EXTERN int tf_doc_serialize(char **out, size_t *out_len, const tf_doc *doc);

/**
 * Writes the document to path ("-" is standard output) whole or not at all:
 * the bytes go to a temporary file beside path that is renamed over it.
 */
TF_EXTERN int tf_doc_save(const tf_doc *doc, const char *path);

/** Frees the document; NULL is allowed. */
TF_EXTERN void tf_doc_free(tf_doc *doc);

/**
 * Writes len bytes to path ("-" is standard output) whole or not at all
 * (temporary file + rename).  Shared by every output of teiforge.
 */
TF_EXTERN int tf_write_file_atomic(const char *path, const char *data, size_t len);

/**
 * Reads a whole file ("-" is standard input) into a NUL-terminated buffer;
 * the caller frees *out with free().
 */
TF_EXTERN int tf_read_file(char **out, size_t *out_len, const char *path);

#ifdef __cplusplus
}
#endif
#endif

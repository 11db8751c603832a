/* SPDX-License-Identifier: MIT */
/*
 * internal.h — helpers shared by the library's modules and never exported:
 * the last-error setter, a growable string buffer, UTF-8 utilities, the
 * safe XML parser and the data-file lookup.
 */
#ifndef TF_INTERNAL_H
#define TF_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "teiforge/teiforge.h"

#if defined(__GNUC__)
#define TF_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TF_PRINTF(a, b)
#endif

/* Records a formatted message as this thread's last error; returns code. */
int tf_error__set(int code, const char *fmt, ...) TF_PRINTF(2, 3);

/* A growable NUL-terminated byte buffer. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
	int failed; /* an allocation failed; further appends are ignored */
} tf_buf;

#define TF_BUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0, 0                                                                      \
	}
int tf_buf__append(tf_buf *b, const char *s, size_t n);
int tf_buf__puts(tf_buf *b, const char *s);
int tf_buf__putc(tf_buf *b, char c);
int tf_buf__printf(tf_buf *b, const char *fmt, ...) TF_PRINTF(2, 3);
void tf_buf__clear(tf_buf *b);
char *tf_buf__detach(tf_buf *b); /* caller frees; NULL if failed */
void tf_buf__free(tf_buf *b);

/* Room for one more element in a growable array: v holds n elements of
 * size elem in *cap slots.  Returns v when n < *cap, else v reallocated to
 * twice *cap (or first) slots with *cap updated; NULL on overflow or when
 * out of memory, v and *cap then left as they were. */
void *tf_array__reserve(void *v, size_t n, size_t *cap, size_t elem, size_t first);

/* UTF-8 */
/* Decodes one code point at s (n bytes available); returns its length, or 0
 * if the bytes are not valid UTF-8.  *cp receives the code point. */
size_t tf_utf8__decode(const char *s, size_t n, uint32_t *cp);
/* The same, with ASCII decoded in place (for loops over every character). */
static inline size_t tf_utf8__next(const char *s, size_t n, uint32_t *cp)
{
	if (n && (unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return tf_utf8__decode(s, n, cp);
}
/* Checks that s[0..n) is valid UTF-8; on failure sets *bad_off. */
int tf_utf8__valid(const char *s, size_t n, size_t *bad_off);
/* Encodes cp into out (4 bytes room); returns length. */
size_t tf_utf8__encode(uint32_t cp, char *out);

/* Parser options for every XML input: no network, no external entities or
 * DTD loading, no entity substitution, big line numbers. */
#define TF_XML_PARSE_SAFE (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/* Parses XML safely; problems are appended to diags under name. */
xmlDocPtr tf_xml__parse(const char *data, size_t len, const char *name, tf_diag_list *diags,
			int extra_options);

/* The bytes a document was parsed from (NULL if built in memory). */
const char *tf_doc__source(const tf_doc *doc, size_t *len);

/* Column (1-based) of the start tag of node on its line in src, or 0. */
long tf_doc__column(const char *src, size_t len, long line, const char *qname);

/* While nonzero on this thread, the entity loader lets local files through
 * (RelaxNG includes, XInclude); network URLs are always refused. */
void tf_loader__allow_local(int allow);

/* Joins tf_datadir() and a relative path into a new string (caller frees). */
char *tf_data__path(const char *rel);

/* Reads a file (no "-") fully. */
int tf_file__read(char **out, size_t *out_len, const char *path);

#endif

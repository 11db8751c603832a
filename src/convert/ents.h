/* SPDX-License-Identifier: MIT */
/*
 * ents.h — the names-and-dates pass (entities.c) and its parts:
 *   ent_text.c   the containers of running text, their tokens, and the
 *                spans found in them applied as elements
 *   dates.c      calendar expressions and their ISO 8601 values
 *   names.c      persons, organisations and places
 *   authority.c  one record per entity in <standOff>, @ref on mentions
 */
#ifndef TF_ENTS_H
#define TF_ENTS_H

#include "convert_internal.h"

typedef struct {
	size_t start, end; /* byte offsets in the container's flat text */
	const char *text; /* as printed (borrowed: lexicons memory) */
	const char *fold; /* case-folded (the same) */
	int word; /* letters or digits (else punctuation) */
	int upper; /* starts with an upper-case letter */
	int all_upper; /* two or more letters, all upper case */
	int digits; /* number of leading digits */
	long num; /* value of the leading digits */
	const char *tail; /* what follows the digits (after a hyphen): "ci", "də", "s", "е" */
	int roman; /* value as a Roman numeral (XX -> 20), else 0 */
	int sent_start; /* first word of a sentence */
	int space_before; /* white space between this and the previous token */
	/* look-ups already made for this word, by list (see tf_tok__in) */
	char *stripped; /* case suffixes stripped (names.c), or NULL */
	tf_word *w; /* what is known of this word (look-ups), or NULL */
} tf_tok;

typedef struct {
	const char *elem; /* "date", "persName", "orgName", "placeName" */
	size_t first, last; /* token range, inclusive */
	char *attrs[10]; /* name, value pairs, NULL-terminated */
	char *key; /* normalised name for grouping (names), or NULL */
	const char *kind; /* "pers", "org", "place" */
	char *ref; /* an authority id already known, or NULL */
	const char *rule; /* what found it, for the review sheet */
} tf_span;

typedef struct {
	tf_tok *t;
	size_t n, cap;
	char *flat; /* the container's direct text */
	const char *lang; /* language of the container */
	int in_note; /* inside a note (dates do not set the context) */
	int in_bibl;
	int is_title; /* a heading, title or list item: title case */
	tf_span *spans;
	size_t nspans, spans_cap;
} tf_ctr;

/* The date context carried through the running text. */
typedef struct {
	int year, month, day;
} tf_date_ctx;

typedef struct tf_ents tf_ents;

/* ent_text.c */
int tf_ctr__tokenize(tf_ctr *c, const tf_lexicons *lx, xmlNodePtr el, const char *lang);
void tf_ctr__free(tf_ctr *c);
tf_span *tf_ctr__add_span(tf_ctr *c, const char *elem, size_t first, size_t last);
int tf_span__set(tf_span *s, const char *name, const char *value);
/* Does the folded word end an item of the list after stripping suffixes?
 * (az: "fevralın" -> "fevral"); returns @n or NULL and the base length. */
const char *tf_ents__stem(const tf_lexicons *lx, const char *type, const char *fold,
			  size_t *base_len);
/* Canonical key of a name: case-folded, dotted and dotless i alike. */
char *tf_ents__canon(const char *text);
/* The same for a name already case-folded (cheaper: no ICU). */
char *tf_ents__canon_folded(const char *folded);
/* Is s a chain of (at most three) case/possessive suffixes? */
int tf_ents__suffixes(const tf_lexicons *lx, const char *s);
/* tf_ents__suffixes() of w->fold + off, remembered per word. */
int tf_word__suffixes_at(const tf_lexicons *lx, tf_word *w, size_t off);
/* tf_ents__stem() of the token's folded form, remembered per list. */
const char *tf_tok__in(const tf_lexicons *lx, const char *type, tf_tok *t);
/* Marks spans overlapping an existing one as dropped; applies the rest. */
int tf_ctr__apply(tf_build *b, tf_ctr *c, xmlNodePtr el, tf_ents *ents);
void tf_ctr__review(tf_build *b, xmlNodePtr el, xmlNodePtr node, const char *rule);

/* dates.c */
void tf_dates__find(const tf_lexicons *lx, tf_ctr *c, tf_date_ctx *ctx);

/* names.c */
int tf_names__find(tf_ents *e, tf_ctr *c);

/* authority.c */
int tf_ents__new(tf_ents **out, tf_build *b);
void tf_ents__free(tf_ents *e);
const char *tf_ents__ref(tf_ents *e, const char *kind, const char *key, const char *name,
			 const char *lang);
int tf_ents__standoff(tf_ents *e);
/* The gazetteer id of a canonical key s[0..n) (see tf_ents__canon_folded)
 * whose hash, made with the two functions below byte by byte, is h. */
const char *tf_ents__gaz_key(tf_ents *e, const char *s, size_t n, size_t h, const char **kind);
size_t tf_ents__key_hash_start(void);
/* Might a gazetteer key begin with the words whose canonical key hashes to
 * h, followed by a space?  0 when none does. */
int tf_ents__gaz_may_begin(const tf_ents *e, size_t h);
size_t tf_ents__key_hash_step(size_t h, unsigned char c);
/* The gazetteer id of a folded name (and its kind), or NULL. */
const char *tf_ents__gaz(tf_ents *e, const char *fold, const char **kind);
/* The record for key, created with name (and gazetteer id) if new. */
const char *tf_ents__record(tf_ents *e, const char *kind, const char *key, const char *name,
			    const char *lang, const char *gaz_id);
char *tf_ents__ru_stem_key(const tf_lexicons *lx, const char *fold);
const char *tf_ents__by_surname(tf_ents *e, const char *stem);
const char *tf_ents__by_surname_initial(tf_ents *e, const char *stem, const char *initial);
const char *tf_ents__by_given(tf_ents *e, const char *given, const char *honorific);
int tf_ents__name_has(tf_ents *e, const char *id, const char *word);
const char *tf_ents__by_loose_surname(tf_ents *e, const char *surname, const char *initial);
char *tf_ents__skeleton(const char *fold);
const char *tf_ents__by_skeleton(tf_ents *e, const char *key, const char *lang);
void tf_ents__set_surname(tf_ents *e, const char *id, const char *stem);
const char *tf_ents__by_head(tf_ents *e, const char *head);
/* Records a mention of id (for "the body last named"); a new walk forgets. */
void tf_ents__touch(tf_ents *e, const char *id);
void tf_ents__new_walk(tf_ents *e);
void tf_ents__set_head(tf_ents *e, const char *id, const char *head);
const char *tf_ents__by_abbr(tf_ents *e, const char *abbr);
void tf_ents__set_abbr(tf_ents *e, const char *id, const char *abbr);
const tf_lexicons *tf_ents__lex(const tf_ents *e);

#endif

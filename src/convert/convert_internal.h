/* SPDX-License-Identifier: MIT */
/*
 * convert_internal.h — the stages of the converter and what passes between
 * them:
 *
 *   layout.c     text -> events (lines, reference marks, paragraph ends,
 *                page starts) + the footnotes of every page
 *   lexicon.c    the language resources (tei/lexicon/LANG.xml)
 *   langid.c     which language a stretch of text is in
 *   structure.c  events -> blocks (paragraphs, headings, keyword lists) ->
 *                front/body/div/p/head/list/pb/note in the TEI tree
 *   quote.c      quotations in running text become <quote>
 *   notes.c      footnote texts into the <note>s, one <bibl> per reference
 *                (bibl.c, bibl_printed.c: the references' structure)
 *   entities.c   names and dates (a pass of its own)
 *   sources.c    one record per distinct cited source in <standOff>
 *   header.c     the teiHeader, from the text and the metadata (meta.c)
 */
#ifndef TF_CONVERT_INTERNAL_H
#define TF_CONVERT_INTERNAL_H

#include <libxml/tree.h>
#include "internal.h"

/* ---- layout ---- */

typedef enum {
	TF_EV_LINE, /* a line of running text */
	TF_EV_MARK, /* a footnote reference mark on a line of its own */
	TF_EV_PARA_END, /* a whitespace-only line: the paragraph ends */
	TF_EV_PAGE /* a new page begins */
} tf_ev_kind;

typedef struct {
	tf_ev_kind kind;
	char *text; /* TF_EV_LINE: the line, trimmed, soft hyphens removed */
	size_t chars; /* TF_EV_LINE: its length in characters */
	int hyphen_end; /* TF_EV_LINE: ends in a hyphen glued to the word */
	int n; /* TF_EV_MARK: note number; TF_EV_PAGE: page ordinal */
	long lineno; /* source line, 1-based */
} tf_ev;

typedef struct {
	int n; /* the printed note number */
	char *text; /* the whole note, lines joined */
	long lineno; /* where it starts in the source */
	int page; /* page ordinal where it is printed */
	int used; /* set when a mark claimed it */
	size_t *joins; /* offsets of hyphens where its lines were joined */
	size_t njoins;
} tf_footnote;

typedef struct {
	tf_ev *ev;
	size_t nev, cap;
	tf_footnote *notes;
	size_t nnotes, notes_cap;
	size_t typical; /* typical length of a full line, in characters */
	int pages;
	int double_spaced; /* every line followed by an empty one */
} tf_layout;

int tf_layout__read(tf_layout *out, const char *text, size_t len, const char *name,
		    tf_diag_list *diags);
void tf_layout__free(tf_layout *l);
/* Joins a line onto text that ends with a line-end hyphen or not. */
int tf_layout__join(tf_buf *b, const char *line, int prev_hyphen_end);
/* Number of characters (code points) in s[0..n). */
size_t tf_layout__chars(const char *s, size_t n);

/* ---- lexicon ---- */

/* The language resources of one language, from tei/lexicon/LANG.xml. */
typedef struct tf_lexicon tf_lexicon;
typedef struct tf_lexicons tf_lexicons;

/* Loads every XML file in tei/lexicon/; a broken file is an error with its
 * file and line. */
int tf_lexicons__load(tf_lexicons **out, tf_diag_list *diags);
void tf_lexicons__free(tf_lexicons *lx);
/* Were they read from the resources compiled in (not from the files)? */
int tf_lexicons__compiled(const tf_lexicons *lx);
size_t tf_lexicons__count(const tf_lexicons *lx);
const tf_lexicon *tf_lexicons__get(const tf_lexicons *lx, size_t i);
const tf_lexicon *tf_lexicons__find(const tf_lexicons *lx, const char *lang);
const char *tf_lexicon__lang(const tf_lexicon *l);
const char *tf_lexicon__script(const tf_lexicon *l);
const char *tf_lexicon__name(const tf_lexicon *l); /* English name */
/* Items of the list of the given type, e.g. "stopwords"; count in *n. */
const char *const *tf_lexicon__list(const tf_lexicon *l, const char *type, size_t *n);
/* The same items case-folded (same order). */
const char *const *tf_lexicon__folded(const tf_lexicon *l, const char *type, size_t *n);
/* The @subtype of that list (suffixes: "appended" or "replaced"), or NULL. */
const char *tf_lexicon__subtype(const tf_lexicon *l, const char *type);
/* Is word (case-folded) an item of the list? */
int tf_lexicon__has(const tf_lexicon *l, const char *type, const char *word);
/* The @n of the item equal to word (case-folded), or NULL. */
const char *tf_lexicon__value(const tf_lexicon *l, const char *type, const char *word);
/* What the names pass learns about one word (by its folded form), kept
 * for the whole conversion: the answer of each list look-up, and where a
 * base may end per lexicon. */
typedef struct tf_lexentry tf_lexentry; /* a folded word of a lexicon */

/* Where a base of a word may end (fold[0..k) is an item of lexicon lex,
 * as it is or with its softened end hardened), and (Russian) the forms
 * with a nominative ending that are items, in the order they are tried. */
typedef struct {
	unsigned char lex, k;
	const tf_lexentry *plain, *hard;
} tf_base;

typedef struct {
	char *fold;
	/* the answer of each list look-up (tf_tok__in): 0 not made yet, 1
	 * none, 2 an item without @n, else 3 + the @n's offset in the
	 * lexicons' strings (tf_lexicons__strings) */
	uint32_t memo[24];
	unsigned char bases_done;
	uint16_t nbases, nnomin;
	tf_base *bases; /* by lexicon, then as tried */
	tf_base *nomin; /* Russian: .plain of each form that is an item */
	char *stripped; /* case suffixes stripped (names.c), or NULL */
	uint64_t sfx_done, sfx_ok; /* bit o: fold + o is a suffix chain */
	unsigned char ends_done, ends_yes; /* names.c: ends_in(), bit per ask */
	unsigned char surname_ending; /* 0 not known yet, 1 no, 2 yes */
	unsigned char glued_honorific; /* the same, for Cavadbəy, Həsənbəy */
} tf_word;

/* A map for the conversion from keys (bytes) to values the caller keeps
 * in tf_lexicons__alloc() memory: the slot of key, NULL inside if new;
 * NULL when out of memory.  Callers keep their keys apart by a prefix. */
void **tf_lexicons__map(const tf_lexicons *lx, const char *key, size_t len);
/* Where the strings of the lexicons are (every @n a look-up returns is
 * among them), and their size. */
const char *tf_lexicons__strings(const tf_lexicons *lx, size_t *size);
/* Memory that lives as long as lx (for what is learnt of words), and a
 * copy of s in it; NULL when out of memory. */
void *tf_lexicons__alloc(const tf_lexicons *lx, size_t n);
char *tf_lexicons__keep(const tf_lexicons *lx, const char *s);
/* The record of a word, made on first use; borrowed, lives as long as lx. */
tf_word *tf_lexicons__word(const tf_lexicons *lx, const char *fold);

/* A conversion-wide memo of look-ups: get returns 1 and the stored
 * answer (which may be NULL) when (type, word) was seen before. */
int tf_lexicons__memo_get(const tf_lexicons *lx, const char *type, const char *word,
			  const char **value);
void tf_lexicons__memo_put(const tf_lexicons *lx, const char *type, const char *word,
			   const char *value);
/* Look-ups by a hash built a byte at a time (so that every prefix of a
 * word costs one step): the entry of s[0..len), or NULL. */
size_t tf_lexicon__hash_start(void);
size_t tf_lexicon__hash_step(size_t h, unsigned char c);
const tf_lexentry *tf_lexicon__entry(const tf_lexicon *l, const char *s, size_t len, size_t h);
/* How long a prefix of a word may be an item's prefix: the largest k such
 * that no item is known not to begin with each of its first k bytes, h[j]
 * being the hash of the first j bytes (j = 1..n).  No item of the lexicon
 * begins with more of the word than that (a longer one may be reported). */
size_t tf_lexicon__prefix_len(const tf_lexicon *l, const size_t *h, size_t n);
/* The @n ("" if none) of entry e in a list of this type, or NULL. */
const char *tf_lexicon__entry_in(const tf_lexicon *l, const tf_lexentry *e, const char *type);
/* Is word an item of a list of this type?  *value gets its @n ("" if
 * none).  One look-up where has() and value() take two. */
int tf_lexicon__find(const tf_lexicon *l, const char *type, const char *word, const char **value);
/* Is word an item of any list of the lexicon? */
int tf_lexicon__any(const tf_lexicon *l, const char *word);
/* Might an item of the type (folded) begin with byte b? */
int tf_lexicon__may_start(const tf_lexicon *l, const char *type, unsigned char b);
/* The same, with tf_lexicon__lengths() of the type: one look-up of it. */
int tf_lexicon__probe(const tf_lexicon *l, const char *type, unsigned char b, size_t *lo,
		      size_t *hi);
/* Does the folded word end in an item of the type, leaving at least
 * min_chars characters and min_bytes bytes before it? */
int tf_lexicon__ends_in(const tf_lexicon *l, const char *type, const char *fold, size_t min_chars,
			size_t min_bytes);
/* Byte lengths of the shortest and longest items of the type. */
void tf_lexicon__lengths(const tf_lexicon *l, const char *type, size_t *min, size_t *max);
/* Does text start with an item of the list (case-insensitively)?  Returns
 * the byte length matched, or 0. */
size_t tf_lexicon__prefix(const tf_lexicon *l, const char *type, const char *text);

/* ---- resources compiled in by the build (resources.c) ---- */

/* The blob of tf_resources.c, made by tf_rescomp from tei/lexicon and
 * tei/gazetteer (empty in tf_rescomp itself). */
extern const unsigned char tf_resources_blob[];
extern const size_t tf_resources_size;

/* The strings of the blob, each stored once. */
typedef struct {
	tf_buf buf;
	uint32_t *slots; /* open addressing: 1 + offset, 0 empty */
	size_t cap, n;
} tf_resstrs;

/* Writes a section: u32 words and strings (shared by the sections). */
typedef struct {
	tf_buf words;
	tf_resstrs *strs;
} tf_resw;
void tf_resw__u32(tf_resw *w, uint32_t v);
void tf_resw__str(tf_resw *w, const char *s); /* NULL allowed */
/* The reference of s among the strings (stored if new), 0 for NULL. */
uint32_t tf_resw__ref(tf_resw *w, const char *s);

/* Reads a section back; a read past the end or a bad string offset sets
 * bad (and returns 0 or ""), so a reader checks once at the end. */
typedef struct {
	const unsigned char *words;
	size_t n, pos;
	const char *strs;
	size_t nstrs;
	int bad;
} tf_resr;
uint32_t tf_resr__u32(tf_resr *r);
const char *tf_resr__str(tf_resr *r); /* borrowed from the blob, or NULL */

/* 1 and a reader of folder's section ("tei/lexicon") when the XML files
 * in that folder of the data directory are the ones the blob was made
 * from; 0 when they are not (or TEIFORGE_RESOURCES=files): read them. */
int tf_res__open(const unsigned char *blob, size_t size, const char *folder, tf_resr *out);
/* The XML files of a folder of the data directory, full paths, sorted. */
int tf_res__files(const char *folder, char ***names, size_t *n);
void tf_res__free_files(char **names, size_t n);
uint64_t tf_res__hash(const char *s, size_t n);
/* Loads the folders' files and writes the C source of the blob. */
int tf_res__compile(const char *out_path, tf_diag_list *diags);
/* The sections, by their owners (lexicon.c, authority.c). */
int tf_lexicons__compile(tf_resw *w, tf_diag_list *diags);
int tf_gazetteers__compile(tf_resw *w, tf_diag_list *diags);

/* ---- language identification ---- */

/* Best language for text among the lexicons, or NULL when undecided. */
const char *tf_langid__detect(const tf_lexicons *lx, const char *text);

/* ---- case folding (ICU, locale-aware) ---- */

/* The case of a letter of Latin (to Latin Extended-B) or basic Cyrillic
 * as ICU has it, without asking ICU: 1 lower, 2 upper, 0 no letter; -1
 * for any other code point (ask ICU). */
int tf_text__case(uint32_t cp);

/* Lower-cases UTF-8 text with the rules of lang ("az": İ->i, I->ı);
 * returns a new string, NULL on failure. */
char *tf_text__fold(const char *text, const char *lang);

/* ASCII lower-case words of text joined by "-" (Azerbaijani and Cyrillic
 * letters spelt out, other diacritics dropped), at most max_words words
 * (0: all); for ids and keys.  A new string, "" if nothing is left. */
char *tf_text__ascii(const char *text, size_t max_words);

/* ---- the tree ---- */

typedef struct {
	xmlDocPtr doc;
	xmlNodePtr tei, header, text, front, body, standoff;
	xmlNsPtr ns;
	const char *main_lang;
	const tf_lexicons *lex;
	tf_layout *layout;
	tf_diag_list *diags;
	const char *name;
	/* the titles the text prints (head type="title"), with languages */
	xmlNodePtr *titles;
	size_t ntitles;
	xmlNodePtr keywords; /* the printed keyword list, or NULL */
	int first_page; /* printed number of page 1 (0 = unknown) */
	const char *authority_path; /* user authority records, or NULL */
	int want_review; /* collect the review sheet in review */
	tf_buf review;
} tf_build;

xmlNodePtr tf_tei__elem(tf_build *b, xmlNodePtr parent, const char *name);
xmlNodePtr tf_tei__elem_text(tf_build *b, xmlNodePtr parent, const char *name, const char *text);
void tf_tei__set_lang(xmlNodePtr node, const char *lang);
/* The xml:lang in force at n (inherited), a new string, or NULL. */
char *tf_tei__lang_of(xmlNodePtr n);
/* Appends text to parent, merging with a trailing text node. */
void tf_tei__append_text(xmlNodePtr parent, const char *text, size_t len);
/* Wraps the children of parent from text offset start to end (byte offsets
 * into the concatenated text of parent's direct text children, counting
 * element children as their own text) in a new element; returns it or NULL
 * when the range would cut an element. */
xmlNodePtr tf_tei__wrap(tf_build *b, xmlNodePtr parent, size_t start, size_t end, const char *name);

struct tf_meta;
int tf_structure__build(tf_build *b);
int tf_quote__mark(tf_build *b, xmlNodePtr root);
int tf_notes__fill(tf_build *b);
int tf_bibl__parse(tf_build *b, xmlNodePtr note, const char *text);
int tf_entities__tag(tf_build *b);
int tf_sources__build(tf_build *b);
int tf_header__build(tf_build *b, const tf_convert_options *opts, const struct tf_meta *meta);

/* ---- metadata (YAML) ---- */

typedef struct {
	char *given;
	char *family;
} tf_person;

typedef struct tf_meta {
	char **title_lang; /* parallel arrays: language, title */
	char **title_text;
	size_t ntitles;
	tf_person *authors;
	size_t nauthors;
	char *journal, *volume, *issue, *year, *first_page, *last_page, *doi, *publisher,
	    *pub_place, *language, *license, *edition_publisher;
} tf_meta;

/* Reads a YAML metadata file; problems are reported with line and column. */
int tf_meta__load(tf_meta *out, const char *path, tf_diag_list *diags);
void tf_meta__free(tf_meta *m);

#endif

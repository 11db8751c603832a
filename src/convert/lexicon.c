/* SPDX-License-Identifier: MIT */
/*
 * lexicon.c — the converter's language resources: one TEI file per
 * language under tei/lexicon/, each a <div type="lexicon" xml:lang="…">
 * with a <label type="script"> and <list type="…"> of <item>s (stop words,
 * abstract headings, keyword labels, …).  A file that is not what this
 * expects is an error naming the file and line — never silently ignored.
 *
 * What is looked up is an index of the lists (tf_lexicons__compile): the
 * items case-folded, and every folded word of every list in one hash
 * table with the lists it is in, so that a look-up is one probe whatever
 * the number of lists.  The build compiles that index in (resources.c);
 * when the files differ from what was compiled, the same index is made
 * from them at run time.  The index is 32-bit words, read in place:
 *   per lexicon: lang, script, name, number of lists;
 *     per list: type, subtype, n, shortest and longest folded item,
 *               then n × (item, folded item, @n);
 *     the table: size (a power of two), then 1 + word index per slot;
 *     the words: count, then per word (folded, length, lists bit mask
 *               low and high, 1 + first membership);
 *     the memberships: count, then per one (list, 1 + next, @n),
 *               chained in list order, then document order;
 *     the prefixes: number of 32-bit words (a power of two), then a bit
 *               set with the bit of every prefix of every folded item set
 *               (a Bloom filter: a clear bit means no item begins so).
 * Strings are references to the strings of the blob (0: none).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "convert_internal.h"

/* ---- the lists as read from the files ---- */

typedef struct {
	char *type;
	char *subtype; /* @subtype, or NULL */
	char **items; /* as printed */
	char **folded; /* case-folded, in document order */
	char **values; /* @n of each folded item (same order), or NULL */
	size_t n;
	size_t min_len, max_len; /* shortest and longest folded item, bytes */
} xlist;

typedef struct {
	char *lang, *script, *name;
	xlist *lists;
	size_t nlists;
} xlex;

typedef struct {
	xlex *v;
	size_t n;
} xlexs;

/* ---- the index ---- */

#define WORD_WORDS 5 /* folded, length, mask low, mask high, 1 + first member */
#define MEMBER_WORDS 3 /* list, 1 + next, @n */
#define TYPE_SLOTS 256

typedef struct lex_list_s {
	const char *type;
	const char *subtype; /* @subtype, or NULL */
	size_t n;
	size_t min_len, max_len; /* shortest and longest folded item, bytes */
	const unsigned char *entries; /* n × (item, folded, @n) */
	const char **items, **folded; /* made when first asked for */
} lex_list;

/* What the lists of one type hold. */
typedef struct {
	const char *type;
	uint64_t mask; /* bit i: list i has the type */
	size_t lo, hi; /* item lengths over those lists */
	lex_list *first; /* the first of them */
	int starts_done;
	uint64_t starts[4]; /* bit b: an item begins with byte b */
} type_info;

struct tf_lexicon {
	const char *lang, *script, *name;
	lex_list *lists;
	size_t nlists;
	const unsigned char *slots, *words, *members;
	size_t cap, nwords, nmembers;
	const unsigned char *prefixes; /* bit set: every prefix of every item */
	size_t prefix_bits; /* a power of two, or 0 */
	const char *strs;
	size_t nstrs;
	/* which lists have a type, by the address of the type string the
	 * callers pass (literals): look-ups skip comparing type names */
	type_info by_type[TYPE_SLOTS]; /* open addressing by address */
	size_t ntypes;
	type_info scratch; /* when by_type is full */
};

typedef struct {
	char *key; /* "type\001word" */
	const char *value; /* the look-up's answer, NULL for none */
} memo_entry;

/* Memory for what is learnt of words, all freed at once. */
typedef struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	unsigned char *data;
} arena_block;

typedef struct {
	uint32_t h, len;
	const char *key; /* in the arena */
	void *value;
} map_slot;

struct tf_lexicons {
	tf_lexicon *v;
	size_t n;
	int compiled; /* read from the compiled-in blob */
	arena_block *arena;
	map_slot *map; /* tf_lexicons__map(): open addressing */
	size_t map_cap, map_n;
	tf_buf own_words, own_strs; /* the index made from the files, if so */
	memo_entry *memo; /* open addressing; a conversion's look-ups repeat */
	size_t memo_cap, memo_n;
	tf_word **words; /* open addressing by fold */
	size_t words_cap, words_n;
};

size_t tf_lexicon__hash_start(void)
{
	return 1469598103934665603ULL & (size_t)-1;
}

size_t tf_lexicon__hash_step(size_t h, unsigned char c)
{
	return (h ^ c) * (1099511628211ULL & (size_t)-1);
}

static size_t hash_str(const char *s)
{
	size_t h = tf_lexicon__hash_start();

	for (; *s; s++)
		h = tf_lexicon__hash_step(h, (unsigned char)*s);
	return h;
}

static int memo_key(char *key, size_t cap, const char *type, const char *word)
{
	size_t a = strlen(type), b = strlen(word);

	if (a + b + 2 > cap)
		return 0;
	memcpy(key, type, a);
	key[a] = '\001';
	memcpy(key + a + 1, word, b + 1);
	return 1;
}

static memo_entry *memo_slot(tf_lexicons *lx, const char *key)
{
	size_t i = hash_str(key) & (lx->memo_cap - 1);

	while (lx->memo[i].key && strcmp(lx->memo[i].key, key) != 0)
		i = (i + 1) & (lx->memo_cap - 1);
	return &lx->memo[i];
}

static tf_word **word_slot(tf_lexicons *lx, const char *fold)
{
	size_t i = hash_str(fold) & (lx->words_cap - 1);

	while (lx->words[i] && strcmp(lx->words[i]->fold, fold) != 0)
		i = (i + 1) & (lx->words_cap - 1);
	return &lx->words[i];
}

void *tf_lexicons__alloc(const tf_lexicons *clx, size_t n)
{
	tf_lexicons *lx = (tf_lexicons *)clx;
	arena_block *b = lx->arena;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		b = malloc(sizeof *b);
		if (!b || !(b->data = malloc(cap))) {
			free(b);
			return NULL;
		}
		b->used = 0;
		b->cap = cap;
		b->next = lx->arena;
		lx->arena = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static map_slot *map_find(map_slot *v, size_t cap, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (cap - 1);

	while (v[i].key && !(v[i].h == h && v[i].len == len && !memcmp(v[i].key, key, len)))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

void **tf_lexicons__map(const tf_lexicons *clx, const char *key, size_t len)
{
	tf_lexicons *lx = (tf_lexicons *)clx;
	size_t h = tf_lexicon__hash_start(), i;
	map_slot *sl;
	char *k;

	if (len > UINT32_MAX)
		return NULL;
	for (i = 0; i < len; i++)
		h = tf_lexicon__hash_step(h, (unsigned char)key[i]);
	h ^= h >> 32;
	if ((lx->map_n + 1) * 4 > lx->map_cap * 3) {
		size_t cap = lx->map_cap ? lx->map_cap * 2 : 1024;
		map_slot *nv = calloc(cap, sizeof *nv);
		if (!nv)
			return NULL;
		for (i = 0; i < lx->map_cap; i++)
			if (lx->map[i].key)
				*map_find(nv, cap, lx->map[i].key, lx->map[i].len, lx->map[i].h) =
				    lx->map[i];
		free(lx->map);
		lx->map = nv;
		lx->map_cap = cap;
	}
	sl = map_find(lx->map, lx->map_cap, key, len, (uint32_t)h);
	if (!sl->key) {
		if (!(k = tf_lexicons__alloc(lx, len + 1)))
			return NULL;
		memcpy(k, key, len);
		k[len] = '\0';
		sl->key = k;
		sl->len = (uint32_t)len;
		sl->h = (uint32_t)h;
		lx->map_n++;
	}
	return &sl->value;
}

char *tf_lexicons__keep(const tf_lexicons *lx, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = tf_lexicons__alloc(lx, n);

	if (p)
		memcpy(p, s, n);
	return p;
}

tf_word *tf_lexicons__word(const tf_lexicons *clx, const char *fold)
{
	tf_lexicons *lx = (tf_lexicons *)clx;
	tf_word **slot, *w;

	if ((lx->words_n + 1) * 2 > lx->words_cap) {
		size_t cap = lx->words_cap ? lx->words_cap * 2 : 4096, i, oldcap = lx->words_cap;
		tf_word **old = lx->words, **nw = calloc(cap, sizeof *nw);
		if (!nw)
			return NULL;
		lx->words = nw;
		lx->words_cap = cap;
		for (i = 0; i < oldcap; i++)
			if (old[i])
				*word_slot(lx, old[i]->fold) = old[i];
		free(old);
	}
	slot = word_slot(lx, fold);
	if (*slot)
		return *slot;
	w = tf_lexicons__alloc(lx, sizeof *w);
	if (!w)
		return NULL;
	memset(w, 0, sizeof *w);
	if (!(w->fold = tf_lexicons__keep(lx, fold)))
		return NULL;
	*slot = w;
	lx->words_n++;
	return w;
}

int tf_lexicons__memo_get(const tf_lexicons *clx, const char *type, const char *word,
			  const char **value)
{
	tf_lexicons *lx = (tf_lexicons *)clx;
	char key[256];
	memo_entry *m;

	if (!lx->memo_cap || !memo_key(key, sizeof key, type, word))
		return 0;
	m = memo_slot(lx, key);
	if (!m->key)
		return 0;
	*value = m->value;
	return 1;
}

void tf_lexicons__memo_put(const tf_lexicons *clx, const char *type, const char *word,
			   const char *value)
{
	tf_lexicons *lx = (tf_lexicons *)clx;
	char key[256];
	memo_entry *m;

	if (!memo_key(key, sizeof key, type, word))
		return;
	if ((lx->memo_n + 1) * 2 > lx->memo_cap) {
		size_t cap = lx->memo_cap ? lx->memo_cap * 2 : 4096, i;
		memo_entry *old = lx->memo, *nw = calloc(cap, sizeof *nw);
		size_t oldcap = lx->memo_cap;
		if (!nw)
			return;
		lx->memo = nw;
		lx->memo_cap = cap;
		for (i = 0; i < oldcap; i++)
			if (old[i].key)
				*memo_slot(lx, old[i].key) = old[i];
		free(old);
	}
	m = memo_slot(lx, key);
	if (m->key)
		return;
	m->key = strdup(key);
	if (!m->key)
		return;
	m->value = value;
	lx->memo_n++;
}

static int is_tei(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, TF_TEI_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static char *lang_prop(xmlNodePtr n)
{
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	char *s = v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static char *content(xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = NULL, *p;

	if (v) {
		/* collapse white space */
		size_t k = 0, i;
		int sp = 0;
		s = malloc(strlen((const char *)v) + 1);
		for (i = 0; s && v[i]; i++) {
			if (v[i] == ' ' || v[i] == '\n' || v[i] == '\t' || v[i] == '\r') {
				sp = k > 0;
				continue;
			}
			if (sp)
				s[k++] = ' ';
			sp = 0;
			s[k++] = (char)v[i];
		}
		if (s)
			s[k] = '\0';
	}
	xmlFree(v);
	p = s;
	return p;
}

static int bad(tf_diag_list *diags, const char *file, xmlNodePtr n, const char *msg)
{
	tf_diag_list_add(diags, TF_SEV_ERROR, file, n ? xmlGetLineNo(n) : 0, 0, NULL, "lexicon",
			 msg);
	return tf_error__set(TF_EDATA, "%s:%ld: %s", file, n ? xmlGetLineNo(n) : 0L, msg);
}

static int load_list(xlist *out, xmlNodePtr list, const char *lang)
{
	xmlNodePtr it;
	size_t n = 0, i;

	memset(out, 0, sizeof *out);
	out->type = prop(list, "type");
	out->subtype = prop(list, "subtype");
	for (it = list->children; it; it = it->next)
		n += is_tei(it, "item");
	out->items = calloc(n + 1, sizeof *out->items);
	out->folded = calloc(n + 1, sizeof *out->folded);
	out->values = calloc(n + 1, sizeof *out->values);
	if (!out->type || !out->items || !out->folded || !out->values)
		return TF_ENOMEM;
	for (it = list->children, i = 0; it; it = it->next) {
		if (!is_tei(it, "item"))
			continue;
		out->items[i] = content(it);
		if (!out->items[i])
			return TF_ENOMEM;
		out->folded[i] = tf_text__fold(out->items[i], lang);
		if (!out->folded[i])
			return TF_ENOMEM;
		out->values[i] = prop(it, "n");
		i++;
		out->n = i;
	}
	out->min_len = (size_t)-1;
	for (i = 0; i < out->n; i++) {
		size_t k = strlen(out->folded[i]);
		if (k < out->min_len)
			out->min_len = k;
		if (k > out->max_len)
			out->max_len = k;
	}
	return 0;
}

static int load_div(xlex *l, xmlNodePtr div, const char *file, tf_diag_list *diags)
{
	xmlNodePtr c;
	size_t n = 0;
	int rc;

	memset(l, 0, sizeof *l);
	l->lang = lang_prop(div);
	l->name = prop(div, "n");
	if (!l->lang || !*l->lang)
		return bad(diags, file, div, "<div type=\"lexicon\"> without xml:lang");
	for (c = div->children; c; c = c->next) {
		if (is_tei(c, "list"))
			n++;
		else if (is_tei(c, "label")) {
			char *t = prop(c, "type");
			if (t && strcmp(t, "script") == 0) {
				free(l->script);
				l->script = content(c);
			}
			free(t);
		} else if (c->type == XML_ELEMENT_NODE) {
			return bad(diags, file, c,
				   "unexpected element in a lexicon (only <label> and <list>)");
		}
	}
	if (!l->script)
		return bad(diags, file, div, "lexicon without <label type=\"script\">");
	l->lists = calloc(n + 1, sizeof *l->lists);
	if (!l->lists)
		return TF_ENOMEM;
	for (c = div->children; c; c = c->next) {
		if (!is_tei(c, "list"))
			continue;
		if (!xmlHasProp(c, (const xmlChar *)"type"))
			return bad(diags, file, c, "<list> without @type in a lexicon");
		rc = load_list(&l->lists[l->nlists], c, l->lang);
		l->nlists++;
		if (rc < 0)
			return tf_error__set(TF_ENOMEM, "out of memory");
	}
	return 0;
}

static int load_file(xlexs *lx, const char *path, tf_diag_list *diags)
{
	char *data = NULL;
	size_t len = 0;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, body, div;
	int rc;

	rc = tf_file__read(&data, &len, path);
	if (rc < 0)
		return tf_error__set(TF_EDATA, "%s", tf_error_last());
	doc = tf_xml__parse(data, len, path, diags, XML_PARSE_COMPACT | XML_PARSE_NOBLANKS);
	free(data);
	if (!doc)
		return tf_error__set(TF_EDATA, "broken lexicon %s", tf_error_last());
	root = xmlDocGetRootElement(doc);
	if (!is_tei(root, "TEI")) {
		rc = bad(diags, path, root, "a lexicon must be a TEI document");
		goto done;
	}
	for (body = root->children; body && !is_tei(body, "text"); body = body->next)
		;
	for (body = body ? body->children : NULL; body && !is_tei(body, "body"); body = body->next)
		;
	if (!body) {
		rc = bad(diags, path, root, "lexicon without <text><body>");
		goto done;
	}
	for (div = body->children; div; div = div->next) {
		xlex *p;
		if (!is_tei(div, "div"))
			continue;
		p = realloc(lx->v, (lx->n + 1) * sizeof *p);
		if (!p) {
			rc = tf_error__set(TF_ENOMEM, "out of memory");
			goto done;
		}
		lx->v = p;
		rc = load_div(&lx->v[lx->n], div, path, diags);
		lx->n++;
		if (rc < 0)
			goto done;
	}
done:
	xmlFreeDoc(doc);
	return rc;
}

/* ---- reading the index ---- */

static uint32_t w32(const unsigned char *p, size_t i)
{
	uint32_t v;

	memcpy(&v, p + 4 * i, sizeof v);
	return v;
}

static const char *lstr(const tf_lexicon *l, uint32_t ref)
{
	if (!ref)
		return NULL;
	return ref <= l->nstrs ? l->strs + ref - 1 : "";
}

const tf_lexentry *tf_lexicon__entry(const tf_lexicon *l, const char *s, size_t len, size_t h)
{
	size_t i, probes;

	if (!l || !l->cap)
		return NULL;
	for (i = h & (l->cap - 1), probes = 0; probes < l->cap;
	     i = (i + 1) & (l->cap - 1), probes++) {
		uint32_t v = w32(l->slots, i);
		const unsigned char *wd;
		const char *f;
		if (!v || v > l->nwords)
			return NULL;
		wd = l->words + 4 * WORD_WORDS * (size_t)(v - 1);
		if (w32(wd, 1) != len)
			continue;
		f = lstr(l, w32(wd, 0));
		if (f && !strncmp(f, s, len) && !f[len])
			return (const tf_lexentry *)wd;
	}
	return NULL;
}

static const unsigned char *word_of(const tf_lexicon *l, const char *word)
{
	return (const unsigned char *)tf_lexicon__entry(l, word, strlen(word), hash_str(word));
}

int tf_lexicon__any(const tf_lexicon *l, const char *word)
{
	return word_of(l, word) != NULL;
}

/* The @n ("" if none) of word wd's first membership in a list of the
 * mask's lists. */
static int member_of(const tf_lexicon *l, const unsigned char *wd, uint64_t mask,
		     const char **value)
{
	uint64_t lists;
	uint32_t m;
	size_t steps = 0;

	if (!wd)
		return 0;
	lists = (uint64_t)w32(wd, 2) | (uint64_t)w32(wd, 3) << 32;
	if (!(lists & mask))
		return 0;
	for (m = w32(wd, 4); m && m <= l->nmembers && steps++ < l->nmembers;) {
		const unsigned char *mp = l->members + 4 * MEMBER_WORDS * (size_t)(m - 1);
		uint32_t list = w32(mp, 0);
		if (list < 64 && (mask & (uint64_t)1 << list)) {
			if (value) {
				const char *v = lstr(l, w32(mp, 2));
				*value = v ? v : "";
			}
			return 1;
		}
		m = w32(mp, 1);
	}
	return 0;
}

static size_t type_slot(const char *type)
{
	uintptr_t a = (uintptr_t)type;

	return (size_t)((a >> 3) ^ (a >> 11)) & (TYPE_SLOTS - 1);
}

/* The lists of a type.  Memoised by the type's address (callers pass
 * literals). */
static type_info *type_of(const tf_lexicon *cl, const char *type)
{
	tf_lexicon *l = (tf_lexicon *)cl;
	size_t s = type_slot(type), i;
	type_info *ti;

	while (l->by_type[s].type && l->by_type[s].type != type)
		s = (s + 1) & (TYPE_SLOTS - 1);
	ti = &l->by_type[s];
	if (ti->type == type)
		return ti;
	if (l->ntypes * 4 >= TYPE_SLOTS * 3)
		ti = &l->scratch; /* full: worked out each time */
	else
		l->ntypes++;
	memset(ti, 0, sizeof *ti);
	ti->type = type;
	ti->lo = (size_t)-1;
	for (i = 0; i < l->nlists && i < 64; i++) {
		if (strcmp(l->lists[i].type, type) != 0)
			continue;
		ti->mask |= (uint64_t)1 << i;
		if (!ti->first)
			ti->first = &l->lists[i];
		if (!l->lists[i].n)
			continue;
		if (l->lists[i].min_len < ti->lo)
			ti->lo = l->lists[i].min_len;
		if (l->lists[i].max_len > ti->hi)
			ti->hi = l->lists[i].max_len;
	}
	return ti;
}

/* Several lists may share a type (a file may add to a list in a second
 * <list>); look-ups see them all. */
int tf_lexicon__has(const tf_lexicon *l, const char *type, const char *word)
{
	return tf_lexicon__find(l, type, word, NULL);
}

/* The item's @n, or NULL when the word is no item or has none. */
const char *tf_lexicon__value(const tf_lexicon *l, const char *type, const char *word)
{
	const char *v = NULL;

	return tf_lexicon__find(l, type, word, &v) && *v ? v : NULL;
}

int tf_lexicon__find(const tf_lexicon *l, const char *type, const char *word, const char **value)
{
	uint64_t mask;

	if (!l || !l->cap)
		return 0;
	mask = type_of(l, type)->mask;
	return mask && member_of(l, word_of(l, word), mask, value);
}

const char *tf_lexicon__entry_in(const tf_lexicon *l, const tf_lexentry *e, const char *type)
{
	const char *v = NULL;
	uint64_t mask;

	if (!l || !e)
		return NULL;
	mask = type_of(l, type)->mask;
	return mask && member_of(l, (const unsigned char *)e, mask, &v) ? v : NULL;
}

int tf_lexicon__may_start(const tf_lexicon *l, const char *type, unsigned char b)
{
	size_t lo, hi;

	return tf_lexicon__probe(l, type, b, &lo, &hi);
}

int tf_lexicon__probe(const tf_lexicon *l, const char *type, unsigned char b, size_t *lo,
		      size_t *hi)
{
	type_info *ti;
	size_t i, j;

	*lo = (size_t)-1;
	*hi = 0;
	if (!l)
		return 0;
	ti = type_of(l, type);
	*lo = ti->lo;
	*hi = ti->hi;
	if (!ti->starts_done) {
		for (i = 0; i < l->nlists && i < 64; i++) {
			const lex_list *ll = &l->lists[i];
			if (!(ti->mask & (uint64_t)1 << i))
				continue;
			for (j = 0; j < ll->n; j++) {
				const char *f = lstr(l, w32(ll->entries, 3 * j + 1));
				unsigned char c = f ? (unsigned char)f[0] : 0;
				ti->starts[c >> 6] |= (uint64_t)1 << (c & 63);
			}
		}
		ti->starts_done = 1;
	}
	return (ti->starts[b >> 6] >> (b & 63)) & 1;
}

int tf_lexicon__ends_in(const tf_lexicon *l, const char *type, const char *fold, size_t min_chars,
			size_t min_bytes)
{
	const type_info *ti;
	size_t len = strlen(fold), k, j;

	if (!l || !l->cap)
		return 0;
	ti = type_of(l, type);
	if (!ti->mask || !ti->hi)
		return 0;
	/* every tail as long as some item of the type, looked up whole */
	for (k = ti->lo ? ti->lo : 1; k <= ti->hi && k < len; k++) {
		size_t p = len - k, h = tf_lexicon__hash_start();
		const unsigned char *wd;
		if (p < min_bytes || ((unsigned char)fold[p] & 0xC0) == 0x80)
			continue;
		for (j = p; j < len; j++)
			h = tf_lexicon__hash_step(h, (unsigned char)fold[j]);
		wd = (const unsigned char *)tf_lexicon__entry(l, fold + p, k, h);
		if (wd && member_of(l, wd, ti->mask, NULL) &&
		    tf_layout__chars(fold, p) >= min_chars)
			return 1;
	}
	return 0;
}

void tf_lexicon__lengths(const tf_lexicon *l, const char *type, size_t *min, size_t *max)
{
	const type_info *ti;

	*min = (size_t)-1;
	*max = 0;
	if (!l)
		return;
	ti = type_of(l, type);
	*min = ti->lo;
	*max = ti->hi;
}

/* The first list of the type, with its arrays of items made. */
static const lex_list *find_list(const tf_lexicon *l, const char *type)
{
	lex_list *ll = l ? type_of(l, type)->first : NULL;
	size_t j;

	if (!ll || ll->items)
		return ll;
	ll->items = calloc(ll->n + 1, sizeof *ll->items);
	ll->folded = calloc(ll->n + 1, sizeof *ll->folded);
	if (!ll->items || !ll->folded) {
		free(ll->items);
		free(ll->folded);
		ll->items = ll->folded = NULL;
		return NULL;
	}
	for (j = 0; j < ll->n; j++) {
		const char *a = lstr(l, w32(ll->entries, 3 * j));
		const char *b = lstr(l, w32(ll->entries, 3 * j + 1));
		ll->items[j] = a ? a : "";
		ll->folded[j] = b ? b : "";
	}
	return ll;
}

const char *const *tf_lexicon__list(const tf_lexicon *l, const char *type, size_t *n)
{
	const lex_list *ll = find_list(l, type);

	*n = ll ? ll->n : 0;
	return ll ? ll->items : NULL;
}

const char *const *tf_lexicon__folded(const tf_lexicon *l, const char *type, size_t *n)
{
	const lex_list *ll = find_list(l, type);

	*n = ll ? ll->n : 0;
	return ll ? ll->folded : NULL;
}

const char *tf_lexicon__subtype(const tf_lexicon *l, const char *type)
{
	const lex_list *ll = l ? type_of(l, type)->first : NULL;

	return ll ? ll->subtype : NULL;
}

/* The lexicons of an index (see the top of the file), read in place. */
static int load_index(tf_lexicons *lx, tf_resr *r)
{
	uint32_t n = tf_resr__u32(r), i, k;

	if (r->bad || n > r->n)
		return -1;
	lx->v = calloc(n + 1, sizeof *lx->v);
	if (!lx->v)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; i < n && !r->bad; i++) {
		tf_lexicon *l = &lx->v[lx->n++];
		uint32_t nlists, cnt;
		l->strs = r->strs;
		l->nstrs = r->nstrs;
		l->lang = tf_resr__str(r);
		l->script = tf_resr__str(r);
		l->name = tf_resr__str(r);
		nlists = tf_resr__u32(r);
		if (r->bad || nlists > r->n || !l->lang || !l->script)
			return -1;
		l->lists = calloc(nlists + 1, sizeof *l->lists);
		if (!l->lists)
			return tf_error__set(TF_ENOMEM, "out of memory");
		for (k = 0; k < nlists && !r->bad; k++) {
			lex_list *ll = &l->lists[l->nlists++];
			ll->type = tf_resr__str(r);
			ll->subtype = tf_resr__str(r);
			ll->n = tf_resr__u32(r);
			ll->min_len = tf_resr__u32(r);
			ll->max_len = tf_resr__u32(r);
			if (r->bad || !ll->type || ll->n > (r->n - r->pos) / 3)
				return -1;
			if (ll->min_len == UINT32_MAX)
				ll->min_len = (size_t)-1;
			ll->entries = r->words + 4 * r->pos;
			r->pos += 3 * ll->n;
		}
		l->cap = tf_resr__u32(r);
		if (r->bad || (l->cap & (l->cap - 1)) || l->cap > r->n - r->pos)
			return -1;
		l->slots = r->words + 4 * r->pos;
		r->pos += l->cap;
		cnt = tf_resr__u32(r);
		if (r->bad || cnt > (r->n - r->pos) / WORD_WORDS)
			return -1;
		l->nwords = cnt;
		l->words = r->words + 4 * r->pos;
		r->pos += WORD_WORDS * (size_t)cnt;
		cnt = tf_resr__u32(r);
		if (r->bad || cnt > (r->n - r->pos) / MEMBER_WORDS)
			return -1;
		l->nmembers = cnt;
		l->members = r->words + 4 * r->pos;
		r->pos += MEMBER_WORDS * (size_t)cnt;
		cnt = tf_resr__u32(r);
		if (r->bad || (cnt & (cnt - 1)) || cnt > r->n - r->pos)
			return -1;
		l->prefixes = r->words + 4 * r->pos;
		l->prefix_bits = 32 * (size_t)cnt;
		r->pos += cnt;
	}
	return r->bad || r->pos != r->n ? -1 : 0;
}

static size_t prefix_bit(size_t h, size_t bits)
{
	return (h ^ (h >> 29)) & (bits - 1);
}

size_t tf_lexicon__prefix_len(const tf_lexicon *l, const size_t *h, size_t n)
{
	size_t k;

	if (!l || !l->prefix_bits)
		return n;
	for (k = 1; k <= n; k++) {
		size_t b = prefix_bit(h[k], l->prefix_bits);
		if (!((w32(l->prefixes, b / 32) >> (b % 32)) & 1))
			return k - 1;
	}
	return n;
}

/* ---- making the index ---- */

typedef struct {
	const char *fold;
	uint32_t len, head;
	uint64_t mask;
} mk_word;

/* The Bloom filter of the items' prefixes: about eight bits per prefix. */
static int write_prefixes(tf_resw *w, const xlex *x)
{
	size_t i, k, j, total = 0, nwords = 1;
	uint32_t *bits;

	for (i = 0; i < x->nlists; i++)
		for (k = 0; k < x->lists[i].n; k++)
			total += strlen(x->lists[i].folded[k]);
	while (nwords * 32 < 8 * total)
		nwords *= 2;
	bits = calloc(nwords, sizeof *bits);
	if (!bits)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; i < x->nlists; i++)
		for (k = 0; k < x->lists[i].n; k++) {
			const char *f = x->lists[i].folded[k];
			size_t h = tf_lexicon__hash_start();
			for (j = 0; f[j]; j++) {
				size_t b;
				h = tf_lexicon__hash_step(h, (unsigned char)f[j]);
				b = prefix_bit(h, 32 * nwords);
				bits[b / 32] |= (uint32_t)1 << (b % 32);
			}
		}
	tf_resw__u32(w, (uint32_t)nwords);
	for (i = 0; i < nwords; i++)
		tf_resw__u32(w, bits[i]);
	free(bits);
	return 0;
}

static int write_lexicon(tf_resw *w, const xlex *x)
{
	size_t i, k, n = 0, cap = 16, nwords = 0, nmembers = 0;
	uint32_t *slots, *members;
	mk_word *words;

	tf_resw__str(w, x->lang);
	tf_resw__str(w, x->script);
	tf_resw__str(w, x->name);
	tf_resw__u32(w, (uint32_t)x->nlists);
	for (i = 0; i < x->nlists; i++) {
		const xlist *xl = &x->lists[i];
		tf_resw__str(w, xl->type);
		tf_resw__str(w, xl->subtype);
		tf_resw__u32(w, (uint32_t)xl->n);
		tf_resw__u32(w, xl->min_len > UINT32_MAX ? UINT32_MAX : (uint32_t)xl->min_len);
		tf_resw__u32(w, (uint32_t)xl->max_len);
		for (k = 0; k < xl->n; k++) {
			tf_resw__str(w, xl->items[k]);
			tf_resw__str(w, xl->folded[k]);
			tf_resw__str(w, xl->values[k]);
		}
		n += xl->n;
	}
	while (cap < 2 * n + 2)
		cap *= 2;
	slots = calloc(cap, sizeof *slots);
	words = calloc(n + 1, sizeof *words);
	members = calloc(MEMBER_WORDS * (n + 1), sizeof *members);
	if (!slots || !words || !members) {
		free(slots);
		free(words);
		free(members);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	/* backwards, each new member in front: the chains come out in order */
	for (i = x->nlists < 64 ? x->nlists : 64; i-- > 0;) {
		const xlist *xl = &x->lists[i];
		for (k = xl->n; k-- > 0;) {
			const char *f = xl->folded[k];
			size_t s = hash_str(f) & (cap - 1);
			uint32_t *m = members + MEMBER_WORDS * nmembers;
			mk_word *wd;
			while (slots[s] && strcmp(words[slots[s] - 1].fold, f) != 0)
				s = (s + 1) & (cap - 1);
			if (!slots[s]) {
				slots[s] = (uint32_t)++nwords;
				words[nwords - 1].fold = f;
				words[nwords - 1].len = (uint32_t)strlen(f);
			}
			wd = &words[slots[s] - 1];
			m[0] = (uint32_t)i;
			m[1] = wd->head;
			m[2] = tf_resw__ref(w, xl->values[k]);
			wd->head = (uint32_t)++nmembers;
			wd->mask |= (uint64_t)1 << i;
		}
	}
	tf_resw__u32(w, (uint32_t)cap);
	for (k = 0; k < cap; k++)
		tf_resw__u32(w, slots[k]);
	tf_resw__u32(w, (uint32_t)nwords);
	for (k = 0; k < nwords; k++) {
		tf_resw__str(w, words[k].fold);
		tf_resw__u32(w, words[k].len);
		tf_resw__u32(w, (uint32_t)words[k].mask);
		tf_resw__u32(w, (uint32_t)(words[k].mask >> 32));
		tf_resw__u32(w, words[k].head);
	}
	tf_resw__u32(w, (uint32_t)nmembers);
	for (k = 0; k < MEMBER_WORDS * nmembers; k++)
		tf_resw__u32(w, members[k]);
	free(slots);
	free(words);
	free(members);
	return write_prefixes(w, x);
}

static void free_xlexs(xlexs *x)
{
	size_t i, k, j;

	for (i = 0; i < x->n; i++) {
		xlex *l = &x->v[i];
		for (k = 0; k < l->nlists; k++) {
			xlist *xl = &l->lists[k];
			for (j = 0; j < xl->n; j++) {
				free(xl->items[j]);
				free(xl->folded[j]);
				free(xl->values[j]);
			}
			free(xl->items);
			free(xl->folded);
			free(xl->values);
			free(xl->type);
			free(xl->subtype);
		}
		free(l->lists);
		free(l->lang);
		free(l->script);
		free(l->name);
	}
	free(x->v);
	x->v = NULL;
	x->n = 0;
}

static int load_files(xlexs *x, tf_diag_list *diags)
{
	char **names = NULL;
	size_t n = 0, i;
	int rc = tf_res__files("tei/lexicon", &names, &n);

	for (i = 0; i < n && rc == 0; i++)
		rc = load_file(x, names[i], diags);
	tf_res__free_files(names, n);
	if (rc == 0 && x->n == 0)
		rc = tf_error__set(TF_EDATA, "no language resources found in %s/tei/lexicon",
				   tf_datadir());
	return rc;
}

/* Reads the files and writes their index. */
int tf_lexicons__compile(tf_resw *w, tf_diag_list *diags)
{
	xlexs x = {NULL, 0};
	size_t i;
	int rc = load_files(&x, diags);

	if (rc == 0) {
		tf_resw__u32(w, (uint32_t)x.n);
		for (i = 0; i < x.n && rc == 0; i++)
			rc = write_lexicon(w, &x.v[i]);
	}
	free_xlexs(&x);
	if (rc == 0 && (w->words.failed || w->strs->buf.failed))
		rc = tf_error__set(TF_ENOMEM, "out of memory");
	return rc;
}

/* The index made from the files now (they are not the ones compiled in);
 * lx keeps its memory. */
static int load_made(tf_lexicons *lx, tf_diag_list *diags)
{
	tf_resstrs strs = {TF_BUF_INIT, NULL, 0, 0};
	tf_resw w = {TF_BUF_INIT, &strs};
	tf_resr r;
	int rc;

	tf_buf__putc(&strs.buf, '\0');
	rc = tf_lexicons__compile(&w, diags);
	free(strs.slots);
	lx->own_words = w.words;
	lx->own_strs = strs.buf;
	if (rc < 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.words = (const unsigned char *)lx->own_words.data;
	r.n = lx->own_words.len / 4;
	r.strs = lx->own_strs.data;
	r.nstrs = lx->own_strs.len;
	rc = load_index(lx, &r);
	return rc == -1 ? tf_error__set(TF_EDATA, "tei/lexicon: the index is broken") : rc;
}

static void drop_lexicons(tf_lexicons *lx)
{
	size_t i, k;

	for (i = 0; i < lx->n; i++) {
		for (k = 0; k < lx->v[i].nlists; k++) {
			free(lx->v[i].lists[k].items);
			free(lx->v[i].lists[k].folded);
		}
		free(lx->v[i].lists);
	}
	free(lx->v);
	lx->v = NULL;
	lx->n = 0;
}

int tf_lexicons__load(tf_lexicons **out, tf_diag_list *diags)
{
	tf_lexicons *lx = calloc(1, sizeof *lx);
	tf_resr r;
	int rc = -1;

	*out = NULL;
	if (!lx)
		return tf_error__set(TF_ENOMEM, "out of memory");
	if (tf_res__open(tf_resources_blob, tf_resources_size, "tei/lexicon", &r)) {
		rc = load_index(lx, &r);
		if (rc == -1)
			drop_lexicons(lx); /* a malformed blob: read the files */
		lx->compiled = rc == 0;
	}
	if (rc == -1)
		rc = load_made(lx, diags);
	if (rc == 0 && lx->n == 0)
		rc = tf_error__set(TF_EDATA, "no language resources found in %s/tei/lexicon",
				   tf_datadir());
	if (rc < 0)
		tf_lexicons__free(lx);
	else
		*out = lx;
	return rc;
}

void tf_lexicons__free(tf_lexicons *lx)
{
	size_t i;

	if (!lx)
		return;
	drop_lexicons(lx);
	tf_buf__free(&lx->own_words);
	tf_buf__free(&lx->own_strs);
	for (i = 0; i < lx->memo_cap; i++)
		free(lx->memo[i].key);
	free(lx->memo);
	free(lx->words); /* the words themselves are in the arena */
	free(lx->map);
	while (lx->arena) {
		arena_block *b = lx->arena;
		lx->arena = b->next;
		free(b->data);
		free(b);
	}
	free(lx);
}

const char *tf_lexicons__strings(const tf_lexicons *lx, size_t *size)
{
	*size = lx && lx->n ? lx->v[0].nstrs : 0;
	return lx && lx->n ? lx->v[0].strs : NULL;
}

int tf_lexicons__compiled(const tf_lexicons *lx)
{
	return lx && lx->compiled;
}

size_t tf_lexicons__count(const tf_lexicons *lx)
{
	return lx ? lx->n : 0;
}

const tf_lexicon *tf_lexicons__get(const tf_lexicons *lx, size_t i)
{
	return lx && i < lx->n ? &lx->v[i] : NULL;
}

const tf_lexicon *tf_lexicons__find(const tf_lexicons *lx, const char *lang)
{
	size_t i;

	for (i = 0; lx && lang && i < lx->n; i++)
		if (strcmp(lx->v[i].lang, lang) == 0)
			return &lx->v[i];
	return NULL;
}

const char *tf_lexicon__lang(const tf_lexicon *l)
{
	return l->lang;
}

const char *tf_lexicon__script(const tf_lexicon *l)
{
	return l->script;
}

const char *tf_lexicon__name(const tf_lexicon *l)
{
	return l->name ? l->name : l->lang;
}

size_t tf_lexicon__prefix(const tf_lexicon *l, const char *type, const char *text)
{
	const lex_list *ll = find_list(l, type);
	size_t i, best = 0;

	if (!ll)
		return 0;
	for (i = 0; i < ll->n; i++) {
		/* as many characters of the text as the item has, folded */
		size_t chars = tf_layout__chars(ll->folded[i], strlen(ll->folded[i])), k = 0, c = 0;
		char *folded, save, next;
		while (text[k] && c < chars) {
			k++;
			while (((unsigned char)text[k] & 0xC0) == 0x80)
				k++;
			c++;
		}
		if (c < chars || k <= best)
			continue;
		save = text[k];
		next = save;
		((char *)text)[k] = '\0';
		folded = tf_text__fold(text, l->lang);
		((char *)text)[k] = save;
		if (folded && !strcmp(folded, ll->folded[i]) &&
		    (next == '\0' || next == ' ' || next == ':' || next == '.' || next == ',' ||
		     next == '-' || next == '\t' || next == (char)0xE2))
			best = k;
		free(folded);
	}
	return best;
}

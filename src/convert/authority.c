/* SPDX-License-Identifier: MIT */
/*
 * authority.c — the records behind @ref: the gazetteer and organisation
 * lists of tei/gazetteer/ (TEI listPlace/listOrg, names in several
 * languages, identifiers only where certain) and one record per entity the
 * text names, written to <standOff> as listPerson/listOrg/listPlace.  Ids
 * are derived from the normalised name (pers-…, org-…, place-…).
 */
#include <stdlib.h>
#include <string.h>
#include "ents.h"

typedef struct {
	char *key; /* folded name */
	const char *kind; /* "place" or "org" */
	char *id;
	xmlNodePtr node; /* the <place>/<org> of the gazetteer */
	int user; /* from the user's authority file: wins */
} gaz;

/* The gazetteers compiled in (tf_gazetteers__compile): entries of four
 * words (key, kind, id, the record as XML) sorted by key, and two hash
 * tables of 1 + entry index (0: empty), by key and by id. */
typedef struct {
	const unsigned char *ent, *by_key, *by_id, *trees, *heads;
	size_t n, key_cap, id_cap, ntrees, head_bits;
	const char *strs;
	size_t nstrs;
} gaz_blob;

typedef struct {
	char *id;
	const char *kind;
	char *key; /* grouping key */
	char *name; /* printed name of the fullest mention */
	char *lang;
	char *abbr;
	char *surname; /* persons: folded stem of the last name */
	char *skel; /* persons: the key's consonants (tf_ents__skeleton) */
	char *sskel, *sloose; /* persons: the surname's consonants, its loose form */
	char *head; /* organisations: the head word's stem */
	xmlNodePtr gz; /* gazetteer record, if any */
	size_t gz_tree; /* or 1 + where the record compiled in is (gaz_blob) */
	int gz_built; /* gz was built from it: its children are moved, not copied */
	long order; /* first mention */
	long seen; /* last mention in the current walk, 0 if none yet */
} rec;

/* An index of records or gazetteer entries by a string: open addressing,
 * each slot the string's hash and 1 + the index (0: empty). */
typedef struct {
	struct imap_slot {
		size_t h, idx1;
	} * v;
	size_t cap, n;
} imap;

struct tf_ents {
	tf_build *b;
	rec *v;
	size_t n, cap;
	imap by_id, by_key, by_surname; /* records */
	imap gaz_by_id; /* gazetteer entries (g): the first with the id */
	gaz_blob gb; /* the compiled-in gazetteers, when they are used */
	gaz *g;
	size_t ng, gcap;
	size_t *gidx; /* open addressing: 1 + index of a key's first entry */
	size_t gidx_cap;
	xmlDocPtr docs[8];
	size_t ndocs;
	long counter;
	int bad_record; /* a record without an id: the file is broken */
};

static size_t str_hash(const char *a, const char *b)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;

	for (; a && *a; a++)
		h = (h ^ (unsigned char)*a) * (1099511628211ULL & (size_t)-1);
	h = (h ^ 1) * (1099511628211ULL & (size_t)-1);
	for (; b && *b; b++)
		h = (h ^ (unsigned char)*b) * (1099511628211ULL & (size_t)-1);
	return h;
}

/* The slot for hash h where eq(e, index, a, b) holds, or the empty one
 * where it would go. */
static struct imap_slot *imap_slot(const imap *m, size_t h,
				   int (*eq)(const tf_ents *, size_t, const char *, const char *),
				   const tf_ents *e, const char *a, const char *b)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].idx1 && !(m->v[i].h == h && eq(e, m->v[i].idx1 - 1, a, b)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

static size_t imap_get(const imap *m, size_t h,
		       int (*eq)(const tf_ents *, size_t, const char *, const char *),
		       const tf_ents *e, const char *a, const char *b)
{
	return m->cap ? imap_slot(m, h, eq, e, a, b)->idx1 : 0;
}

/* Sets the slot of (a, b) to idx, or keeps a smaller index already there
 * (the first record wins, as a walk from the start would find). */
static int imap_put(imap *m, size_t h,
		    int (*eq)(const tf_ents *, size_t, const char *, const char *),
		    const tf_ents *e, const char *a, const char *b, size_t idx)
{
	struct imap_slot *sl;

	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256, i, j;
		struct imap_slot *nv = calloc(cap, sizeof *nv);
		if (!nv)
			return tf_error__set(TF_ENOMEM, "out of memory");
		for (i = 0; i < m->cap; i++)
			if (m->v[i].idx1) {
				for (j = m->v[i].h & (cap - 1); nv[j].idx1; j = (j + 1) & (cap - 1))
					;
				nv[j] = m->v[i];
			}
		free(m->v);
		m->v = nv;
		m->cap = cap;
	}
	sl = imap_slot(m, h, eq, e, a, b);
	if (!sl->idx1) {
		sl->h = h;
		sl->idx1 = idx + 1;
		m->n++;
	} else if (idx + 1 < sl->idx1) {
		sl->idx1 = idx + 1;
	}
	return 0;
}

static int rec_id_eq(const tf_ents *e, size_t i, const char *id, const char *unused)
{
	(void)unused;
	return !strcmp(e->v[i].id, id);
}

static int rec_key_eq(const tf_ents *e, size_t i, const char *kind, const char *key)
{
	return !strcmp(e->v[i].kind, kind) && !strcmp(e->v[i].key, key);
}

static int rec_surname_eq(const tf_ents *e, size_t i, const char *stem, const char *unused)
{
	(void)unused;
	return e->v[i].surname && !strcmp(e->v[i].surname, stem);
}

static int gaz_id_eq(const tf_ents *e, size_t i, const char *id, const char *unused)
{
	(void)unused;
	return !strcmp(e->g[i].id, id);
}

/* The record with this id, or NULL. */
static rec *rec_of_id(tf_ents *e, const char *id)
{
	size_t k = imap_get(&e->by_id, str_hash(id, NULL), rec_id_eq, e, id, NULL);

	return k ? &e->v[k - 1] : NULL;
}

const tf_lexicons *tf_ents__lex(const tf_ents *e)
{
	return e->b->lex;
}

static int gaz_cmp(const void *a, const void *b)
{
	const gaz *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : y->user - x->user; /* the user's entry first */
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static int loading_user;

static int has_cyrillic(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s == 0xD0 || (unsigned char)*s == 0xD1)
			return 1;
	return 0;
}

/* A Russian name's stem key: "~" and each word without its inflectional
 * ending (Советская Россия -> ~советск росс), so that inflected forms
 * (Советскую Россию) find it.  The endings are the "stem-endings" of the
 * Cyrillic lexicons, tried in order; a word keeps three letters. */
char *tf_ents__ru_stem_key(const tf_lexicons *lx, const char *fold)
{
	tf_buf b = TF_BUF_INIT;
	const char *p = fold;
	size_t i;

	tf_buf__putc(&b, '~');
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p), cut = 0, k, ne;
		for (i = 0; !cut && i < tf_lexicons__count(lx); i++) {
			const tf_lexicon *l = tf_lexicons__get(lx, i);
			const char *const *ends;
			if (strcmp(tf_lexicon__script(l), "Cyrl") != 0)
				continue;
			ends = tf_lexicon__folded(l, "stem-endings", &ne);
			for (k = 0; ends && k < ne; k++) {
				size_t len = strlen(ends[k]);
				if (len && n > len && !strncmp(p + n - len, ends[k], len) &&
				    tf_layout__chars(p, n - len) >= 3) {
					cut = len;
					break;
				}
			}
		}
		if (b.len > 1)
			tf_buf__putc(&b, ' ');
		tf_buf__append(&b, p, n - cut);
		p += n;
		while (*p == ' ')
			p++;
	}
	return tf_buf__detach(&b);
}

static int add_gaz_key(tf_ents *e, char *fold, const char *kind, const char *id, xmlNodePtr node);

static int add_gaz(tf_ents *e, const char *name, const char *kind, const char *id, xmlNodePtr node)
{
	char *fold = tf_ents__canon(name);

	if (!fold)
		return TF_ENOMEM;
	if (has_cyrillic(fold)) {
		char *stem = tf_ents__ru_stem_key(e->b->lex, fold);
		if (stem && add_gaz_key(e, stem, kind, id, node) < 0)
			return TF_ENOMEM;
	}
	return add_gaz_key(e, fold, kind, id, node);
}

static int add_gaz_key(tf_ents *e, char *fold, const char *kind, const char *id, xmlNodePtr node)
{
	gaz *g, *p;

	p = tf_array__reserve(e->g, e->ng, &e->gcap, sizeof *p, 1024);
	if (!p) {
		free(fold);
		return TF_ENOMEM;
	}
	e->g = p;
	g = &e->g[e->ng++];
	g->key = fold;
	g->kind = kind;
	g->id = strdup(id);
	g->node = node;
	g->user = loading_user;
	return g->id ? 0 : TF_ENOMEM;
}

static void load_list(tf_ents *e, xmlNodePtr list, const char *kind, const char *item,
		      const char *namel)
{
	xmlNodePtr it, nm;

	for (it = list->children; it; it = it->next) {
		xmlChar *id;
		if (!is_el(it, item))
			continue;
		id = xmlGetNsProp(it, (const xmlChar *)"id", XML_XML_NAMESPACE);
		if (!id && !e->bad_record) {
			char msg[128];
			snprintf(msg, sizeof msg, "<%s> without xml:id in a list of records", item);
			tf_diag_list_add(e->b->diags, TF_SEV_ERROR, (const char *)it->doc->URL,
					 xmlGetLineNo(it), 0, NULL, "gazetteer", msg);
			e->bad_record = tf_error__set(
			    TF_EDATA, "%s:%ld: %s", it->doc->URL ? (const char *)it->doc->URL : "?",
			    xmlGetLineNo(it), msg);
		}
		for (nm = it->children; id && nm; nm = nm->next) {
			xmlChar *s;
			if (!is_el(nm, namel))
				continue;
			s = xmlNodeGetContent(nm);
			if (s && *s)
				add_gaz(e, (const char *)s, kind, (const char *)id, it);
			xmlFree(s);
		}
		xmlFree(id);
	}
}

static void walk_lists(tf_ents *e, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (is_el(n, "listPerson"))
			load_list(e, n, "pers", "person", "persName");
		else if (is_el(n, "listPlace"))
			load_list(e, n, "place", "place", "placeName");
		else if (is_el(n, "listOrg"))
			load_list(e, n, "org", "org", "orgName");
		else if (n->type == XML_ELEMENT_NODE)
			walk_lists(e, n->children);
	}
}

static int load_gazetteer_files(tf_ents *e)
{
	char **names = NULL;
	size_t n = 0, i;
	int rc = tf_res__files("tei/gazetteer", &names, &n);

	if (rc < 0)
		return rc == TF_ENOMEM ? rc : 0; /* no gazetteer folder: none */
	for (i = 0; i < n; i++) {
		char *data = NULL;
		size_t len = 0;
		if (e->ndocs >= 8) {
			rc = tf_error__set(TF_EDATA, "%s: more than 8 gazetteer files", names[i]);
			break;
		}
		if (tf_file__read(&data, &len, names[i]) == 0) {
			xmlDocPtr d = tf_xml__parse(data, len, names[i], e->b->diags,
						    XML_PARSE_COMPACT | XML_PARSE_NOBLANKS);
			if (d) {
				e->docs[e->ndocs++] = d;
				walk_lists(e, xmlDocGetRootElement(d));
			} else if (rc == 0) {
				/* a broken resource is an error, never skipped */
				rc =
				    tf_error__set(TF_EDATA, "broken gazetteer %s", tf_error_last());
			}
		}
		free(data);
	}
	tf_res__free_files(names, n);
	if (e->ng)
		qsort(e->g, e->ng, sizeof *e->g, gaz_cmp);
	return e->bad_record ? e->bad_record : rc;
}

static const char *const gaz_kinds[] = {"place", "org", "pers"};

static size_t key_hash(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL & (size_t)-1, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * (1099511628211ULL & (size_t)-1);
	return h;
}

static uint32_t gb_word(const unsigned char *p, size_t i)
{
	uint32_t v;

	memcpy(&v, p + 4 * i, sizeof v);
	return v;
}

/* Field f (0 key, 1 kind, 2 id, 3 record) of compiled-in entry i. */
static const char *gb_str(const gaz_blob *g, size_t i, size_t f)
{
	return g->strs + gb_word(g->ent, 4 * i + f) - 1;
}

/* The compiled-in entry whose field f is s[0..n), through its table. */
static size_t gb_find_h(const gaz_blob *g, const unsigned char *table, size_t cap, size_t f,
			const char *s, size_t n, size_t h)
{
	size_t i, v;

	if (!cap)
		return 0;
	for (i = h & (cap - 1); (v = gb_word(table, i)) != 0; i = (i + 1) & (cap - 1)) {
		const char *k = gb_str(g, v - 1, f);
		if (!strncmp(k, s, n) && !k[n])
			return v;
	}
	return 0;
}

static size_t gb_find(const gaz_blob *g, const unsigned char *table, size_t cap, size_t f,
		      const char *s, size_t n)
{
	return gb_find_h(g, table, cap, f, s, n, key_hash(s, n));
}

/* A table read from the blob: its size (a power of two) and its slots,
 * each empty or an entry index, with at least one empty. */
static const unsigned char *gb_table(tf_resr *r, size_t n, size_t *cap)
{
	size_t c = tf_resr__u32(r), i, empty = 0;
	const unsigned char *t = r->words + 4 * r->pos;

	*cap = c;
	if (r->bad || c == 0 || (c & (c - 1)) || c > r->n - r->pos)
		return r->bad = 1, NULL;
	for (i = 0; i < c; i++) {
		uint32_t v = gb_word(t, i);
		empty += v == 0;
		if (v > n)
			return r->bad = 1, NULL;
	}
	r->pos += c;
	return empty ? t : (r->bad = 1, NULL);
}

/* The compiled-in gazetteers, used where they are (no copy); the entries
 * are checked once, so that a look-up can trust them. */
static int load_compiled(tf_ents *e, tf_resr *r)
{
	gaz_blob *g = &e->gb;
	uint32_t n = tf_resr__u32(r), i;

	if (r->bad || n > (r->n - r->pos) / 4)
		return -1;
	g->ent = r->words + 4 * r->pos;
	g->n = n;
	g->strs = r->strs;
	for (i = 0; i < 4 * n; i++) {
		uint32_t v = tf_resr__u32(r);
		if (i % 4 == 1 ? v > 2 : i % 4 == 3 ? 0 : v == 0 || v > r->nstrs)
			return -1;
	}
	g->by_key = gb_table(r, n, &g->key_cap);
	g->by_id = gb_table(r, n, &g->id_cap);
	g->ntrees = tf_resr__u32(r);
	if (!r->bad && g->ntrees <= r->n - r->pos) {
		g->trees = r->words + 4 * r->pos;
		r->pos += g->ntrees;
	}
	{
		uint32_t hw = tf_resr__u32(r);
		if (!r->bad && !(hw & (hw - 1)) && hw <= r->n - r->pos) {
			g->heads = r->words + 4 * r->pos;
			g->head_bits = 32 * (size_t)hw;
			r->pos += hw;
		}
	}
	g->nstrs = r->nstrs;
	if (r->bad || r->pos != r->n) {
		memset(g, 0, sizeof *g);
		return -1;
	}
	return 0;
}

static void free_gaz(tf_ents *e)
{
	size_t i;

	for (i = 0; i < e->ng; i++) {
		free(e->g[i].key);
		free(e->g[i].id);
	}
	free(e->g);
	e->g = NULL;
	e->ng = e->gcap = 0;
	free(e->gidx);
	e->gidx = NULL;
	e->gidx_cap = 0;
	free(e->gaz_by_id.v);
	memset(&e->gaz_by_id, 0, sizeof e->gaz_by_id);
	memset(&e->gb, 0, sizeof e->gb);
}

static int index_gaz(tf_ents *e);

static int load_gazetteers(tf_ents *e)
{
	tf_resr r;
	int rc;

	/* compiled in with the stem keys the compiled-in lexicons make: used
	 * only with them */
	if (tf_lexicons__compiled(e->b->lex) &&
	    tf_res__open(tf_resources_blob, tf_resources_size, "tei/gazetteer", &r) &&
	    load_compiled(e, &r) == 0)
		return 0;
	rc = load_gazetteer_files(e); /* changed files, or a malformed blob */
	return rc < 0 ? rc : index_gaz(e);
}

/* A hash table of 1 + index of the first of n strings (field f of the
 * entries) with each value, as gb_find() reads it. */
static void write_table(tf_resw *w, const gaz *g, size_t n, int by_id)
{
	size_t cap = 64, i, j;
	uint32_t *t;

	while (cap < 2 * n + 2)
		cap *= 2;
	t = calloc(cap, sizeof *t);
	if (!t) {
		w->words.failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *k = by_id ? g[i].id : g[i].key;
		for (j = key_hash(k, strlen(k)) & (cap - 1); t[j]; j = (j + 1) & (cap - 1)) {
			const char *o = by_id ? g[t[j] - 1].id : g[t[j] - 1].key;
			if (!strcmp(o, k))
				break;
		}
		if (!t[j])
			t[j] = (uint32_t)(i + 1);
	}
	tf_resw__u32(w, (uint32_t)cap);
	for (j = 0; j < cap; j++)
		tf_resw__u32(w, t[j]);
	free(t);
}

static void put32(tf_buf *b, uint32_t v)
{
	tf_buf__append(b, (const char *)&v, sizeof v);
}

/* A record's element as words (read back by build_tree): an element is
 * 1, name, attributes (count, then namespace, prefix, name, value each),
 * children (count, then each); text is 2 and its content; a comment 3. */
static void put_tree(tf_resw *w, tf_buf *t, xmlNodePtr n)
{
	xmlAttrPtr a;
	xmlNodePtr c;
	uint32_t k = 0;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
	    n->type == XML_COMMENT_NODE) {
		put32(t, n->type == XML_COMMENT_NODE ? 3 : 2);
		put32(t, tf_resw__ref(w, n->content ? (const char *)n->content : ""));
		return;
	}
	put32(t, 1);
	put32(t, tf_resw__ref(w, (const char *)n->name));
	for (a = n->properties; a; a = a->next)
		k++;
	put32(t, k);
	for (a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		put32(t, tf_resw__ref(w, a->ns ? (const char *)a->ns->href : NULL));
		put32(t, tf_resw__ref(w, a->ns ? (const char *)a->ns->prefix : NULL));
		put32(t, tf_resw__ref(w, (const char *)a->name));
		put32(t, tf_resw__ref(w, v ? (const char *)v : ""));
		xmlFree(v);
	}
	for (k = 0, c = n->children; c; c = c->next)
		k += c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE || c->type == XML_COMMENT_NODE;
	put32(t, k);
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE || c->type == XML_COMMENT_NODE)
			put_tree(w, t, c);
}

static size_t head_bit(size_t h, size_t bits)
{
	return (h ^ (h >> 29)) & (bits - 1);
}

/* A Bloom filter of the keys' first words: each key's every prefix that
 * ends before a space (so that a name of several words is looked up only
 * while some key begins with its words). */
static void write_heads(tf_resw *w, const gaz *g, size_t n)
{
	size_t i, j, nwords = 1, heads = 0;
	uint32_t *bits;

	for (i = 0; i < n; i++)
		for (j = 0; g[i].key[j]; j++)
			heads += g[i].key[j] == ' ';
	while (nwords * 32 < 8 * heads + 64)
		nwords *= 2;
	bits = calloc(nwords, sizeof *bits);
	if (!bits) {
		w->words.failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		size_t h = key_hash("", 0);
		for (j = 0; g[i].key[j]; j++) {
			if (g[i].key[j] == ' ') {
				size_t b = head_bit(h, 32 * nwords);
				bits[b / 32] |= (uint32_t)1 << (b % 32);
			}
			h = (h ^ (unsigned char)g[i].key[j]) * (1099511628211ULL & (size_t)-1);
		}
	}
	tf_resw__u32(w, (uint32_t)nwords);
	for (i = 0; i < nwords; i++)
		tf_resw__u32(w, bits[i]);
	free(bits);
}

int tf_gazetteers__compile(tf_resw *w, tf_diag_list *diags)
{
	tf_build b;
	tf_ents e;
	size_t i;
	int rc;

	tf_lexicons *lx = NULL;

	memset(&b, 0, sizeof b);
	memset(&e, 0, sizeof e);
	b.diags = diags;
	e.b = &b;
	/* the stem keys of Russian names come from the lexicons */
	rc = tf_lexicons__load(&lx, diags);
	b.lex = lx;
	if (rc == 0)
		rc = load_gazetteer_files(&e);
	if (rc == 0) {
		tf_buf trees = TF_BUF_INIT;
		/* keys and ids first, so that look-ups touch few pages */
		for (i = 0; i < e.ng; i++) {
			tf_resw__ref(w, e.g[i].key);
			tf_resw__ref(w, e.g[i].id);
		}
		/* each record's element once, as a tree of words */
		for (i = 0; i < e.ng; i++) {
			xmlNodePtr n = e.g[i].node;
			if (n && !n->_private) {
				n->_private = (void *)(uintptr_t)(trees.len / 4 + 1);
				put_tree(w, &trees, n);
			}
		}
		tf_resw__u32(w, (uint32_t)e.ng);
		for (i = 0; i < e.ng; i++) {
			uint32_t kind = !strcmp(e.g[i].kind, "place") ? 0
					: !strcmp(e.g[i].kind, "org") ? 1
								      : 2;
			tf_resw__str(w, e.g[i].key);
			tf_resw__u32(w, kind);
			tf_resw__str(w, e.g[i].id);
			tf_resw__u32(w,
				     e.g[i].node ? (uint32_t)(uintptr_t)e.g[i].node->_private : 0);
		}
		write_table(w, e.g, e.ng, 0);
		write_table(w, e.g, e.ng, 1);
		tf_resw__u32(w, (uint32_t)(trees.len / 4));
		tf_buf__append(&w->words, trees.data ? trees.data : "", trees.len);
		write_heads(w, e.g, e.ng);
		if (trees.failed)
			rc = tf_error__set(TF_ENOMEM, "out of memory");
		tf_buf__free(&trees);
	}
	for (i = 0; i < e.ng; i++)
		if (e.g[i].node)
			e.g[i].node->_private = NULL;
	free_gaz(&e);
	for (i = 0; i < e.ndocs; i++)
		xmlFreeDoc(e.docs[i]);
	tf_lexicons__free(lx);
	return rc;
}

/* The user's authority file: its names are recognised and its records
 * win over the bundled gazetteers. */
static int load_authority(tf_ents *e, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	xmlDocPtr d;
	int rc = tf_file__read(&data, &len, path);

	if (rc < 0)
		return rc;
	d = tf_xml__parse(data, len, path, e->b->diags, 0);
	free(data);
	if (!d)
		return tf_error__set(TF_EINPUT, "authority file %s", tf_error_last());
	if (e->ndocs >= sizeof e->docs / sizeof e->docs[0]) {
		xmlFreeDoc(d);
		return tf_error__set(TF_EINPUT, "%s: too many gazetteer files", path);
	}
	e->docs[e->ndocs++] = d;
	loading_user = 1;
	walk_lists(e, xmlDocGetRootElement(d));
	loading_user = 0;
	return 0;
}

int tf_ents__new(tf_ents **out, tf_build *b)
{
	tf_ents *e = calloc(1, sizeof *e);
	int rc = 0;
	size_t before;

	*out = NULL;
	if (!e)
		return tf_error__set(TF_ENOMEM, "out of memory");
	e->b = b;
	rc = load_gazetteers(e);
	if (rc < 0) {
		tf_ents__free(e);
		return rc;
	}
	before = e->ng;
	if (b->authority_path) {
		rc = load_authority(e, b->authority_path);
		if (rc == 0 && e->bad_record)
			rc = TF_EINPUT; /* the user's file: bad input, message set */
		if (rc == 0 && e->ng == before)
			tf_diag_list_add(
			    b->diags, TF_SEV_WARNING, b->authority_path, 1, 1, NULL, "authority",
			    "no records found (expected TEI listPerson, listOrg or listPlace "
			    "with xml:id and names)");
		if (e->ng)
			qsort(e->g, e->ng, sizeof *e->g, gaz_cmp);
		if (rc == 0)
			rc = index_gaz(e);
	}
	if (rc < 0) {
		tf_ents__free(e);
		return rc;
	}
	*out = e;
	return 0;
}

void tf_ents__free(tf_ents *e)
{
	size_t i;

	if (!e)
		return;
	free_gaz(e);
	free(e->by_id.v);
	free(e->by_key.v);
	free(e->by_surname.v);
	for (i = 0; i < e->n; i++) {
		free(e->v[i].id);
		free(e->v[i].key);
		free(e->v[i].name);
		free(e->v[i].lang);
		free(e->v[i].abbr);
		free(e->v[i].surname);
		free(e->v[i].skel);
		free(e->v[i].sskel);
		free(e->v[i].sloose);
		free(e->v[i].head);
	}
	for (i = 0; i < e->ndocs; i++)
		xmlFreeDoc(e->docs[i]);
	for (i = 0; i < e->n; i++)
		if (e->v[i].gz_built)
			xmlFreeNode(e->v[i].gz);
	free(e->v);
	free(e);
}

/* The slot of key s[0..n) in the index of the gazetteer keys. */
static size_t *gidx_slot_h(tf_ents *e, const char *s, size_t n, size_t h)
{
	size_t i = h & (e->gidx_cap - 1);

	while (e->gidx[i]) {
		const char *k = e->g[e->gidx[i] - 1].key;
		if (!strncmp(k, s, n) && !k[n])
			break;
		i = (i + 1) & (e->gidx_cap - 1);
	}
	return &e->gidx[i];
}

/* Indexes the (sorted) entries by key: each key's first entry. */
static int index_gaz(tf_ents *e)
{
	size_t cap = 64, i;

	while (cap < 2 * e->ng + 2)
		cap *= 2;
	free(e->gidx);
	e->gidx = calloc(cap, sizeof *e->gidx);
	if (!e->gidx) {
		e->gidx_cap = 0;
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	e->gidx_cap = cap;
	free(e->gaz_by_id.v);
	memset(&e->gaz_by_id, 0, sizeof e->gaz_by_id);
	for (i = 0; i < e->ng; i++) {
		size_t n = strlen(e->g[i].key);
		size_t *slot = gidx_slot_h(e, e->g[i].key, n, key_hash(e->g[i].key, n));
		if (!*slot)
			*slot = i + 1;
		if (imap_put(&e->gaz_by_id, str_hash(e->g[i].id, NULL), gaz_id_eq, e, e->g[i].id,
			     NULL, i) < 0)
			return TF_ENOMEM;
	}
	return 0;
}

/* The entry of canonical key s[0..n) whose key_hash() is h. */
const char *tf_ents__gaz_key(tf_ents *e, const char *s, size_t n, size_t h, const char **kind)
{
	size_t *slot = e->gidx_cap ? gidx_slot_h(e, s, n, h) : NULL, k;

	/* the user's entries (or all, read from the files) first */
	if (slot && *slot) {
		const gaz *hit = &e->g[*slot - 1];
		if (kind)
			*kind = hit->kind;
		return hit->id;
	}
	k = gb_find_h(&e->gb, e->gb.by_key, e->gb.key_cap, 0, s, n, h);
	if (!k)
		return NULL;
	if (kind)
		*kind = gaz_kinds[gb_word(e->gb.ent, 4 * (k - 1) + 1)];
	return gb_str(&e->gb, k - 1, 2);
}

int tf_ents__gaz_may_begin(const tf_ents *e, size_t h)
{
	size_t b;

	/* the user's entries have no filter; nor has a gazetteer read from
	 * the files */
	if (e->ng || !e->gb.heads || !e->gb.head_bits)
		return 1;
	b = head_bit(h, e->gb.head_bits);
	return (gb_word(e->gb.heads, b / 32) >> (b % 32)) & 1;
}

size_t tf_ents__key_hash_start(void)
{
	return 1469598103934665603ULL & (size_t)-1;
}

size_t tf_ents__key_hash_step(size_t h, unsigned char c)
{
	return (h ^ c) * (1099511628211ULL & (size_t)-1);
}

/* The gazetteer entry for a folded name, or NULL. */
const char *tf_ents__gaz(tf_ents *e, const char *name, const char **kind)
{
	char stack[256], *fold = stack, *w;
	const char *r, *id;
	size_t n = strlen(name);

	if (!e->gidx_cap && !e->gb.n)
		return NULL;
	if (n >= sizeof stack && !(fold = malloc(n + 1)))
		return NULL;
	/* the key as tf_ents__canon_folded() makes it: callers pass folded
	 * names */
	for (r = name, w = fold; *r;) {
		if ((unsigned char)r[0] == 0xCC && (unsigned char)r[1] == 0x87) {
			r += 2;
		} else if ((unsigned char)r[0] == 0xC4 && (unsigned char)r[1] == 0xB1) {
			*w++ = 'i';
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	id =
	    tf_ents__gaz_key(e, fold, (size_t)(w - fold), key_hash(fold, (size_t)(w - fold)), kind);
	if (fold != stack)
		free(fold);
	return id;
}

/* ASCII slug of a name for an id: pers-heydar-bey. */
static char *slug(const char *prefix, const char *name)
{
	char *a = tf_text__ascii(name, 0), *out;
	size_t n;

	if (!a)
		return NULL;
	n = strlen(prefix) + strlen(a) + 1;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s", prefix, a);
	free(a);
	return out;
}

static rec *find_rec(tf_ents *e, const char *kind, const char *key)
{
	size_t k = imap_get(&e->by_key, str_hash(kind, key), rec_key_eq, e, kind, key);

	return k ? &e->v[k - 1] : NULL;
}

static int id_taken(tf_ents *e, const char *id)
{
	return rec_of_id(e, id) != NULL;
}

static rec *new_rec(tf_ents *e, const char *kind, const char *key, const char *id, const char *name,
		    const char *lang)
{
	rec *r;
	char *uid = NULL;

	rec *p = tf_array__reserve(e->v, e->n, &e->cap, sizeof *p, 64);
	if (!p)
		return NULL;
	e->v = p;
	if (id) {
		uid = strdup(id);
	} else {
		/* the id comes from the record's name: as printed, the last
		 * word's case suffix removed (names.c) */
		char prefix[16];
		snprintf(prefix, sizeof prefix, "%s-",
			 kind[0] == 'p' && kind[1] == 'e' ? "pers" : kind);
		uid = slug(prefix, name);
	}
	if (!uid)
		return NULL;
	if (!id && (strlen(uid) <= 5 || id_taken(e, uid))) {
		char *u2 = malloc(strlen(uid) + 16);
		int k = 2;
		if (!u2) {
			free(uid);
			return NULL;
		}
		do
			sprintf(u2, "%s-%d", uid, k++);
		while (id_taken(e, u2));
		free(uid);
		uid = u2;
	}
	r = &e->v[e->n];
	memset(r, 0, sizeof *r);
	r->id = uid;
	r->kind = kind;
	r->key = strdup(key);
	r->name = strdup(name);
	r->lang = lang ? strdup(lang) : NULL;
	r->order = e->counter++;
	if (!r->key || !r->name ||
	    imap_put(&e->by_id, str_hash(uid, NULL), rec_id_eq, e, uid, NULL, e->n) < 0 ||
	    imap_put(&e->by_key, str_hash(kind, r->key), rec_key_eq, e, kind, r->key, e->n) < 0) {
		free(r->id);
		free(r->key);
		free(r->name);
		free(r->lang);
		return NULL;
	}
	e->n++;
	return r;
}

static size_t words_in(const char *s)
{
	size_t w = 0;
	int in = 0;

	for (; *s; s++) {
		int sp = *s == ' ';
		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* Is the last letter of s (a name in Cyrillic) а or я, the ending of a
 * feminine nominative (коммуна, армия) where a masculine one has none? */
static int ends_a(const char *s)
{
	size_t n = strlen(s);

	return n >= 2 && (unsigned char)s[n - 2] == 0xD0 &&
	       ((unsigned char)s[n - 1] == 0xB0 || (unsigned char)s[n - 1] == 0xAF) &&
	       !(n >= 4 && (unsigned char)s[n - 4] == 0xD0 && (unsigned char)s[n - 3] == 0xBE);
}

/* Should a record show name rather than its name so far?  The fullest
 * mention (more words, or longer); but in Russian, of two mentions with
 * as many words, the one in the nominative, which is mostly the shorter
 * (Деникин, not Деникина; Бакинский комитет, not Бакинского комитета) or,
 * as long, the one in -а (коммуна, not коммуны). */
static int better_name(const char *name, const char *now)
{
	size_t wn = words_in(name), wo = words_in(now);

	if (!has_cyrillic(name) || !has_cyrillic(now) || wn != wo)
		return wn > wo || (wn == wo && strlen(name) > strlen(now));
	if (strlen(name) != strlen(now))
		return strlen(name) < strlen(now);
	return ends_a(name) && !ends_a(now);
}

const char *tf_ents__record(tf_ents *e, const char *kind, const char *key, const char *name,
			    const char *lang, const char *gaz_id)
{
	rec *r = find_rec(e, kind, key);

	if (!r && gaz_id) {
		rec *same = rec_of_id(e, gaz_id);
		if (same)
			return same->id;
	}
	if (!r) {
		r = new_rec(e, kind, key, gaz_id, name, lang);
		if (!r)
			return NULL;
		if (gaz_id) {
			size_t k = imap_get(&e->gaz_by_id, str_hash(gaz_id, NULL), gaz_id_eq, e,
					    gaz_id, NULL);
			if (k) {
				r->gz = e->g[k - 1].node;
			} else { /* the user's record wins over a compiled-in one */
				k = gb_find(&e->gb, e->gb.by_id, e->gb.id_cap, 2, gaz_id,
					    strlen(gaz_id));
				if (k)
					r->gz_tree = gb_word(e->gb.ent, 4 * (k - 1) + 3);
			}
		}
	} else if (!r->gz && !r->gz_tree && better_name(name, r->name)) {
		char *nn = strdup(name);
		if (nn) {
			free(r->name);
			r->name = nn;
		}
	}
	return r->id;
}

const char *tf_ents__ref(tf_ents *e, const char *kind, const char *key, const char *name,
			 const char *lang)
{
	rec *r = key ? find_rec(e, kind, key) : NULL;

	if (r)
		return r->id;
	if (!key || !name)
		return NULL;
	return tf_ents__record(e, kind, key, name, lang, NULL);
}

/* The consonants of a folded name in Latin letters, as transliterations
 * of one name share them (Денстервил, Dunsterville: dnstrvl; Naxçıvanski,
 * Nakhchivanski, Нахчыванск: ncvnsk): vowels, h and doubled letters
 * dropped (x too: Russian х writes h and x), digraphs made one
 * letter.  New string. */
char *tf_ents__skeleton(const char *fold)
{
	static const struct {
		const char *from;
		char to;
	} di[] = {{"dzh", 'j'}, {"kh", 'x'}, {"zh", 'j'}, {"ch", 'c'}, {"sh", 's'},
		  {"ts", 'c'},  {"dj", 'j'}, {"ph", 'f'}, {"th", 't'}};
	char *a = tf_text__ascii(fold, 0), *out, *w;
	const char *r;
	size_t k;

	if (!a)
		return NULL;
	out = malloc(strlen(a) + 1);
	if (!out) {
		free(a);
		return NULL;
	}
	for (r = a, w = out; *r;) {
		char ch = *r;
		size_t adv = 1;
		for (k = 0; k < sizeof di / sizeof di[0]; k++)
			if (!strncmp(r, di[k].from, strlen(di[k].from))) {
				ch = di[k].to;
				adv = strlen(di[k].from);
				break;
			}
		r += adv;
		if (ch == 'q')
			ch = 'k';
		else if (ch == 'w')
			ch = 'v';
		else if (ch == 'c' && adv == 1)
			ch = 'j'; /* Azerbaijani c: Cəfər, Джафар */
		if (!(ch >= 'a' && ch <= 'z') || strchr("aeiouyhx", ch) || (w > out && w[-1] == ch))
			continue;
		*w++ = ch;
	}
	*w = '\0';
	free(a);
	return out;
}

/* Persons: a record made in another language whose key (a whole name) or
 * surname (one word) has the consonants of key (Dunsterville, then
 * Денстервиля in a Russian paragraph). */
const char *tf_ents__by_skeleton(tf_ents *e, const char *key, const char *lang)
{
	char *sk;
	const char *id = NULL;
	size_t i;
	int whole = strchr(key, ' ') != NULL, other = 0;

	/* (only if a person was named in another language or script) */
	for (i = 0; i < e->n && !other; i++)
		other = !strcmp(e->v[i].kind, "pers") &&
			!(has_cyrillic(e->v[i].key) == has_cyrillic(key) &&
			  (!e->v[i].lang || !lang || !strcmp(e->v[i].lang, lang)));
	if (!other)
		return NULL;
	sk = tf_ents__skeleton(key);
	if (sk && strlen(sk) >= 4)
		for (i = 0; i < e->n && !id; i++) {
			rec *r = &e->v[i];
			const char *rs;
			/* (in one language and script, two spellings are two
			 * people) */
			if (strcmp(r->kind, "pers") != 0 ||
			    (has_cyrillic(r->key) == has_cyrillic(key) &&
			     (!r->lang || !lang || !strcmp(r->lang, lang))))
				continue;
			/* (worked out once per record) */
			if (whole && !r->skel)
				r->skel = tf_ents__skeleton(r->key);
			if (!whole && r->surname && !r->sskel)
				r->sskel = tf_ents__skeleton(r->surname);
			rs = whole ? NULL : r->sskel;
			if ((whole && r->skel && !strcmp(r->skel, sk)) || (rs && !strcmp(rs, sk)))
				id = r->id;
		}
	free(sk);
	/* a whole name whose last word is the surname of a record with no
	 * given name (Najmuddin Gotsinsky, after Н.Н. Гоцинского) */
	if (!id && whole)
		id = tf_ents__by_skeleton(e, strrchr(key, ' ') + 1, lang);
	return id;
}

/* Does a word of record r's printed name begin with the folded letter
 * initial (an honorific too: К. Г. for Кербалай Гусейн)? */
static int word_begins(const rec *r, const char *initial, size_t il)
{
	char *f = tf_text__fold(r->name, r->lang);
	const char *p = f;
	int hit = 0;

	while (p && *p && !hit) {
		while (*p == ' ' || *p == '.' || *p == '-')
			p++;
		hit = *p && !strncmp(p, initial, il);
		p += strcspn(p, " .-");
	}
	free(f);
	return hit;
}

/* Persons: the record with this surname whose given name may begin with
 * initial (a folded letter): C.X. Naxçıvanski is not Kalbalı xan
 * Naxçıvanski.  A record without a given name fits; of several, the one
 * named last. */
const char *tf_ents__by_surname_initial(tf_ents *e, const char *stem, const char *initial)
{
	const rec *best = NULL;
	size_t i, il;

	if (!initial)
		return tf_ents__by_surname(e, stem);
	il = strlen(initial);
	for (i = 0; i < e->n; i++) {
		const rec *r = &e->v[i];
		if (strcmp(r->kind, "pers") != 0 || !r->surname || strcmp(r->surname, stem) != 0)
			continue;
		if (strchr(r->key, ' ') && !word_begins(r, initial, il))
			continue;
		if (!best || r->seen > best->seen)
			best = r;
	}
	return best ? best->id : NULL;
}

/* Does the printed name of record r hold word (folded) as a word? */
static int name_has(const rec *r, const char *word)
{
	char *f = tf_text__fold(r->name, r->lang);
	const char *p;
	size_t wl = strlen(word);
	int has = 0;

	for (p = f; p && (p = strstr(p, word)) != NULL && !has; p += wl)
		has = (p == f || p[-1] == ' ') && (p[wl] == ' ' || p[wl] == '\0');
	free(f);
	return has;
}

int tf_ents__name_has(tf_ents *e, const char *id, const char *word)
{
	const rec *r = rec_of_id(e, id);

	return r && name_has(r, word);
}

/* A surname's letters for a loose comparison of spellings: in Latin
 * letters, y dropped, doubled letters single (Mamulia, Mamuliya).  New
 * string. */
static char *loose(const char *fold)
{
	char *a = tf_text__ascii(fold, 0), *w, *r;

	if (!a)
		return NULL;
	for (r = w = a; *r; r++)
		if (*r != 'y' && *r != '-' && !(w > a && w[-1] == *r))
			*w++ = *r;
	*w = '\0';
	return a;
}

/* Persons: a record whose surname is spelt loosely as surname (see
 * loose()) and whose name has a word beginning with initial (a folded
 * letter): Mamulia Q.Q. in a reference, Q.Q.Mamuliya in the text.  Of
 * several, the one named last. */
const char *tf_ents__by_loose_surname(tf_ents *e, const char *surname, const char *initial)
{
	char *want = loose(surname);
	const rec *best = NULL;
	size_t i;

	if (!want || strlen(want) < 4 || !initial) {
		free(want);
		return NULL;
	}
	for (i = 0; i < e->n; i++) {
		rec *r = &e->v[i];
		const char *have;
		int same;
		if (strcmp(r->kind, "pers") != 0 || !r->surname)
			continue;
		if (!r->sloose) /* (worked out once per record) */
			r->sloose = loose(r->surname);
		have = r->sloose;
		/* (or one a stem of the other: Mamul, the text's Mamuliya
		 * without what looked like a suffix) */
		same =
		    have && (!strcmp(have, want) ||
			     (strlen(have) >= 5 && strlen(want) >= 5 &&
			      !strncmp(have, want,
				       strlen(have) < strlen(want) ? strlen(have) : strlen(want)) &&
			      (strlen(have) > strlen(want) ? strlen(have) - strlen(want)
							   : strlen(want) - strlen(have)) <= 3));
		if (same && word_begins(r, initial, strlen(initial)) &&
		    (!best || r->seen > best->seen))
			best = r;
	}
	free(want);
	return best ? best->id : NULL;
}

/* Persons: the one record whose name begins with this given name and
 * holds this honorific (Kalbalı xana, after Kalbalı xan Naxçıvanski; not
 * Xəlil bəy after Xəlil paşa), or NULL. */
const char *tf_ents__by_given(tf_ents *e, const char *given, const char *honorific)
{
	const rec *hit = NULL;
	size_t i, gl = strlen(given);

	for (i = 0; i < e->n; i++) {
		const rec *r = &e->v[i];
		if (strcmp(r->kind, "pers") != 0 || strncmp(r->key, given, gl) != 0 ||
		    r->key[gl] != ' ' || !name_has(r, honorific))
			continue;
		if (hit && hit != r)
			return NULL; /* two people: neither */
		hit = r;
	}
	return hit ? hit->id : NULL;
}

/* Persons: the record whose surname is this stem. */
const char *tf_ents__by_surname(tf_ents *e, const char *stem)
{

	size_t k = imap_get(&e->by_surname, str_hash(stem, NULL), rec_surname_eq, e, stem, NULL);

	return k ? e->v[k - 1].id : NULL;
}

void tf_ents__set_surname(tf_ents *e, const char *id, const char *stem)
{

	rec *r = rec_of_id(e, id);

	if (!r || r->surname)
		return;
	r->surname = strdup(stem);
	/* only persons are found by surname */
	if (r->surname && !strcmp(r->kind, "pers"))
		imap_put(&e->by_surname, str_hash(stem, NULL), rec_surname_eq, e, stem, NULL,
			 (size_t)(r - e->v));
}

/* Organisations: the latest record with this head word, or one with this
 * abbreviation. */
/* The body last mentioned (in this walk) with this head word. */
const char *tf_ents__by_head(tf_ents *e, const char *head)
{
	size_t i;
	const rec *best = NULL;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].kind, "org") && e->v[i].head && !strcmp(e->v[i].head, head) &&
		    e->v[i].seen && (!best || e->v[i].seen > best->seen))
			best = &e->v[i];
	return best ? best->id : NULL;
}

void tf_ents__touch(tf_ents *e, const char *id)
{

	rec *r = id ? rec_of_id(e, id) : NULL;

	if (r)
		r->seen = ++e->counter;
}

void tf_ents__new_walk(tf_ents *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		e->v[i].seen = 0;
}

void tf_ents__set_head(tf_ents *e, const char *id, const char *head)
{

	rec *r = rec_of_id(e, id);

	if (r) {
		free(r->head);
		r->head = strdup(head);
	}
}

const char *tf_ents__by_abbr(tf_ents *e, const char *abbr)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (e->v[i].abbr && !strcmp(e->v[i].abbr, abbr))
			return e->v[i].id;
	return NULL;
}

void tf_ents__set_abbr(tf_ents *e, const char *id, const char *abbr)
{

	rec *r = rec_of_id(e, id);

	if (r && !r->abbr)
		r->abbr = strdup(abbr);
}

/* A node copied from another document takes the TEI namespace of this
 * one, without declaring it again. */
static void adopt_ns(xmlNodePtr n, xmlNsPtr ns)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->nsDef) { /* the edition declares TEI's; others stay */
			xmlNsPtr *p = &n->nsDef;
			while (*p) {
				if ((*p)->href && !strcmp((const char *)(*p)->href, TF_TEI_NS)) {
					xmlNsPtr d = *p;
					*p = d->next;
					d->next = NULL;
					xmlFreeNs(d);
				} else {
					p = &(*p)->next;
				}
			}
		}
		n->ns = ns;
		adopt_ns(n->children, ns);
	}
}

static void add_name(tf_ents *e, xmlNodePtr parent, const char *el, const char *text,
		     const char *lang, const char *type)
{
	xmlNodePtr n = tf_tei__elem_text(e->b, parent, el, text);

	if (type)
		xmlNewProp(n, (const xmlChar *)"type", (const xmlChar *)type);
	tf_tei__set_lang(n, lang);
}

static uint32_t tree_word(const gaz_blob *g, size_t *pos, int *bad)
{
	if (*pos >= g->ntrees) {
		*bad = 1;
		return 0;
	}
	return gb_word(g->trees, (*pos)++);
}

static const char *tree_str(const gaz_blob *g, size_t *pos, int *bad)
{
	uint32_t ref = tree_word(g, pos, bad);

	if (ref > g->nstrs) {
		*bad = 1;
		return "";
	}
	return ref ? g->strs + ref - 1 : NULL;
}

/* A compiled-in record's element (put_tree) as nodes of the edition, or
 * NULL when the words are not a tree. */
static xmlNodePtr build_tree(tf_ents *e, size_t *pos, int depth, int *bad)
{
	const gaz_blob *g = &e->gb;
	uint32_t kind = tree_word(g, pos, bad), k, n;
	const char *name;
	xmlNodePtr el;

	if (*bad || depth > 64)
		return *bad = 1, NULL;
	if (kind == 2 || kind == 3) {
		const char *t = tree_str(g, pos, bad);
		if (*bad || !t)
			return *bad = 1, NULL;
		return kind == 2 ? xmlNewDocText(e->b->doc, (const xmlChar *)t)
				 : xmlNewDocComment(e->b->doc, (const xmlChar *)t);
	}
	name = tree_str(g, pos, bad);
	if (kind != 1 || *bad || !name)
		return *bad = 1, NULL;
	el = xmlNewDocNode(e->b->doc, e->b->ns, (const xmlChar *)name, NULL);
	n = tree_word(g, pos, bad);
	for (k = 0; el && !*bad && k < n; k++) {
		const char *href = tree_str(g, pos, bad), *prefix = tree_str(g, pos, bad);
		const char *an = tree_str(g, pos, bad), *v = tree_str(g, pos, bad);
		xmlNsPtr ns = NULL;
		if (*bad || !an || !v)
			break;
		if (href) {
			ns = xmlSearchNsByHref(e->b->doc, el, (const xmlChar *)href);
			if (!ns)
				ns = xmlNewNs(el, (const xmlChar *)href, (const xmlChar *)prefix);
		}
		xmlNewNsProp(el, ns, (const xmlChar *)an, (const xmlChar *)v);
	}
	n = *bad ? 0 : tree_word(g, pos, bad);
	for (k = 0; el && !*bad && k < n; k++) {
		xmlNodePtr c = build_tree(e, pos, depth + 1, bad);
		if (c && !xmlAddChild(el, c))
			xmlFreeNode(c);
	}
	if (*bad) {
		xmlFreeNode(el);
		return NULL;
	}
	return el;
}

/* Writes <standOff> with a list per kind, in order of first mention. */
int tf_ents__standoff(tf_ents *e)
{
	static const char *const kinds[][4] = {
	    {"pers", "listPerson", "person", "persName"},
	    {"org", "listOrg", "org", "orgName"},
	    {"place", "listPlace", "place", "placeName"},
	};
	size_t k, i;
	xmlNodePtr so = NULL;

	/* the compiled-in records the text names, as nodes */
	for (i = 0; i < e->n; i++) {
		rec *r = &e->v[i];
		size_t pos = r->gz_tree - 1;
		int bad = 0;
		if (r->gz || !r->gz_tree || !r->seen)
			continue;
		r->gz = build_tree(e, &pos, 0, &bad);
		r->gz_built = r->gz != NULL;
		if (!r->gz)
			return tf_error__set(TF_EDATA, "the compiled-in gazetteer is broken (%s)",
					     r->id);
	}
	for (k = 0; k < 3; k++) {
		xmlNodePtr list = NULL;
		for (i = 0; i < e->n; i++) {
			rec *r = &e->v[i];
			xmlNodePtr item, c, next;
			xmlNsPtr xml_ns;
			/* only what the text names: the learning walk may have made
			 * records the tagging walk did not use */
			if (strcmp(r->kind, kinds[k][0]) != 0 || !r->seen)
				continue;
			if (!so)
				so = tf_tei__elem(e->b, e->b->tei, "standOff");
			if (!list)
				list = tf_tei__elem(e->b, so, kinds[k][1]);
			item = tf_tei__elem(e->b, list, kinds[k][2]);
			xml_ns = xmlSearchNsByHref(e->b->doc, item, XML_XML_NAMESPACE);
			xmlSetNsProp(item, xml_ns, (const xmlChar *)"id", (const xmlChar *)r->id);
			if (r->gz) {
				/* the gazetteer's names, and its identifiers */
				for (c = r->gz->children; c; c = next) {
					next = c->next;
					if (is_el(c, kinds[k][3]) || is_el(c, "idno")) {
						xmlNodePtr copy = c;
						if (r->gz_built) /* made for the edition: moved */
							xmlUnlinkNode(c);
						else
							copy = xmlDocCopyNode(c, e->b->doc, 1);
						if (copy) {
							xmlAddChild(item, copy);
							copy->next = NULL;
							adopt_ns(copy, e->b->ns);
						}
					}
				}
				if (xmlHasProp(r->gz, (const xmlChar *)"type") &&
				    !strcmp(kinds[k][0], "place")) {
					xmlChar *t = xmlGetProp(r->gz, (const xmlChar *)"type");
					xmlNewProp(item, (const xmlChar *)"type", t);
					xmlFree(t);
				}
			} else {
				add_name(e, item, kinds[k][3], r->name,
					 r->lang ? r->lang : e->b->main_lang, NULL);
			}
			if (r->abbr)
				add_name(e, item, kinds[k][3], r->abbr,
					 r->lang ? r->lang : e->b->main_lang, "abbreviation");
		}
	}
	return 0;
}

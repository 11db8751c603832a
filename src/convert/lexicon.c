/* SPDX-License-Identifier: MIT */
/*
 * lexicon.c — loads the converter's language resources: one TEI file per
 * language under tei/lexicon/, each a <div type="lexicon" xml:lang="…">
 * with a <label type="script"> and <list type="…"> of <item>s (stop words,
 * abstract headings, keyword labels, …).  Items are kept case-folded and
 * indexed by word for look-up.  A file that is not what this expects is an error
 * naming the file and line — never silently ignored.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "convert_internal.h"

typedef struct lex_list_s {
	char *type;
	char *subtype; /* @subtype, or NULL */
	char **items; /* as printed */
	char **folded; /* case-folded, in document order */
	char **values; /* @n of each folded item (same order), or NULL */
	size_t n;
	size_t min_len, max_len; /* shortest and longest folded item, bytes */
} lex_list;

/* One folded word of the lexicon: the lists it is in (bit i: list i) and
 * the first of its memberships (list, @n) in list order. */
typedef struct {
	const char *fold; /* borrowed from a list */
	size_t len; /* its length in bytes */
	unsigned long mask;
	unsigned head; /* index into members, or NO_MEMBER */
} lex_word;

typedef struct {
	unsigned list;
	unsigned next;
	const char *value;
} lex_member;

#define NO_MEMBER ((unsigned)-1)
#define TYPE_SLOTS 256

/* What the lists of one type hold. */
typedef struct {
	const char *type;
	unsigned long mask; /* bit i: list i has the type */
	size_t lo, hi; /* item lengths over those lists */
	const struct lex_list_s *first; /* the first of them */
} type_info;

struct tf_lexicon {
	int borrowed; /* strings point into the compiled-in blob */
	char *lang, *script, *name;
	lex_list *lists;
	size_t nlists;
	/* every folded item of every list, by word: open addressing */
	lex_word *words;
	size_t words_cap;
	lex_member *members;
	size_t nmembers;
	/* which lists have a type, by the address of the type string the
	 * callers pass (literals), direct-mapped: look-ups skip comparing
	 * type names */
	type_info by_type[TYPE_SLOTS]; /* open addressing by address */
	size_t ntypes;
	type_info scratch; /* when by_type is full */
};

typedef struct {
	char *key; /* "type\001word" */
	const char *value; /* the look-up's answer, NULL for none */
} memo_entry;

struct tf_lexicons {
	tf_lexicon *v;
	size_t n;
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
	w = calloc(1, sizeof *w);
	if (!w || !(w->fold = strdup(fold))) {
		free(w);
		return NULL;
	}
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

static int load_list(lex_list *out, xmlNodePtr list, const char *lang)
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

static lex_word *word_at(const tf_lexicon *l, const char *fold)
{
	size_t i = hash_str(fold) & (l->words_cap - 1);

	while (l->words[i].fold && strcmp(l->words[i].fold, fold) != 0)
		i = (i + 1) & (l->words_cap - 1);
	return &l->words[i];
}

/* Every folded item of every list in one table, so that a look-up is one
 * hash probe whatever the number of lists.  Members are chained in list
 * order, items in document order within a list. */
static int index_all(tf_lexicon *l)
{
	size_t i, k, n = 0, cap = 16;

	for (i = 0; i < l->nlists; i++)
		n += l->lists[i].n;
	while (cap < 2 * n + 2)
		cap *= 2;
	l->words = calloc(cap, sizeof *l->words);
	l->members = malloc((n + 1) * sizeof *l->members);
	if (!l->words || !l->members)
		return tf_error__set(TF_ENOMEM, "out of memory");
	l->words_cap = cap;
	/* backwards, each new member in front: the chains come out in order */
	for (i = l->nlists < 64 ? l->nlists : 64; i-- > 0;) {
		const lex_list *ll = &l->lists[i];
		for (k = ll->n; k-- > 0;) {
			lex_word *w = word_at(l, ll->folded[k]);
			lex_member *m = &l->members[l->nmembers];
			if (!w->fold) {
				w->fold = ll->folded[k];
				w->len = strlen(w->fold);
				w->head = NO_MEMBER;
			}
			m->list = (unsigned)i;
			m->value = ll->values[k];
			m->next = w->head;
			w->head = (unsigned)l->nmembers++;
			w->mask |= 1UL << i;
		}
	}
	return 0;
}

const tf_lexentry *tf_lexicon__entry(const tf_lexicon *l, const char *s, size_t len, size_t h)
{
	size_t i;

	if (!l || !l->words_cap)
		return NULL;
	for (i = h & (l->words_cap - 1); l->words[i].fold; i = (i + 1) & (l->words_cap - 1))
		if (l->words[i].len == len && !memcmp(l->words[i].fold, s, len))
			return (const tf_lexentry *)&l->words[i];
	return NULL;
}

int tf_lexicon__any(const tf_lexicon *l, const char *word)
{
	return l->words_cap && word_at(l, word)->fold != NULL;
}

static void free_lexicon(tf_lexicon *l)
{
	size_t i, k;

	for (i = 0; i < l->nlists; i++) {
		for (k = 0; !l->borrowed && k < l->lists[i].n; k++) {
			free(l->lists[i].items[k]);
			free(l->lists[i].folded[k]);
			free(l->lists[i].values[k]);
		}
		free(l->lists[i].values);
		free(l->lists[i].items);
		free(l->lists[i].folded);
		if (!l->borrowed) {
			free(l->lists[i].type);
			free(l->lists[i].subtype);
		}
	}
	free(l->lists);
	free(l->words);
	free(l->members);
	if (!l->borrowed) {
		free(l->lang);
		free(l->script);
		free(l->name);
	}
}

static int load_div(tf_lexicon *l, xmlNodePtr div, const char *file, tf_diag_list *diags)
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
	return index_all(l);
}

static int load_file(tf_lexicons *lx, const char *path, tf_diag_list *diags)
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
		tf_lexicon *p;
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

static int load_files(tf_lexicons *lx, tf_diag_list *diags)
{
	char **names = NULL;
	size_t n = 0, i;
	int rc = tf_res__files("tei/lexicon", &names, &n);

	for (i = 0; i < n && rc == 0; i++)
		rc = load_file(lx, names[i], diags);
	tf_res__free_files(names, n);
	return rc;
}

/* The lexicons as tf_rescomp wrote them (tf_lexicons__compile): the
 * strings stay in the blob. */
static int load_compiled(tf_lexicons *lx, tf_resr *r)
{
	uint32_t n = tf_resr__u32(r), i, k, j;

	if (r->bad || n > r->n)
		return -1;
	lx->v = calloc(n + 1, sizeof *lx->v);
	if (!lx->v)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; i < n && !r->bad; i++) {
		tf_lexicon *l = &lx->v[lx->n++];
		uint32_t nlists;
		l->borrowed = 1;
		l->lang = (char *)tf_resr__str(r);
		l->script = (char *)tf_resr__str(r);
		l->name = (char *)tf_resr__str(r);
		nlists = tf_resr__u32(r);
		if (r->bad || nlists > r->n || !l->lang || !l->script)
			return -1;
		l->lists = calloc(nlists + 1, sizeof *l->lists);
		if (!l->lists)
			return tf_error__set(TF_ENOMEM, "out of memory");
		for (k = 0; k < nlists && !r->bad; k++) {
			lex_list *ll = &l->lists[l->nlists++];
			uint32_t items;
			ll->type = (char *)tf_resr__str(r);
			ll->subtype = (char *)tf_resr__str(r);
			items = tf_resr__u32(r);
			ll->min_len = tf_resr__u32(r);
			ll->max_len = tf_resr__u32(r);
			if (r->bad || !ll->type || items > r->n)
				return -1;
			if (ll->min_len == UINT32_MAX)
				ll->min_len = (size_t)-1;
			ll->items = calloc(items + 1, sizeof *ll->items);
			ll->folded = calloc(items + 1, sizeof *ll->folded);
			ll->values = calloc(items + 1, sizeof *ll->values);
			if (!ll->items || !ll->folded || !ll->values)
				return tf_error__set(TF_ENOMEM, "out of memory");
			for (j = 0; j < items; j++) {
				ll->items[j] = (char *)tf_resr__str(r);
				ll->folded[j] = (char *)tf_resr__str(r);
				ll->values[j] = (char *)tf_resr__str(r);
				if (!ll->items[j] || !ll->folded[j])
					return -1;
			}
			ll->n = items;
		}
		if (r->bad)
			return -1;
		if (index_all(l) < 0)
			return TF_ENOMEM;
	}
	return r->bad || r->pos != r->n ? -1 : 0;
}

int tf_lexicons__compile(tf_resw *w, tf_diag_list *diags)
{
	tf_lexicons *lx = calloc(1, sizeof *lx);
	size_t i, k, j;
	int rc;

	if (!lx)
		return tf_error__set(TF_ENOMEM, "out of memory");
	rc = load_files(lx, diags);
	if (rc == 0 && lx->n == 0)
		rc = tf_error__set(TF_EDATA, "tei/lexicon: no language resources found");
	if (rc == 0) {
		tf_resw__u32(w, (uint32_t)lx->n);
		for (i = 0; i < lx->n; i++) {
			const tf_lexicon *l = &lx->v[i];
			tf_resw__str(w, l->lang);
			tf_resw__str(w, l->script);
			tf_resw__str(w, l->name);
			tf_resw__u32(w, (uint32_t)l->nlists);
			for (k = 0; k < l->nlists; k++) {
				const lex_list *ll = &l->lists[k];
				tf_resw__str(w, ll->type);
				tf_resw__str(w, ll->subtype);
				tf_resw__u32(w, (uint32_t)ll->n);
				tf_resw__u32(w, ll->min_len > UINT32_MAX ? UINT32_MAX
									 : (uint32_t)ll->min_len);
				tf_resw__u32(w, (uint32_t)ll->max_len);
				for (j = 0; j < ll->n; j++) {
					tf_resw__str(w, ll->items[j]);
					tf_resw__str(w, ll->folded[j]);
					tf_resw__str(w, ll->values[j]);
				}
			}
		}
	}
	tf_lexicons__free(lx);
	return rc;
}

int tf_lexicons__load(tf_lexicons **out, tf_diag_list *diags)
{
	tf_lexicons *lx = calloc(1, sizeof *lx);
	tf_resr r;
	int rc = 0;

	*out = NULL;
	if (!lx)
		return tf_error__set(TF_ENOMEM, "out of memory");
	if (tf_res__open(tf_resources_blob, tf_resources_size, "tei/lexicon", &r)) {
		rc = load_compiled(lx, &r);
		if (rc == TF_ENOMEM) {
			tf_lexicons__free(lx);
			return rc;
		}
		if (rc < 0) { /* a malformed blob: read the files */
			tf_lexicons__free(lx);
			if (!(lx = calloc(1, sizeof *lx)))
				return tf_error__set(TF_ENOMEM, "out of memory");
			rc = load_files(lx, diags);
		}
	} else {
		rc = load_files(lx, diags);
	}
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
	for (i = 0; i < lx->n; i++)
		free_lexicon(&lx->v[i]);
	for (i = 0; i < lx->memo_cap; i++)
		free(lx->memo[i].key);
	free(lx->memo);
	for (i = 0; i < lx->words_cap; i++)
		if (lx->words[i]) {
			free(lx->words[i]->fold);
			free(lx->words[i]->bases);
			free(lx->words[i]->nomin);
			free(lx->words[i]->stripped);
			free(lx->words[i]);
		}
	free(lx->words);
	free(lx->v);
	free(lx);
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

static const type_info *type_of(const tf_lexicon *cl, const char *type);

static const lex_list *find_list(const tf_lexicon *l, const char *type)
{
	return l ? type_of(l, type)->first : NULL;
}

const char *const *tf_lexicon__folded(const tf_lexicon *l, const char *type, size_t *n)
{
	const lex_list *ll = find_list(l, type);

	*n = ll ? ll->n : 0;
	return ll ? (const char *const *)ll->folded : NULL;
}

const char *tf_lexicon__subtype(const tf_lexicon *l, const char *type)
{
	const lex_list *ll = find_list(l, type);

	return ll ? ll->subtype : NULL;
}

const char *const *tf_lexicon__list(const tf_lexicon *l, const char *type, size_t *n)
{
	const lex_list *ll = find_list(l, type);

	*n = ll ? ll->n : 0;
	return ll ? (const char *const *)ll->items : NULL;
}

static size_t type_slot(const char *type)
{
	uintptr_t a = (uintptr_t)type;

	return (size_t)((a >> 3) ^ (a >> 11)) & (TYPE_SLOTS - 1);
}

/* The lists of a type.  Memoised by the type's address (callers pass
 * literals). */
static const type_info *type_of(const tf_lexicon *cl, const char *type)
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
	for (i = 0; i < l->nlists && i < 8 * sizeof ti->mask; i++) {
		if (strcmp(l->lists[i].type, type) != 0)
			continue;
		ti->mask |= 1UL << i;
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

static unsigned long lists_of(const tf_lexicon *l, const char *type, size_t *lo_out, size_t *hi_out)
{
	const type_info *ti = type_of(l, type);

	if (lo_out)
		*lo_out = ti->lo;
	if (hi_out)
		*hi_out = ti->hi;
	return ti->mask;
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

/* The @n of word w's first membership in a list of the mask's lists. */
static int member_of(const tf_lexicon *l, const lex_word *w, unsigned long mask, const char **value)
{
	unsigned m;

	if (!w->fold || !(w->mask & mask))
		return 0;
	for (m = w->head; m != NO_MEMBER; m = l->members[m].next)
		if (mask & (1UL << l->members[m].list)) {
			if (value)
				*value = l->members[m].value ? l->members[m].value : "";
			return 1;
		}
	return 0;
}

int tf_lexicon__find(const tf_lexicon *l, const char *type, const char *word, const char **value)
{
	unsigned long mask;

	if (!l || !l->words_cap)
		return 0;
	mask = lists_of(l, type, NULL, NULL);
	return mask && member_of(l, word_at(l, word), mask, value);
}

const char *tf_lexicon__entry_in(const tf_lexicon *l, const tf_lexentry *e, const char *type)
{
	const char *v = NULL;
	unsigned long mask;

	if (!l || !e)
		return NULL;
	mask = lists_of(l, type, NULL, NULL);
	return mask && member_of(l, (const lex_word *)e, mask, &v) ? v : NULL;
}

void tf_lexicon__lengths(const tf_lexicon *l, const char *type, size_t *min, size_t *max)
{
	*min = (size_t)-1;
	*max = 0;
	if (l)
		lists_of(l, type, min, max);
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

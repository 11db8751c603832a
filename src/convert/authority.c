/* SPDX-License-Identifier: MIT */
/*
 * authority.c — the records behind @ref: the gazetteer and organisation
 * lists of tei/gazetteer/ (TEI listPlace/listOrg, names in several
 * languages, identifiers only where certain) and one record per entity the
 * text names, written to <standOff> as listPerson/listOrg/listPlace.  Ids
 * are derived from the normalised name (pers-…, org-…, place-…).
 */
#include <dirent.h>
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

typedef struct {
	char *id;
	const char *kind;
	char *key; /* grouping key */
	char *name; /* printed name of the fullest mention */
	char *lang;
	char *abbr;
	char *surname; /* persons: folded stem of the last name */
	char *head; /* organisations: the head word's stem */
	xmlNodePtr gz; /* gazetteer record, if any */
	long order; /* first mention */
	long seen; /* last mention in the current walk, 0 if none yet */
} rec;

struct tf_ents {
	tf_build *b;
	rec *v;
	size_t n, cap;
	gaz *g;
	size_t ng, gcap;
	xmlDocPtr docs[8];
	size_t ndocs;
	long counter;
	int bad_record; /* a record without an id: the file is broken */
};

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
 * ending (Советская Россия -> ~советск росси), so that inflected forms
 * (Советскую Россию) find it.  The argument is ignored but kept for the
 * callers' convenience. */
char *tf_ents__ru_stem_key(const char *fold, size_t unused)
{
	static const char *const ends[] = {
	    "ями", "ами", "ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ую",
	    "юю",  "ой",  "ей",  "ий",  "ый",  "ое",  "ее",  "ом",  "ем", "ых", "их",
	    "ые",  "ие",  "ам",  "ям",  "ах",  "ях",  "ов",  "ев",  "ию", "ия", "ии",
	    "а",   "я",   "о",   "е",   "и",   "ы",   "у",   "ю",   "ь",  "й",  NULL};
	tf_buf b = TF_BUF_INIT;
	const char *p = fold;

	(void)unused;
	tf_buf__putc(&b, '~');
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p), cut = 0, k;
		for (k = 0; ends[k]; k++) {
			size_t l = strlen(ends[k]);
			if (n > l && !strncmp(p + n - l, ends[k], l) &&
			    tf_layout__chars(p, n - l) >= 3) {
				cut = l;
				break;
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
		char *stem = tf_ents__ru_stem_key(fold, 0);
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

static int load_gazetteers(tf_ents *e)
{
	char *dir = tf_data__path("tei/gazetteer");
	struct dirent **names = NULL;
	int i, n, rc = 0;

	if (!dir)
		return TF_ENOMEM;
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		size_t k = strlen(names[i]->d_name);
		char path[4096], *data = NULL;
		size_t len = 0;
		if (k > 4 && !strcmp(names[i]->d_name + k - 4, ".xml") && e->ndocs < 8) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
			if (tf_file__read(&data, &len, path) == 0) {
				xmlDocPtr d = tf_xml__parse(data, len, path, e->b->diags,
							    XML_PARSE_COMPACT | XML_PARSE_NOBLANKS);
				if (d) {
					e->docs[e->ndocs++] = d;
					walk_lists(e, xmlDocGetRootElement(d));
				} else if (rc == 0) {
					/* a broken resource is an error, never skipped */
					rc = tf_error__set(TF_EDATA, "broken gazetteer %s",
							   tf_error_last());
				}
			}
			free(data);
		}
		free(names[i]);
	}
	free(names);
	free(dir);
	qsort(e->g, e->ng, sizeof *e->g, gaz_cmp);
	return e->bad_record ? e->bad_record : rc;
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
		qsort(e->g, e->ng, sizeof *e->g, gaz_cmp);
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
	for (i = 0; i < e->ng; i++) {
		free(e->g[i].key);
		free(e->g[i].id);
	}
	for (i = 0; i < e->n; i++) {
		free(e->v[i].id);
		free(e->v[i].key);
		free(e->v[i].name);
		free(e->v[i].lang);
		free(e->v[i].abbr);
		free(e->v[i].surname);
		free(e->v[i].head);
	}
	for (i = 0; i < e->ndocs; i++)
		xmlFreeDoc(e->docs[i]);
	free(e->g);
	free(e->v);
	free(e);
}

/* The gazetteer entry for a folded name, or NULL. */
const char *tf_ents__gaz(tf_ents *e, const char *name, const char **kind)
{
	gaz *hit = NULL;
	char *fold = tf_ents__canon_folded(name); /* callers pass folded names */

	if (!fold)
		return NULL;

	{
		size_t lo = 0, hi = e->ng;
		while (lo < hi) { /* first entry with this key */
			size_t mid = (lo + hi) / 2;
			if (strcmp(e->g[mid].key, fold) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < e->ng && !strcmp(e->g[lo].key, fold))
			hit = &e->g[lo];
	}
	free(fold);
	if (!hit)
		return NULL;
	if (kind)
		*kind = hit->kind;
	return hit->id;
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
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].kind, kind) && !strcmp(e->v[i].key, key))
			return &e->v[i];
	return NULL;
}

static int id_taken(tf_ents *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].id, id))
			return 1;
	return 0;
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
	r = &e->v[e->n++];
	memset(r, 0, sizeof *r);
	r->id = uid;
	r->kind = kind;
	r->key = strdup(key);
	r->name = strdup(name);
	r->lang = lang ? strdup(lang) : NULL;
	r->order = e->counter++;
	return r;
}

const char *tf_ents__record(tf_ents *e, const char *kind, const char *key, const char *name,
			    const char *lang, const char *gaz_id)
{
	rec *r = find_rec(e, kind, key);

	if (!r && gaz_id) {
		size_t i;
		for (i = 0; i < e->n; i++)
			if (!strcmp(e->v[i].id, gaz_id))
				return e->v[i].id;
	}
	if (!r) {
		r = new_rec(e, kind, key, gaz_id, name, lang);
		if (!r)
			return NULL;
		if (gaz_id) {
			size_t i;
			for (i = 0; i < e->ng; i++)
				if (!strcmp(e->g[i].id, gaz_id)) {
					r->gz = e->g[i].node;
					break;
				}
		}
	} else if (strlen(name) > strlen(r->name) && !r->gz) {
		free(r->name);
		r->name = strdup(name);
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

/* Persons: the record whose surname is this stem. */
const char *tf_ents__by_surname(tf_ents *e, const char *stem)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].kind, "pers") && e->v[i].surname &&
		    !strcmp(e->v[i].surname, stem))
			return e->v[i].id;
	return NULL;
}

void tf_ents__set_surname(tf_ents *e, const char *id, const char *stem)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].id, id) && !e->v[i].surname)
			e->v[i].surname = strdup(stem);
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
	size_t i;

	for (i = 0; id && i < e->n; i++)
		if (!strcmp(e->v[i].id, id))
			e->v[i].seen = ++e->counter;
}

void tf_ents__new_walk(tf_ents *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		e->v[i].seen = 0;
}

void tf_ents__set_head(tf_ents *e, const char *id, const char *head)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].id, id)) {
			free(e->v[i].head);
			e->v[i].head = strdup(head);
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
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].id, id) && !e->v[i].abbr)
			e->v[i].abbr = strdup(abbr);
}

/* A node copied from another document takes the TEI namespace of this
 * one, without declaring it again. */
static void adopt_ns(xmlNodePtr n, xmlNsPtr ns)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->nsDef) {
			xmlFreeNsList(n->nsDef);
			n->nsDef = NULL;
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

	for (k = 0; k < 3; k++) {
		xmlNodePtr list = NULL;
		for (i = 0; i < e->n; i++) {
			rec *r = &e->v[i];
			xmlNodePtr item, c;
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
				for (c = r->gz->children; c; c = c->next) {
					if (is_el(c, kinds[k][3]) || is_el(c, "idno")) {
						xmlNodePtr copy = xmlDocCopyNode(c, e->b->doc, 1);
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

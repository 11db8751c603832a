/* SPDX-License-Identifier: MIT */
/*
 * expect.c — what the schema expected, for messages as precise as jing's.
 * libxml2 says only "Did not expect element head there"; this module reads
 * the RelaxNG schema (XML syntax, unsimplified: the full schema, not the
 * pruned one, so the lists name every element the schema allows) and
 * answers three questions:
 *
 *   - which elements (or text, or the end-tag) may follow a given run of
 *     children: the content pattern of the parent's <element> is taken as a
 *     regular expression over child names and differentiated by each child
 *     (Brzozowski derivatives, as in James Clark's RelaxNG algorithm;
 *     attributes are left out, data and value stand for text);
 *   - which attributes an element may carry;
 *   - what values an attribute may take (its datatypes and values).
 *
 * Queries run only when a document has an error, each in its own arena.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include "validate_internal.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define MAX_NODES 2000000

struct tf_expect {
	xmlHashTablePtr defines; /* name -> <define> */
	xmlHashTablePtr elements; /* local name -> <element> list (elist) */
	xmlNodePtr *anyname; /* <element>s named by a name class */
	size_t nany;
};

struct elist {
	xmlNodePtr *items;
	size_t count;
};

typedef enum { P_EMPTY, P_NA, P_TEXT, P_ELEM, P_CHOICE, P_GROUP, P_INTER, P_ONE, P_REF } pkind;

typedef struct pat {
	pkind kind;
	signed char nullable; /* -1 unknown */
	struct pat *a, *b;
	xmlNodePtr node; /* P_ELEM: the <element>; P_REF: the <ref> */
} pat;

struct block {
	struct block *next;
	size_t used;
	pat items[4096];
};

/* One query's state: an arena of patterns and converted defines. */
struct query {
	const tf_expect *ex;
	struct block *blocks;
	size_t total;
	xmlHashTablePtr bodies; /* define name -> pat */
};

static pat na_pat = {P_NA, 0, NULL, NULL, NULL};
static pat empty_pat = {P_EMPTY, 1, NULL, NULL, NULL};
static pat text_pat = {P_TEXT, 1, NULL, NULL, NULL};

static int is_rng(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, RNG_NS) == 0 &&
	       (!name || strcmp((const char *)n->name, name) == 0);
}

static pat *mk(struct query *q, pkind k, pat *a, pat *b, xmlNodePtr node)
{
	pat *p;

	if (q->total >= MAX_NODES)
		return NULL;
	if (!q->blocks || q->blocks->used == 4096) {
		struct block *bl = malloc(sizeof *bl);
		if (!bl)
			return NULL;
		bl->next = q->blocks;
		bl->used = 0;
		q->blocks = bl;
	}
	p = &q->blocks->items[q->blocks->used++];
	q->total++;
	p->kind = k;
	p->nullable = -1;
	p->a = a;
	p->b = b;
	p->node = node;
	return p;
}

/* Constructors that simplify as they build (notAllowed and empty rules). */
static pat *choice(struct query *q, pat *a, pat *b)
{
	if (!a || !b)
		return NULL;
	if (a->kind == P_NA || a == b)
		return b;
	if (b->kind == P_NA)
		return a;
	return mk(q, P_CHOICE, a, b, NULL);
}

static pat *group(struct query *q, pkind k, pat *a, pat *b)
{
	if (!a || !b)
		return NULL;
	if (a->kind == P_NA || b->kind == P_NA)
		return &na_pat;
	if (a->kind == P_EMPTY)
		return b;
	if (b->kind == P_EMPTY)
		return a;
	return mk(q, k, a, b, NULL);
}

static pat *convert(struct query *q, xmlNodePtr n);

/* The RNG children of n (from first), folded with kind k. */
static pat *fold(struct query *q, xmlNodePtr first, pkind k)
{
	pat *acc = NULL;
	xmlNodePtr c;

	for (c = first; c; c = c->next) {
		pat *p;

		if (!is_rng(c, NULL) || is_rng(c, "name") || is_rng(c, "anyName") ||
		    is_rng(c, "nsName") ||
		    (k != P_CHOICE && is_rng(c, "choice") && c == first &&
		     is_rng(c->parent, "element") && !xmlHasProp(c->parent, BAD_CAST "name")))
			continue;
		p = convert(q, c);
		if (!p)
			return NULL;
		acc = !acc ? p : k == P_CHOICE ? choice(q, acc, p) : group(q, k, acc, p);
	}
	return acc ? acc : k == P_CHOICE ? &na_pat : &empty_pat;
}

static pat *convert(struct query *q, xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	pat *p;

	if (strcmp(name, "element") == 0)
		return mk(q, P_ELEM, NULL, NULL, n);
	if (strcmp(name, "ref") == 0 || strcmp(name, "parentRef") == 0)
		return mk(q, P_REF, NULL, NULL, n);
	if (strcmp(name, "choice") == 0)
		return fold(q, n->children, P_CHOICE);
	if (strcmp(name, "interleave") == 0)
		return fold(q, n->children, P_INTER);
	if (strcmp(name, "group") == 0)
		return fold(q, n->children, P_GROUP);
	if (strcmp(name, "optional") == 0 || strcmp(name, "zeroOrMore") == 0 ||
	    strcmp(name, "oneOrMore") == 0) {
		p = fold(q, n->children, P_GROUP);
		if (p && p->kind != P_NA && strcmp(name, "optional") != 0)
			p = mk(q, P_ONE, p, NULL, NULL);
		return strcmp(name, "oneOrMore") == 0 ? p : choice(q, p, &empty_pat);
	}
	if (strcmp(name, "mixed") == 0) {
		p = fold(q, n->children, P_GROUP);
		return group(q, P_INTER, p, &text_pat);
	}
	if (strcmp(name, "notAllowed") == 0)
		return &na_pat;
	if (strcmp(name, "text") == 0 || strcmp(name, "data") == 0 || strcmp(name, "value") == 0 ||
	    strcmp(name, "list") == 0)
		return &text_pat;
	return &empty_pat; /* attribute, empty, anything else */
}

static pat *resolve(struct query *q, pat *r)
{
	xmlChar *name;
	xmlNodePtr def;
	pat *body;

	if (r->a)
		return r->a;
	name = xmlGetProp(r->node, BAD_CAST "name");
	def = name ? xmlHashLookup(q->ex->defines, name) : NULL;
	body = def ? xmlHashLookup(q->bodies, name) : &na_pat;
	if (!body) {
		body = fold(q, def->children, P_GROUP);
		if (body)
			xmlHashAddEntry(q->bodies, name, body);
	}
	xmlFree(name);
	r->a = body;
	return body;
}

static int nullable(struct query *q, pat *p)
{
	int v;

	if (!p)
		return 0;
	if (p->nullable >= 0)
		return p->nullable;
	switch (p->kind) {
	case P_CHOICE:
		v = nullable(q, p->a) || nullable(q, p->b);
		break;
	case P_GROUP:
	case P_INTER:
		v = nullable(q, p->a) && nullable(q, p->b);
		break;
	case P_ONE:
		v = nullable(q, p->a);
		break;
	case P_REF:
		v = nullable(q, resolve(q, p));
		break;
	default:
		v = p->kind == P_EMPTY || p->kind == P_TEXT;
		break;
	}
	p->nullable = (signed char)v;
	return v;
}

/* The namespace URI an <element name="..."> means. */
static const char *element_ns(const xmlNode *el)
{
	const xmlNode *n;

	for (n = el; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlAttrPtr a = xmlHasProp((xmlNodePtr)n, BAD_CAST "ns");
		if (a && a->children && a->children->content)
			return (const char *)a->children->content;
	}
	return "";
}

static int nc_match(const xmlNode *nc, const char *uri, const char *local, const char *dflt);

static int nc_any_child(const xmlNode *nc, const char *uri, const char *local, const char *dflt)
{
	const xmlNode *c;

	for (c = nc->children; c; c = c->next)
		if (is_rng(c, NULL) && nc_match(c, uri, local, dflt))
			return 1;
	return 0;
}

static int except_match(const xmlNode *nc, const char *uri, const char *local, const char *dflt)
{
	const xmlNode *c;

	for (c = nc->children; c; c = c->next)
		if (is_rng(c, "except"))
			return nc_any_child(c, uri, local, dflt);
	return 0;
}

static int nc_match(const xmlNode *nc, const char *uri, const char *local, const char *dflt)
{
	xmlChar *v;
	int m = 0;

	if (is_rng(nc, "name")) {
		const char *ns = element_ns(nc);
		v = xmlNodeGetContent(nc);
		m = v && strcmp((const char *)v, local) == 0 && strcmp(*ns ? ns : dflt, uri) == 0;
		xmlFree(v);
	} else if (is_rng(nc, "anyName")) {
		m = !except_match(nc, uri, local, dflt);
	} else if (is_rng(nc, "nsName")) {
		m = strcmp(element_ns(nc), uri) == 0 && !except_match(nc, uri, local, dflt);
	} else if (is_rng(nc, "choice")) {
		m = nc_any_child(nc, uri, local, dflt);
	}
	return m;
}

/* Does the <element> el admit an element named {uri}local? */
static int elem_match(const xmlNode *el, const char *uri, const char *local)
{
	xmlChar *name = xmlGetProp((xmlNodePtr)el, BAD_CAST "name");
	const xmlNode *c;
	int m;

	if (name) {
		const char *colon = strchr((const char *)name, ':');
		m = strcmp(colon ? colon + 1 : (const char *)name, local) == 0 &&
		    strcmp(element_ns(el), uri) == 0;
		xmlFree(name);
		return m;
	}
	for (c = el->children; c && !is_rng(c, NULL); c = c->next)
		;
	return c ? nc_match(c, uri, local, element_ns(el)) : 0;
}

/* target: an element node, or NULL for (non-blank) text. */
static pat *deriv(struct query *q, pat *p, const xmlNode *target)
{
	const char *uri, *local;

	if (!p)
		return NULL;
	switch (p->kind) {
	case P_TEXT:
		return target ? &na_pat : p;
	case P_ELEM:
		if (!target)
			return &na_pat;
		uri = target->ns ? (const char *)target->ns->href : "";
		local = (const char *)target->name;
		return elem_match(p->node, uri, local) ? &empty_pat : &na_pat;
	case P_CHOICE:
		return choice(q, deriv(q, p->a, target), deriv(q, p->b, target));
	case P_GROUP:
		return choice(q, group(q, P_GROUP, deriv(q, p->a, target), p->b),
			      nullable(q, p->a) ? deriv(q, p->b, target) : &na_pat);
	case P_INTER:
		return choice(q, group(q, P_INTER, deriv(q, p->a, target), p->b),
			      group(q, P_INTER, p->a, deriv(q, p->b, target)));
	case P_ONE:
		return group(q, P_GROUP, deriv(q, p->a, target), choice(q, p, &empty_pat));
	case P_REF:
		return deriv(q, resolve(q, p), target);
	default:
		return &na_pat;
	}
}

/* Collects the element names p may start with, and whether text may come. */
static void first(struct query *q, pat *p, xmlHashTablePtr names, int *text, int depth)
{
	xmlChar *name;

	if (!p || depth > 10000)
		return;
	switch (p->kind) {
	case P_TEXT:
		*text = 1;
		break;
	case P_ELEM:
		name = xmlGetProp(p->node, BAD_CAST "name");
		if (!name)
			name = xmlStrdup(BAD_CAST "(any element outside TEI)");
		if (name && xmlHashLookup(names, name) == NULL)
			xmlHashAddEntry(names, name, (void *)1);
		xmlFree(name);
		break;
	case P_CHOICE:
	case P_INTER:
		first(q, p->a, names, text, depth + 1);
		first(q, p->b, names, text, depth + 1);
		break;
	case P_GROUP:
		first(q, p->a, names, text, depth + 1);
		if (nullable(q, p->a))
			first(q, p->b, names, text, depth + 1);
		break;
	case P_ONE:
		first(q, p->a, names, text, depth + 1);
		break;
	case P_REF:
		first(q, resolve(q, p), names, text, depth + 1);
		break;
	default:
		break;
	}
}

static void query_free(struct query *q)
{
	while (q->blocks) {
		struct block *next = q->blocks->next;
		free(q->blocks);
		q->blocks = next;
	}
	xmlHashFree(q->bodies, NULL);
}

/* The content patterns of every <element> that admits el, as one choice. */
static pat *content_of(struct query *q, const xmlNode *el)
{
	const char *uri = el->ns ? (const char *)el->ns->href : "";
	const struct elist *l = xmlHashLookup(q->ex->elements, el->name);
	pat *acc = &na_pat;
	size_t i;

	for (i = 0; l && i < l->count && acc; i++)
		if (elem_match(l->items[i], uri, (const char *)el->name))
			acc = choice(q, acc, fold(q, l->items[i]->children, P_GROUP));
	for (i = 0; i < q->ex->nany && acc; i++)
		if (elem_match(q->ex->anyname[i], uri, (const char *)el->name))
			acc = choice(q, acc, fold(q, q->ex->anyname[i]->children, P_GROUP));
	return acc;
}

static int is_blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

struct sorted {
	const char **items;
	size_t count;
};

static void collect_name(void *payload, void *data, const xmlChar *name)
{
	struct sorted *s = data;

	(void)payload;
	s->items[s->count++] = (const char *)name;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends '"a", "b" or "c"' for the names in h. */
static size_t put_names(tf_buf *b, xmlHashTablePtr h, const char *quote)
{
	struct sorted s = {NULL, 0};
	size_t i, n = (size_t)xmlHashSize(h);

	if (n == 0 || !(s.items = malloc(n * sizeof *s.items)))
		return 0;
	xmlHashScan(h, collect_name, &s);
	qsort(s.items, s.count, sizeof *s.items, cmp_str);
	for (i = 0; i < s.count; i++)
		tf_buf__printf(b, "%s%s%s%s",
			       i == 0             ? ""
			       : i + 1 == s.count ? " or "
						  : ", ",
			       quote, s.items[i], quote);
	free(s.items);
	return n;
}

size_t tf_expect__content(const tf_expect *ex, tf_buf *b, const xmlNode *parent,
			  const xmlNode *stop)
{
	struct query q = {ex, NULL, 0, xmlHashCreate(64)};
	xmlHashTablePtr names = xmlHashCreate(64);
	const xmlNode *c;
	pat *p, *all;
	int text = 0, end;
	size_t n = 0, items;

	if (!q.bodies || !names || !parent)
		goto done;
	all = p = content_of(&q, parent);
	for (c = parent->children; c && c != stop && p && p->kind != P_NA; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			p = deriv(&q, p, c);
		else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
			 !is_blank(c->content))
			p = deriv(&q, p, NULL);
	}
	if (!p || p->kind == P_NA)
		p = all; /* the error lies before stop: say what the element allows */
	if (!p || p->kind == P_NA)
		goto done;
	first(&q, p, names, &text, 0);
	end = nullable(&q, p) && p != all;
	items = (size_t)xmlHashSize(names);
	if (end)
		tf_buf__puts(b, items || text ? "the element end-tag" : "the element end-tag");
	if (text)
		tf_buf__printf(b, "%stext", end ? (items ? ", " : " or ") : "");
	if (items) {
		tf_buf__printf(b, "%selement%s ", end || text ? " or " : "", items > 1 ? "s" : "");
		put_names(b, names, "\"");
	}
	n = items + (size_t)text + (size_t)end;
done:
	xmlHashFree(names, NULL);
	query_free(&q);
	return n;
}

/*
 * Attributes.  The attribute patterns of an element are found by walking
 * its content through refs without entering child elements.
 */
struct attr_walk {
	const tf_expect *ex;
	xmlHashTablePtr seen; /* define names visited */
	const xmlAttr *attr; /* the attribute looked for, or NULL */
	xmlHashTablePtr names; /* all attribute names found */
	xmlNodePtr found[16]; /* <attribute>s matching attr */
	size_t nfound;
};

static void attr_name(const xmlNode *a, char *out, size_t n)
{
	xmlChar *name = xmlGetProp((xmlNodePtr)a, BAD_CAST "name");

	snprintf(out, n, "%s", name ? (const char *)name : "(any attribute)");
	xmlFree(name);
}

static int attr_match(const xmlNode *a, const xmlAttr *attr)
{
	char name[256];
	const char *uri = attr->ns ? (const char *)attr->ns->href : "";
	const char *colon, *ans = "";
	xmlAttrPtr nsattr;

	attr_name(a, name, sizeof name);
	colon = strchr(name, ':');
	if (colon) {
		char prefix[64];
		xmlNsPtr ns;

		snprintf(prefix, sizeof prefix, "%.*s", (int)(colon - name), name);
		ns = xmlSearchNs(a->doc, (xmlNodePtr)a, BAD_CAST prefix);
		if (!ns && strcmp(prefix, "xml") == 0)
			ans = "http://www.w3.org/XML/1998/namespace";
		else if (ns)
			ans = (const char *)ns->href;
	} else if ((nsattr = xmlHasProp((xmlNodePtr)a, BAD_CAST "ns")) && nsattr->children) {
		ans = (const char *)nsattr->children->content;
	}
	return strcmp(colon ? colon + 1 : name, (const char *)attr->name) == 0 &&
	       strcmp(ans, uri) == 0;
}

static void walk_attrs(struct attr_walk *w, const xmlNode *n, int depth)
{
	const xmlNode *c;

	for (c = n->children; c && depth < 200; c = c->next) {
		if (!is_rng(c, NULL) || is_rng(c, "element"))
			continue;
		if (is_rng(c, "attribute")) {
			char name[256];

			attr_name(c, name, sizeof name);
			if (w->names && !xmlHashLookup(w->names, BAD_CAST name))
				xmlHashAddEntry(w->names, BAD_CAST name, (void *)1);
			if (w->attr && attr_match(c, w->attr) && w->nfound < 16)
				w->found[w->nfound++] = (xmlNodePtr)c;
		} else if (is_rng(c, "ref") || is_rng(c, "parentRef")) {
			xmlChar *name = xmlGetProp((xmlNodePtr)c, BAD_CAST "name");
			xmlNodePtr def = name ? xmlHashLookup(w->ex->defines, name) : NULL;

			if (def && !xmlHashLookup(w->seen, name)) {
				xmlHashAddEntry(w->seen, name, (void *)1);
				walk_attrs(w, def, depth + 1);
			}
			xmlFree(name);
		} else {
			walk_attrs(w, c, depth + 1);
		}
	}
}

/* Runs walk_attrs over every <element> admitting el; returns how many. */
static size_t attrs_of(struct attr_walk *w, const xmlNode *el)
{
	const char *uri = el->ns ? (const char *)el->ns->href : "";
	const struct elist *l = xmlHashLookup(w->ex->elements, el->name);
	size_t i, n = 0;

	for (i = 0; l && i < l->count; i++) {
		if (elem_match(l->items[i], uri, (const char *)el->name)) {
			walk_attrs(w, l->items[i], 0);
			n++;
		}
	}
	return n;
}

int tf_expect__has_attribute(const tf_expect *ex, const xmlNode *el, const xmlAttr *attr)
{
	struct attr_walk w;
	size_t n;

	memset(&w, 0, sizeof w);
	w.ex = ex;
	w.attr = attr;
	if (!(w.seen = xmlHashCreate(64)))
		return -1;
	n = attrs_of(&w, el);
	xmlHashFree(w.seen, NULL);
	return n == 0 ? -1 : w.nfound > 0;
}

void tf_expect__attributes(const tf_expect *ex, tf_buf *b, const xmlNode *el)
{
	struct attr_walk w;

	memset(&w, 0, sizeof w);
	w.ex = ex;
	w.seen = xmlHashCreate(64);
	w.names = xmlHashCreate(64);
	if (w.seen && w.names && attrs_of(&w, el) > 0 && xmlHashSize(w.names) > 0) {
		tf_buf__puts(b, "attribute ");
		put_names(b, w.names, "\"");
	} else {
		tf_buf__puts(b, "no attributes");
	}
	xmlHashFree(w.seen, NULL);
	xmlHashFree(w.names, NULL);
}

/* Describes the value pattern n into items (values separately). */
static void describe(const tf_expect *ex, const xmlNode *n, tf_buf *items, size_t *nitems,
		     tf_buf *values, size_t *nvalues, int depth)
{
	const xmlNode *c;

	for (c = n->children; c && depth < 50; c = c->next) {
		xmlChar *v;

		if (!is_rng(c, NULL))
			continue;
		if (is_rng(c, "value")) {
			v = xmlNodeGetContent(c);
			tf_buf__printf(values, "%s\"%s\"", (*nvalues)++ ? "\x1f" : "",
				       v ? (const char *)v : "");
			xmlFree(v);
		} else if (is_rng(c, "data")) {
			const xmlNode *prm;
			int nparams = 0;

			v = xmlGetProp((xmlNodePtr)c, BAD_CAST "type");
			tf_buf__printf(items, "%sxsd:%s", (*nitems)++ ? "\x1f" : "",
				       v ? (const char *)v : "anySimpleType");
			xmlFree(v);
			for (prm = c->children; prm; prm = prm->next) {
				xmlChar *pn, *pv;

				if (!is_rng(prm, "param"))
					continue;
				pn = xmlGetProp((xmlNodePtr)prm, BAD_CAST "name");
				pv = xmlNodeGetContent(prm);
				tf_buf__printf(items, " %s %s %s", nparams++ ? "and" : "with",
					       pn ? (const char *)pn : "",
					       pv ? (const char *)pv : "");
				xmlFree(pn);
				xmlFree(pv);
			}
		} else if (is_rng(c, "text")) {
			tf_buf__printf(items, "%sany text", (*nitems)++ ? "\x1f" : "");
		} else if (is_rng(c, "empty")) {
			tf_buf__printf(values, "%s\"\"", (*nvalues)++ ? "\x1f" : "");
		} else if (is_rng(c, "list")) {
			tf_buf__printf(items, "%sa space-separated list",
				       (*nitems)++ ? "\x1f" : "");
		} else if (is_rng(c, "ref") || is_rng(c, "parentRef")) {
			xmlChar *name = xmlGetProp((xmlNodePtr)c, BAD_CAST "name");
			xmlNodePtr def = name ? xmlHashLookup(ex->defines, name) : NULL;

			if (def)
				describe(ex, def, items, nitems, values, nvalues, depth + 1);
			xmlFree(name);
		} else if (!is_rng(c, "except")) {
			describe(ex, c, items, nitems, values, nvalues, depth + 1);
		}
	}
}

/* Appends the \x1f-separated list s as "a, b or c". */
static void put_list(tf_buf *b, const char *s, size_t n)
{
	size_t i = 0;

	while (s && *s) {
		const char *sep = strchr(s, '\x1f');
		size_t len = sep ? (size_t)(sep - s) : strlen(s);

		tf_buf__printf(b, "%s%.*s", i == 0 ? "" : i + 1 == n ? " or " : ", ", (int)len, s);
		i++;
		s = sep ? sep + 1 : NULL;
	}
}

void tf_expect__values(const tf_expect *ex, tf_buf *b, const xmlNode *el, const xmlAttr *attr)
{
	struct attr_walk w;
	tf_buf items = TF_BUF_INIT, values = TF_BUF_INIT;
	size_t i, nitems = 0, nvalues = 0;

	memset(&w, 0, sizeof w);
	w.ex = ex;
	w.attr = attr;
	w.seen = xmlHashCreate(64);
	if (w.seen)
		attrs_of(&w, el);
	for (i = 0; i < w.nfound; i++)
		describe(ex, w.found[i], &items, &nitems, &values, &nvalues, 0);
	if (nitems + nvalues == 0) {
		tf_buf__puts(b, "a value the schema allows");
	} else {
		tf_buf__puts(b, "must be ");
		put_list(b, items.data, nitems);
		if (nvalues) {
			tf_buf__printf(b, "%sequal to ", nitems ? " or " : "");
			put_list(b, values.data, nvalues);
		}
	}
	tf_buf__free(&items);
	tf_buf__free(&values);
	xmlHashFree(w.seen, NULL);
}

/* Index: defines by name, <element name=...> by local name. */
static int index_tree(tf_expect *ex, xmlNodePtr n)
{
	for (; n; n = n->next) {
		xmlChar *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "define") && (name = xmlGetProp(n, BAD_CAST "name"))) {
			if (!xmlHashLookup(ex->defines, name))
				xmlHashAddEntry(ex->defines, name, n);
			xmlFree(name);
		} else if (is_rng(n, "element")) {
			name = xmlGetProp(n, BAD_CAST "name");
			if (name) {
				const char *colon = strchr((const char *)name, ':');
				const xmlChar *local =
				    BAD_CAST(colon ? colon + 1 : (const char *)name);
				struct elist *l = xmlHashLookup(ex->elements, local);
				xmlNodePtr *p;

				if (!l && (!(l = calloc(1, sizeof *l)) ||
					   xmlHashAddEntry(ex->elements, local, l) != 0)) {
					free(l);
					xmlFree(name);
					return -1;
				}
				p = realloc(l->items, (l->count + 1) * sizeof *p);
				xmlFree(name);
				if (!p)
					return -1;
				l->items = p;
				l->items[l->count++] = n;
			} else {
				xmlNodePtr *p = realloc(ex->anyname, (ex->nany + 1) * sizeof *p);
				if (!p)
					return -1;
				ex->anyname = p;
				ex->anyname[ex->nany++] = n;
			}
		}
		if (index_tree(ex, n->children) < 0)
			return -1;
	}
	return 0;
}

static void free_elist(void *payload, const xmlChar *name)
{
	struct elist *l = payload;

	(void)name;
	if (l)
		free(l->items);
	free(l);
}

int tf_expect__new(tf_expect **out, xmlDocPtr rng)
{
	tf_expect *ex = calloc(1, sizeof *ex);

	*out = NULL;
	if (!ex || !(ex->defines = xmlHashCreate(1024)) || !(ex->elements = xmlHashCreate(1024)) ||
	    index_tree(ex, xmlDocGetRootElement(rng)) < 0) {
		tf_expect__free(ex);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	*out = ex;
	return 0;
}

void tf_expect__free(tf_expect *ex)
{
	if (!ex)
		return;
	xmlHashFree(ex->defines, NULL);
	xmlHashFree(ex->elements, free_elist);
	free(ex->anyname);
	free(ex);
}

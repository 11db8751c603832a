/* SPDX-License-Identifier: MIT */
/*
 * prune.c — cutting a RelaxNG schema down to the elements a project uses.
 *
 * Sits before schema.c in the validation stage: tei_all.rng takes libxml2
 * some 13 s to compile, almost all of it in content-model automata for
 * elements no document uses.  tf_rng_prune() replaces every <element> whose
 * name is not kept by <notAllowed/> and then applies the RelaxNG
 * specification's notAllowed rules (§4.19) and a few of its empty rules
 * (§4.20) until nothing changes, and drops the defines <start> no longer
 * reaches.  Each rule preserves the language of the pattern it rewrites, so
 * the result accepts exactly the documents of the original whose elements
 * all carry kept names.  The rules matter for speed too: libxml2 validates
 * slowly around notAllowed left inside choices and groups.
 *
 * Only RelaxNG-namespace elements are patterns; annotations (a:, sch:) are
 * carried along untouched.  Nested grammars and parentRef are handled; an
 * <include> or <externalRef> is refused, since a define could be combined
 * with or overridden by one this module cannot see.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include "internal.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

/* What the module knows of one define name in one grammar. */
struct def_info {
	int dead; /* every use of the name reduces to notAllowed */
	int interleave; /* combine="interleave" seen */
	size_t ndefs; /* defines of the name seen in the current pass */
	size_t ndead; /* of which reduced to notAllowed */
	int reached; /* reachable from <start> */
};

/* One <grammar> element; its node's _private points here. */
struct scope {
	xmlHashTablePtr defs; /* name -> struct def_info */
	struct scope *parent;
	xmlNodePtr grammar; /* valid only while live */
	int live; /* reachable, hence still in the tree */
	struct scope *next; /* every scope, for freeing */
};

struct ctx {
	xmlHashTablePtr keep; /* local names -> non-NULL */
	struct scope *scopes;
	int changed; /* a define became dead in this pass */
	int failed; /* TF_E* code, 0 while all is well */
};

static int is_rng(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	       (!name || xmlStrEqual(n->name, BAD_CAST name));
}

static void free_info(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

static struct scope *scope_of(struct ctx *c, xmlNodePtr grammar, struct scope *parent)
{
	struct scope *s = grammar->_private;

	if (s)
		return s;
	s = calloc(1, sizeof *s);
	if (!s || !(s->defs = xmlHashCreate(256))) {
		free(s);
		c->failed = TF_ENOMEM;
		return NULL;
	}
	s->parent = parent;
	s->grammar = grammar;
	s->next = c->scopes;
	c->scopes = s;
	grammar->_private = s;
	return s;
}

static struct def_info *info_of(struct ctx *c, struct scope *s, const xmlChar *name)
{
	struct def_info *d;

	if (!s || !name)
		return NULL;
	d = xmlHashLookup(s->defs, name);
	if (d)
		return d;
	d = calloc(1, sizeof *d);
	if (!d || xmlHashAddEntry(s->defs, name, d) != 0) {
		free(d);
		c->failed = TF_ENOMEM;
		return NULL;
	}
	return d;
}

/* Replaces n by a new, empty RelaxNG element named what and frees n.  The
 * namespace is looked up from n's parent, since n may carry the very
 * declaration it uses (<rng:group xmlns:rng="...">).  Returns 0 or
 * TF_ENOMEM. */
static int replace_by(struct ctx *c, xmlNodePtr n, const char *what)
{
	xmlNodePtr r = xmlNewDocNode(n->doc, NULL, BAD_CAST what, NULL);
	xmlNsPtr ns = n->parent && n->parent->type == XML_ELEMENT_NODE
			  ? xmlSearchNsByHref(n->doc, n->parent, BAD_CAST RNG_NS)
			  : NULL;

	if (r && !ns)
		ns = xmlNewNs(r, BAD_CAST RNG_NS, n->ns ? n->ns->prefix : NULL);
	if (!r || !ns) {
		xmlFreeNode(r);
		return c->failed = TF_ENOMEM;
	}
	xmlSetNs(r, ns);
	xmlReplaceNode(n, r);
	xmlFreeNode(n);
	return 0;
}

/* The local part of a QName, borrowed from s. */
static const xmlChar *local_part(const xmlChar *s)
{
	const xmlChar *colon = xmlStrchr(s, ':');

	return colon ? colon + 1 : s;
}

/* 1 when element e is to become notAllowed: its name class is a single
 * name missing from the keep list.  anyName, nsName and choices of names
 * are kept as they are. */
static int element_pruned(struct ctx *c, xmlNodePtr e)
{
	xmlChar *name = xmlGetNoNsProp(e, BAD_CAST "name");
	xmlChar *trimmed;
	xmlNodePtr k;
	size_t len;
	int pruned;

	if (!name) {
		for (k = e->children; k && k->type != XML_ELEMENT_NODE; k = k->next)
			;
		if (!is_rng(k, "name"))
			return 0;
		name = xmlNodeGetContent(k);
		if (!name) {
			c->failed = TF_ENOMEM;
			return 0;
		}
	}
	trimmed = name;
	while (*trimmed == ' ' || *trimmed == '\t' || *trimmed == '\n' || *trimmed == '\r')
		trimmed++;
	len = (size_t)xmlStrlen(trimmed);
	while (len > 0 && (trimmed[len - 1] == ' ' || trimmed[len - 1] == '\t' ||
			   trimmed[len - 1] == '\n' || trimmed[len - 1] == '\r'))
		trimmed[--len] = '\0';
	pruned = xmlHashLookup(c->keep, local_part(trimmed)) == NULL;
	xmlFree(name);
	return pruned;
}

static int reduce(struct ctx *c, xmlNodePtr n, struct scope *s);

/* Removes the <empty/> children of parent. */
static void drop_empties(xmlNodePtr parent)
{
	xmlNodePtr k, next;

	for (k = parent->children; k; k = next) {
		next = k->next;
		if (is_rng(k, "empty")) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
}

/* Reduces the pattern children of parent, an implicit group, skipping a
 * leading name class when skip_name_class.  Returns a mask: 1 some child
 * is notAllowed, 2 some child is not <empty/>.  When no child is
 * notAllowed and some is not empty, the <empty/> children are dropped
 * (group(p, empty) = p, §4.20): besides being noise, libxml2 2.9.14
 * rejects <oneOrMore><ref/><empty/></oneOrMore> wrongly. */
static int reduce_children(struct ctx *c, xmlNodePtr parent, struct scope *s, int skip_name_class)
{
	xmlNodePtr k = parent->children, next;
	int mask = 0, first = 1;

	for (; k && !c->failed; k = next) {
		next = k->next;
		if (!is_rng(k, NULL))
			continue;
		if (first && skip_name_class) {
			first = 0;
			continue;
		}
		first = 0;
		if (reduce(c, k, s))
			mask |= 1;
		else if (!is_rng(next ? next->prev : parent->last, "empty"))
			mask |= 2;
	}
	if (mask == 2)
		drop_empties(parent);
	return mask;
}

/* <choice>: notAllowed branches go, and all <empty/>s but one; a choice
 * left with no branch is notAllowed. */
static int reduce_choice(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	xmlNodePtr k, next;
	int left = 0, empties = 0;

	for (k = n->children; k && !c->failed; k = next) {
		next = k->next;
		if (!is_rng(k, NULL))
			continue;
		if (reduce(c, k, s) ||
		    (is_rng(next ? next->prev : n->last, "empty") && empties++)) {
			k = next ? next->prev : n->last; /* what now stands in k's place */
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		} else {
			left++;
		}
	}
	if (left == 0 && !c->failed)
		replace_by(c, n, "notAllowed");
	return left == 0;
}

/* <group>, <interleave>: notAllowed if a member is; empty if all are. */
static int reduce_sequence(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	int mask = reduce_children(c, n, s, 0);

	if (mask & 1)
		return replace_by(c, n, "notAllowed"), 1;
	if (mask == 0)
		replace_by(c, n, "empty");
	return 0;
}

/* A <define> or <start>: a body reducing to notAllowed is replaced by a
 * single <notAllowed/> and recorded. */
static int reduce_body(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	xmlNodePtr k, next, na;

	if (!(reduce_children(c, n, s, 0) & 1))
		return 0;
	for (k = n->children; k; k = next) {
		next = k->next;
		if (is_rng(k, NULL)) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
	na = xmlNewDocNode(n->doc, n->ns, BAD_CAST "notAllowed", NULL);
	if (!na || !xmlAddChild(n, na)) {
		xmlFreeNode(na);
		c->failed = TF_ENOMEM;
	}
	return 1;
}

/* A <define> or <start> (recorded under "#start", which no define can be
 * named): counts its parts and their deaths for settle(). */
static void reduce_define(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	xmlChar *name =
	    is_rng(n, "start") ? xmlStrdup(BAD_CAST "#start") : xmlGetNoNsProp(n, BAD_CAST "name");
	xmlChar *combine = xmlGetNoNsProp(n, BAD_CAST "combine");
	struct def_info *d = info_of(c, s, name);
	int dead = reduce_body(c, n, s);

	if (d) {
		d->ndefs++;
		d->ndead += dead;
		if (combine && xmlStrEqual(combine, BAD_CAST "interleave"))
			d->interleave = 1;
	}
	xmlFree(name);
	xmlFree(combine);
}

static void settle(void *payload, void *data, const xmlChar *name)
{
	struct def_info *d = payload;
	struct ctx *c = data;
	int dead = d->ndefs > 0 && (d->interleave ? d->ndead > 0 : d->ndead == d->ndefs);

	(void)name;
	if (dead && !d->dead) {
		d->dead = 1;
		c->changed = 1;
	}
	d->ndefs = d->ndead = 0;
}

/* The grammar content of g: start, define, div. */
static void reduce_grammar_content(struct ctx *c, xmlNodePtr g, struct scope *s)
{
	xmlNodePtr k, next;

	for (k = g->children; k && !c->failed; k = next) {
		next = k->next;
		if (is_rng(k, "start") || is_rng(k, "define"))
			reduce_define(c, k, s);
		else if (is_rng(k, "div"))
			reduce_grammar_content(c, k, s);
		else if (is_rng(k, "include"))
			c->failed =
			    tf_error__set(TF_EINPUT, "tf_rng_prune: <include> is not supported; "
						     "flatten the schema first");
	}
}

/* Reduces grammar g; returns 1 when its start (all parts of a combined
 * start, or one part of an interleaved one) reduced to notAllowed. */
static int reduce_grammar(struct ctx *c, xmlNodePtr g, struct scope *parent)
{
	struct scope *s = scope_of(c, g, parent);
	struct def_info *start;

	if (!s)
		return 0;
	reduce_grammar_content(c, g, s);
	start = xmlHashLookup(s->defs, BAD_CAST "#start");
	xmlHashScan(s->defs, settle, c);
	return start && start->dead;
}

static int reduce_ref(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	xmlChar *name = xmlGetNoNsProp(n, BAD_CAST "name");
	struct def_info *d = s && name ? xmlHashLookup(s->defs, name) : NULL;

	xmlFree(name);
	if (!d || !d->dead)
		return 0;
	replace_by(c, n, "notAllowed");
	return 1;
}

/* Reduces the pattern n in place; returns 1 when n is now notAllowed (n
 * itself may have been freed and replaced). */
static int reduce(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	const xmlChar *what = n->name;
	int mask;

	if (c->failed || !is_rng(n, NULL))
		return 0;
	if (xmlStrEqual(what, BAD_CAST "notAllowed"))
		return 1;
	if (xmlStrEqual(what, BAD_CAST "choice"))
		return reduce_choice(c, n, s);
	if (xmlStrEqual(what, BAD_CAST "group") || xmlStrEqual(what, BAD_CAST "interleave"))
		return reduce_sequence(c, n, s);
	if (xmlStrEqual(what, BAD_CAST "ref"))
		return reduce_ref(c, n, s);
	if (xmlStrEqual(what, BAD_CAST "parentRef"))
		return reduce_ref(c, n, s ? s->parent : NULL);
	if (xmlStrEqual(what, BAD_CAST "grammar"))
		return reduce_grammar(c, n, s) ? (replace_by(c, n, "notAllowed"), 1) : 0;
	if (xmlStrEqual(what, BAD_CAST "externalRef")) {
		c->failed =
		    tf_error__set(TF_EINPUT, "tf_rng_prune: <externalRef> is not supported; "
					     "flatten the schema first");
		return 0;
	}
	if (xmlStrEqual(what, BAD_CAST "element") && element_pruned(c, n))
		return replace_by(c, n, "notAllowed"), 1;
	if (xmlStrEqual(what, BAD_CAST "element") || xmlStrEqual(what, BAD_CAST "attribute")) {
		mask = reduce_children(c, n, s, xmlHasNsProp(n, BAD_CAST "name", NULL) == NULL);
		return (mask & 1) ? (replace_by(c, n, "notAllowed"), 1) : 0;
	}
	if (xmlStrEqual(what, BAD_CAST "optional") || xmlStrEqual(what, BAD_CAST "zeroOrMore")) {
		/* p? = p | empty and p* = p+ | empty: with p notAllowed, empty.
		 * And empty? = empty* = empty. */
		mask = reduce_children(c, n, s, 0);
		if ((mask & 1) || !(mask & 2))
			replace_by(c, n, "empty");
		return 0;
	}
	if (xmlStrEqual(what, BAD_CAST "oneOrMore") || xmlStrEqual(what, BAD_CAST "list") ||
	    xmlStrEqual(what, BAD_CAST "mixed")) {
		/* empty+ = empty; mixed(empty) = interleave(text, empty) = text. */
		mask = reduce_children(c, n, s, 0);
		if (mask & 1)
			return replace_by(c, n, "notAllowed"), 1;
		if (mask == 0 && !xmlStrEqual(what, BAD_CAST "list"))
			replace_by(c, n, what[0] == 'o' ? "empty" : "text");
		return 0;
	}
	/* text, empty, data, value: leaves (data's except holds no element). */
	return 0;
}

/* ---- reachability ------------------------------------------------------ */

static void mark_grammar(struct ctx *c, xmlNodePtr g, struct scope *parent);

/* Marks every define that pattern n refers to. */
static void mark_refs(struct ctx *c, xmlNodePtr n, struct scope *s)
{
	xmlNodePtr k;

	for (k = n->children; k && !c->failed; k = k->next) {
		struct def_info *d = NULL;
		xmlChar *name;

		if (is_rng(k, "grammar")) {
			mark_grammar(c, k, s);
			continue;
		}
		if (is_rng(k, "ref") || is_rng(k, "parentRef")) {
			struct scope *in = is_rng(k, "ref") ? s : s ? s->parent : NULL;

			name = xmlGetNoNsProp(k, BAD_CAST "name");
			d = in && name ? xmlHashLookup(in->defs, name) : NULL;
			if (d)
				d->reached = 1;
			xmlFree(name);
			continue;
		}
		if (k->type == XML_ELEMENT_NODE)
			mark_refs(c, k, s);
	}
}

/* Follows the references of the reached defines in the grammar content g
 * not walked yet (their node's _private is set once walked).  Returns 1 if
 * some define was walked. */
static int expand(struct ctx *c, xmlNodePtr g, struct scope *s)
{
	xmlNodePtr k;
	int grew = 0;

	for (k = g->children; k && !c->failed; k = k->next) {
		if (is_rng(k, "div")) {
			grew |= expand(c, k, s);
		} else if (is_rng(k, "define") && !k->_private) {
			xmlChar *name = xmlGetNoNsProp(k, BAD_CAST "name");
			struct def_info *d = name ? xmlHashLookup(s->defs, name) : NULL;

			xmlFree(name);
			if (d && d->reached) {
				k->_private = k;
				mark_refs(c, k, s);
				grew = 1;
			}
		}
	}
	return grew;
}

static void mark_starts(struct ctx *c, xmlNodePtr g, struct scope *s)
{
	xmlNodePtr k;

	for (k = g->children; k; k = k->next) {
		if (is_rng(k, "start"))
			mark_refs(c, k, s);
		else if (is_rng(k, "div"))
			mark_starts(c, k, s);
	}
}

static void mark_grammar(struct ctx *c, xmlNodePtr g, struct scope *parent)
{
	struct scope *s = scope_of(c, g, parent);

	if (!s || s->live)
		return;
	s->live = 1;
	mark_starts(c, g, s);
}

static int define_reached(const struct scope *s, xmlNodePtr def)
{
	xmlChar *name = xmlGetNoNsProp(def, BAD_CAST "name");
	const struct def_info *d = name ? xmlHashLookup(s->defs, name) : NULL;

	xmlFree(name);
	return d && d->reached;
}

/* Removes the defines nobody reaches, and the divs left empty. */
static void sweep(xmlNodePtr g, const struct scope *s)
{
	xmlNodePtr k, next, j;

	for (k = g->children; k; k = next) {
		next = k->next;
		if (is_rng(k, "div")) {
			sweep(k, s);
			for (j = k->children; j && j->type != XML_ELEMENT_NODE; j = j->next)
				;
			if (j)
				continue;
		} else if (is_rng(k, "define")) {
			k->_private = NULL;
			if (define_reached(s, k))
				continue;
		} else {
			continue;
		}
		xmlUnlinkNode(k);
		xmlFreeNode(k);
	}
}

/* Whitespace between patterns is insignificant (§4.2) except inside value
 * and param; dropping it lets the serialiser indent the result anew. */
static void strip_space(xmlNodePtr n)
{
	xmlNodePtr k, next;
	int keep = !is_rng(n, NULL) || is_rng(n, "value") || is_rng(n, "param");

	for (k = n->children; k; k = next) {
		next = k->next;
		if (k->type == XML_ELEMENT_NODE)
			strip_space(k);
		else if (!keep && k->type == XML_TEXT_NODE && xmlIsBlankNode(k)) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
}

static void free_scopes(struct ctx *c)
{
	struct scope *s, *next;

	for (s = c->scopes; s; s = next) {
		next = s->next;
		if (s->live)
			s->grammar->_private = NULL;
		xmlHashFree(s->defs, free_info);
		free(s);
	}
	c->scopes = NULL;
}

/* Runs the rules over the tree under root until no define changes. */
static int reduce_all(struct ctx *c, xmlNodePtr root)
{
	int dead;

	do {
		c->changed = 0;
		dead =
		    is_rng(root, "grammar") ? reduce_grammar(c, root, NULL) : reduce(c, root, NULL);
	} while (c->changed && !c->failed);
	return dead;
}

/* Marks what start reaches, then removes every other define. */
static void prune_unreached(struct ctx *c, xmlNodePtr root)
{
	struct scope *s;
	int grew;

	if (is_rng(root, "grammar"))
		mark_grammar(c, root, NULL);
	else
		mark_refs(c, root, NULL);
	do {
		grew = 0;
		for (s = c->scopes; s && !c->failed; s = s->next)
			if (s->live)
				grew |= expand(c, s->grammar, s);
	} while (grew);
	for (s = c->scopes; s; s = s->next)
		if (s->live)
			sweep(s->grammar, s);
}

int tf_rng_prune(xmlDocPtr *out, xmlDocPtr rng, const char *const *keep, size_t nkeep)
{
	struct ctx c = {NULL, NULL, 0, 0};
	xmlDocPtr copy = NULL;
	xmlNodePtr root;
	size_t i;
	int rc = 0;

	if (out)
		*out = NULL;
	if (!out || !rng || (nkeep && !keep))
		return tf_error__set(TF_EUSAGE, "tf_rng_prune: out and rng are required");
	if (!is_rng(xmlDocGetRootElement(rng), NULL))
		return tf_error__set(TF_EINPUT, "tf_rng_prune: not a RelaxNG schema (XML syntax)");
	c.keep = xmlHashCreate((int)(nkeep < 1024 ? nkeep * 2 + 16 : 4096));
	copy = xmlCopyDoc(rng, 1);
	if (!c.keep || !copy) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nkeep; i++) {
		if (keep[i] && xmlHashUpdateEntry(c.keep, BAD_CAST keep[i], c.keep, NULL) != 0) {
			rc = tf_error__set(TF_ENOMEM, "out of memory");
			goto done;
		}
	}
	root = xmlDocGetRootElement(copy);
	if (reduce_all(&c, root) && !c.failed) {
		rc = tf_error__set(TF_EINPUT, "tf_rng_prune: the pruned schema allows no "
					      "document (its start reduces to notAllowed)");
		goto done;
	}
	if (!c.failed)
		prune_unreached(&c, xmlDocGetRootElement(copy));
	if (c.failed) {
		rc = c.failed == TF_ENOMEM ? tf_error__set(TF_ENOMEM, "out of memory") : c.failed;
		goto done;
	}
	strip_space(xmlDocGetRootElement(copy));
done:
	free_scopes(&c);
	xmlHashFree(c.keep, NULL);
	if (rc < 0)
		xmlFreeDoc(copy);
	else
		*out = copy;
	return rc;
}

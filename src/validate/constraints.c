/* SPDX-License-Identifier: MIT */
/*
 * constraints.c — TEI's constraints beyond RelaxNG, checked natively.
 *
 * TEI's ODD embeds ISO Schematron in tei_all.rng (sch:pattern/sch:rule);
 * jing and xmllint ignore it and libxml2's own Schematron cannot compile
 * it.  tf_constraints_extract() copies every sch:rule (with the pattern's
 * sch:let) into schemas/tei-constraints.xml, marking each xpath="1" when
 * libxml2's XPath 1.0 can evaluate all of its expressions, else xpath="2".
 * At run time the XPath-1 rules are evaluated per document: a rule's
 * context is evaluated as //CONTEXT only when the element it names occurs
 * in the document, then each sch:assert and sch:report.  Native checks
 * (checks.c) run in the same pass.  Findings are warnings unless the mode
 * is strict and the rule's role is error (or absent).
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include "validate_internal.h"

#define SCH_NS "http://purl.oclc.org/dsdl/schematron"
#define TF_CONS_NS "urn:x-teiforge:constraints"

struct rule {
	xmlNodePtr node; /* the sch:rule in the data document */
	char *id;
	char *select; /* //CONTEXT */
	char *target; /* local name the context ends with, NULL = any */
	char *self; /* one-step context: "self::STEP" tested per element */
	char *attr; /* attribute the context requires ([@attr]), or NULL */
};

struct tf_constraints {
	xmlDocPtr data;
	struct rule *rules;
	size_t count;
	size_t skipped;
	xmlNodePtr ns_first; /* the sch:ns list */
};

static int is_sch(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, SCH_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static const char *const xpath1_functions[] = {"last",
					       "position",
					       "count",
					       "id",
					       "local-name",
					       "namespace-uri",
					       "name",
					       "string",
					       "concat",
					       "starts-with",
					       "contains",
					       "substring-before",
					       "substring-after",
					       "substring",
					       "string-length",
					       "normalize-space",
					       "translate",
					       "boolean",
					       "not",
					       "true",
					       "false",
					       "lang",
					       "number",
					       "sum",
					       "floor",
					       "ceiling",
					       "round",
					       "node",
					       "text",
					       "comment",
					       "processing-instruction",
					       NULL};

/* 1 when every function expr calls is an XPath 1.0 one. */
static int core_functions_only(const char *expr)
{
	const char *p = expr;
	char quote = 0;

	for (; *p; p++) {
		const char *start, *end;
		const char *const *f;
		int ok = 0;

		if (quote) {
			quote = *p == quote ? 0 : quote;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			continue;
		}
		if (*p != '(')
			continue;
		for (end = p; end > expr && end[-1] == ' '; end--)
			;
		for (start = end; start > expr && (strchr("-_.:", start[-1]) ||
						   (start[-1] >= 'a' && start[-1] <= 'z') ||
						   (start[-1] >= 'A' && start[-1] <= 'Z') ||
						   (start[-1] >= '0' && start[-1] <= '9'));
		     start--)
			;
		if (start == end)
			continue; /* a parenthesised expression */
		for (f = xpath1_functions; *f && !ok; f++)
			ok = strlen(*f) == (size_t)(end - start) &&
			     strncmp(*f, start, (size_t)(end - start)) == 0;
		if (!ok)
			return 0;
	}
	return 1;
}

/* Turns a Schematron context pattern into "//A | //B". */
static char *pattern_to_select(const char *pat)
{
	tf_buf b = TF_BUF_INIT;
	const char *p = pat, *branch = pat;
	int depth = 0;
	char quote = 0;

	for (;; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '[' || *p == '(') {
			depth++;
		} else if (*p == ']' || *p == ')') {
			depth--;
		}
		if (*p == '\0' || (*p == '|' && depth == 0 && !quote)) {
			while (*branch == ' ' || *branch == '\n' || *branch == '\t')
				branch++;
			tf_buf__printf(&b, "%s%s%.*s", b.len ? " | " : "",
				       *branch == '/' ? "" : "//", (int)(p - branch), branch);
			if (*p == '\0')
				break;
			branch = p + 1;
		}
	}
	return tf_buf__detach(&b);
}

/* The element name every branch of pat ends with, or NULL if any may. */
static char *pattern_target(const char *pat)
{
	char *copy = strdup(pat), *out = NULL, *p, *w;
	int depth = 0;

	if (!copy)
		return NULL;
	for (p = w = copy; *p; p++) { /* strip predicates */
		if (*p == '[')
			depth++;
		else if (*p == ']')
			depth--;
		else if (depth == 0 && *p != ' ' && *p != '\n' && *p != '\t')
			*w++ = *p;
	}
	*w = '\0';
	if (!strchr(copy, '|')) {
		char *last = strrchr(copy, '/'), *step = last ? last + 1 : copy;

		if (*step == '@' && last) { /* tei:rt/@to: the element before */
			*last = '\0';
			last = strrchr(copy, '/');
			step = last ? last + 1 : copy;
		}
		if (strncmp(step, "tei:", 4) == 0 && step[4] && step[4] != '*')
			out = strdup(step + 4);
	}
	free(copy);
	return out;
}

/* For a context of one step (no '/' or '|' outside predicates), the test
 * "self::STEP" that tells whether an element matches it. */
static char *pattern_self(const char *pat)
{
	const char *p;
	int depth = 0;
	tf_buf b = TF_BUF_INIT;

	while (*pat == ' ' || *pat == '\n' || *pat == '\t')
		pat++;
	if (strncmp(pat, "tei:", 4) != 0)
		return NULL;
	for (p = pat; *p; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']')
			depth--;
		else if (depth == 0 && (*p == '/' || *p == '|' || *p == '@'))
			return NULL;
	}
	tf_buf__printf(&b, "self::%s", pat);
	return tf_buf__detach(&b);
}

/* NAME when the context requires an attribute by a predicate [@NAME]. */
static char *pattern_attr(const char *pat)
{
	const char *p = strstr(pat, "[@");
	size_t n;

	if (!p)
		return NULL;
	p += 2;
	n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");
	return n > 0 && p[n] == ']' ? strndup(p, n) : NULL;
}

/* Compiles expr against a context with the schema's namespaces: 1 ok. */
static int compiles(xmlXPathContextPtr ctx, const char *expr)
{
	xmlXPathCompExprPtr c;

	if (!expr || !core_functions_only(expr))
		return 0;
	c = xmlXPathCtxtCompile(ctx, BAD_CAST expr);
	if (!c)
		return 0;
	xmlXPathFreeCompExpr(c);
	return 1;
}

static void quiet(void *data, xmlErrorPtr err)
{
	(void)data;
	(void)err;
}

/* Whether every expression of rule r is XPath 1.0. */
static int rule_is_xpath1(xmlXPathContextPtr ctx, xmlNodePtr r)
{
	xmlChar *context = xmlGetProp(r, BAD_CAST "context");
	char *sel = context ? pattern_to_select((const char *)context) : NULL;
	int ok = sel && compiles(ctx, sel);
	xmlNodePtr c, d;

	xmlFree(context);
	free(sel);
	for (c = r->children; c && ok; c = c->next) {
		xmlChar *e = NULL;

		if (is_sch(c, "let"))
			e = xmlGetProp(c, BAD_CAST "value");
		else if (is_sch(c, "assert") || is_sch(c, "report"))
			e = xmlGetProp(c, BAD_CAST "test");
		else
			continue;
		ok = compiles(ctx, (const char *)e);
		xmlFree(e);
		for (d = c->children; d && ok; d = d->next) {
			if (is_sch(d, "value-of") ||
			    (is_sch(d, "name") && xmlHasProp(d, BAD_CAST "path"))) {
				e = xmlGetProp(d, BAD_CAST(is_sch(d, "name") ? "path" : "select"));
				ok = compiles(ctx, (const char *)e);
				xmlFree(e);
			}
		}
	}
	return ok;
}

static void register_ns(xmlXPathContextPtr ctx, xmlNodePtr first)
{
	xmlNodePtr n;

	xmlXPathRegisterNs(ctx, BAD_CAST "tei", BAD_CAST TF_TEI_NS);
	for (n = first; n; n = n->next) {
		if (is_sch(n, "ns")) {
			xmlChar *p = xmlGetProp(n, BAD_CAST "prefix"),
				*u = xmlGetProp(n, BAD_CAST "uri");
			if (p && u)
				xmlXPathRegisterNs(ctx, p, u);
			xmlFree(p);
			xmlFree(u);
		}
	}
}

static const char *edition_of(xmlDocPtr rng, char *buf, size_t n)
{
	xmlNodePtr c;

	snprintf(buf, n, "unknown");
	for (c = rng->children; c;
	     c = c->next == NULL && c->parent == (xmlNodePtr)rng && xmlDocGetRootElement(rng)
		     ? xmlDocGetRootElement(rng)->children
		     : c->next) {
		const char *s = c->type == XML_COMMENT_NODE ? (const char *)c->content : NULL;
		const char *v = s ? strstr(s, "TEI Edition: ") : NULL;

		if (v) {
			size_t len = strcspn(v + 13, "\n.");

			while (v[13 + len] == '.' && v[14 + len] >= '0' && v[14 + len] <= '9')
				len += 1 + strcspn(v + 14 + len, "\n.");
			snprintf(buf, n, "%.*s", (int)len, v + 13);
			return buf;
		}
	}
	return buf;
}

/* Copies the sch:ns and sch:rule elements of rng under root. */
static void extract_tree(xmlNodePtr root, xmlNodePtr n, xmlXPathContextPtr ctx, size_t *count)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_sch(n, "ns")) {
			xmlAddChild(root, xmlDocCopyNode(n, root->doc, 1));
		} else if (is_sch(n, "rule")) {
			xmlNodePtr copy = xmlDocCopyNode(n, root->doc, 1), c;
			char id[300];
			xmlChar *pid = xmlGetProp(n->parent, BAD_CAST "id");

			if (!copy)
				continue;
			/* the pattern's variables go with each of its rules */
			for (c = n->parent->children; c; c = c->next)
				if (is_sch(c, "let") && copy->children)
					xmlAddPrevSibling(copy->children,
							  xmlDocCopyNode(c, root->doc, 1));
			snprintf(id, sizeof id, "%s-%zu", pid ? (const char *)pid : "tei",
				 ++*count);
			xmlFree(pid);
			if (!xmlHasProp(copy, BAD_CAST "id"))
				xmlSetProp(copy, BAD_CAST "id", BAD_CAST id);
			xmlAddChild(root, copy);
			xmlSetProp(copy, BAD_CAST "xpath",
				   BAD_CAST(rule_is_xpath1(ctx, copy) ? "1" : "2"));
			continue;
		}
		extract_tree(root, n->children, ctx, count);
	}
}

int tf_constraints_extract(xmlDocPtr *out, xmlDocPtr rng)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	xmlXPathContextPtr ctx = NULL;
	size_t count = 0;
	char edition[200];

	*out = NULL;
	if (!rng || !(doc = xmlNewDoc(BAD_CAST "1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, BAD_CAST "constraints", NULL)) ||
	    !(ctx = xmlXPathNewContext(doc))) {
		xmlFreeDoc(doc);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	xmlDocSetRootElement(doc, root);
	xmlNewNs(root, BAD_CAST TF_CONS_NS, NULL);
	xmlSetProp(root, BAD_CAST "edition", BAD_CAST edition_of(rng, edition, sizeof edition));
	xmlAddChild(root,
		    xmlNewDocComment(doc, BAD_CAST " Generated by: teiforge schema constraints "
						   "tei_all.rng -o schemas/tei-constraints.xml\n"
						   "     Each sch:rule of the schema, with its "
						   "pattern's sch:let; xpath=\"1\": libxml2's\n"
						   "     XPath 1.0 evaluates all of its "
						   "expressions, xpath=\"2\": it needs XPath 2. "));
	xmlSetStructuredErrorFunc(NULL, quiet);
	register_ns(ctx, NULL);
	/* namespaces first, so rules compile with every prefix known */
	extract_tree(root, xmlDocGetRootElement(rng)->children, ctx, &count);
	xmlXPathFreeContext(ctx);
	if (!(ctx = xmlXPathNewContext(doc)))
		count = 0;
	if (ctx) {
		xmlNodePtr r;

		register_ns(ctx, root->children);
		for (r = root->children; r; r = r->next)
			if (is_sch(r, "rule"))
				xmlSetProp(r, BAD_CAST "xpath",
					   BAD_CAST(rule_is_xpath1(ctx, r) ? "1" : "2"));
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlXPathFreeContext(ctx);
	if (count == 0) {
		xmlFreeDoc(doc);
		return tf_error__set(TF_EINPUT, "the schema holds no Schematron rules");
	}
	*out = doc;
	return 0;
}

int tf_constraints__load(tf_constraints **out, const char *path)
{
	tf_constraints *c = calloc(1, sizeof *c);
	char *def = NULL, *data = NULL;
	size_t len = 0, cap = 0;
	xmlNodePtr r, root;
	int rc = 0;

	*out = NULL;
	if (!c || (!path && !(path = def = tf_data__path("schemas/tei-constraints.xml")))) {
		free(c);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	if (tf_file__read(&data, &len, path) < 0 ||
	    !(c->data = tf_xml__parse(data, len, path, NULL, XML_PARSE_NOBLANKS)) ||
	    !(root = xmlDocGetRootElement(c->data))) {
		rc = tf_error__set(TF_EDATA, "%s: constraints data missing or broken", path);
		goto done;
	}
	c->ns_first = root->children;
	for (r = root->children; r && rc == 0; r = r->next) {
		xmlChar *x, *ctx, *id;
		struct rule *ru, *p;

		if (!is_sch(r, "rule"))
			continue;
		x = xmlGetProp(r, BAD_CAST "xpath");
		if (!x || strcmp((const char *)x, "1") != 0) {
			c->skipped++;
			xmlFree(x);
			continue;
		}
		xmlFree(x);
		p = tf_array__reserve(c->rules, c->count, &cap, sizeof *p, 64);
		if (!p) {
			rc = tf_error__set(TF_ENOMEM, "out of memory");
			break;
		}
		c->rules = p;
		ctx = xmlGetProp(r, BAD_CAST "context");
		id = xmlGetProp(r, BAD_CAST "id");
		ru = &c->rules[c->count];
		ru->node = r;
		ru->id = strdup(id ? (const char *)id : "tei");
		ru->select = ctx ? pattern_to_select((const char *)ctx) : NULL;
		ru->target = ctx ? pattern_target((const char *)ctx) : NULL;
		ru->self = ctx ? pattern_self((const char *)ctx) : NULL;
		ru->attr = ctx ? pattern_attr((const char *)ctx) : NULL;
		xmlFree(ctx);
		xmlFree(id);
		if (!ru->id || !ru->select) {
			free(ru->id);
			free(ru->select);
			free(ru->target);
			free(ru->self);
			free(ru->attr);
			rc = tf_error__set(TF_ENOMEM, "out of memory");
		} else {
			c->count++;
		}
	}
done:
	free(data);
	free(def);
	if (rc < 0)
		tf_constraints__free(c);
	else
		*out = c;
	return rc;
}

void tf_constraints__free(tf_constraints *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->count; i++) {
		free(c->rules[i].id);
		free(c->rules[i].select);
		free(c->rules[i].target);
		free(c->rules[i].self);
		free(c->rules[i].attr);
	}
	free(c->rules);
	xmlFreeDoc(c->data);
	free(c);
}

void tf_constraints__counts(const tf_constraints *c, size_t *used, size_t *skipped)
{
	*used = c ? c->count : 0;
	*skipped = c ? c->skipped : 0;
}

/* The text of an assert or report with sch:name and sch:value-of filled. */
static void message(tf_buf *b, xmlXPathContextPtr ctx, xmlNodePtr a, xmlNodePtr node)
{
	xmlNodePtr d;

	for (d = a->children; d; d = d->next) {
		if (d->type == XML_TEXT_NODE || d->type == XML_CDATA_SECTION_NODE) {
			tf_buf__puts(b, (const char *)d->content);
		} else if (is_sch(d, "name") || is_sch(d, "value-of")) {
			xmlChar *e = xmlGetProp(d, BAD_CAST(is_sch(d, "name") ? "path" : "select"));
			xmlXPathObjectPtr v = NULL;
			xmlChar *s = NULL;

			if (e)
				v = xmlXPathEvalExpression(e, ctx);
			if (is_sch(d, "name") &&
			    (!e || (v && v->type == XPATH_NODESET && v->nodesetval &&
				    v->nodesetval->nodeNr > 0))) {
				xmlNodePtr n = e ? v->nodesetval->nodeTab[0] : node;
				s = xmlStrdup(n->name);
			} else if (v) {
				s = xmlXPathCastToString(v);
			}
			tf_buf__puts(b, s ? (const char *)s : "");
			xmlFree(s);
			xmlFree(e);
			xmlXPathFreeObject(v);
		}
	}
}

static void normalise(char *s)
{
	char *r = s, *w = s;
	int space = 1;

	for (; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
			if (!space)
				*w++ = ' ';
			space = 1;
		} else {
			*w++ = *r;
			space = 0;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

/* Checks one assert/report at node; returns 1 if it fired as an error. */
static int check_test(xmlXPathContextPtr ctx, const struct rule *ru, xmlNodePtr a,
		      xmlXPathCompExprPtr test, xmlNodePtr node, tf_constraints_mode mode,
		      const tf_posmap *pos, const char *file, tf_diag_list *diags)
{
	xmlChar *role;
	xmlXPathObjectPtr v;
	int fired, error = 0;
	tf_buf msg = TF_BUF_INIT;
	char rule[300];
	long line, col;
	char *path;
	xmlNodePtr el = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;

	if (!test)
		return 0;
	ctx->node = node;
	v = xmlXPathCompiledEval(test, ctx);
	if (!v)
		return 0;
	fired = xmlXPathCastToBoolean(v) == is_sch(a, "report");
	xmlXPathFreeObject(v);
	if (!fired)
		return 0;
	role = xmlGetProp(a, BAD_CAST "role");
	error =
	    mode == TF_CONSTRAINTS_STRICT && (!role || strcmp((const char *)role, "error") == 0 ||
					      strcmp((const char *)role, "fatal") == 0);
	snprintf(rule, sizeof rule, "tei:%s%s%s", ru->id, role ? " role=" : "",
		 role ? (const char *)role : "");
	xmlFree(role);
	message(&msg, ctx, a, node);
	if (msg.data)
		normalise(msg.data);
	tf_posmap__get(pos, el, &line, &col);
	path = tf_validate__path(node);
	tf_diag_list_add(diags, error ? TF_SEV_ERROR : TF_SEV_WARNING, file, line, col, path, rule,
			 msg.data ? msg.data : "constraint not met");
	free(path);
	tf_buf__free(&msg);
	return error;
}

static void bind_lets(xmlXPathContextPtr ctx, xmlNodePtr rule, xmlNodePtr node)
{
	xmlNodePtr l;

	for (l = rule->children; l; l = l->next) {
		xmlChar *name, *value;

		if (!is_sch(l, "let"))
			continue;
		name = xmlGetProp(l, BAD_CAST "name");
		value = xmlGetProp(l, BAD_CAST "value");
		ctx->node = node;
		if (name && value)
			xmlXPathRegisterVariable(ctx, name, xmlXPathEvalExpression(value, ctx));
		xmlFree(name);
		xmlFree(value);
	}
}

/* A rule's expressions, compiled for one document (compiled expressions
 * are never shared between threads). */
struct compiled {
	xmlXPathCompExprPtr self;
	xmlNodePtr tests[16];
	xmlXPathCompExprPtr comp[16];
	size_t n;
};

static void compile_rule(struct compiled *cr, xmlXPathContextPtr ctx, const struct rule *ru)
{
	xmlNodePtr a;

	memset(cr, 0, sizeof *cr);
	cr->self = ru->self ? xmlXPathCtxtCompile(ctx, BAD_CAST ru->self) : NULL;
	for (a = ru->node->children; a && cr->n < 16; a = a->next) {
		xmlChar *t;

		if (!is_sch(a, "assert") && !is_sch(a, "report"))
			continue;
		t = xmlGetProp(a, BAD_CAST "test");
		cr->comp[cr->n] = t ? xmlXPathCtxtCompile(ctx, t) : NULL;
		xmlFree(t);
		if (cr->comp[cr->n])
			cr->tests[cr->n++] = a;
	}
}

static void free_compiled(struct compiled *cr)
{
	size_t i;

	xmlXPathFreeCompExpr(cr->self);
	for (i = 0; i < cr->n; i++)
		xmlXPathFreeCompExpr(cr->comp[i]);
}

struct run {
	const tf_constraints *c;
	struct compiled *comp;
	xmlXPathContextPtr ctx;
	tf_constraints_mode mode;
	const tf_posmap *pos;
	const char *file;
	tf_diag_list *diags;
	size_t errors;
};

static size_t apply(struct run *r, size_t i, xmlNodePtr node)
{
	struct compiled *cr = &r->comp[i];
	size_t k, errors = 0;

	bind_lets(r->ctx, r->c->rules[i].node, node);
	for (k = 0; k < cr->n; k++)
		errors += (size_t)check_test(r->ctx, &r->c->rules[i], cr->tests[k], cr->comp[k],
					     node, r->mode, r->pos, r->file, r->diags);
	if (r->c->rules[i].node->children)
		xmlXPathRegisteredVariablesCleanup(r->ctx);
	return errors;
}

/* One walk evaluating every one-step rule on the elements it names. */
static void walk_rules(struct run *r, xmlNodePtr n)
{
	size_t i;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < r->c->count; i++) {
			const struct rule *ru = &r->c->rules[i];
			xmlXPathObjectPtr v;
			int match;

			if (!r->comp[i].self ||
			    (ru->target && strcmp(ru->target, (const char *)n->name)) ||
			    (ru->attr && !xmlHasProp(n, BAD_CAST ru->attr)))
				continue;
			r->ctx->node = n;
			v = xmlXPathCompiledEval(r->comp[i].self, r->ctx);
			match = v && xmlXPathCastToBoolean(v);
			xmlXPathFreeObject(v);
			if (match)
				r->errors += apply(r, i, n);
		}
		walk_rules(r, n->children);
	}
}

size_t tf_constraints__check(const tf_constraints *c, tf_constraints_mode mode, xmlDocPtr doc,
			     const tf_posmap *pos, const char *file, tf_diag_list *diags)
{
	xmlHashTablePtr names = NULL;
	struct run r;
	size_t i;

	if (!c || mode == TF_CONSTRAINTS_OFF)
		return 0;
	memset(&r, 0, sizeof r);
	r.c = c;
	r.mode = mode;
	r.pos = pos;
	r.file = file;
	r.diags = diags;
	r.errors = tf_checks__run(doc, mode, pos, file, diags, &names);
	r.ctx = xmlXPathNewContext(doc);
	r.comp = calloc(c->count ? c->count : 1, sizeof *r.comp);
	if (!r.ctx || !r.comp)
		goto done;
	xmlSetStructuredErrorFunc(NULL, quiet);
	register_ns(r.ctx, c->ns_first);
	for (i = 0; i < c->count; i++) {
		const struct rule *ru = &c->rules[i];

		if (ru->target && names && !xmlHashLookup(names, BAD_CAST ru->target))
			continue;
		if (ru->attr && names && !xmlHashLookup2(names, BAD_CAST "@", BAD_CAST ru->attr))
			continue;
		compile_rule(&r.comp[i], r.ctx, ru);
	}
	walk_rules(&r, xmlDocGetRootElement(doc));
	for (i = 0; i < c->count; i++) {
		xmlXPathObjectPtr set;
		int j;

		if (r.comp[i].self || r.comp[i].n == 0)
			continue; /* one-step rules ran in the walk; others not compiled */
		r.ctx->node = (xmlNodePtr)doc;
		set = xmlXPathEvalExpression(BAD_CAST c->rules[i].select, r.ctx);
		for (j = 0; set && set->type == XPATH_NODESET && set->nodesetval &&
			    j < set->nodesetval->nodeNr;
		     j++)
			r.errors += apply(&r, i, set->nodesetval->nodeTab[j]);
		xmlXPathFreeObject(set);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
done:
	for (i = 0; r.comp && i < c->count; i++)
		free_compiled(&r.comp[i]);
	free(r.comp);
	xmlXPathFreeContext(r.ctx);
	xmlHashFree(names, NULL);
	return r.errors;
}

/* SPDX-License-Identifier: MIT */
/*
 * prune_rules.c — the simplification rules of tf_rng_prune() on tiny
 * hand-written grammars (the .rng files in rules/), driven by rules.tsv:
 * each line prunes a grammar to some names and validates a document against
 * the pruned and the original grammar.  Every pruned schema is also checked
 * for leftovers: a notAllowed may only stand alone as the body of a define
 * or start (a dead part of a combined one), and no empty may sit beside
 * other patterns.
 *
 * Usage: prune_rules DIR OUT_DIR (DIR holds rules.tsv and rules/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "teiforge/teiforge.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

static int is_rng(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

/* Number of RelaxNG children of n that are patterns (not a name class). */
static int count_rng_children(xmlNodePtr n)
{
	int k = 0;

	if ((is_rng(n, "element") || is_rng(n, "attribute")) && !xmlHasProp(n, BAD_CAST "name"))
		k = -1;
	for (n = n->children; n; n = n->next)
		k += n->type == XML_ELEMENT_NODE && n->ns &&
		     xmlStrEqual(n->ns->href, BAD_CAST RNG_NS);
	return k;
}

/* Returns the number of leftover notAllowed / misplaced empty in n. */
static int leftovers(xmlNodePtr n)
{
	int bad = 0;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "notAllowed") &&
		    !((is_rng(n->parent, "define") || is_rng(n->parent, "start")) &&
		      count_rng_children(n->parent) == 1))
			bad++;
		if (is_rng(n, "empty") && !is_rng(n->parent, "choice") &&
		    count_rng_children(n->parent) > 1)
			bad++;
		bad += leftovers(n->children);
	}
	return bad;
}

/* Validates the document text against the schema at path: 1 valid, 0
 * invalid, -1 the schema did not compile. */
static int verdict(const char *schema_path, const char *xml)
{
	tf_schema *schema = NULL;
	tf_doc *doc = NULL;
	int valid = 0;

	if (tf_schema_load(&schema, schema_path, NULL) < 0)
		return -1;
	if (tf_doc_load_memory(&doc, xml, strlen(xml), "case", NULL) == 0 &&
	    tf_validate_doc(&valid, schema, doc, NULL) < 0)
		valid = 0;
	tf_doc_free(doc);
	tf_schema_free(schema);
	return valid;
}

/* Prunes grammar to the comma-separated names; writes out.  Returns 0,
 * negative if tf_rng_prune failed, 1 if leftovers were found. */
static int prune(const char *grammar, char *names, const char *out)
{
	const char *keep[64];
	size_t n = 0;
	char *tok;
	tf_doc *src = NULL, *dst = NULL;
	xmlDocPtr pruned = NULL;
	int rc, bad = 0;

	for (tok = strtok(names, ","); tok && n < 64; tok = strtok(NULL, ","))
		keep[n++] = tok;
	rc = tf_doc_load_file(&src, grammar, NULL);
	if (rc == 0)
		rc = tf_rng_prune(&pruned, tf_doc_xml(src), keep, n);
	if (rc == 0) {
		bad = leftovers(xmlDocGetRootElement(pruned));
		if ((rc = tf_doc_wrap(&dst, pruned, out)) < 0)
			xmlFreeDoc(pruned);
	}
	if (rc == 0)
		rc = tf_doc_save(dst, out);
	tf_doc_free(dst);
	tf_doc_free(src);
	return rc < 0 ? rc : bad > 0;
}

/* Runs one line of rules.tsv; returns 0 if it passed. */
static int run_case(const char *dir, const char *outdir, char *line, int lineno)
{
	char *f[5], grammar[4096], out[4096], keep[1024];
	int i, rc, got, orig;

	for (i = 0; i < 5; i++) {
		f[i] = line;
		line = strchr(line, '\t');
		if (!line && i < 4) {
			printf("rules.tsv:%d: five tab-separated fields expected\n", lineno);
			return 1;
		}
		if (line)
			*line++ = '\0';
	}
	snprintf(grammar, sizeof grammar, "%s/rules/%s", dir, f[0]);
	snprintf(out, sizeof out, "%s/rules-%d.rng", outdir, lineno);
	orig = verdict(grammar, f[2]);
	snprintf(keep, sizeof keep, "%s", f[1]);
	rc = prune(grammar, keep, out);
	if (strcmp(f[3], "error") == 0)
		got = rc < 0 ? 2 : 3;
	else
		got = rc == 0 ? verdict(out, f[2]) : rc > 0 ? 4 : 5;
	if ((strcmp(f[0], "include.rng") != 0 && orig != (strcmp(f[4], "valid") == 0)) ||
	    got != (strcmp(f[3], "valid") == 0   ? 1
		    : strcmp(f[3], "error") == 0 ? 2
						 : 0)) {
		printf("FAIL rules.tsv:%d %s keep=%s %s: pruned %s (expected %s), original %s "
		       "(expected %s)%s%s\n",
		       lineno, f[0], f[1], f[2],
		       got == 1    ? "valid"
		       : got == 0  ? "invalid"
		       : got == 2  ? "error"
		       : got == 4  ? "leftover notAllowed/empty"
		       : got == -1 ? "not compiled"
				   : "no error",
		       f[3],
		       orig == 1   ? "valid"
		       : orig == 0 ? "invalid"
				   : "not compiled",
		       f[4], rc < 0 ? ": " : "", rc < 0 ? tf_error_last() : "");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char path[4096], *data = NULL, *line, *nl;
	size_t len;
	int lineno = 0, cases = 0, failed = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: prune_rules DIR OUT_DIR\n");
		return 2;
	}
	if (tf_init() < 0)
		return 2;
	snprintf(path, sizeof path, "%s/rules.tsv", argv[1]);
	if (tf_read_file(&data, &len, path) < 0) {
		fprintf(stderr, "prune_rules: %s\n", tf_error_last());
		return 2;
	}
	for (line = data; line && *line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		lineno++;
		if (*line == '#' || !*line)
			continue;
		cases++;
		failed += run_case(argv[1], argv[2], line, lineno);
	}
	free(data);
	printf("%d cases, %d failed\n", cases, failed);
	tf_shutdown();
	return failed ? 1 : 0;
}

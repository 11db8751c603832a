/* SPDX-License-Identifier: MIT */
/*
 * prune_corpus.c — proves tf_rng_prune() on real documents: tei_all.rng is
 * pruned to the union of the element names of ../shared/corpus, and every
 * corpus file must get, against the pruned schema, the verdict
 * corpus/EXPECTED.tsv records for full tei_all (jing).  Files marked
 * xinclude=yes are validated after XInclude, whose targets are refused by
 * teiforge's loader, so their xi:fallback is used, as with jing.
 *
 * Usage: prune_corpus SHARED_DIR OUT_DIR.  Prints timings; exits 77 (the
 * CTest skip code) when SHARED_DIR is absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <libxml/xinclude.h>
#include "teiforge/teiforge.h"

#define SKIP 77
#define MAX_FILES 4096

struct entry {
	char *file;
	int valid; /* expected verdict */
	int xinclude;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void quiet(void *data, xmlErrorPtr err)
{
	(void)data;
	(void)err;
}

/* Reads EXPECTED.tsv into entries; returns their number or -1. */
static int read_expected(struct entry *e, const char *path)
{
	char *data = NULL, *line, *nl;
	size_t len;
	int n = 0;

	if (tf_read_file(&data, &len, path) < 0)
		return -1;
	for (line = data; line && *line && n < MAX_FILES; line = nl) {
		char *verdict, *xi;

		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		if (*line == '#' || strncmp(line, "file\t", 5) == 0 || !*line)
			continue;
		verdict = strchr(line, '\t');
		xi = verdict ? strchr(verdict + 1, '\t') : NULL;
		if (!xi)
			continue;
		*verdict++ = '\0';
		*xi++ = '\0';
		e[n].file = strdup(line);
		if (!e[n].file)
			break;
		e[n].valid = strcmp(verdict, "valid") == 0;
		e[n].xinclude = strncmp(xi, "yes", 3) == 0;
		n++;
	}
	free(data);
	return n;
}

/* Loads corpus file e (with XInclude if marked); NULL if not well-formed. */
static tf_doc *load(const char *corpus, const struct entry *e, tf_diag_list *diags)
{
	char path[4096];
	tf_doc *doc = NULL;

	snprintf(path, sizeof path, "%s/%s", corpus, e->file);
	if (tf_doc_load_file(&doc, path, diags) < 0)
		return NULL;
	if (e->xinclude &&
	    xmlXIncludeProcessFlags(tf_doc_xml(doc), XML_PARSE_NONET | XML_PARSE_NOXINCNODE) < 0) {
		tf_doc_free(doc);
		return NULL;
	}
	return doc;
}

static int gather_names(tf_name_set *names, const char *corpus, const struct entry *e, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		tf_doc *doc = load(corpus, &e[i], NULL);

		if (doc && tf_name_set_add_doc(names, doc) < 0) {
			tf_doc_free(doc);
			return -1;
		}
		tf_doc_free(doc);
	}
	return 0;
}

static int prune_to(const char *out, const char *tei_all, const tf_name_set *names)
{
	tf_doc *all = NULL, *pruned = NULL;
	xmlDocPtr xml = NULL;
	int rc = tf_doc_load_file(&all, tei_all, NULL);

	if (rc == 0)
		rc = tf_rng_prune(&xml, tf_doc_xml(all), tf_name_set_items(names),
				  tf_name_set_count(names));
	if (rc == 0 && (rc = tf_doc_wrap(&pruned, xml, out)) < 0)
		xmlFreeDoc(xml);
	if (rc == 0)
		rc = tf_doc_save(pruned, out);
	tf_doc_free(pruned);
	tf_doc_free(all);
	return rc;
}

/* Validates every entry; returns the number of verdicts that differ. */
static int check_all(const tf_schema *schema, const char *corpus, const struct entry *e, int n,
		     double *t_validate)
{
	int i, wrong = 0, nvalid = 0;

	*t_validate = 0;
	for (i = 0; i < n; i++) {
		tf_diag_list *diags = NULL;
		tf_doc *doc;
		int valid = 0;
		double t0;

		if (tf_diag_list_new(&diags) < 0)
			return n;
		doc = load(corpus, &e[i], diags);
		t0 = now();
		if (doc && tf_validate_doc(&valid, schema, doc, diags) < 0)
			valid = 0;
		*t_validate += now() - t0;
		if (tf_diag_list_count_at_least(diags, TF_SEV_ERROR) > 0)
			valid = 0;
		nvalid += valid;
		if (valid != e[i].valid) {
			wrong++;
			printf("MISMATCH %s: expected %s, got %s\n", e[i].file,
			       e[i].valid ? "valid" : "invalid", valid ? "valid" : "invalid");
			if (!valid && tf_diag_list_count(diags) > 0)
				tf_diag_print(stdout, tf_diag_list_get(diags, 0));
		}
		tf_doc_free(doc);
		tf_diag_list_free(diags);
	}
	printf("verdicts: %d valid, %d invalid, %d differ from EXPECTED.tsv\n", nvalid, n - nvalid,
	       wrong);
	return wrong;
}

int main(int argc, char **argv)
{
	static struct entry e[MAX_FILES];
	char corpus[4096], path[4200], out[4200];
	tf_name_set *names = NULL;
	tf_schema *schema = NULL;
	struct stat st;
	double t0, t_prune, t_load, t_run, t_validate;
	int n, i, wrong = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: prune_corpus SHARED_DIR OUT_DIR\n");
		return 2;
	}
	if (stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("skipped: ../shared not found (%s)\n", argv[1]);
		return SKIP;
	}
	if (tf_init() < 0)
		return 2;
	xmlSetStructuredErrorFunc(NULL, quiet); /* XInclude reports refused loads */
	snprintf(corpus, sizeof corpus, "%s/corpus", argv[1]);
	snprintf(path, sizeof path, "%s/corpus/EXPECTED.tsv", argv[1]);
	n = read_expected(e, path);
	if (n <= 0 || tf_name_set_new(&names) < 0 || gather_names(names, corpus, e, n) < 0) {
		fprintf(stderr, "prune_corpus: cannot read the corpus: %s\n", tf_error_last());
		goto done;
	}
	printf("%d corpus files, %zu element names\n", n, tf_name_set_count(names));
	snprintf(path, sizeof path, "%s/schemas-ref/tei_all.rng", argv[1]);
	snprintf(out, sizeof out, "%s/tei_all-corpus.rng", argv[2]);
	t0 = now();
	if (prune_to(out, path, names) < 0) {
		fprintf(stderr, "prune_corpus: pruning failed: %s\n", tf_error_last());
		goto done;
	}
	t_prune = now() - t0;
	t0 = now();
	if (tf_schema_load(&schema, out, NULL) < 0) {
		fprintf(stderr, "prune_corpus: %s\n", tf_error_last());
		goto done;
	}
	t_load = now() - t0;
	t0 = now();
	wrong = check_all(schema, corpus, e, n, &t_validate);
	t_run = now() - t0;
	printf("prune %.3f s, compile (libxml2) %.3f s, parse+validate %.3f s "
	       "(validation alone %.3f s)\n",
	       t_prune, t_load, t_run, t_validate);
done:
	tf_schema_free(schema);
	tf_name_set_free(names);
	for (i = 0; i < n; i++)
		free(e[i].file);
	tf_shutdown();
	return wrong ? 1 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * cmd_build.c — "teiforge build": for each article, convert, validate
 * against the project schema and render every format into one folder.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

static const char description[] =
    "For each ARTICLE.txt writes into DIR:\n"
    "  NAME.xml   the TEI edition (validated against the project schema)\n"
    "  NAME.html  the web edition       NAME.txt   plain text\n"
    "  NAME.bib   biblatex record       NAME.ris   RIS record\n"
    "  NAME.json  CSL-JSON record\n"
    "NAME is the article's file name without .txt.  A NAME.yaml beside the\n"
    "article supplies metadata.  Each output is written whole or not at all.\n"
    "\n"
    "Example:\n"
    "  teiforge build articles/*.txt -o out/";

static const struct {
	const char *format;
	const char *ext;
} outputs[] = {
    {"html", "html"}, {"text", "txt"}, {"bibtex", "bib"}, {"ris", "ris"}, {"csl-json", "json"}};

static char *stem_of(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;
	char *s;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".txt") == 0)
		n -= 4;
	s = malloc(n + 1);
	if (s) {
		memcpy(s, base, n);
		s[n] = '\0';
	}
	return s;
}

static int build_one(const tf_cli *cli, const char *article, const char *dir,
		     const tf_schema *schema)
{
	tf_convert_options co = TF_CONVERT_OPTIONS_INIT;
	tf_diag_list *diags = NULL;
	tf_doc *doc = NULL;
	char *stem = stem_of(article), path[4096];
	size_t i;
	int rc, valid = 0, status = TF_EXIT_OK;

	if (!stem || tf_diag_list_new(&diags) < 0) {
		status = TF_EXIT_USAGE;
		goto done;
	}
	rc = tf_convert_file(&doc, article, &co, diags);
	if (rc < 0) {
		tf_cli_print_diags(cli->err, diags);
		tf_cli_error(cli, "build", "%s", tf_error_last());
		status = rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
		goto done;
	}
	if (tf_validate_doc(&valid, schema, doc, diags) < 0 || !valid) {
		tf_cli_print_diags(cli->err, diags);
		tf_cli_error(cli, "build", "%s: the TEI written is not valid; nothing written",
			     article);
		status = TF_EXIT_INVALID;
		goto done;
	}
	tf_cli_print_diags(cli->err, diags);
	snprintf(path, sizeof path, "%s/%s.xml", dir, stem);
	if (tf_doc_save(doc, path) < 0) {
		tf_cli_error(cli, "build", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
		goto done;
	}
	fprintf(cli->out, "%s\n", path);
	for (i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
		tf_render_options ro = TF_RENDER_OPTIONS_INIT;
		char *result = NULL;
		size_t len = 0;

		ro.format = outputs[i].format;
		snprintf(path, sizeof path, "%s/%s.%s", dir, stem, outputs[i].ext);
		if (tf_render(&result, &len, doc, &ro) < 0 ||
		    tf_write_file_atomic(path, result, len) < 0) {
			tf_cli_error(cli, "build", "%s: %s", path, tf_error_last());
			status = TF_EXIT_USAGE;
		} else {
			fprintf(cli->out, "%s\n", path);
		}
		free(result);
	}
done:
	free(stem);
	tf_doc_free(doc);
	tf_diag_list_free(diags);
	return status;
}

int cmd_build(const tf_cli *cli, int argc, char **argv)
{
	const char *dir = NULL;
	const tf_opt opts[] = {{TF_OPT_STRING, 'o', "output", "DIR",
				"folder to write into (created if missing; required)", &dir},
			       {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {"build", "ARTICLE.txt... -o DIR",
				  "Convert, validate and render articles into a folder.",
				  description, opts};
	tf_cli_list pos = {0};
	tf_schema *schema = NULL;
	tf_diag_list *sd = NULL;
	size_t i;
	int rc, status = TF_EXIT_OK;

	rc = tf_cli_parse(cli, &spec, argc, argv, &pos);
	if (rc != 0) {
		tf_cli_list_free(&pos);
		return rc == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
	}
	if (!dir || pos.count == 0) {
		tf_cli_error(cli, "build", "%s (try --help)",
			     !dir ? "-o DIR is required" : "no ARTICLE.txt given");
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		tf_cli_error(cli, "build", "%s: cannot create folder: %s", dir, strerror(errno));
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	if (tf_diag_list_new(&sd) < 0 || tf_schema_load(&schema, NULL, sd) < 0) {
		tf_cli_print_diags(cli->err, sd);
		tf_cli_error(cli, "build", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
		goto done;
	}
	for (i = 0; i < pos.count; i++) {
		rc = build_one(cli, pos.items[i], dir, schema);
		if (rc > status)
			status = rc;
	}
done:
	tf_schema_free(schema);
	tf_diag_list_free(sd);
	tf_cli_list_free(&pos);
	return status;
}

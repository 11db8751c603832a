/* SPDX-License-Identifier: MIT */
/*
 * cmd_validate.c — "teiforge validate": files and directories against a
 * RelaxNG schema and TEI's own constraints, in one batch (tf_batch_run),
 * reported in the format asked for (tf_report_write).  Progress goes to
 * stderr when it is a terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char description[] =
    "Checks each FILE, and every *.xml under each DIR, for well-formedness and\n"
    "against a RelaxNG schema (XML syntax): by default the project schema\n"
    "(schemas/teiforge.rng), or the one given with --schema, e.g. tei_all.rng.\n"
    "The schema is pruned to the elements the files use (same verdicts, a\n"
    "fraction of libxml2's compile time), compiled once and shared by -j\n"
    "worker threads.  One bad file never stops the batch; results are in\n"
    "input order, each problem once, at the line and column where its start\n"
    "tag ends, with the element's path and what the schema expected.\n"
    "\n"
    "TEI's own constraints are checked too: the XPath 1.0 rules of TEI's\n"
    "Schematron (schemas/tei-constraints.xml, from TEI P5 4.12.0 tei_all;\n"
    "rules needing XPath 2 are skipped) and native checks: #id references\n"
    "resolve [tf-ref], xml:lang is BCP 47 [tf-lang], from <= to and notBefore\n"
    "<= notAfter [tf-date], notes numbered in sequence [tf-note].  Their\n"
    "findings are warnings and leave the verdict to RelaxNG (the verdict jing\n"
    "gives), unless --constraints strict: then findings of rules whose role is\n"
    "error (or unset), tf-ref, tf-lang and tf-date are errors.\n"
    "\n"
    "Formats: text (FILE:LINE:COL: error|warning: MESSAGE (PATH) [RULE]),\n"
    "json, junit (a testcase per file), github (::error workflow commands),\n"
    "sarif (2.1.0).\n"
    "\n"
    "Exit status: 0 every file valid, 1 some file invalid or not well-formed,\n"
    "2 could not run (usage, unreadable schema or file).\n"
    "\n"
    "Examples:\n"
    "  teiforge validate edition.xml\n"
    "  teiforge validate --schema tei_all.rng --xinclude -j 2 corpus/\n"
    "  teiforge validate --schema tei_all.rng --format sarif -o report.sarif letters/";

/* Progress on a terminal: one line rewritten in place. */
static void progress(void *data, const char *stage, size_t done, size_t total)
{
	FILE *err = data;

	if (strcmp(stage, "compile") == 0)
		fprintf(err, "\rcompiling schema... %.1f s   ", (double)done / 1000.0);
	else
		fprintf(err, "\r%s: %zu/%zu files   ", stage, done, total);
	fflush(err);
}

static int parse_mode(const tf_cli *cli, const char *s, tf_constraints_mode *mode)
{
	if (!s || strcmp(s, "warn") == 0)
		*mode = TF_CONSTRAINTS_WARN;
	else if (strcmp(s, "off") == 0)
		*mode = TF_CONSTRAINTS_OFF;
	else if (strcmp(s, "strict") == 0)
		*mode = TF_CONSTRAINTS_STRICT;
	else {
		tf_cli_error(cli, "validate", "--constraints takes off, warn or strict, not '%s'",
			     s);
		return -1;
	}
	return 0;
}

int cmd_validate(const tf_cli *cli, int argc, char **argv)
{
	tf_batch_options bo = TF_BATCH_OPTIONS_INIT;
	const char *format = "text", *out_path = NULL, *cons = NULL;
	int quiet = 0, no_progress = 0;
	const tf_opt opts[] = {
	    {TF_OPT_STRING, 's', "schema", "RNG", "RelaxNG schema (default: the project schema)",
	     &bo.schema_path},
	    {TF_OPT_FLAG, 'x', "xinclude", NULL,
	     "expand xi:include of local files first (else xi:fallback)", &bo.xinclude},
	    {TF_OPT_INT, 'j', "jobs", "N", "worker threads (default: the number of cores)",
	     &bo.jobs},
	    {TF_OPT_STRING, 'f', "format", "FMT",
	     "text, json, junit, github or sarif (default text)", &format},
	    {TF_OPT_STRING, 'o', "output", "FILE", "write the report to FILE (default stdout)",
	     &out_path},
	    {TF_OPT_STRING, 'c', "constraints", "MODE",
	     "TEI constraints: off, warn (default), strict", &cons},
	    {TF_OPT_STRING, 0, "constraints-file", "XML",
	     "constraints data (default schemas/tei-constraints.xml)", &bo.constraints_path},
	    {TF_OPT_FLAG, 0, "no-prune", NULL, "compile the whole schema (slow for tei_all)",
	     &bo.no_prune},
	    {TF_OPT_FLAG, 0, "no-progress", NULL, "no progress on stderr, even on a terminal",
	     &no_progress},
	    {TF_OPT_FLAG, 'q', "quiet", NULL, "text: print nothing for valid files, no summary",
	     &quiet},
	    {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {"validate",
				  "[--schema RNG] [--xinclude] [-j N] [--format FMT] FILE|DIR...",
				  "Validate TEI documents.", description, opts};
	tf_cli_list pos = {0};
	tf_batch *batch = NULL;
	tf_diag_list *run = NULL;
	char *report = NULL;
	size_t len = 0, i;
	int rc, status = TF_EXIT_OK;

	rc = tf_cli_parse(cli, &spec, argc, argv, &pos);
	if (rc != 0) {
		tf_cli_list_free(&pos);
		return rc == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
	}
	if (pos.count == 0 || parse_mode(cli, cons, &bo.constraints) < 0) {
		if (pos.count == 0)
			tf_cli_error(cli, "validate", "no FILE or DIR given (try --help)");
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	if (!no_progress && isatty(fileno(cli->err))) {
		bo.progress = progress;
		bo.progress_data = cli->err;
	}
	rc = tf_diag_list_new(&run);
	if (rc == 0)
		rc = tf_batch_run(&batch, pos.items, pos.count, &bo, run);
	if (bo.progress)
		fputs("\r\033[K", cli->err);
	if (rc == 0)
		rc = tf_report_write(&report, &len, batch, format, quiet);
	if (rc == 0 && out_path)
		rc = tf_write_file_atomic(out_path, report, len);
	else if (rc == 0)
		fwrite(report, 1, len, cli->out);
	if (rc < 0) {
		tf_cli_print_diags(cli->err, run);
		tf_cli_error(cli, "validate", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
		goto done;
	}
	for (i = 0; i < tf_batch_count(batch); i++) {
		tf_file_status s = tf_batch_get(batch, i)->status;

		if (s == TF_FILE_ERROR)
			status = TF_EXIT_USAGE;
		else if (s == TF_FILE_INVALID && status == TF_EXIT_OK)
			status = TF_EXIT_INVALID;
	}
done:
	free(report);
	tf_batch_free(batch);
	tf_diag_list_free(run);
	tf_cli_list_free(&pos);
	return status;
}

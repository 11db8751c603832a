/* SPDX-License-Identifier: MIT */
/*
 * cli.c — tf_cli_main(): dispatches "teiforge SUBCOMMAND ..." to the
 * cmd_<name>() functions, prints the global --help and --version.
 */
#include <string.h>
#include "cli.h"

typedef struct {
	const char *name;
	int (*run)(const tf_cli *cli, int argc, char **argv);
	const char *summary;
} subcommand;

static const subcommand subcommands[] = {
    {"convert", cmd_convert, "article text (PDF extraction) -> TEI P5"},
    {"validate", cmd_validate, "check TEI files against a RelaxNG schema"},
    {"render", cmd_render, "TEI -> html, text, bibtex, ris, csl-json"},
    {"build", cmd_build, "convert, validate and render articles into a folder"},
    {"schema", cmd_schema, "prune a RelaxNG schema to the elements a project uses"},
    {NULL, NULL, NULL}};

static void usage(const tf_cli *cli, FILE *fp)
{
	const subcommand *s;

	fprintf(fp,
		"Usage: %s COMMAND [OPTIONS] [ARGS]\n\n"
		"teiforge turns scholarly articles into TEI P5 editions, validates TEI\n"
		"and renders it for the web, for reading and for reference managers.\n\n"
		"Commands:\n",
		cli->prog);
	for (s = subcommands; s->name; s++)
		fprintf(fp, "  %-10s %s\n", s->name, s->summary);
	fprintf(fp,
		"\nRun '%s COMMAND --help' for the options of each command.\n"
		"'-' stands for standard input or output wherever a file is expected.\n\n"
		"Example:\n"
		"  %s build article.txt -o out/\n\n"
		"Exit status: 0 success, 1 invalid input or document, 2 usage or I/O error.\n",
		cli->prog, cli->prog);
}

int tf_cli_main(int argc, char **argv, FILE *out, FILE *err)
{
	tf_cli cli = {out, err, "teiforge"};
	const subcommand *s;
	int rc;

	if (argc < 2) {
		usage(&cli, err);
		return TF_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(&cli, out);
		return TF_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		fprintf(out, "teiforge %s\n", tf_version());
		return TF_EXIT_OK;
	}
	for (s = subcommands; s->name; s++) {
		if (strcmp(argv[1], s->name) == 0)
			break;
	}
	if (!s->name) {
		tf_cli_error(&cli, NULL, "unknown command '%s' (try '%s --help')", argv[1],
			     cli.prog);
		return TF_EXIT_USAGE;
	}
	if (tf_init() < 0) {
		tf_cli_error(&cli, NULL, "%s", tf_error_last());
		return TF_EXIT_USAGE;
	}
	rc = s->run(&cli, argc - 2, argv + 2);
	fflush(out);
	tf_shutdown();
	return rc;
}

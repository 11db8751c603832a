/* SPDX-License-Identifier: MIT */
/*
 * cli.h — the teiforge command line: a declarative option table per
 * subcommand (which also prints --help), the exit statuses, and one
 * cmd_<name>() per subcommand.  The CLI includes only the public headers.
 */
#ifndef TF_CLI_H
#define TF_CLI_H

#include <stdio.h>
#include "teiforge/teiforge.h"

/* Exit statuses, documented in --help and the man page. */
enum {
	TF_EXIT_OK = 0, /* success; every document valid */
	TF_EXIT_INVALID = 1, /* invalid input or document */
	TF_EXIT_USAGE = 2 /* usage, I/O or internal error */
};

typedef enum {
	TF_OPT_FLAG, /* sets *(int *)target = 1 */
	TF_OPT_STRING, /* sets *(const char **)target */
	TF_OPT_INT, /* sets *(int *)target */
	TF_OPT_LIST /* appends to a tf_cli_list */
} tf_opt_kind;

typedef struct {
	tf_opt_kind kind;
	char short_name; /* 0 if none */
	const char *long_name;
	const char *value; /* placeholder in --help, e.g. "FILE" */
	const char *help;
	void *target;
} tf_opt;

typedef struct {
	const char **items;
	size_t count;
	size_t cap;
} tf_cli_list;

/* What every subcommand gets: streams and the program name. */
typedef struct {
	FILE *out;
	FILE *err;
	const char *prog;
} tf_cli;

typedef struct {
	const char *name;
	const char *usage; /* e.g. "ARTICLE.txt [-o OUT.xml]" */
	const char *summary; /* one line */
	const char *description; /* paragraphs for --help */
	const tf_opt *opts; /* terminated by an entry with long_name NULL */
} tf_cmd_spec;

/* Parses argv (after the subcommand name) against spec.  Positional
 * arguments go to *positional.  Returns 0, 1 if --help was printed, or
 * TF_EXIT_USAGE after printing a message. */
int tf_cli_parse(const tf_cli *cli, const tf_cmd_spec *spec, int argc, char **argv,
		 tf_cli_list *positional);
void tf_cli_help(const tf_cli *cli, const tf_cmd_spec *spec, FILE *fp);
int tf_cli_list_push(tf_cli_list *l, const char *s);
void tf_cli_list_free(tf_cli_list *l);
/* Prints "teiforge CMD: message" to cli->err. */
void tf_cli_error(const tf_cli *cli, const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Prints every diagnostic of list to fp. */
void tf_cli_print_diags(FILE *fp, const tf_diag_list *list);

int tf_cli_main(int argc, char **argv, FILE *out, FILE *err);

int cmd_convert(const tf_cli *cli, int argc, char **argv);
int cmd_validate(const tf_cli *cli, int argc, char **argv);
int cmd_render(const tf_cli *cli, int argc, char **argv);
int cmd_build(const tf_cli *cli, int argc, char **argv);
int cmd_schema(const tf_cli *cli, int argc, char **argv);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * opts.c — the option parser behind every subcommand: a declarative table
 * of options drives both parsing (-o FILE, --out FILE, --out=FILE, "--"
 * ending options, "-" as a positional) and the --help text.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int tf_cli_list_push(tf_cli_list *l, const char *s)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		const char **p = realloc(l->items, cap * sizeof *p);
		if (!p)
			return -1;
		l->items = p;
		l->cap = cap;
	}
	l->items[l->count++] = s;
	return 0;
}

void tf_cli_list_free(tf_cli_list *l)
{
	free(l->items);
	l->items = NULL;
	l->count = l->cap = 0;
}

void tf_cli_error(const tf_cli *cli, const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(cli->err, "%s%s%s: ", cli->prog, cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(cli->err, fmt, ap);
	va_end(ap);
	fputc('\n', cli->err);
}

void tf_cli_print_diags(FILE *fp, const tf_diag_list *list)
{
	size_t i;

	for (i = 0; i < tf_diag_list_count(list); i++)
		tf_diag_print(fp, tf_diag_list_get(list, i));
}

void tf_cli_help(const tf_cli *cli, const tf_cmd_spec *spec, FILE *fp)
{
	const tf_opt *o;
	char left[64];

	fprintf(fp, "Usage: %s %s %s\n\n%s\n", cli->prog, spec->name, spec->usage, spec->summary);
	if (spec->description)
		fprintf(fp, "\n%s\n", spec->description);
	fprintf(fp, "\nOptions:\n");
	for (o = spec->opts; o && o->long_name; o++) {
		if (o->short_name)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->long_name,
				 o->value ? " " : "", o->value ? o->value : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->long_name,
				 o->value ? " " : "", o->value ? o->value : "");
		fprintf(fp, "  %-26s %s\n", left, o->help);
	}
	fprintf(fp, "  %-26s %s\n", "-h, --help", "show this help and exit");
	fprintf(fp, "\nExit status: 0 success, 1 invalid input or document, "
		    "2 usage or I/O error.\n");
}

static const tf_opt *find_long(const tf_opt *opts, const char *name, size_t n)
{
	for (; opts && opts->long_name; opts++)
		if (strlen(opts->long_name) == n && strncmp(opts->long_name, name, n) == 0)
			return opts;
	return NULL;
}

static const tf_opt *find_short(const tf_opt *opts, char c)
{
	for (; opts && opts->long_name; opts++)
		if (opts->short_name == c)
			return opts;
	return NULL;
}

static int set_value(const tf_cli *cli, const tf_cmd_spec *spec, const tf_opt *o, const char *value)
{
	char *end;
	long v;

	switch (o->kind) {
	case TF_OPT_FLAG:
		*(int *)o->target = 1;
		return 0;
	case TF_OPT_STRING:
		*(const char **)o->target = value;
		return 0;
	case TF_OPT_LIST:
		return tf_cli_list_push(o->target, value) < 0 ? TF_EXIT_USAGE : 0;
	case TF_OPT_INT:
		v = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || v < 0 || v > 4096) {
			tf_cli_error(cli, spec->name, "--%s needs a whole number, not '%s'",
				     o->long_name, value);
			return TF_EXIT_USAGE;
		}
		*(int *)o->target = (int)v;
		return 0;
	}
	return TF_EXIT_USAGE;
}

int tf_cli_parse(const tf_cli *cli, const tf_cmd_spec *spec, int argc, char **argv,
		 tf_cli_list *positional)
{
	int i, only_positional = 0;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		const tf_opt *o = NULL;
		const char *value = NULL;

		if (only_positional || a[0] != '-' || a[1] == '\0') {
			if (tf_cli_list_push(positional, a) < 0)
				return TF_EXIT_USAGE;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_positional = 1;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			tf_cli_help(cli, spec, cli->out);
			return 1;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			o = find_long(spec->opts, a + 2, n);
			if (eq)
				value = eq + 1;
		} else {
			o = find_short(spec->opts, a[1]);
			if (o && a[2] != '\0')
				value = a + 2;
		}
		if (!o) {
			tf_cli_error(cli, spec->name, "unknown option '%s' (try '%s %s --help')", a,
				     cli->prog, spec->name);
			return TF_EXIT_USAGE;
		}
		if (o->kind == TF_OPT_FLAG) {
			if (value) {
				tf_cli_error(cli, spec->name, "--%s takes no value", o->long_name);
				return TF_EXIT_USAGE;
			}
		} else if (!value) {
			if (i + 1 >= argc) {
				tf_cli_error(cli, spec->name, "--%s needs a value (%s)",
					     o->long_name, o->value ? o->value : "VALUE");
				return TF_EXIT_USAGE;
			}
			value = argv[++i];
		}
		if (set_value(cli, spec, o, value) != 0)
			return TF_EXIT_USAGE;
	}
	return 0;
}

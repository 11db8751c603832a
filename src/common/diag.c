/* SPDX-License-Identifier: MIT */
/*
 * diag.c — the diagnostics list filled by parsing, validation and
 * conversion, and its one-line text form "FILE:LINE:COL: error: MESSAGE".
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct tf_diag_list {
	tf_diag *items;
	size_t count;
	size_t cap;
};

int tf_diag_list_new(tf_diag_list **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : tf_error__set(TF_ENOMEM, "out of memory");
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int tf_diag_list_add(tf_diag_list *list, tf_severity severity, const char *file, long line,
		     long column, const char *path, const char *rule, const char *message)
{
	tf_diag *d, *p;

	if (!list)
		return 0;
	p = tf_array__reserve(list->items, list->count, &list->cap, sizeof *p, 16);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	list->items = p;
	d = &list->items[list->count];
	memset(d, 0, sizeof *d);
	d->severity = severity;
	d->line = line;
	d->column = column;
	d->file = dup_or_null(file);
	d->path = dup_or_null(path);
	d->rule = dup_or_null(rule);
	d->message = strdup(message ? message : "");
	if ((file && !d->file) || (path && !d->path) || (rule && !d->rule) || !d->message) {
		free(d->file);
		free(d->path);
		free(d->rule);
		free(d->message);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	list->count++;
	return 0;
}

size_t tf_diag_list_count(const tf_diag_list *list)
{
	return list ? list->count : 0;
}

const tf_diag *tf_diag_list_get(const tf_diag_list *list, size_t i)
{
	return (list && i < list->count) ? &list->items[i] : NULL;
}

size_t tf_diag_list_count_at_least(const tf_diag_list *list, tf_severity sev)
{
	size_t i, n = 0;

	for (i = 0; list && i < list->count; i++)
		n += list->items[i].severity >= sev;
	return n;
}

void tf_diag_list_free(tf_diag_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].path);
		free(list->items[i].rule);
		free(list->items[i].message);
	}
	free(list->items);
	free(list);
}

const char *tf_severity_name(tf_severity sev)
{
	switch (sev) {
	case TF_SEV_ERROR:
		return "error";
	case TF_SEV_WARNING:
		return "warning";
	default:
		return "info";
	}
}

void tf_diag_print(FILE *fp, const tf_diag *d)
{
	fprintf(fp, "%s:%ld:%ld: %s: %s", d->file ? d->file : "<input>", d->line, d->column,
		tf_severity_name(d->severity), d->message);
	if (d->rule)
		fprintf(fp, " [%s]", d->rule);
	fputc('\n', fp);
}

/* SPDX-License-Identifier: MIT */
/*
 * report.c — a finished batch in the five formats CI reads (text, json,
 * junit, github, sarif), one writer per format on shared escaping helpers.
 * All of them walk the same diagnostics in the same order.
 */
#include <stdlib.h>
#include <string.h>
#include "validate_internal.h"

static const char *const formats[] = {"text", "json", "junit", "github", "sarif", NULL};

const char *const *tf_report_formats(void)
{
	return formats;
}

static const char *status_name(tf_file_status s)
{
	return s == TF_FILE_VALID ? "valid" : s == TF_FILE_INVALID ? "invalid" : "error";
}

static void json_str(tf_buf *b, const char *s)
{
	tf_buf__putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			tf_buf__printf(b, "\\%c", c);
		else if (c == '\n')
			tf_buf__puts(b, "\\n");
		else if (c < 0x20)
			tf_buf__printf(b, "\\u%04x", c);
		else
			tf_buf__putc(b, (char)c);
	}
	tf_buf__putc(b, '"');
}

static void xml_str(tf_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '<':
			tf_buf__puts(b, "&lt;");
			break;
		case '>':
			tf_buf__puts(b, "&gt;");
			break;
		case '&':
			tf_buf__puts(b, "&amp;");
			break;
		case '"':
			tf_buf__puts(b, "&quot;");
			break;
		default:
			if (c < 0x20 && c != '\n' && c != '\t')
				tf_buf__putc(b, ' ');
			else
				tf_buf__putc(b, (char)c);
		}
	}
}

/* GitHub workflow command escaping; props also escape ':' and ','. */
static void gh_str(tf_buf *b, const char *s, int prop)
{
	for (; s && *s; s++) {
		if (*s == '%')
			tf_buf__puts(b, "%25");
		else if (*s == '\r')
			tf_buf__puts(b, "%0D");
		else if (*s == '\n')
			tf_buf__puts(b, "%0A");
		else if (prop && *s == ':')
			tf_buf__puts(b, "%3A");
		else if (prop && *s == ',')
			tf_buf__puts(b, "%2C");
		else
			tf_buf__putc(b, *s);
	}
}

/* A relative file name as a URI reference (RFC 3986 unreserved kept). */
static void uri_str(tf_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c))
			tf_buf__putc(b, (char)c);
		else
			tf_buf__printf(b, "%%%02X", c);
	}
}

/* The one-line text form, shared by text and junit. */
static void text_line(tf_buf *b, const tf_diag *d, const char *file)
{
	tf_buf__printf(b, "%s:%ld:%ld: %s: %s", d->file ? d->file : file, d->line, d->column,
		       tf_severity_name(d->severity), d->message);
	if (d->path)
		tf_buf__printf(b, " (%s)", d->path);
	if (d->rule)
		tf_buf__printf(b, " [%s]", d->rule);
	tf_buf__putc(b, '\n');
}

static void counts(const tf_batch *batch, size_t *valid, size_t *invalid, size_t *failed)
{
	size_t i;

	*valid = *invalid = *failed = 0;
	for (i = 0; i < tf_batch_count(batch); i++) {
		tf_file_status s = tf_batch_get(batch, i)->status;
		*(s == TF_FILE_VALID ? valid : s == TF_FILE_INVALID ? invalid : failed) += 1;
	}
}

static void write_text(tf_buf *b, const tf_batch *batch, int quiet)
{
	size_t i, j, v, inv, f;

	for (i = 0; i < tf_batch_count(batch); i++) {
		const tf_file_result *r = tf_batch_get(batch, i);

		for (j = 0; j < tf_diag_list_count(r->diags); j++)
			text_line(b, tf_diag_list_get(r->diags, j), r->path);
		if (!quiet && r->status == TF_FILE_VALID)
			tf_buf__printf(b, "%s: valid\n", r->path);
	}
	counts(batch, &v, &inv, &f);
	if (!quiet)
		tf_buf__printf(b, "%zu files: %zu valid, %zu invalid, %zu unreadable\n",
			       v + inv + f, v, inv, f);
}

static void json_diag(tf_buf *b, const tf_diag *d)
{
	tf_buf__puts(b, "{\"severity\": ");
	json_str(b, tf_severity_name(d->severity));
	tf_buf__printf(b, ", \"line\": %ld, \"column\": %ld, \"path\": ", d->line, d->column);
	if (d->path)
		json_str(b, d->path);
	else
		tf_buf__puts(b, "null");
	tf_buf__puts(b, ", \"rule\": ");
	json_str(b, d->rule ? d->rule : "");
	tf_buf__puts(b, ", \"message\": ");
	json_str(b, d->message);
	tf_buf__putc(b, '}');
}

static void write_json(tf_buf *b, const tf_batch *batch)
{
	size_t i, j, v, inv, f;
	const tf_batch_stats *st = tf_batch_stats_get(batch);

	counts(batch, &v, &inv, &f);
	tf_buf__puts(b, "{\n  \"tool\": \"teiforge\",\n  \"version\": ");
	json_str(b, tf_version());
	tf_buf__printf(
	    b,
	    ",\n  \"summary\": {\"files\": %zu, \"valid\": %zu, \"invalid\": %zu, "
	    "\"unreadable\": %zu, \"pruned\": %s, \"element_names\": %zu},\n  \"files\": [",
	    v + inv + f, v, inv, f, st->pruned ? "true" : "false", st->element_names);
	for (i = 0; i < tf_batch_count(batch); i++) {
		const tf_file_result *r = tf_batch_get(batch, i);

		tf_buf__puts(b, i ? ",\n    {\"file\": " : "\n    {\"file\": ");
		json_str(b, r->path);
		tf_buf__puts(b, ", \"status\": ");
		json_str(b, status_name(r->status));
		tf_buf__puts(b, ", \"diagnostics\": [");
		for (j = 0; j < tf_diag_list_count(r->diags); j++) {
			tf_buf__puts(b, j ? ",\n      " : "\n      ");
			json_diag(b, tf_diag_list_get(r->diags, j));
		}
		tf_buf__puts(b, j ? "\n    ]}" : "]}");
	}
	tf_buf__puts(b, "\n  ]\n}\n");
}

static void write_junit(tf_buf *b, const tf_batch *batch)
{
	size_t i, j, v, inv, f;
	double total = 0;

	counts(batch, &v, &inv, &f);
	for (i = 0; i < tf_batch_count(batch); i++)
		total += tf_batch_get(batch, i)->seconds;
	tf_buf__printf(b,
		       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		       "<testsuites name=\"teiforge validate\" tests=\"%zu\" failures=\"%zu\" "
		       "errors=\"%zu\" time=\"%.3f\">\n"
		       "  <testsuite name=\"teiforge validate\" tests=\"%zu\" failures=\"%zu\" "
		       "errors=\"%zu\" skipped=\"0\" time=\"%.3f\">\n",
		       v + inv + f, inv, f, total, v + inv + f, inv, f, total);
	for (i = 0; i < tf_batch_count(batch); i++) {
		const tf_file_result *r = tf_batch_get(batch, i);
		size_t nerr = tf_diag_list_count_at_least(r->diags, TF_SEV_ERROR);
		size_t nall = tf_diag_list_count(r->diags);
		const char *tag = r->status == TF_FILE_ERROR ? "error" : "failure";
		tf_buf lines = TF_BUF_INIT;

		tf_buf__puts(b, "    <testcase classname=\"teiforge.validate\" name=\"");
		xml_str(b, r->path);
		tf_buf__printf(b, "\" time=\"%.3f\"", r->seconds);
		for (j = 0; j < nall; j++)
			text_line(&lines, tf_diag_list_get(r->diags, j), r->path);
		if (r->status == TF_FILE_VALID && nall == 0) {
			tf_buf__puts(b, "/>\n");
		} else if (r->status == TF_FILE_VALID) {
			tf_buf__puts(b, ">\n      <system-out>");
			xml_str(b, lines.data);
			tf_buf__puts(b, "</system-out>\n    </testcase>\n");
		} else {
			tf_buf__printf(b, ">\n      <%s message=\"%zu error%s\" type=\"%s\">", tag,
				       nerr, nerr == 1 ? "" : "s", status_name(r->status));
			xml_str(b, lines.data);
			tf_buf__printf(b, "</%s>\n    </testcase>\n", tag);
		}
		tf_buf__free(&lines);
	}
	tf_buf__puts(b, "  </testsuite>\n</testsuites>\n");
}

static void write_github(tf_buf *b, const tf_batch *batch)
{
	size_t i, j;

	for (i = 0; i < tf_batch_count(batch); i++) {
		const tf_file_result *r = tf_batch_get(batch, i);

		for (j = 0; j < tf_diag_list_count(r->diags); j++) {
			const tf_diag *d = tf_diag_list_get(r->diags, j);

			tf_buf__printf(b, "::%s file=",
				       d->severity == TF_SEV_ERROR     ? "error"
				       : d->severity == TF_SEV_WARNING ? "warning"
								       : "notice");
			gh_str(b, d->file ? d->file : r->path, 1);
			if (d->line > 0)
				tf_buf__printf(b, ",line=%ld", d->line);
			if (d->column > 0)
				tf_buf__printf(b, ",col=%ld", d->column);
			if (d->rule) {
				tf_buf__puts(b, ",title=");
				gh_str(b, d->rule, 1);
			}
			tf_buf__puts(b, "::");
			gh_str(b, d->message, 0);
			if (d->path) {
				tf_buf__puts(b, " (");
				gh_str(b, d->path, 0);
				tf_buf__putc(b, ')');
			}
			tf_buf__putc(b, '\n');
		}
	}
}

static void sarif_result(tf_buf *b, const tf_diag *d, const char *file)
{
	tf_buf__puts(b, "{\"ruleId\": ");
	json_str(b, d->rule ? d->rule : "teiforge");
	tf_buf__printf(b, ", \"level\": \"%s\", \"message\": {\"text\": ",
		       d->severity == TF_SEV_ERROR     ? "error"
		       : d->severity == TF_SEV_WARNING ? "warning"
						       : "note");
	json_str(b, d->message);
	tf_buf__puts(
	    b, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
	uri_str(b, d->file ? d->file : file);
	tf_buf__puts(b, "\"}");
	if (d->line > 0) {
		tf_buf__printf(b, ", \"region\": {\"startLine\": %ld", d->line);
		if (d->column > 0)
			tf_buf__printf(b, ", \"startColumn\": %ld", d->column);
		tf_buf__putc(b, '}');
	}
	tf_buf__putc(b, '}');
	if (d->path) {
		tf_buf__puts(b, ", \"logicalLocations\": [{\"fullyQualifiedName\": ");
		json_str(b, d->path);
		tf_buf__puts(b, ", \"kind\": \"element\"}]");
	}
	tf_buf__puts(b, "}]}");
}

static void write_sarif(tf_buf *b, const tf_batch *batch)
{
	size_t i, j, n = 0;

	tf_buf__puts(b, "{\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": "
			"{\"name\": \"teiforge\", \"version\": ");
	json_str(b, tf_version());
	tf_buf__puts(b, "}},\n    \"results\": [");
	for (i = 0; i < tf_batch_count(batch); i++) {
		const tf_file_result *r = tf_batch_get(batch, i);

		for (j = 0; j < tf_diag_list_count(r->diags); j++) {
			tf_buf__puts(b, n++ ? ",\n      " : "\n      ");
			sarif_result(b, tf_diag_list_get(r->diags, j), r->path);
		}
	}
	tf_buf__puts(b, n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
}

int tf_report_write(char **out, size_t *out_len, const tf_batch *batch, const char *format,
		    int quiet)
{
	tf_buf b = TF_BUF_INIT;

	*out = NULL;
	*out_len = 0;
	if (!batch || !format)
		return tf_error__set(TF_EUSAGE, "tf_report_write: batch and format are required");
	if (strcmp(format, "text") == 0)
		write_text(&b, batch, quiet);
	else if (strcmp(format, "json") == 0)
		write_json(&b, batch);
	else if (strcmp(format, "junit") == 0)
		write_junit(&b, batch);
	else if (strcmp(format, "github") == 0)
		write_github(&b, batch);
	else if (strcmp(format, "sarif") == 0)
		write_sarif(&b, batch);
	else
		return tf_error__set(TF_EUSAGE,
				     "unknown report format '%s' (text, json, junit, "
				     "github, sarif)",
				     format);
	*out_len = b.len;
	*out = tf_buf__detach(&b);
	if (!*out) {
		*out_len = 0;
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	return 0;
}

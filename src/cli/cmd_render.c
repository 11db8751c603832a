/* SPDX-License-Identifier: MIT */
/* cmd_render.c — "teiforge render": TEI -> html, text, bibtex, ris, csl-json, latex, pdf. */
#include <string.h>
#include <stdlib.h>
#include "cli.h"

static const char description[] =
    "Formats:\n"
    "  html      one self-contained page (no network assets): abstracts,\n"
    "            sections, notes linked both ways, page markers, names and dates\n"
    "  text      UTF-8 plain text, wrapped, notes numbered at the end\n"
    "  bibtex    the article's own record for biblatex (UTF-8 kept)\n"
    "  ris       the article's own record as RIS\n"
    "  csl-json  the article's own record as CSL-JSON\n"
    "  latex     XeLaTeX (polyglossia, DejaVu fonts): footnotes at the marks,\n"
    "            page numbers in the margin, index of names\n"
    "  pdf       the latex typeset by xelatex (run twice in a temporary folder);\n"
    "            needs Debian texlive-xetex texlive-lang-cyrillic fonts-dejavu-core\n"
    "\n"
    "Examples:\n"
    "  teiforge render --to html article.xml -o article.html\n"
    "  teiforge render --to bibtex article.xml";

int cmd_render(const tf_cli *cli, int argc, char **argv)
{
	const char *to = NULL, *out_path = "-";
	int sources = 0;
	const tf_opt opts[] = {{TF_OPT_STRING, 't', "to", "FORMAT",
				"html, text, bibtex, ris, csl-json, latex or pdf (required)", &to},
			       {TF_OPT_STRING, 'o', "output", "FILE",
				"write here (default: standard output)", &out_path},
			       {TF_OPT_FLAG, 0, "sources", NULL,
				"citation formats: the sources cited in the notes", &sources},
			       {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {"render", "--to FORMAT FILE.xml [-o OUT]",
				  "Render a TEI document for reading or citing.", description,
				  opts};
	tf_cli_list pos = {0};
	tf_render_options ro = TF_RENDER_OPTIONS_INIT;
	tf_diag_list *diags = NULL;
	tf_doc *doc = NULL;
	char *result = NULL;
	size_t len = 0;
	int rc, status = TF_EXIT_OK;

	rc = tf_cli_parse(cli, &spec, argc, argv, &pos);
	if (rc != 0) {
		tf_cli_list_free(&pos);
		return rc == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
	}
	if (!to || pos.count != 1) {
		tf_cli_error(cli, "render", "%s (try --help)",
			     !to ? "--to FORMAT is required" : "expected one FILE.xml (or '-')");
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	ro.format = to;
	ro.sources = sources;
	if (tf_diag_list_new(&diags) < 0) {
		status = TF_EXIT_USAGE;
		goto done;
	}
	rc = tf_doc_load_file(&doc, pos.items[0], diags);
	if (rc < 0) {
		tf_cli_print_diags(cli->err, diags);
		status = rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
		goto done;
	}
	rc = tf_render(&result, &len, doc, &ro);
	if (rc < 0) {
		tf_cli_error(cli, "render", "%s", tf_error_last());
		status = rc == TF_ERROR ? TF_EXIT_INVALID : TF_EXIT_USAGE;
		goto done;
	}
	if (tf_write_file_atomic(out_path, result, len) < 0) {
		tf_cli_error(cli, "render", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
	}
done:
	free(result);
	tf_doc_free(doc);
	tf_diag_list_free(diags);
	tf_cli_list_free(&pos);
	return status;
}

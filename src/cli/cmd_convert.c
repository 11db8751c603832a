/* SPDX-License-Identifier: MIT */
/* cmd_convert.c — "teiforge convert": article text -> TEI P5. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char description[] =
    "Reads the text of an article as a PDF extractor wrote it (pdftotext and\n"
    "the like: line breaks, page furniture, footnote blocks at page feet) and\n"
    "writes a TEI P5 document following the project's encoding rules: abstracts\n"
    "with their languages, keywords, sections, paragraphs, page breaks, every\n"
    "footnote at its reference mark with a <bibl> per reference, quotations.\n"
    "\n"
    "Metadata the text lacks (authors, journal, volume, issue, year, pages, DOI)\n"
    "comes from a YAML file: --meta FILE, or NAME.yaml beside NAME.txt.\n"
    "Nothing is invented.  Example META.yaml:\n"
    "  title: {az: ..., en: ..., ru: ...}\n"
    "  authors: [{given: Aysel, family: Məmmədova}]\n"
    "  journal: Tarix və onun problemləri\n"
    "  volume: 3\n  issue: 2\n  year: 2021\n  pages: 45-55\n  doi: 10.1234/xyz\n"
    "\n"
    "Names and dates: persons, organisations, places and dates are tagged\n"
    "with @ref to authority records in <standOff>.  --authority FILE.xml merges\n"
    "your own records (TEI listPerson/listOrg/listPlace with variant names and\n"
    "idno): mentions of them point to your ids.  --entities FILE.tsv writes a\n"
    "review sheet (element, where, text, normalised value, @ref, rule) to check\n"
    "the markup and put corrections into the authority file for the next run.\n"
    "\n"
    "Examples:\n"
    "  teiforge convert article.txt -o article.xml\n"
    "  teiforge convert article.txt --authority people.xml --entities review.tsv\n"
    "  teiforge convert - < article.txt > article.xml";

int cmd_convert(const tf_cli *cli, int argc, char **argv)
{
	const char *out_path = "-", *meta = NULL, *date = NULL;
	const char *authority = NULL, *entities_tsv = NULL;
	char *review = NULL;
	int no_entities = 0;
	const tf_opt opts[] = {
	    {TF_OPT_STRING, 'o', "output", "FILE", "write the TEI here (default: standard output)",
	     &out_path},
	    {TF_OPT_STRING, 'm', "meta", "FILE",
	     "YAML metadata (default: NAME.yaml beside the input)", &meta},
	    {TF_OPT_STRING, 0, "date", "YYYY-MM-DD",
	     "date recorded in revisionDesc (default: today)", &date},
	    {TF_OPT_FLAG, 0, "no-entities", NULL, "do not tag names and dates", &no_entities},
	    {TF_OPT_STRING, 'a', "authority", "FILE.xml",
	     "your authority records (TEI listPerson/listOrg/listPlace): they win", &authority},
	    {TF_OPT_STRING, 'e', "entities", "FILE.tsv",
	     "write a review sheet of every name and date tagged", &entities_tsv},
	    {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {"convert", "ARTICLE.txt [-o OUT.xml] [--meta META.yaml]",
				  "Convert an article's text into a TEI P5 document.", description,
				  opts};
	tf_cli_list pos = {0};
	tf_convert_options co = TF_CONVERT_OPTIONS_INIT;
	tf_diag_list *diags = NULL;
	tf_doc *doc = NULL;
	int rc, status = TF_EXIT_OK;

	rc = tf_cli_parse(cli, &spec, argc, argv, &pos);
	if (rc != 0) {
		tf_cli_list_free(&pos);
		return rc == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
	}
	if (pos.count != 1) {
		tf_cli_error(cli, "convert",
			     "expected one ARTICLE.txt (or '-'), got %zu (try --help)", pos.count);
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	co.meta_path = meta;
	co.date = date;
	co.entities = !no_entities;
	co.authority_path = authority;
	co.review = entities_tsv ? &review : NULL;
	if (tf_diag_list_new(&diags) < 0) {
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	rc = tf_convert_file(&doc, pos.items[0], &co, diags);
	tf_cli_print_diags(cli->err, diags);
	if (rc < 0) {
		tf_cli_error(cli, "convert", "%s", tf_error_last());
		status = rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
		goto done;
	}
	if (tf_doc_save(doc, out_path) < 0 ||
	    (entities_tsv && tf_write_file_atomic(entities_tsv, review ? review : "",
						  review ? strlen(review) : 0) < 0)) {
		tf_cli_error(cli, "convert", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
	}
done:
	free(review);
	tf_doc_free(doc);
	tf_diag_list_free(diags);
	tf_cli_list_free(&pos);
	return status;
}

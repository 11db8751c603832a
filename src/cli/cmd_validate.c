/* SPDX-License-Identifier: MIT */
/* cmd_validate.c — "teiforge validate": TEI files against a RelaxNG schema. */
#include <string.h>
#include "cli.h"

static const char description[] =
	"Checks each FILE for well-formedness and against a RelaxNG schema (XML\n"
	"syntax): by default the project schema (schemas/teiforge.rng, a strict\n"
	"subset of TEI P5 tei_all), or the one given with --schema, e.g. tei_all.rng.\n"
	"Each problem is printed as FILE:LINE:COL: error: MESSAGE.\n"
	"\n"
	"Examples:\n"
	"  teiforge validate edition.xml\n"
	"  teiforge validate --schema tei_all.rng letters/*.xml";

int cmd_validate(const tf_cli *cli, int argc, char **argv)
{
	const char *schema_path = NULL;
	int quiet = 0;
	const tf_opt opts[] = {
		{TF_OPT_STRING, 's', "schema", "RNG", "RelaxNG schema (default: the project schema)", &schema_path},
		{TF_OPT_FLAG, 'q', "quiet", NULL, "print nothing for valid files", &quiet},
		{TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}
	};
	const tf_cmd_spec spec = {"validate", "[--schema RNG] FILE.xml...",
	                          "Validate TEI documents.", description, opts};
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
	if (pos.count == 0) {
		tf_cli_error(cli, "validate", "no FILE given (try --help)");
		tf_cli_list_free(&pos);
		return TF_EXIT_USAGE;
	}
	if (tf_diag_list_new(&sd) < 0 || tf_schema_load(&schema, schema_path, sd) < 0) {
		tf_cli_print_diags(cli->err, sd);
		tf_cli_error(cli, "validate", "%s", tf_error_last());
		status = TF_EXIT_USAGE;
		goto done;
	}
	for (i = 0; i < pos.count; i++) {
		tf_diag_list *diags = NULL;
		tf_doc *doc = NULL;
		int valid = 0;

		if (tf_diag_list_new(&diags) < 0) {
			status = TF_EXIT_USAGE;
			break;
		}
		rc = tf_doc_load_file(&doc, pos.items[i], diags);
		if (rc == 0)
			rc = tf_validate_doc(&valid, schema, doc, diags);
		tf_cli_print_diags(cli->out, diags);
		if (rc == TF_EIO) {
			status = TF_EXIT_USAGE;
		} else if (rc < 0 || !valid) {
			if (status == TF_EXIT_OK)
				status = TF_EXIT_INVALID;
		} else if (!quiet) {
			fprintf(cli->out, "%s: valid\n", tf_doc_name(doc));
		}
		tf_doc_free(doc);
		tf_diag_list_free(diags);
	}
done:
	tf_schema_free(schema);
	tf_diag_list_free(sd);
	tf_cli_list_free(&pos);
	return status;
}

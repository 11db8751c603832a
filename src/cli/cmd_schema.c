/* SPDX-License-Identifier: MIT */
/*
 * cmd_schema.c — "teiforge schema ACTION": tools for the project schema.
 * "prune": a RelaxNG schema cut down to a list of element names
 * (tf_rng_prune), which is how schemas/teiforge.rng is made;
 * "constraints": TEI's embedded Schematron extracted as data
 * (tf_constraints_extract), which is how schemas/tei-constraints.xml is made.
 */
#include <string.h>
#include "cli.h"

static const char prune_description[] =
    "Writes a copy of SCHEMA.rng (RelaxNG, XML syntax, one file) in which every\n"
    "element whose name is neither listed in a --keep file nor used in a\n"
    "--from-docs document is replaced by notAllowed, then simplified by the\n"
    "RelaxNG rules for notAllowed and stripped of unreachable defines.  The\n"
    "result accepts exactly the documents SCHEMA.rng accepts that use only\n"
    "kept element names.  A --keep file lists one name per line; '#' starts a\n"
    "comment.  Both options may be repeated.\n"
    "\n"
    "Examples:\n"
    "  teiforge schema prune --keep schemas/teiforge-elements.txt \\\n"
    "      tei_all.rng -o schemas/teiforge.rng\n"
    "  teiforge schema prune --from-docs a.xml --from-docs b.xml tei_all.rng -o mine.rng";

/* Gathers the names of the --keep files and --from-docs documents. */
static int gather(const tf_cli *cli, tf_name_set *set, const tf_cli_list *keep,
		  const tf_cli_list *docs)
{
	size_t i;

	for (i = 0; i < keep->count; i++) {
		if (tf_name_set_add_file(set, keep->items[i]) < 0) {
			tf_cli_error(cli, "schema prune", "%s", tf_error_last());
			return TF_EXIT_USAGE;
		}
	}
	for (i = 0; i < docs->count; i++) {
		tf_diag_list *diags = NULL;
		tf_doc *doc = NULL;
		int rc = tf_diag_list_new(&diags);

		if (rc == 0)
			rc = tf_doc_load_file(&doc, docs->items[i], diags);
		if (rc == 0)
			rc = tf_name_set_add_doc(set, doc);
		tf_cli_print_diags(cli->err, diags);
		tf_doc_free(doc);
		tf_diag_list_free(diags);
		if (rc < 0) {
			tf_cli_error(cli, "schema prune", "%s: %s", docs->items[i],
				     tf_error_last());
			return rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
		}
	}
	return TF_EXIT_OK;
}

static int prune(const tf_cli *cli, int argc, char **argv)
{
	const char *out_path = NULL;
	tf_cli_list keep = {0}, docs = {0}, pos = {0};
	const tf_opt opts[] = {
	    {TF_OPT_LIST, 'k', "keep", "FILE", "keep the element names listed in FILE", &keep},
	    {TF_OPT_LIST, 'd', "from-docs", "DOC", "keep the element names used in DOC", &docs},
	    {TF_OPT_STRING, 'o', "output", "OUT.rng",
	     "where to write the result ('-': stdout; required)", &out_path},
	    {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {
	    "schema prune", "[--keep FILE]... [--from-docs DOC]... SCHEMA.rng -o OUT.rng",
	    "Prune a RelaxNG schema to the elements a project uses.", prune_description, opts};
	tf_name_set *names = NULL;
	tf_diag_list *diags = NULL;
	tf_doc *schema = NULL, *result = NULL;
	xmlDocPtr pruned = NULL;
	int rc, status;

	status = tf_cli_parse(cli, &spec, argc, argv, &pos);
	if (status != 0) {
		status = status == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
		goto done;
	}
	if (pos.count != 1 || !out_path || keep.count + docs.count == 0) {
		tf_cli_error(cli, "schema prune",
			     "one SCHEMA.rng, -o OUT.rng and at least one "
			     "--keep or --from-docs are needed (try --help)");
		status = TF_EXIT_USAGE;
		goto done;
	}
	if (tf_name_set_new(&names) < 0 || tf_diag_list_new(&diags) < 0) {
		status = TF_EXIT_USAGE;
		goto done;
	}
	status = gather(cli, names, &keep, &docs);
	if (status != TF_EXIT_OK)
		goto done;
	rc = tf_doc_load_file(&schema, pos.items[0], diags);
	if (rc == 0)
		rc = tf_rng_prune(&pruned, tf_doc_xml(schema), tf_name_set_items(names),
				  tf_name_set_count(names));
	if (rc == 0 && (rc = tf_doc_wrap(&result, pruned, out_path)) < 0)
		xmlFreeDoc(pruned);
	if (rc == 0)
		rc = tf_doc_save(result, out_path);
	tf_cli_print_diags(cli->err, diags);
	if (rc < 0) {
		tf_cli_error(cli, "schema prune", "%s", tf_error_last());
		status = rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
	}
done:
	tf_doc_free(result);
	tf_doc_free(schema);
	tf_diag_list_free(diags);
	tf_name_set_free(names);
	tf_cli_list_free(&keep);
	tf_cli_list_free(&docs);
	tf_cli_list_free(&pos);
	return status;
}

static const char constraints_description[] =
    "Extracts the Schematron rules TEI embeds in SCHEMA.rng (sch:pattern,\n"
    "sch:rule with their sch:let, sch:assert and sch:report, and the sch:ns\n"
    "declarations) into the data file 'teiforge validate' reads, marking each\n"
    "rule xpath=\"1\" when libxml2's XPath 1.0 evaluates all its expressions,\n"
    "xpath=\"2\" when it needs XPath 2 (those are skipped when validating).\n"
    "\n"
    "Example (how schemas/tei-constraints.xml is made):\n"
    "  teiforge schema constraints tei_all.rng -o schemas/tei-constraints.xml";

static int constraints(const tf_cli *cli, int argc, char **argv)
{
	const char *out_path = NULL;
	tf_cli_list pos = {0};
	const tf_opt opts[] = {{TF_OPT_STRING, 'o', "output", "OUT.xml",
				"where to write the rules ('-': stdout; required)", &out_path},
			       {TF_OPT_FLAG, 0, NULL, NULL, NULL, NULL}};
	const tf_cmd_spec spec = {"schema constraints", "SCHEMA.rng -o OUT.xml",
				  "Extract TEI's Schematron rules as teiforge's constraints data.",
				  constraints_description, opts};
	tf_doc *schema = NULL, *result = NULL;
	xmlDocPtr xml = NULL;
	int rc, status = tf_cli_parse(cli, &spec, argc, argv, &pos);

	if (status != 0) {
		status = status == 1 ? TF_EXIT_OK : TF_EXIT_USAGE;
		goto done;
	}
	if (pos.count != 1 || !out_path) {
		tf_cli_error(cli, "schema constraints",
			     "one SCHEMA.rng and -o OUT.xml are needed (try --help)");
		status = TF_EXIT_USAGE;
		goto done;
	}
	rc = tf_doc_load_file(&schema, pos.items[0], NULL);
	if (rc == 0)
		rc = tf_constraints_extract(&xml, tf_doc_xml(schema));
	if (rc == 0 && (rc = tf_doc_wrap(&result, xml, out_path)) < 0)
		xmlFreeDoc(xml);
	if (rc == 0)
		rc = tf_doc_save(result, out_path);
	if (rc < 0) {
		tf_cli_error(cli, "schema constraints", "%s", tf_error_last());
		status = rc == TF_EINPUT ? TF_EXIT_INVALID : TF_EXIT_USAGE;
	}
done:
	tf_doc_free(result);
	tf_doc_free(schema);
	tf_cli_list_free(&pos);
	return status;
}

static void usage(const tf_cli *cli, FILE *fp)
{
	fprintf(fp,
		"Usage: %s schema ACTION [OPTIONS] [ARGS]\n\n"
		"Tools for the project schema.\n\n"
		"Actions:\n"
		"  prune        cut a RelaxNG schema down to the elements a project uses\n"
		"  constraints  extract TEI's Schematron rules as data for 'validate'\n\n"
		"Run '%s schema ACTION --help' for the options of each action.\n",
		cli->prog, cli->prog);
}

int cmd_schema(const tf_cli *cli, int argc, char **argv)
{
	if (argc < 1) {
		usage(cli, cli->err);
		return TF_EXIT_USAGE;
	}
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		usage(cli, cli->out);
		return TF_EXIT_OK;
	}
	if (strcmp(argv[0], "prune") == 0)
		return prune(cli, argc - 1, argv + 1);
	if (strcmp(argv[0], "constraints") == 0)
		return constraints(cli, argc - 1, argv + 1);
	tf_cli_error(cli, "schema", "unknown action '%s' (try '%s schema --help')", argv[0],
		     cli->prog);
	return TF_EXIT_USAGE;
}

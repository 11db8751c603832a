/* SPDX-License-Identifier: MIT */
/*
 * rescomp.c — tf_rescomp, run by the build: compiles tei/lexicon and
 * tei/gazetteer of a source tree into tf_resources.c (see resources.c).
 *   tf_rescomp SOURCE_DIR OUTPUT.c
 * A broken resource file fails the build with its file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include "convert_internal.h"

int main(int argc, char **argv)
{
	tf_diag_list *diags = NULL;
	size_t i;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: tf_rescomp SOURCE_DIR OUTPUT.c\n");
		return 2;
	}
	if (setenv("TEIFORGE_DATADIR", argv[1], 1) != 0 || tf_init() < 0) {
		fprintf(stderr, "tf_rescomp: cannot start\n");
		return 1;
	}
	rc = tf_diag_list_new(&diags);
	if (rc == 0)
		rc = tf_res__compile(argv[2], diags);
	for (i = 0; diags && i < tf_diag_list_count(diags); i++) {
		const tf_diag *d = tf_diag_list_get(diags, i);
		fprintf(stderr, "%s:%ld:%ld: %s\n", d->file ? d->file : "?", d->line, d->column,
			d->message);
	}
	if (rc < 0)
		fprintf(stderr, "tf_rescomp: %s\n", tf_error_last());
	tf_diag_list_free(diags);
	tf_shutdown();
	return rc < 0 ? 1 : 0;
}

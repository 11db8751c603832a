/* SPDX-License-Identifier: MIT */
/*
 * fuzz_validate.c — libFuzzer target: any bytes as a TEI document, parsed
 * safely and validated against the project schema.  Never a crash; an
 * invalid document is a result.
 */
#include <stdint.h>
#include <stdlib.h>
#include "teiforge/teiforge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tf_schema *schema;
	tf_doc *doc = NULL;
	tf_diag_list *d = NULL;
	int valid;

	if (!schema) {
		tf_init();
		if (tf_schema_load(&schema, NULL, NULL) != 0)
			abort();
	}
	tf_diag_list_new(&d);
	if (tf_doc_load_memory(&doc, (const char *)data, size, "fuzz.xml", d) == 0)
		tf_validate_doc(&valid, schema, doc, d);
	tf_doc_free(doc);
	tf_diag_list_free(d);
	return 0;
}

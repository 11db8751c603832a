/* SPDX-License-Identifier: MIT */
/*
 * fuzz_convert.c — libFuzzer target: any bytes as an article's text.  The
 * converter must return a document or an error, never crash, and every
 * document it returns must serialise.  Build with clang:
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DTF_FUZZ=ON
 *   build-fuzz/tests/fuzz_convert tests/data/articles -max_total_time=60
 */
#include <stdint.h>
#include <stdlib.h>
#include "teiforge/teiforge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	tf_doc *doc = NULL;
	char *xml = NULL;
	size_t len = 0;
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;

	if (!ready) {
		tf_init();
		ready = 1;
	}
	o.date = "2026-01-01";
	if (tf_convert_text(&doc, (const char *)data, size, &o, NULL) == 0) {
		if (tf_doc_serialize(&xml, &len, doc) != 0 || len == 0)
			abort();
		free(xml);
	}
	tf_doc_free(doc);
	return 0;
}

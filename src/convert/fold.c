/* SPDX-License-Identifier: MIT */
/*
 * fold.c — locale-aware lower-casing through ICU, so that Azerbaijani and
 * Turkish dotted and dotless i are folded right (İ -> i, I -> ı) and
 * lexicon look-ups match inflected, capitalised words.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include "convert_internal.h"

char *tf_text__fold(const char *text, const char *lang)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n16 = 0, nlow, n8 = 0;
	UChar *u = NULL, *low = NULL;
	char *out = NULL;
	size_t len = strlen(text);

	if (len > 100000000)
		return NULL;
	u_strFromUTF8(NULL, 0, &n16, text, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	u = malloc(((size_t)n16 + 1) * sizeof *u);
	low = malloc(((size_t)n16 * 3 + 1) * sizeof *low);
	if (!u || !low)
		goto done;
	u_strFromUTF8(u, n16 + 1, NULL, text, (int32_t)len, &st);
	if (U_FAILURE(st))
		goto done;
	nlow = u_strToLower(low, n16 * 3 + 1, u, n16, lang ? lang : "", &st);
	if (U_FAILURE(st))
		goto done;
	u_strToUTF8(NULL, 0, &n8, low, nlow, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto done;
	st = U_ZERO_ERROR;
	out = malloc((size_t)n8 + 1);
	if (!out)
		goto done;
	u_strToUTF8(out, n8 + 1, NULL, low, nlow, &st);
	if (U_FAILURE(st)) {
		free(out);
		out = NULL;
	}
done:
	free(u);
	free(low);
	return out;
}

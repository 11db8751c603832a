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
#include <unicode/unorm2.h>
#include "convert_internal.h"

static char *fold_icu(const char *text, const char *lang)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n16 = 0, nlow, n8 = 0;
	UChar *u = NULL, *low = NULL, su[201], slow[601];
	char *out = NULL;
	size_t len = strlen(text);

	if (len > 100000000)
		return NULL;
	u_strFromUTF8(NULL, 0, &n16, text, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	if (n16 < 200) { /* most words: no heap */
		u = su;
		low = slow;
	} else {
		u = malloc(((size_t)n16 + 1) * sizeof *u);
		low = malloc(((size_t)n16 * 3 + 1) * sizeof *low);
	}
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
	if (u != su)
		free(u);
	if (low != slow)
		free(low);
	return out;
}

/* Lower case of cp for the Latin and Cyrillic letters ICU would map the
 * same way (its tables are the reference; anything else returns -1 and the
 * caller asks ICU).  İ and I follow the Turkic rules when turkic. */
static long lower_cp(uint32_t c, int turkic)
{
	if (c < 0x80)
		return c == 'I' && turkic ? 0x131 : (c >= 'A' && c <= 'Z') ? (long)c + 32 : (long)c;
	if (c < 0xC0)
		return c;
	if (c < 0xE0)
		return c == 0xD7 || c == 0xDF ? (long)c : (long)c + 0x20;
	if (c < 0x100)
		return c;
	if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
		return c == 0x130 ? -1 : (long)c; /* İ: see tf_text__fold */
	if (c < 0x138 || (c >= 0x14A && c < 0x178))
		return c % 2 ? (long)c : (long)c + 1;
	if ((c >= 0x139 && c < 0x149) || (c >= 0x179 && c < 0x17F))
		return c % 2 ? (long)c + 1 : (long)c;
	if (c == 0x178)
		return 0xFF;
	if (c == 0x18F)
		return 0x259;
	if (c == 0x259)
		return c;
	if (c >= 0x400 && c < 0x410)
		return (long)c + 0x50;
	if (c >= 0x410 && c < 0x430)
		return (long)c + 0x20;
	if (c >= 0x430 && c < 0x460)
		return c;
	if ((c >= 0x460 && c < 0x482) || (c >= 0x48A && c < 0x4C0) || (c >= 0x4D0 && c < 0x530))
		return c % 2 ? (long)c : (long)c + 1;
	if (c == 0x4C0)
		return 0x4CF;
	if (c >= 0x4C1 && c < 0x4CF)
		return c % 2 ? (long)c + 1 : (long)c;
	if (c == 0x4CF || c == 0x2019 || (c >= 0x2010 && c < 0x2030) || c == 0x307)
		return c;
	return -1;
}

/* Latin and Cyrillic text lower-cased without ICU; NULL when a letter
 * needs ICU. */
static char *fold_fast(const char *text, const char *lang)
{
	size_t n = strlen(text), i = 0, o = 0, k;
	int turkic = lang && (!strncmp(lang, "az", 2) || !strncmp(lang, "tr", 2));
	char *out = malloc(n * 2 + 1);
	uint32_t cp;

	if (!out)
		return NULL;
	while (i < n) {
		long lc;
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80 && !(b == 'I' && turkic)) { /* most letters: no decoding */
			out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		k = tf_utf8__decode(text + i, n - i, &cp);
		if (!k) {
			free(out);
			return NULL;
		}
		i += k;
		if (cp == 0x130) { /* İ: i in Turkic, i + dot above elsewhere */
			out[o++] = 'i';
			if (!turkic)
				o += tf_utf8__encode(0x307, out + o);
			continue;
		}
		lc = lower_cp(cp, turkic);
		if (lc < 0) {
			free(out);
			return NULL;
		}
		o += tf_utf8__encode((uint32_t)lc, out + o);
	}
	out[o] = '\0';
	return out;
}

/* Letters of Latin (to Latin Extended-B) and basic Cyrillic, known
 * without ICU: 1 lower case, 2 upper case, 0 no letter, -1 ask ICU. */
int tf_text__case(uint32_t c)
{
	if (c < 0x80) {
		if (c >= 'a' && c <= 'z')
			return 1;
		return c >= 'A' && c <= 'Z' ? 2 : 0;
	}
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return -1;
	if (c < 0xDF)
		return 2;
	if (c < 0x100)
		return 1;
	if (c < 0x138)
		return c % 2 ? 1 : 2;
	if (c == 0x138 || c == 0x149 || c == 0x17F)
		return 1;
	if (c < 0x149)
		return c % 2 ? 2 : 1;
	if (c < 0x178)
		return c % 2 ? 1 : 2;
	if (c == 0x178)
		return 2;
	if (c < 0x17F)
		return c % 2 ? 2 : 1;
	if (c == 0x18F)
		return 2;
	if (c == 0x259)
		return 1;
	if (c >= 0x400 && c < 0x430)
		return 2;
	if (c >= 0x430 && c < 0x460)
		return 1;
	if (c >= 0x460 && c < 0x482)
		return c % 2 ? 1 : 2;
	return -1;
}

char *tf_text__fold(const char *text, const char *lang)
{
	char *fast = fold_fast(text, lang);

	return fast ? fast : fold_icu(text, lang);
}

/* Latin letters without a decomposition, and Cyrillic, in ASCII; the
 * rest of Latin loses its diacritics by canonical decomposition. */
static const char *ascii_of(UChar32 c)
{
	static const struct {
		UChar32 c;
		const char *s;
	} map[] = {
	    {0x0259, "a"},  {0x0131, "i"},  {0x015F, "sh"}, {0x00E7, "ch"}, {0x011F, "g"},
	    {0x00DF, "ss"}, {0x00F8, "o"},  {0x0142, "l"},  {0x00E6, "ae"}, {0x0153, "oe"},
	    {0x0111, "d"},  {0x00F0, "d"},  {0x00FE, "th"}, {0x0430, "a"},  {0x0431, "b"},
	    {0x0432, "v"},  {0x0433, "g"},  {0x0434, "d"},  {0x0435, "e"},  {0x0451, "e"},
	    {0x0436, "zh"}, {0x0437, "z"},  {0x0438, "i"},  {0x0439, "y"},  {0x043A, "k"},
	    {0x043B, "l"},  {0x043C, "m"},  {0x043D, "n"},  {0x043E, "o"},  {0x043F, "p"},
	    {0x0440, "r"},  {0x0441, "s"},  {0x0442, "t"},  {0x0443, "u"},  {0x0444, "f"},
	    {0x0445, "kh"}, {0x0446, "ts"}, {0x0447, "ch"}, {0x0448, "sh"}, {0x0449, "shch"},
	    {0x044A, ""},   {0x044B, "y"},  {0x044C, ""},   {0x044D, "e"},  {0x044E, "yu"},
	    {0x044F, "ya"}, {0x0456, "i"},  {0x0457, "yi"}, {0x0454, "ye"}, {0x0491, "g"},
	    {0x04D9, "a"},  {0x0493, "gh"}, {0x049B, "q"},  {0x04AF, "u"},  {0x04E9, "o"},
	    {0x04BB, "h"},  {0x0458, "j"},  {0x2019, ""},   {'\'', ""},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].c == c)
			return map[i].s;
	return NULL;
}

char *tf_text__ascii(const char *text, size_t max_words)
{
	char *low = tf_text__fold(text, NULL);
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	tf_buf b = TF_BUF_INIT;
	size_t i = 0, n, words = 0;
	int dash = 1;

	if (!low)
		return NULL;
	n = strlen(low);
	while (i < n) {
		uint32_t cp;
		size_t k = tf_utf8__decode(low + i, n - i, &cp);
		const char *m;
		UChar src[2], dec[8];
		int32_t dl = 0, j;
		if (!k) {
			i++;
			continue;
		}
		i += k;
		if (u_charType((UChar32)cp) == U_NON_SPACING_MARK)
			continue; /* the dot İ leaves after folding */
		m = ascii_of((UChar32)cp);
		if (!m && cp >= 0x80 && cp < 0x10000 && U_SUCCESS(st)) {
			/* é -> e + ́: keep the base letter */
			UErrorCode e2 = U_ZERO_ERROR;
			src[0] = (UChar)cp;
			dl = unorm2_normalize(nfd, src, 1, dec, 8, &e2);
			if (U_FAILURE(e2))
				dl = 0;
			for (j = 0; j < dl; j++)
				if (dec[j] < 0x80 && ((dec[j] >= 'a' && dec[j] <= 'z') ||
						      (dec[j] >= '0' && dec[j] <= '9'))) {
					cp = dec[j];
					break;
				}
		}
		if (!m && cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
			m = NULL;
		else if (!m) {
			dash = 1;
			continue;
		}
		if (m && !*m)
			continue;
		if (dash && b.len > 0) {
			if (max_words && ++words >= max_words)
				break;
			tf_buf__putc(&b, '-');
		}
		dash = 0;
		if (m)
			tf_buf__puts(&b, m);
		else
			tf_buf__putc(&b, (char)cp);
	}
	free(low);
	return tf_buf__detach(&b);
}

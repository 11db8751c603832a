/* SPDX-License-Identifier: MIT */
/*
 * langid.c — tells which language a stretch of text is in, from the text
 * itself: first by script (Latin, Cyrillic, …), then within the script by
 * the language's frequent words and its distinctive letters, all from the
 * lexicons.  Used for abstracts, titles and the article's main language.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include "convert_internal.h"

static const char *script_code(UScriptCode sc)
{
	switch (sc) {
	case USCRIPT_LATIN:
		return "Latn";
	case USCRIPT_CYRILLIC:
		return "Cyrl";
	case USCRIPT_GREEK:
		return "Grek";
	case USCRIPT_ARABIC:
		return "Arab";
	case USCRIPT_ARMENIAN:
		return "Armn";
	case USCRIPT_GEORGIAN:
		return "Geor";
	default:
		return NULL;
	}
}

/* The script most letters of text are written in. */
static const char *main_script(const char *text)
{
	static const char *const names[] = {"Latn", "Cyrl", "Grek", "Arab", "Armn", "Geor"};
	size_t counts[6] = {0}, i = 0, n = strlen(text), k, best = 0;
	int b = -1;
	uint32_t cp;

	while (i < n) {
		k = tf_utf8__decode(text + i, n - i, &cp);
		if (!k) {
			i++;
			continue;
		}
		i += k;
		if (u_isalpha((UChar32)cp)) {
			UErrorCode st = U_ZERO_ERROR;
			const char *code = script_code(uscript_getScript((UChar32)cp, &st));
			size_t j;
			for (j = 0; code && j < 6; j++)
				if (strcmp(code, names[j]) == 0)
					counts[j]++;
		}
	}
	for (k = 0; k < 6; k++)
		if (counts[k] > best) {
			best = counts[k];
			b = (int)k;
		}
	return b < 0 ? NULL : names[b];
}

/* Scores text for one lexicon: stop-word hits, and distinctive letters. */
static double score(const tf_lexicon *l, const char *folded)
{
	size_t i = 0, n = strlen(folded), nletters = 0, k;
	const char *const *letters = tf_lexicon__list(l, "letters", &nletters);
	double s = 0;
	char word[128];

	while (i < n) {
		size_t start, wl;
		uint32_t cp;
		/* skip to a letter */
		while (i < n && (k = tf_utf8__decode(folded + i, n - i, &cp)) &&
		       !u_isalpha((UChar32)cp))
			i += k;
		start = i;
		while (i < n && (k = tf_utf8__decode(folded + i, n - i, &cp)) &&
		       u_isalpha((UChar32)cp))
			i += k;
		if (i == start) {
			i++;
			continue;
		}
		wl = i - start;
		if (wl < sizeof word) {
			memcpy(word, folded + start, wl);
			word[wl] = '\0';
			if (tf_lexicon__has(l, "stopwords", word))
				s += 1.0;
		}
	}
	for (k = 0; k < nletters; k++) {
		const char *p = folded;
		size_t ll = strlen(letters[k]);
		while (ll && (p = strstr(p, letters[k])) != NULL) {
			s += 0.5;
			p += ll;
		}
	}
	return s;
}

const char *tf_langid__detect(const tf_lexicons *lx, const char *text)
{
	const char *script = main_script(text), *best = NULL;
	double best_score = 0;
	size_t i, same_script = 0;
	const tf_lexicon *only = NULL;
	char *folded;

	if (!script)
		return NULL;
	folded = tf_text__fold(text, NULL);
	if (!folded)
		return NULL;
	for (i = 0; i < tf_lexicons__count(lx); i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		double s;
		if (strcmp(tf_lexicon__script(l), script) != 0)
			continue;
		same_script++;
		only = l;
		s = score(l, folded);
		if (s > best_score) {
			best_score = s;
			best = tf_lexicon__lang(l);
		}
	}
	free(folded);
	if (!best && same_script == 1)
		best = tf_lexicon__lang(only);
	return best;
}

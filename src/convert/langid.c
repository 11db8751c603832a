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

/* u_isalpha() with ASCII and basic Cyrillic (U+0400..U+0481, all letters)
 * answered without ICU: they are nearly all of the text. */
static int is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp >= 0x400 && cp <= 0x481)
		return 1;
	return u_isalpha((UChar32)cp) != 0;
}

/* The script most letters of text are written in. */
static const char *main_script(const char *text)
{
	static const char *const names[] = {"Latn", "Cyrl", "Grek", "Arab", "Armn", "Geor"};
	size_t counts[6] = {0}, i = 0, n = strlen(text), k, best = 0;
	int b = -1;
	uint32_t cp;

	while (i < n) {
		k = tf_utf8__next(text + i, n - i, &cp);
		if (!k) {
			i++;
			continue;
		}
		i += k;
		if (cp < 0x80) {
			counts[0] += is_letter(cp);
		} else if (cp >= 0x400 && cp <= 0x481) {
			counts[1]++;
		} else if (u_isalpha((UChar32)cp)) {
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

/* The words of a folded text: where each starts, its length and hash. */
typedef struct {
	size_t start, len, hash;
} lword;

static lword *split_words(const char *folded, size_t *count)
{
	size_t i = 0, n = strlen(folded), k, m = 0, cap = 0;
	lword *v = NULL, *p;

	while (i < n) {
		size_t start, j, h;
		uint32_t cp;
		/* skip to a letter */
		while (i < n && (k = tf_utf8__next(folded + i, n - i, &cp)) && !is_letter(cp))
			i += k;
		start = i;
		while (i < n && (k = tf_utf8__next(folded + i, n - i, &cp)) && is_letter(cp))
			i += k;
		if (i == start) {
			i++;
			continue;
		}
		if (i - start >= 128)
			continue;
		p = tf_array__reserve(v, m, &cap, sizeof *v, 256);
		if (!p)
			break;
		v = p;
		h = tf_lexicon__hash_start();
		for (j = start; j < i; j++)
			h = tf_lexicon__hash_step(h, (unsigned char)folded[j]);
		v[m].start = start;
		v[m].len = i - start;
		v[m].hash = h;
		m++;
	}
	*count = m;
	return v;
}

/* Scores text for one lexicon: stop-word hits, and distinctive letters. */
static double score(const tf_lexicon *l, const char *folded, const lword *w, size_t nw)
{
	size_t nletters = 0, k;
	const char *const *letters = tf_lexicon__list(l, "letters", &nletters);
	double s = 0;

	for (k = 0; k < nw; k++) {
		const tf_lexentry *e =
		    tf_lexicon__entry(l, folded + w[k].start, w[k].len, w[k].hash);
		if (e && tf_lexicon__entry_in(l, e, "stopwords"))
			s += 1.0;
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
	lword *words;
	size_t nwords = 0;

	if (!script)
		return NULL;
	folded = tf_text__fold(text, NULL);
	if (!folded)
		return NULL;
	words = split_words(folded, &nwords);
	for (i = 0; i < tf_lexicons__count(lx); i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		double s;
		if (strcmp(tf_lexicon__script(l), script) != 0)
			continue;
		same_script++;
		only = l;
		s = score(l, folded, words, nwords);
		if (s > best_score) {
			best_score = s;
			best = tf_lexicon__lang(l);
		}
	}
	free(folded);
	free(words);
	if (!best && same_script == 1)
		best = tf_lexicon__lang(only);
	return best;
}

/* SPDX-License-Identifier: MIT */
/*
 * quote.c — quotations in running text: a stretch between opening and
 * closing quotation marks (“…”, «…», „…“) of five words or more is quoted
 * speech or a document and becomes <quote>, the marks kept inside.
 * Shorter ones are names and titles (“Kaspi”, «Правда») and stay as they
 * are, for the names pass to see.
 */
#include <stdlib.h>
#include <string.h>
#include "convert_internal.h"

#define MIN_WORDS 5

/* Concatenated direct text children of el. */
static char *flat_text(xmlNodePtr el)
{
	tf_buf b = TF_BUF_INIT;
	xmlNodePtr c;

	for (c = el->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content)
			tf_buf__puts(&b, (const char *)c->content);
	return tf_buf__detach(&b);
}

static int is_open(const char *s)
{
	return !strncmp(s, "\xE2\x80\x9C", 3) || !strncmp(s, "\xC2\xAB", 2) ||
	       !strncmp(s, "\xE2\x80\x9E", 3);
}

static size_t close_len(const char *s, const char *open)
{
	if (!strncmp(open, "\xC2\xAB", 2))
		return !strncmp(s, "\xC2\xBB", 2) ? 2 : 0;
	if (!strncmp(open, "\xE2\x80\x9E", 3))
		return !strncmp(s, "\xE2\x80\x9C", 3) ? 3 : 0;
	return !strncmp(s, "\xE2\x80\x9D", 3) ? 3 : 0;
}

static size_t words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static void quote_in(tf_build *b, xmlNodePtr el)
{
	char *t = flat_text(el);
	size_t i, n;

	if (!t)
		return;
	n = strlen(t);
	for (i = 0; i < n; i++) {
		size_t j, cl = 0;
		if (!is_open(t + i))
			continue;
		for (j = i + 2; j < n; j++) {
			if (is_open(t + j))
				break; /* nested or unbalanced: leave it */
			cl = close_len(t + j, t + i);
			if (cl)
				break;
		}
		if (!cl)
			continue;
		if (words(t + i, j - i) >= MIN_WORDS) {
			if (tf_tei__wrap(b, el, i, j + cl, "quote")) {
				/* offsets before i are unchanged; text after moved into
				 * the quote, so rescan from a fresh flat text */
				free(t);
				t = flat_text(el);
				if (!t)
					return;
				n = strlen(t);
				/* quote's own text is no longer direct text of el */
				i = i > 0 ? i - 1 : 0;
				continue;
			}
		}
		i = j + cl - 1;
	}
	free(t);
}

static void walk(tf_build *b, xmlNodePtr node)
{
	xmlNodePtr c;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, "p"))
			quote_in(b, c);
		else if (strcmp((const char *)c->name, "note") != 0)
			walk(b, c);
	}
}

int tf_quote__mark(tf_build *b, xmlNodePtr root)
{
	walk(b, root);
	return 0;
}

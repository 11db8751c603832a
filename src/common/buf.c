/* SPDX-License-Identifier: MIT */
/*
 * buf.c — a growable string buffer used wherever the library builds text
 * (normalised paragraphs, messages, serialised output).  An allocation
 * failure is sticky: later appends are ignored and the caller checks once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static int grow(tf_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return TF_ENOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return TF_ENOMEM;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int tf_buf__append(tf_buf *b, const char *s, size_t n)
{
	if (grow(b, n) < 0)
		return TF_ENOMEM;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int tf_buf__puts(tf_buf *b, const char *s)
{
	return tf_buf__append(b, s, strlen(s));
}

int tf_buf__putc(tf_buf *b, char c)
{
	return tf_buf__append(b, &c, 1);
}

int tf_buf__printf(tf_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	char small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return TF_ERROR;
	if ((size_t)n < sizeof small)
		return tf_buf__append(b, small, (size_t)n);
	if (grow(b, (size_t)n) < 0)
		return TF_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void tf_buf__clear(tf_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *tf_buf__detach(tf_buf *b)
{
	char *p;

	if (b->failed) {
		tf_buf__free(b);
		return NULL;
	}
	if (!b->data && tf_buf__append(b, "", 0) < 0)
		return NULL;
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void tf_buf__free(tf_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void *tf_array__reserve(void *v, size_t n, size_t *cap, size_t elem, size_t first)
{
	size_t want;
	void *p;

	if (n < *cap)
		return v;
	want = *cap ? *cap * 2 : first;
	if (want < *cap || want > SIZE_MAX / elem)
		return NULL;
	p = realloc(v, want * elem);
	if (p)
		*cap = want;
	return p;
}

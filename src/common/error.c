/* SPDX-License-Identifier: MIT */
/*
 * error.c — the per-thread "last error" message behind tf_error_last(), and
 * the library version.  Every module reports failures through
 * tf_error__set() and returns the code it was given.
 */
#include <stdio.h>
#include "internal.h"

static _Thread_local char last_error[1024];

int tf_error__set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	return code;
}

const char *tf_error_last(void)
{
	return last_error;
}

void tf_error_clear(void)
{
	last_error[0] = '\0';
}

const char *tf_version(void)
{
	return TF_VERSION_STRING;
}

/* SPDX-License-Identifier: MIT */
/*
 * error.c — the per-thread "last error" message behind tf_error_last(), and
 * the library version.  Every module reports failures through
 * tf_error__set() and returns the code it was given.
 */
#include <stdio.h>
#include <string.h>
#include "internal.h"

static _Thread_local char last_error[1024];

int tf_error__set(int code, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof last_error];

	/* format into a copy: the arguments may include tf_error_last() */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	memcpy(last_error, msg, sizeof last_error);
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

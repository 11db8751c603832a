/* SPDX-License-Identifier: MIT */
/* tf_test.h — a minimal unit-test harness: CHECK macros that count and
 * report failures with file and line, and a closing "N passed, N failed". */
#ifndef TF_TEST_H
#define TF_TEST_H

#include <stdio.h>
#include <string.h>

static int tf_test_passed, tf_test_failed;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond) {                                                                        \
			tf_test_passed++;                                                          \
		} else {                                                                           \
			tf_test_failed++;                                                          \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                             \
			tf_test_passed++;                                                          \
		} else {                                                                           \
			tf_test_failed++;                                                          \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,    \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)");                           \
		}                                                                                  \
	} while (0)

static int tf_test_report(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, tf_test_passed, tf_test_failed);
	return tf_test_failed ? 1 : 0;
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * teiforge/common.h — version, error codes and the last-error message shared
 * by every teiforge module.
 *
 * Conventions (see STYLE): fallible functions return int, 0 on success and a
 * negative TF_E* code on failure; the message for the most recent failure of
 * the calling thread is available from tf_error_last().  The library never
 * prints.
 */
#ifndef TEIFORGE_COMMON_H
#define TEIFORGE_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TF_BUILDING_LIBRARY) && defined(__GNUC__)
#define TF_EXTERN __attribute__((visibility("default")))
#else
#define TF_EXTERN
#endif

/** Version of the library, as "MAJOR.MINOR.PATCH". */
#define TF_VERSION_STRING "0.1.0"

/** Error codes returned (negated) by fallible functions. */
typedef enum {
	TF_OK = 0,
	TF_ERROR = -1, /**< generic failure */
	TF_ENOMEM = -2, /**< allocation failed */
	TF_EIO = -3, /**< a file could not be read or written */
	TF_EINPUT = -4, /**< the input is not what the operation needs */
	TF_EUSAGE = -5, /**< a caller passed an invalid argument */
	TF_EDATA = -6 /**< a bundled data file is missing or broken */
} tf_error_code;

/**
 * Returns the message describing the last failure on this thread, or "" if
 * none.  The string is borrowed and valid until the next teiforge call.
 */
TF_EXTERN const char *tf_error_last(void);

/** Clears the last-error message of this thread. */
TF_EXTERN void tf_error_clear(void);

/** Returns TF_VERSION_STRING of the linked library. */
TF_EXTERN const char *tf_version(void);

/**
 * Directory holding teiforge's data (xslt/, schemas/, tei/).  Looked up, in
 * order: the environment variable TEIFORGE_DATADIR, the source tree the
 * library was built from, the install prefix.  Borrowed string.
 */
TF_EXTERN const char *tf_datadir(void);

#ifdef __cplusplus
}
#endif
#endif

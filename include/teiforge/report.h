/* SPDX-License-Identifier: MIT */
/*
 * teiforge/report.h — a validation batch written in the formats CI reads:
 *
 *   text    FILE:LINE:COL: error|warning: MESSAGE (PATH) [RULE], then
 *           "FILE: valid" lines (unless quiet) and a summary line
 *   json    {"files": [{"file", "status", "diagnostics": [...]}], "summary"}
 *   junit   JUnit XML (Ant/Jenkins): a testcase per file, a failure per
 *           invalid file, an error per unreadable one
 *   github  GitHub Actions workflow commands: ::error file=,line=,col=::
 *   sarif   SARIF 2.1.0, one result per diagnostic with startLine and
 *           startColumn
 *
 * Every format carries the same diagnostics.  Reports are built in memory;
 * the library never prints.
 */
#ifndef TEIFORGE_REPORT_H
#define TEIFORGE_REPORT_H

#include "teiforge/common.h"
#include "teiforge/validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** NULL-terminated list of the format names tf_report_write() accepts. */
TF_EXTERN const char *const *tf_report_formats(void);

/**
 * Writes the report of batch in format into a new NUL-terminated buffer.
 *
 * @param out      receives the report, the caller's to free()
 * @param out_len  receives its length in bytes
 * @param batch    a finished batch
 * @param format   "text", "json", "junit", "github" or "sarif"
 * @param quiet    text only: leave out the "FILE: valid" lines
 * @return 0, TF_EUSAGE for an unknown format, TF_ENOMEM
 */
TF_EXTERN int tf_report_write(char **out, size_t *out_len, const tf_batch *batch,
			      const char *format, int quiet);

#ifdef __cplusplus
}
#endif
#endif

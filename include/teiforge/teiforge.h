/* SPDX-License-Identifier: MIT */
/*
 * teiforge/teiforge.h — the whole public API of libteiforge.
 *
 * Call tf_init() once before anything else (it sets libxml2 and libxslt up
 * safely) and tf_shutdown() at the end.
 */
#ifndef TEIFORGE_H
#define TEIFORGE_H

#include "teiforge/common.h"
#include "teiforge/diag.h"
#include "teiforge/doc.h"
#include "teiforge/convert.h"
#include "teiforge/validate.h"
#include "teiforge/render.h"
#include "teiforge/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Initialises libxml2/libxslt for safe use; call once, from one thread. */
TF_EXTERN int tf_init(void);

/** Releases global state of libxml2/libxslt. */
TF_EXTERN void tf_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/* render_internal.h — what the files of src/render share. */
#ifndef TF_RENDER_INTERNAL_H
#define TF_RENDER_INTERNAL_H

#include <stddef.h>

/* Typesets the LaTeX source tex (tex_len bytes, the latex format's output)
 * with xelatex, run twice in a fresh temporary folder that is removed
 * afterwards, and returns the PDF in *out (*out_len bytes; the caller
 * frees it).  Returns 0, TF_EDATA when xelatex is not installed (the
 * message says what to install), TF_ERROR when it fails (the message holds
 * its first errors), TF_EIO or TF_ENOMEM. */
int tf_render__pdf(char **out, size_t *out_len, const char *tex, size_t tex_len);

#endif

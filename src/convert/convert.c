/* SPDX-License-Identifier: MIT */
/* convert.c — placeholder while the converter is written. */
#include "internal.h"

int tf_convert_text(tf_doc **out, const char *text, size_t len,
                    const tf_convert_options *opts, tf_diag_list *diags)
{
	(void)text; (void)len; (void)opts; (void)diags;
	*out = NULL;
	return tf_error__set(TF_ERROR, "not yet");
}

int tf_convert_file(tf_doc **out, const char *path, const tf_convert_options *opts,
                    tf_diag_list *diags)
{
	(void)path;
	return tf_convert_text(out, "", 0, opts, diags);
}

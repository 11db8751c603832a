/* SPDX-License-Identifier: MIT */
/*
 * resources_none.c — no compiled-in resources: what tf_rescomp itself is
 * linked with (it makes the real blob, tf_resources.c, from the files).
 */
#include <stddef.h>

extern const unsigned char tf_resources_blob[];
extern const size_t tf_resources_size;

const unsigned char tf_resources_blob[1] = {0};
const size_t tf_resources_size = 0;

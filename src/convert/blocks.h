/* SPDX-License-Identifier: MIT */
/* blocks.h — paragraphs, headings and keyword lists recovered from the
 * layout events (blocks.c), before they become TEI (structure.c). */
#ifndef TF_BLOCKS_H
#define TF_BLOCKS_H

#include "convert_internal.h"

typedef enum { TF_BLOCK_PARA, TF_BLOCK_HEAD, TF_BLOCK_KEYWORDS } tf_block_kind;
typedef enum { TF_SEG_MARK, TF_SEG_PAGE } tf_seg_kind;

/* A reference mark or page start at a byte offset of the block's text. */
typedef struct {
	tf_seg_kind kind;
	size_t off;
	int n;
} tf_seg;

typedef struct {
	tf_block_kind kind;
	tf_buf text;
	tf_seg *segs;
	size_t nsegs, segs_cap;
	int pages_before[64]; /* page starts just before the block */
	size_t npages_before;
	size_t nlines;
	size_t label_len; /* keyword lists: bytes of the printed label */
	long lineno;
	int closed;
	int last_hyphen;
} tf_block;

typedef struct {
	tf_block *v;
	size_t n, cap;
} tf_blocks;

int tf_blocks__build(tf_blocks *out, const tf_layout *l, const tf_lexicons *lx);
void tf_blocks__free(tf_blocks *bs);

#endif

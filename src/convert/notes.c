/* SPDX-License-Identifier: MIT */
/*
 * notes.c — moves each footnote to its reference mark: every empty
 * <note place="foot" n="N"> left by structure.c receives footnote N's whole
 * text (continuations over pages included), parsed into <bibl>s by bibl.c.
 * A footnote no mark claims is not lost: it is attached at the end of the
 * last paragraph of its page, with a warning; a mark without a footnote is
 * reported too.
 */
#include <stdlib.h>
#include <string.h>
#include "convert_internal.h"

static tf_footnote *find_note(tf_layout *l, int n)
{
	size_t i;

	for (i = 0; i < l->nnotes; i++)
		if (l->notes[i].n == n && !l->notes[i].used)
			return &l->notes[i];
	return NULL;
}

static int is_empty_note(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "note") == 0 &&
	       n->children == NULL;
}

static void fill(tf_build *b, xmlNodePtr node, xmlNodePtr *last_p)
{
	xmlNodePtr c;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "p") == 0)
			*last_p = c;
		if (is_empty_note(c)) {
			xmlChar *n = xmlGetProp(c, (const xmlChar *)"n");
			tf_footnote *f = n ? find_note(b->layout, atoi((const char *)n)) : NULL;
			if (f) {
				f->used = 1;
				tf_bibl__parse(b, c, f->text);
			} else {
				char msg[128];
				snprintf(msg, sizeof msg, "reference mark %s has no footnote text",
					 n ? (const char *)n : "?");
				tf_diag_list_add(b->diags, TF_SEV_WARNING, b->name, xmlGetLineNo(c),
						 0, NULL, "notes", msg);
			}
			xmlFree(n);
			continue;
		}
		fill(b, c, last_p);
	}
}

int tf_notes__fill(tf_build *b)
{
	xmlNodePtr last_p = NULL;
	size_t i;

	fill(b, b->text, &last_p);
	for (i = 0; i < b->layout->nnotes; i++) {
		tf_footnote *f = &b->layout->notes[i];
		char msg[160], n[16];
		xmlNodePtr note, where;

		if (f->used)
			continue;
		snprintf(msg, sizeof msg,
			 "footnote %d has no reference mark in the text; "
			 "it is kept at the end of the text",
			 f->n);
		tf_diag_list_add(b->diags, TF_SEV_WARNING, b->name, f->lineno, 1, NULL, "notes",
				 msg);
		where = last_p ? last_p : b->body;
		note = tf_tei__elem(b, where, "note");
		snprintf(n, sizeof n, "%d", f->n);
		xmlNewProp(note, (const xmlChar *)"place", (const xmlChar *)"foot");
		xmlNewProp(note, (const xmlChar *)"n", (const xmlChar *)n);
		tf_bibl__parse(b, note, f->text);
		f->used = 1;
	}
	return 0;
}

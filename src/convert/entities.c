/* SPDX-License-Identifier: MIT */
/*
 * entities.c — the names-and-dates pass of the converter: persons,
 * organisations, places and calendar expressions in the running text,
 * abstracts and notes, with authority records in <standOff>.
 *
 * Its place in the pipeline is fixed (after the notes are filled and the
 * quotations marked, before the header lists the languages used); the
 * recogniser itself is the subject of its own work item and is not
 * written yet, so this pass tags nothing.
 */
#include "convert_internal.h"

int tf_entities__tag(tf_build *b)
{
	(void)b;
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * names.c — sets of element names, the input of schema pruning (prune.c):
 * read from a list file under version control (schemas/teiforge-elements.txt)
 * or gathered from the documents a schema must accept.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include "validate_internal.h"

struct tf_name_set {
	xmlHashTablePtr seen; /* name -> its copy in items */
	char **items; /* in order of first addition */
	size_t count;
	size_t cap;
};

int tf_name_set_new(tf_name_set **out)
{
	tf_name_set *set = calloc(1, sizeof *set);

	*out = NULL;
	if (!set || !(set->seen = xmlHashCreate(256))) {
		free(set);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	*out = set;
	return 0;
}

int tf_name_set_add(tf_name_set *set, const char *name)
{
	char *copy, **p;

	if (!set || !name || !*name)
		return tf_error__set(TF_EUSAGE,
				     "tf_name_set_add: a set and a non-empty name are required");
	if (xmlHashLookup(set->seen, BAD_CAST name))
		return 0;
	p = tf_array__reserve(set->items, set->count, &set->cap, sizeof *p, 64);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	set->items = p;
	copy = strdup(name);
	if (!copy || xmlHashAddEntry(set->seen, BAD_CAST copy, copy) != 0) {
		free(copy);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	set->items[set->count++] = copy;
	return 0;
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Adds the name on one line of a list file (text up to '#', trimmed). */
static int add_line(tf_name_set *set, char *line, const char *path, size_t lineno)
{
	char *hash = strchr(line, '#'), *end, *p;

	if (hash)
		*hash = '\0';
	while (is_space(*line))
		line++;
	end = line + strlen(line);
	while (end > line && is_space(end[-1]))
		*--end = '\0';
	if (!*line)
		return 0;
	for (p = line; *p; p++)
		if (is_space(*p))
			return tf_error__set(TF_EDATA, "%s:%zu: one element name per line expected",
					     path, lineno);
	return tf_name_set_add(set, line);
}

int tf_name_set_add_file(tf_name_set *set, const char *path)
{
	char *data = NULL, *line, *nl;
	size_t len = 0, lineno = 0;
	int rc;

	if (!set || !path)
		return tf_error__set(TF_EUSAGE, "tf_name_set_add_file: set and path are required");
	rc = tf_read_file(&data, &len, path);
	if (rc < 0)
		return rc;
	if (memchr(data, '\0', len)) {
		rc = tf_error__set(TF_EDATA, "%s: not a text file", path);
		goto done;
	}
	for (line = data; line && *line && rc == 0; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		rc = add_line(set, line, path, ++lineno);
	}
done:
	free(data);
	return rc;
}

static int add_tree(tf_name_set *set, xmlNodePtr n)
{
	int rc = 0;

	for (; n && rc == 0; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		rc = tf_name_set_add(set, (const char *)n->name);
		if (rc == 0)
			rc = add_tree(set, n->children);
	}
	return rc;
}

int tf_name_set_add_doc(tf_name_set *set, const tf_doc *doc)
{
	if (!set || !doc)
		return tf_error__set(TF_EUSAGE, "tf_name_set_add_doc: set and doc are required");
	return add_tree(set, xmlDocGetRootElement(tf_doc_xml(doc)));
}

int tf_name_set__add_xml(tf_name_set *set, xmlDocPtr doc)
{
	return add_tree(set, xmlDocGetRootElement(doc));
}

size_t tf_name_set_count(const tf_name_set *set)
{
	return set ? set->count : 0;
}

const char *const *tf_name_set_items(const tf_name_set *set)
{
	return set ? (const char *const *)set->items : NULL;
}

void tf_name_set_free(tf_name_set *set)
{
	size_t i;

	if (!set)
		return;
	xmlHashFree(set->seen, NULL);
	for (i = 0; i < set->count; i++)
		free(set->items[i]);
	free(set->items);
	free(set);
}

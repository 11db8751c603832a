/* SPDX-License-Identifier: MIT */
/*
 * meta.c — the article's metadata from a YAML file (libyaml): titles,
 * authors, journal, volume, issue, year, pages, DOI.  The converter never
 * invents these; they come from here or nowhere.  Problems are reported
 * with the file, line and column.
 *
 *   title: {az: "…", en: "…"}      # or a plain string
 *   authors: ["Aysel Məmmədova", {given: Rauf, family: Əliyev}]
 *   journal: "…"   volume: 3   issue: 2   year: 2021
 *   pages: 45-55   doi: 10.1234/abc   publisher: "…"   place: Bakı
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "convert_internal.h"

typedef struct {
	yaml_document_t *doc;
	const char *path;
	tf_diag_list *diags;
	int errors;
} ctx;

static void report(ctx *c, tf_severity sev, yaml_node_t *n, const char *msg)
{
	tf_diag_list_add(c->diags, sev, c->path, n ? (long)n->start_mark.line + 1 : 0,
			 n ? (long)n->start_mark.column + 1 : 0, NULL, "meta", msg);
	if (sev == TF_SEV_ERROR && c->errors++ == 0)
		tf_error__set(TF_EINPUT, "%s:%ld:%ld: %s", c->path,
			      n ? (long)n->start_mark.line + 1 : 0L,
			      n ? (long)n->start_mark.column + 1 : 0L, msg);
}

static char *scalar(ctx *c, yaml_node_t *n, const char *key)
{
	char msg[160];
	char *s;

	if (!n || n->type != YAML_SCALAR_NODE) {
		snprintf(msg, sizeof msg, "'%s' must be a plain value", key);
		report(c, TF_SEV_ERROR, n, msg);
		return NULL;
	}
	s = malloc(n->data.scalar.length + 1);
	if (s) {
		memcpy(s, n->data.scalar.value, n->data.scalar.length);
		s[n->data.scalar.length] = '\0';
	}
	return s;
}

static int add_title(tf_meta *m, const char *lang, char *text)
{
	char **l = realloc(m->title_lang, (m->ntitles + 1) * sizeof *l);
	char **t;

	if (!l)
		return TF_ENOMEM;
	m->title_lang = l;
	t = realloc(m->title_text, (m->ntitles + 1) * sizeof *t);
	if (!t)
		return TF_ENOMEM;
	m->title_text = t;
	m->title_lang[m->ntitles] = lang ? strdup(lang) : NULL;
	m->title_text[m->ntitles] = text;
	m->ntitles++;
	return 0;
}

static void read_titles(ctx *c, tf_meta *m, yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (n->type == YAML_SCALAR_NODE) {
		add_title(m, NULL, scalar(c, n, "title"));
		return;
	}
	if (n->type != YAML_MAPPING_NODE) {
		report(c, TF_SEV_ERROR, n,
		       "'title' must be a string or a mapping of language to title");
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		char *lang = scalar(c, k, "title language");
		char *text = scalar(c, yaml_document_get_node(c->doc, p->value), "title");
		if (lang && text)
			add_title(m, lang, text);
		else
			free(text);
		free(lang);
	}
}

/* "Given Family" or "Family, Given" */
static void split_name(const char *s, tf_person *p)
{
	const char *comma = strchr(s, ','), *sp = strrchr(s, ' ');

	if (comma) {
		p->family = strndup(s, (size_t)(comma - s));
		comma++;
		while (*comma == ' ')
			comma++;
		p->given = strdup(comma);
	} else if (sp) {
		p->given = strndup(s, (size_t)(sp - s));
		p->family = strdup(sp + 1);
	} else {
		p->family = strdup(s);
	}
}

static void read_authors(ctx *c, tf_meta *m, yaml_node_t *n)
{
	yaml_node_item_t *it;
	size_t count;

	if (n->type == YAML_SCALAR_NODE) {
		char *s = scalar(c, n, "authors");
		m->authors = calloc(1, sizeof *m->authors);
		if (s && m->authors) {
			split_name(s, &m->authors[0]);
			m->nauthors = 1;
		}
		free(s);
		return;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		report(c, TF_SEV_ERROR, n, "'authors' must be a list");
		return;
	}
	count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	m->authors = calloc(count + 1, sizeof *m->authors);
	if (!m->authors)
		return;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *a = yaml_document_get_node(c->doc, *it);
		tf_person *p = &m->authors[m->nauthors];
		if (a->type == YAML_SCALAR_NODE) {
			char *s = scalar(c, a, "author");
			if (s)
				split_name(s, p);
			free(s);
		} else if (a->type == YAML_MAPPING_NODE) {
			yaml_node_pair_t *kv;
			for (kv = a->data.mapping.pairs.start; kv < a->data.mapping.pairs.top;
			     kv++) {
				yaml_node_t *k = yaml_document_get_node(c->doc, kv->key);
				yaml_node_t *v = yaml_document_get_node(c->doc, kv->value);
				char *key = scalar(c, k, "author field");
				if (key && !strcmp(key, "given"))
					p->given = scalar(c, v, "given");
				else if (key && !strcmp(key, "family"))
					p->family = scalar(c, v, "family");
				else if (key && !strcmp(key, "name")) {
					char *s = scalar(c, v, "name");
					if (s)
						split_name(s, p);
					free(s);
				} else
					report(
					    c, TF_SEV_WARNING, k,
					    "unknown author field (given, family, name); ignored");
				free(key);
			}
		} else {
			report(c, TF_SEV_ERROR, a, "an author is a name or {given, family}");
			continue;
		}
		if (p->family || p->given)
			m->nauthors++;
	}
}

static void read_pages(ctx *c, tf_meta *m, yaml_node_t *n)
{
	char *s = scalar(c, n, "pages"), *dash;

	if (!s)
		return;
	dash = strpbrk(s, "-\xE2");
	if (dash) {
		char *to = dash;
		while (*to && !(*to >= '0' && *to <= '9'))
			to++;
		m->last_page = strdup(to);
		*dash = '\0';
	}
	m->first_page = strdup(s);
	free(s);
}

int tf_meta__load(tf_meta *m, const char *path, tf_diag_list *diags)
{
	FILE *fp;
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_node_pair_t *p;
	ctx c = {&doc, path, diags, 0};

	memset(m, 0, sizeof *m);
	fp = fopen(path, "rb");
	if (!fp)
		return tf_error__set(TF_EIO, "%s: cannot open metadata file", path);
	if (!yaml_parser_initialize(&parser)) {
		fclose(fp);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		char msg[256];
		snprintf(msg, sizeof msg, "YAML error: %s",
			 parser.problem ? parser.problem : "unreadable");
		tf_diag_list_add(diags, TF_SEV_ERROR, path, (long)parser.problem_mark.line + 1,
				 (long)parser.problem_mark.column + 1, NULL, "meta", msg);
		tf_error__set(TF_EINPUT, "%s:%ld:%ld: %s", path, (long)parser.problem_mark.line + 1,
			      (long)parser.problem_mark.column + 1, msg);
		yaml_parser_delete(&parser);
		fclose(fp);
		return TF_EINPUT;
	}
	root = yaml_document_get_root_node(&doc);
	if (root && root->type != YAML_MAPPING_NODE)
		report(&c, TF_SEV_ERROR, root, "metadata must be a mapping of keys to values");
	for (p = root && root->type == YAML_MAPPING_NODE ? root->data.mapping.pairs.start : NULL;
	     p && p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&doc, p->value);
		char *key = scalar(&c, k, "key");
		char **slot = NULL;

		if (!key)
			continue;
		if (!strcmp(key, "title"))
			read_titles(&c, m, v);
		else if (!strcmp(key, "authors") || !strcmp(key, "author"))
			read_authors(&c, m, v);
		else if (!strcmp(key, "pages"))
			read_pages(&c, m, v);
		else if (!strcmp(key, "journal"))
			slot = &m->journal;
		else if (!strcmp(key, "volume"))
			slot = &m->volume;
		else if (!strcmp(key, "issue"))
			slot = &m->issue;
		else if (!strcmp(key, "year"))
			slot = &m->year;
		else if (!strcmp(key, "first_page"))
			slot = &m->first_page;
		else if (!strcmp(key, "last_page"))
			slot = &m->last_page;
		else if (!strcmp(key, "doi"))
			slot = &m->doi;
		else if (!strcmp(key, "publisher"))
			slot = &m->publisher;
		else if (!strcmp(key, "place"))
			slot = &m->pub_place;
		else if (!strcmp(key, "language"))
			slot = &m->language;
		else if (!strcmp(key, "license"))
			slot = &m->license;
		else {
			char msg[200];
			snprintf(
			    msg, sizeof msg,
			    "unknown metadata key '%s' ignored (known: title, "
			    "authors, journal, volume, issue, year, pages, doi, publisher, place, "
			    "language, license)",
			    key);
			report(&c, TF_SEV_WARNING, k, msg);
		}
		if (slot) {
			free(*slot);
			*slot = scalar(&c, v, key);
		}
		free(key);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(fp);
	if (c.errors) {
		tf_meta__free(m);
		return TF_EINPUT;
	}
	return 0;
}

void tf_meta__free(tf_meta *m)
{
	size_t i;

	for (i = 0; i < m->ntitles; i++) {
		free(m->title_lang[i]);
		free(m->title_text[i]);
	}
	free(m->title_lang);
	free(m->title_text);
	for (i = 0; i < m->nauthors; i++) {
		free(m->authors[i].given);
		free(m->authors[i].family);
	}
	free(m->authors);
	free(m->journal);
	free(m->volume);
	free(m->issue);
	free(m->year);
	free(m->first_page);
	free(m->last_page);
	free(m->doi);
	free(m->publisher);
	free(m->pub_place);
	free(m->language);
	free(m->license);
	free(m->edition_publisher);
	memset(m, 0, sizeof *m);
}

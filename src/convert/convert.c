/* SPDX-License-Identifier: MIT */
/*
 * convert.c — the converter's pipeline (see convert_internal.h for the
 * stages): checks the input, recovers the layout, builds the text, fills
 * the notes, marks quotations, runs the names-and-dates pass, detects the
 * article's language and writes the header.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "convert_internal.h"

/* Line and column (1-based, in characters) of byte offset off. */
static void position(const char *text, size_t off, long *line, long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static int check_input(const char *text, size_t len, const char *name, tf_diag_list *diags)
{
	size_t i, bad = 0, words = 0, ctrl = 0;
	long line, col;
	int in = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == 0) {
			position(text, i, &line, &col);
			tf_diag_list_add(diags, TF_SEV_ERROR, name, line, col, NULL, "input",
					 "binary input: NUL byte");
			return tf_error__set(TF_EINPUT,
					     "%s:%ld:%ld: binary input (NUL byte); "
					     "convert takes the UTF-8 text of an article",
					     name, line, col);
		}
		ctrl += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
	}
	if (ctrl * 100 > len + 100)
		return tf_error__set(TF_EINPUT,
				     "%s: binary input (%zu control characters); "
				     "convert takes the UTF-8 text of an article",
				     name, ctrl);
	if (!tf_utf8__valid(text, len, &bad)) {
		position(text, bad, &line, &col);
		tf_diag_list_add(diags, TF_SEV_ERROR, name, line, col, NULL, "input",
				 "invalid UTF-8");
		return tf_error__set(TF_EINPUT,
				     "%s:%ld:%ld: invalid UTF-8 (byte 0x%02X at offset %zu); "
				     "convert the file to UTF-8 first (e.g. iconv)",
				     name, line, col, (unsigned char)text[bad], bad);
	}
	for (i = 0; i < len; i++) {
		int sp = text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r' ||
			 text[i] == '\f';
		if (!sp && !in)
			words++;
		in = !sp;
	}
	if (words == 0)
		return tf_error__set(TF_EINPUT, "%s: empty input: no text to convert", name);
	i = 0;
	while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
		i++;
	if (i < len && text[i] == '<')
		return tf_error__set(TF_EINPUT,
				     "%s: this looks like XML or HTML, not an article's "
				     "text (to check TEI use 'teiforge validate')",
				     name);
	if (words < 40)
		return tf_error__set(TF_EINPUT, "%s: not an article: only %zu words of text", name,
				     words);
	return 0;
}

static int init_tree(tf_build *b)
{
	b->doc = xmlNewDoc((const xmlChar *)"1.0");
	if (!b->doc)
		return tf_error__set(TF_ENOMEM, "out of memory");
	b->tei = xmlNewDocNode(b->doc, NULL, (const xmlChar *)"TEI", NULL);
	if (!b->tei)
		return tf_error__set(TF_ENOMEM, "out of memory");
	xmlDocSetRootElement(b->doc, b->tei);
	b->ns = xmlNewNs(b->tei, (const xmlChar *)TF_TEI_NS, NULL);
	xmlSetNs(b->tei, b->ns);
	b->header = tf_tei__elem(b, b->tei, "teiHeader");
	b->text = tf_tei__elem(b, b->tei, "text");
	b->front = tf_tei__elem(b, b->text, "front");
	b->body = tf_tei__elem(b, b->text, "body");
	if (!b->header || !b->text || !b->front || !b->body)
		return tf_error__set(TF_ENOMEM, "out of memory");
	return 0;
}

/* Text of the body, for the article's language. */
static char *body_text(tf_build *b)
{
	xmlChar *s = xmlNodeGetContent(b->body);
	char *r = s ? strdup((const char *)s) : NULL;

	xmlFree(s);
	return r;
}

static int has_element_child(xmlNodePtr n)
{
	for (n = n->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

int tf_convert_text(tf_doc **out, const char *text, size_t len, const tf_convert_options *opts,
		    tf_diag_list *diags)
{
	tf_convert_options def = TF_CONVERT_OPTIONS_INIT;
	tf_build b;
	tf_layout layout;
	tf_lexicons *lex = NULL;
	tf_meta meta, *mp = NULL;
	const char *name;
	char *btext = NULL;
	int rc;

	*out = NULL;
	memset(&b, 0, sizeof b);
	memset(&layout, 0, sizeof layout);
	memset(&meta, 0, sizeof meta);
	if (!opts)
		opts = &def;
	name = opts->source_name ? opts->source_name : "<input>";
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	rc = check_input(text, len, name, diags);
	if (rc < 0)
		return rc;
	if (opts->meta_path) {
		rc = tf_meta__load(&meta, opts->meta_path, diags);
		if (rc < 0)
			return rc;
		mp = &meta;
	}
	rc = tf_lexicons__load(&lex, diags);
	if (rc < 0)
		goto done;
	rc = tf_layout__read(&layout, text, len, name, diags);
	if (rc < 0)
		goto done;
	b.layout = &layout;
	b.lex = lex;
	b.diags = diags;
	b.name = name;
	b.first_page = mp && mp->first_page ? atoi(mp->first_page) : 0;
	b.authority_path = opts->version >= 2 ? opts->authority_path : NULL;
	b.want_review = opts->version >= 2 && opts->review != NULL;
	if (b.want_review)
		tf_buf__puts(&b.review, "element\twhere\ttext\tnormalised\tref\trule\n");
	rc = init_tree(&b);
	if (rc < 0)
		goto done;
	rc = tf_structure__build(&b);
	if (rc < 0)
		goto done;
	if (!has_element_child(b.body)) {
		rc = tf_error__set(TF_EINPUT,
				   "%s: not an article: no paragraphs found after the front matter",
				   name);
		goto done;
	}
	if ((rc = tf_notes__fill(&b)) < 0 || (rc = tf_quote__mark(&b, b.text)) < 0)
		goto done;
	btext = body_text(&b);
	b.main_lang = btext ? tf_langid__detect(lex, btext) : NULL;
	if (!b.main_lang && mp && mp->language)
		b.main_lang = mp->language;
	if (!b.main_lang) {
		b.main_lang = "und";
		tf_diag_list_add(diags, TF_SEV_WARNING, name, 0, 0, NULL, "lang",
				 "the article's language could not be told from its text");
	}
	tf_tei__set_lang(b.tei, b.main_lang);
	/* a div whose language is the article's says nothing more */
	if (opts->entities && (rc = tf_entities__tag(&b)) < 0)
		goto done;
	if ((rc = tf_sources__build(&b)) < 0)
		goto done;
	if (!has_element_child(b.front)) {
		xmlUnlinkNode(b.front);
		xmlFreeNode(b.front);
		b.front = NULL;
	}
	tf_tei__set_lang(b.header, "en");
	rc = tf_header__build(&b, opts, mp);
	if (rc < 0)
		goto done;
	rc = tf_doc_wrap(out, b.doc, name);
	if (rc == 0)
		b.doc = NULL;
	if (rc == 0 && b.want_review) {
		*opts->review = tf_buf__detach(&b.review);
		if (!*opts->review)
			rc = tf_error__set(TF_ENOMEM, "out of memory");
	}
done:
	xmlFreeDoc(b.doc);
	free(b.titles);
	tf_buf__free(&b.review);
	free(btext);
	tf_layout__free(&layout);
	tf_lexicons__free(lex);
	tf_meta__free(&meta);
	return rc;
}

/* NAME.yaml beside NAME.txt, if it exists (caller frees). */
static char *sibling_meta(const char *path)
{
	size_t n = strlen(path);
	char *p;
	struct stat st;

	if (n > 4 && !strcmp(path + n - 4, ".txt"))
		n -= 4;
	p = malloc(n + 6);
	if (!p)
		return NULL;
	memcpy(p, path, n);
	memcpy(p + n, ".yaml", 6);
	if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
		return p;
	free(p);
	return NULL;
}

int tf_convert_file(tf_doc **out, const char *path, const tf_convert_options *opts,
		    tf_diag_list *diags)
{
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;
	char *text = NULL, *meta = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (opts)
		o = *opts;
	rc = tf_read_file(&text, &len, path);
	if (rc < 0)
		return rc;
	if (!o.source_name)
		o.source_name = strcmp(path, "-") ? path : "<stdin>";
	if (!o.meta_path && strcmp(path, "-") != 0) {
		meta = sibling_meta(path);
		o.meta_path = meta;
	}
	rc = tf_convert_text(out, text, len, &o, diags);
	free(meta);
	free(text);
	return rc;
}

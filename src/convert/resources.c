/* SPDX-License-Identifier: MIT */
/*
 * resources.c — the language resources (tei/lexicon) and gazetteers
 * (tei/gazetteer) compiled in by the build.
 *
 * The TEI files stay the source: the build runs tf_rescomp, which loads
 * them the ordinary way (so a broken file fails the build with its file
 * and line) and writes what was loaded — folded items, list order, sorted
 * gazetteer keys — as one blob into tf_resources.c.  At run time the
 * converter still reads every file of the data folder, and uses the blob
 * only when the files are the ones it was compiled from (same names, same
 * sizes, same content hash); otherwise, or with TEIFORGE_RESOURCES=files,
 * it parses the files.  So an edited lexicon takes effect at once and a
 * broken one is still reported; only the cost of parsing and indexing
 * unchanged files goes away.
 *
 * Blob layout (native byte order: the blob is made and read on the same
 * machine; offsets are checked, a malformed blob is never trusted):
 *   "TFRES\0\0\2"  u32 words   u32 string bytes   u32 sections
 *   per section: str folder, u32 files, per file: str name, u32 size,
 *                u32 hash low, u32 hash high; u32 first word, u32 words
 *   the words of every section, then the strings (NUL-terminated).
 * A str is a u32: 0 for NULL, else 1 + its offset in the strings.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include "convert_internal.h"

#define MAGIC "TFRES\0\0\2"

/* The hash: 8 bytes at a time, then the bytes left, seeded with the
 * length (so that a file can be hashed in pieces, hash_file). */
static uint64_t hash_words(uint64_t h, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	return h;
}

static uint64_t hash_end(uint64_t h, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001B3ULL;
	return h ^ (h >> 29);
}

uint64_t tf_res__hash(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t whole = n & ~(size_t)7;

	return hash_end(hash_words(0x9E3779B97F4A7C15ULL ^ (uint64_t)n, u, whole), u + whole,
			n - whole);
}

/* tf_res__hash() of a file of the given size, read in pieces (no copy of
 * it is kept); 0 when it cannot be read or has another size. */
static int hash_file(const char *path, uint32_t size, uint64_t *out)
{
	unsigned char buf[8192];
	size_t have = 0, total = 0;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)size;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size != (off_t)size) {
		close(fd);
		return 0;
	}
	for (;;) {
		ssize_t k = read(fd, buf + have, sizeof buf - have);
		size_t whole;
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			close(fd);
			return 0;
		}
		if (k == 0)
			break;
		have += (size_t)k;
		total += (size_t)k;
		whole = have & ~(size_t)7;
		h = hash_words(h, buf, whole);
		memmove(buf, buf + whole, have - whole);
		have -= whole;
	}
	close(fd);
	if (total != size)
		return 0;
	*out = hash_end(h, buf, have);
	return 1;
}

/* ---- the XML files of a data folder ---- */

static int is_xml_name(const struct dirent *d)
{
	size_t k = strlen(d->d_name);

	return k > 4 && d->d_name[0] != '.' && strcmp(d->d_name + k - 4, ".xml") == 0;
}

int tf_res__files(const char *folder, char ***names, size_t *n)
{
	char *dir = tf_data__path(folder);
	struct dirent **ents = NULL;
	int k, i;

	*names = NULL;
	*n = 0;
	if (!dir)
		return tf_error__set(TF_ENOMEM, "out of memory");
	k = scandir(dir, &ents, is_xml_name, alphasort);
	if (k < 0) {
		tf_error__set(TF_EDATA, "%s: cannot read the language resources", dir);
		free(dir);
		return TF_EDATA;
	}
	*names = calloc((size_t)k + 1, sizeof **names);
	for (i = 0; i < k; i++) {
		if (*names) {
			size_t len = strlen(dir) + strlen(ents[i]->d_name) + 2;
			char *p = malloc(len);
			if (p)
				snprintf(p, len, "%s/%s", dir, ents[i]->d_name);
			(*names)[(*n)++] = p;
		}
		free(ents[i]);
	}
	free(ents);
	free(dir);
	if (!*names)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; (size_t)i < *n; i++)
		if (!(*names)[i]) {
			tf_res__free_files(*names, *n);
			*names = NULL;
			*n = 0;
			return tf_error__set(TF_ENOMEM, "out of memory");
		}
	return 0;
}

void tf_res__free_files(char **names, size_t n)
{
	size_t i;

	for (i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* ---- writing ---- */

void tf_resw__u32(tf_resw *w, uint32_t v)
{
	tf_buf__append(&w->words, (const char *)&v, sizeof v);
}

static uint32_t *str_slot(tf_resstrs *t, const char *s, uint64_t h)
{
	size_t i = (size_t)h & (t->cap - 1);

	while (t->slots[i] && strcmp(t->buf.data + t->slots[i] - 1, s) != 0)
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

/* The reference of s in the strings, adding it if new: 1 + its offset. */
static uint32_t str_ref(tf_resstrs *t, const char *s)
{
	size_t len = strlen(s), i;
	uint32_t *slot;

	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		uint32_t *old = t->slots, *nw = calloc(cap, sizeof *nw);
		if (!nw) {
			t->buf.failed = 1;
			return 0;
		}
		t->slots = nw;
		for (i = 0, t->cap = cap; old && i < cap / 2; i++)
			if (old[i]) {
				const char *o = t->buf.data + old[i] - 1;
				*str_slot(t, o, tf_res__hash(o, strlen(o))) = old[i];
			}
		free(old);
	}
	slot = str_slot(t, s, tf_res__hash(s, len));
	if (!*slot) {
		*slot = (uint32_t)t->buf.len + 1;
		tf_buf__append(&t->buf, s, len + 1);
		t->n++;
	}
	return *slot;
}

uint32_t tf_resw__ref(tf_resw *w, const char *s)
{
	return s ? str_ref(w->strs, s) : 0;
}

void tf_resw__str(tf_resw *w, const char *s)
{
	tf_resw__u32(w, s ? str_ref(w->strs, s) : 0);
}

/* ---- reading ---- */

static uint32_t u32_at(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

uint32_t tf_resr__u32(tf_resr *r)
{
	if (r->pos >= r->n) {
		r->bad = 1;
		return 0;
	}
	return u32_at(r->words + 4 * r->pos++);
}

const char *tf_resr__str(tf_resr *r)
{
	uint32_t at = tf_resr__u32(r);

	if (at == 0)
		return NULL;
	if (at > r->nstrs) {
		r->bad = 1;
		return "";
	}
	return r->strs + at - 1;
}

/* The header of the blob: where the words and the strings are. */
static int blob_reader(const unsigned char *blob, size_t size, tf_resr *r)
{
	uint32_t nwords, nstrs;

	memset(r, 0, sizeof *r);
	if (size < 20 || memcmp(blob, MAGIC, 8) != 0)
		return 0;
	nwords = u32_at(blob + 8);
	nstrs = u32_at(blob + 12);
	if ((size - 16) / 4 < nwords || size - 16 - 4 * (size_t)nwords != nstrs || nstrs == 0 ||
	    blob[size - 1] != '\0')
		return 0;
	r->words = blob + 16;
	r->n = nwords;
	r->strs = (const char *)blob + 16 + 4 * (size_t)nwords;
	r->nstrs = nstrs;
	return 1;
}

/* Do the XML files of the folder match the blob's record of them? */
static int files_match(tf_resr *hdr, const char *folder)
{
	char **names = NULL;
	size_t n = 0, i;
	uint32_t nfiles = tf_resr__u32(hdr);
	int ok;

	if (tf_res__files(folder, &names, &n) < 0)
		return 0;
	ok = n == nfiles;
	for (i = 0; i < nfiles; i++) {
		const char *name = tf_resr__str(hdr);
		uint32_t size = tf_resr__u32(hdr), lo = tf_resr__u32(hdr), hi = tf_resr__u32(hdr);
		uint64_t h = 0;
		if (!ok || hdr->bad || !name)
			continue;
		ok = !strcmp(base_name(names[i]), name) && hash_file(names[i], size, &h) &&
		     (uint32_t)h == lo && (uint32_t)(h >> 32) == hi;
	}
	tf_res__free_files(names, n);
	return ok && !hdr->bad;
}

int tf_res__open(const unsigned char *blob, size_t size, const char *folder, tf_resr *out)
{
	const char *env = getenv("TEIFORGE_RESOURCES");
	tf_resr hdr;
	uint32_t nsec, s, first = 0, count = 0;
	int found = 0, match = 0;

	memset(out, 0, sizeof *out);
	if ((env && strcmp(env, "files") == 0) || !blob_reader(blob, size, &hdr))
		return 0;
	nsec = tf_resr__u32(&hdr);
	for (s = 0; s < nsec && !hdr.bad; s++) {
		const char *name = tf_resr__str(&hdr);
		uint32_t f, c;
		if (name && strcmp(name, folder) == 0) {
			found = 1;
			match = files_match(&hdr, folder);
		} else {
			/* another folder: skip its file records */
			uint32_t nfiles = tf_resr__u32(&hdr), i;
			for (i = 0; i < nfiles && !hdr.bad; i++) {
				tf_resr__str(&hdr);
				tf_resr__u32(&hdr);
				tf_resr__u32(&hdr);
				tf_resr__u32(&hdr);
			}
		}
		f = tf_resr__u32(&hdr);
		c = tf_resr__u32(&hdr);
		if (name && strcmp(name, folder) == 0) {
			first = f;
			count = c;
		}
	}
	/* the sections' words follow the header */
	if (hdr.bad || !found || !match || first > hdr.n - hdr.pos ||
	    count > hdr.n - hdr.pos - first)
		return 0;
	*out = hdr;
	out->words = hdr.words + 4 * (hdr.pos + first);
	out->n = count;
	out->pos = 0;
	return 1;
}

/* ---- the build's compiler ---- */

static int add_section(tf_buf *head, tf_resw *w, const char *folder, tf_buf *words,
		       tf_buf *section_words)
{
	char **names = NULL;
	size_t n = 0, i;
	tf_resw hw = {TF_BUF_INIT, w->strs};
	int rc = tf_res__files(folder, &names, &n);

	if (rc < 0)
		return rc;
	tf_resw__str(&hw, folder);
	tf_resw__u32(&hw, (uint32_t)n);
	for (i = 0; i < n; i++) {
		char *data = NULL;
		size_t len = 0;
		uint64_t h;
		if (tf_file__read(&data, &len, names[i]) < 0) {
			rc = tf_error__set(TF_EDATA, "%s", tf_error_last());
			break;
		}
		h = tf_res__hash(data, len);
		free(data);
		tf_resw__str(&hw, base_name(names[i]));
		tf_resw__u32(&hw, (uint32_t)len);
		tf_resw__u32(&hw, (uint32_t)h);
		tf_resw__u32(&hw, (uint32_t)(h >> 32));
	}
	tf_res__free_files(names, n);
	tf_resw__u32(&hw, (uint32_t)(words->len / 4));
	tf_resw__u32(&hw, (uint32_t)(section_words->len / 4));
	tf_buf__append(head, hw.words.data ? hw.words.data : "", hw.words.len);
	tf_buf__append(words, section_words->data ? section_words->data : "", section_words->len);
	tf_buf__free(&hw.words);
	return rc;
}

int tf_res__compile(const char *out_path, tf_diag_list *diags)
{
	tf_resstrs strs = {TF_BUF_INIT, NULL, 0, 0};
	tf_buf head = TF_BUF_INIT, words = TF_BUF_INIT, blob = TF_BUF_INIT, c = TF_BUF_INIT;
	tf_resw lex = {TF_BUF_INIT, &strs}, gaz = {TF_BUF_INIT, &strs};
	uint32_t v;
	size_t i;
	int rc;

	tf_buf__putc(&strs.buf, '\0'); /* never empty */
	rc = tf_lexicons__compile(&lex, diags);
	if (rc == 0)
		rc = tf_gazetteers__compile(&gaz, diags);
	if (rc == 0) {
		v = 2;
		tf_buf__append(&head, (const char *)&v, 4);
		rc = add_section(&head, &lex, "tei/lexicon", &words, &lex.words);
	}
	if (rc == 0)
		rc = add_section(&head, &gaz, "tei/gazetteer", &words, &gaz.words);
	if (rc == 0) {
		tf_buf all = TF_BUF_INIT;
		tf_buf__append(&all, head.data, head.len);
		tf_buf__append(&all, words.data, words.len);
		tf_buf__append(&blob, MAGIC, 8);
		v = (uint32_t)(all.len / 4);
		tf_buf__append(&blob, (const char *)&v, 4);
		v = (uint32_t)strs.buf.len;
		tf_buf__append(&blob, (const char *)&v, 4);
		tf_buf__append(&blob, all.data, all.len);
		tf_buf__append(&blob, strs.buf.data, strs.buf.len);
		tf_buf__free(&all);
	}
	if (rc == 0 && (strs.buf.failed || head.failed || words.failed || blob.failed ||
			lex.words.failed || gaz.words.failed))
		rc = tf_error__set(TF_ENOMEM, "out of memory");
	if (rc == 0) {
		tf_buf__puts(&c, "/* Generated by tf_rescomp from tei/lexicon and tei/gazetteer:\n"
				 " * do not edit (see src/convert/resources.c). */\n"
				 "#include <stddef.h>\n"
				 "extern const unsigned char tf_resources_blob[];\n"
				 "extern const size_t tf_resources_size;\n"
				 "_Alignas(8) const unsigned char tf_resources_blob[] = {\n");
		for (i = 0; i < blob.len; i++)
			tf_buf__printf(&c, "%u,%s", (unsigned char)blob.data[i],
				       i % 24 == 23 ? "\n" : "");
		tf_buf__printf(&c, "\n};\nconst size_t tf_resources_size = %zu;\n", blob.len);
		if (c.failed)
			rc = tf_error__set(TF_ENOMEM, "out of memory");
		else
			rc = tf_write_file_atomic(out_path, c.data, c.len);
	}
	tf_buf__free(&strs.buf);
	free(strs.slots);
	tf_buf__free(&head);
	tf_buf__free(&words);
	tf_buf__free(&blob);
	tf_buf__free(&c);
	tf_buf__free(&lex.words);
	tf_buf__free(&gaz.words);
	return rc;
}

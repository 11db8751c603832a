/* SPDX-License-Identifier: MIT */
/*
 * batch.c — tf_batch_run(): a whole corpus in one run, the way CI uses it.
 *
 *   1. the paths are expanded (directories walked for *.xml, name order);
 *   2. every file is parsed on N threads (positions.c), XInclude expanded;
 *   3. the element names that occur are gathered and the schema is pruned
 *      to them (tf_rng_prune: same verdicts, compile in a fraction of the
 *      time — libxml2 spends 11–15 s on the automata of full tei_all);
 *   4. the schema is compiled once, on the calling thread, while a ticker
 *      reports progress;
 *   5. every document is validated on the N threads, each with its own
 *      xmlRelaxNGValidCtxt and error collector around one shared
 *      xmlRelaxNGPtr, then TEI's constraints are checked (constraints.c).
 *
 * Results stay in input order.  The library prints nothing: progress goes
 * through the caller's callback.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "validate_internal.h"

struct item {
	char *path;
	tf_file_status status;
	tf_diag_list *diags;
	double seconds;
	xmlDocPtr doc;
	tf_posmap *pos;
};

struct tf_batch {
	struct item *items;
	size_t count;
	size_t cap;
	tf_file_result *results;
	tf_batch_stats stats;
};

/* Shared by the worker threads of one stage. */
struct stage {
	tf_batch *b;
	const tf_batch_options *opts;
	const char *name;
	pthread_mutex_t lock;
	size_t next;
	size_t done;
	xmlRelaxNGPtr rng;
	const tf_expect *ex;
	const tf_constraints *cons;
	void (*work)(struct stage *st, struct item *it);
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int push(tf_batch *b, const char *path)
{
	struct item *it;
	struct item *p = tf_array__reserve(b->items, b->count, &b->cap, sizeof *p, 64);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	b->items = p;
	it = &b->items[b->count];
	memset(it, 0, sizeof *it);
	if (!(it->path = strdup(path)) || tf_diag_list_new(&it->diags) < 0) {
		free(it->path);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	b->count++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_xml_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Appends the *.xml files under dir, sorted by name, depth first. */
static int walk(tf_batch *b, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, **p;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (!d)
		return tf_error__set(TF_EIO, "%s: cannot read directory", dir);
	while ((de = readdir(d)) != NULL && rc == 0) {
		if (de->d_name[0] == '.')
			continue;
		p = tf_array__reserve(names, n, &cap, sizeof *p, 64);
		if (!p) {
			rc = tf_error__set(TF_ENOMEM, "out of memory");
			break;
		}
		names = p;
		if (!(names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2)))
			rc = tf_error__set(TF_ENOMEM, "out of memory");
		else
			sprintf(names[n++], "%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (rc == 0 && stat(names[i], &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth < 64)
				rc = walk(b, names[i], depth + 1);
			else if (S_ISREG(st.st_mode) && has_xml_suffix(names[i]))
				rc = push(b, names[i]);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static void *worker(void *arg)
{
	struct stage *st = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&st->lock);
		i = st->next++;
		pthread_mutex_unlock(&st->lock);
		if (i >= st->b->count)
			break;
		st->work(st, &st->b->items[i]);
		pthread_mutex_lock(&st->lock);
		st->done++;
		if (st->opts->progress)
			st->opts->progress(st->opts->progress_data, st->name, st->done,
					   st->b->count);
		pthread_mutex_unlock(&st->lock);
	}
	return NULL;
}

/* Runs st->work on every item with the batch's threads. */
static void run_stage(struct stage *st, int jobs)
{
	pthread_t tids[256];
	int i, started = 0;

	st->next = st->done = 0;
	for (i = 1; i < jobs && i < 256; i++)
		if (pthread_create(&tids[started], NULL, worker, st) == 0)
			started++;
	worker(st);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
}

static void parse_one(struct stage *st, struct item *it)
{
	char *data = NULL;
	size_t len = 0;
	double t0 = now();

	if (tf_file__read(&data, &len, it->path) < 0) {
		it->status = TF_FILE_ERROR;
		tf_diag_list_add(it->diags, TF_SEV_ERROR, it->path, 0, 0, NULL, "io",
				 tf_error_last());
	} else {
		it->doc =
		    tf_parse__tracked(data, len, it->path, st->opts->xinclude, it->diags, &it->pos);
		if (!it->doc || tf_diag_list_count_at_least(it->diags, TF_SEV_ERROR) > 0)
			it->status = TF_FILE_INVALID;
	}
	free(data);
	it->seconds += now() - t0;
}

static void validate_one(struct stage *st, struct item *it)
{
	xmlRelaxNGValidCtxtPtr v;
	tf_rng_errors *errs = NULL;
	double t0 = now();
	int ret;

	if (!it->doc)
		return;
	v = xmlRelaxNGNewValidCtxt(st->rng);
	if (!v || tf_rng_errors__new(&errs) < 0) {
		tf_diag_list_add(it->diags, TF_SEV_ERROR, it->path, 0, 0, NULL, "rng",
				 "out of memory");
		it->status = TF_FILE_INVALID;
		goto done;
	}
	xmlRelaxNGSetValidStructuredErrors(v, tf_rng_errors__handler, errs);
	ret = xmlRelaxNGValidateDoc(v, it->doc);
	if (ret != 0) {
		it->status = TF_FILE_INVALID;
		tf_rng_errors__emit(errs, st->ex, it->pos, it->path, it->diags);
	}
	if (st->cons && tf_constraints__check(st->cons, st->opts->constraints, it->doc, it->pos,
					      it->path, it->diags) > 0)
		it->status = TF_FILE_INVALID;
done:
	tf_rng_errors__free(errs);
	xmlRelaxNGFreeValidCtxt(v);
	xmlFreeDoc(it->doc);
	it->doc = NULL;
	tf_posmap__free(it->pos);
	it->pos = NULL;
	it->seconds += now() - t0;
}

/* Ticker reporting the compile's elapsed time every 200 ms. */
struct ticker {
	const tf_batch_options *opts;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int stop;
	double start;
};

static void *tick(void *arg)
{
	struct ticker *t = arg;
	struct timespec ts;

	pthread_mutex_lock(&t->lock);
	while (!t->stop) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 200000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&t->cond, &t->lock, &ts);
		if (!t->stop)
			t->opts->progress(t->opts->progress_data, "compile",
					  (size_t)((now() - t->start) * 1000), 0);
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

/* Problems in the schema itself. */
static void schema_error(void *data, xmlErrorPtr err)
{
	char msg[600];
	size_t n;

	if (!err || err->level < XML_ERR_ERROR)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "schema error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	tf_diag_list_add(data, TF_SEV_ERROR, err->file, err->line, 0, NULL, "schema", msg);
}

/* Prunes rng to the names of the batch (unless asked not to) and compiles. */
static int compile(xmlRelaxNGPtr *out, tf_batch *b, xmlDocPtr rng, const tf_name_set *names,
		   const tf_batch_options *opts, tf_diag_list *diags)
{
	xmlDocPtr pruned = NULL;
	xmlRelaxNGParserCtxtPtr pc;
	struct ticker t;
	pthread_t tid;
	int ticking = 0;

	*out = NULL;
	if (!opts->no_prune &&
	    tf_rng_prune(&pruned, rng, tf_name_set_items(names), tf_name_set_count(names)) == 0)
		b->stats.pruned = 1;
	pc = xmlRelaxNGNewDocParserCtxt(pruned ? pruned : rng);
	if (!pc) {
		xmlFreeDoc(pruned);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	xmlRelaxNGSetParserStructuredErrors(pc, schema_error, diags);
	memset(&t, 0, sizeof t);
	if (opts->progress) {
		t.opts = opts;
		t.start = now();
		pthread_mutex_init(&t.lock, NULL);
		pthread_cond_init(&t.cond, NULL);
		ticking = pthread_create(&tid, NULL, tick, &t) == 0;
	}
	tf_loader__allow_local(1); /* <include>/<externalRef> of local files */
	*out = xmlRelaxNGParse(pc);
	tf_loader__allow_local(0);
	if (ticking) {
		pthread_mutex_lock(&t.lock);
		t.stop = 1;
		pthread_cond_signal(&t.cond);
		pthread_mutex_unlock(&t.lock);
		pthread_join(tid, NULL);
	}
	if (opts->progress) {
		pthread_mutex_destroy(&t.lock);
		pthread_cond_destroy(&t.cond);
	}
	xmlRelaxNGFreeParserCtxt(pc);
	xmlFreeDoc(pruned); /* the compiled schema keeps what it needs */
	if (!*out) {
		tf_diag_list_add(diags, TF_SEV_ERROR, opts->schema_path, 0, 0, NULL, "schema",
				 "not a usable RelaxNG schema");
		return tf_error__set(TF_EINPUT, "%s: not a usable RelaxNG schema",
				     opts->schema_path ? opts->schema_path : "schema");
	}
	return 0;
}

/* Gathers the element names of every parsed document. */
static int gather_names(tf_name_set **out, const tf_batch *b)
{
	size_t i;
	int rc = tf_name_set_new(out);

	for (i = 0; i < b->count && rc == 0; i++)
		if (b->items[i].doc)
			rc = tf_name_set__add_xml(*out, b->items[i].doc);
	return rc;
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static int load_schema(xmlDocPtr *out, const char *path, tf_diag_list *diags)
{
	char *data = NULL;
	size_t len = 0;
	int rc = tf_file__read(&data, &len, path);

	*out = NULL;
	if (rc < 0)
		return rc;
	*out = tf_xml__parse(data, len, path, diags, 0);
	free(data);
	return *out ? 0 : tf_error__set(TF_EINPUT, "%s: not a well-formed schema", path);
}

static int finish(tf_batch *b)
{
	size_t i;

	b->results = calloc(b->count ? b->count : 1, sizeof *b->results);
	if (!b->results)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; i < b->count; i++) {
		b->results[i].path = b->items[i].path;
		b->results[i].status = b->items[i].status;
		b->results[i].diags = b->items[i].diags;
		b->results[i].seconds = b->items[i].seconds;
	}
	b->stats.files = b->count;
	return 0;
}

int tf_batch_run(tf_batch **out, const char *const *paths, size_t npaths,
		 const tf_batch_options *opts_in, tf_diag_list *diags)
{
	tf_batch_options defaults = TF_BATCH_OPTIONS_INIT, opts;
	tf_batch *b = NULL;
	struct stage st;
	xmlDocPtr rng = NULL;
	tf_expect *ex = NULL;
	tf_constraints *cons = NULL;
	tf_name_set *names = NULL;
	char *default_schema = NULL;
	double t0;
	size_t i;
	int rc = 0;

	*out = NULL;
	opts = opts_in ? *opts_in : defaults;
	if (!paths && npaths)
		return tf_error__set(TF_EUSAGE, "tf_batch_run: paths are required");
	if (opts.jobs <= 0)
		opts.jobs = default_jobs();
	if (!opts.schema_path) {
		if (!(default_schema = tf_data__path("schemas/teiforge.rng")))
			return tf_error__set(TF_ENOMEM, "out of memory");
		opts.schema_path = default_schema;
	}
	if (!(b = calloc(1, sizeof *b))) {
		rc = tf_error__set(TF_ENOMEM, "out of memory");
		goto done;
	}
	b->stats.jobs = opts.jobs;
	for (i = 0; i < npaths && rc == 0; i++) {
		struct stat s;

		if (stat(paths[i], &s) == 0 && S_ISDIR(s.st_mode))
			rc = walk(b, paths[i], 0);
		else
			rc = push(b, paths[i]);
	}
	if (rc == 0)
		rc = load_schema(&rng, opts.schema_path, diags);
	if (rc == 0 && opts.constraints != TF_CONSTRAINTS_OFF)
		rc = tf_constraints__load(&cons, opts.constraints_path);
	if (rc == 0)
		rc = tf_expect__new(&ex, rng);
	if (rc < 0)
		goto done;
	tf_constraints__counts(cons, &b->stats.constraints_used, &b->stats.constraints_skipped);
	memset(&st, 0, sizeof st);
	st.b = b;
	st.opts = &opts;
	st.ex = ex;
	st.cons = cons;
	pthread_mutex_init(&st.lock, NULL);
	t0 = now();
	st.name = "parse";
	st.work = parse_one;
	run_stage(&st, opts.jobs);
	b->stats.parse_seconds = now() - t0;
	t0 = now();
	rc = gather_names(&names, b);
	if (rc == 0)
		rc = compile(&st.rng, b, rng, names, &opts, diags);
	b->stats.element_names = tf_name_set_count(names);
	b->stats.compile_seconds = now() - t0;
	if (rc == 0) {
		t0 = now();
		st.name = "validate";
		st.work = validate_one;
		run_stage(&st, opts.jobs);
		b->stats.validate_seconds = now() - t0;
	}
	pthread_mutex_destroy(&st.lock);
	xmlRelaxNGFree(st.rng);
	if (rc == 0)
		rc = finish(b);
done:
	tf_name_set_free(names);
	tf_expect__free(ex);
	tf_constraints__free(cons);
	xmlFreeDoc(rng);
	free(default_schema);
	if (rc < 0)
		tf_batch_free(b);
	else
		*out = b;
	return rc;
}

size_t tf_batch_count(const tf_batch *b)
{
	return b ? b->count : 0;
}

const tf_file_result *tf_batch_get(const tf_batch *b, size_t i)
{
	return b && i < b->count ? &b->results[i] : NULL;
}

const tf_batch_stats *tf_batch_stats_get(const tf_batch *b)
{
	return b ? &b->stats : NULL;
}

void tf_batch_free(tf_batch *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->count; i++) {
		free(b->items[i].path);
		tf_diag_list_free(b->items[i].diags);
		xmlFreeDoc(b->items[i].doc);
		tf_posmap__free(b->items[i].pos);
	}
	free(b->items);
	free(b->results);
	free(b);
}

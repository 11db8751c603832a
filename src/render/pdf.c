/* SPDX-License-Identifier: MIT */
/*
 * pdf.c — the last step of `render --to pdf`: the LaTeX written by
 * xslt/latex/latex.xsl is typeset by xelatex, a separate program, run
 * twice (the second run places marginal notes and cross-references) in a
 * fresh folder under $TMPDIR that is removed afterwards: nothing is ever
 * written beside the user's files, and the caller gets the whole PDF or an
 * error (it writes the file atomically).  xelatex's own talk goes to its
 * log in that folder; on failure the log's error lines become the message.
 */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "internal.h"
#include "render_internal.h"

#define INSTALL_HINT                                                                               \
	"install it (Debian: apt-get install --no-install-recommends texlive-xetex "               \
	"texlive-lang-cyrillic texlive-lang-other fonts-dejavu-core), or write LaTeX with "        \
	"--to latex and typeset it yourself"

/* The full path of prog found on $PATH, or NULL; caller frees. */
static char *find_on_path(const char *prog)
{
	const char *p = getenv("PATH"), *end;
	char *full;
	size_t n;

	if (!p || !*p)
		p = "/usr/local/bin:/usr/bin:/bin";
	for (; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		n = (size_t)(end - p);
		full = malloc(n + strlen(prog) + 2);
		if (!full)
			return NULL;
		snprintf(full, n + strlen(prog) + 2, "%.*s/%s", (int)n, p, prog);
		if (n && access(full, X_OK) == 0)
			return full;
		free(full);
	}
	return NULL;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Runs "xelatex ... main.tex" in dir with stdin from /dev/null and output
 * to dir/run.out; returns its exit status, or -1 if it could not run. */
static int run_xelatex(const char *xelatex, const char *dir)
{
	pid_t pid;
	int status;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY), out;
		if (chdir(dir) != 0 || in < 0)
			_exit(126);
		out = open("run.out", O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (out < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(out, 2);
		execl(xelatex, "xelatex", "-interaction=nonstopmode", "-halt-on-error",
		      "-no-shell-escape", "main.tex", (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first lines of the log that report an error ("! ..."), for the
 * message; empty when none. */
static void log_errors(tf_buf *msg, const char *dir)
{
	char path[4096], *log = NULL, *line, *next;
	size_t len = 0;
	int shown = 0;

	snprintf(path, sizeof path, "%s/main.log", dir);
	if (tf_file__read(&log, &len, path) < 0)
		return;
	for (line = log; line && *line && shown < 3; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[0] == '!') {
			tf_buf__printf(msg, "%s%.200s", shown ? "; " : "", line);
			shown++;
		}
	}
	free(log);
}

int tf_render__pdf(char **out, size_t *out_len, const char *tex, size_t tex_len)
{
	char *xelatex = NULL, dir[4096], path[4096];
	const char *tmp = getenv("TMPDIR");
	tf_buf msg = TF_BUF_INIT;
	int rc = 0, st, i, fd;

	*out = NULL;
	*out_len = 0;
	dir[0] = '\0';
	xelatex = find_on_path("xelatex");
	if (!xelatex)
		return tf_error__set(TF_EDATA,
				     "PDF needs xelatex, which is not installed: " INSTALL_HINT);
	snprintf(dir, sizeof dir, "%s/teiforge-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		rc = tf_error__set(TF_EIO, "cannot make a temporary folder in %s: %s",
				   tmp && *tmp ? tmp : "/tmp", strerror(errno));
		dir[0] = '\0';
		goto done;
	}
	if (snprintf(path, sizeof path, "%s/main.tex", dir) >= (int)sizeof path) {
		rc = tf_error__set(TF_EIO, "temporary folder name too long: %s", dir);
		goto done;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, tex, tex_len) != (ssize_t)tex_len || close(fd) != 0) {
		rc = tf_error__set(TF_EIO, "%s: cannot write: %s", path, strerror(errno));
		goto done;
	}
	for (i = 0; i < 2; i++) {
		st = run_xelatex(xelatex, dir);
		if (st != 0) {
			log_errors(&msg, dir);
			rc = tf_error__set(TF_ERROR, "xelatex failed (%s%d)%s%s",
					   st < 0 ? "could not run, " : "exit status ", st,
					   msg.len ? ": " : "", msg.len ? msg.data : "");
			goto done;
		}
	}
	if (snprintf(path, sizeof path, "%s/main.pdf", dir) >= (int)sizeof path) {
		rc = tf_error__set(TF_EIO, "temporary folder name too long: %s", dir);
		goto done;
	}
	if (tf_file__read(out, out_len, path) < 0) {
		rc = tf_error__set(TF_ERROR, "xelatex wrote no PDF: %s", tf_error_last());
		goto done;
	}
done:
	if (dir[0])
		remove_tree(dir);
	free(xelatex);
	tf_buf__free(&msg);
	return rc;
}

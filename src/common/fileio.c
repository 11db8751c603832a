/* SPDX-License-Identifier: MIT */
/*
 * fileio.c — reading inputs whole and writing outputs whole or not at all.
 * Every file teiforge writes goes through tf_write_file_atomic(): a
 * temporary file in the same folder, fsync'd, then renamed over the target,
 * so a failure never leaves half an output behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

static int read_stream(char **out, size_t *out_len, FILE *fp, const char *name)
{
	tf_buf b = TF_BUF_INIT;
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		tf_buf__append(&b, chunk, n);
	if (ferror(fp)) {
		tf_buf__free(&b);
		return tf_error__set(TF_EIO, "%s: read error: %s", name, strerror(errno));
	}
	*out_len = b.len;
	*out = tf_buf__detach(&b);
	return *out ? 0 : tf_error__set(TF_ENOMEM, "%s: out of memory", name);
}

int tf_file__read(char **out, size_t *out_len, const char *path)
{
	FILE *fp;
	struct stat st;
	int rc;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return tf_error__set(TF_EIO, "%s: is a directory", path);
	fp = fopen(path, "rb");
	if (!fp)
		return tf_error__set(TF_EIO, "%s: cannot open: %s", path, strerror(errno));
	rc = read_stream(out, out_len, fp, path);
	fclose(fp);
	return rc;
}

int tf_read_file(char **out, size_t *out_len, const char *path)
{
	*out = NULL;
	*out_len = 0;
	if (strcmp(path, "-") == 0)
		return read_stream(out, out_len, stdin, "<stdin>");
	return tf_file__read(out, out_len, path);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, data, len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += k;
		len -= (size_t)k;
	}
	return 0;
}

int tf_write_file_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = NULL;
	size_t plen;
	int fd = -1, rc = 0;

	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return tf_error__set(TF_EIO, "<stdout>: write error: %s", strerror(errno));
		return 0;
	}
	plen = strlen(path);
	tmp = malloc(plen + 16);
	if (!tmp)
		return tf_error__set(TF_ENOMEM, "out of memory");
	snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = tf_error__set(TF_EIO, "%s: cannot write: %s", path, strerror(errno));
		goto done;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		rc = tf_error__set(TF_EIO, "%s: write error: %s", path, strerror(errno));
		goto done;
	}
	/* mkstemp creates 0600; give the output the usual permissions */
	{
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (close(fd) < 0) {
		fd = -1;
		rc = tf_error__set(TF_EIO, "%s: write error: %s", path, strerror(errno));
		goto done;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		rc = tf_error__set(TF_EIO, "%s: cannot write: %s", path, strerror(errno));
		goto done;
	}
done:
	if (fd >= 0)
		close(fd);
	if (rc < 0 && tmp)
		unlink(tmp);
	free(tmp);
	return rc;
}

#include "source.h"
#include "buf.h"
#include "exitcode.h"
#include "xalloc.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (256 * 1024)
#define MAX_FOLDER_DEPTH 24

struct source {
	const char *path;       /* what the user named */
	struct archive *ar;     /* libarchive handle, or NULL for a folder */
	int fd;                 /* folder mode: the open file */
	char *chunk;            /* folder mode: read buffer */
	const char *entry;      /* current entry path */
	uint64_t entry_out;     /* bytes produced for the current entry */
	int64_t entry_in_start; /* compressed position at entry start */
	uint64_t done, total;
	int stream_fd;          /* stream mode: the pipe */
	char *stream_buf;
	struct sha256 *whole;   /* stream mode: hash of every byte read */
};

enum source_kind source_kind(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return SOURCE_OTHER;
	if (S_ISDIR(st.st_mode))
		return SOURCE_FOLDER;
	if (S_ISREG(st.st_mode))
		return SOURCE_FILE;
	if (S_ISFIFO(st.st_mode))
		return SOURCE_STREAM;
	return SOURCE_OTHER;
}

/* libarchive's read callback for a pipe: each chunk is hashed on its way. */
static la_ssize_t stream_read(struct archive *a, void *ctx, const void **buf)
{
	struct source *src = ctx;
	ssize_t r;
	do
		r = read(src->stream_fd, src->stream_buf, READ_CHUNK);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return -1;
	}
	if (src->whole)
		sha256_add(src->whole, src->stream_buf, (size_t)r);
	src->done += (uint64_t)r;
	*buf = src->stream_buf;
	return r;
}

bool source_is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void source_progress(const struct source *src, uint64_t *done, uint64_t *total)
{
	*done = src->ar && src->stream_fd < 0 ? (uint64_t)archive_filter_bytes(src->ar, -1)
					      : src->done;
	*total = src->total;
}

/* Names no Twitter archive file can have, or that must not be followed. */
static const char *skip_reason(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!strncmp(path, "__MACOSX/", 9) || strstr(path, "/__MACOSX/"))
		return "macOS resource fork folder";
	if (!strncmp(base, "._", 2) || !strcmp(base, ".DS_Store"))
		return "macOS metadata file";
	if (path[0] == '/')
		return "absolute path";
	for (const char *p = path; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return "path with '..'";
	return NULL;
}

static int check_bomb(struct source *src, struct err *err)
{
	if (src->entry_out > SOURCE_MAX_ENTRY)
		return err_set(err, EXIT_INPUT,
			       "'%s': entry '%s' inflates past %llu GiB; refusing a likely "
			       "decompression bomb",
			       src->path, src->entry,
			       (unsigned long long)(SOURCE_MAX_ENTRY >> 30));
	if (src->ar && src->entry_out > ((uint64_t)64 << 20)) {
		int64_t in = archive_filter_bytes(src->ar, -1) - src->entry_in_start;
		if (in <= 0)
			in = 1;
		if (src->entry_out / (uint64_t)in > SOURCE_MAX_RATIO)
			return err_set(err, EXIT_INPUT,
				       "'%s': entry '%s' inflates more than %d:1; refusing a "
				       "likely decompression bomb",
				       src->path, src->entry, SOURCE_MAX_RATIO);
	}
	return 0;
}

int source_read(struct source *src, const char **p, size_t *n, struct err *err)
{
	if (src->ar) {
		const void *b;
		size_t len;
		la_int64_t off;
		for (;;) {
			int r = archive_read_data_block(src->ar, &b, &len, &off);
			if (r == ARCHIVE_EOF)
				return 0;
			/*
			 * libarchive says WARN when an entry's bytes do not match
			 * its CRC-32 ("ZIP bad CRC"): the data is damaged, and
			 * nothing of this archive may land.
			 */
			if (r != ARCHIVE_OK)
				return err_set(err, EXIT_INPUT, "'%s': entry '%s' is damaged: %s",
					       src->path, src->entry,
					       archive_error_string(src->ar)
						       ? archive_error_string(src->ar)
						       : "cannot read it");
			if (len == 0)
				continue;
			*p = b;
			*n = len;
			src->entry_out += len;
			return check_bomb(src, err) ? -1 : 1;
		}
	}
	ssize_t r;
	do
		r = read(src->fd, src->chunk, READ_CHUNK);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return err_set(err, EXIT_IO, "'%s/%s': %s", src->path, src->entry, strerror(errno));
	if (r == 0)
		return 0;
	*p = src->chunk;
	*n = (size_t)r;
	src->done += (uint64_t)r;
	src->entry_out += (uint64_t)r;
	return check_bomb(src, err) ? -1 : 1;
}

/* ---- ZIP and tar through libarchive ---- */

/* libarchive opened on the file or the pipe: ZIP or tar, any filter. */
static int open_archive(struct source *src, bool stream, struct err *err)
{
	int opened;
	src->ar = archive_read_new();
	archive_read_support_format_zip(src->ar);
	archive_read_support_format_tar(src->ar);
	archive_read_support_filter_all(src->ar);
	if (stream) {
		src->stream_fd = open(src->path, O_RDONLY | O_CLOEXEC);
		if (src->stream_fd < 0)
			return err_set(err, EXIT_INPUT, "'%s': %s", src->path, strerror(errno));
		src->stream_buf = xmalloc(READ_CHUNK);
		opened = archive_read_open(src->ar, src, NULL, stream_read, NULL);
	} else {
		opened = archive_read_open_filename(src->ar, src->path, READ_CHUNK);
	}
	if (opened != ARCHIVE_OK) {
		const char *m = archive_error_string(src->ar);
		return err_set(err, EXIT_INPUT, "'%s': not a ZIP archive or folder (%s)", src->path,
			       m ? m : "unrecognized format");
	}
	return 0;
}

/* One entry as the walker's callback sees it, with why it is skipped if it is. */
static struct source_entry entry_of(struct archive_entry *ae, const char *name)
{
	mode_t type = archive_entry_filetype(ae);
	struct source_entry e = { name, archive_entry_size_is_set(ae) ? archive_entry_size(ae)
								     : -1,
				  skip_reason(name) };
	if (!e.skip && type != AE_IFREG)
		e.skip = type == AE_IFLNK ? "symbolic link" : "not a regular file";
	if (!e.skip && archive_entry_is_encrypted(ae))
		e.skip = "encrypted entry";
	return e;
}

/* Every entry but folders, in the archive's order, to fn. */
static int each_entry(struct source *src, source_entry_fn fn, void *ctx, struct err *err)
{
	for (;;) {
		struct archive_entry *ae;
		int r = archive_read_next_header(src->ar, &ae);
		if (r == ARCHIVE_EOF)
			return 0;
		if (r == ARCHIVE_RETRY)
			continue;
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			const char *m = archive_error_string(src->ar);
			return err_set(err, EXIT_INPUT, "'%s': damaged or truncated archive (%s)",
				       src->path, m ? m : "cannot read the next entry");
		}
		const char *name = archive_entry_pathname(ae);
		if (!name)
			name = "";
		if (archive_entry_filetype(ae) == AE_IFDIR)
			continue;
		struct source_entry e = entry_of(ae, name);
		src->entry = name;
		src->entry_out = 0;
		src->entry_in_start = archive_filter_bytes(src->ar, -1);
		if (fn(ctx, src, &e, err))
			return -1;
	}
}

static int walk_archive(struct source *src, source_entry_fn fn, void *ctx, struct err *err)
{
	struct stat st;
	if (stat(src->path, &st) != 0)
		return err_set(err, EXIT_INPUT, "'%s': %s", src->path, strerror(errno));
	bool stream = S_ISFIFO(st.st_mode);
	if (!stream && !S_ISREG(st.st_mode))
		return err_set(err, EXIT_INPUT, "'%s': %s, not an archive file or folder",
			       src->path, S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
						  ? "a device" : "not a regular file");
	src->total = stream ? 0 : (uint64_t)st.st_size;
	if (!stream && st.st_size == 0)
		return err_set(err, EXIT_INPUT, "'%s': empty file, not an archive", src->path);

	int rc = open_archive(src, stream, err);
	if (!rc)
		rc = each_entry(src, fn, ctx, err);
	/* a stream hashes what it read: read to its end, so the hash is of all of it */
	while (stream && !rc) {
		const void *b;
		la_ssize_t r = stream_read(src->ar, src, &b);
		if (r <= 0)
			break;
	}
	archive_read_free(src->ar);
	src->ar = NULL;
	if (src->stream_fd >= 0)
		close(src->stream_fd);
	src->stream_fd = -1;
	free(src->stream_buf);
	src->stream_buf = NULL;
	return rc;
}

/* ---- unzipped folders ---- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint64_t folder_size(const char *dir, int depth)
{
	uint64_t total = 0;
	DIR *d = depth < MAX_FOLDER_DEPTH ? opendir(dir) : NULL;
	struct dirent *de;
	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char *p = xasprintf("%s/%s", dir, de->d_name);
		struct stat st;
		if (lstat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				total += folder_size(p, depth + 1);
			else if (S_ISREG(st.st_mode))
				total += (uint64_t)st.st_size;
		}
		free(p);
	}
	closedir(d);
	return total;
}

static int walk_dir(struct source *src, const char *rel, int depth, source_entry_fn fn, void *ctx,
		    struct err *err)
{
	char *dir = rel[0] ? xasprintf("%s/%s", src->path, rel) : xstrdup(src->path);
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t nr = 0, alloc = 0;
	int rc = 0;
	struct dirent *de;

	if (!d) {
		rc = err_set(err, EXIT_INPUT, "'%s': %s", dir, strerror(errno));
		free(dir);
		return rc;
	}
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		ALLOC_GROW(names, nr + 1, alloc);
		names[nr++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, nr, sizeof(*names), cmp_names);

	for (size_t i = 0; i < nr && !rc; i++) {
		char *relp = rel[0] ? xasprintf("%s/%s", rel, names[i]) : xstrdup(names[i]);
		char *full = xasprintf("%s/%s", dir, names[i]);
		struct stat st;
		if (lstat(full, &st) != 0) {
			rc = err_set(err, EXIT_IO, "'%s': %s", full, strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			if (depth < MAX_FOLDER_DEPTH && !skip_reason(relp))
				rc = walk_dir(src, relp, depth + 1, fn, ctx, err);
		} else {
			struct source_entry e = { relp, S_ISREG(st.st_mode) ? st.st_size : -1,
						  skip_reason(relp) };
			if (!e.skip && S_ISLNK(st.st_mode))
				e.skip = "symbolic link";
			else if (!e.skip && !S_ISREG(st.st_mode))
				e.skip = "not a regular file";
			src->fd = -1;
			if (!e.skip) {
				src->fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
				if (src->fd < 0)
					rc = err_set(err, EXIT_INPUT, "'%s': %s", full,
						     strerror(errno));
			}
			if (!rc) {
				src->entry = relp;
				src->entry_out = 0;
				rc = fn(ctx, src, &e, err) ? -1 : 0;
			}
			if (src->fd >= 0)
				close(src->fd);
			src->fd = -1;
		}
		free(relp);
		free(full);
	}
	for (size_t i = 0; i < nr; i++)
		free(names[i]);
	free(names);
	free(dir);
	return rc;
}

int source_walk(const char *path, source_entry_fn fn, void *ctx, struct sha256 *whole,
		struct err *err)
{
	struct source src;
	memset(&src, 0, sizeof(src));
	src.path = path;
	src.fd = -1;
	src.stream_fd = -1;
	src.whole = whole;
	if (!source_is_folder(path))
		return walk_archive(&src, fn, ctx, err);
	src.chunk = xmalloc(READ_CHUNK);
	src.total = folder_size(path, 0);
	int rc = walk_dir(&src, "", 0, fn, ctx, err);
	free(src.chunk);
	return rc;
}

/*
 * source: walk the files of an archive, a ZIP (or tar) read as a stream by
 * libarchive, or an unzipped folder, without extracting anything to disk.
 *
 * For each regular file the walker calls the entry callback with the file's
 * path inside the archive; the callback may pull the file's bytes with
 * source_read() or ignore them. Symlinks, devices, encrypted entries and
 * names with "..", "__MACOSX" folders or "._" files are reported to the callback with
 * skip set, so it can decide whether their absence matters.
 *
 * The walker guards against decompression bombs: an entry may not inflate
 * past SOURCE_MAX_ENTRY bytes, nor past SOURCE_MAX_RATIO times the bytes it
 * took in the ZIP once it is past 64 MiB. It owns its handles and never prints.
 */
#ifndef DMAUDIT_SOURCE_H
#define DMAUDIT_SOURCE_H

#include "error.h"
#include "sha256.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SOURCE_MAX_ENTRY ((uint64_t)32 << 30)
#define SOURCE_MAX_RATIO 400

struct source;

struct source_entry {
	const char *path;   /* '/'-separated path inside the archive */
	int64_t size;       /* uncompressed size, -1 when unknown */
	const char *skip;   /* NULL, or why the entry cannot be read */
};

/* Return 0 to go on, -1 (err filled) to stop the walk. */
typedef int (*source_entry_fn)(void *ctx, struct source *src, const struct source_entry *e,
			       struct err *err);

/*
 * Pull the next chunk of the current entry: returns 1 with *p and *n set, 0 at
 * the end of the entry, -1 with err filled.
 */
int source_read(struct source *src, const char **p, size_t *n, struct err *err);

/* Bytes of the archive read so far, and in all (for a progress bar). */
void source_progress(const struct source *src, uint64_t *done, uint64_t *total);

enum source_kind {
	SOURCE_FILE,    /* a ZIP (or tar) file, read twice: once to hash, once to walk */
	SOURCE_FOLDER,  /* an unzipped folder */
	SOURCE_STREAM,  /* a pipe, e.g. <(curl ...) : read once, hashed as it is read */
	SOURCE_OTHER,   /* missing, a device, a socket: never read */
};

enum source_kind source_kind(const char *path);
/* True when path is a folder (else it is taken as an archive file). */
bool source_is_folder(const char *path);

/*
 * Walk every entry of the archive or folder at path. Errors name the path.
 * Folder entries come in name order; archive entries in stored order. A
 * stream's bytes are added to *whole as they are read (NULL: not hashed);
 * a device is refused (/dev/zero would never end).
 */
int source_walk(const char *path, source_entry_fn fn, void *ctx, struct sha256 *whole,
		struct err *err);

#endif

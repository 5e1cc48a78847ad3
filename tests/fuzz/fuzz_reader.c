/*
 * libFuzzer target: one window.YTD file through the element reader, UTF-8
 * repair, jdoc and the loader into a scratch database. The first byte of
 * the input picks the file kind, the second the chunk size the bytes arrive in.
 */
#include "classify.h"
#include "load.h"
#include "store.h"
#include "utf8.h"
#include "ytd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static struct store store = STORE_INIT;
static struct load load;
static enum data_kind kind;
static struct buf fixed;

static int on_element(void *ctx, const char *json, size_t len, size_t index, uint64_t offset,
		      struct err *err)
{
	static struct jdoc doc = JDOC_INIT;
	size_t at;
	const char *why;
	(void)ctx;
	(void)index;
	(void)offset;
	if (utf8_valid_prefix(json, len) != len) {
		buf_reset(&fixed);
		utf8_repair(json, len, &fixed);
		json = fixed.s;
		len = fixed.len;
	}
	if (jdoc_parse(&doc, json, len, &at, &why))
		return err_set(err, 2, "bad json");
	return load_element(&load, kind, jdoc_root(&doc), err);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[64];
	struct err err = ERR_INIT;
	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "/tmp/dmaudit-fuzz-%d.db", (int)getpid());
	unlink(path);
	if (store_open(&store, path, STORE_WRITE, &err) || store_begin(&store, &err) ||
	    load_init(&load, &store, 1, &err)) {
		fprintf(stderr, "fuzz setup: %s\n", err.msg);
		abort();
	}
	unlink(path); /* the open handle keeps it while the fuzzer runs */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum data_kind kinds[] = { KIND_MANIFEST, KIND_ACCOUNT, KIND_DM,
						KIND_GROUP_DM, KIND_TWEET, KIND_FOLLOWER,
						KIND_FOLLOWING, KIND_APP, KIND_BLOCK, KIND_MUTE };
	if (size < 2)
		return 0;
	kind = kinds[data[0] % (sizeof(kinds) / sizeof(kinds[0]))];
	size_t step = (size_t)data[1] + 1;
	data += 2;
	size -= 2;

	struct ytd_reader r;
	struct err err = ERR_INIT;
	int rc = 0;
	/* each input's rows are rolled back, so the scratch database stays small */
	sqlite3_exec(store.db, "SAVEPOINT one", NULL, NULL, NULL);
	ytd_init(&r, on_element, NULL);
	for (size_t i = 0; i < size && !rc; i += step)
		rc = ytd_feed(&r, (const char *)data + i, size - i < step ? size - i : step, &err);
	if (!rc)
		ytd_finish(&r, &err);
	load_flush(&load, &err);
	ytd_release(&r);
	sqlite3_exec(store.db, "ROLLBACK TO one; RELEASE one", NULL, NULL, NULL);
	return 0;
}

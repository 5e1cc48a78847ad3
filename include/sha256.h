/*
 * sha256: SHA-256, streaming, over nettle's (SHA-NI where the CPU has it,
 * twice the speed of a portable C version). Identifies snapshots by the
 * bytes of the archive they came from.
 */
#ifndef DMAUDIT_SHA256_H
#define DMAUDIT_SHA256_H

#include <nettle/sha2.h>

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	struct sha256_ctx ctx;
};

void sha256_begin(struct sha256 *c);
void sha256_add(struct sha256 *c, const void *p, size_t n);
void sha256_end(struct sha256 *c, unsigned char out[32]);
/* Lower-case hex of a digest: 65 bytes with the NUL. */
void sha256_hex(const unsigned char d[32], char out[65]);
/* Hash a whole file; returns 0, or -1 with errno set. */
int sha256_file(const char *path, char hex[65]);

#endif

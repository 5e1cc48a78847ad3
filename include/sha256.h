/*
 * sha256: FIPS 180-4 SHA-256, streaming. Identifies snapshots by the bytes
 * of the archive they came from.
 */
#ifndef DMAUDIT_SHA256_H
#define DMAUDIT_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char block[64];
	size_t fill;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *p, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[32]);
/* Lower-case hex of a digest: 65 bytes with the NUL. */
void sha256_hex(const unsigned char d[32], char out[65]);
/* Hash a whole file; returns 0, or -1 with errno set. */
int sha256_file(const char *path, char hex[65]);

#endif

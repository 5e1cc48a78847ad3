#include "sha256.h"
#include "interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void sha256_begin(struct sha256 *c)
{
	sha256_init(&c->ctx);
}

void sha256_add(struct sha256 *c, const void *p, size_t n)
{
	sha256_update(&c->ctx, n, p);
}

void sha256_end(struct sha256 *c, unsigned char out[32])
{
	sha256_digest(&c->ctx, SHA256_DIGEST_SIZE, out);
}

void sha256_hex(const unsigned char d[32], char out[65])
{
	static const char hx[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		out[2 * i] = hx[d[i] >> 4];
		out[2 * i + 1] = hx[d[i] & 15];
	}
	out[64] = '\0';
}

int sha256_file(const char *path, char hex[65])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct sha256 c;
	unsigned char d[32];
	size_t cap = 1 << 20;
	unsigned char *b = malloc(cap);
	ssize_t r;
	if (!b) {
		close(fd);
		errno = ENOMEM;
		return -1;
	}
	sha256_begin(&c);
	while ((r = read(fd, b, cap)) != 0) {
		if (interrupt_pending()) {
			r = -1;
			errno = EINTR;
		}
		if (r < 0) {
			if (errno == EINTR && !interrupt_pending())
				continue;
			int e = errno;
			free(b);
			close(fd);
			errno = e;
			return -1;
		}
		sha256_add(&c, b, (size_t)r);
	}
	free(b);
	close(fd);
	sha256_end(&c, d);
	sha256_hex(d, hex);
	return 0;
}

/*
 * utf8: validation and repair of UTF-8 text from the archive.
 *
 * The element parser (jdoc) refuses invalid UTF-8, and one stray byte should not cost a user
 * their whole archive: an element that fails to parse is checked, and invalid sequences are
 * replaced with U+FFFD (the ingest warns how many).
 */
#ifndef DMAUDIT_UTF8_H
#define DMAUDIT_UTF8_H

#include "buf.h"

#include <stddef.h>

/* Length of the valid sequence at s[0..n), n >= 1 (1-4), or 0 if it is not one (RFC 3629). */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* Length of the longest valid UTF-8 prefix of s[0..n) (n when all valid). */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Append s to out with each invalid sequence replaced by U+FFFD; returns how many. */
size_t utf8_repair(const char *s, size_t n, struct buf *out);

#endif

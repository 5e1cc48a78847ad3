/*
 * text: the text helpers the detectors share, so that two messages that a
 * person would call "the same text" compare equal, in any script.
 *
 * - text_normalize: Unicode NFKC, case folding, default-ignorable code
 *   points (zero-width spaces, joiners) dropped, look-alike punctuation and
 *   spaces lumped, apostrophes inside words dropped ("didn't" = "didnt"),
 *   white space collapsed to one ASCII space. ASCII text takes a fast path.
 * - text_slot: the variable parts of a normalized text replaced by slots:
 *   links {url}, e-mail addresses {email}, @handles {user}, digit runs and
 *   small numbers written as words ("drei", "three") {num},
 *   and given names (the counterpart's or owner's handle or name) {name}.
 *   Two messages with equal slotted texts follow the same template.
 * - text_tokens: words, where every character of a script written without
 *   spaces (Han, kana, Hangul) counts as a word, four Thai letters (an
 *   alphabet: ten letters make a greeting) as one, and a slot is a word.
 * - text_minhash: a MinHash signature of the character 3-gram shingles of a
 *   slotted text; text_minhash_similarity estimates their Jaccard index.
 * - text_cluster: near-duplicate clusters of many signatures through
 *   locality-sensitive hashing (bands of rows), never comparing all pairs.
 *
 * The module owns no state; output goes to a caller's buf. Invalid UTF-8 is
 * not an error: its bytes are dropped.
 */
#ifndef DMAUDIT_TEXT_H
#define DMAUDIT_TEXT_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

/* MinHash: 64 values, 16 bands of 4 rows. The S-curve's knee is about
 * (1/16)^(1/4) = 0.5, so pairs at Jaccard 0.6 become candidates 89% of the
 * time and every candidate is checked against TEXT_NEAR_DUP. */
#define TEXT_MINHASH_K 64
#define TEXT_LSH_BANDS 16
#define TEXT_LSH_ROWS 4
#define TEXT_NEAR_DUP 0.6   /* estimated Jaccard at which two texts are one template */

/* What text_slot replaced, counted. */
struct text_slots {
	unsigned url, email, user, num, name;
};

/* Append the normalized form of s[0..n) to out. */
void text_normalize(const char *s, size_t n, struct buf *out);
/* The same without case folding: the form shown to people. */
void text_normalize_keep_case(const char *s, size_t n, struct buf *out);

/*
 * Append the slotted form of a normalized text to out. names (may be NULL)
 * are normalized words or phrases matched as whole words, ignoring ASCII
 * case; empty ones and ones shorter than 3 bytes are ignored. found (may be NULL) gets counts.
 */
void text_slot(const char *norm, const char *const *names, size_t nnames, struct buf *out,
	       struct text_slots *found);

/* Number of words in a slotted text (see above). */
size_t text_tokens(const char *slotted);

/* 64-bit hash of bytes (FNV-1a with a final avalanche). */
uint64_t text_hash(const void *p, size_t n);

/* Fill sig with the MinHash of the text's shingles; returns how many there were. */
size_t text_minhash(const char *slotted, uint32_t sig[TEXT_MINHASH_K]);
double text_minhash_similarity(const uint32_t *a, const uint32_t *b);

/*
 * Cluster n signatures (n * TEXT_MINHASH_K values, row-major): pairs that
 * share a band and whose estimated similarity is at least threshold join
 * one cluster (transitively). Within a band bucket each member is compared
 * to the bucket's first member only, so the work is O(n log n) however
 * large a bucket grows. cluster[i] receives the smallest member index of
 * i's cluster.
 */
void text_cluster(const uint32_t *sigs, size_t n, double threshold, uint32_t *cluster);

#endif

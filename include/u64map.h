/*
 * u64map: an open-addressing map from 64-bit keys (hashes, ids) to 32-bit
 * values (indexes), for the tables that count or index what a pass meets:
 * the conversations the loader has seen, the templates of the auto-DM
 * detector. Linear probing, kept at most half full, grown by doubling; the
 * caller owns it and frees it with u64map_release. Any key may be stored,
 * 0 included.
 */
#ifndef DMAUDIT_U64MAP_H
#define DMAUDIT_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64map {
	uint64_t *keys;
	uint32_t *vals;     /* value + 1; 0 marks an empty slot */
	size_t cap, n;      /* cap: 0 or a power of two */
};

#define U64MAP_INIT { NULL, NULL, 0, 0 }

/*
 * Look key up; when it is absent, store *val for it and return true. When
 * it is present, set *val to its value and return false.
 */
bool u64map_put(struct u64map *m, uint64_t key, uint32_t *val);
/* Store val for key, whether or not it was there. */
void u64map_set(struct u64map *m, uint64_t key, uint32_t val);
/* The value of key in *val; false when absent. */
bool u64map_get(const struct u64map *m, uint64_t key, uint32_t *val);
void u64map_release(struct u64map *m);

#endif

/* u64map: see u64map.h. */
#include "u64map.h"
#include "xalloc.h"

#include <stdlib.h>

/* Keys are hashes or ids: mixed once more so that ids in sequence spread. */
static size_t home(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

static void grow(struct u64map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	uint64_t *keys = xcalloc(cap, sizeof(*keys));
	uint32_t *vals = xcalloc(cap, sizeof(*vals));
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->vals[i])
			continue;
		size_t j = home(m->keys[i], cap);
		while (vals[j])
			j = (j + 1) & (cap - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
}

bool u64map_put(struct u64map *m, uint64_t key, uint32_t *val)
{
	if (m->n * 2 >= m->cap)
		grow(m);
	size_t j = home(key, m->cap);
	while (m->vals[j]) {
		if (m->keys[j] == key) {
			*val = m->vals[j] - 1;
			return false;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->vals[j] = *val + 1;
	m->n++;
	return true;
}

void u64map_set(struct u64map *m, uint64_t key, uint32_t val)
{
	uint32_t v = val;
	if (u64map_put(m, key, &v))
		return;
	size_t j = home(key, m->cap);
	while (!(m->vals[j] && m->keys[j] == key))
		j = (j + 1) & (m->cap - 1);
	m->vals[j] = val + 1;
}

bool u64map_get(const struct u64map *m, uint64_t key, uint32_t *val)
{
	if (!m->cap)
		return false;
	size_t j = home(key, m->cap);
	while (m->vals[j]) {
		if (m->keys[j] == key) {
			*val = m->vals[j] - 1;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

void u64map_release(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	*m = (struct u64map)U64MAP_INIT;
}

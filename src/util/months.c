#include "months.h"
#include "tz.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int month_key(int64_t ms)
{
	struct tz_local l;
	tz_local(ms, &l);
	return l.year * 12 + l.month - 1;
}

void month_key_name(int key, char out[16])
{
	snprintf(out, 16, "%04d-%02d", key / 12, key % 12 + 1);
}

void months_init(struct months *m, size_t cell_size)
{
	m->first = 1;
	m->last = 0;
	m->size = cell_size;
	m->v = NULL;
}

void *months_cell(struct months *m, int key)
{
	if (m->first > m->last) {
		m->first = m->last = key;
		m->v = xcalloc(1, m->size);
	} else if (key < m->first || key > m->last) {
		int first = key < m->first ? key : m->first;
		int last = key > m->last ? key : m->last;
		unsigned char *v = xcalloc((size_t)(last - first + 1), m->size);
		memcpy(v + (size_t)(m->first - first) * m->size, m->v,
		       (size_t)(m->last - m->first + 1) * m->size);
		free(m->v);
		m->v = v;
		m->first = first;
		m->last = last;
	}
	return m->v + (size_t)(key - m->first) * m->size;
}

size_t months_count(const struct months *m)
{
	return m->first > m->last ? 0 : (size_t)(m->last - m->first + 1);
}

void *months_at(const struct months *m, size_t i)
{
	return m->v + i * m->size;
}

void months_release(struct months *m)
{
	free(m->v);
	m->v = NULL;
	m->first = 1;
	m->last = 0;
}

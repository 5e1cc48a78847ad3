#include "jarena.h"
#include "xalloc.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define HEADER 16            /* keeps blocks 16-byte aligned */
#define FIRST_CHUNK 4096
#define MAX_CHUNK (256 * 1024)

enum { TAG_HEAP = 0x48, TAG_ARENA = 0x41 };

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

struct jarena {
	struct chunk *head;
	size_t next_size;
};

static __thread struct jarena *current;

static void *arena_alloc(struct jarena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = a->next_size;
		while (size < n)
			size *= 2;
		if (a->next_size < MAX_CHUNK)
			a->next_size *= 2;
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

static void *hook_malloc(size_t n)
{
	unsigned char *p;
	if (current) {
		p = arena_alloc(current, n + HEADER);
		p[0] = TAG_ARENA;
	} else {
		p = malloc(n + HEADER);
		if (!p)
			return NULL;
		p[0] = TAG_HEAP;
	}
	return p + HEADER;
}

static void hook_free(void *ptr)
{
	if (!ptr)
		return;
	unsigned char *p = (unsigned char *)ptr - HEADER;
	if (p[0] == TAG_HEAP)
		free(p);
	/* arena blocks go when their arena does */
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void install(void)
{
	json_set_alloc_funcs(hook_malloc, hook_free);
}

void jarena_install(void)
{
	pthread_once(&once, install);
}

struct jarena *jarena_new(void)
{
	struct jarena *a = xcalloc(1, sizeof(*a));
	a->next_size = FIRST_CHUNK;
	return a;
}

void jarena_use(struct jarena *a)
{
	current = a;
}

void jarena_free(struct jarena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *n; c; c = n) {
		n = c->next;
		free(c);
	}
	free(a);
}

#include "jarena.h"
#include "xalloc.h"

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HEADER 8             /* the tag; keeps blocks 8-byte aligned, all jansson needs */
#define FIRST_CHUNK 4096
#define MAX_CHUNK ((size_t)2 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

enum { TAG_HEAP = 0x48, TAG_ARENA = 0x41 };

struct chunk {
	struct chunk *next;
	size_t size, used;
	bool mapped;         /* from chunk_map(), not malloc */
	_Alignas(16) unsigned char data[];
};

/*
 * Big chunks are mapped on huge-page boundaries and marked for transparent
 * huge pages: a report's tree of a gigabyte then costs hundreds of page
 * faults instead of a quarter of a million. NULL when mmap fails.
 */
static struct chunk *chunk_map(size_t bytes)
{
	size_t span = bytes + HUGE_PAGE;
	unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);
	if (p == MAP_FAILED)
		return NULL;
	size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (head)
		munmap(p, head);
	if (span - head > bytes)
		munmap(p + head + bytes, span - head - bytes);
	p += head;
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	struct chunk *c = (struct chunk *)(void *)p;
	c->mapped = true;
	return c;
}

struct jarena {
	struct chunk *head;
	size_t next_size;
};

static __thread struct jarena *current;

static void *arena_alloc(struct jarena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = a->next_size;
		while (size < n)
			size *= 2;
		if (a->next_size < MAX_CHUNK)
			a->next_size *= 2;
		c = NULL;
		if (size >= MAX_CHUNK) {
			/* a whole number of huge pages, the header included */
			size_t bytes = (sizeof(*c) + size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
			if ((c = chunk_map(bytes)))
				size = bytes - sizeof(*c);
		}
		if (!c) {
			c = xmalloc(sizeof(*c) + size);
			c->mapped = false;
		}
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

struct jarena *jarena_current(void)
{
	return current;
}

void jarena_free(struct jarena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *n; c; c = n) {
		n = c->next;
		if (c->mapped)
			munmap(c, sizeof(*c) + c->size);
		else
			free(c);
	}
	free(a);
}

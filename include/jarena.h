/*
 * jarena: arena allocation for jansson trees of archive elements.
 *
 * An ingest parses millions of small JSON values and frees each element's
 * tree as a whole soon after. jarena installs jansson allocation hooks that
 * allocate from the calling thread's current arena when one is set, and from
 * the heap otherwise (reports, tests). A tree built in an arena is released
 * by jarena_free(), without json_decref: freeing into an arena is a no-op.
 * The hooks tag every block, so heap and arena blocks can never be confused.
 */
#ifndef DMAUDIT_JARENA_H
#define DMAUDIT_JARENA_H

#include <stddef.h>

struct jarena;

/* Install the hooks (once per process; before any jansson call is best). */
void jarena_install(void);

struct jarena *jarena_new(void);
/* Make a the calling thread's current arena (NULL: back to the heap). */
void jarena_use(struct jarena *a);
/* Free the arena and every block in it. */
void jarena_free(struct jarena *a);

#endif

/*
 * jarena: arena allocation for big jansson trees built once and freed whole.
 *
 * `report all` builds a result tree with an entry for every conversation,
 * millions of small values, and drops it at exit. jarena installs jansson
 * allocation hooks that allocate from the calling thread's current arena
 * when one is set, and from the heap otherwise. A tree built in an arena is released
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
/* The calling thread's current arena, or NULL. */
struct jarena *jarena_current(void);
/* Free the arena and every block in it. */
void jarena_free(struct jarena *a);

#endif

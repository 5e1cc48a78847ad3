/*
 * once: run an initialiser exactly once, however many threads ask, and
 * after that for the cost of a load: for indexes built on first use and
 * looked at on every word (pthread_once alone is a call each time).
 */
#ifndef DMAUDIT_ONCE_H
#define DMAUDIT_ONCE_H

#include <pthread.h>

struct once {
	pthread_once_t once;
	int done;   /* 1 once fn has returned: its work is visible to this thread */
};
#define ONCE_INIT { PTHREAD_ONCE_INIT, 0 }

/* The first time, out of the caller's way (its frame and its inlining). */
__attribute__((noinline, cold)) static void once_first(struct once *o, void (*fn)(void))
{
	pthread_once(&o->once, fn);
	__atomic_store_n(&o->done, 1, __ATOMIC_RELEASE);
}

static inline void once_run(struct once *o, void (*fn)(void))
{
	if (!__atomic_load_n(&o->done, __ATOMIC_ACQUIRE))
		once_first(o, fn);
}

#endif

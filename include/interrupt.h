/*
 * interrupt: SIGINT, SIGTERM, SIGHUP and SIGQUIT turned into a flag.
 *
 * A long command (an ingest) catches these signals instead of dying in the
 * middle of a write: the handler only records the signal, and the work
 * polls interrupt_pending() at safe points (between elements, inside long
 * SQL statements through the store's progress handler, in the hasher),
 * rolls back, and the command exits with 128 + the signal's number. The
 * module owns the handlers and the flag; it never prints.
 */
#ifndef DMAUDIT_INTERRUPT_H
#define DMAUDIT_INTERRUPT_H

/* Catch the four signals from now on (no SA_RESTART: blocking calls return EINTR). */
void interrupt_catch(void);
/* The number of the first signal caught, or 0. Safe from any thread. */
int interrupt_pending(void);
/* The signal's name for messages, e.g. "SIGINT". */
const char *interrupt_name(int sig);

#endif

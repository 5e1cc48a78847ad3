/*
 * trace: DMAUDIT_TRACE=1 prints, on standard error, the time each phase of a
 * command ends, with the calling thread's CPU time and the peak RSS. For
 * profiling only; silent otherwise. The clock starts at the first call.
 */
#ifndef DMAUDIT_TRACE_H
#define DMAUDIT_TRACE_H

void trace(const char *what);

#endif

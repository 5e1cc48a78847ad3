#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long peak_rss_kib(void)
{
	char line[128];
	long hwm = 0;
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmHWM:", 6))
			hwm = strtol(line + 6, NULL, 10);
	if (f)
		fclose(f);
	return hwm;
}

void trace(const char *what)
{
	static int on = -1;
	static struct timespec t0;
	struct timespec t, c;
	if (on < 0) {
		on = getenv("DMAUDIT_TRACE") != NULL;
		clock_gettime(CLOCK_MONOTONIC, &t0);
	}
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c);
	fprintf(stderr, "dmaudit: trace: %7.3f s %s (this thread's CPU %.3f s, peak RSS %ld KiB)\n",
		(double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9, what,
		(double)c.tv_sec + (double)c.tv_nsec / 1e9, peak_rss_kib());
}

/*
 * pii_bench: throughput of pii_scan on ~50 MB of DM-like text generated in
 * memory (mostly ordinary chat, a few percent with numbers, prices, dates,
 * links and personal data), then of tone_scan on the same text, as exposure
 * runs both on every owner message. Prints MB/s on one core. A benchmark,
 * not a test.
 */
#include "pii.h"
#include "tone.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const lines[] = {
	"Hi, my order hasn't arrived yet, can you check?",
	"Thanks for reaching out! One of our team members will look into this shortly.",
	"Refunds take 3-5 working days once we receive the item.",
	"The total came to $1,299.00 for 3 items",
	"ordered it on 12/03/2023 at 14:30, still nothing",
	"router says 192.168.1.20 if that matters, I'm on v2.3.1",
	"see https://t.co/AbCdEf123 for the tracking page",
	"Hola, ¿cuándo llega mi pedido? Llevo dos semanas esperando",
	"Bonjour, le colis est arrivé abîmé 😞",
	"my email is jane.doe@mail.example and my number is +44 20 7946 0958",
	"card: 4111 1111 1111 1111 exp 09/27",
	"please refund to my IBAN: DE89 3704 0044 0532 0130 00",
	"order #48392017, case number 12345678",
	"my password is Tulip#4821",
	"please ship to 12 Baker Lane, Leeds LS6 2AB",
	"lol", "ok sounds good", "call at 3?", "meeting moved to Thursday",
	"We've reversed the duplicate charge, apologies!",
};

int main(int argc, char **argv)
{
	size_t target = (argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 50) << 20;
	char *text = xmalloc(target + 256);
	size_t *ends = xmalloc((target / 8) * sizeof(*ends));
	size_t len = 0, nmsg = 0;
	unsigned seed = 12345;
	/* ordinary lines most of the time; personal data in about one message in 20 */
	while (len < target) {
		seed = seed * 1103515245u + 12345u;
		size_t k = (seed >> 16) % 100;
		size_t i = k < 95 ? (k % 9 == 0 ? 3 + k % 6 : (k % 5 == 0 ? 15 + k % 5 : k % 3))
				  : 9 + k % 6;
		size_t n = strlen(lines[i]);
		memcpy(text + len, lines[i], n);
		len += n;
		ends[nmsg++] = len;
	}
	struct pii_match m[64];
	size_t found = 0, start = 0;
	/* CPU time of this process as well as wall time: the machine is shared */
	struct timespec a, b, ca, cb;
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	for (size_t i = 0; i < nmsg; i++) {
		found += pii_scan(text + start, ends[i] - start, m, 64);
		start = ends[i];
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	double c = (double)(cb.tv_sec - ca.tv_sec) + (double)(cb.tv_nsec - ca.tv_nsec) / 1e9;
	printf("pii_scan: %.1f MB in %zu messages, %zu matches; %.0f MB/s of CPU time on one "
	       "core (%.3f s), %.0f MB/s wall (%.3f s)\n", (double)len / 1e6, nmsg, found,
	       (double)len / 1e6 / c, c, (double)len / 1e6 / s, s);
	/* tone: the same messages, as if the owner wrote them all */
	struct tone_hit h;
	size_t hits = 0;
	start = 0;
	tone_scan("", 0, &h);   /* its word index is built once, outside the timing */
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	for (size_t i = 0; i < nmsg; i++) {
		hits += tone_scan(text + start, ends[i] - start, &h);
		start = ends[i];
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	clock_gettime(CLOCK_MONOTONIC, &b);
	s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	c = (double)(cb.tv_sec - ca.tv_sec) + (double)(cb.tv_nsec - ca.tv_nsec) / 1e9;
	printf("tone_scan: %zu hits; %.0f MB/s of CPU time on one core (%.3f s), %.0f MB/s wall "
	       "(%.3f s)\n", hits, (double)len / 1e6 / c, c, (double)len / 1e6 / s, s);
	free(text);
	free(ends);
	return 0;
}

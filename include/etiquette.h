/*
 * etiquette: how the owner behaves in 1:1 DMs, measured the way a
 * customer-care lead would: who started each conversation, how fast the
 * owner answered, what was never answered, cold and marketing DMs, chasing,
 * and public replies that invited someone to DM.
 *
 * The analysis streams the 1:1 messages once, ordered by conversation,
 * createdAt and id, keeping one conversation's state at a time plus the
 * durations needed for medians. It only reads the store. The JSON it returns
 * holds the contract's "etiquette" document exactly (conversations[], totals)
 * and every extra in keys of its own; etiquette_view() turns that JSON into
 * the one-page audit. The small pure helpers below are exported so that the
 * unit tests can pin their definitions.
 */
#ifndef DMAUDIT_ETIQUETTE_H
#define DMAUDIT_ETIQUETTE_H

#include "analyze.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The cold window of the contract: tweets in [first - 604800 s, first). */
#define ETIQUETTE_COLD_WINDOW_MS (604800LL * 1000)
/* How long after a public invitation a DM still counts as its answer. */
#define ETIQUETTE_HANDOFF_WINDOW_MS (7LL * 86400 * 1000)

/* floor((t2 - t1) / 1000), also for negative differences. */
int64_t etiquette_seconds(int64_t t1_ms, int64_t t2_ms);
/* Median of v[0..n) (sorts v): the middle value, or the floor of the mean of
 * the two middle values of an even count. n must be > 0. */
int64_t etiquette_median(int64_t *v, size_t n);
/* Nearest-rank 90th percentile (sorts v): sorted[ceil(0.9 n) - 1]. n > 0. */
int64_t etiquette_p90(int64_t *v, size_t n);

/* The text invites its reader to send a DM (several languages, DM deep links). */
bool etiquette_invites_dm(const char *text);
/* The text reads like marketing: a link or offer wording. Writes the first cue
 * found into cue (at most n bytes) when it does. */
bool etiquette_is_marketing(const char *text, bool has_url, char *cue, size_t n);

/* The local time ms falls in the business hours of opts (defaults 09-17 mon-fri). */
bool etiquette_in_hours(const struct report_opts *opts, int64_t ms);

#endif

/*
 * etiquette: how the owner behaves in 1:1 DMs, measured the way a
 * customer-care lead would: who started each conversation, how fast the
 * owner answered, what was never answered, cold and marketing DMs, chasing,
 * and public replies that invited someone to DM.
 *
 * The analysis streams the 1:1 messages once, ordered by conversation,
 * createdAt and id, keeping one conversation's state at a time plus the
 * durations needed for medians. It only reads the store. It returns a typed
 * result (struct etiquette_result) that it owns and frees: the figures are
 * fields, and each list that grows with the archive (a row per conversation,
 * per unanswered conversation, …) is records in a spill list (spill.h),
 * written as they are made and read back one at a time, so none is held in
 * memory past its bound. The contract's "etiquette" document is written from
 * it by etiquette_json() (report layer); etiquette_view() makes the one-page
 * audit from it. The small pure helpers below are exported so that the unit
 * tests can pin their definitions.
 */
#ifndef DMAUDIT_ETIQUETTE_H
#define DMAUDIT_ETIQUETTE_H

#include "analyze.h"
#include "buf.h"
#include "spill.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The cold window of the contract: tweets in [first - 604800 s, first). */
#define ETIQUETTE_COLD_WINDOW_MS (604800LL * 1000)
/* How long after a public invitation a DM still counts as its answer. */
#define ETIQUETTE_HANDOFF_WINDOW_MS (7LL * 86400 * 1000)

/* ---- the result ---------------------------------------------------------- */

/* A duration in seconds that may be missing (JSON null): the median of nothing. */
struct etiquette_secs {
	bool set;
	int64_t s;
};

/* How many durations, their median and nearest-rank 90th percentile. */
struct etiquette_spread {
	int64_t count;
	struct etiquette_secs median, p90;
};

/* One month of conversations begun by others, by the customer message's month. */
struct etiquette_month {
	int key;                       /* month_key (months.h) */
	int64_t counterpart_initiated, answered, replies;
	struct etiquette_secs median_first, p90_first, median_reply, p90_reply;
};

/* The lists, in the order of the JSON document. */
enum etiquette_list {
	ETIQUETTE_CONVERSATIONS,   /* "conversations": every 1:1 conversation */
	ETIQUETTE_UNANSWERED,      /* "unanswered": begun by others, never answered */
	ETIQUETTE_AWAITING,        /* "awaiting_reply": answered once, waiting again */
	ETIQUETTE_COLD,            /* "cold_dms" */
	ETIQUETTE_MARKETING,       /* "marketing": cold DMs with a link or offer */
	ETIQUETTE_CHASED,          /* "chased": two or more owner messages before an answer */
	ETIQUETTE_HANDOFFS,        /* "handoffs": public replies that invited to DM */
	ETIQUETTE_LISTS
};

/*
 * One entry of a list. A list uses the fields named beside them; the others
 * are zero. Strings and reply_seconds are borrowed from the reader
 * (etiquette_iter) until its next step.
 */
struct etiquette_row {
	const char *conversation_id; /* all; handoffs: the DM that followed, or NULL */
	int64_t counterpart;         /* counterpart_id; handoffs: user_id */
	const char *handle;          /* counterpart_handle (handoffs user_handle); NULL unknown */
	int64_t at;                  /* ms: conversations, unanswered and chased: the first
					message; awaiting
					waiting_since, cold and marketing sent_at, handoffs
					tweeted_at */
	int64_t last_at;             /* unanswered: last_message_at (ms) */
	int64_t messages;            /* unanswered */
	int64_t age_seconds;         /* unanswered, awaiting: to the newest snapshot */
	int64_t owner_before;        /* conversations (owner-initiated), chased:
					owner_messages_before_reply */
	int64_t tweet_id;            /* handoffs */
	struct etiquette_secs first_response; /* conversations; handoffs: seconds */
	bool owner_first;            /* conversations: initiated_by "owner" */
	bool cold;                   /* conversations (owner-initiated), chased */
	bool first_has_url;          /* conversations (owner-initiated), cold, marketing */
	bool counterpart_replied;    /* cold, marketing, chased */
	bool dm_followed, within_7_days; /* handoffs */
	bool automated;              /* the counterpart is a near-certain automated sender */
	bool maybe_automated;        /* … only likely automated (autodm's verdicts) */
	const char *snippet;         /* unanswered, marketing: the first message, redacted */
	const char *cue;             /* marketing: "link" or the offer wording found */
	const int64_t *reply_seconds; /* conversations */
	size_t nreplies;
};

struct etiquette_result {
	/* totals (the contract) */
	int64_t counterpart_initiated, answered, unanswered;
	struct etiquette_secs median_first_response, p90_first_response, median_reply;
	int64_t owner_initiated, cold, cold_with_url, chased;
	/* stats */
	int64_t as_of;               /* ms: the newest snapshot's generation time */
	int64_t messages, empty_skipped;
	int64_t runs, runs_answered; /* runs of counterpart messages, those answered */
	struct etiquette_spread first_response, reply;
	int64_t warm, marketing;
	int64_t unanswered_automated; /* set by etiquette_judge */
	/* business hours */
	char *time_zone;             /* IANA name, "UTC" by default */
	char hours[16], days[64];    /* "09-17", "mon-fri" */
	struct etiquette_spread first_in, first_off, reply_in, reply_off;
	int64_t replies_sent_in, replies_sent_off;
	/* the months in which something happened, oldest first */
	struct etiquette_month *months;
	size_t nmonths;
	/* handoffs */
	int64_t invitations, dm_followed, dm_followed_within_7_days;
	struct etiquette_secs median_handoff, p90_handoff;
	/* the lists, records read through etiquette_iter */
	struct spill lists[ETIQUETTE_LISTS];
	/* autodm's verdicts (etiquette_judge): sorted account ids */
	bool judged;
	int64_t *automated_ids, *likely_ids;
	size_t nautomated, nlikely;
};

/*
 * The etiquette of the store's 1:1 conversations; NULL with err filled on
 * failure. Its unanswered senders are not judged yet: etiquette_judge()
 * takes autodm's verdicts.
 */
struct etiquette_result *etiquette_analyse(struct report_ctx *ctx, struct err *err);
/*
 * Take autodm's verdicts (copied): the rows' automated and maybe_automated,
 * and unanswered_automated. Returns 0, or -1 with err filled when the rows
 * cannot be read back.
 */
int etiquette_judge(struct etiquette_result *r, const struct autodm_verdicts *v,
		    struct err *err);
/* An empty result (the analyser makes one; tests too). */
struct etiquette_result *etiquette_result_new(void);
void etiquette_result_free(struct etiquette_result *r);

/* The counterpart is a near-certain automated sender, by the verdicts judged. */
bool etiquette_is_automated(const struct etiquette_result *r, int64_t account);
size_t etiquette_count(const struct etiquette_result *r, enum etiquette_list list);

/*
 * The rows of a list, in order:
 *
 *	struct etiquette_iter it;
 *	for (const struct etiquette_row *e = etiquette_first(&it, r, list); e;
 *	     e = etiquette_next(&it))
 *		...;
 *
 * or by position: etiquette_open(), etiquette_get(&it, i) for i below it.n,
 * etiquette_stop(). The last step of a loop (NULL) releases the reader, and
 * etiquette_stop() ends a loop left early. A row that cannot be read back
 * (the temporary file) gives NULL and sets it.failed.
 */
struct etiquette_iter {
	const struct etiquette_result *r;
	enum etiquette_list list;
	size_t i, n;
	struct etiquette_row row;
	struct spill_cursor cursor;
	int64_t *replies;
	size_t areplies;
	bool failed;
};
void etiquette_open(struct etiquette_iter *it, const struct etiquette_result *r,
		    enum etiquette_list list);
const struct etiquette_row *etiquette_get(struct etiquette_iter *it, size_t i);
const struct etiquette_row *etiquette_first(struct etiquette_iter *it,
					    const struct etiquette_result *r,
					    enum etiquette_list list);
const struct etiquette_row *etiquette_next(struct etiquette_iter *it);
void etiquette_stop(struct etiquette_iter *it);

/* Append a row to a list (the analyser; tests). */
void etiquette_add(struct etiquette_result *r, enum etiquette_list list,
		   const struct etiquette_row *row);

/* ---- helpers -------------------------------------------------------------- */

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

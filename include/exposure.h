/*
 * exposure: the exposure analyser's typed result. exposure.c makes it (and
 * owns the severity rule and the risk score); exposure_json.c writes it as
 * the contract's JSON; the view, the overview, the chart and the findings
 * table read its fields.
 *
 * A finding is one type of personal data (or the owner's tone) in one text,
 * the first match of that type and how many more there were. Findings are
 * held in memory, sorted worst first: one per text and type, they are few
 * beside the messages (28k at a million messages, about 4 MB), and the
 * conversations' risk is computed from all of them at once.
 */
#ifndef DMAUDIT_EXPOSURE_H
#define DMAUDIT_EXPOSURE_H

#include "analyze.h"
#include "fmt.h"
#include "pii.h"

#include <stdbool.h>
#include <stddef.h>

#define EXPOSURE_TONE PII__COUNT           /* the one type that is not personal data */
#define EXPOSURE_NTYPES (PII__COUNT + 1)

enum exposure_sev { EXPOSURE_LOW, EXPOSURE_MEDIUM, EXPOSURE_HIGH, EXPOSURE__SEVS };
enum exposure_channel { EXPOSURE_DM, EXPOSURE_GROUP_DM, EXPOSURE_TWEET, EXPOSURE__CHANNELS };
enum exposure_by { EXPOSURE_BY_OWNER, EXPOSURE_BY_COUNTERPART, EXPOSURE_BY_MEMBER };

struct exposure_finding {
	char source[FMT_I64_SIZE];   /* the message's or tweet's id */
	char created[32];            /* ISO, as written: the order compares it so */
	char *conv;                  /* the conversation, or NULL for a tweet */
	char *redacted;
	char *value;                 /* the value itself, only with --reveal */
	int type;                    /* enum pii_type, or EXPOSURE_TONE */
	enum exposure_sev sev;
	enum exposure_channel channel;
	enum exposure_by by;
	double score;                /* rounded as written */
	size_t count;                /* matches of this type in the text */
	size_t start, end;           /* the value's bytes in its text (the JSON never says) */
};

/* One conversation's share of the findings. */
struct exposure_conv {
	const char *id;              /* borrowed from its first finding */
	enum exposure_channel channel;
	size_t first;                /* its first finding, in the findings' order */
	size_t findings;
	double risk;                 /* rounded as written */
	enum exposure_sev worst;
	int types[EXPOSURE_NTYPES];  /* in the order first found */
	int ntypes;
};

struct exposure_result {
	struct exposure_finding *findings;   /* worst first, then oldest, then by id */
	size_t nfindings;
	struct exposure_conv *convs;         /* riskiest first */
	size_t nconvs;
	struct pii_regions regions;          /* whose national phone forms were read */
	size_t by_type[EXPOSURE_NTYPES];
	size_t by_channel[EXPOSURE__CHANNELS];
	size_t by_sev[EXPOSURE__SEVS];
	size_t texts, bytes;                 /* what was scanned */
	bool revealed;                       /* values kept (--reveal) */
};

/* Scan every message and own tweet; NULL with err filled. */
struct exposure_result *exposure_analyse(struct report_ctx *ctx, struct err *err);
void exposure_result_free(struct exposure_result *r);

/* The names the JSON uses. */
const char *exposure_type_name(int type);
const char *exposure_sev_name(enum exposure_sev s);
const char *exposure_channel_name(enum exposure_channel c);
const char *exposure_by_name(enum exposure_by b);
/* The two rules the JSON states in words. */
extern const char exposure_risk_formula[];
extern const char exposure_severity_rule[];

#endif

/*
 * exposure_view: the exposure result as an owner reads it: what to delete
 * first, the findings in words and linked to x.com, the riskiest conversations.
 */
#include "report.h"
#include "buf.h"
#include "exposure.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the advice counts from the findings themselves, in one pass over them. */
struct finding_counts {
	size_t public_tone;   /* tone findings in public tweets */
	size_t secrets[3];    /* cards, bank details, credentials, identity numbers: by
				 the owner, a counterpart, a group member */
};

static bool is_secret(int type)
{
	return type == PII_PAYMENT_CARD || type == PII_IBAN || type == PII_CREDENTIAL ||
	       type == PII_NATIONAL_ID;
}

static void count_findings(const struct exposure_result *r, struct finding_counts *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct exposure_finding *f = &r->findings[i];
		if (f->channel == EXPOSURE_TWEET && f->type == EXPOSURE_TONE)
			c->public_tone++;
		if (is_secret(f->type))
			c->secrets[f->by]++;
	}
}

/* A finding's type, channel and discloser in an owner's words (the JSON keeps the names). */
static const char *type_words(const char *type)
{
	static const char *const map[][2] = {
		{ "email", "e-mail address" }, { "phone", "phone number" },
		{ "payment_card", "payment card" }, { "iban", "bank account (IBAN)" },
		{ "national_id", "identity number" }, { "account_number", "account number" },
		{ "reference_number", "order or case number" },
		{ "credential", "password or code" }, { "postal_address", "postal address" },
		{ "date_of_birth", "date of birth" }, { "tone", "embarrassing tone" },
	};
	for (size_t i = 0; type && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(type, map[i][0]))
			return map[i][1];
	return type ? type : "";
}

static const char *channel_words(const char *channel)
{
	if (!channel)
		return "";
	return !strcmp(channel, "dm") ? "1:1 message" : !strcmp(channel, "group_dm")
		? "group conversation" : !strcmp(channel, "tweet") ? "public tweet" : channel;
}

static const char *by_words(const char *by)
{
	if (!by)
		return "";
	return !strcmp(by, "owner") ? "you" : !strcmp(by, "counterpart") ? "the other person"
		: !strcmp(by, "member") ? "a group member" : by;
}

void exposure_advice_count(const struct exposure_result *r, struct exposure_advice *a)
{
	struct finding_counts c;
	count_findings(r, &c);
	a->high = r->by_sev[EXPOSURE_HIGH];
	a->in_public = r->by_channel[EXPOSURE_TWEET] - c.public_tone;
	a->their_secrets = c.secrets[EXPOSURE_BY_COUNTERPART] + c.secrets[EXPOSURE_BY_MEMBER];
	a->own_secrets = c.secrets[EXPOSURE_BY_OWNER];
	a->in_groups = r->by_channel[EXPOSURE_GROUP_DM];
	a->tone = r->by_type[EXPOSURE_TONE];
}

/* Where a finding can be dealt with: its tweet, else its conversation. */
static const char *finding_link(const struct exposure_finding *f, char out[REPORT_LINK_SIZE])
{
	if (f->channel == EXPOSURE_TWEET)
		return report_link_tweet(f->source, out);
	return report_link_conversation(f->conv, out);
}

/* Every finding, worst first as the JSON orders them, each linked to where it is. */
static void findings_write(const struct exposure_result *r, struct doc *d)
{
	doc_heading_at(d, 2, "exposure-findings", "Findings");
	doc_para(d, "Worst first. Open each where it is (the link), then delete or edit it.");
	static const char *const cols[] = { "severity", "type", "where", "disclosed by",
					    "message or tweet", "conversation", "date", "value",
					    NULL };
	struct doc_table *t = doc_table(d, "findings", cols);
	char l[REPORT_LINK_SIZE];
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct exposure_finding *f = &r->findings[i];
		const char *val = r->revealed ? f->value : f->redacted;
		doc_cell(t, "%s", exposure_sev_name(f->sev));
		doc_cell(t, "%s", type_words(exposure_type_name(f->type)));
		doc_cell(t, "%s", channel_words(exposure_channel_name(f->channel)));
		doc_cell(t, "%s", by_words(exposure_by_name(f->by)));
		doc_cell_link(t, f->conv ? NULL : finding_link(f, l), "%s", f->source);
		doc_cell_link(t, f->conv ? finding_link(f, l) : NULL, "%s",
			      f->conv ? f->conv : "(public)");
		doc_cell(t, "%.10s", f->created);
		doc_cell(t, "%s", val ? val : "");
	}
}

void exposure_view(struct report_ctx *ctx, const struct exposure_result *r, struct doc *d)
{
	size_t nf = r->nfindings;
	(void)ctx;

	doc_heading_at(d, 1, "exposure", "Exposure risk");
	doc_para(d, "Private messages are one screenshot away from public. This report lists the "
		    "personal data in the archive's conversations and public tweets, and the owner's "
		    "messages whose tone would embarrass if posted, worst first.");
	if (!nf) {
		doc_para(d, "Nothing found in %zu messages and tweets (%zu bytes of text).", r->texts,
			 r->bytes);
		return;
	}
	doc_para(d, "%zu finding%s: %zu high, %zu medium, %zu low; %zu in 1:1 messages, %zu in "
		    "group conversations, %zu in public tweets. Values are %s.",
		 nf, nf == 1 ? "" : "s", r->by_sev[EXPOSURE_HIGH], r->by_sev[EXPOSURE_MEDIUM],
		 r->by_sev[EXPOSURE_LOW], r->by_channel[EXPOSURE_DM],
		 r->by_channel[EXPOSURE_GROUP_DM], r->by_channel[EXPOSURE_TWEET],
		 r->revealed ? "shown in full (--reveal)" : "redacted; --reveal shows them");

	doc_heading_at(d, 2, "exposure-todo", "What to do");
	struct exposure_advice a;   /* the counts overview's advice uses too, counted once */
	exposure_advice_count(r, &a);
	if (a.in_public)
		doc_item(d, "Delete or edit the %zu public tweet finding%s below: personal data in a "
			    "public reply is already visible to anyone. Ask customers to continue in "
			    "DMs instead of confirming their details in public.", a.in_public,
			 a.in_public == 1 ? "" : "s");
	if (a.their_secrets)
		doc_item(d, "Customers sent %zu card number%s, bank details, passwords, codes or identity "
			    "numbers in messages. Delete those messages, and stop asking for them in "
			    "DMs: use a payment link or a secure form.", a.their_secrets,
			 a.their_secrets == 1 ? "" : "s");
	if (a.own_secrets)
		doc_item(d, "Your own messages disclosed %zu secret%s (cards, bank details, passwords, "
			    "codes, identity numbers). Delete them and change what can be changed.",
			 a.own_secrets, a.own_secrets == 1 ? "" : "s");
	if (a.in_groups)
		doc_item(d, "%zu finding%s sit in group conversations, shared with more people than the "
			    "customer chose: move such exchanges to 1:1 and delete them from the group.",
			 a.in_groups, a.in_groups == 1 ? "" : "s");
	if (a.tone)
		doc_item(d, "%zu of your messages read as insults or contempt if screenshotted. "
			    "Review them; consider an apology where the conversation is still open.",
			 a.tone);
	doc_item(d, "Conversations are ranked by risk score below: review and delete from the top.");

	doc_heading(d, 2, "By type");
	for (int t = 0; t < EXPOSURE_NTYPES; t++)
		if (r->by_type[t])
			doc_kv(d, type_words(exposure_type_name(t)), "%zu", r->by_type[t]);

	findings_write(r, d);

	doc_heading_at(d, 2, "exposure-conversations", "Conversations by risk");
	static const char *const ccols[] = { "conversation", "channel", ">risk", ">findings", "worst",
					     NULL };
	struct doc_table *ct = doc_table(d, "conversations", ccols);
	char l[REPORT_LINK_SIZE];
	for (size_t i = 0; i < r->nconvs; i++) {
		const struct exposure_conv *c = &r->convs[i];
		doc_cell_link(ct, report_link_conversation(c->id, l), "%s", c->id);
		doc_cell(ct, "%s", channel_words(exposure_channel_name(c->channel)));
		doc_cell(ct, "%.3f", c->risk);
		doc_cell(ct, "%zu", c->findings);
		doc_cell(ct, "%s", exposure_sev_name(c->worst));
	}
	doc_para(d, "Severity: high for payment cards, bank accounts, passwords and codes, "
		    "identity numbers, and anything in a public tweet; medium for e-mail "
		    "addresses, phone numbers, account numbers, postal addresses, dates of birth "
		    "and tone; low for order and case numbers. A group conversation raises a "
		    "finding one level. Risk grows with each finding of a conversation, the more "
		    "severe the more: near 1 with several severe ones.");
}

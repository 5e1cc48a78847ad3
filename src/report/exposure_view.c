/*
 * exposure_view: the exposure JSON as an owner reads it: what to delete
 * first, the findings in words and linked to x.com, the riskiest conversations.
 */
#include "report.h"
#include "buf.h"
#include "jrows.h"
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

static void count_findings(json_t *findings, struct finding_counts *c)
{
	static const char *const hard[] = { "payment_card", "iban", "credential", "national_id" };
	static const char *const by[] = { "owner", "counterpart", "member" };
	struct jrows_iter it;
	memset(c, 0, sizeof(*c));
	for (json_t *f = jrows_first(&it, findings); f; f = jrows_next(&it)) {
		const char *type = json_string_value(json_object_get(f, "type"));
		const char *ch = json_string_value(json_object_get(f, "channel"));
		const char *who = json_string_value(json_object_get(f, "disclosed_by"));
		if (!type)
			continue;
		if (ch && !strcmp(ch, "tweet") && !strcmp(type, "tone"))
			c->public_tone++;
		for (int i = 0; i < 4; i++)
			for (int k = 0; k < 3 && !strcmp(type, hard[i]); k++)
				c->secrets[k] += who && !strcmp(who, by[k]);
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

void exposure_advice_count(json_t *r, struct exposure_advice *a)
{
	json_t *findings = json_object_get(r, "findings"), *tot = json_object_get(r, "totals");
	json_t *bc = json_object_get(tot, "by_channel");
	struct finding_counts c;
	count_findings(findings, &c);
	a->high = json_integer_value(json_object_get(json_object_get(tot, "by_severity"), "high"));
	a->in_public = json_integer_value(json_object_get(bc, "tweet")) - c.public_tone;
	a->their_secrets = c.secrets[1] + c.secrets[2];
	a->own_secrets = c.secrets[0];
	a->in_groups = json_integer_value(json_object_get(bc, "group_dm"));
	a->tone = json_integer_value(json_object_get(json_object_get(tot, "by_type"), "tone"));
}

/* Where a finding can be dealt with: its tweet, else its conversation. */
static const char *finding_link(json_t *f, char out[REPORT_LINK_SIZE])
{
	const char *ch = json_string_value(json_object_get(f, "channel"));
	if (ch && !strcmp(ch, "tweet"))
		return report_link_tweet(json_string_value(json_object_get(f, "source_id")), out);
	return report_link_conversation(json_string_value(json_object_get(f, "conversation_id")),
					out);
}

/* Every finding, worst first as the JSON orders them, each linked to where it is. */
static void findings_write(json_t *findings, bool reveal, struct doc *d)
{
	doc_heading_at(d, 2, "exposure-findings", "Findings");
	doc_para(d, "Worst first. Open each where it is (the link), then delete or edit it.");
	static const char *const cols[] = { "severity", "type", "where", "disclosed by",
					    "message or tweet", "conversation", "date", "value",
					    NULL };
	struct doc_table *t = doc_table(d, "findings", cols);
	struct jrows_iter it;
	char l[REPORT_LINK_SIZE];
	for (json_t *f = jrows_first(&it, findings); f; f = jrows_next(&it)) {
		const char *conv = json_string_value(json_object_get(f, "conversation_id"));
		const char *val = json_string_value(json_object_get(f, reveal ? "value" : "redacted"));
		const char *src = json_string_value(json_object_get(f, "source_id"));
		doc_cell(t, "%s", json_string_value(json_object_get(f, "severity")));
		doc_cell(t, "%s", type_words(json_string_value(json_object_get(f, "type"))));
		doc_cell(t, "%s", channel_words(json_string_value(json_object_get(f, "channel"))));
		doc_cell(t, "%s", by_words(json_string_value(json_object_get(f, "disclosed_by"))));
		doc_cell_link(t, conv ? NULL : finding_link(f, l), "%s", src ? src : "");
		doc_cell_link(t, conv ? finding_link(f, l) : NULL, "%s", conv ? conv : "(public)");
		doc_cell(t, "%.10s", json_string_value(json_object_get(f, "created_at")));
		doc_cell(t, "%s", val ? val : "");
	}
}

void exposure_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *findings = json_object_get(r, "findings"), *convs = json_object_get(r, "conversations");
	json_t *tot = json_object_get(r, "totals"), *bs = json_object_get(tot, "by_severity");
	json_t *bc = json_object_get(tot, "by_channel"), *bt = json_object_get(tot, "by_type");
	size_t nf = jrows_size(findings);
	bool reveal = json_is_true(json_object_get(r, "revealed"));
	(void)ctx;

	doc_heading_at(d, 1, "exposure", "Exposure risk");
	doc_para(d, "Private messages are one screenshot away from public. This report lists the "
		    "personal data in the archive's conversations and public tweets, and the owner's "
		    "messages whose tone would embarrass if posted, worst first.");
	if (!nf) {
		doc_para(d, "Nothing found in %lld messages and tweets (%lld bytes of text).",
			 (long long)json_integer_value(json_object_get(tot, "texts_scanned")),
			 (long long)json_integer_value(json_object_get(tot, "bytes_scanned")));
		return;
	}
	doc_para(d, "%zu finding%s: %lld high, %lld medium, %lld low; %lld in 1:1 messages, %lld in "
		    "group conversations, %lld in public tweets. Values are %s.",
		 nf, nf == 1 ? "" : "s", (long long)json_integer_value(json_object_get(bs, "high")),
		 (long long)json_integer_value(json_object_get(bs, "medium")),
		 (long long)json_integer_value(json_object_get(bs, "low")),
		 (long long)json_integer_value(json_object_get(bc, "dm")),
		 (long long)json_integer_value(json_object_get(bc, "group_dm")),
		 (long long)json_integer_value(json_object_get(bc, "tweet")),
		 reveal ? "shown in full (--reveal)" : "redacted; --reveal shows them");

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
	const char *k;
	json_t *v;
	json_object_foreach(bt, k, v) {
		if (json_integer_value(v))
			doc_kv(d, type_words(k), "%lld", (long long)json_integer_value(v));
	}

	findings_write(findings, reveal, d);

	doc_heading_at(d, 2, "exposure-conversations", "Conversations by risk");
	static const char *const ccols[] = { "conversation", "channel", ">risk", ">findings", "worst",
					     NULL };
	struct doc_table *ct = doc_table(d, "conversations", ccols);
	struct jrows_iter it;
	char l[REPORT_LINK_SIZE];
	for (json_t *f = jrows_first(&it, convs); f; f = jrows_next(&it)) {
		const char *conv = json_string_value(json_object_get(f, "conversation_id"));
		doc_cell_link(ct, report_link_conversation(conv, l), "%s", conv ? conv : "");
		doc_cell(ct, "%s", channel_words(json_string_value(json_object_get(f, "channel"))));
		doc_cell(ct, "%.3f", json_real_value(json_object_get(f, "risk_score")));
		doc_cell(ct, "%lld", (long long)json_integer_value(json_object_get(f, "findings")));
		doc_cell(ct, "%s", json_string_value(json_object_get(f, "worst_severity")));
	}
	doc_para(d, "Severity: high for payment cards, bank accounts, passwords and codes, "
		    "identity numbers, and anything in a public tweet; medium for e-mail "
		    "addresses, phone numbers, account numbers, postal addresses, dates of birth "
		    "and tone; low for order and case numbers. A group conversation raises a "
		    "finding one level. Risk grows with each finding of a conversation, the more "
		    "severe the more: near 1 with several severe ones.");
}

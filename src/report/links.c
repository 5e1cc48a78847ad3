/*
 * links: what the views share to point the owner at a place and a time:
 * the x.com address of a conversation, a tweet or an account, and a
 * duration in words (report.h).
 */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void report_duration(int64_t s, char out[32])
{
	if (s < 0)
		s = 0;
	if (s < 60)
		snprintf(out, 32, "%lld s", (long long)s);
	else if (s < 3600)
		snprintf(out, 32, "%lld min", (long long)(s / 60));
	else if (s < 86400)
		snprintf(out, 32, "%lld h %02lld min", (long long)(s / 3600),
			 (long long)(s / 60 % 60));
	else
		snprintf(out, 32, "%lld d %lld h", (long long)(s / 86400),
			 (long long)(s / 3600 % 24));
}

/* An id is digits and dashes; anything else makes no link (NULL). */
static const char *link(const char *prefix, const char *id, char out[REPORT_LINK_SIZE])
{
	if (!id || !*id || id[strspn(id, "0123456789-")] || strlen(id) > 64)
		return NULL;
	snprintf(out, REPORT_LINK_SIZE, "https://x.com/%s%s", prefix, id);
	return out;
}

const char *report_link_conversation(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("messages/", id, out);
}

const char *report_link_tweet(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("i/status/", id, out);
}

const char *report_link_user(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("i/user/", id, out);
}

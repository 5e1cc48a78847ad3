#include "report.h"
#include "exitcode.h"
#include "fmt.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct report_kind summary_kind = {
	"summary", "Archive summary", summary_view, "snapshots",
};

static const struct report_kind autodm_kind = {
	"autodm", "Auto-DM senders", autodm_view, "inbound",
};

static const struct report_kind etiquette_kind = {
	"etiquette", "Response etiquette", etiquette_view, "conversations",
};

static const struct report_kind exposure_kind = {
	"exposure", "Exposure risk", exposure_view, "findings",
};

static const struct report_kind changes_kind = {
	"changes", "Changes between snapshots", changes_view, "vanished",
};

const struct report_kind *const report_kinds[] = {
	&summary_kind,
	&autodm_kind,
	&etiquette_kind,
	&exposure_kind,
	&changes_kind,
	NULL,
};

const struct report_kind *report_find(const char *name)
{
	for (size_t i = 0; report_kinds[i]; i++)
		if (!strcmp(report_kinds[i]->name, name))
			return report_kinds[i];
	return NULL;
}

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

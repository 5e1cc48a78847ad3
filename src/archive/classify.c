#include "classify.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *stem; /* base name without "-partN.js" / ".js" */
	enum data_kind kind;
} stems[] = {
	{ "manifest", KIND_MANIFEST },
	{ "account", KIND_ACCOUNT },
	{ "direct-messages", KIND_DM },
	{ "direct-message", KIND_DM },
	{ "direct-messages-group", KIND_GROUP_DM },
	{ "direct-message-group", KIND_GROUP_DM },
	{ "tweets", KIND_TWEET },
	{ "tweet", KIND_TWEET },
	{ "follower", KIND_FOLLOWER },
	{ "following", KIND_FOLLOWING },
	{ "connected-application", KIND_APP },
	{ "block", KIND_BLOCK },
	{ "mute", KIND_MUTE },
	{ "account-timezone", KIND_OWNER_HINT },
	{ "account-creation-ip", KIND_OWNER_HINT },
	{ "ageinfo", KIND_OWNER_HINT },
	{ "screen-name-change", KIND_OWNER_HINT },
	{ "email-address-change", KIND_OWNER_HINT },
	{ "verified", KIND_OWNER_HINT },
};

static const char *const names[KIND__COUNT] = {
	[KIND_NONE] = "other",
	[KIND_MANIFEST] = "manifest",
	[KIND_ACCOUNT] = "account",
	[KIND_DM] = "direct messages",
	[KIND_GROUP_DM] = "group direct messages",
	[KIND_TWEET] = "tweets",
	[KIND_FOLLOWER] = "followers",
	[KIND_FOLLOWING] = "following",
	[KIND_APP] = "connected applications",
	[KIND_BLOCK] = "blocks",
	[KIND_MUTE] = "mutes",
	[KIND_MEDIA] = "media",
	[KIND_OWNER_HINT] = "account details",
};

const char *classify_kind_name(enum data_kind k)
{
	return (unsigned)k < KIND__COUNT ? names[k] : "other";
}

/* "direct_messages_media/" and "direct_message_media/" folders, 1:1 or group */
static int in_dm_media_folder(const char *path)
{
	return strstr(path, "direct_messages_media/") || strstr(path, "direct_message_media/") ||
	       strstr(path, "direct_messages_group_media/") ||
	       strstr(path, "direct_message_group_media/");
}

enum data_kind classify_path(const char *path, int *part)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	*part = 0;

	if (in_dm_media_folder(path))
		return KIND_MEDIA;
	if (!strncmp(path, "assets/", 7) || strstr(path, "/assets/"))
		return KIND_NONE;

	size_t n = strlen(base);
	if (n < 4 || strcmp(base + n - 3, ".js"))
		return KIND_NONE;
	n -= 3;
	/* "-partN" */
	const char *dash = NULL;
	for (const char *p = base; p + 5 < base + n; p++)
		if (!strncmp(p, "-part", 5))
			dash = p;
	if (dash) {
		const char *d = dash + 5;
		char *end;
		long v = strtol(d, &end, 10);
		if (end == base + n && end > d && v >= 0 && v < 100000) {
			*part = (int)v;
			n = (size_t)(dash - base);
		}
	}
	for (size_t i = 0; i < sizeof(stems) / sizeof(stems[0]); i++)
		if (strlen(stems[i].stem) == n && !strncmp(base, stems[i].stem, n))
			return stems[i].kind;
	return KIND_NONE;
}

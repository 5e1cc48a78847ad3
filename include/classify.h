/*
 * classify: which kind of archive data a file holds, from its path alone.
 *
 * Archives put their files at the root (2019), under data/ (2020 on), or
 * under any top folder a user added when re-zipping, so only the base name
 * counts. Both spellings across eras are known (direct-message.js and
 * direct-messages.js, tweet.js and tweets.js), with -partN splits. Headers
 * files, media and the viewer's assets are not data to read.
 */
#ifndef DMAUDIT_CLASSIFY_H
#define DMAUDIT_CLASSIFY_H

enum data_kind {
	KIND_NONE = 0,    /* not a file dmaudit reads */
	KIND_MANIFEST,
	KIND_ACCOUNT,
	KIND_DM,          /* 1:1 direct messages */
	KIND_GROUP_DM,
	KIND_TWEET,
	KIND_FOLLOWER,
	KIND_FOLLOWING,
	KIND_APP,         /* connected applications */
	KIND_BLOCK,
	KIND_MUTE,
	KIND_MEDIA,       /* a DM media file: only its name is kept */
	KIND_OWNER_HINT,  /* account-timezone.js, ageinfo.js, …: they name the owner's id */
	KIND__COUNT
};

/* The kind of the file at path, and its part number (0 for the first part). */
enum data_kind classify_path(const char *path, int *part);

/* A short name for messages: "direct messages", "followers", … */
const char *classify_kind_name(enum data_kind k);

#endif

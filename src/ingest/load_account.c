/*
 * load_account: the account, follow lists, blocks, mutes, apps, the manifest
 * and the files that name the owner (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ld_follow(struct load *l, const struct jnode *elem, bool follower, struct err *err)
{
	const char *key = follower ? "follower" : "following";
	const struct jnode *f = ld_unwrap(elem, key);
	int64_t id;
	char what[32];
	snprintf(what, sizeof(what), "%s entry", key);
	if (!f)
		return err_set(err, EXIT_INPUT, "not a {\"%s\": …} object", key);
	if (ld_need_id(f, "accountId", &id, what, err))
		return -1;
	sqlite3_stmt *st = l->st[S_FOLLOW];
	sqlite3_bind_int64(st, 1, l->snapshot_id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	/* the place in the list, across its parts in the order they were read */
	sqlite3_bind_int64(st, 4, follower ? l->n.followers : l->n.following);
	if (follower)
		l->n.followers++;
	else
		l->n.following++;
	return ld_step(l, S_FOLLOW, err);
}

int ld_listed(struct load *l, const struct jnode *elem, bool block, struct err *err)
{
	const struct jnode *f = ld_unwrap(elem, block ? "blocking" : "muting");
	int64_t id;
	if (!f || ld_id(f, "accountId", &id) != 1)
		return 0; /* wrapper names vary across eras; nothing else to take */
	int which = block ? S_BLOCK : S_MUTE;
	sqlite3_bind_int64(l->st[which], 1, l->snapshot_id);
	sqlite3_bind_int64(l->st[which], 2, id);
	if (block)
		l->n.blocks++;
	else
		l->n.mutes++;
	return ld_step(l, which, err);
}

int ld_app(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *a = ld_unwrap(elem, "connectedApplication");
	int64_t id, t = 0;
	if (!a || ld_id(a, "id", &id) != 1)
		return 0;
	buf_reset(&l->scratch);
	JDOC_EACH(jdoc_get(a, "permissions"), p) {
		if (!jis(p, J_STRING))
			continue;
		if (l->scratch.len)
			buf_addc(&l->scratch, ',');
		buf_add(&l->scratch, p->s, p->len);
	}
	sqlite3_stmt *st = l->st[S_APP];
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, l->snapshot_id);
	ld_bind_str(st, 3, ld_str(a, "name"));
	ld_bind_str(st, 4, ld_str(jdoc_get(a, "organization"), "name"));
	ld_bind_text(st, 5, l->scratch.s);
	bool has_t = ld_node_time(jdoc_get(a, "approvedAt"), &t);
	ld_bind_id(st, 6, t, has_t);
	l->n.apps++;
	return ld_step(l, S_APP, err);
}

int ld_account(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *a = ld_unwrap(elem, "account");
	int64_t id;
	if (!a)
		return err_set(err, EXIT_INPUT, "not an {\"account\": …} object");
	if (ld_need_id(a, "accountId", &id, "account", err))
		return -1;
	l->account_owner = id;
	const struct jnode *handle = ld_str(a, "username"), *name = ld_str(a, "accountDisplayName");
	if (handle && !l->owner_handle)
		l->owner_handle = ld_strdup(handle);
	if (name && !l->owner_name)
		l->owner_name = ld_strdup(name);
	/* of the owner's e-mail address only the country its domain ends in is
	 * kept ("….org.ng"): a hint of where their phones are from */
	const struct jnode *mail = ld_str(a, "email");
	if (mail && mail->len > 4 && mail->s[mail->len - 3] == '.' && memchr(mail->s, '@', mail->len)) {
		const char *t = mail->s + mail->len - 2;
		if (isalpha((unsigned char)t[0]) && isalpha((unsigned char)t[1])) {
			l->owner_tld[0] = (char)tolower((unsigned char)t[0]);
			l->owner_tld[1] = (char)tolower((unsigned char)t[1]);
			l->owner_tld[2] = '\0';
		}
	}
	return ld_add_account(l, id, handle, name, "account", err);
}

int ld_manifest(struct load *l, const struct jnode *m, struct err *err)
{
	const struct jnode *user = jdoc_get(m, "userInfo");
	int64_t id;
	l->has_manifest = true;
	if (ld_id(user, "accountId", &id) == 1) {
		const struct jnode *handle = ld_str(user, "userName"), *name = ld_str(user, "displayName");
		l->manifest_owner = id;
		free(l->owner_handle);
		free(l->owner_name);
		l->owner_handle = ld_strdup(handle);
		l->owner_name = ld_strdup(name);
		if (ld_add_account(l, id, handle, name, "manifest", err))
			return -1;
	}
	const struct jnode *gen = ld_str(jdoc_get(m, "archiveInfo"), "generationDate");
	if (gen && !ld_node_time(gen, &l->generated_at))
		return err_set(err, EXIT_INPUT, "archiveInfo.generationDate is not a date: \"%.*s\"",
			       (int)(gen->len < 40 ? gen->len : 40), gen->s);

	JDOC_KEYS(jdoc_get(m, "dataTypes"), type) {
		JDOC_EACH(jdoc_get(type + 1, "files"), f) {
			const struct jnode *name = ld_str(f, "fileName"), *count = ld_str(f, "count");
			int64_t c;
			if (!name || !count || !ld_parse_id(count->s, count->len, &c))
				continue;
			const char *base = name->s, *end = name->s + name->len;
			for (const char *q = name->s; q < end; q++)
				if (*q == '/')
					base = q + 1;
			ALLOC_GROW(l->manifest, l->nmanifest + 1, l->amanifest);
			l->manifest[l->nmanifest].file = xstrndup(base, (size_t)(end - base));
			l->manifest[l->nmanifest].count = c;
			l->nmanifest++;
		}
	}
	return 0;
}

/* {"accountTimezone": {"accountId": "…", "timeZone": "…"}} and the like. */
int ld_owner_hint(struct load *l, const struct jnode *elem)
{
	JDOC_KEYS(elem, key) {
		const struct jnode *o = key + 1;
		int64_t id;
		if (!jis(o, J_OBJECT) || ld_id(o, "accountId", &id) != 1)
			continue;
		if (l->hint_owner && l->hint_owner != id)
			l->hint_conflict = true;
		l->hint_owner = id;
		const struct jnode *tz = ld_str(o, "timeZone");
		if (tz && !l->owner_timezone && jdoc_eq(key, "accountTimezone"))
			l->owner_timezone = ld_strdup(tz);
	}
	return 0;
}


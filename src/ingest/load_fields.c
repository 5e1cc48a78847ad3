/*
 * load_fields: the fields of an archive element, read and bound (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A string member of o, or NULL when absent or not a string. */
const struct jnode *ld_str(const struct jnode *o, const char *key)
{
	const struct jnode *v = jdoc_get(o, key);
	return jis(v, J_STRING) ? v : NULL;
}

/* Parse a decimal id; false unless the whole of s[0..n) is one. */
bool ld_parse_id(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;
	if (!n)
		return false;
	for (const char *end = s + n; s < end; s++) {
		if (*s < '0' || *s > '9')
			return false;
		int d = *s - '0';
		if (v > (INT64_MAX - d) / 10) /* exact: INT64_MAX itself is an id */
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* An id in node v: a decimal string or, in old files, a JSON integer. */
bool ld_node_id(const struct jnode *v, int64_t *out)
{
	if (jis(v, J_STRING))
		return ld_parse_id(v->s, v->len, out);
	int64_t n;
	if (jdoc_int(v, &n) && n >= 0) {
		*out = n;
		return true;
	}
	return false;
}

/*
 * An id field: 1 when present and valid, 0 when absent or null, -1 when
 * malformed.
 */
int ld_id(const struct jnode *o, const char *key, int64_t *out)
{
	const struct jnode *v = jdoc_get(o, key);
	if (!v || v->type == J_NULL)
		return 0;
	return ld_node_id(v, out) ? 1 : -1;
}

/* A time in string node v (NULL: false). */
bool ld_node_time(const struct jnode *v, int64_t *out)
{
	char s[64];
	if (!jis(v, J_STRING) || v->len >= sizeof(s))
		return false;
	memcpy(s, v->s, v->len);
	s[v->len] = '\0';
	return strlen(s) == v->len && time_parse(s, out);
}

int ld_need_id(const struct jnode *o, const char *key, int64_t *out, const char *what,
		   struct err *err)
{
	int r = ld_id(o, key, out);
	if (r == 1)
		return 0;
	return err_set(err, EXIT_INPUT, "%s: '%s' is %s", what, key,
		       r == 0 ? "missing" : "not a decimal id");
}

int ld_need_time(const struct jnode *o, const char *key, int64_t *out, const char *what,
		     struct err *err)
{
	const struct jnode *v = ld_str(o, key);
	if (!v)
		return err_set(err, EXIT_INPUT, "%s: '%s' is %s", what, key,
			       jdoc_get(o, key) ? "not a string" : "missing");
	if (!ld_node_time(v, out))
		return err_set(err, EXIT_INPUT, "%s: '%s' is not a date: \"%.*s\"", what, key,
			       (int)(v->len < 40 ? v->len : 40), v->s);
	return 0;
}

/* The value of the single key of a wrapper object like {"follower": {...}}. */
const struct jnode *ld_unwrap(const struct jnode *elem, const char *key)
{
	const struct jnode *v = jdoc_get(elem, key);
	return jis(v, J_OBJECT) ? v : NULL;
}

/* A malloc'ed NUL-terminated copy of string node v, or NULL. */
char *ld_strdup(const struct jnode *v)
{
	return jis(v, J_STRING) ? xstrndup(v->s, v->len) : NULL;
}

int ld_step(struct load *l, int which, struct err *err)
{
	return store_step_done(l->store, l->st[which], err);
}

/*
 * Strings are bound SQLITE_STATIC: they live in the element (or its doc)
 * until the statement has been stepped, and every statement has all its
 * parameters bound again before each ld_step.
 */
void ld_bind_str(sqlite3_stmt *st, int i, const struct jnode *v)
{
	if (v && v->len)
		sqlite3_bind_text(st, i, v->s, (int)v->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void ld_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void ld_bind_id(sqlite3_stmt *st, int i, int64_t v, bool present)
{
	if (present)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

void ld_note_time(struct load *l, int64_t t)
{
	if (t > l->newest_item)
		l->newest_item = t;
}

int ld_add_account(struct load *l, int64_t id, const struct jnode *handle,
		       const struct jnode *name, const char *source, struct err *err)
{
	sqlite3_stmt *st = l->st[S_ACCOUNT];
	sqlite3_bind_int64(st, 1, id);
	ld_bind_str(st, 2, handle);
	ld_bind_str(st, 3, name);
	sqlite3_bind_text(st, 4, source, -1, SQLITE_STATIC);
	return ld_step(l, S_ACCOUNT, err);
}


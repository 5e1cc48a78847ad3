/*
 * jdoc: a strict JSON parser for archive elements, built for the ingest.
 *
 * One element (an object of a few kilobytes, up to YTD_MAX_ELEMENT) is
 * parsed into a flat array of nodes in document order: a container is
 * followed by its members (an object's as key, value, key, value ...), and
 * every node knows the size of its subtree, so the next sibling is
 * n + n->skip. Lookups walk an object's members; objects in archives have a
 * dozen keys at most.
 *
 * Strings are not copied: a string without escapes points into the parsed
 * text, which must outlive the doc; one with escapes is decoded into the
 * doc's own buffer. Strings are (pointer, length), not NUL-terminated, and
 * may hold U+0000. The text is never modified, so a caller can repair it
 * and parse again.
 *
 * Strictness follows RFC 8259 as jansson applies it: one value, an object or
 * an array, with nothing after it; no control characters in strings; valid
 * escapes, paired surrogates; valid UTF-8 (RFC 3629); numbers by the
 * grammar. Unlike jansson, a number is kept as its literal, so an integer
 * too big for 64 bits is not an error until someone asks for its value.
 * Duplicate keys are kept; jdoc_get finds the last, as jansson would.
 * Nesting is capped at JDOC_MAX_DEPTH. The doc owns its memory.
 */
#ifndef DMAUDIT_JDOC_H
#define DMAUDIT_JDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JDOC_MAX_DEPTH 512

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jnode {
	const char *s;    /* J_STRING: the bytes; J_NUMBER: the literal */
	uint32_t len;     /* J_STRING, J_NUMBER: bytes; J_ARRAY: elements; J_OBJECT: members */
	uint32_t skip;    /* nodes in this subtree, itself included */
	uint8_t type;
};

struct jdoc {
	struct jnode *nodes;   /* nodes[0] is the root */
	size_t n, alloc;
	char *strings;         /* decoded escaped strings */
	size_t nstrings, astrings;
};

#define JDOC_INIT { NULL, 0, 0, NULL, 0, 0 }

/*
 * Parse text[0..len) into d (its previous contents are dropped). Returns 0,
 * or -1 with *at set to the byte offset of the fault and *why to a static
 * description.
 */
int jdoc_parse(struct jdoc *d, const char *text, size_t len, size_t *at, const char **why);
void jdoc_release(struct jdoc *d);

static inline const struct jnode *jdoc_root(const struct jdoc *d)
{
	return d->n ? d->nodes : NULL;
}

/* The next sibling of n (its following member, or the end of its parent). */
static inline const struct jnode *jnext(const struct jnode *n)
{
	return n + n->skip;
}

static inline bool jis(const struct jnode *n, enum jtype t)
{
	return n && n->type == t;
}

/* The value of key in object o (the last, if repeated), or NULL. */
const struct jnode *jdoc_get(const struct jnode *o, const char *key);
/* True when string node n is exactly s. */
bool jdoc_eq(const struct jnode *n, const char *s);
/* Integer value of a number node without fraction or exponent; false otherwise. */
bool jdoc_int(const struct jnode *n, int64_t *out);
/* True when key k, a member key of o, is repeated later in o (jansson keeps the last). */
bool jdoc_repeated(const struct jnode *o, const struct jnode *k);

/* Walk the elements v of array a (nothing unless a is an array). */
#define JDOC_EACH(a, v)                                                          \
	for (const struct jnode *v = jis(a, J_ARRAY) ? (a) + 1 : NULL,           \
				*v##_end_ = v ? jnext(a) : NULL;                  \
	     v && v < v##_end_; v = jnext(v))
/* Walk the member keys k of object o; k + 1 is the value (nothing unless o is an object). */
#define JDOC_KEYS(o, k)                                                          \
	for (const struct jnode *k = jis(o, J_OBJECT) ? (o) + 1 : NULL,          \
				*k##_end_ = k ? jnext(o) : NULL;                  \
	     k && k < k##_end_; k = jnext(k + 1))

#endif

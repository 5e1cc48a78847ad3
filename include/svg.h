/*
 * svg: a gnuplot SVG made safe to paste into an HTML page (svg.c says how).
 */
#ifndef DMAUDIT_SVG_H
#define DMAUDIT_SVG_H

#include <stddef.h>

/*
 * The picture svg[0..n) as a fragment safe inline, ids and local references
 * prefixed with prefix; a malloc'd string the caller frees. NULL when the
 * picture holds anything outside the allow-list, with *why saying what.
 */
char *svg_sanitize(const char *svg, size_t n, const char *prefix, const char **why);

#endif

/*
 * banned: calls that bite, made compile errors (in the spirit of git's
 * banned.h). Included into every dmaudit source file by the Makefile.
 * Use snprintf, memcpy with lengths, strtol with an end pointer, buf.h.
 */
#ifndef DMAUDIT_BANNED_H
#define DMAUDIT_BANNED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BANNED(func) sorry_##func##_is_banned_in_dmaudit

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef gets
#define gets(x) BANNED(gets)

#endif

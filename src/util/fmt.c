#include "fmt.h"

#include <string.h>

size_t fmt_i64(char out[FMT_I64_SIZE], int64_t v)
{
	char tmp[FMT_I64_SIZE];
	char *p = tmp + sizeof(tmp);
	/* the magnitude as unsigned, so INT64_MIN needs no special case */
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	size_t n = (size_t)(tmp + sizeof(tmp) - p);
	memcpy(out, p, n);
	out[n] = '\0';
	return n;
}

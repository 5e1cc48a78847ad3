/*
 * The JSON floor of the benchmark: jansson parsing whole window.YTD files,
 * the way a load-everything reader does. Prints the elements parsed.
 *   json_floor FILE...
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	size_t total = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		char *b = malloc((size_t)n + 1);
		if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
			fprintf(stderr, "%s: read failed\n", argv[i]);
			return 1;
		}
		fclose(f);
		b[n] = '\0';
		char *p = strchr(b, '=');
		p = p ? p + 1 : b;
		json_error_t e;
		json_t *j = json_loads(p, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &e);
		if (!j) {
			fprintf(stderr, "%s: %s\n", argv[i], e.text);
			return 1;
		}
		total += json_array_size(j);
		json_decref(j);
		free(b);
	}
	printf("%zu elements\n", total);
	return 0;
}

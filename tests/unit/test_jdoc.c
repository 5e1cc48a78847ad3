/* jdoc against jansson on hand-made inputs: the fuzz target's cases, as a test. */
#define DIFF_MAIN
#include "../fuzz/fuzz_jdoc.c"

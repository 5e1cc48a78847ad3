# A short fuzzing run of every target (long runs: scripts/fuzz 3600, outside CI).
. "$TOP/tests/e2e/lib.sh"
"$TOP/scripts/fuzz" "${FUZZ_SECONDS:-15}" || true

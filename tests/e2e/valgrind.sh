# A valgrind smoke test: ingest and every report on the real fixture and the
# sample, with no memory errors; and no network syscall, ever (strace; with -f the
# lines of signals from gnuplot children start with a pid).
. "$TOP/tests/e2e/lib.sh"

if [ -n "${DMAUDIT_SANITIZED:-}" ]; then
	echo "ok - valgrind # SKIP the binary is built with sanitizers"
elif command -v valgrind >/dev/null 2>&1; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
	# reports leave their results to the process's exit unless asked to free them
	export DMAUDIT_FREE_AT_EXIT=1
	if have_fixtures "valgrind: ingest the real fixture"; then
		status "valgrind: ingest the fixture" 0 $vg "$DMAUDIT" ingest -q --db v.db "$FIXTURE"
	fi
	status "valgrind: ingest the sample" 0 $vg "$DMAUDIT" ingest -q --db s.db "$TOP/sample-data/sample.zip"
	for f in json text html; do
		status "valgrind: report all --format $f" 0 $vg "$DMAUDIT" report all --db s.db --format $f -o out.$f
	done
else
	echo "ok - valgrind # SKIP valgrind is not installed"
fi

if [ -n "${DMAUDIT_SANITIZED:-}" ]; then
	echo "ok - no network # SKIP under sanitizers (LeakSanitizer cannot run under ptrace)"
elif command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=socket,connect,sendto,bind -o trace.txt \
		"$DMAUDIT" ingest -q --db n.db "$TOP/sample-data/sample.zip"
	strace -f -qq -e trace=socket,connect,sendto,bind -a 1 -o trace2.txt \
		"$DMAUDIT" report all --db n.db --format html -o n.html
	same "no network syscall during ingest and report" "$(cat trace.txt trace2.txt | grep -c -E '(^|[ \]])(socket|connect|sendto|bind)\(' || true)" 0
else
	echo "ok - no network # SKIP strace is not installed"
fi
finish

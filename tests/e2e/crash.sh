# Crash safety: kill -9 at several points of a large ingest leaves the
# database passing integrity_check and exactly as it was; a file size limit
# (as a full disk) and an unwritable path give exit 3 and one line.
. "$TOP/tests/e2e/lib.sh"

"$TOP/scripts/gen-archive" --messages 60000 --seed 31 -o big.zip >/dev/null
"$DMAUDIT" ingest -q --db crash.db "$SAMPLE_ZIP"
fp() { sqlite3 crash.db 'SELECT count(*) FROM snapshot; SELECT count(*) FROM message; SELECT count(*) FROM follow; SELECT count(*) FROM tweet;' | tr '\n' ' '; }
base=$(fp)
for delay in 0.05 0.2 0.4 0.7 1.0; do
	"$DMAUDIT" ingest -q --db crash.db big.zip 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	same "kill -9 after ${delay}s: integrity_check" "$(sqlite3 crash.db 'PRAGMA integrity_check')" ok
	now=$(fp)
	if [ "$now" != "$base" ]; then
		# the ingest may have finished before the kill: then it landed whole
		same "kill -9 after ${delay}s: landed whole" "$(sqlite3 crash.db 'SELECT count(*) FROM snapshot')" 2
		base=$now
	else
		ok "kill -9 after ${delay}s: database as it was"
	fi
done

# A file size limit makes writes fail like a full disk.
status "file size limit: exit 3" 3 sh -c "ulimit -f 1000; exec \"$DMAUDIT\" ingest -q --db limited.db big.zip"
one_line "file size limit: one line naming the database" "limited.db"
[ -e limited.db ] && fail "file size limit: no half-written database left" || ok "file size limit: no half-written database left"
status "unwritable path: exit 3" 3 "$DMAUDIT" ingest --db /proc/self/x.db "$SAMPLE_ZIP"
one_line "unwritable path: one line naming the database" "x.db"
finish

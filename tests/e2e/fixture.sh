# The real December 2021 archive, as a folder and as a ZIP: the summary
# equals expected.json, and ingesting again changes nothing.
. "$TOP/tests/e2e/lib.sh"
if ! have_fixtures "the real 2021 archive as folder and ZIP"; then finish; exit; fi

exp="$FIXTURE/expected.json"
for form in folder zip; do
	src=$FIXTURE
	[ "$form" = zip ] && src=$FIXTURE/../real-2021.zip
	db=$WORK/$form.db
	status "fixture $form: ingest succeeds" 0 "$DMAUDIT" ingest --db "$db" "$src"
	"$DMAUDIT" report summary --db "$db" --format json >"$WORK/s.json"
	for k in dm_conversations dm_messages group_conversations group_messages tweets followers following; do
		same "fixture $form: $k" "$(json_get "$WORK/s.json" "d['counts']['$k']")" \
			"$(json_get "$exp" "d['counts']['$k']")"
	done
	same "fixture $form: owner id" "$(json_get "$WORK/s.json" "d['owner']['account_id']")" \
		"$(json_get "$exp" "d['owner_id']")"
	same "fixture $form: owner username" "$(json_get "$WORK/s.json" "d['owner']['username']")" \
		"$(json_get "$exp" "d['owner_username']")"
	same "fixture $form: database is 0600" "$(stat -c %a "$db")" 600
	before=$(sqlite3 "$db" 'SELECT count(*) FROM snapshot; SELECT count(*) FROM message; SELECT count(*) FROM follow;' | tr '\n' ' ')
	status "fixture $form: ingesting again succeeds" 0 "$DMAUDIT" ingest --db "$db" "$src"
	after=$(sqlite3 "$db" 'SELECT count(*) FROM snapshot; SELECT count(*) FROM message; SELECT count(*) FROM follow;' | tr '\n' ' ')
	same "fixture $form: ingesting again changes nothing" "$after" "$before"
done
# folder then zip of the same archive: still one snapshot
status "fixture: zip after folder" 0 "$DMAUDIT" ingest --db "$WORK/folder.db" "$FIXTURE/../real-2021.zip"
same "fixture: zip after folder is the same snapshot" \
	"$(sqlite3 "$WORK/folder.db" 'SELECT count(*) FROM snapshot')" 1
same "fixture: &amp; is decoded" \
	"$(sqlite3 "$WORK/zip.db" "SELECT count(*) FROM message WHERE text LIKE '%WATCHES & JEWELRY%'")" 1
# The snapshot's sha256 is the ZIP's, with the CPU's SHA instructions and without.
want=$(sha256sum "$FIXTURE/../real-2021.zip" | cut -d' ' -f1)
same "sha256 of the ZIP" "$(sqlite3 "$WORK/zip.db" 'SELECT sha256 FROM snapshot')" "$want"
DMAUDIT_NO_SHANI=1 "$DMAUDIT" ingest -q --db "$WORK/soft.db" "$FIXTURE/../real-2021.zip"
same "sha256 of the ZIP, portable code" "$(sqlite3 "$WORK/soft.db" 'SELECT sha256 FROM snapshot')" "$want"

# On a terminal, a long ingest shows a progress bar on stderr, then one summary line.
if command -v script >/dev/null 2>&1; then
	"$TOP/scripts/gen-archive" --messages 30000 --seed 3 -o progress.zip >/dev/null
	# the bar waits 0.1 s before it shows; this archive may take less
	DMAUDIT_PROGRESS_DELAY=0 script -qc "\"$DMAUDIT\" ingest --db \"$WORK/p.db\" progress.zip" \
		/dev/null </dev/null >tty.txt 2>&1 || true
	if tr '\r' '\n' <tty.txt | grep -q 'progress.zip \[#*  *\] *[0-9]*% [0-9.]*/[0-9.]* MB'; then
		ok "progress bar on a terminal"
	else fail "progress bar on a terminal: $(head -c 200 tty.txt)"; fi
	tr '\r' '\n' <tty.txt | grep -q 'progress.zip: @.*messages in .* conversations' &&
		ok "summary line after the ingest" || fail "summary line after the ingest"
	"$DMAUDIT" ingest --db "$WORK/q.db" progress.zip >out.txt 2>err.txt
	if grep -q '%' err.txt; then fail "no progress bar when stderr is not a terminal"; else ok "no progress bar when stderr is not a terminal"; fi
fi
finish

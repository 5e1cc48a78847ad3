# Nothing lost, nothing misleading: signals and a full disk during an ingest
# roll back and the next command works; outputs never overwrite the database;
# damaged ZIP entries, devices, pipes, foreign and busy databases, odd times
# and ids, repeats and edits, and archives that name their owner only
# indirectly each get the right answer.
. "$TOP/tests/e2e/lib.sh"

mk() { python3 "$TOP/tests/e2e/mkzip.py" "$@"; }
counts() { sqlite3 "$1" 'SELECT count(*) FROM snapshot; SELECT count(*) FROM message; SELECT count(*) FROM follow;' | tr '\n' ' '; }
# big.zip is a later, larger archive of the account in base.db
"$TOP/scripts/gen-archive" --messages 60000 --seed 37 -o big.zip >/dev/null
"$TOP/scripts/gen-archive" --messages 2000 --seed 37 -o small.zip >/dev/null
"$DMAUDIT" ingest -q --db base.db small.zip
base=$(counts base.db)
"$DMAUDIT" ingest -q --db sample.db "$SAMPLE_ZIP"
sbase=$(counts sample.db)

# ---- 1. signals: rolled back, one line, 128 + signal, the next report works
for spec in INT:2 TERM:15 HUP:1 QUIT:3; do
	sig=${spec%:*}
	num=${spec#*:}
	cp base.db s.db
	"$DMAUDIT" ingest --db s.db big.zip 2>sig.err &
	pid=$!
	sleep 0.4
	kill -$sig $pid 2>/dev/null || true
	set +e
	wait $pid
	got=$?
	set -e
	if [ "$got" -eq 0 ]; then
		ok "SIG$sig: the ingest had finished (machine too fast to interrupt it)"
	else
		same "SIG$sig: exit 128+$num" "$got" $((128 + num))
		if grep -q "interrupted by SIG$sig; 's.db' is as it was" sig.err && [ "$(wc -l <sig.err)" -eq 1 ]
		then ok "SIG$sig: one line saying the database is as it was"
		else fail "SIG$sig: message: $(head -c 300 sig.err)"; fi
		same "SIG$sig: database as it was" "$(counts s.db)" "$base"
		[ -e s.db-journal ] && fail "SIG$sig: a journal is left" || ok "SIG$sig: no journal left"
	fi
	status "SIG$sig: a report works after it" 0 "$DMAUDIT" report summary --db s.db --format json
done
# a first ingest into a new file, interrupted: no half-made database
"$DMAUDIT" ingest --db new.db big.zip 2>/dev/null &
pid=$!
sleep 0.4
kill -INT $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
if [ -e new.db ] && [ "$(sqlite3 new.db 'SELECT count(*) FROM snapshot')" != 1 ]; then
	fail "interrupted first ingest: a half-made database is left"
else ok "interrupted first ingest: nothing half-made is left"; fi

# kill -9 leaves a hot journal: reports and charts undo it and read the old data
for what in report charts; do
	cp base.db k.db
	"$DMAUDIT" ingest -q --db k.db big.zip 2>/dev/null &
	pid=$!
	sleep 0.5
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	if [ "$what" = report ]; then
		status "kill -9 then report: works" 0 "$DMAUDIT" report summary --db k.db --format json
	else
		status "kill -9 then charts: works" 0 "$DMAUDIT" charts --db k.db -o kcharts
	fi
	now=$(counts k.db)
	if [ "$now" = "$base" ] || [ "$(sqlite3 k.db 'SELECT count(*) FROM snapshot')" = 2 ]; then
		ok "kill -9 then $what: the database is as it was, or the ingest landed whole"
	else fail "kill -9 then $what: counts $now"; fi
	same "kill -9 then $what: integrity_check" "$(sqlite3 k.db 'PRAGMA integrity_check')" ok
done
# a first ingest killed: the next report says there is nothing yet, clearly
"$DMAUDIT" ingest -q --db first.db big.zip 2>/dev/null &
pid=$!
sleep 0.5
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
if [ -e first.db ] && [ "$(sqlite3 first.db 'SELECT count(*) FROM snapshot' 2>/dev/null)" != 1 ]; then
	status "killed first ingest: report exits 3" 3 "$DMAUDIT" report summary --db first.db
	one_line "killed first ingest: says no archive is held yet" "holds no archive yet"
	status "killed first ingest: the next ingest works" 0 "$DMAUDIT" ingest -q --db first.db small.zip
else ok "killed first ingest: it had landed or left nothing"; fi

# a full disk (a small tmpfs): exit 3, the database as it was, the next report works
if mkdir -p full && mount -t tmpfs -o size=3m tmpfs full 2>/dev/null; then
	cp base.db full/d.db
	status "full disk: exit 3" 3 "$DMAUDIT" ingest -q --db full/d.db big.zip
	one_line "full disk: one line naming the database" "d.db"
	same "full disk: database as it was" "$(counts full/d.db)" "$base"
	status "full disk: a report works after it" 0 "$DMAUDIT" report summary --db full/d.db --format json
	umount full
else
	echo "ok - full disk on a tmpfs # SKIP cannot mount a tmpfs here (not root, or no mount)"
fi

# ---- 2. outputs never overwrite the database
ln -s base.db link.db
ln base.db hard.db
for target in base.db link.db hard.db; do
	status "report -o $target: refused" 1 "$DMAUDIT" report summary --db base.db -o $target
	one_line "report -o $target: one line" "is the database"
done
same "report -o: the database is intact" "$(counts base.db)" "$base"
mkdir cdir && ln -s ../base.db cdir/volume.tsv
status "charts into a folder whose volume.tsv is the database: refused" 1 \
	"$DMAUDIT" charts --db base.db -o cdir
same "charts: the database is intact" "$(counts base.db)" "$base"
status "ingest the database into itself: refused" 1 "$DMAUDIT" ingest --db base.db base.db
same "ingest itself: the database is intact" "$(counts base.db)" "$base"

# ---- 3. ZIP CRC-32: a damaged entry is refused and nothing lands
python3 - "$SAMPLE_ZIP" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
items = [(n, z.read(n)) for n in z.namelist()]
for name, method in (("stored", zipfile.ZIP_STORED), ("deflated", zipfile.ZIP_DEFLATED)):
    with zipfile.ZipFile(name + ".zip", "w", method) as o:
        for n, b in items:
            o.writestr(n, b)
    d = bytearray(open(name + ".zip", "rb").read())
    at = d.find(b"data/direct-messages.js")
    hdr = d.rfind(b"PK\x03\x04", 0, at)
    if method == zipfile.ZIP_STORED:
        d[d.find(b'"text"', at) + 9] ^= 1        # one byte of the data
    else:
        d[hdr + 14] ^= 0xff                      # the CRC field of the local header
    open("badcrc-" + name + ".zip", "wb").write(d)
PY
for kind in stored deflated; do
	status "bad CRC ($kind): exit 2" 2 "$DMAUDIT" ingest --db crc.db badcrc-$kind.zip
	one_line "bad CRC ($kind): names the entry" "direct-messages.js"
	[ -e crc.db ] && fail "bad CRC ($kind): nothing lands" || ok "bad CRC ($kind): nothing lands"
done

# ---- 4. another program's SQLite file is never written
sqlite3 foreign.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'
status "foreign SQLite: ingest exits 3" 3 "$DMAUDIT" ingest --db foreign.db "$SAMPLE_ZIP"
one_line "foreign SQLite: says so" "SQLite database of another program"
same "foreign SQLite: untouched" "$(sqlite3 foreign.db '.tables')" t
same "new databases carry dmaudit's application_id" "$(sqlite3 base.db 'PRAGMA application_id')" 1145913685
cp base.db old.db && sqlite3 old.db 'PRAGMA application_id = 0; PRAGMA user_version = 0'
status "a database of an earlier dmaudit: read" 0 "$DMAUDIT" report summary --db old.db --format json
sqlite3 newer.db 'PRAGMA application_id = 1145913685; PRAGMA user_version = 99; CREATE TABLE meta(key, value)'
status "a database of a newer dmaudit: exit 3" 3 "$DMAUDIT" report summary --db newer.db
one_line "a database of a newer dmaudit: says so" "newer dmaudit"

# ---- 5. a busy database: waits, then says another dmaudit is writing
cp base.db busy.db
python3 -c "
import sqlite3, time
c = sqlite3.connect('busy.db', isolation_level=None)
c.execute('BEGIN EXCLUSIVE'); open('locked', 'w').close(); time.sleep(3)" &
lock=$!
while [ ! -e locked ]; do sleep 0.05; done
status "busy: a report gives up after DMAUDIT_BUSY_TIMEOUT, exit 3" 3 env DMAUDIT_BUSY_TIMEOUT=0.5 \
	"$DMAUDIT" report summary --db busy.db --format json
one_line "busy: says another dmaudit is writing" "another dmaudit is writing"
status "busy: an ingest waits for the lock and then works" 0 "$DMAUDIT" ingest -q --db busy.db big.zip
wait $lock

# ---- 6. devices and pipes
status "/dev/zero: refused at once" 2 timeout 20 "$DMAUDIT" ingest --db z.db /dev/zero
one_line "/dev/zero: one line" "a device"
cat "$SAMPLE_ZIP" >pipe.in
mkfifo fifo.zip
cat pipe.in >fifo.zip &
status "a ZIP through a pipe: ingested" 0 "$DMAUDIT" ingest -q --db p.db fifo.zip
wait
same "a ZIP through a pipe: the same data as the file" "$(counts p.db)" "$sbase"
same "a ZIP through a pipe: the same snapshot hash" "$(sqlite3 p.db 'SELECT sha256 FROM snapshot')" \
	"$(sha256sum "$SAMPLE_ZIP" | cut -d' ' -f1)"

# ---- 7. times and ids
max=9223372036854775807
mk times.zip \
	'data/account.js=window.YTD.account.part0 = [{"account":{"accountId":"9223372036854775807","username":"edge"}}]' \
	"data/direct-messages.js=window.YTD.direct_messages.part0 = [{\"dmConversation\":{\"conversationId\":\"9223372036854775800-$max\",\"messages\":[{\"messageCreate\":{\"recipientId\":\"$max\",\"text\":\"seconds\",\"senderId\":\"9223372036854775800\",\"id\":\"9223372036854775801\",\"createdAt\":\"1612137600\",\"reactions\":[{\"senderId\":\"$max\",\"reactionKey\":\"like\",\"eventId\":\"5\",\"createdAt\":\"2021-02-01T00:00:05.000Z\"}]}}]}}]"
status "ids up to INT64_MAX and a 10-digit createdAt: ingested" 0 "$DMAUDIT" ingest --db t.db times.zip
same "a 10-digit createdAt is seconds" "$(sqlite3 t.db "SELECT datetime(created_at/1000,'unixepoch') FROM message")" "2021-02-01 00:00:00"
same "INT64_MAX is an id" "$(sqlite3 t.db 'SELECT CAST(owner_id AS TEXT) FROM snapshot')" $max
same "a reaction keeps its time" "$(sqlite3 t.db 'SELECT created_at FROM reaction')" 1612137605000
mk feb29.zip 'data/direct-messages.js=window.YTD.direct_messages.part0 = [{"dmConversation":{"conversationId":"1-2","messages":[{"messageCreate":{"recipientId":"2","text":"x","senderId":"1","id":"3","createdAt":"2021-02-29T00:00:00.000Z"}}]}}]'
status "2021-02-29 is not a date: exit 2" 2 "$DMAUDIT" ingest --db f.db feb29.zip

# ---- 8. counts of what was stored, repeats, duplicate entries, edits
python3 - "$SAMPLE_ZIP" <<'PY'
import json, sys, zipfile, warnings
warnings.simplefilter("ignore")
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
with zipfile.ZipFile("dup.zip", "w", zipfile.ZIP_DEFLATED) as o:
    for n in names:
        o.writestr(n, z.read(n))
    o.writestr("data/follower.js", z.read("data/follower.js"))
# a later snapshot in which one message has another text
raw = z.read("data/direct-messages.js").decode()
head, body = raw.split("=", 1)
d = json.loads(body.strip().rstrip(";"))
msg = next(e["messageCreate"] for c in d for e in c["dmConversation"]["messages"] if "messageCreate" in e)
open("edited.id", "w").write(msg["id"])
msg["text"] = "an edited text"
man = z.read("data/manifest.js").decode().replace('"generationDate" : "2023', '"generationDate" : "2024')
with zipfile.ZipFile("later.zip", "w", zipfile.ZIP_DEFLATED) as o:
    for n in names:
        if n == "data/direct-messages.js":
            o.writestr(n, head + "= " + json.dumps(d))
        elif n == "data/manifest.js":
            o.writestr(n, man)
        else:
            o.writestr(n, z.read(n))
PY
status "duplicate ZIP entries: ingested" 0 "$DMAUDIT" ingest --db dup.db dup.zip
grep -q "appears twice" .err && ok "duplicate ZIP entries: warned" || fail "duplicate ZIP entries: warned"
stored=$(sqlite3 sample.db "SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.kind = 'dm'")
"$DMAUDIT" ingest --db cnt.db "$SAMPLE_ZIP" 2>line.txt
grep -q ": $stored messages in" line.txt && ok "the summary line counts the messages stored" \
	|| fail "the summary line counts the messages stored: $(cat line.txt) (stored $stored)"
cp sample.db e.db
status "an edited message: ingested" 0 "$DMAUDIT" ingest --db e.db later.zip
grep -q "edited" .err && ok "an edited message: warned" || fail "an edited message: warned"
id=$(cat edited.id)
same "an edited message: the newest text is kept" "$(sqlite3 e.db "SELECT text FROM message WHERE id = $id")" "an edited text"
same "an edited message: both texts are in message_version" "$(sqlite3 e.db "SELECT count(*) FROM message_version WHERE message_id = $id")" 2
# the other order: the older snapshot after the newer still leaves the newest text
"$DMAUDIT" ingest -q --db e2.db later.zip
"$DMAUDIT" ingest -q --db e2.db "$SAMPLE_ZIP"
same "edits in either order: the newest snapshot's text" "$(sqlite3 e2.db "SELECT text FROM message WHERE id = $id")" "an edited text"

# ---- 9. the owner named only by other files, or by the group conversations
mk tz.zip 'data/account-timezone.js=window.YTD.account_timezone.part0 = [{"accountTimezone":{"accountId":"42","timeZone":"Nairobi"}}]' \
	'data/direct-messages.js=window.YTD.direct_messages.part0 = [{"dmConversation":{"conversationId":"7-42","messages":[{"messageCreate":{"recipientId":"42","text":"x","senderId":"7","id":"3","createdAt":"2021-02-01T00:00:00.000Z"}}]}},{"dmConversation":{"conversationId":"8-9","messages":[]}}]'
status "owner from account-timezone.js: ingested" 0 "$DMAUDIT" ingest --db tz.db tz.zip
same "owner from account-timezone.js" "$(sqlite3 tz.db "SELECT value FROM meta WHERE key = 'owner_id'")" 42
same "the owner's time zone is kept" "$(sqlite3 tz.db "SELECT value FROM meta WHERE key = 'owner_timezone'")" Nairobi
mk groups.zip 'data/direct-messages-group.js=window.YTD.direct_messages_group.part0 = [{"dmConversation":{"conversationId":"100","messages":[{"messageCreate":{"text":"a","senderId":"5","id":"11","createdAt":"2021-02-01T00:00:00.000Z"}},{"joinConversation":{"initiatingUserId":"6","participantsSnapshot":["5","6","77"],"createdAt":"2021-01-01T00:00:00.000Z"}}]}},{"dmConversation":{"conversationId":"200","messages":[{"messageCreate":{"text":"b","senderId":"77","id":"12","createdAt":"2021-02-02T00:00:00.000Z"}},{"messageCreate":{"text":"c","senderId":"8","id":"13","createdAt":"2021-02-03T00:00:00.000Z"}}]}}]'
status "owner from the group conversations: ingested" 0 "$DMAUDIT" ingest --db g.db groups.zip
same "owner: the one account in every group" "$(sqlite3 g.db "SELECT value FROM meta WHERE key = 'owner_id'")" 77
finish

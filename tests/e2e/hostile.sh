# Hostile and broken archives: each gives one clear line on stderr, the
# contract's exit code, no crash, and leaves the database as it was.
. "$TOP/tests/e2e/lib.sh"

sample_dir "$WORK/sample"
F=$WORK/sample
mk() { python3 "$TOP/tests/e2e/mkzip.py" "$@"; }

# A database holding the sample, to check it stays unchanged.
"$DMAUDIT" ingest -q --db good.db "$F"
all_messages=$(sqlite3 good.db 'SELECT count(*) FROM message')
owner=$(sqlite3 good.db "SELECT value FROM meta WHERE key='owner_id'")
fingerprint() { sqlite3 good.db 'SELECT count(*) FROM snapshot; SELECT count(*) FROM message; SELECT count(*) FROM follow; SELECT group_concat(value) FROM meta;' | tr '\n' ' '; }
base=$(fingerprint)

refuse() { # NAME FILE [CODE]: refused with one line naming the file, database untouched
	status "$1: exit ${3:-2}" "${3:-2}" "$DMAUDIT" ingest --db good.db "$2"
	one_line "$1: one line naming the file" "$(basename "$2")"
	same "$1: database unchanged" "$(fingerprint)" "$base"
	[ "${4:-}" = keep-new ] && return 0
	status "$1: new database not left behind" "${3:-2}" "$DMAUDIT" ingest --db new.db "$2"
	if [ -e new.db ]; then fail "$1: new.db exists"; rm -f new.db; else ok "$1: no new.db"; fi
}

head -c 5000 /dev/urandom >random.zip
refuse "random bytes" random.zip
head -c 3000 "$SAMPLE_ZIP" >truncated.zip
refuse "truncated download" truncated.zip
mk empty.zip
refuse "empty zip" empty.zip
: >zero.zip
refuse "zero-byte file" zero.zip
mk other.zip hello.txt=hi notes/readme.md=text
refuse "not a Twitter archive" other.zip
mk broken.zip "data/direct-messages.js=@head:2000:$F/data/direct-messages.js"
refuse "JSON broken mid-file" broken.zip
mk deep.zip "data/direct-messages.js=@deep:300000"
refuse "arrays nested 300000 deep" deep.zip
mk blanks.zip "data/follower.js=@blanks:600000000"
refuse "a run of 600 MB of blanks (bomb)" blanks.zip
mk wrongtype.zip 'data/direct-messages.js=window.YTD.direct_messages.part0 = [{"dmConversation":{"conversationId":"1-2","messages":[{"messageCreate":{"id":["x"],"senderId":"1","createdAt":"2020-01-01T00:00:00.000Z","text":"hi"}}]}}]'
refuse "field of the wrong JSON type" wrongtype.zip
mk badtime.zip 'data/direct-messages.js=window.YTD.direct_messages.part0 = [{"dmConversation":{"conversationId":"1-2","messages":[{"messageCreate":{"id":"5","senderId":"1","createdAt":"yesterday","text":"hi"}}]}}]'
refuse "a date that is not a date" badtime.zip
mk notjs.zip 'data/follower.js=this is not javascript at all, no equals sign anywhere in the first kilobytes'
refuse "a data file that is not window.YTD" notjs.zip

# Refused as another account's archive.
mk other-account.zip "data/account.js=window.YTD.account.part0 = [{\"account\":{\"accountId\":\"12345\",\"username\":\"someoneelse\"}}]" \
	'data/follower.js=window.YTD.follower.part0 = [{"follower":{"accountId":"1"}}]'
refuse "another account's archive" other-account.zip 2 keep-new
grep -q 'someoneelse' .err && ok "another account: names the other handle" || fail "another account: names the other handle"

# Accepted with a warning: entries that must not be read are skipped.
mk traversal.zip "../../etc/follower.js=window.YTD.follower.part0 = [ ]" "@tree:$F"
status "entry named ../ is skipped, the rest ingests" 0 "$DMAUDIT" ingest --db t1.db traversal.zip
grep -q "path with '..'" .err && ok "entry named ../: warned" || fail "entry named ../: warned"
mk symlink.zip "@tree:$F" "-data/following.js" "data/following.js=@symlink:/etc/passwd"
status "symlink entry is skipped" 0 "$DMAUDIT" ingest --db t2.db symlink.zip
grep -q "symbolic link" .err && ok "symlink entry: warned" || fail "symlink entry: warned"

# An encrypted entry cannot be read: refused (its data is needed), clearly.
mkdir -p enc/data && cp "$F/data/account.js" "$F/data/follower.js" enc/data/
(cd enc && zip -q -P secret ../encrypted.zip data/follower.js && zip -q ../encrypted.zip data/account.js)
status "encrypted entry: skipped with a warning" 0 "$DMAUDIT" ingest --db t3.db encrypted.zip
grep -q "encrypted" .err && ok "encrypted entry: warned" || fail "encrypted entry: warned"

# Re-zipped with a top folder, __MACOSX twins and .DS_Store: reads like the original.
mk rezipped.zip "@tree:$F:twitter-2023-09-03-abc/" "__MACOSX/twitter-2023-09-03-abc/data/._direct-messages.js=junk" \
	"twitter-2023-09-03-abc/.DS_Store=junk"
status "re-zipped with a top folder" 0 "$DMAUDIT" ingest --db t4.db rezipped.zip
same "re-zipped: all the messages" "$(sqlite3 t4.db 'SELECT count(*) FROM message')" "$all_messages"

# No manifest.js and no account.js: the owner is the id common to all 1:1 conversations.
mk noowner.zip "@tree:$F" "-data/manifest.js" "-data/account.js"
status "no manifest and no account.js: owner inferred" 0 "$DMAUDIT" ingest --db t5.db noowner.zip
same "inferred owner" "$(sqlite3 t5.db "SELECT value FROM meta WHERE key='owner_id'")" "$owner"

# Invalid UTF-8 is repaired (U+FFFD) with a warning rather than losing the archive.
mk badutf8.zip "data/direct-messages.js=@badutf8" "data/account.js=@head:100000:$F/data/account.js"
status "invalid UTF-8: ingested" 0 "$DMAUDIT" ingest --db t7.db badutf8.zip
grep -q "invalid UTF-8" .err && ok "invalid UTF-8: warned" || fail "invalid UTF-8: warned"
same "invalid UTF-8: replaced" "$(sqlite3 t7.db 'SELECT text FROM message')" "caf�� bad"

# A 20 MB message is read whole.
mk big.zip "data/direct-messages.js=@bigmsg:20000000" "data/account.js=@head:100000:$F/data/account.js"
status "a 20 MB message" 0 "$DMAUDIT" ingest --db t6.db big.zip
same "a 20 MB message: stored whole" "$(sqlite3 t6.db 'SELECT length(text) FROM message')" 20000000

# Output safety: a read-only database path gives exit 3.
mkdir ro && chmod 500 ro
if [ "$(id -u)" -ne 0 ]; then
	status "unwritable database folder: exit 3" 3 "$DMAUDIT" ingest --db ro/x.db "$F"
	one_line "unwritable database folder: one line" "x.db"
fi
status "database path is a folder: exit 3" 3 "$DMAUDIT" ingest --db ro "$F"
status "report on a missing database: exit 3" 3 "$DMAUDIT" report summary --db missing.db --format json
status "report on a non-dmaudit SQLite file: exit 3" 3 sh -c "sqlite3 foreign.db 'CREATE TABLE t(x)' && \"$DMAUDIT\" report summary --db foreign.db --format json"
status "unknown command: exit 1" 1 "$DMAUDIT" frobnicate
status "unknown report: exit 1" 1 "$DMAUDIT" report nonsense --db good.db
status "unknown format: exit 1" 1 "$DMAUDIT" report summary --db good.db --format pdf
status "ingest without archive: exit 1" 1 "$DMAUDIT" ingest --db good.db
finish

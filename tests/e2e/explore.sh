# dmaudit search, show and snapshots: search hits equal a scan of the
# archive itself (words, a CJK word, short words, every filter), personal
# data redacted unless --reveal, the index usable the way Datasette uses it
# and rebuilt after an ingest; show prints a thread in order with its link;
# snapshots lists two ingests oldest first; bad input gets its exit code and
# one line.
. "$TOP/tests/e2e/lib.sh"

# scan.py ZIP[,ZIP...] WORD [--in C] [--from ID] [--since MS] [--until MS]:
# the ids of the messages and tweets whose text holds every word of WORD
# (ignoring case), read straight from the archives' files, sorted.
cat >"$WORK/scan.py" <<'PY'
import html, json, re, sys, zipfile
from datetime import datetime
args = sys.argv[1:]
zpath, words = args[0], args[1].lower().split()
opt = dict(zip(args[2::2], args[3::2]))
def elements(name):
    text = z.read(name).decode("utf-8-sig")
    return json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
def ms(s):
    if s[0].isdigit():
        return int(datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() * 1000)
    return int(datetime.strptime(s, "%a %b %d %H:%M:%S %z %Y").timestamp() * 1000)
docs = {}
for path in zpath.split(","):
    z = zipfile.ZipFile(path)
    owner = None
    for name in z.namelist():
        base = name.rsplit("/", 1)[-1]
        if base == "account.js":
            owner = elements(name)[0]["account"]["accountId"]
        if base.startswith("direct-messages") and base.endswith(".js"):
            channel = "group" if base.startswith("direct-messages-group") else "dm"
            for e in elements(name):
                for m in e["dmConversation"]["messages"]:
                    for k in ("messageCreate", "welcomeMessageCreate"):
                        if k in m:
                            c = m[k]
                            docs[("m", c["id"])] = (channel, c["senderId"], ms(c["createdAt"]),
                                                    html.unescape(c.get("text", "")))
    for name in z.namelist():
        base = name.rsplit("/", 1)[-1]
        if re.match(r"tweets?(-part\d+)?\.js$", base):
            for e in elements(name):
                t = e["tweet"]
                docs[("t", t["id_str"])] = ("tweet", owner, ms(t["created_at"]),
                                            html.unescape(t["full_text"]))
out = []
for (kind, i), (channel, sender, at, text) in docs.items():
    low = text.lower()
    if not all(w in low for w in words):
        continue
    if "--in" in opt and channel != opt["--in"]: continue
    if "--from" in opt and sender != opt["--from"]: continue
    if "--since" in opt and at < int(opt["--since"]): continue
    if "--until" in opt and at > int(opt["--until"]): continue
    out.append(i)
print(" ".join(sorted(out, key=int)))
PY

# hits FILE: the message ids of a search's JSON, sorted
hits() {
	json_get "$1" "' '.join(sorted((h['message_id'] for h in d['hits']), key=int))"
}
# scan_vs_search NAME ZIP DB WORD [FILTERS...]: search --limit 0 finds what the scan finds
scan_vs_search() {
	name=$1 zip=$2 db=$3 word=$4
	shift 4
	want=$(python3 "$WORK/scan.py" "$zip" "$word" "$@")
	"$DMAUDIT" search --db "$db" --format json --limit 0 "$@" "$word" >"$WORK/hits.json"
	got=$(hits "$WORK/hits.json")
	if [ -n "$want" ] && [ "$got" = "$want" ]; then ok "$name ($(echo "$want" | wc -w) hits)"
	else fail "$name: got '$(echo "$got" | head -c 200)', wanted '$(echo "$want" | head -c 200)'"; fi
}

db=$WORK/s.db
status "explore: ingest the sample" 0 "$DMAUDIT" ingest --db "$db" "$SAMPLE_ZIP"

# ---- search ----
status "search: the first search builds the index" 0 "$DMAUDIT" search --db "$db" --format json refund
same "search: the index is an FTS5 trigram table with search_doc as its content" \
	"$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select count(*) from sqlite_master where name = ? and sql like ? and sql like ?",
("search_index", "%content=\"search_doc\"%", "%trigram%")).fetchone()[0])' "$db")" 1
scan_vs_search "search: a word, against the archive" "$SAMPLE_ZIP" "$db" refund
scan_vs_search "search: two words, against the archive" "$SAMPLE_ZIP" "$db" "case number"
scan_vs_search "search: a Japanese phrase (trigrams)" "$SAMPLE_ZIP" "$db" 確認いたします
scan_vs_search "search: a two-character Japanese word (no trigram)" "$SAMPLE_ZIP" "$db" 確認
scan_vs_search "search: a two-letter word (no trigram)" "$SAMPLE_ZIP" "$db" ok
scan_vs_search "search: --in dm" "$SAMPLE_ZIP" "$db" the --in dm
scan_vs_search "search: --in group" "$SAMPLE_ZIP" "$db" the --in group
scan_vs_search "search: --in tweet" "$SAMPLE_ZIP" "$db" the --in tweet
json_get "$WORK/hits.json" "all(h['conversation_id'] is None and h['channel'] == 'tweet' for h in d['hits'])" >"$WORK/t"
same "search: tweets have no conversation" "$(cat "$WORK/t")" True

owner=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select value from meta where key = ?", ("owner_id",)).fetchone()[0])' "$db")
handle=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select handle from account where id = ?", (int(sys.argv[2]),)).fetchone()[0])' "$db" "$owner")
"$DMAUDIT" search --db "$db" --format json --limit 0 --from "@$handle" thanks >"$WORK/from.json"
want=$(python3 "$WORK/scan.py" "$SAMPLE_ZIP" thanks --from "$owner")
same "search: --from @handle is the owner's texts only" "$(hits "$WORK/from.json")" "$want"
"$DMAUDIT" search --db "$db" --format json --limit 0 --from "$owner" thanks >"$WORK/from2.json"
same "search: --from ACCOUNT_ID is the same" "$(hits "$WORK/from2.json")" "$want"

since=$(python3 -c 'from datetime import datetime, timezone; print(int(datetime(2022,1,1,tzinfo=timezone.utc).timestamp()*1000))')
until=$(python3 -c 'from datetime import datetime, timezone; print(int(datetime(2023,1,1,tzinfo=timezone.utc).timestamp()*1000) - 1)')
"$DMAUDIT" search --db "$db" --format json --limit 0 --since 2022-01-01 --until 2022-12-31 the >"$WORK/range.json"
want=$(python3 "$WORK/scan.py" "$SAMPLE_ZIP" the --since "$since" --until "$until")
same "search: --since and --until (whole days)" "$(hits "$WORK/range.json")" "$want"
"$DMAUDIT" search --db "$db" --format json --limit 0 the >"$WORK/all.json"
same "search: newest first" "$(json_get "$WORK/all.json" \
	"[h['created_at'] for h in d['hits']] == sorted((h['created_at'] for h in d['hits']), reverse=True) and len(d['hits']) > 20")" True
same "search: the contract's fields, ids as strings" "$(json_get "$WORK/all.json" \
	"list(d) == ['hits'] and all(isinstance(h[k], str) for h in d['hits'] for k in ('message_id', 'sender_id', 'created_at', 'snippet')) and all(h['created_at'].endswith('Z') for h in d['hits'])")" True
"$DMAUDIT" search --db "$db" --format json --limit 3 the >"$WORK/lim.json"
same "search: --limit keeps the newest" "$(json_get "$WORK/lim.json" "[h['message_id'] for h in d['hits']]")" \
	"$(json_get "$WORK/all.json" "[h['message_id'] for h in d['hits']][:3]")"

# a planted e-mail address: found, but shown only with --reveal
email=$(python3 -c 'import re,sqlite3,sys
for (t,) in sqlite3.connect(sys.argv[1]).execute("select text from message"):
    m = re.search(r"[\w.+-]+@[\w-]+\.[\w.]+\w", t)
    if m: print(m.group(0)); break' "$db")
"$DMAUDIT" search --db "$db" --format json "$email" >"$WORK/red.json"
"$DMAUDIT" search --db "$db" --format json --reveal "$email" >"$WORK/rev.json"
same "search: an e-mail address is found" "$(json_get "$WORK/red.json" "len(d['hits']) > 0")" True
same "search: redacted by default" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(any("***" in h["snippet"] for h in d["hits"]) and not any(sys.argv[2] in h["snippet"] for h in d["hits"]))' "$WORK/red.json" "$email")" True
same "search: --reveal shows it" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(any(sys.argv[2] in h["snippet"] for h in d["hits"]))' "$WORK/rev.json" "$email")" True
"$DMAUDIT" search --db "$db" --format csv --limit 0 "$email" >"$WORK/red.csv"
same "search: CSV redacted too" "$(grep -c -F "$email" "$WORK/red.csv" || true)" 0
"$DMAUDIT" search --db "$db" --format text refund >"$WORK/red.txt"
same "search: text gives time, sender, conversation and id of every dm hit" \
	"$(grep -c -E '^20[0-9-]+T[0-9:.]+Z  (you|@[A-Za-z0-9_]+|[0-9]+)  dm [0-9]+-[0-9]+  message [0-9]+$' "$WORK/red.txt")" \
	"$(python3 "$WORK/scan.py" "$SAMPLE_ZIP" refund --in dm | wc -w | tr -d ' ')"

# Datasette finds search_index as the full-text table of search_doc and searches it so
same "search: Datasette's detection and search query work" "$(python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
fts = c.execute("""select name from sqlite_master where rootpage = 0 and
  sql like '"'"'%VIRTUAL TABLE%USING FTS%content="search_doc"%'"'"'""").fetchone()[0]
n = c.execute("select count(*) from search_doc where rowid in (select rowid from [%s] where [%s] match ?)" % (fts, fts), ("refund",)).fetchone()[0]
print(fts, n)' "$db")" "search_index $(python3 "$WORK/scan.py" "$SAMPLE_ZIP" refund | wc -w)"

before=$(cksum <"$db")
status "search: a fresh index is only read" 0 "$DMAUDIT" search --db "$db" --format json refund
same "search: ... and the database is unchanged" "$(cksum <"$db")" "$before"

# ---- snapshots, and the index after a second ingest ----
GEN=$TOP/scripts/gen-archive
"$GEN" --messages 1200 --seed 41 --cutoff 2022-06-01 -o "$WORK/two.zip" >/dev/null
g=$WORK/g.db
status "snapshots: ingest the later snapshot first" 0 "$DMAUDIT" ingest --db "$g" "$WORK/two.zip"
scan_vs_search "search: a generated archive" "$WORK/two.zip" "$g" order
status "snapshots: ingest the earlier snapshot" 0 "$DMAUDIT" ingest --db "$g" "$WORK/two.early.zip"
same "search: the ingest left the index stale" "$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from snapshot").fetchone()[0] == 2 and c.execute("select value from meta where key = ?", ("search_index_stamp",)).fetchone()[0].startswith("snapshots 1 "))' "$g")" True
scan_vs_search "search: rebuilt after the ingest, the union of both" \
	"$WORK/two.early.zip,$WORK/two.zip" "$g" order
status "snapshots: json" 0 "$DMAUDIT" snapshots --db "$g" --format json
cp "$WORK/.out" "$WORK/snap.json"
same "snapshots: two, oldest first" "$(json_get "$WORK/snap.json" \
	"len(d['snapshots']) == 2 and d['snapshots'][0]['generated_at'] < d['snapshots'][1]['generated_at'] and d['snapshots'][0]['source'].endswith('two.early.zip')")" True
same "snapshots: messages first seen add up to all messages" "$(json_get "$WORK/snap.json" \
	"sum(s['messages_first_seen'] for s in d['snapshots'])")" \
	"$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from message").fetchone()[0])' "$g")"
same "snapshots: the later one brought only what the earlier lacked" "$(json_get "$WORK/snap.json" \
	"d['snapshots'][1]['messages_first_seen']")" \
	"$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from message where snapshot_id = (select id from snapshot where source like ?)", ("%two.zip",)).fetchone()[0])' "$g")"
same "snapshots: follower counts and hashes" "$(json_get "$WORK/snap.json" \
	"all(isinstance(s['followers'], int) and len(s['sha256']) == 64 and s['ingested_at'].endswith('Z') for s in d['snapshots'])")" True
status "snapshots: csv" 0 "$DMAUDIT" snapshots --db "$g" --format csv
same "snapshots: csv has a header and two rows" "$(wc -l <"$WORK/.out" | tr -d ' ')" 3
status "snapshots: text" 0 "$DMAUDIT" snapshots --db "$g" --format text
same "snapshots: text names both sources" "$(grep -c 'two\.\(early\.\)\{0,1\}zip' "$WORK/.out")" 2

# ---- show ----
conv=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select conversation_id from message m join conversation c on c.id = m.conversation_id where c.kind = ? group by 1 order by count(*) desc limit 1", ("dm",)).fetchone()[0])' "$db")
status "show: a 1:1 conversation" 0 "$DMAUDIT" show --db "$db" "$conv"
cp "$WORK/.out" "$WORK/show.txt"
same "show: the x.com link" "$(grep -c -x "https://x.com/messages/$conv" "$WORK/show.txt")" 1
same "show: every message, oldest first" "$(python3 - "$WORK/show.txt" "$db" "$conv" <<'PY'
import re, sqlite3, sys
lines = open(sys.argv[1]).read().splitlines()
times = [l[:16] for l in lines if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d  ", l)]
c = sqlite3.connect(sys.argv[2])
want = [r[0] for r in c.execute("select strftime('%Y-%m-%d %H:%M', created_at / 1000, 'unixepoch') "
        "from message where conversation_id = ? order by created_at, id", (sys.argv[3],))]
print(times == want and len(want) > 1)
PY
)" True
same "show: the owner is 'you'" "$(grep -c -E '^[0-9-]{10} [0-9:]{5}  you$' "$WORK/show.txt" | awk '{print ($1 > 0)}')" 1
same "show: no e-mail address of the thread in full" "$(python3 - "$WORK/show.txt" "$db" "$conv" <<'PY'
import re, sqlite3, sys
text = open(sys.argv[1]).read()
c = sqlite3.connect(sys.argv[2])
leaks = [m.group(0) for (t,) in c.execute("select text from message where conversation_id = ?", (sys.argv[3],))
         for m in re.finditer(r"[\w.+-]+@[\w-]+\.[\w.]+\w", t) if m.group(0) in text]
print(not leaks)
PY
)" True
h=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select a.handle from conversation c join account a on a.id = c.counterpart_id where c.kind = ? and a.handle is not null limit 1", ("dm",)).fetchone()[0])' "$db")
status "show: @handle picks the 1:1 conversation" 0 "$DMAUDIT" show --db "$db" "@$h"
same "show: ... with that account" "$(sed -n 1p "$WORK/.out" | grep -c "with @$h ")" 1
group=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select conversation_id from group_event where kind = ? limit 1", ("rename",)).fetchone()[0])' "$db")
status "show: a group conversation in --tz" 0 "$DMAUDIT" show --db "$db" --tz Asia/Tokyo "$group"
same "show: group events among the messages" "$(grep -c -E '^[0-9-]{10} [0-9:]{5}  -- .*renamed the group' "$WORK/.out")" \
	"$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from group_event where conversation_id = ? and kind = ?", (sys.argv[2], "rename")).fetchone()[0])' "$db" "$group")"
first_utc=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select strftime(?, min(created_at) / 1000 + 9 * 3600, ?) from message where conversation_id = ?", ("%Y-%m-%d %H:%M", "unixepoch", sys.argv[2])).fetchone()[0])' "$db" "$group")
same "show: times in --tz (Tokyo, UTC+9)" "$(grep -c "^$first_utc  " "$WORK/.out" | awk '{print ($1 > 0)}')" 1
mc=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select m.conversation_id from media_file f join message m on m.id = f.message_id limit 1").fetchone()[0])' "$db")
"$DMAUDIT" show --db "$db" "$mc" >"$WORK/media.txt"
same "show: media file names" "$(grep -c '^    \[media\] [0-9]*-' "$WORK/media.txt" | awk '{print ($1 > 0)}')" 1
rc=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
"select m.conversation_id from reaction r join message m on m.id = r.message_id limit 1").fetchone()[0])' "$db")
"$DMAUDIT" show --db "$db" "$rc" >"$WORK/react.txt"
same "show: reactions" "$(grep -c '^    \[reactions\] ' "$WORK/react.txt" | awk '{print ($1 > 0)}')" 1

# ---- bad input: the exit code and one line ----
status "show: an unknown conversation is exit 2" 2 "$DMAUDIT" show --db "$db" 999-888
one_line "show: ... in one line" "999-888"
status "show: an unknown @handle is exit 2" 2 "$DMAUDIT" show --db "$db" @nobody_here_at_all
one_line "show: ... in one line" "nobody_here_at_all"
status "show: an unknown time zone is exit 1" 1 "$DMAUDIT" show --db "$db" --tz Mars/Olympus "$conv"
one_line "show: ... in one line" "Mars/Olympus"
status "show: a missing database is exit 3" 3 "$DMAUDIT" show --db "$WORK/none.db" "$conv"
one_line "show: ... in one line" "none.db"
status "search: a bad date is exit 1" 1 "$DMAUDIT" search --db "$db" --since 2022-13-45 refund
one_line "search: ... in one line" "2022-13-45"
status "search: --since after --until is exit 1" 1 "$DMAUDIT" search --db "$db" --since 2023-01-01 --until 2022-01-01 refund
one_line "search: ... in one line" "since"
status "search: an unknown channel is exit 1" 1 "$DMAUDIT" search --db "$db" --in email refund
one_line "search: ... in one line" "email"
status "search: a bad limit is exit 1" 1 "$DMAUDIT" search --db "$db" --limit ten refund
one_line "search: ... in one line" "ten"
status "search: an empty query is exit 1" 1 "$DMAUDIT" search --db "$db" "  "
one_line "search: ... in one line" "query"
status "search: an unknown --from account is exit 2" 2 "$DMAUDIT" search --db "$db" --from @nobody_here_at_all refund
one_line "search: ... in one line" "nobody_here_at_all"
status "search: a missing database is exit 3" 3 "$DMAUDIT" search --db "$WORK/none.db" refund
one_line "search: ... in one line" "none.db"
status "snapshots: a missing database is exit 3" 3 "$DMAUDIT" snapshots --db "$WORK/none.db"
one_line "snapshots: ... in one line" "none.db"
status "snapshots: an unknown format is exit 1" 1 "$DMAUDIT" snapshots --db "$db" --format xml
one_line "snapshots: ... in one line" "xml"

finish

# report changes, the findings tables and --since/--until: what vanished
# between two snapshots equals the generator's truth (messages deleted,
# conversations dropped, follows gained and lost), follow bounds follow the
# snowflake and list-order rules, a database of an earlier dmaudit says
# "unknown" rather than guess; the findings tables equal the JSON of the run
# that wrote them; a period's reports equal a scan of the period; bad dates
# get exit 1 and one line.
. "$TOP/tests/e2e/lib.sh"

GEN=$TOP/scripts/gen-archive
"$GEN" --messages 2500 --seed 23 --cutoff 2021-09-01 --drop-conversations 3 -o "$WORK/d.zip" >/dev/null
db=$WORK/d.db
status "changes: ingest both snapshots" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/d.zip" "$WORK/d.early.zip"
status "changes: json" 0 "$DMAUDIT" report changes --db "$db" --format json
cp "$WORK/.out" ch.json

# truth.py REPORT TRUTH KEY: the report's list for KEY equals the truth's, as sets and sorted
cat >truth.py <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))["snapshots"]
p = d["pairs"]
assert len(p) == 1, p
p = p[0]
key = sys.argv[3]
want = {"vanished_message_ids": t["deleted_message_ids"],
        "vanished_conversation_ids": t["vanished_conversation_ids"]}.get(key) or t[key]
got = p[key]
if key.startswith("follow"):
    got = [x["account_id"] for x in got]
ok = sorted(got) == sorted(want) and len(want) > 0 or key == "following_lost"
print(ok and sorted(got) == sorted(want), len(got))
PY
for key in vanished_message_ids vanished_conversation_ids followers_gained followers_lost \
	following_gained following_lost; do
	same "changes: $key equal the generator's truth" \
		"$(python3 truth.py ch.json "$WORK/d.truth.json" $key | cut -d' ' -f1)" True
done
same "changes: the pair runs from the earlier snapshot to the later" \
	"$(json_get ch.json "(d['pairs'][0]['from'][:10], d['pairs'][0]['to'] > d['pairs'][0]['from'])")" \
	"('2021-09-01', True)"
same "changes: every vanished message is listed with its conversation" "$(json_get ch.json \
	"[m['id'] for m in d['pairs'][0]['vanished_messages']] == d['pairs'][0]['vanished_message_ids'] and all(m['conversation_id'] for m in d['pairs'][0]['vanished_messages'])")" True
same "changes: each follow change lies between the two snapshots" "$(json_get ch.json \
	"all(d['pairs'][0]['from'] <= f['after'] <= f['before'] == d['pairs'][0]['to'] for k in ('followers_gained','followers_lost','following_gained','following_lost') for f in d['pairs'][0][k])")" True
same "changes: message_seen holds the earlier snapshot's repeats" \
	"$(sqlite3 "$db" "SELECT count(*) FROM message_snapshot WHERE snapshot_id = 2")" \
	"$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); c=t["snapshots"]["early_counts"]; print(c["dm_messages"] + c["group_messages"])' "$WORK/d.truth.json")"
status "changes: in report all" 0 "$DMAUDIT" report all --db "$db" --format json
same "changes: report all holds the same changes" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["changes"] == json.load(open(sys.argv[2])))' "$WORK/.out" ch.json)" True
for f in text md csv html; do
	status "changes: $f" 0 "$DMAUDIT" report changes --db "$db" --format $f -o "ch.$f"
done
same "changes: the text counts the vanished messages" \
	"$(grep -c "messages vanished *$(json_get ch.json "len(d['pairs'][0]['vanished_message_ids'])")\$" ch.text)" 1
same "changes: csv lists one row a vanished message" "$(($(wc -l <ch.csv) - 1))" \
	"$(json_get ch.json "len(d['pairs'][0]['vanished_message_ids'])")"
grep -q "Changes between snapshots" ch.html && ok "changes: html has the section" || fail "changes: html has the section"

# Bounds: snowflake ids and a newest-first list narrow the time of a follow.
# Snapshot 1 (2022-01-01): followers 100, 200; snapshot 2 (2023-01-01): a
# snowflake account made 2022-06-01 on top, then a small id, then the old two.
sf=$(python3 -c 'import calendar; print((calendar.timegm((2022,6,1,0,0,0)) * 1000 - 1288834974657) << 22)')
sf2=$(python3 -c 'import calendar; print((calendar.timegm((2022,3,1,0,0,0)) * 1000 - 1288834974657) << 22)')
mkarchive() { # DIR DATE FOLLOWER...
	dir=$1 date=$2
	shift 2
	mkdir -p "$dir/data"
	printf 'window.__THAR_CONFIG = {"userInfo": {"accountId": "42", "userName": "own"}, "archiveInfo": {"generationDate": "%sT00:00:00.000Z"}}' "$date" >"$dir/data/manifest.js"
	printf 'window.YTD.account.part0 = [{"account": {"accountId": "42", "username": "own"}}]' >"$dir/data/account.js"
	printf 'window.YTD.direct_messages.part0 = [{"dmConversation": {"conversationId": "42-7", "messages": [{"messageCreate": {"id": "1000", "senderId": "7", "recipientId": "42", "text": "hi", "createdAt": "2021-12-01T00:00:00.000Z", "urls": [], "mediaUrls": []}}]}}]' >"$dir/data/direct-messages.js"
	{
		printf 'window.YTD.follower.part0 = ['
		sep=
		for f in "$@"; do printf '%s{"follower": {"accountId": "%s"}}' "$sep" "$f"; sep=,; done
		printf ']'
	} >"$dir/data/follower.js"
}
mkarchive a1 2022-01-01 100 200
mkarchive a2 2023-01-01 "$sf" 300 "$sf2" 100 200
status "bounds: ingest two snapshots" 0 "$DMAUDIT" ingest -q --db b.db a1 a2
bounds() { sqlite3 b.db "SELECT strftime('%Y-%m-%d', after / 1000, 'unixepoch') FROM follow_change WHERE account_id = $1"; }
same "bounds: a snowflake account gained after it was made" "$(bounds "$sf")" 2022-06-01
same "bounds: a small id listed above a snowflake one: after that one was made" "$(bounds 300)" 2022-03-01
same "bounds: the lowest gained account, made before the first snapshot" "$(bounds "$sf2")" 2022-03-01
mkarchive a3 2024-01-01 100 "$sf" 200 400
status "bounds: a third snapshot, not newest first" 0 "$DMAUDIT" ingest -q --db b.db a3
same "bounds: an order that is not newest first narrows nothing" \
	"$(sqlite3 b.db "SELECT strftime('%Y-%m-%d', after / 1000, 'unixepoch') FROM follow_change WHERE account_id = 400")" 2023-01-01
same "bounds: the message held by all three has vanished from none" \
	"$("$DMAUDIT" report changes --db b.db --format json | python3 -c 'import json,sys; print([p["vanished_message_ids"] for p in json.load(sys.stdin)["pairs"]])')" "[[], []]"

# A database of an earlier dmaudit: no message_seen, no follow.pos.
old() { # DB: make DB look as an earlier dmaudit left it
	sqlite3 "$1" "DROP TABLE message_seen; DROP VIEW message_snapshot; DELETE FROM meta WHERE key = 'messages_seen_from'; ALTER TABLE follow DROP COLUMN pos" 2>/dev/null ||
		sqlite3 "$1" "DROP VIEW message_snapshot; DROP TABLE message_seen; DELETE FROM meta WHERE key = 'messages_seen_from'"
}
cp "$db" o.db && old o.db
status "earlier database: report changes reads it" 0 "$DMAUDIT" report changes --db o.db --format json
same "earlier database: vanished messages unknown, not guessed" \
	"$(json_get "$WORK/.out" "d['pairs'][0]['vanished_message_ids']")" None
status "earlier database: ingest one snapshot" 0 "$DMAUDIT" ingest -q --db o1.db "$WORK/d.early.zip"
old o1.db
status "earlier database: the next snapshot migrates it" 0 "$DMAUDIT" ingest -q --db o1.db "$WORK/d.zip"
"$DMAUDIT" report changes --db o1.db --format json >o1.json
same "earlier database: ... and the first snapshot is whole, so the pair is known" \
	"$(python3 truth.py o1.json "$WORK/d.truth.json" vanished_message_ids | cut -d' ' -f1)" True

# ---- findings tables equal the JSON ----
status "findings: report all --format json" 0 "$DMAUDIT" report all --db "$db" --format json -o all.json
cat >tables.py <<'PY'
import json, sqlite3, sys
d = json.load(open(sys.argv[1])); c = sqlite3.connect(sys.argv[2])
def ids(v): return None if v is None else str(v)
def b(v): return None if v is None else bool(v)
a = {r["account_id"]: (r["auto"], r["score"], r.get("kind"), r["evidence"]) for r in d["autodm"]["inbound"]}
t = {str(r[0]): (bool(r[1]), r[2], r[3], json.loads(r[4])) for r in
     c.execute("SELECT account_id, auto, score, kind, evidence FROM autodm_sender")}
print("autodm", a == t and len(a) > 0)
keys = ("conversation_id", "counterpart_id", "initiated_by", "first_response_seconds", "reply_seconds",
        "cold", "first_has_url", "owner_messages_before_reply")
e = {r["conversation_id"]: tuple(r.get(k) for k in keys) for r in d["etiquette"]["conversations"]}
t = {r[0]: (r[0], ids(r[1]), r[2], r[3], json.loads(r[4]), b(r[5]), b(r[6]), r[7]) for r in
     c.execute("SELECT * FROM etiquette_conversation")}
print("etiquette", e == t and len(e) > 0)
keys = ("source_id", "channel", "conversation_id", "type", "severity", "disclosed_by")
x = sorted(tuple(r[k] for k in keys) for r in d["exposure"]["findings"])
t = sorted((str(r[0]),) + tuple(r[1:6]) for r in c.execute(
    "SELECT source_id, channel, conversation_id, type, severity, disclosed_by FROM exposure_finding"))
print("exposure", x == t and len(x) > 0)
# the offsets cut the value out of the text (checked against --reveal when given)
if len(sys.argv) > 3:
    v = {(r["channel"], r["source_id"], r["type"]): r["value"] for r in json.load(open(sys.argv[3]))["findings"]}
    good = 0
    for ch, sid, typ, s, e2 in c.execute("SELECT channel, source_id, type, value_start, value_end FROM exposure_finding"):
        q = "SELECT text FROM tweet WHERE id = ?" if ch == "tweet" else "SELECT text FROM message WHERE id = ?"
        text = c.execute(q, (sid,)).fetchone()[0].encode()
        good += text[s:e2].decode() == v[(ch, str(sid), typ)]
    print("offsets", good == len(v) and good > 0)
PY
"$DMAUDIT" report exposure --db "$db" --format json --reveal >rev.json
python3 tables.py all.json "$db" rev.json >tables.out
for k in autodm etiquette exposure offsets; do
	same "findings: $k table equals the JSON" "$(grep "^$k " tables.out | cut -d' ' -f2)" True
done
status "findings: report all as text" 0 "$DMAUDIT" report all --db "$db" --format text -o all.txt
same "findings: the tables equal the JSON after a text report too" \
	"$(python3 tables.py all.json "$db" | cut -d' ' -f2 | sort -u)" True
n=$(sqlite3 "$db" "SELECT count(*) FROM autodm_sender")
status "findings: a period's report" 0 "$DMAUDIT" report autodm --db "$db" --since 2021-01-01 --until 2021-01-31 --format json
same "findings: ... leaves the tables as they were" "$(sqlite3 "$db" "SELECT count(*) FROM autodm_sender")" "$n"
if [ -w /dev/full ]; then
	at=$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'findings_written_at'")
	status "findings: a report that cannot be written" 3 "$DMAUDIT" report all --db "$db" --format json -o /dev/full
	same "findings: ... leaves the tables as they were" \
		"$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'findings_written_at'")" "$at"
	same "findings: ... and the next report writes them" \
		"$("$DMAUDIT" report autodm --db "$db" --format json >/dev/null &&
		   sqlite3 "$db" "SELECT value > '$at' FROM meta WHERE key = 'findings_written_at'")" 1
fi
cp "$db" ro.db && chmod 444 ro.db
if [ "$(id -u)" -ne 0 ]; then
	status "findings: a read-only database is only read" 0 "$DMAUDIT" report autodm --db ro.db --format json
	same "findings: ... without a warning" "$(wc -c <"$WORK/.err" | tr -d ' ')" 0
fi
same "views: dm has the sender's handle and ISO times" \
	"$(sqlite3 "$db" "SELECT count(*) = sum(sender_handle IS NOT NULL OR sender_id NOT IN (SELECT id FROM account WHERE handle IS NOT NULL)) AND sum(created LIKE '____-__-__T__:__:__Z') = count(*) FROM dm")" 1
same "views: conversation_stats has ISO first and last" \
	"$(sqlite3 "$db" "SELECT count(*) = sum(first LIKE '____-__-__T%Z' AND last >= first) FROM conversation_stats WHERE messages > 0")" 1
same "index: on the sender" "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'message_by_sender'")" 1

# ---- --since / --until ----
cat >period.py <<'PY'
import json, sys, zipfile
from datetime import datetime, timezone
since, until = (int(datetime.fromisoformat(x).replace(tzinfo=timezone.utc).timestamp() * 1000) for x in sys.argv[2:4])
until += 86400000 - 1
def ms(s): return int(datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() * 1000)
dm = grp = 0
convs, seen = set(), set()
for z in map(zipfile.ZipFile, sys.argv[1].split(",")):
  for name in z.namelist():
    base = name.rsplit("/", 1)[-1]
    if base.startswith("direct-messages") and base.endswith(".js") and "headers" not in base:
        text = z.read(name).decode("utf-8-sig")
        for e in json.loads(text[text.index("=") + 1:]):
            for m in e["dmConversation"]["messages"]:
                c = m.get("messageCreate") or m.get("welcomeMessageCreate")
                if c and since <= ms(c["createdAt"]) <= until and c["id"] not in seen:
                    seen.add(c["id"])
                    convs.add(e["dmConversation"]["conversationId"])
                    if "group" in base: grp += 1
                    else: dm += 1
print(dm, grp, len(convs))
PY
status "period: report summary --since --until" 0 "$DMAUDIT" report summary --db "$db" --since 2021-06-01 --until 2022-06-30 --format json
cp "$WORK/.out" p.json
same "period: messages counted equal a scan of the archive's period" \
	"$(json_get p.json "'%d %d %d' % (d['counts']['dm_messages'], d['counts']['group_messages'], d['counts']['dm_conversations'] + d['counts']['group_conversations'])")" \
	"$(python3 period.py "$WORK/d.zip,$WORK/d.early.zip" 2021-06-01 2022-06-30)"
same "period: the JSON says the period" "$(json_get p.json "d['period']")" \
	"{'since': '2021-06-01T00:00:00Z', 'until': '2022-06-30T23:59:59.999Z'}"
status "period: report etiquette" 0 "$DMAUDIT" report etiquette --db "$db" --since 2021-06-01 --until 2022-06-30 --format json
same "period: etiquette covers only conversations with a message in it" \
	"$(json_get "$WORK/.out" "len(d['conversations']) <= $(json_get p.json "d['counts']['dm_conversations']")")" True
status "period: without the options the JSON has no period" 0 "$DMAUDIT" report summary --db "$db" --format json
same "period: ... key absent" "$(json_get "$WORK/.out" "'period' in d")" False
mkdir -p charts
status "period: charts" 0 "$DMAUDIT" charts --db "$db" -o charts --since 2022-01-01 --until 2022-06-30
same "period: charts' months lie in the period" \
	"$(awk -F'\t' '!/^#/ && NF { print ($1 >= "2022-01" && $1 <= "2022-06") }' charts/volume.tsv | sort -u)" 1
status "period: a bad date is exit 1" 1 "$DMAUDIT" report summary --db "$db" --since 2022-13-45
one_line "period: ... in one line" "2022-13-45"
status "period: --since after --until is exit 1" 1 "$DMAUDIT" report all --db "$db" --since 2023-01-01 --until 2022-01-01
one_line "period: ... in one line" "since"
status "period: charts, a bad date is exit 1" 1 "$DMAUDIT" charts --db "$db" --until yesterday
one_line "period: ... in one line" "yesterday"

# ---- the real fixture: one snapshot, nothing changed ----
if have_fixtures "changes on the real fixture"; then
	status "real: ingest" 0 "$DMAUDIT" ingest -q --db r.db "$FIXTURE"
	status "real: report changes" 0 "$DMAUDIT" report changes --db r.db --format json
	same "real: one snapshot, no pairs" "$(json_get "$WORK/.out" "d['pairs']")" "[]"
	status "real: report all" 0 "$DMAUDIT" report all --db r.db --format json -o rall.json
	same "real: the findings tables equal the JSON" "$(python3 tables.py rall.json r.db | grep -v '^exposure' | cut -d' ' -f2 | sort -u)" True
fi
finish

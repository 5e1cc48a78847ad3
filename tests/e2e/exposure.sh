# dmaudit report exposure: the real archive holds nothing to report; a
# generated archive gives the contract's JSON, redacted by default, values
# with --reveal, and CSV cells that a spreadsheet cannot run as formulas.
. "$TOP/tests/e2e/lib.sh"

if have_fixtures "exposure on the real 2021 archive"; then
db=$WORK/real.db
status "exposure: ingest the real archive" 0 "$DMAUDIT" ingest --db "$db" "$FIXTURE"
status "exposure: json report on the real archive" 0 "$DMAUDIT" report exposure --db "$db" --format json
cp "$WORK/.out" "$WORK/real.json"
same "exposure: no findings on the real archive" "$(json_get "$WORK/real.json" "len(d['findings'])")" 0
same "exposure: no conversations at risk on the real archive" \
	"$(json_get "$WORK/real.json" "len(d['conversations'])")" 0
status "exposure: text report on the real archive" 0 "$DMAUDIT" report exposure --db "$db" --format text
fi

# A small generated archive with planted personal data.
gen=$TOP/scripts/gen-archive
if [ -x "$gen" ] && python3 "$gen" --messages 1500 --seed 7 -o "$WORK/g.zip" >/dev/null 2>&1; then
	g=$WORK/g.db
	status "exposure: ingest a generated archive" 0 "$DMAUDIT" ingest --db "$g" "$WORK/g.zip"
	"$DMAUDIT" report exposure --db "$g" --format json >"$WORK/e.json"
	"$DMAUDIT" report exposure --db "$g" --format json --reveal >"$WORK/r.json"
	same "exposure: JSON has the contract's keys and types" "$(python3 - "$WORK/e.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
types = {"email", "phone", "payment_card", "iban", "national_id", "account_number",
         "reference_number", "credential", "postal_address", "date_of_birth", "tone"}
ok = isinstance(d["findings"], list) and isinstance(d["conversations"], list) and d["findings"]
seen = set()
for f in d["findings"]:
    ok = ok and isinstance(f["source_id"], str) and f["type"] in types
    ok = ok and f["channel"] in ("dm", "group_dm", "tweet")
    ok = ok and f["disclosed_by"] in ("owner", "counterpart", "member")
    ok = ok and f["severity"] in ("low", "medium", "high") and isinstance(f["redacted"], str)
    ok = ok and ((f["channel"] == "tweet") == (f["conversation_id"] is None))
    ok = ok and "value" not in f and (f["source_id"], f["type"]) not in seen
    seen.add((f["source_id"], f["type"]))
for c in d["conversations"]:
    ok = ok and isinstance(c["conversation_id"], str) and isinstance(c["findings"], int)
    ok = ok and isinstance(c["risk_score"], float) and 0 <= c["risk_score"] <= 1
print("yes" if ok else "no")
PY
)" yes
	same "exposure: --reveal adds every value" \
		"$(json_get "$WORK/r.json" "all(f.get('value') for f in d['findings'])")" True
	# no revealed value may appear anywhere in the default outputs
	for fmt in json text md csv html; do
		"$DMAUDIT" report exposure --db "$g" --format "$fmt" >"$WORK/out.$fmt"
		same "exposure: $fmt output shows no raw value" "$(python3 - "$WORK/r.json" "$WORK/out.$fmt" <<'PY'
import json, sys, html
vals = [f["value"] for f in json.load(open(sys.argv[1]))["findings"] if len(f["value"]) >= 6]
out = open(sys.argv[2], encoding="utf-8").read()
leaks = [v for v in vals if v in out or html.escape(v) in out]
print(len(leaks) if leaks else 0)
PY
)" 0
	done
	"$DMAUDIT" report exposure --db "$g" --format text --reveal >"$WORK/rev.txt"
	v=$(json_get "$WORK/r.json" "[f['value'] for f in d['findings'] if f['type'] == 'email'][0]")
	check "exposure: --reveal shows values in text" grep -qF "$v" "$WORK/rev.txt"
	same "exposure: tweets are high severity" \
		"$(json_get "$WORK/e.json" "all(f['severity'] == 'high' for f in d['findings'] if f['channel'] == 'tweet')")" True
	same "exposure: risk formula is stated" \
		"$(json_get "$WORK/e.json" "'risk_score' in d['risk_formula']")" True
else
	fail "exposure: scripts/gen-archive could not generate an archive"
fi

# CSV: a value that starts like a formula is neutralized.
# (on the generated archive, which every clone can make)
cp "$WORK/g.db" "$WORK/f.db"
owner=$(sqlite3 "$WORK/f.db" "SELECT value FROM meta WHERE key = 'owner_id'")
conv=$(sqlite3 "$WORK/f.db" "SELECT id FROM conversation WHERE kind = 'dm' LIMIT 1")
sqlite3 "$WORK/f.db" "INSERT INTO message (id, conversation_id, sender_id, created_at, text, snapshot_id)
	VALUES (999000000000000001, '$conv', 1, 1600000000000, 'my password: =SUM(A1)x', 1)"
"$DMAUDIT" report exposure --db "$WORK/f.db" --format csv --reveal >"$WORK/f.csv"
check "exposure: CSV holds the planted finding" grep -q "999000000000000001" "$WORK/f.csv"
check "exposure: CSV quotes a formula-like value" grep -qF "'=SUM(A1)x" "$WORK/f.csv"
same "exposure: CSV cells never start with =" "$(grep -c '^=\|,=' "$WORK/f.csv" || true)" 0
finish

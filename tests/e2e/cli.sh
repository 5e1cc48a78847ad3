#!/bin/sh
# The command line as git and jq users expect it: help COMMAND, did-you-mean,
# one "dmaudit:" line for each failure, --version, output formats refused or
# split into one CSV a table, ids kept as text in CSV, text that fits the width.
. "$(dirname "$0")/lib.sh"

db=$WORK/s.db
"$DMAUDIT" ingest --db "$db" --no-progress "$SAMPLE_ZIP" 2>ingest.err ||
	"$DMAUDIT" ingest --db "$db" "$SAMPLE_ZIP" 2>/dev/null || true
same "ingest --no-progress: the summary line, prefixed" \
	"$(grep -c '^dmaudit: .*sample.zip: @.* messages in .* conversations' ingest.err)" 1

# ---- help COMMAND, for every command the main help lists ----
"$DMAUDIT" --help >main-help.txt
cmds=$(sed -n '/^Commands:/,/^$/p' main-help.txt | awk 'NR > 1 && NF { print $1 }')
[ -n "$cmds" ] && ok "the main help lists commands" || fail "the main help lists commands"
for c in $cmds; do
	set +e
	"$DMAUDIT" help "$c" >help.out 2>help.err
	rc=$?
	"$DMAUDIT" "$c" --help >opt.out 2>/dev/null
	set -e
	if [ "$rc" -eq 0 ] && [ ! -s help.err ] && cmp -s help.out opt.out &&
	   grep -q "^usage: dmaudit $c" help.out && ! cmp -s help.out main-help.txt
	then ok "help $c prints the help of $c"
	else fail "help $c prints the help of $c (exit $rc): $(head -c 200 help.out)"; fi
done
status "help alone is the main help" 0 "$DMAUDIT" help
same "help alone prints the main help" "$(cmp -s "$WORK/.out" main-help.txt && echo same)" same

# ---- did you mean ----
status "a mistyped command is wrong usage" 1 "$DMAUDIT" reprot
same "a mistyped command: did you mean" "$(cat "$WORK/.err")" \
	"dmaudit: 'reprot' is not a command. Did you mean 'report'?"
status "help of a mistyped command" 1 "$DMAUDIT" help ingset
same "help of a mistyped command: did you mean" "$(cat "$WORK/.err")" \
	"dmaudit: 'ingset' is not a command. Did you mean 'ingest'?"
status "a mistyped report kind is wrong usage" 1 "$DMAUDIT" report etiqette --db "$db"
same "a mistyped report kind: did you mean" "$(cat "$WORK/.err")" \
	"dmaudit: report: 'etiqette' is not a report. Did you mean 'etiquette'?"
status "a word far from every command" 1 "$DMAUDIT" frobnicate
one_line "a word far from every command: no suggestion" "'frobnicate' is not a command; see"
status "a mistyped option" 1 "$DMAUDIT" report summary --db "$db" --formt json
one_line "a mistyped option: did you mean" "did you mean '--format'"

# ---- every failure is one or more lines, each starting with "dmaudit:" ----
printf 'x' >notazip.zip
i=0
while IFS= read -r line; do
	i=$((i + 1))
	set +e
	eval "\"\$DMAUDIT\" $line" >/dev/null 2>err.txt
	rc=$?
	set -e
	bad=$(grep -vc '^dmaudit: ' err.txt || true)
	if [ "$rc" -ne 0 ] && [ -s err.txt ] && [ "$bad" -eq 0 ]; then ok "stderr prefixed: dmaudit $line"
	else fail "stderr prefixed: dmaudit $line (exit $rc): $(head -c 300 err.txt)"; fi
done <<'EOF'

reprot
help reprot
--bogus
report
report --db
report -x summary
report summary --nope --db s.db
report summary extra --db s.db
report summary --db missing.db
report summary --db s.db --format xlsx
report summary --db s.db -o audit.xlsx
report all --db s.db --format csv
report summary --db s.db --tz Mars/Olympus
ingest
ingest --db s2.db notazip.zip
ingest --db s2.db /nonexistent.zip
ingest --frobnicate x.zip
charts --db s.db extra
charts --db s.db --format gif
EOF

# ---- --version: dmaudit and the libraries in use ----
"$DMAUDIT" --version >version.txt
for lib in 'dmaudit [0-9]' 'SQLite 3\.' 'libarchive [0-9]' 'jansson [0-9]' 'utf8proc [0-9]'; do
	if grep -q "^$lib" version.txt; then ok "--version names ${lib%% *}"
	else fail "--version names ${lib%% *}: $(cat version.txt)"; fi
done

# ---- formats: an extension that says no known format is refused ----
status "-o audit.xlsx is refused" 1 "$DMAUDIT" report summary --db "$db" -o audit.xlsx
one_line "-o audit.xlsx: one line listing the known extensions" \
	"\.txt \.json \.csv \.md \.html \.htm"
same "-o audit.xlsx writes nothing" "$(ls audit.xlsx 2>/dev/null || echo none)" none
status "-o audit.xlsx with --format json" 0 "$DMAUDIT" report summary --db "$db" -o audit.xlsx --format json
same "--format decides over the extension" "$(json_get audit.xlsx "d['owner']['username']")" northwind_goods
status "-o audit.htm succeeds" 0 "$DMAUDIT" report summary --db "$db" -o audit.htm
same "-o audit.htm is HTML" "$(head -c 15 audit.htm)" "<!DOCTYPE html>"

# ---- CSV: one file per table ----
status "report all --format csv to stdout is refused" 1 "$DMAUDIT" report all --db "$db" --format csv
one_line "report all --format csv: says how to name the files" "give -o DIR"
"$DMAUDIT" report all --db "$db" --format csv -o csv/ >listed.txt
same "CSV into a folder: the files are listed" "$(wc -l <listed.txt | tr -d ' ')" \
	"$(ls csv/*.csv | wc -l | tr -d ' ')"
# 12 tables, and the changes report's vanished and follows
same "CSV into a folder: every table of every report" \
	"$(grep -c . listed.txt)" 18
# each file is one table: one header, every row as wide as it
python3 - csv/*.csv >csvcheck.txt <<'PY' || true
import csv, sys
for p in sys.argv[1:]:
    rows = list(csv.reader(open(p, newline='', encoding='utf-8')))
    if not rows or any(len(r) != len(rows[0]) for r in rows):
        print("ragged", p)
    if any(r == rows[0] for r in rows[1:]) or any(not any(r) for r in rows):
        print("two tables", p)
PY
same "CSV into a folder: one table a file, rows as wide as the header" "$(cat csvcheck.txt)" ""
same "CSV: the snapshots table has its header" "$(head -n 1 csv/summary-snapshots.csv | tr -d '\r')" \
	"generated,followers,following,source"
same "CSV: the etiquette and exposure conversations are apart" \
	"$(head -n 1 csv/etiquette-conversations.csv | cut -d, -f1-2 | tr -d '\r'); $(head -n 1 csv/exposure-conversations.csv | cut -d, -f1 | tr -d '\r')" \
	"conversation_id,counterpart_id; conversation"
status "CSV -o NAME.csv for report all" 0 "$DMAUDIT" report all --db "$db" -o audit.csv --quiet
same "CSV -o NAME.csv: NAME-KIND-TABLE.csv beside it" "$(ls audit-*.csv | wc -l | tr -d ' '); $(ls audit-autodm-inbound.csv)" \
	"18; audit-autodm-inbound.csv"
same "CSV --quiet lists nothing" "$(cat "$WORK/.out")" ""
"$DMAUDIT" report etiquette --db "$db" --format csv >one.csv
same "report KIND --format csv: its main table on stdout, as before" \
	"$(head -n 1 one.csv | cut -d, -f1-2 | tr -d '\r')" "conversation_id,counterpart_id"

# ---- ids in CSV stay text, formulas stay neutralized ----
"$DMAUDIT" report etiquette --db "$db" --format json >ids.json
python3 - ids.json csv/etiquette-conversations.csv >idcheck.txt <<'PY' || true
import csv, json, sys
want = {c['conversation_id']: c['counterpart_id'] for c in json.load(open(sys.argv[1]))['conversations']}
rows = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
long = 0
for r in rows:
    cell = r['counterpart_id']
    if cell != "'" + want[r['conversation_id']]:
        print("not text:", cell)
    long += len(cell) >= 19
print("long", long > 0)
PY
same "CSV: ids are text (a leading apostrophe), every digit kept" "$(cat idcheck.txt)" "long True"
same "CSV: id cells are quoted" "$(grep -c "^[^,]*,\"'[0-9]*\"," csv/etiquette-conversations.csv)" \
	"$(($(wc -l <csv/etiquette-conversations.csv) - 1))"
same "CSV: no cell starts with a formula sign" \
	"$(cat csv/*.csv | grep -c '^[=+@]\|,[=+@]' || true)" 0

# ---- text fits the width ----
# display columns of the longest line (wide characters count two)
maxw() {
	python3 -c '
import sys, unicodedata
w = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    n = sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
    w = max(w, n)
print(w)' "$1"
}
for k in summary autodm etiquette exposure; do
	COLUMNS=60 "$DMAUDIT" report $k --db "$db" --format text >w60.txt
	w=$(maxw w60.txt)
	[ "$w" -le 60 ] && ok "COLUMNS=60: $k text fits ($w)" || fail "COLUMNS=60: $k text fits (a line of $w)"
	env -u COLUMNS "$DMAUDIT" report $k --db "$db" --format text >w80.txt
	w=$(maxw w80.txt)
	[ "$w" -le 80 ] && ok "piped: $k text fits 80 ($w)" || fail "piped: $k text fits 80 (a line of $w)"
done
COLUMNS=60 "$DMAUDIT" report summary --db "$db" --format text >w60.txt
if grep -q '^  group conversations  *2$' w60.txt; then ok "COLUMNS=60: a label and its value stay apart"
else fail "COLUMNS=60: a label and its value stay apart: $(grep 'group conv' w60.txt)"; fi
# a wide terminal gets the senders' table whole, its long evidence wrapped in its column
COLUMNS=160 "$DMAUDIT" report autodm --db "$db" --format text >w160.txt
w=$(maxw w160.txt)
[ "$w" -le 160 ] && ok "COLUMNS=160: autodm fits ($w)" || fail "COLUMNS=160: autodm fits ($w)"
if grep -q '^  account  *handle  *auto  *score' w160.txt &&
   grep -q '^                                                                    *[a-z"]' w160.txt
then ok "COLUMNS=160: a table with long cells wraps them in their column"
else fail "COLUMNS=160: a table with long cells wraps them in their column"; fi
COLUMNS=60 "$DMAUDIT" report autodm --db "$db" --format text >w60.txt
if grep -q '^  account  *[0-9]' w60.txt && grep -q '^  evidence  ' w60.txt
then ok "COLUMNS=60: a table too wide for the line is one record a row"
else fail "COLUMNS=60: a table too wide for the line is one record a row"; fi
# nothing is lost: every sender of the JSON is in the narrow text
"$DMAUDIT" report autodm --db "$db" --format json >a.json
missing=$(json_get a.json "' '.join(s['account_id'] for s in d['inbound'])" | tr ' ' '\n' |
	while read -r id; do grep -q "$id" w60.txt || echo "$id"; done)
same "COLUMNS=60: every sender is in the text" "$missing" ""

# ---- --quiet and --no-progress ----
status "ingest --quiet" 0 "$DMAUDIT" ingest --db q.db --quiet "$SAMPLE_ZIP"
same "ingest --quiet: nothing on stderr" "$(cat "$WORK/.err")" ""
status "report takes --quiet --no-progress" 0 "$DMAUDIT" report summary --db "$db" --format json --quiet --no-progress
status "charts takes --quiet --no-progress" 0 env DMAUDIT_SCRIPTS="$TOP/scripts" \
	"$DMAUDIT" charts --db "$db" -o charts --quiet --no-progress
same "charts --quiet lists nothing" "$(cat "$WORK/.out")" ""

finish

# The autodm report on the real December 2021 archive: its eight inbound
# senders (TrueTwit validation requests and spam campaigns) are all judged
# automated, the owner sent no auto-DMs, the JSON has the contract's shape,
# and every other format renders.
. "$TOP/tests/e2e/lib.sh"
if ! have_fixtures "autodm on the real 2021 archive"; then finish; exit; fi

db=$WORK/a.db
status "autodm: ingest the fixture" 0 "$DMAUDIT" ingest --db "$db" "$FIXTURE"
status "autodm: json report succeeds" 0 "$DMAUDIT" report autodm --db "$db" --format json -o "$WORK/a.json"
j=$WORK/a.json
same "autodm: eight inbound senders" "$(json_get "$j" "len(d['inbound'])")" 8
same "autodm: all eight automated" "$(json_get "$j" "sum(1 for x in d['inbound'] if x['auto'] is True)")" 8
same "autodm: no outbound auto-DMs" "$(json_get "$j" "len(d['outbound']['auto_message_ids'])")" 0
same "autodm: no outbound templates" "$(json_get "$j" "d['outbound']['templates']")" "[]"
same "autodm: inbound fields" \
	"$(json_get "$j" "all(isinstance(x['account_id'], str) and isinstance(x['auto'], bool) and 0 <= x['score'] <= 1 and isinstance(x['messages'], int) and x['messages'] > 0 and len(x['evidence']) > 0 and all(isinstance(e, str) for e in x['evidence']) for x in d['inbound'])")" True
same "autodm: message counts add up to the fixture's 11" "$(json_get "$j" "sum(x['messages'] for x in d['inbound'])")" 11
same "autodm: the three TrueTwit senders are validation requests" \
	"$(json_get "$j" "sorted(x['account_id'] for x in d['inbound'] if x['kind'] == 'validation')")" \
	"['21176402', '393089681', '393111504']"
same "autodm: the two tapping senders share a campaign template" \
	"$(json_get "$j" "sorted(x['account_id'] for x in d['inbound'] if x['kind'] == 'campaign')")" \
	"['87598709', '91454037']"
for f in text csv md html; do
	status "autodm: $f report succeeds" 0 "$DMAUDIT" report autodm --db "$db" --format $f -o "$WORK/a.$f"
done
same "autodm: csv has a header and eight rows" "$(wc -l <"$WORK/a.csv" | tr -d ' ')" 9
if grep -q "8 of the 8 accounts" "$WORK/a.text" && grep -q "What to do" "$WORK/a.text"; then
	ok "autodm: text reads as an audit"
else
	fail "autodm: text reads as an audit"
fi
if grep -q "^# Auto-DM senders" "$WORK/a.md"; then ok "autodm: markdown heading"; else fail "autodm: markdown heading"; fi
finish

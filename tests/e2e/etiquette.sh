# The etiquette report: the real December 2021 archive (eight conversations,
# all started by automated senders, none answered), every output format, the
# business-hours options, and an exact comparison with generated archives.
. "$TOP/tests/e2e/lib.sh"

if have_fixtures "etiquette on the real 2021 archive"; then
db=$WORK/real.db
"$DMAUDIT" ingest --db "$db" "$FIXTURE" >/dev/null 2>&1
status "etiquette: json succeeds" 0 "$DMAUDIT" report etiquette --db "$db" --format json
cp "$WORK/.out" "$WORK/e.json"
j=$WORK/e.json
same "etiquette fixture: 8 conversations" "$(json_get "$j" "len(d['conversations'])")" 8
same "etiquette fixture: all counterpart-initiated" \
	"$(json_get "$j" "d['totals']['counterpart_initiated']")" 8
same "etiquette fixture: 8 unanswered" "$(json_get "$j" "d['totals']['unanswered']")" 8
same "etiquette fixture: none answered" "$(json_get "$j" "d['totals']['answered']")" 0
same "etiquette fixture: unanswered list" "$(json_get "$j" "len(d['unanswered'])")" 8
same "etiquette fixture: medians null without answers" \
	"$(json_get "$j" "[d['totals'][k] for k in ('median_first_response_seconds','p90_first_response_seconds','median_reply_seconds')]")" \
	"[None, None, None]"
same "etiquette fixture: owner-initiated figures" \
	"$(json_get "$j" "[d['totals'][k] for k in ('owner_initiated','cold','cold_with_url','chased')]")" \
	"[0, 0, 0, 0]"
same "etiquette: contract fields of a conversation" \
	"$(json_get "$j" "sorted(d['conversations'][0])")" \
	"['cold', 'conversation_id', 'counterpart_id', 'first_has_url', 'first_response_seconds', 'initiated_by', 'owner_messages_before_reply', 'reply_seconds']"
same "etiquette: contract fields of the totals" \
	"$(json_get "$j" "sorted(d['totals'])")" \
	"['answered', 'chased', 'cold', 'cold_with_url', 'counterpart_initiated', 'median_first_response_seconds', 'median_reply_seconds', 'owner_initiated', 'p90_first_response_seconds', 'unanswered']"
same "etiquette: ids are strings, nulls where a field does not apply" \
	"$(json_get "$j" "[(type(c['counterpart_id']).__name__, c['first_response_seconds'], c['cold'], c['first_has_url'], c['owner_messages_before_reply']) for c in d['conversations']][0]")" \
	"('str', None, None, None, None)"
same "etiquette: conversations ordered by id" \
	"$(json_get "$j" "[c['conversation_id'] for c in d['conversations']] == sorted(c['conversation_id'] for c in d['conversations'])")" True
same "etiquette: unanswered age counts to the snapshot time" \
	"$(json_get "$j" "d['unanswered'][0]['age_seconds']")" 305861712
same "etiquette: p90 defined" "$(json_get "$j" "d['definitions']['p90']")" \
	"nearest rank: sorted[ceil(0.9*n)-1]"

for f in text md csv html; do
	status "etiquette: --format $f succeeds" 0 "$DMAUDIT" report etiquette --db "$db" --format "$f"
done
"$DMAUDIT" report etiquette --db "$db" --format text >"$WORK/e.txt"
# all 8 unanswered senders of the fixture are automated: the 7 near-certain ones
# are left out of the advice; the one only likely so stays in, marked, since a
# customer must never be dropped on a guess
if grep -q "Answer the 1 person who wrote first" "$WORK/e.txt" &&
	grep -q "7 unanswered conversations came from senders" "$WORK/e.txt" &&
	grep -q "(maybe automated)" "$WORK/e.txt"
then ok "etiquette text: near-certain bots left out of the advice, the likely one kept and marked"
else fail "etiquette text: near-certain bots left out of the advice, the likely one kept and marked"; fi
"$DMAUDIT" report etiquette --db "$db" --format csv >"$WORK/e.csv"
same "etiquette csv: header and one row per conversation" "$(wc -l <"$WORK/e.csv" | tr -d ' ')" 9
same "etiquette csv: header" "$(head -n 1 "$WORK/e.csv" | cut -d, -f1-3)" \
	"conversation_id,counterpart_id,initiated_by"
"$DMAUDIT" report etiquette --db "$db" --format md >"$WORK/e.md"
if grep -q '^## What to fix' "$WORK/e.md"; then ok "etiquette md: headings"
else fail "etiquette md: headings"; fi

status "etiquette: --tz Europe/Paris --hours 09-17" 0 \
	"$DMAUDIT" report etiquette --db "$db" --format json --tz Europe/Paris --hours 09-17 --days mon-sat
cp "$WORK/.out" "$WORK/p.json"
same "etiquette: business hours as given" \
	"$(json_get "$WORK/p.json" "[d['business_hours'][k] for k in ('time_zone','hours','days')]")" \
	"['Europe/Paris', '09-17', 'mon,tue,wed,thu,fri,sat']"
same "etiquette: the contract part does not depend on the zone" \
	"$(json_get "$WORK/p.json" "d['conversations'] == json.load(open('$j'))['conversations']")" True
status "etiquette: a bad --tz exits 1" 1 "$DMAUDIT" report etiquette --db "$db" --tz Mars/Olympus
one_line "etiquette: a bad --tz says so in one line" "Mars/Olympus"
status "etiquette: a bad --hours exits 1" 1 "$DMAUDIT" report etiquette --db "$db" --hours 9to5
fi

# Generated archives: every conversation field, the totals and the handoffs
# equal the generator's truth.
if [ -x "$TOP/scripts/gen-archive" ] && [ -x "$TOP/scripts/measure-etiquette" ]; then
	status "etiquette: exact on generated archives (seeds 3, 8)" 0 \
		"$TOP/scripts/measure-etiquette" --dmaudit "$DMAUDIT" --seeds 3,8 --messages 1500
	[ "$n_fail" -eq 0 ] || sed 's/^/#   /' "$WORK/.out" | head -20
	status "etiquette: exact on two snapshots (union)" 0 \
		"$TOP/scripts/measure-etiquette" --dmaudit "$DMAUDIT" --seeds 5 --messages 1500 \
		--cutoff 2022-06-01
else
	echo "ok - etiquette: generated archives # SKIP no generator"
fi
finish

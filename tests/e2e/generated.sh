# Generated archives of every layout: the summary equals the counts in their
# truth files, including split conversations, -partN files, two snapshots in
# either order with their follower changes, and a 200,000-message archive.
. "$TOP/tests/e2e/lib.sh"
GEN=$TOP/scripts/gen-archive

counts_match() { # NAME DB TRUTH KEY
	"$DMAUDIT" report summary --db "$2" --format json >s.json
	r=$(python3 - "$3" "$4" <<'PY'
import json, sys
s = json.load(open('s.json'))
t = json.load(open(sys.argv[1]))
want = t
for k in sys.argv[2].split('.'):
    want = want[k]
print('same' if s['counts'] == want else 'got %s wanted %s' % (s['counts'], want))
PY
)
	same "$1" "$r" same
}

for layout in 2019 2021 2023; do
	for seed in 21 22; do
		"$GEN" --messages 2500 --seed $seed --layout $layout -o g$layout-$seed.zip >/dev/null
		status "layout $layout seed $seed: ingest" 0 "$DMAUDIT" ingest -q --db g$layout-$seed.db g$layout-$seed.zip
		counts_match "layout $layout seed $seed: counts equal the truth" g$layout-$seed.db g$layout-$seed.truth.json counts
	done
done

# The same archive unzipped: same counts.
"$GEN" --messages 1500 --seed 23 --layout 2021 --folder -o folder >/dev/null
status "unzipped folder: ingest" 0 "$DMAUDIT" ingest -q --db folder.db folder
counts_match "unzipped folder: counts equal the truth" folder.db folder.truth.json counts

# The same archive re-packed with ZIP64 records on every entry.
python3 - g2021-21.zip zip64.zip <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zo:
    for info in zi.infolist():
        with zi.open(info) as fi, zo.open(info.filename, 'w', force_zip64=True) as fo:
            fo.write(fi.read())
PY
status "ZIP64 entries: ingest" 0 "$DMAUDIT" ingest -q --db zip64.db zip64.zip
counts_match "ZIP64 entries: counts equal the truth" zip64.db g2021-21.truth.json counts

# Long conversations split in overlapping chunks of about 1000 messages.
"$GEN" --messages 6000 --seed 24 -o long.zip >/dev/null
status "split conversations: ingest" 0 "$DMAUDIT" ingest -q --db long.db long.zip
counts_match "split conversations: counts equal the truth" long.db long.truth.json counts

# Two snapshots, in both orders, in one call or two.
"$GEN" --messages 3000 --seed 25 --cutoff 2022-06-01 -o two.zip >/dev/null
status "two snapshots, one call" 0 "$DMAUDIT" ingest -q --db two-a.db two.zip two.early.zip
status "two snapshots, older first, two calls (1)" 0 "$DMAUDIT" ingest -q --db two-b.db two.early.zip
status "two snapshots, older first, two calls (2)" 0 "$DMAUDIT" ingest -q --db two-b.db two.zip
for db in two-a two-b; do
	counts_match "$db: union counts equal the truth" $db.db two.truth.json snapshots.union_counts
	"$DMAUDIT" report summary --db $db.db --format json >s.json
	same "$db: follower changes" "$(json_get s.json "(d['follower_changes']['gained'], d['follower_changes']['lost'])")" \
		"$(json_get two.truth.json "(d['snapshots']['follower_changes']['gained'], d['snapshots']['follower_changes']['lost'])")"
	same "$db: two snapshots, oldest first" "$(json_get s.json "[s['generated_at'][:10] for s in d['snapshots']]")" \
		"['2022-06-01', '$(json_get two.truth.json "d['generated_at'][:10]")']"
done
status "the same two again: nothing changes" 0 "$DMAUDIT" ingest -q --db two-a.db two.early.zip two.zip
same "still two snapshots" "$(sqlite3 two-a.db 'SELECT count(*) FROM snapshot')" 2

# 200,000 messages: exact counts.
if [ "${QUICK:-}" != 1 ]; then
	"$GEN" --messages 200000 --seed 26 -o big.zip >/dev/null
	status "200k messages: ingest" 0 "$DMAUDIT" ingest -q --db big.db big.zip
	counts_match "200k messages: counts equal the truth" big.db big.truth.json counts
fi
finish

#!/bin/sh
# End-to-end checks of scripts/gen-archive: determinism, parseable files in
# every layout, truth counts equal to an independent count of the files, and
# overlapping chunks of long conversations.
set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")/../.." && pwd)
gen="$here/scripts/gen-archive"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
notok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() { # description, command...
	d=$1; shift
	if "$@" >"$tmp/out" 2>&1; then ok "$d"; else notok "$d"; sed 's/^/#   /' "$tmp/out"; fi
}

# Independent reader: counts what a parser would find in the archive.
cat >"$tmp/count.py" <<'PY'
import json, sys, zipfile, re
path, truth_path = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
def load(name):
    b = z.read(name)
    if b.startswith(b"\xef\xbb\xbf"):
        b = b[3:]
    s = b.decode("utf-8")
    s = s[s.index("=") + 1:].strip()
    if s.endswith(";"):
        s = s[:-1]
    return json.loads(s)
names = [n for n in z.namelist() if n.endswith(".js") and not n.startswith("assets/")]
for n in names:
    load(n)   # every file parses
def files(*bases):
    pat = re.compile(r"^(?:data/)?(%s)(?:-part\d+)?\.js$" % "|".join(re.escape(b) for b in bases))
    return [n for n in names if pat.match(n)]
def dm_counts(fs):
    convs, msgs, dup = set(), set(), 0
    for f in fs:
        for item in load(f):
            c = item["dmConversation"]
            convs.add(c["conversationId"])
            for ev in c["messages"]:
                for k in ("messageCreate", "welcomeMessageCreate"):
                    if k in ev:
                        if ev[k]["id"] in msgs:
                            dup += 1
                        msgs.add(ev[k]["id"])
    return convs, msgs, dup
c1, m1, dup = dm_counts(files("direct-messages", "direct-message"))
c2, m2, _ = dm_counts(files("direct-messages-group", "direct-message-group"))
tw = set()
for f in files("tweets", "tweet"):
    for it in load(f):
        tw.add((it.get("tweet") or it)["id_str"])
def accts(base, key):
    s = set()
    for f in files(base):
        for it in load(f):
            s.add(it[key]["accountId"])
    return len(s)
got = {"dm_conversations": len(c1), "dm_messages": len(m1), "group_conversations": len(c2),
       "group_messages": len(m2), "tweets": len(tw), "followers": accts("follower", "follower"),
       "following": accts("following", "following")}
want = json.load(open(truth_path))["counts"]
if len(sys.argv) > 3 and sys.argv[3] == "early":
    want = json.load(open(truth_path))["snapshots"]["early_counts"]
if got != want:
    print("files:", got); print("truth:", want); sys.exit(1)
if len(sys.argv) > 3 and sys.argv[3] == "overlap" and dup == 0:
    print("no message id appears in two chunks"); sys.exit(1)
PY

# Independent recomputation of labels that can be checked from the files alone.
cat >"$tmp/labels.py" <<'PY'
import json, sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
t = json.load(open(sys.argv[2]))
def load(name):
    b = z.read(name).lstrip(b"\xef\xbb\xbf").decode("utf-8")
    s = b[b.index("=") + 1:].strip().rstrip(";")
    return json.loads(s)
names = [n for n in z.namelist() if n.startswith("data/") and n.endswith(".js")]
texts, convs = {}, {}
owner = t["owner"]["account_id"]
for n in names:
    if not re.match(r"data/direct-messages(-group)?(-part\d+)?\.js$", n):
        continue
    for it in load(n):
        c = it["dmConversation"]
        for ev in c["messages"]:
            m = ev.get("messageCreate") or ev.get("welcomeMessageCreate")
            if m:
                texts[m["id"]] = m["text"]
                if "recipientId" in m:
                    convs.setdefault(c["conversationId"], {})[m["id"]] = m
for n in names:
    if re.match(r"data/tweets?(-part\d+)?\.js$", n):
        for it in load(n):
            texts[it["tweet"]["id_str"]] = it["tweet"]["full_text"]
bad = [e for e in t["exposure"] if e["value"] not in texts.get(e["source_id"], "")]
if bad:
    print("planted values missing from their source:", bad[:3]); sys.exit(1)
import calendar, time
def ms(s):
    return calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")) * 1000 + int(s[20:23])
ci = ans = oi = 0
frs = []
for cid, msgs in convs.items():
    ml = sorted(msgs.values(), key=lambda m: (ms(m["createdAt"]), int(m["id"])))
    if ml[0]["senderId"] == owner:
        oi += 1
        continue
    ci += 1
    for m in ml:
        if m["senderId"] == owner:
            ans += 1
            frs.append((ms(m["createdAt"]) - ms(ml[0]["createdAt"])) // 1000)
            break
frs.sort()
med = None if not frs else (frs[len(frs) // 2] if len(frs) % 2 else (frs[len(frs) // 2 - 1] + frs[len(frs) // 2]) // 2)
tot = t["etiquette"]["totals"]
got = {"counterpart_initiated": ci, "answered": ans, "owner_initiated": oi, "median_first_response_seconds": med}
want = {k: tot[k] for k in got}
if got != want:
    print("files:", got); print("truth:", want); sys.exit(1)
PY

# 1. determinism
"$gen" --messages 600 --seed 7 -o "$tmp/d1.zip"
"$gen" --messages 600 --seed 7 -o "$tmp/d2.zip"
check "same arguments give byte-identical zips" cmp "$tmp/d1.zip" "$tmp/d2.zip"
check "same arguments give identical truth" cmp "$tmp/d1.truth.json" "$tmp/d2.truth.json"
"$gen" --messages 600 --seed 8 -o "$tmp/d3.zip"
if cmp -s "$tmp/d1.zip" "$tmp/d3.zip"; then notok "different seeds differ"; else ok "different seeds differ"; fi

# 2. every layout parses and its counts match the truth
for layout in 2019 2021 2023; do
	"$gen" --messages 800 --seed 3 --layout "$layout" -o "$tmp/l$layout.zip"
	check "layout $layout parses and counts match truth" python3 "$tmp/count.py" "$tmp/l$layout.zip" "$tmp/l$layout.truth.json"
done
"$gen" --messages 800 --seed 3 --templates holdout -o "$tmp/h.zip"
check "holdout templates: counts match truth" python3 "$tmp/count.py" "$tmp/h.zip" "$tmp/h.truth.json"

check "planted values are in their messages; etiquette totals recomputed" python3 "$tmp/labels.py" "$tmp/l2023.zip" "$tmp/l2023.truth.json"
check "holdout: planted values are in their messages; etiquette totals recomputed" python3 "$tmp/labels.py" "$tmp/h.zip" "$tmp/h.truth.json"

# 3. long conversations are split into overlapping chunks
"$gen" --messages 5000 --seed 11 -o "$tmp/big.zip"
check "5000 messages: counts match truth and chunks overlap" python3 "$tmp/count.py" "$tmp/big.zip" "$tmp/big.truth.json" overlap

# 4. snapshots
"$gen" --messages 800 --seed 5 --cutoff 2022-06-01 -o "$tmp/s.zip"
check "cutoff writes an early snapshot" test -f "$tmp/s.early.zip"
check "early snapshot parses and counts match truth" python3 "$tmp/count.py" "$tmp/s.early.zip" "$tmp/s.truth.json" early
check "union has messages deleted from the full archive" python3 -c "
import json,sys
t=json.load(open('$tmp/s.truth.json'))
sys.exit(0 if t['snapshots']['union_counts']['dm_messages'] > t['counts']['dm_messages'] else 1)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

# The owner's thanks for the follow, the same text to several new followers
# months apart, is an auto-DM whoever still follows (a follower list is a
# snapshot; many who got the welcome have left); a greeting reused months
# apart with no formula in it is the owner talking (times of day apart, so that
# no schedule shows). On an archive written here.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
T0 = 1600000000
# (automated, counterpart, seconds after T0, owner's text, the counterpart's answer or None)
W = "Welcome to Riverside Chess Club! Thanks for the follow, our open evenings are on Tuesdays"
G = "Hi! How are you doing these days, still playing on weekends?"
cases = [
    (True, "9000001", 0, W, None),
    (True, "9000002", 90 * 86400 + 3 * 3600 + 417, W, "thanks!"),
    (True, "9000003", 200 * 86400 + 7 * 3600 + 88, W, None),
    (True, "9000004", 400 * 86400 + 11 * 3600 + 1290, W, None),
    (False, "9000005", 10 * 86400 + 5 * 3600 + 33, G, "yes, every Saturday"),
    (False, "9000006", 150 * 86400 + 9 * 3600 + 702, G, None),
    (False, "9000007", 380 * 86400 + 2 * 3600 + 1801, G, "not much lately"),
]
convs, truth = {}, {}
mid = 10**15
for auto, cp, sec, text, answer in cases:
    mid += 1
    truth[str(mid)] = auto
    ms = convs.setdefault(cp, [])
    def msg(own, t, text, i):
        return {"messageCreate": {
            "recipientId": cp if own else OWNER, "senderId": OWNER if own else cp,
            "reactions": [], "urls": [], "mediaUrls": [], "text": text, "id": str(i),
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(T0 + t))}}
    ms.append(msg(True, sec, text, mid))
    if answer:
        mid += 1
        ms.append(msg(False, sec + 300, answer, mid))
arr = [{"dmConversation": {"conversationId": OWNER + "-" + cp, "messages": list(reversed(ms))}}
       for cp, ms in convs.items()]
open(out + "/data/direct-messages.js", "w").write(
    "window.YTD.direct_messages.part0 = " + json.dumps(arr))
open(out + "/data/account.js", "w").write("window.YTD.account.part0 = " + json.dumps(
    [{"account": {"accountId": OWNER, "username": "me", "accountDisplayName": "Me",
                  "createdAt": "2015-01-01T00:00:00.000Z"}}]))
json.dump(truth, open(out + "/truth.json", "w"))
PY

db=$WORK/t.db
status "autodm thanks: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "autodm thanks: json report" 0 "$DMAUDIT" report autodm --db "$db" --format json -o "$WORK/t.json"
t=$WORK/arc/truth.json
for id in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$id")
	got=$(json_get "$WORK/t.json" "'$id' in d['outbound']['auto_message_ids']")
	same "autodm thanks: owner message $id automated is $want" "$got" "$want"
done
finish

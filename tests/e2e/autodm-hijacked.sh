# The owner's own account sending bare links to several accounts in the same
# minutes, as a stolen session sends spam, is auto-DMs, however few; bare
# links shared one friend at a time, or twice with one friend, are not. On an
# archive written here.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
T0 = 1600000000
# (automated, counterpart, seconds after T0, owner's text, the counterpart's answer or None)
cases = [
    (True, "9000001", 0, "  https://t.co/aaaa1111", None),
    (True, "9000002", 19, "https://t.co/bbbb2222", None),
    (False, "9000003", 86400, "https://t.co/cccc3333", "ha, great video"),
    (False, "9000004", 86400 + 3600, "https://t.co/dddd4444", None),
    (False, "9000005", 3 * 86400, "https://t.co/eeee5555", None),
    (False, "9000005", 3 * 86400 + 60, "https://t.co/ffff6666", None),
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

db=$WORK/h.db
status "autodm hijacked: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "autodm hijacked: json report" 0 "$DMAUDIT" report autodm --db "$db" --format json -o "$WORK/h.json"
t=$WORK/arc/truth.json
for id in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$id")
	got=$(json_get "$WORK/h.json" "'$id' in d['outbound']['auto_message_ids']")
	same "autodm hijacked: owner message $id automated is $want" "$got" "$want"
done
finish

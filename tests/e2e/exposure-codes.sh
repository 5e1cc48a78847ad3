# A message that is nothing but a code is a credential when the other side's
# next message, within ten minutes, says it worked (a bot linking an account,
# a friend logging in with it); the same code unanswered, answered late or
# answered with something else is none. On an archive written here.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
# (the code's message is a credential, [(sender is the owner, seconds after start, text)...])
cases = [
    (True, [(1, 0, "7kq2zp"), (0, 9, "done, your account is linked now")]),
    (True, [(0, 0, "sending you the login code now"), (1, 40, "482913"),
            (1, 50, "try that one"), (0, 80, "it worked, thank you!")]),
    (True, [(1, 0, "9x4mw2"), (0, 30, "Готово, аккаунт подключён")]),
    (False, [(1, 0, "7kq2zp")]),
    (False, [(1, 0, "482913"), (0, 7200, "done, see you tomorrow")]),
    (False, [(1, 0, "covid19"), (0, 20, "yes, awful year")]),
    (False, [(1, 0, "8ui9op"), (1, 1, "done"), (0, 60, "what was that?")]),
]
convs, truth = [], {}
mid = 10**15
for i, (cred, msgs) in enumerate(cases):
    sid = str(8000000 + i)
    ms = []
    for k, (own, sec, text) in enumerate(msgs):
        mid += 1
        if k == 0 or (i == 1 and k == 1):
            truth[str(mid)] = cred
        t = 1600000000 + i * 86400 + sec
        ms.append({"messageCreate": {
            "recipientId": sid if own else OWNER, "senderId": OWNER if own else sid,
            "reactions": [], "urls": [], "mediaUrls": [], "text": text, "id": str(mid),
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))}})
    convs.append({"dmConversation": {"conversationId": OWNER + "-" + sid,
                                     "messages": list(reversed(ms))}})
truth.pop(str(10**15 + 3))   # case 2's first message is the question, not the code
open(out + "/data/direct-messages.js", "w").write(
    "window.YTD.direct_messages.part0 = " + json.dumps(convs, ensure_ascii=False))
open(out + "/data/account.js", "w").write("window.YTD.account.part0 = " + json.dumps(
    [{"account": {"accountId": OWNER, "username": "me", "accountDisplayName": "Me",
                  "createdAt": "2015-01-01T00:00:00.000Z"}}]))
json.dump(truth, open(out + "/truth.json", "w"))
PY

db=$WORK/c.db
status "exposure codes: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "exposure codes: json report" 0 "$DMAUDIT" report exposure --db "$db" --format json -o "$WORK/c.json"
t=$WORK/arc/truth.json
for id in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$id")
	got=$(json_get "$WORK/c.json" "any(f['source_id'] == '$id' and f['type'] == 'credential' for f in d['findings'])")
	same "exposure codes: message $id is a credential: $want" "$got" "$want"
done
same "exposure codes: a confirmed code is redacted whole, as passwords are" \
	"$(json_get "$WORK/c.json" "sorted(set(f['redacted'] for f in d['findings'] if f['type'] == 'credential')) == ['********']")" True
finish

# The owner's messages that software sent: the platform's welcome message of
# the owner's business (welcomeMessageCreate), whoever answers it, and an
# app's invitation with its link dropped into several running conversations
# within minutes; the owner sharing a link with one friend, or the same link
# with two friends hours apart, is the owner talking. On an archive written here.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
T0 = 1600000000
WELCOME = "¡Hola! Bienvenid@ a Casa Coco Hostel. Cuéntanos fechas y número de personas y te respondemos en minutos"
GAME = "Sen Travel vừa đạt 1.250 điểm trong Đố Vui Địa Danh! Bạn dám thử thách không? https://t.co/g1"
SHARE = "look what I found for our trip, the old town walking tour https://t.co/s1"
convs, truth = {}, {}
mid = [10**15]
def msg(cp, own, t, text, welcome=False, url=None):
    mid[0] += 1
    key = "welcomeMessageCreate" if welcome else "messageCreate"
    urls = [{"url": url, "expanded": url.replace("t.co", "example.com"), "display": "example.com"}] if url else []
    convs.setdefault(cp, []).append({key: {
        "recipientId": cp if own else OWNER, "senderId": OWNER if own else cp,
        "reactions": [], "urls": urls, "mediaUrls": [], "text": text, "id": str(mid[0]),
        "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(T0 + t))}})
    return str(mid[0])
# the welcome message, answered by every guest
for i, cp in enumerate(["9100001", "9100002", "9100003"]):
    truth[msg(cp, True, i * 86400 * 9, WELCOME, welcome=True)] = True
    msg(cp, False, i * 86400 * 9 + 70, "hola, tienen cama para el viernes?")
    msg(cp, True, i * 86400 * 9 + 3000, "sí, te la reservo")
# running chats, then the game's invitation into three of them in the same minute
for i, cp in enumerate(["9200001", "9200002", "9200003", "9200004"]):
    msg(cp, False, 30 * 86400 + i * 3600, "chào anh, tuần sau có tour Hạ Long không?")
    msg(cp, True, 30 * 86400 + i * 3600 + 900, "có em, thứ bảy nhé")
for i, cp in enumerate(["9200001", "9200002", "9200003"]):
    truth[msg(cp, True, 60 * 86400 + i * 20, GAME, url="https://t.co/g1")] = True
# a link shared with one friend, and with another hours later: the owner talking
truth[msg("9200004", True, 61 * 86400, SHARE, url="https://t.co/s1")] = False
msg("9300001", False, 61 * 86400 - 4000, "so are we still going in May?")
truth[msg("9300001", True, 61 * 86400 + 5 * 3600, SHARE, url="https://t.co/s1")] = False
arr = [{"dmConversation": {"conversationId": OWNER + "-" + cp, "messages": list(reversed(ms))}}
       for cp, ms in convs.items()]
open(out + "/data/direct-messages.js", "w").write(
    "window.YTD.direct_messages.part0 = " + json.dumps(arr, ensure_ascii=False))
open(out + "/data/account.js", "w").write("window.YTD.account.part0 = " + json.dumps(
    [{"account": {"accountId": OWNER, "username": "me", "accountDisplayName": "Me",
                  "createdAt": "2015-01-01T00:00:00.000Z"}}]))
json.dump(truth, open(out + "/truth.json", "w"))
PY

db=$WORK/o.db
status "autodm owner app: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "autodm owner app: json report" 0 "$DMAUDIT" report autodm --db "$db" --format json -o "$WORK/o.json"
t=$WORK/arc/truth.json
for id in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$id")
	got=$(json_get "$WORK/o.json" "'$id' in d['outbound']['auto_message_ids']")
	same "autodm owner app: owner message $id automated is $want" "$got" "$want"
done
finish

# A number given out with no word of its own ("it's 22423318") is what the
# other side's question before it asked for: a reference after "Can you send
# the ticket number?", an account otherwise (after a notice that names its own
# ref, after a question about the account, with nothing before it); an id
# in a short answer to such a question is a reference too ("it's CK73517944"),
# a price or a long message is none, and a request that asks for one ("Pásame
# tu número de orden") does as a question does for an id with a letter; a full
# date of an earlier year is a birth date where the message before asked for
# one; so is an identity number that ends a short answer to a message
# asking for one ("Hier: 9359 070874"); a code that ends a short answer to a
# message asking for a code or a password is a credential ("chegou 1157").
# On an archive written here.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
# (the type the last message's number is, [(sender is the owner, seconds after start, text)...])
cases = [
    ("reference_number", [(0, 0, "Sorry for that. Can you send the ticket number and a photo?"),
                          (1, 60, "it's 22423318")]),
    ("reference_number", [(0, 0, "Pode mandar o número do pedido?"), (1, 90, "é o 989545784")]),
    ("account_number", [(0, 0, "Your issue has been booked under ref: 4417735. Our team will call."),
                        (1, 600, "No power again this morning. 37181118540")]),
    ("account_number", [(0, 0, "Which account number is the order on?"), (1, 60, "it's 37181118540")]),
    ("account_number", [(1, 0, "Hi. No power since yesterday night. 37181118540")]),
    ("reference_number", [(0, 0, "Can you share your order ID?"), (1, 30, "it's CK73517944")]),
    ("reference_number", [(0, 0, "¿Me pasas el número de folio?"), (1, 30, "es el F-8898.")]),
    (None, [(0, 0, "How much was the order?"), (1, 30, "it's 1500")]),
    # a question asked by its word, no mark: Chinese 多少, Russian какой
    ("reference_number", [(0, 0, "您好，订单号是多少"), (1, 40, "20231118004417")]),
    ("reference_number", [(0, 0, "Подскажите, какой номер заказа"), (1, 40, "1194002318")]),
    ("credential", [(0, 0, "Para cancelar, me informe o código que chegou por SMS."), (1, 60, "chegou 1157")]),
    ("credential", [(0, 0, "send me the code you just got"), (1, 20, "ok got it, 698175")]),
    # a password's shape in a few words, after a message naming a password or a login
    ("credential", [(0, 0, "Bună, am uitat parola la contul de pe site"),
                    (1, 60, "Bună! Ți-am resetat-o: Lavanda!2291. Schimb-o după logare")]),
    (None, [(0, 0, "what is our password policy now"), (1, 60, "we moved to Okta, see the wiki page")]),
    (None, [(0, 0, "Can you send me a postal code and I will post the book"), (1, 60, "5000 words in 3 months?")]),
    (None, [(0, 0, "nice code review today"), (1, 60, "took me 2 hours lol")]),
    (None, [(0, 0, "What's the order status?"), (1, 30, "no idea, ask SKU-4471 team later today please")]),
    # a request asks as a question does, for an id with a letter; bare digits need the question
    ("reference_number", [(0, 0, "¡Hola! Pásame tu número de orden y lo checo ahorita."), (1, 30, "es el PED-40457")]),
    ("reference_number", [(0, 0, "Hello! Please send us your order number and we will look into it."),
                          (1, 30, "order ID is QY7F0665")]),
    (None, [(0, 0, "Please send us your order number and we will look into it."), (1, 30, "es el 291057")]),
    (None, [(0, 0, "yo, long time, are you free on Friday for the booking?"), (1, 30, "we met on 07/07, remember?")]),
    (None, [(0, 0, "Your order B-4417735 is confirmed."), (1, 60, "thanks, mine is LH-20451")]),
    # a birth date asked for, given in Arabic-Indic digits, or in a Buddhist-era year
    ("date_of_birth", [(0, 0, "Thanks. And date of birth as written on it?"), (1, 60, "٣ مارس ١٩٩٤")]),
    ("date_of_birth", [(0, 0, "ขอบคุณครับ และวันเกิดด้วยครับ สำหรับประกัน"), (1, 60, "20 ธ.ค. 2532")]),
    # a full date given where a birth date was asked for, of a year before the message's own
    ("date_of_birth", [(0, 0, "For the police register we need full name and date of birth of each guest."),
                       (1, 60, "Grace Cooper, 02/12/1974")]),
    ("date_of_birth", [(0, 0, "Para o seguro precisamos da data de nascimento de todos."),
                       (1, 60, "Eu: 4 de outubro de 2001. A minha amiga manda a dela.")]),
    (None, [(0, 0, "Are you coming to my birthday party?"), (1, 60, "yes! we land on 14/09/2020 at noon")]),
    (None, [(0, 0, "When can you come by?"), (1, 60, "Grace Cooper, 02/12/1974")]),
    # an identity number given where the message before asked for one, a request included
    ("national_id", [(0, 0, "die Versicherung will deine Sozialversicherungsnummer, kannst du mir die schicken?"),
                     (1, 60, "Hier: 9359 070874")]),
    ("national_id", [(0, 0, "Pour le formulaire de la commune, j'ai besoin de ton numéro AVS"),
                     (1, 60, "Voilà: 756.3850.4898.12")]),
    ("national_id", [(0, 0, "az orvoshoz kell a taj-számod"), (1, 60, "059 536 015")]),
    (None, [(0, 0, "az orvoshoz kell a taj-számod"), (1, 60, "ok, de most dolgozom, este küldöm, 2 óra múlva")]),
]
convs, truth = [], {}
mid = 10**15
for i, (want, msgs) in enumerate(cases):
    sid = str(9000000 + i)
    ms = []
    for k, (own, sec, text) in enumerate(msgs):
        mid += 1
        t = 1600000000 + i * 86400 + sec
        ms.append({"messageCreate": {
            "recipientId": sid if own else OWNER, "senderId": OWNER if own else sid,
            "reactions": [], "urls": [], "mediaUrls": [], "text": text, "id": str(mid),
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))}})
    truth[str(mid)] = want
    convs.append({"dmConversation": {"conversationId": OWNER + "-" + sid,
                                     "messages": list(reversed(ms))}})
open(out + "/data/direct-messages.js", "w").write(
    "window.YTD.direct_messages.part0 = " + json.dumps(convs, ensure_ascii=False))
open(out + "/data/account.js", "w").write("window.YTD.account.part0 = " + json.dumps(
    [{"account": {"accountId": OWNER, "username": "me", "accountDisplayName": "Me",
                  "createdAt": "2015-01-01T00:00:00.000Z"}}]))
json.dump(truth, open(out + "/truth.json", "w"))
PY

db=$WORK/a.db
status "exposure asked: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "exposure asked: json report" 0 "$DMAUDIT" report exposure --db "$db" --format json -o "$WORK/a.json"
t=$WORK/arc/truth.json
for id in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$id")
	got=$(json_get "$WORK/a.json" "sorted(f['type'] for f in d['findings'] if f['source_id'] == '$id')")
	case $want in None) want_list='[]' ;; *) want_list="['$want']" ;; esac
	same "exposure asked: message $id holds $want" "$got" "$want_list"
done
finish

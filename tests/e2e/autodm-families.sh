# The auto-DM families on an archive written here, in the hardest setting:
# each automated account sends one message that is never answered, with no
# campaign, no welcome event and no follow to go on. Each family of
# automation in a language it was not first written for, and hard negatives
# beside them: customers asking, people in their own words.
. "$TOP/tests/e2e/lib.sh"

python3 - "$WORK/arc" <<'PY'
import json, os, sys, time
out = sys.argv[1]
os.makedirs(out + "/data")
OWNER = "42"
# (expected automated, [(sender is the owner, text)...])
cases = [
    (True, [(0, "Bonjour et merci pour votre message ! Nous vous répondrons lundi.")]),
    (True, [(0, "안녕하세요! 문의 주셔서 감사합니다. 순차적으로 답변드리겠습니다.")]),
    (True, [(0, "Вязаные игрушки ручной работы, цены от 700 руб, пишите в личку")]),
    (True, [(0, "Custom pet portraits starting at $20! DM for details")]),
    (True, [(0, "Przypomnienie: Twoja subskrypcja wygasa za 3 dni.")]),
    (True, [(0, "【通知】本周新增关注者 12 人")]),
    (True, [(0, "Bedankt voor de follow! Fijne dag nog")]),
    (True, [(0, "Ganhei muito com essa plataforma, chama a gerente no WhatsApp +55 21 99876-5432")]),
    (True, [(0, "Please follow @SomeBrandNewBand")]),
    (True, [(0, "Para evitar spam verifico a mis seguidores: confirma que no eres un robot respondiendo SI")]),
    (True, [(0, "Ihr Konto wurde vorübergehend eingeschränkt. Bitte bestätigen Sie Ihre Daten.")]),
    (True, [(0, "I just sent you free coins in Dragon Farm! Collect them today")]),
    (True, [(0, "Alguém perto de você curtiu seu perfil no AmorJá")]),
    (False, [(0, "Thanks for following up on my refund, it came through today")]),
    (False, [(0, "Could you deliver between 10:00-12:00 on Saturday? I'm out after that")]),
    (False, [(0, "Is there free shipping to Canada? I'd like two of the blue mugs")]),
    (False, [(0, "Reminder: did my order ship yet?")]),
    (False, [(0, "Sorry for the random DM, I think I found your keys at the station?")]),
    # a business's automatic reply: the same text seconds after each of the owner's messages
    (True, [(1, "Bonjour, vous livrez le samedi ?"),
            (0, "Merci pour votre message ! Notre équipe vous répondra du lundi au vendredi de 9h à 18h.", 2),
            (1, "D'accord, merci", 3000),
            (0, "Merci pour votre message ! Notre équipe vous répondra du lundi au vendredi de 9h à 18h.", 3)]),
    # an app's signature closing the message, a draw won, WhatsApp slang, a login notice, followers for sale
    (True, [(0, "Ciao! Grazie per il contatto, ecco un regalo per te: https://t.co/x1 Inviato da SeguiBot")]),
    (True, [(0, "Parabéns! Você ganhou o sorteio do mês, resgate em premios-top[.]fr hoje")]),
    (True, [(0, "Oi lindo, me chama no zap (11) 98765-4321 que aqui não dá")]),
    (True, [(0, "Nuevo inicio de sesión en tu cuenta desde un dispositivo Android.")]),
    (True, [(0, "Paquetes de seguidores y likes desde 3 euros, escríbenos")]),
    # hard negatives: a quick person who answers with new text each time (as fast as
    # one types), a parcel's origin, a question about a giveaway
    (False, [(1, "Do you have the blue mug in stock?"),
             (0, "yes we still have four of them on the shelf, want me to keep one", 14),
             (1, "Yes please, I'll come on Friday", 600),
             (0, "great, it will be at the counter with your name on it until Friday", 16)]),
    (False, [(0, "My parcel never came, the label says it was sent from Porto")]),
    (False, [(0, "Geburtsdatum 02.03.1985 – brauchen Sie das für das Gewinnspiel?")]),
    # scam bait behind a defanged or spaced link, a messenger without an id
    (True, [(0, "Final warning: your page will be permanently disabled. Appeal at hxxps://review-desk(.)click/form")]),
    (True, [(0, "Gratulujeme, vyhráli jste poukaz! Vyzvedněte na vyhra-cz . cz dnes")]),
    (True, [(0, "רווח מובטח של 30% בחודש, כתבו לי בוואטסאפ")]),
    (False, [(0, "the hxxp trick in the pentest report, did you read it?")]),
    (False, [(0, "I am at home . cz is the country code, right?")]),
    # a reply faster than anyone types to the owner's first message; scheduled reminders
    (True, [(1, "Hi! Thanks for following, your first month is on us"),
            (0, "Thanks for reaching out! I'm away until Monday and will reply then.", 5)]),
    (True, [(0, "Your weekly summary: 312 new visitors, 14 orders. See all: https://t.co/w1"),
            (0, "Your weekly summary: 298 new visitors, 11 orders. See all: https://t.co/w2", 7 * 86400 + 20)]),
    (False, [(0, "morning! did you catch the match?"),
             (1, "yes, what a finish", 3600),
             (0, "morning again, coffee later?", 86400 - 3600 + 30),
             (1, "sure, at ten", 600),
             (0, "see you then", 300)]),
    # a tool's signature after other separators, in more languages
    (True, [(0, "Hej och välkommen! (skickat med AutoHälsning)")]),
    (True, [(0, "Καλημέρα! ~ αυτόματο μήνυμα μέσω FollowPilot")]),
    (True, [(0, "Ahoj! Rád tě tu vidím -- odesláno přes DMrobot")]),
    (True, [(0, "Bună! [mesaj trimis automat de SalutBot]")]),
    (True, [(0, "Hey, welcome aboard // auto-sent with @GreetlyHQ")]),
    (False, [(0, "Did my order leave yet? (sent via DHL, tracking says nothing)")]),
    (False, [(0, "Paketet kom fram idag - skickat med posten igår")]),
    # a thanks word, an intensifier, then a word of following in the language's own words
    (True, [(0, "Tack så mycket för följet 🌿")]),
    (True, [(0, "Děkuji moc moc za sledování 🙂")]),
    (True, [(0, "Ευχαριστώ πάρα πολύ που με ακολουθείς 🌊")]),
    (False, [(0, "Tack så mycket för hjälpen med följesedeln")]),
    (False, [(0, "Díky moc, sledování zásilky mi nejde otevřít")]),
    (False, [(0, "Thanks for the follow! I loved your talk on ceramics"),
             (1, "Thank you! Are you a potter too?"),
             (0, "Yes, mostly stoneware, I fire at a shared studio")]),
]
convs, truth = [], {}
mid = 10**15
for i, (auto, msgs) in enumerate(cases):
    sid = str(7000000 + i)
    truth[sid] = auto
    ms = []
    off = 0
    for k, m in enumerate(msgs):
        own, text = m[0], m[1]
        off += m[2] if len(m) > 2 else (600 if k else 0)   # seconds after the one before
        mid += 1
        t = 1600000000 + i * 86400 + off
        ms.append({"messageCreate": {
            "recipientId": sid if own else OWNER, "senderId": OWNER if own else sid,
            "reactions": [], "urls": [], "mediaUrls": [], "text": text, "id": str(mid),
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))}})
    convs.append({"dmConversation": {"conversationId": OWNER + "-" + sid,
                                     "messages": list(reversed(ms))}})
open(out + "/data/direct-messages.js", "w").write(
    "window.YTD.direct_messages.part0 = " + json.dumps(convs, ensure_ascii=False))
open(out + "/data/account.js", "w").write("window.YTD.account.part0 = " + json.dumps(
    [{"account": {"accountId": OWNER, "username": "shop", "accountDisplayName": "Shop",
                  "createdAt": "2015-01-01T00:00:00.000Z"}}]))
json.dump(truth, open(out + "/truth.json", "w"))
PY

db=$WORK/f.db
status "autodm families: ingest" 0 "$DMAUDIT" ingest -q --db "$db" "$WORK/arc"
status "autodm families: json report" 0 "$DMAUDIT" report autodm --db "$db" --format json -o "$WORK/f.json"
t=$WORK/arc/truth.json
for sid in $(truth_ids "$t"); do
	want=$(truth_of "$t" "$sid")
	got=$(json_get "$WORK/f.json" "[x['auto'] for x in d['inbound'] if x['account_id'] == '$sid'][0]")
	same "autodm families: sender $sid automated is $want" "$got" "$want"
done
same "autodm families: one formula alone makes a sender likely, never near-certain" \
	"$(json_get "$WORK/f.json" "sum(1 for x in d['inbound'] if x['auto'] and x['confidence'] == 'near-certain' and x['account_id'] in ('7000006', '7000003'))")" 0
finish

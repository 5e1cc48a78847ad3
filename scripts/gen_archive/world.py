"""The simulated world: an owner (a small business), its customers, bots,
staff groups and tweets.  plan() decides who exists and when things happen;
gen_conversation() turns one planned 1:1 conversation into messages with a
random generator of its own, so conversations can be produced lazily in
file order."""

import math
import random
import string

from . import pii, text

EPOCH = 1288834974657          # Twitter snowflake epoch (ms)
DAY = 86400000
HOUR = 3600000
MIN = 60000

LAYOUT_END = {"2019": 1561457472000,   # 2019-06-25
              "2021": 1639605337367,   # 2021-12-15
              "2023": 1693480391000}   # 2023-08-31
SPAN = 3 * 365 * DAY

TYPES_CYCLE = pii.TYPES


class IdGen:
    """Unique snowflake-like ids increasing with time."""

    def __init__(self):
        self.used = set()

    def make(self, ms, r):
        while True:
            v = ((ms - EPOCH) << 22) | r.getrandbits(22)
            if v not in self.used:
                self.used.add(v)
                return v


def tco(r):
    return "https://t.co/" + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(10))


def make_link(r, kind):
    if kind == "truetwit":
        exp = "http://truetwit.com/vy%d" % r.randint(100000000, 999999999)
    elif kind == "shop":
        exp = "https://shop.example.com/%s?utm_source=twitter&utm_medium=dm" % r.choice(["new", "sale", "spring", "c/outdoor"])
    elif kind == "spam":
        exp = "http://%s.%s/%s" % ("".join(r.choice(string.ascii_lowercase) for _ in range(7)), r.choice(["xyz", "top", "biz", "info"]),
                                  "".join(r.choice(string.ascii_lowercase) for _ in range(5)))
    elif kind == "tracking":
        exp = "https://www.ups.com/track?tracknum=1Z%sA%s" % ("".join(r.choice("0123456789ABCDEF") for _ in range(6)), "".join(r.choice(string.digits) for _ in range(9)))
    elif kind == "status":
        exp = "https://twitter.com/shopstatus/status/%d" % (r.randint(1, 10**6) << 22 | r.getrandbits(22))
    else:
        exp = "https://%s.example.org/%s" % (r.choice(["blog", "videos", "news", "links"]), "".join(r.choice(string.ascii_lowercase) for _ in range(6)))
    disp = exp.split("://", 1)[1]
    if len(disp) > 26:
        disp = disp[:25] + "…"
    return (tco(r), exp, disp)


def fill(r, tmpl, name, handle, url_kind, brand="", owner="", deeplink=None):
    """Fill slots; returns (text, urls)."""
    urls = []
    s = tmpl.replace("{name}", name).replace("{handle}", handle).replace("{brand}", brand).replace("{owner}", owner)
    if "{url}" in s:
        link = make_link(r, url_kind)
        urls.append(link)
        s = s.replace("{url}", link[0])
    if "{deeplink}" in s:
        link = (tco(r), deeplink, deeplink.split("://", 1)[1][:25] + "…")
        urls.append(link)
        s = s.replace("{deeplink}", link[0])
    return s, urls


class Person:
    __slots__ = ("id", "name", "handle")

    def __init__(self, pid, name, handle):
        self.id, self.name, self.handle = pid, name, handle


class World:
    def __init__(self, n, seed, layout, templates, cutoff_ms):
        self.n, self.seed, self.layout, self.ts = n, seed, layout, templates
        self.T = {"train": text.TRAIN, "holdout": text.HOLDOUT, "wild": text.WILD}[templates]
        self.cutoff_ms = cutoff_ms
        self.r = random.Random(seed)
        self.end = LAYOUT_END[layout] + self.r.randrange(0, 20 * DAY)
        self.start = self.end - SPAN
        self.ids = IdGen()
        self.people_ids = set()
        self.plan()

    # ------------------------------------------------------------ people
    def new_person(self, r=None):
        r = r or self.r
        while True:
            if r.random() < 0.45:
                pid = r.randint(10**7, 3 * 10**9)
            else:
                ms = r.randint(1400000000000, self.start)
                pid = ((ms - EPOCH) << 22) | r.getrandbits(22)
            if pid not in self.people_ids:
                self.people_ids.add(pid)
                break
        first = r.choice(pii.FIRST)
        name = first.capitalize()
        handle = "@" + r.choice([first, first + "_" + r.choice(pii.LAST), r.choice(pii.LAST) + first[:2],
                                 first + r.choice(["x", "_uk", "shop", "art", "22", "7"])])
        return Person(str(pid), name, handle)

    # ------------------------------------------------------------ plan
    def plan(self):
        r = self.r
        n = self.n
        self.owner = Person(str(r.randint(2 * 10**8, 2 * 10**9)), "", "")
        self.owner.handle = r.choice(["northwind_goods", "bluepeak_outdoor", "mapleandmoss", "tidewater_shop"]) 
        self.owner.name = self.owner.handle.replace("_", " ").title()
        self.people_ids.add(int(self.owner.id))
        self.owner_created = self.start - r.randint(200, 2000) * DAY
        self.brand = self.owner.name
        group_budget = int(n * 0.07)
        one_budget = int((n - group_budget) * 0.9)
        scale = max(1.0, n / 400.0)
        convs = []
        tweets = []        # dicts: ms, kind, text, reply_to (Person|None), mentions [Person], urls, leak
        self.handoffs_plan = []
        followers, following = [], []

        def add(kind, person, size, start, **kw):
            c = {"kind": kind, "p": person, "size": size, "start": start}
            c.update(kw)
            convs.append(c)
            return c

        def when(margin=2 * DAY):
            return r.randint(self.start + DAY, self.end - margin)

        # long conversations with a staff partner (split into chunks)
        used = 0
        if n >= 3000:
            for i in range(max(1, n // 60000)):
                size = r.randint(1300, 2600) if n < 60000 else r.randint(1500, 3200)
                p = self.new_person()
                add("partner", p, size, self.start + r.randint(0, 30) * DAY)
                following.append(p)
                followers.append(p)
                used += size
        # inbound automated senders
        k = lambda base: max(base, int(base * scale * 0.6))
        for i in range(k(3)):
            p = self.new_person()
            add("truetwit", p, 1, when())
            following.append(p)
        apps = self.T["app"]
        for i in range(k(4)):
            p = self.new_person()
            add("app", p, 2, when(), app=i % len(apps))
            following.append(p)
            if r.random() < 0.5:
                followers.append(p)
        for ci in range(len(self.T["campaign"])):
            for j in range(max(3, int(2 * scale * 0.4))):
                p = self.new_person()
                add("campaign", p, 1, when(), campaign=ci)
        for i in range(k(2)):
            p = self.new_person()
            add("welcome", p, 4, when(), brand=text.BRANDS[i % len(text.BRANDS)])
            following.append(p)
        for i in range(k(3)):
            p = self.new_person()
            add("thanks_human", p, 6, when())
            followers.append(p)
            following.append(p)
        # owner's own auto-DMs to new followers, in bursts
        n_auto = k(8)
        t = self.start + r.randint(5, 40) * DAY
        left = n_auto
        while left > 0:
            burst = min(left, r.randint(2, 9))
            for j in range(burst):
                p = self.new_person()
                add("owner_auto", p, 1, t + j * r.randint(2000, 40000) + r.randint(0, 999), tmpl=r.randrange(len(self.T["owner_auto"])))
                followers.append(p)
            left -= burst
            t += r.randint(1, 5) * DAY + r.randint(0, HOUR)
            if t > self.end - 3 * DAY:
                t = self.start + r.randint(5, 60) * DAY
        # cold promotion and chasing
        for i in range(k(4)):
            p = self.new_person()
            add("promo", p, 2, when(), chase=r.choice([0, 1, 1, 2]), reply=r.random() < 0.4)
        # warm (owner tweeted at them within 7 days) and stale (tweet older than 7 days)
        for i in range(k(3)):
            p = self.new_person()
            c = add("warm", p, 4, when())
            tweets.append({"ms": c["start"] - r.randint(HOUR, 6 * DAY), "kind": "reply" if i % 2 == 0 else "mention", "to": p})
        for i in range(k(2)):
            p = self.new_person()
            c = add("warm", p, 3, when(), stale=True)
            tweets.append({"ms": c["start"] - r.randint(8 * DAY, 60 * DAY), "kind": "reply", "to": p})
        # public handoffs: invite to DM, followed by a DM or not
        for i in range(k(5)):
            p = self.new_person()
            tms = when(5 * DAY) // 1000 * 1000
            followed = i % 5 != 4
            tw = {"ms": tms, "kind": "invite", "to": p}
            tweets.append(tw)
            self.handoffs_plan.append((tw, p))
            if followed:
                add("customer", p, r.randint(2, 8), tms + r.randint(3 * MIN, 36 * HOUR))
        # ordinary customers fill the rest
        for c in convs:
            used += c["size"]
        while used < one_budget:
            p = self.new_person()
            size = min(900, 1 + int(r.expovariate(1 / 7.0)) + 1)
            add("customer", p, size, when())
            used += size
            if r.random() < 0.3:
                followers.append(p)
        # PII, tone, owner disclosures, deletions: assigned round-robin so even a
        # small archive has every type
        cust = [c for c in convs if c["kind"] == "customer"]
        cyc = 0
        n_pii = max(len(TYPES_CYCLE) * 3, len(cust) // 4)
        order = list(range(len(cust)))
        r.shuffle(order)
        for j in range(min(n_pii, len(cust))):
            c = cust[order[j]]
            c["pii"] = [TYPES_CYCLE[cyc % len(TYPES_CYCLE)]]
            cyc += 1
            if r.random() < 0.2:
                c["pii"].append(TYPES_CYCLE[cyc % len(TYPES_CYCLE)])
                cyc += 1
        for j in range(max(3, len(cust) // 60)):
            cust[order[-1 - j]]["tone"] = True
        for j in range(max(3, len(cust) // 80)):
            cust[order[(j * 7 + 3) % len(cust)]]["owner_pii"] = ["iban", "reference_number", "email", "phone"][j % 4]
        for j in range(max(4, len(cust) // 30)):
            cust[order[(j * 5 + 1) % len(cust)]]["canned"] = True
        if self.cutoff_ms:
            early = [c for c in cust if c["start"] < self.cutoff_ms - 3 * DAY]
            for c in early[:max(8, len(early) // 100)]:
                c["delete_one"] = True
        # one 1:1 conversation per person
        self.convs = []
        for c in convs:
            a, b = int(self.owner.id), int(c["p"].id)
            c["cid"] = "%d-%d" % (min(a, b), max(a, b))
            c["key"] = (min(a, b), max(a, b))
            self.convs.append(c)
        self.convs.sort(key=lambda c: c["key"])
        for i, c in enumerate(self.convs):
            c["idx"] = i
        # other tweets: ordinary, retweets, public replies, leaks
        n_tw = max(40, n // 20)
        custp = [c["p"] for c in cust]
        leak_types = ["email", "reference_number", "phone", "postal_address"]
        for i in range(max(4, n_tw // 40)):
            tweets.append({"ms": when(), "kind": "leak", "to": r.choice(custp), "leak": leak_types[i % 4]})
        while len(tweets) < n_tw:
            x = r.random()
            if x < 0.4:
                tweets.append({"ms": when(), "kind": "ordinary"})
            elif x < 0.6:
                tweets.append({"ms": when(), "kind": "retweet", "to": self.new_person()})
            else:
                tweets.append({"ms": when(), "kind": "reply", "to": r.choice(custp) if custp and r.random() < 0.5 else self.new_person(), "polite": True})
        for tw in tweets:
            tw["ms"] = tw["ms"] // 1000 * 1000
        tweets.sort(key=lambda t: t["ms"])
        self.tweets = [self.build_tweet(tw) for tw in tweets]
        self.tweet_refs = {}
        for tw in self.tweets:
            refs = set()
            if tw["in_reply_to_user_id_str"]:
                refs.add(tw["in_reply_to_user_id_str"])
            for m in tw["entities"]["user_mentions"]:
                refs.add(m["id_str"])
            for pid in refs:
                self.tweet_refs.setdefault(pid, []).append(tw["_ms"])
        # followers / following
        for i in range(max(40, n // 8)):
            followers.append(self.new_person())
        for i in range(max(30, n // 20)):
            following.append(self.new_person())
        seen = set()
        self.followers = [p.id for p in followers if not (p.id in seen or seen.add(p.id))]
        r.shuffle(self.followers)
        seen = set()
        self.following = [p.id for p in following if not (p.id in seen or seen.add(p.id))]
        r.shuffle(self.following)
        if self.cutoff_ms:
            gained = set(r.sample(self.followers, max(3, len(self.followers) // 10)))
            lost = [self.new_person().id for _ in range(max(2, len(self.followers) // 25))]
            self.early_followers = [f for f in self.followers if f not in gained] + lost
            r.shuffle(self.early_followers)
            self.early_following = [f for f in self.following if r.random() > 0.05]
        # groups
        self.groups = []
        staff = [self.new_person() for _ in range(max(4, min(40, n // 3000)))]
        left = group_budget
        while left > 0 or len(self.groups) < 2:
            size = max(5, min(900, left if left < 60 else r.randint(40, 900)))
            members = r.sample(staff, min(len(staff), r.randint(2, 5)))
            gid = str(r.randint(10**18, 9 * 10**18))
            self.groups.append({"gid": gid, "members": members, "size": size, "start": when(20 * DAY),
                                "name": r.choice(["Support team", "Warehouse", "Weekend shift", "Launch 🚀", "店舗スタッフ"]),
                                "idx": len(self.groups)})
            left -= size
        self.groups.sort(key=lambda g: int(g["gid"]))

    # ------------------------------------------------------------ tweets
    def build_tweet(self, tw):
        r = self.r
        ms = tw["ms"]
        tid = self.ids.make(ms, r)
        kind = tw["kind"]
        to = tw.get("to")
        mentions, urls = [], []
        reply_sid = None
        leak = None
        lang = "en"
        if kind == "ordinary":
            s = r.choice(text.ORDINARY_TWEETS)
            if r.random() < 0.3:
                s, urls = fill(r, s + " {url}", "", "", "shop")
        elif kind == "retweet":
            s = "RT %s: %s" % (to.handle, r.choice(text.ORDINARY_TWEETS)[:60] + "…")
            mentions.append(to)
        elif kind == "mention":
            s = "Huge thanks to %s for the lovely photos of our shop!" % to.handle
            mentions.append(to)
        else:
            reply_sid = str(((ms - r.randint(MIN, DAY) - EPOCH) << 22) | r.getrandbits(22))
            mentions.append(to)
            if kind == "invite":
                deeplink = "https://twitter.com/messages/compose?recipient_id=%s" % self.owner.id
                tmpl = r.choice(self.T["invite_dm"])
                s, urls = fill(r, tmpl, to.name, to.handle, "", deeplink=deeplink)
                if "DM" in tmpl and ("で" in tmpl or "詳しく" in tmpl):
                    lang = "ja"
                elif "Envíanos" in tmpl:
                    lang = "es"
                elif "Écrivez" in tmpl:
                    lang = "fr"
            elif kind == "leak":
                gen = pii.GENERATORS[pii.TYPES.index(tw["leak"])]
                typ, v, _ = gen(r, self.ts)
                s = text.PUBLIC_LEAK[["email", "reference_number", "phone", "postal_address"].index(tw["leak"])].replace("{handle}", to.handle).replace("{v}", v)
                leak = (typ, v)
            elif tw.get("polite"):
                s = r.choice(text.PUBLIC_REPLY).replace("{handle}", to.handle)
            else:
                s = "%s Thanks for the shout-out, we're so glad you're happy with it!" % to.handle
        esc = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        um = []
        for p in mentions:
            i = esc.find(p.handle)
            um.append({"name": p.name, "screen_name": p.handle[1:], "indices": [str(max(i, 0)), str(max(i, 0) + len(p.handle))],
                       "id_str": p.id, "id": p.id})
        ue = []
        for (u, e, d) in urls:
            i = esc.find(u)
            ue.append({"url": u, "expanded_url": e, "display_url": d, "indices": [str(i), str(i + len(u))]})
        t = {}
        if self.layout == "2023":
            t["edit_info"] = {"initial": {"editTweetIds": [str(tid)], "editableUntil": iso(ms + HOUR),
                                          "editsRemaining": "5", "isEditEligible": kind != "retweet"}}
        t["retweeted"] = False
        t["source"] = r.choice(text.SOURCES)
        t["entities"] = {"hashtags": [], "symbols": [], "user_mentions": um, "urls": ue}
        t["display_text_range"] = ["0", str(len(s))]
        t["favorite_count"] = str(r.randint(0, 40))
        if reply_sid:
            t["in_reply_to_status_id_str"] = reply_sid
        t["id_str"] = str(tid)
        if reply_sid:
            t["in_reply_to_user_id"] = to.id
        t["truncated"] = False
        t["retweet_count"] = str(r.randint(0, 12) if kind != "retweet" else 0)
        t["id"] = str(tid)
        if reply_sid:
            t["in_reply_to_status_id"] = reply_sid
        t["created_at"] = tweet_date(ms)
        t["favorited"] = False
        t["full_text"] = esc
        t["lang"] = lang
        if reply_sid:
            t["in_reply_to_screen_name"] = to.handle[1:]
            t["in_reply_to_user_id_str"] = to.id
        else:
            t["in_reply_to_user_id_str"] = None
        t["_ms"] = ms
        t["_kind"] = kind
        t["_leak"] = leak
        t["_to"] = to.id if to else None
        return t

    # ------------------------------------------------------------ messages
    def msg(self, r, ms, sender, recipient, s, urls=None, event="messageCreate"):
        return {"id": self.ids.make(ms, r), "ms": ms, "sender": sender, "recipient": recipient, "raw": s,
                "urls": urls or [], "media": [], "event": event, "deleted": False, "reactions": []}

    def gen_conversation(self, c):
        """Returns (messages chronologically, labels) where labels is a list of
        (msg, type, disclosed_by, value) plus the list of (msg, template) of
        owner auto-DMs."""
        r = random.Random("%d/c/%d" % (self.seed, c["idx"]))
        O, P = self.owner.id, c["p"]
        kind = c["kind"]
        out, labels, autos = [], [], []
        t = c["start"]

        def cm(s, urls=None, event="messageCreate"):
            m = self.msg(r, t, P.id, O, s, urls, event)
            out.append(m)
            return m

        def om(s, urls=None):
            m = self.msg(r, t, O, P.id, s, urls)
            out.append(m)
            return m

        def gap(lo, hi):
            nonlocal t
            t += r.randint(lo, hi)

        def answer_delay():
            nonlocal t
            t += int(min(10 * DAY / 1000, max(20, math.exp(r.gauss(7.3, 1.9))))) * 1000 + r.randint(0, 999)

        if kind == "truetwit":
            s, u = fill(r, r.choice(self.T["truetwit"]), P.handle[1:], P.handle, "truetwit")
            cm(s, u)
            if r.random() < 0.35:
                gap(DAY, 20 * DAY)
                cm(s, u)
        elif kind == "app":
            tm = self.T["app"][c["app"]]
            s, u = fill(r, r.choice(tm), self.owner.name.split()[0], "@" + self.owner.handle, "promo")
            cm(s, u)
            if r.random() < 0.5:
                gap(HOUR, 30 * DAY)
                cm(s, u)          # resend of the same text
            if r.random() < 0.15:
                answer_delay()
                om(r.choice(text.REPLY_TO_AUTO))
        elif kind == "campaign":
            s, u = fill(r, self.T["campaign"][c["campaign"]], self.owner.name.split()[0], "@" + self.owner.handle, "spam")
            cm(s, u)
            if r.random() < 0.2:
                gap(MIN, 3 * DAY)
                cm(s, u)
        elif kind == "welcome":
            s, u = fill(r, r.choice(self.T["welcome"]), "", "", "", brand=c["brand"])
            cm(s, u, event="welcomeMessageCreate")
            gap(5000, 90000)
            om(r.choice(["Hi, I need help with my account", "Hello, a question about my last bill", "agent", "HUMAN"]))
            gap(800, 3000)
            cm(r.choice(self.T["bot_followup"]))
            if r.random() < 0.5:
                gap(MIN, 2 * HOUR)
                om("Thanks")
        elif kind == "thanks_human":
            cm(r.choice(self.T["thanks_follow"]))
            for i in range(c["size"] - 1):
                if i % 2 == 0:
                    answer_delay()
                    om(r.choice(text.OWNER_ANSWER))
                else:
                    gap(MIN, 5 * HOUR)
                    cm(r.choice(text.CUSTOMER_FOLLOW + text.CUSTOMER_Q))
        elif kind == "partner":
            who = P.id
            for i in range(c["size"]):
                if r.random() < 0.45:
                    who = O if who == P.id else P.id
                s = r.choice(text.PARTNER)
                if r.random() < 0.03:
                    s = r.choice(text.HARD_NEG)
                m = self.msg(r, t, who, P.id if who == O else O, s)
                out.append(m)
                gap(2000, 3 * HOUR if r.random() < 0.9 else 2 * DAY)
        elif kind == "owner_auto":
            tmpl = self.T["owner_auto"][c["tmpl"]]
            s, u = fill(r, tmpl, P.name, P.handle, "shop", owner=self.owner.name)
            m = om(s, u)
            autos.append((m, tmpl))
            if r.random() < 0.3:
                answer_delay()
                cm(r.choice(text.REPLY_TO_AUTO + text.CUSTOMER_Q))
                if r.random() < 0.7:
                    answer_delay()
                    om(r.choice(text.OWNER_ANSWER))
        elif kind == "promo":
            parts = [r.choice(x) for x in text.OWNER_PROMO]
            s, u = fill(r, " ".join(parts), P.name, P.handle, "shop")
            om(s, u)
            for i in range(c["chase"]):
                gap(DAY, 6 * DAY)
                om(r.choice(text.OWNER_CHASE))
            if c["reply"]:
                answer_delay()
                cm(r.choice(["not interested, thanks", "how did you get my handle?", "Oh nice, does it include shoes?", "please stop messaging me"]))
                if r.random() < 0.5:
                    answer_delay()
                    om("Sorry to bother you! Have a great day.")
        elif kind == "warm":
            om(r.choice(text.WARM_OPEN).replace("{name}", P.name))
            for i in range(c["size"] - 1):
                answer_delay()
                if i % 2 == 0:
                    cm(r.choice(text.CUSTOMER_FOLLOW + text.CUSTOMER_Q))
                else:
                    om(r.choice(text.OWNER_ANSWER))
        else:                                   # customer
            self.gen_customer(r, c, out, labels, cm, om, gap, answer_delay)
        # media on some counterpart messages (2023 layout)
        if self.layout == "2023":
            for m in out:
                if m["sender"] == P.id and m["event"] == "messageCreate" and not m["urls"] and r.random() < 0.03:
                    mid = str(r.randint(10**17, 10**18))
                    name = "".join(r.choice(string.ascii_letters) for _ in range(8)) + ".jpg"
                    m["media"] = ["https://ton.twitter.com/dm/%d/%s/%s" % (m["id"], mid, name)]
                    link = (tco(r), "https://twitter.com/messages/media/%d" % m["id"], "pic.twitter.com/" + name[:10])
                    m["urls"] = [link]
                    m["raw"] = m["raw"] + " " + link[0]
        for m in out:
            if r.random() < 0.02:
                other = O if m["sender"] != O else P.id
                m["reactions"] = [{"senderId": other, "reactionKey": r.choice(["like", "funny", "heart", "agree"]),
                                   "eventId": str(self.ids.make(m["ms"] + 5000, r)), "createdAt": iso(m["ms"] + 5000)}]
        return out, labels, autos

    def gen_customer(self, r, c, out, labels, cm, om, gap, answer_delay):
        P = c["p"]
        pii_left = list(c.get("pii", []))
        size = c["size"]
        unanswered = r.random() < 0.12
        first = True
        answered_once = False
        tone_done = not c.get("tone")
        owner_pii = c.get("owner_pii")
        deletable = []
        while len(out) < size or pii_left:
            run = r.choice([1, 1, 1, 2, 2, 3, 4])
            for i in range(run):
                if first:
                    s = r.choice(text.CUSTOMER_Q)
                    if c.get("handoff_text"):
                        s = c["handoff_text"]
                    first = False
                else:
                    s = r.choice(text.CUSTOMER_FOLLOW + text.CUSTOMER_Q[:6])
                planted = None
                if pii_left and r.random() < 0.7:
                    typ = pii_left.pop(0)
                    typ, v, sent = pii.GENERATORS[pii.TYPES.index(typ)](r, self.ts)
                    s = r.choice(["%s", "%s.", "ok %s", "Sure, %s", "%s, thanks", "%s\r\nthanks"]) % sent
                    planted = (typ, v)
                elif r.random() < 0.12:
                    s = s + " " + r.choice(text.HARD_NEG)
                    if r.random() < 0.3:
                        l = make_link(r, r.choice(["tracking", "status"]))
                        s += " " + l[0]
                        urls = [l]
                    else:
                        urls = []
                    m = cm(s, urls)
                    gap(5000, 2 * HOUR)
                    continue
                m = cm(s)
                if planted:
                    labels.append((m, planted[0], "counterpart", planted[1]))
                elif len(out) > 1:
                    deletable.append(m)
                gap(5000, 2 * HOUR)
            if unanswered and len(out) >= size and not pii_left:
                break
            answer_delay()
            if c.get("canned") and not answered_once:
                om(r.choice(self.T["canned"]))
                answered_once = True
                answer_delay()
            answered_once = True
            if not tone_done and r.random() < 0.6:
                phrase = r.choice(self.T["tone"])
                s = r.choice(["Honestly, %s.", "%s!", "Oh come on, %s.", "%s. We told you twice."]) % phrase
                s = s[0].upper() + s[1:]
                m = om(s)
                labels.append((m, "tone", "owner", phrase if phrase in s else phrase[0].upper() + phrase[1:]))
                tone_done = True
            elif owner_pii:
                typ, v, _ = pii.GENERATORS[pii.TYPES.index(owner_pii)](r, self.ts)
                s = {"iban": "You can pay by bank transfer to our IBAN %s.",
                     "reference_number": "We've logged this under %s, quote it if you call.",
                     "email": "Please email the returns team, they'll reply from %s.",
                     "phone": "Our hotline is %s if that's easier."}[owner_pii] % v
                if owner_pii == "reference_number":
                    s = "We've logged this, your reference is %s, quote it if you call." % v
                m = om(s)
                labels.append((m, typ, "owner", v))
                owner_pii = None
            else:
                om(r.choice(text.OWNER_ANSWER))
            if r.random() < 0.15:
                gap(MIN, HOUR)
                om(r.choice(["Anything else we can help with?", "Let us know!", "👍"]))
            if len(out) >= size and not pii_left and tone_done:
                break
            answer_delay()
        if not tone_done:
            answer_delay()
            phrase = r.choice(self.T["tone"])
            m = om(phrase[0].upper() + phrase[1:] + ".")
            labels.append((m, "tone", "owner", phrase[0].upper() + phrase[1:]))
        if c.get("delete_one") and self.cutoff_ms:
            cands = [m for m in deletable if m["ms"] < self.cutoff_ms]
            if cands:
                r.choice(cands)["deleted"] = True

    # ------------------------------------------------------------ groups
    def gen_group(self, g):
        r = random.Random("%d/g/%d" % (self.seed, g["idx"]))
        O = self.owner.id
        members = [p.id for p in g["members"]]
        t = g["start"]
        events, labels = [], []
        events.append(("joinConversation", {"initiatingUserId": members[0], "participantsSnapshot": members + [O], "createdAt": iso(t)}, t))
        t += r.randint(1000, HOUR)
        events.append(("conversationNameUpdate", {"initiatingUserId": members[0], "name": g["name"], "createdAt": iso(t)}, t))
        active = [O] + members
        n_pii = max(1, g["size"] // 150)
        pii_at = set(r.sample(range(g["size"]), min(n_pii, g["size"])))
        for i in range(g["size"]):
            t += r.randint(20000, 8 * HOUR)
            if i == g["size"] // 2:
                p = self.new_person(r)
                events.append(("participantsJoin", {"initiatingUserId": O, "userIds": [p.id], "createdAt": iso(t)}, t))
                active.append(p.id)
                t += 1000
            if i == (3 * g["size"]) // 4 and len(active) > 3:
                gone = active.pop(1)
                events.append(("participantsLeave", {"userIds": [gone], "createdAt": iso(t)}, t))
                t += 1000
            sender = r.choice(active)
            s = r.choice(text.GROUP)
            planted = None
            if i in pii_at:
                typ = r.choice(["phone", "email", "credential", "postal_address", "iban"])
                typ, v, sent = pii.GENERATORS[pii.TYPES.index(typ)](r, self.ts)
                s = "for the records: " + sent
                planted = (typ, v)
            elif r.random() < 0.05:
                s = r.choice(text.HARD_NEG)
            m = {"id": self.ids.make(t, r), "ms": t, "sender": sender, "raw": s, "urls": [], "media": [], "reactions": []}
            events.append(("messageCreate", m, t))
            if planted:
                labels.append((m, planted[0], "owner" if sender == O else "member", planted[1]))
        return events, labels


def iso(ms):
    import time
    s = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000))
    return "%s.%03dZ" % (s, ms % 1000)


_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def tweet_date(ms):
    import time
    g = time.gmtime(ms // 1000)
    return "%s %s %02d %02d:%02d:%02d +0000 %d" % (_DAYS[g.tm_wday], _MONS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_year)

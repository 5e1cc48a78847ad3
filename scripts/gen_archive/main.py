"""gen-archive: write a labelled synthetic Twitter/X archive and its truth file."""

import argparse
import calendar
import json
import os
import random
import sys
import tempfile
import time

from . import truth, world as W, write as Wr
from .world import iso

CHUNK = 1000
OVERLAP = 60
PART_LIMIT = 20000
# how the truth names each kind of counterpart that wrote to the owner
INBOUND_KIND = {"thanks_human": "human", "owner_auto": "follower", "promo": "prospect",
                "warm": "contact", "partner": "partner", "customer": "customer",
                "truetwit": "truetwit", "app": "app", "campaign": "campaign", "welcome": "welcome"}


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="gen-archive", description=__doc__)
    ap.add_argument("--messages", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-o", dest="out", required=True)
    ap.add_argument("--layout", choices=["2019", "2021", "2023"], default="2023")
    ap.add_argument("--cutoff", help="YYYY-MM-DD[THH:MM:SS]: also write an earlier snapshot")
    ap.add_argument("--drop-conversations", type=int, default=0, metavar="N",
                    help="with --cutoff: the later snapshot leaves out N whole 1:1 conversations "
                         "the earlier one holds (deleted by the owner)")
    ap.add_argument("--templates", choices=["train", "holdout", "wild"], default="train")
    ap.add_argument("--folder", action="store_true", help="write an unzipped folder")
    a = ap.parse_args(argv)
    if a.messages < 50:
        ap.error("--messages must be at least 50")
    return a


def parse_date(s):
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            return calendar.timegm(time.strptime(s.rstrip("Z"), fmt)) * 1000
        except ValueError:
            pass
    raise SystemExit("gen-archive: bad --cutoff date: %s" % s)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Archive:
    """One snapshot being written: file names, parts, manifest bookkeeping, counts."""

    def __init__(self, path, folder, layout, gen_ms, big, n_convs_hint):
        self.layout = layout
        self.root = "" if layout == "2019" else "data/"
        dt = time.gmtime(gen_ms // 1000)[:6]
        self.sink = Wr.Sink(path, folder, dt, big)
        self.gen_ms = gen_ms
        self.manifest = {}
        self.size = 0
        self.split = layout == "2023"
        self.limit = min(PART_LIMIT, max(1, -(-n_convs_hint // 2))) if self.split else 1 << 62
        self.dm_part = -1
        self.dm_entry = None
        self.dm_count = 0
        self.hdr_files = []
        self.media = []
        self.count_conv = set()
        self.count_msg = set()      # message ids, kept only when a union must be computed
        self.keep_ids = False
        self.n_msg = 0
        self.gcount_conv = set()
        self.gcount_msg = set()
        self.tweets = set()
        self.followers = 0
        self.following = 0
        self.rng = random.Random("archive")
        if layout != "2019":
            self.sink.put("Your archive.html", HTML)
            self.sink.put("assets/js/main.js", "/* archive viewer placeholder */\n")
            self.sink.put("assets/images/favicon.ico", b"\x00\x00\x01\x00")

    # -------------------------------------------------------------- names
    def names(self, base, part):
        """(file name, global name, manifest key) for a data type and part."""
        fname = "%s%s%s.js" % (self.root, base, "" if part == 0 else "-part%d" % part)
        g = "YTD.%s.part%d" % (base.replace("-", "_"), part)
        return fname, g

    def prefix(self, g):
        return "window.%s = " % g

    def record(self, key, fname, g, count, media=None):
        ent = self.manifest.setdefault(key, {})
        if media:
            ent["mediaDirectory"] = media
        ent.setdefault("files", []).append({"fileName": fname, "globalName": g, "count": str(count)})

    # -------------------------------------------------------------- 1:1 DMs
    def dm_base(self):
        return "direct-message" if self.layout == "2019" else "direct-messages"

    def _dm_open(self):
        self.dm_part += 1
        fname, g = self.names(self.dm_base(), self.dm_part)
        self.dm_fname, self.dm_g = fname, g
        self.dm_entry = self.sink.open(fname)
        self.dm_entry.write(self.prefix(g) + "[")
        self.dm_count = 0
        if self.layout != "2019":
            self.hdr_files.append(tempfile.TemporaryFile())
            self.hdr_counts = getattr(self, "hdr_counts", []) + [0]

    def _dm_close(self):
        if self.dm_entry is None:
            return
        if self.dm_count == 0:
            self.dm_entry.write(" ]")
        else:
            self.dm_entry.write(" ]" if self.layout == "2019" else "\n]")
        self.size += self.dm_entry.size
        self.dm_entry.close()
        self.record("directMessages", self.dm_fname, self.dm_g, self.dm_count,
                    None if self.layout == "2019" else "data/direct_messages_media")
        self.dm_entry = None

    def write_conversation(self, cid, msgs, rng):
        """msgs: chronological list of message dicts (deleted ones already removed)."""
        if self.dm_entry is None or (self.dm_count >= self.limit):
            self._dm_close()
            self._dm_open()
        self.count_conv.add(cid)
        newest = sorted(msgs, key=lambda m: (m["ms"], m["id"]), reverse=True)
        if self.keep_ids:
            self.count_msg.update(m["id"] for m in newest)
        self.n_msg += len(newest)
        if len(newest) > CHUNK:
            chunks = []
            i = 0
            while i < len(newest):
                chunks.append(newest[max(0, i - OVERLAP):i + CHUNK - OVERLAP] if i else newest[:CHUNK])
                i += CHUNK - OVERLAP if i else CHUNK
            rng.shuffle(chunks)
        else:
            chunks = [newest]
        for ch in chunks:
            if self.layout == "2019":
                item = Wr.compact({"dmConversation": {"conversationId": cid,
                                   "messages": [Wr.message_obj(m["event"], m, True) for m in ch]}})
                self.dm_entry.write((", " if self.dm_count else " ") + item)
            else:
                items = [Wr.message_pretty(m["event"], m, True, self.layout == "2023") for m in ch]
                self.dm_entry.write((",\n" if self.dm_count else "\n") + Wr.conversation_pretty(cid, items))
                hitems = [Wr.header_pretty(m, True) for m in ch]
                hf = self.hdr_files[-1]
                hf.write(((",\n" if self.hdr_counts[-1] else "\n") + Wr.conversation_pretty(cid, hitems)).encode("utf-8"))
                self.hdr_counts[-1] += 1
                for m in ch:
                    for u in m["media"]:
                        self.media.append("%d-%s" % (m["id"], u.rsplit("/", 1)[1]))
            self.dm_count += 1

    def finish_dms(self):
        if self.dm_entry is None:
            self._dm_open()
        self._dm_close()
        if self.layout == "2019":
            return
        for part, hf in enumerate(self.hdr_files):
            fname, g = self.names("direct-message-headers", part)
            e = self.sink.open(fname)
            e.write(self.prefix(g) + "[")
            hf.seek(0)
            while True:
                b = hf.read(1 << 20)
                if not b:
                    break
                e.write(b)
            e.write(" ]" if self.hdr_counts[part] == 0 else "\n]")
            if part == 0:
                e.write("\n")           # quirk: this one file ends with a newline
            self.size += e.size
            e.close()
            hf.close()
            self.record("directMessageHeaders", fname, g, self.hdr_counts[part])
        for name in sorted(set(self.media)):
            self.sink.put("data/direct_messages_media/" + name, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9")
        self.manifest["directMessagesMedia"] = {"mediaDirectory": "data/direct_messages_media"}

    # -------------------------------------------------------------- generic array files
    def write_array(self, base, key, items, split=False, quirk=None, media=None):
        """items: list of JSON-able objects.  Returns number written."""
        limit = len(items) + 1
        if split and self.split:
            limit = min(PART_LIMIT, max(1, -(-len(items) // 2)))
        parts = [items[i:i + limit] for i in range(0, len(items), limit)] or [[]]
        for p, chunk in enumerate(parts):
            fname, g = self.names(base, p)
            e = self.sink.open(fname)
            if quirk == "bom" and p == len(parts) - 1:
                e.write(b"\xef\xbb\xbf")
            e.write(self.prefix(g))
            if not chunk:
                e.write("[ ]")
            elif self.layout == "2019":
                e.write("[ " + ", ".join(Wr.compact(x) for x in chunk) + " ]")
            else:
                e.write("[\n")
                for i, x in enumerate(chunk):
                    e.write(("  " if i == 0 else ",\n  ") + Wr.pretty(x, "  "))
                e.write("\n]")
            if quirk == "semicolon":
                e.write(";")
            if quirk == "newline":
                e.write("\n")
            self.size += e.size
            e.close()
            self.record(key, fname, g, len(chunk), media)
        return len(items)

    def write_groups(self, groups):
        convs, hconvs = [], []
        for gid, events in groups:
            items, hitems = [], []
            for name, body, ms in sorted(events, key=lambda e: (e[2], e[1]["id"] if e[0] == "messageCreate" else 0), reverse=True):
                if name == "messageCreate":
                    self.gcount_msg.add(body["id"])
                    items.append(Wr.message_obj("messageCreate", body, False))
                    hitems.append({"messageCreate": {"id": str(body["id"]), "senderId": body["sender"], "createdAt": body["iso"]}})
                else:
                    items.append({name: body})
                    if name != "conversationNameUpdate":
                        hitems.append({name: body})
            self.gcount_conv.add(gid)
            convs.append({"dmConversation": {"conversationId": gid, "messages": items}})
            hconvs.append({"dmConversation": {"conversationId": gid, "messages": hitems}})
        if self.layout == "2019":
            self.write_array("direct-message-group", "directMessagesGroup", convs)
        else:
            self.write_array("direct-messages-group", "directMessagesGroup", convs, media="data/direct_messages_group_media")
            self.write_array("direct-message-group-headers", "directMessageGroupHeaders", hconvs)
            self.manifest["directMessagesGroupMedia"] = {"mediaDirectory": "data/direct_messages_group_media"}

    def close(self, owner, display, generated):
        if self.layout != "2019":
            m = {"userInfo": {"accountId": owner.id, "userName": owner.handle, "displayName": display},
                 "archiveInfo": {"sizeBytes": str(self.size), "generationDate": generated,
                                 "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
                 "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
                 "dataTypes": {k: self.manifest[k] for k in sorted(self.manifest)}}
            self.sink.put("data/README.txt", README)
            self.sink.put("data/manifest.js", "window.__THAR_CONFIG = " + Wr.pretty_manifest(m))
        self.sink.close()

    def counts(self):
        return {"dm_conversations": len(self.count_conv), "dm_messages": len(self.count_msg) if self.keep_ids else self.n_msg,
                "group_conversations": len(self.gcount_conv), "group_messages": len(self.gcount_msg),
                "tweets": len(self.tweets), "followers": self.followers, "following": self.following}


HTML = ('<!doctype html><html><head><meta charset="utf-8"><title>Your Twitter Data</title></head>'
        '<body><div id="root"></div><script src="./data/manifest.js"></script>'
        '<script src="assets/js/main.js"></script></body></html>')
README = ("Twitter archive\r\n\r\nThe data files are JavaScript: window.YTD.<type>.partN = [ ... ]\r\n"
          "direct-messages.js: one-to-one direct messages, newest first.\r\n")


def account_items(w, gen_ms, layout):
    acc = {"email": "hello@%s.example.com" % w.owner.handle.replace("_", ""), "createdVia": "web",
           "username": w.owner.handle, "accountId": w.owner.id, "createdAt": iso(w.owner_created),
           "accountDisplayName": w.owner.name}
    return [{"account": acc}]


def tweet_items(tweets, layout):
    out = []
    for t in tweets:
        d = {k: v for k, v in t.items() if not k.startswith("_")}
        if d.get("in_reply_to_user_id_str") is None:
            d.pop("in_reply_to_user_id_str", None)
        out.append(d if layout == "2019" else {"tweet": d})
    return out


def follow_items(ids, key, layout):
    if layout == "2019":
        return [{key: {"accountId": i}} for i in ids]
    return [{key: {"accountId": i, "userLink": "https://twitter.com/intent/user?user_id=" + i}} for i in ids]


def write_rest(a, w, tweets, followers, following, layout):
    """Everything but the DMs, in a fixed order."""
    tb = "tweet" if layout in ("2019", "2021") else "tweets"
    a.write_array(tb, tb, tweet_items(tweets, layout), split=len(tweets) > PART_LIMIT, quirk="newline")
    for t in tweets:
        a.tweets.add(t["id_str"])
    a.followers = len(set(followers))
    a.following = len(set(following))
    a.write_array("follower", "follower", follow_items(followers, "follower", layout), split=True,
                  quirk={"2021": "semicolon", "2023": "bom"}.get(layout))
    a.write_array("following", "following", follow_items(following, "following", layout))
    a.write_array("account", "account", account_items(w, a.gen_ms, layout))
    if layout == "2019":
        return
    a.write_array("profile", "profile", [{"profile": {"description": {"bio": "Small shop, big heart. Support hours Mon-Fri 9-17.",
                                                                     "website": "https://t.co/shopLink01", "location": "Leeds, UK"},
                                                      "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/avatar.jpg"}}])
    a.write_array("connected-application", "connectedApplication", [
        {"connectedApplication": {"organization": {"name": "Hootsuite", "url": "https://hootsuite.com"}, "name": "Hootsuite",
                                  "description": "Social media management", "permissions": ["read", "write", "directmessages"],
                                  "approvedAt": iso(w.start + 86400000 * 3), "id": "183117"}},
        {"connectedApplication": {"organization": {"name": ""}, "name": "FollowerWelcome",
                                  "description": "Send a welcome DM to new followers", "permissions": ["read", "write", "directmessages"],
                                  "approvedAt": iso(w.start + 86400000 * 4), "id": "20931442"}}])
    a.write_array("block", "block", [{"blocking": {"accountId": "1234%d" % (5678 + i), "userLink": "https://twitter.com/intent/user?user_id=1234%d" % (5678 + i)}} for i in range(2)])
    a.write_array("mute", "mute", [])
    a.write_array("direct-message-mute", "directMessageMute", [])


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    out = a.out
    base = out[:-4] if out.endswith(".zip") else out
    path = base if a.folder else (out if out.endswith(".zip") else out + ".zip")
    truth_path = base + ".truth.json"
    cutoff = parse_date(a.cutoff) if a.cutoff else None
    w = W.World(a.messages, a.seed, a.layout, a.templates, cutoff)
    if cutoff and not (w.start < cutoff < w.end):
        raise SystemExit("gen-archive: --cutoff must lie between %s and %s" % (iso(w.start)[:10], iso(w.end)[:10]))
    big = a.messages >= 100000
    full = Archive(path, a.folder, a.layout, w.end, big, len(w.convs))
    early = None
    if cutoff:
        epath = base + ".early" + ("" if a.folder else ".zip")
        early = Archive(epath, a.folder, a.layout, cutoff, big, sum(1 for c in w.convs if c["start"] < cutoff))
        full.keep_ids = early.keep_ids = True
    O = w.owner.id
    crng = random.Random("%d/chunks" % a.seed)
    eti, eti_union = [], []
    exposure, inbound = {}, {}
    out_auto, tmpl_stats = [], {}
    handoff_users = {p.id: [] for (_, p) in w.handoffs_plan}
    auto_kinds = {"truetwit", "app", "campaign", "welcome"}
    drop = set()
    if early and a.drop_conversations > 0:
        cands = [c["cid"] for c in w.convs if c["start"] < cutoff]
        drop = set(random.Random("%d/drop" % a.seed).sample(cands, min(a.drop_conversations, len(cands))))
    for c in w.convs:
        msgs, labels, autos = w.gen_conversation(c)
        for m in msgs:
            m["text"] = esc(m["raw"])
            m["iso"] = iso(m["ms"])
        kept = [] if c["cid"] in drop else [m for m in msgs if not m["deleted"]]
        cp = c["p"].id
        if kept:
            full.write_conversation(c["cid"], kept, crng)
            eti.append(truth.conversation_etiquette(c["cid"], O, cp, kept, w.tweet_refs.get(cp, [])))
        if early:
            em = [m for m in msgs if m["ms"] < cutoff]
            if em:
                early.write_conversation(c["cid"], em, crng)
            eti_union.append(truth.conversation_etiquette(c["cid"], O, cp, msgs, w.tweet_refs.get(cp, [])))
        for m in kept:
            if m["sender"] != O:
                inbound[cp] = {"auto": c["kind"] in auto_kinds, "kind": INBOUND_KIND.get(c["kind"], c["kind"])}
                if cp in handoff_users:
                    handoff_users[cp].append(m["ms"])
        for (m, typ, by, v) in labels:
            exposure[(m["id"], typ)] = {"source_id": str(m["id"]), "channel": "dm", "conversation_id": c["cid"],
                                        "type": typ, "disclosed_by": by, "value": v}
        for (m, tmpl) in autos:
            out_auto.append(m["id"])
            st = tmpl_stats.setdefault(tmpl, [0, set()])
            st[0] += 1
            st[1].add(m["recipient"])
    full.finish_dms()
    if early:
        early.finish_dms()
    # groups
    gl_full, gl_early = [], []
    for g in w.groups:
        events, labels = w.gen_group(g)
        for name, body, ms in events:
            if name == "messageCreate":
                body["text"] = esc(body["raw"])
                body["iso"] = iso(ms)
        gl_full.append((g["gid"], events))
        if early:
            ev = [e for e in events if e[2] < cutoff]
            if ev:
                gl_early.append((g["gid"], ev))
        for (m, typ, by, v) in labels:
            exposure[(m["id"], typ)] = {"source_id": str(m["id"]), "channel": "group_dm", "conversation_id": g["gid"],
                                        "type": typ, "disclosed_by": by, "value": v}
    full.write_groups(gl_full)
    if early:
        early.write_groups(gl_early)
    # tweets and the rest
    write_rest(full, w, w.tweets, w.followers, w.following, a.layout)
    if early:
        write_rest(early, w, [t for t in w.tweets if t["_ms"] < cutoff], w.early_followers, w.early_following, a.layout)
    for t in w.tweets:
        if t["_leak"]:
            typ, v = t["_leak"]
            exposure[(int(t["id_str"]), typ)] = {"source_id": t["id_str"], "channel": "tweet", "conversation_id": None,
                                                 "type": typ, "disclosed_by": "owner", "value": v}
    handoffs = []
    for t in w.tweets:
        if t["_kind"] == "invite":
            after = sorted(x for x in handoff_users.get(t["_to"], []) if x > t["_ms"])
            handoffs.append({"tweet_id": t["id_str"], "user_id": t["_to"], "dm_followed": bool(after),
                             "seconds": (after[0] - t["_ms"]) // 1000 if after else None})
    generated = iso(w.end)
    full.close(w.owner, w.owner.name, generated)
    T = {"seed": a.seed, "layout": a.layout, "templates": a.templates,
         "owner": {"account_id": O, "username": w.owner.handle},
         "generated_at": generated,
         "counts": full.counts(),
         "inbound": inbound,
         "inbound_auto_senders": sorted((k for k, v in inbound.items() if v["auto"]), key=int),
         "outbound_auto_message_ids": [str(x) for x in sorted(out_auto)],
         "outbound_templates": [{"template": k, "messages": v[0], "recipients": len(v[1])} for k, v in sorted(tmpl_stats.items())],
         "exposure": [exposure[k] for k in sorted(exposure, key=lambda k: (k[0], k[1]))],
         "etiquette": {"conversations": eti, "totals": truth.etiquette_totals(eti),
                       "p90_definition": "nearest rank: sorted[ceil(0.9*n)-1]"},
         "handoffs": handoffs,
         "handoff_definition": "dm_followed: the replied-to user sent the owner a 1:1 message after the tweet; seconds = floor to the first such message"}
    if early:
        early.close(w.owner, w.owner.name, iso(cutoff))
        ec = early.counts()
        fc = full.counts()
        uc = {"dm_conversations": len(full.count_conv | early.count_conv),
              "dm_messages": len(full.count_msg | early.count_msg),
              "group_conversations": len(full.gcount_conv | early.gcount_conv),
              "group_messages": len(full.gcount_msg | early.gcount_msg),
              "tweets": len(full.tweets | early.tweets),
              "followers": fc["followers"], "following": fc["following"]}
        ef, ff = set(w.early_followers), set(w.followers)
        T["snapshots"] = {"early": os.path.basename(epath), "early_generated_at": iso(cutoff),
                          "early_counts": ec, "union_counts": uc,
                          "follower_changes": {"gained": len(ff - ef), "lost": len(ef - ff)},
                          "deleted_message_ids": sorted(str(x) for x in (early.count_msg - full.count_msg)),
                          "vanished_conversation_ids": sorted((early.count_conv | early.gcount_conv) - (full.count_conv | full.gcount_conv)),
                          "followers_gained": sorted(str(x) for x in ff - ef),
                          "followers_lost": sorted(str(x) for x in ef - ff),
                          "following_gained": sorted(str(x) for x in set(w.following) - set(w.early_following)),
                          "following_lost": sorted(str(x) for x in set(w.early_following) - set(w.following)),
                          "union_etiquette": {"conversations": eti_union, "totals": truth.etiquette_totals(eti_union)}}
    with open(truth_path, "w", encoding="utf-8") as f:
        json.dump(T, f, sort_keys=True, indent=1, ensure_ascii=False)
        f.write("\n")
    return 0

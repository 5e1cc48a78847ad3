"""Serialization in the archive's own styles and the ZIP/folder sinks."""

import json
import os
import zipfile

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def js(s):
    return _dumps(s)


def pretty(o, ind=""):
    """Jackson-like style of the data files: '"k" : v', arrays one item a line, '[ ]'."""
    if isinstance(o, dict):
        if not o:
            return "{ }"
        i2 = ind + "  "
        return "{\n" + ",\n".join("%s%s : %s" % (i2, js(k), pretty(v, i2)) for k, v in o.items()) + "\n" + ind + "}"
    if isinstance(o, list):
        if not o:
            return "[ ]"
        i2 = ind + "  "
        return "[\n" + ",\n".join(i2 + pretty(x, i2) for x in o) + "\n" + ind + "]"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if o is None:
        return "null"
    if isinstance(o, str):
        return js(o)
    return str(o)


def pretty_manifest(o, ind=""):
    """Jackson DefaultPrettyPrinter as in manifest.js: arrays inline '[ {' … '} ]'."""
    if isinstance(o, dict):
        if not o:
            return "{ }"
        i2 = ind + "  "
        return "{\n" + ",\n".join("%s%s : %s" % (i2, js(k), pretty_manifest(v, i2)) for k, v in o.items()) + "\n" + ind + "}"
    if isinstance(o, list):
        if not o:
            return "[ ]"
        return "[ " + ", ".join(pretty_manifest(x, ind) for x in o) + " ]"
    return pretty(o, ind)


def compact(o):
    return json.dumps(o, ensure_ascii=False, separators=(", ", " : "))


class Sink:
    """A ZIP file or a folder.  One entry is open at a time."""

    def __init__(self, path, folder, date_time, big):
        self.folder = folder
        self.path = path
        self.date_time = date_time
        self.big = big
        if folder:
            os.makedirs(path, exist_ok=True)
            self.zf = None
        else:
            self.zf = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    def open(self, name):
        return Entry(self, name)

    def put(self, name, data):
        e = self.open(name)
        e.write(data)
        e.close()

    def close(self):
        if self.zf:
            self.zf.close()


class Entry:
    def __init__(self, sink, name):
        self.buf = []
        self.size = 0
        if sink.folder:
            full = os.path.join(sink.path, name)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            self.f = open(full, "wb")
        else:
            zi = zipfile.ZipInfo(name, date_time=sink.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            self.f = sink.zf.open(zi, "w", force_zip64=sink.big)

    def write(self, s):
        if isinstance(s, bytes):
            self.flush()
            self.f.write(s)
            return
        self.buf.append(s)
        self.size += len(s)
        if self.size > 1 << 20:
            self.flush()

    def flush(self):
        if self.buf:
            self.f.write("".join(self.buf).encode("utf-8"))
            self.buf = []
            self.size = 0

    def close(self):
        self.flush()
        self.f.close()


# ---------------------------------------------------------------- DM items
I12 = " " * 12


def message_pretty(ev, m, with_recipient, edit_history):
    """One messages[] item at the fixed depth of direct-messages.js (8 spaces)."""
    if m["urls"]:
        urls = "[\n" + ",\n".join(
            '              {\n                "url" : %s,\n                "expanded" : %s,\n                "display" : %s\n              }'
            % (js(u), js(e), js(d)) for (u, e, d) in m["urls"]) + "\n            ]"
    else:
        urls = "[ ]"
    if m["reactions"]:
        reac = pretty(m["reactions"], I12)
    else:
        reac = "[ ]"
    media = pretty(m["media"], I12) if m["media"] else "[ ]"
    parts = ["        {\n          ", js(ev), " : {\n"]
    if with_recipient:
        parts.append('            "recipientId" : %s,\n' % js(m["recipient"]))
    parts.append('            "reactions" : %s,\n            "urls" : %s,\n            "text" : %s,\n            "mediaUrls" : %s,\n            "senderId" : %s,\n            "id" : "%d",\n            "createdAt" : "%s"'
                 % (reac, urls, js(m["text"]), media, js(m["sender"]), m["id"], m["iso"]))
    if edit_history:
        parts.append(',\n            "editHistory" : [ ]')
    parts.append("\n          }\n        }")
    return "".join(parts)


def header_pretty(m, with_recipient):
    rec = '            "recipientId" : %s,\n' % js(m["recipient"]) if with_recipient else ""
    return ('        {\n          "messageCreate" : {\n            "id" : "%d",\n            "senderId" : %s,\n%s            "createdAt" : "%s"\n          }\n        }'
            % (m["id"], js(m["sender"]), rec, m["iso"]))


def event_pretty(name, body):
    return "        {\n          " + js(name) + " : " + pretty(body, "          ") + "\n        }"


def conversation_pretty(cid, items):
    if not items:
        inner = "[ ]"
    else:
        inner = "[\n" + ",\n".join(items) + "\n      ]"
    return '  {\n    "dmConversation" : {\n      "conversationId" : %s,\n      "messages" : %s\n    }\n  }' % (js(cid), inner)


def message_obj(ev, m, with_recipient):
    d = {}
    if with_recipient:
        d["recipientId"] = m["recipient"]
    d["reactions"] = m["reactions"]
    d["urls"] = [{"url": u, "expanded": e, "display": dd} for (u, e, dd) in m["urls"]]
    d["text"] = m["text"]
    d["mediaUrls"] = m["media"]
    d["senderId"] = m["sender"]
    d["id"] = str(m["id"])
    d["createdAt"] = m["iso"]
    return {ev: d}

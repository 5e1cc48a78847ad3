"""Labels computed from the generated data by the contract's definitions.

These functions look only at the final message list of a conversation (after
chunk de-duplication) and at the owner's tweets; they know nothing about how
the data was generated."""

WEEK_MS = 604800 * 1000


def has_url(msg):
    return bool(msg["urls"]) or "http://" in msg["text"] or "https://" in msg["text"]


def conversation_etiquette(conv_id, owner_id, counterpart_id, messages, tweet_refs):
    """messages: dicts with id (int), ms (int), sender (str), text (as stored), urls (list).
    tweet_refs: sorted list of ms of owner tweets replying to or mentioning the counterpart."""
    msgs = sorted(messages, key=lambda m: (m["ms"], m["id"]))
    first = msgs[0]
    out = {"conversation_id": conv_id, "counterpart_id": counterpart_id,
           "initiated_by": "owner" if first["sender"] == owner_id else "counterpart",
           "first_response_seconds": None, "reply_seconds": [],
           "cold": None, "first_has_url": None, "owner_messages_before_reply": None}
    # reply_seconds: every run of consecutive counterpart messages answered by the owner
    run_start = None
    for m in msgs:
        if m["sender"] == owner_id:
            if run_start is not None:
                out["reply_seconds"].append((m["ms"] - run_start) // 1000)
                run_start = None
        elif run_start is None:
            run_start = m["ms"]
    if out["initiated_by"] == "counterpart":
        for m in msgs:
            if m["sender"] == owner_id:
                out["first_response_seconds"] = (m["ms"] - first["ms"]) // 1000
                break
    else:
        t = first["ms"]
        warm = any(t - WEEK_MS <= x < t for x in tweet_refs)
        out["cold"] = not warm
        out["first_has_url"] = has_url(first)
        n = 0
        for m in msgs:
            if m["sender"] != owner_id:
                break
            n += 1
        out["owner_messages_before_reply"] = n
    return out


def median(values):
    if not values:
        return None
    v = sorted(values)
    n = len(v)
    if n % 2:
        return v[n // 2]
    return (v[n // 2 - 1] + v[n // 2]) // 2


def p90(values):
    """Nearest-rank 90th percentile: sorted[ceil(0.9 n) - 1]."""
    if not values:
        return None
    v = sorted(values)
    k = -(-9 * len(v) // 10)
    return v[k - 1]


def etiquette_totals(convs):
    ci = [c for c in convs if c["initiated_by"] == "counterpart"]
    oi = [c for c in convs if c["initiated_by"] == "owner"]
    frs = [c["first_response_seconds"] for c in ci if c["first_response_seconds"] is not None]
    rs = [x for c in convs for x in c["reply_seconds"]]
    return {"counterpart_initiated": len(ci), "answered": len(frs), "unanswered": len(ci) - len(frs),
            "median_first_response_seconds": median(frs), "p90_first_response_seconds": p90(frs),
            "median_reply_seconds": median(rs), "owner_initiated": len(oi),
            "cold": sum(1 for c in oi if c["cold"]),
            "cold_with_url": sum(1 for c in oi if c["cold"] and c["first_has_url"]),
            "chased": sum(1 for c in oi if c["owner_messages_before_reply"] >= 2)}

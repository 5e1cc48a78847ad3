# The HTML audit as an owner reads it, on the bundled sample: what to fix
# first and the contents before the first section, links to x.com where the
# owner acts, tables that never break a cell at any character, durations in
# words, no field names or formulas, every list to act on complete, numbers
# that agree across the page, the text and the JSON, and a footer that says
# what made the page, from what, and when.
. "$(dirname "$0")/lib.sh"

db=$WORK/s.db
"$DMAUDIT" ingest --db "$db" "$SAMPLE_ZIP" >/dev/null 2>&1
"$DMAUDIT" report all --db "$db" --format json -o all.json
"$DMAUDIT" report all --db "$db" --format text >all.txt
status "html: report all --format html -o r.html" 0 \
	env SOURCE_DATE_EPOCH=1700000000 "$DMAUDIT" report all --db "$db" --format html -o r.html

# page.py QUERY: one fact about r.html (and all.json), parsed, printed
cat >page.py <<'PY'
import html, json, re, sys
from html.parser import HTMLParser

page = open("r.html", encoding="utf-8").read()
d = json.load(open("all.json"))

class Page(HTMLParser):
    """Headings with their ids in order; each table's heading and row count."""
    def __init__(self):
        super().__init__()
        self.blocks, self.heading, self.rows, self.in_tbody = [], None, {}, False
        self.hrefs, self.ids, self.text, self.tag = [], set(), [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if re.fullmatch(r"h[1-3]", tag):
            self.heading = a.get("id")
            self.blocks.append(("h", a.get("id")))
        if tag == "nav":
            self.blocks.append(("nav", a.get("class")))
        if tag == "tbody":
            self.in_tbody = True
        if tag == "tr" and self.in_tbody:
            self.rows[self.heading] = self.rows.get(self.heading, 0) + 1
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        self.tag = tag
    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_tbody = False
    def handle_data(self, data):
        if self.tag not in ("style", "svg", "path", "text", "title"):
            self.text.append(data)

p = Page()
p.feed(page)
text = " ".join(p.text)
et, ex, ad = d["etiquette"], d["exposure"], d["autodm"]
print(eval(sys.argv[1]))
PY
q() { python3 page.py "$1"; }

# ---- 2. a summary and contents before the first section ----
same "html: what to fix first opens the page, before the contents and the first report" \
	"$(q '[b for b in p.blocks if b[0] == "nav" or b[1] in ("fix-first", "exposure")][:3]')" \
	"[('h', 'fix-first'), ('nav', 'toc'), ('h', 'exposure')]"
same "html: every link to the page itself lands on a heading of it" \
	"$(q 'sorted(set(h for h in p.hrefs if h.startswith("#") and h[1:] not in p.ids))')" "[]"
same "html: the contents list every report" \
	"$(q 'all("#" + k in p.hrefs for k in ("exposure", "etiquette", "autodm", "summary"))')" True
same "html: the worst report comes first" \
	"$(q '[b[1] for b in p.blocks if b[1] in ("exposure", "etiquette", "autodm", "summary")]')" \
	"['exposure', 'etiquette', 'autodm', 'summary']"

# ---- 4. links to where the owner can act ----
for kind in messages i/status i/user; do
	same "html: links to x.com/$kind/" \
		"$(q "any(re.fullmatch(r'https://x\.com/$kind/[0-9-]+', h) for h in p.hrefs)")" True
done
grep -q 'https://x.com/messages/' all.txt && ok "text: the same links to conversations" ||
	fail "text: the same links to conversations"

# ---- 1. tables that scroll, cells that never break anywhere ----
if grep -q 'overflow-wrap:anywhere' r.html; then fail "html: no cell breaks at any character"
else ok "html: no cell breaks at any character"; fi
grep -q 'th,td{[^}]*white-space:nowrap' r.html && ok "html: headers, dates and ids stay on one line" ||
	fail "html: headers, dates and ids stay on one line"
same "html: every table in a box that scrolls sideways" \
	"$(grep -c '<table>' r.html)" "$(grep -c '<div class="scroll"><table>' r.html)"

# ---- 5. an owner's words ----
same "html: no field names as headers" "$(q 're.findall(r"<th[^>]*>[a-z]+_[a-z_]+</th>", page)')" "[]"
same "html: no field names, event names or formulas in the text" \
	"$(q '[w for w in ("_seconds", "counterpart", "welcomeMessageCreate", "floor(", "w = 0.2", "payment_card", "group_dm", "scores ") if w in text]')" "[]"
same "html: durations in words, days and hours" \
	"$(q 'bool(re.search(r"<td class=\"n\">[0-9]+ d [0-9]+ h</td>", page))')" True
same "html: the charts are titled by their captions" "$(grep -c '<title>Gnuplot</title>' r.html)" 0

# ---- 3. every list to act on complete, the page small ----
if grep -Eq 'and [0-9]+ more|all are in the JSON' r.html; then fail "html: no list cut short"
else ok "html: no list cut short"; fi
same "html: every unanswered conversation listed, people apart from automated senders" \
	"$(q 'p.rows.get("etiquette-unanswered", 0) + p.rows.get("etiquette-unanswered-bots", 0)')" \
	"$(json_get all.json "len(d['etiquette']['unanswered'])")"
same "html: the unanswered people are exactly those not judged automated" \
	"$(q 'p.rows.get("etiquette-unanswered", 0)')" \
	"$(json_get all.json "sum(1 for u in d['etiquette']['unanswered'] if not u['automated'])")"
same "html: every finding listed" "$(q 'p.rows.get("exposure-findings", 0)')" \
	"$(json_get all.json "len(d['exposure']['findings'])")"
same "html: every automated sender listed" "$(q 'p.rows.get("autodm-automated", 0)')" \
	"$(json_get all.json "sum(1 for x in d['autodm']['inbound'] if x['auto'])")"
same "html: the conversations table is a CSV file beside the page, linked" \
	"$(q '"r-etiquette-conversations.csv" in p.hrefs'); $(($(wc -l <r-etiquette-conversations.csv) - 1))" \
	"True; $(json_get all.json "len(d['etiquette']['conversations'])")"

# ---- 6. one number, said once, the same everywhere ----
people=$(json_get all.json "d['etiquette']['totals']['unanswered'] - d['etiquette']['stats']['unanswered_automated']")
same "html: what to fix first and the etiquette advice give the same unanswered count" \
	"$(q 'sorted(set(re.findall(r"Answer (?:the )?([0-9]+) (?:people|person)", text)))')" "['$people']"
grep -q "Answer the $people people\|Answer the $people person" all.txt &&
	ok "text: the same unanswered count" || fail "text: the same unanswered count"

same "html: conversations waiting again: one count in the summary, the advice and the list" \
	"$(q 'sorted(set(re.findall(r"Close the loop(?::| in) ([0-9]+) conversation", text)))')" \
	"$(q '[str(p.rows.get("etiquette-awaiting", 0))]')"
same "html: automated senders set apart from the conversations waiting again" \
	"$(q 'p.rows.get("etiquette-awaiting", 0) + p.rows.get("etiquette-awaiting-bots", 0)')" \
	"$(json_get all.json "len(d['etiquette']['awaiting_reply'])")"

# ---- 7. advice follows confidence ----
block=$(json_get all.json "sum(1 for x in d['autodm']['inbound'] if x['auto'] and x['confidence'] == 'near-certain' and x['kind'] in ('spam', 'scam', 'campaign'))")
same "html: block and report only the near-certain spam" \
	"$(q 'sorted(set(re.findall(r"Block and report (?:the )?([0-9]+) near-certain", text)))')" "['$block']"
same "html: no sender only likely automated is to be blocked" \
	"$(q 're.search(r"<td>block and report</td><td>[^<]*</td><td>likely</td>", page) is None')" True

# ---- 8. charts that answer one question each ----
"$DMAUDIT" charts --db "$db" -o ch >/dev/null 2>&1 || true
same "charts: automated senders counted by kind, every one of them" \
	"$(head -n 1 ch/autodm-senders.tsv); $(awk -F'\t' '!/^#/ { n += $2 } END { print n }' ch/autodm-senders.tsv)" \
	"# kind	senders	messages; $(json_get all.json "sum(1 for x in d['autodm']['inbound'] if x['auto'])")"
same "charts: unanswered per month sets automated senders apart" \
	"$(awk -F'\t' '!/^#/ { n += $4 } END { print n }' ch/unanswered.tsv)" \
	"$(json_get all.json "d['etiquette']['stats']['unanswered_automated']")"
if command -v gnuplot >/dev/null 2>&1; then
	same "html: no chart of a single bar" "$(q 'page.count("<figure")')" \
		"$(awk 'FNR == 1 { f = FILENAME } !/^#/ { n[f]++ } END { c = 0; for (k in n) if (n[k] > 1) c++; print c }' ch/*.tsv)"
fi

# ---- the footer ----
version=$("$DMAUDIT" --version | head -n 1 | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1)
same "html: the footer names version, archive, snapshot and when the page was made" \
	"$(q 'bool(re.search(r"<footer>dmaudit '"$version"' · archive of @northwind_goods \(account [0-9]+\), sample.zip, snapshot of 2023-09-03 · report made 2023-11-14 22:13 UTC", page))')" True

finish

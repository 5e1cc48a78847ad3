"""Generators of personal data in realistic surface formats.

Every generator takes a random.Random and a template set ("train" or
"holdout") and returns (type, value, sentence) where value is the exact
substring planted in sentence.  Values never contain '&', '<' or '>', so
HTML escaping of the message text leaves them intact.
"""

import string

FIRST = ["james", "maria", "li", "sofia", "ahmed", "emma", "lucas", "chloe",
         "noah", "aisha", "tom", "elena", "kenji", "olivia", "mateo", "hannah",
         "ravi", "zoe", "pierre", "ines", "jonas", "freya", "diego", "amara"]
LAST = ["smith", "garcia", "chen", "muller", "dubois", "rossi", "tanaka",
        "brown", "silva", "novak", "jensen", "okafor", "kowalski", "martin",
        "fischer", "lopez", "walsh", "schmidt", "moreau", "berg"]
DOMAINS_TRAIN = ["gmail.com", "outlook.com", "yahoo.co.uk", "web.de",
                 "hotmail.fr", "icloud.com"]
DOMAINS_HOLDOUT = ["proton.me", "gmx.net", "orange.fr", "libero.it",
                   "fastmail.com", "mail.ru", "btinternet.com"]


def luhn_complete(prefix, length, rng):
    digits = prefix + "".join(rng.choice(string.digits)
                              for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:          # will be doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban(country, bban):
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return "%s%02d%s" % (country, check, bban)


def iban_ok(value):
    v = value.replace(" ", "")
    r = v[4:] + v[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def _d(rng, n):
    s = "".join(rng.choice(string.digits) for _ in range(n))
    return s


def _nd(rng, n):
    """n digits, first non-zero, not degenerate."""
    while True:
        s = rng.choice("123456789") + _d(rng, n - 1)
        if len(set(s)) > 2:
            return s


def _U(rng, n):
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- emails
def email(rng, ts):
    f, l = rng.choice(FIRST), rng.choice(LAST)
    if ts == "train":
        dom = rng.choice(DOMAINS_TRAIN)
        local = rng.choice(["%s.%s" % (f, l), "%s%s" % (f[0], l), "%s_%s%d" % (f, l, rng.randint(1, 99))])
        ctx = rng.choice(["my email is {v}", "you can email me at {v}", "reach me on {v} please",
                          "the account email is {v}", "send the invoice to {v}"])
    else:
        dom = rng.choice(DOMAINS_HOLDOUT)
        local = rng.choice(["%s+shop@" % f, "%s.%s.%d@" % (l, f, rng.randint(1, 9)), "%s-%s@" % (f.upper(), l.upper())])[:-1]
        ctx = rng.choice(["mail: {v}", "correo: {v}", "write to {v} instead", "registered under {v}",
                          "contact {v} for the refund"])
    v = "%s@%s" % (local, dom)
    return "email", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- phones
def phone(rng, ts):
    if ts == "train":
        k = rng.randrange(6)
        if k == 0:
            v = "+44 20 7946 %s" % _d(rng, 4)
        elif k == 1:
            v = "+49 30 %s" % _nd(rng, 7)
        elif k == 2:
            v = "+1 (%s) %s-%s" % (rng.choice(["415", "646", "312", "617", "503"]), rng.choice(["555", "482", "739"]), "2" + _d(rng, 3))
        elif k == 3:
            v = "07700 900%s" % _d(rng, 3)
        elif k == 4:
            v = "+34 6%s %s %s" % (_d(rng, 2), _d(rng, 3), _d(rng, 3))
        else:
            v = "+1 %s %s %s" % (rng.choice(["212", "415", "718"]), rng.choice(["482", "739", "264"]), _nd(rng, 4))
        ctx = rng.choice(["call me on {v}", "my number is {v}", "phone: {v}", "text me at {v} if easier",
                          "mobile {v}, anytime after 6"])
    else:
        k = rng.randrange(6)
        if k == 0:
            v = "+33 6 %s %s %s %s" % (_d(rng, 2), _d(rng, 2), _d(rng, 2), _d(rng, 2))
        elif k == 1:
            v = "+81 90-%s-%s" % (_d(rng, 4), _d(rng, 4))
        elif k == 2:
            v = "+61 4%s %s %s" % (_d(rng, 2), _d(rng, 3), _d(rng, 3))
        elif k == 3:
            v = "0044 161 %s %s" % (_nd(rng, 3), _d(rng, 4))
        elif k == 4:
            v = "+1.%s.%s.%s" % (rng.choice(["646", "303", "206"]), rng.choice(["482", "739"]), _nd(rng, 4))
        else:
            v = "+39 3%s %s %s" % (_d(rng, 2), _d(rng, 3), _d(rng, 4))
        ctx = rng.choice(["whatsapp {v}", "ring {v}", "tel. {v}", "my cell: {v}", "llámame al {v}"])
    return "phone", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- cards
def payment_card(rng, ts):
    if ts == "train":
        k = rng.randrange(4)
        if k == 0:
            num, fmt = luhn_complete("4", 16, rng), "space"
        elif k == 1:
            num, fmt = luhn_complete(str(rng.randint(51, 55)), 16, rng), "none"
        elif k == 2:
            num, fmt = luhn_complete(str(rng.randint(2221, 2720)), 16, rng), "dash"
        else:
            num, fmt = luhn_complete(rng.choice(["34", "37"]), 15, rng), "amex"
        ctx = rng.choice(["my card number is {v}", "card: {v} exp 09/27", "I paid with {v}",
                          "the card ending was charged twice, full number {v}"])
    else:
        k = rng.randrange(4)
        if k == 0:
            num, fmt = luhn_complete(str(rng.randint(3528, 3589)), 16, rng), "dash"
        elif k == 1:
            num, fmt = luhn_complete("6011", 16, rng), "space"
        elif k == 2:
            num, fmt = luhn_complete("4", 16, rng), "dash"
        else:
            num, fmt = luhn_complete(rng.choice(["34", "37"]), 15, rng), "none"
        ctx = rng.choice(["charge it to {v}", "tarjeta {v}", "use this one: {v} (cvv in next msg)",
                          "cc {v}"])
    if fmt == "space":
        v = group4(num)
    elif fmt == "dash":
        v = group4(num).replace(" ", "-")
    elif fmt == "amex":
        v = "%s %s %s" % (num[:4], num[4:10], num[10:])
    else:
        v = num
    return "payment_card", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- IBAN
def _bban(rng, cc):
    if cc == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + _d(rng, 6) + _d(rng, 8)
    if cc == "DE":
        return _d(rng, 18)
    if cc == "FR":
        return _d(rng, 23)
    if cc == "ES":
        return _d(rng, 20)
    if cc == "NL":
        return rng.choice(["ABNA", "INGB", "RABO"]) + _d(rng, 10)
    if cc == "IT":
        return _U(rng, 1) + _d(rng, 10) + _d(rng, 12)
    if cc == "BE":
        return _d(rng, 12)
    if cc == "CH":
        return _d(rng, 17)
    if cc == "AT":
        return _d(rng, 16)
    if cc == "IE":
        return rng.choice(["AIBK", "BOFI"]) + _d(rng, 14)
    if cc == "PT":
        return _d(rng, 21)
    if cc == "PL":
        return _d(rng, 24)
    raise ValueError(cc)


def iban_value(rng, ts):
    cc = rng.choice(["GB", "DE", "FR", "ES", "NL", "IT"] if ts == "train"
                    else ["BE", "CH", "AT", "IE", "PT", "PL"])
    v = iban(cc, _bban(rng, cc))
    if rng.random() < 0.6:
        v = group4(v)
    if ts == "train":
        ctx = rng.choice(["IBAN {v}", "please refund to my IBAN: {v}", "my bank account IBAN is {v}",
                          "transfer it to {v} please"])
    else:
        ctx = rng.choice(["Kontonummer (IBAN) {v}", "refund → {v}", "iban:{v}", "bank details {v}, name as on profile"])
    return "iban", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- national ids
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def national_id(rng, ts):
    if ts == "train":
        k = rng.randrange(2)
        if k == 0:
            area = rng.choice([x for x in range(1, 900) if x != 666])
            v = "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
            ctx = rng.choice(["my SSN is {v}", "social security number {v}", "SSN: {v} if you need it"])
        else:
            # prefixes HMRC never issues are drawn again
            pre = "BG"
            while pre in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                pre = rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            v = "%s %s %s %s %s" % (pre, _d(rng, 2), _d(rng, 2), _d(rng, 2), rng.choice("ABCD"))
            ctx = rng.choice(["National Insurance number {v}", "my NI number is {v}"])
    else:
        k = rng.randrange(2)
        if k == 0:
            n = rng.randint(10000000, 99999999)
            v = "%d%s" % (n, DNI_LETTERS[n % 23])
            ctx = rng.choice(["mi DNI es {v}", "DNI {v}", "documento: {v}"])
        else:
            area = rng.choice([x for x in range(1, 900) if x != 666])
            v = "%03d %02d %04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
            ctx = rng.choice(["social sec # {v}", "SS no. {v} for the tax form"])
    return "national_id", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- account numbers
def account_number(rng, ts):
    if ts == "train":
        k = rng.randrange(3)
        if k == 0:
            v = _nd(rng, 8)
            ctx = "sort code %s-%s-%s, account number {v}" % (_d(rng, 2), _d(rng, 2), _d(rng, 2))
            # the sort code is part of the same finding; value is the account number
        elif k == 1:
            v = _nd(rng, 10)
            ctx = rng.choice(["my account number is {v}", "acct no {v}", "account # {v}"])
        else:
            v = "CU-%s" % _nd(rng, 7)
            ctx = "customer ID {v}"
    else:
        k = rng.randrange(3)
        if k == 0:
            v = _nd(rng, 9)
            ctx = "routing %s, a/c {v}" % ("0" + _nd(rng, 8))
        elif k == 1:
            v = "MBR%s" % _nd(rng, 8)
            ctx = rng.choice(["member id {v}", "loyalty number {v}"])
        else:
            v = _nd(rng, 12)
            ctx = rng.choice(["número de cuenta {v}", "policy no. {v}"])
    return "account_number", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- references
def reference_number(rng, ts):
    if ts == "train":
        k = rng.randrange(4)
        if k == 0:
            v = "#" + _nd(rng, 8)
            ctx = rng.choice(["order {v}", "my order number is {v}"])
        elif k == 1:
            v = _U(rng, 2) + _nd(rng, 6)
            ctx = "booking ref {v}"
        elif k == 2:
            v = _nd(rng, 8)
            ctx = "case number {v}"
        else:
            v = "TKT-" + _nd(rng, 6)
            ctx = "ticket {v}"
    else:
        k = rng.randrange(4)
        if k == 0:
            v = "ORD-%s-%s" % (_nd(rng, 4), _U(rng, 3))
            ctx = "pedido {v}"
        elif k == 1:
            v = _U(rng, 3) + _nd(rng, 5)
            ctx = "confirmation code {v}"
        elif k == 2:
            v = "INV" + _nd(rng, 7)
            ctx = "invoice {v}"
        else:
            v = _nd(rng, 10)
            ctx = "reservation no. {v}"
    return "reference_number", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- credentials
WORDS = ["Tulip", "Orbit", "Maple", "Falcon", "River", "Cobalt", "Pepper", "Summit"]


def credential(rng, ts):
    if ts == "train":
        k = rng.randrange(3)
        if k == 0:
            v = "%s%s%d" % (rng.choice(WORDS), rng.choice("#!$%"), rng.randint(10, 9999))
            ctx = rng.choice(["my password is {v}", "password: {v}", "login is me / pw {v}"])
        elif k == 1:
            v = _nd(rng, 4)
            ctx = "PIN {v}"
        else:
            v = _nd(rng, 6)
            ctx = rng.choice(["the verification code is {v}", "I got the code {v}, what now?"])
    else:
        k = rng.randrange(3)
        if k == 0:
            v = "%s_%s%d" % (rng.choice(WORDS).lower(), rng.choice(WORDS).lower(), rng.randint(1, 99))
            ctx = rng.choice(["contraseña: {v}", "pwd={v}", "passcode {v}"])
        elif k == 1:
            v = "G-" + _nd(rng, 6)
            ctx = "{v} is your verification code, don't share"
        else:
            v = _nd(rng, 6)
            ctx = "OTP {v} expires in 10 min"
    return "credential", v, ctx.replace("{v}", v)


# ---------------------------------------------------------------- addresses
US_STREETS = ["Maple Grove Ave NW", "Oak Street", "Lakeview Dr", "Cedar Ln", "Sunset Blvd", "Hillcrest Rd"]
US_CITIES = [("Springfield", "IL", "627"), ("Portland", "OR", "972"), ("Austin", "TX", "787"), ("Madison", "WI", "537")]
UK_STREETS = ["Baker Lane", "Victoria Road", "Mill Street", "Church Close"]
UK_CITIES = [("Leeds", "LS6 2AB"), ("Bristol", "BS8 1TH"), ("Manchester", "M14 5RX"), ("York", "YO10 3DD")]
DE_STREETS = ["Hauptstraße", "Lindenallee", "Bahnhofstraße", "Gartenweg"]
DE_CITIES = [("10115", "Berlin"), ("80331", "München"), ("50667", "Köln")]
FR_STREETS = ["rue des Lilas", "avenue Victor Hugo", "boulevard Voltaire"]
FR_CITIES = [("75011", "Paris"), ("69003", "Lyon"), ("33000", "Bordeaux")]


def postal_address(rng, ts):
    if ts == "train":
        k = rng.randrange(4)
        if k == 0:
            c = rng.choice(US_CITIES)
            v = "%d %s, %s, %s %s%s" % (rng.randint(12, 9800), rng.choice(US_STREETS), c[0], c[1], c[2], _d(rng, 2))
        elif k == 1:
            c = rng.choice(UK_CITIES)
            v = "%d %s, %s %s" % (rng.randint(2, 180), rng.choice(UK_STREETS), c[0], c[1])
        elif k == 2:
            c = rng.choice(DE_CITIES)
            v = "%s %d, %s %s" % (rng.choice(DE_STREETS), rng.randint(1, 120), c[0], c[1])
        else:
            c = rng.choice(FR_CITIES)
            v = "%d %s, %s %s" % (rng.randint(1, 90), rng.choice(FR_STREETS), c[0], c[1])
        ctx = rng.choice(["my address is {v}", "please ship to {v}", "I live at {v}", "send it to {v}"])
    else:
        k = rng.randrange(4)
        if k == 0:
            v = "Calle Mayor %d, 3º B, 28013 Madrid" % rng.randint(1, 90)
        elif k == 1:
            v = "Keizersgracht %d, 1015 CJ Amsterdam" % rng.randint(1, 700)
        elif k == 2:
            v = "%d King St W, Toronto, ON M5V 1J2" % rng.randint(10, 900)
        else:
            v = "Unit %d, %d George Street, Sydney NSW 2000" % (rng.randint(1, 40), rng.randint(10, 400))
        ctx = rng.choice(["dirección: {v}", "deliver to {v}", "new address → {v}", "home is {v}"])
    return "postal_address", v, ctx.replace("{v}", v)


MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def date_of_birth(rng, ts):
    y, m, d = rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)
    if ts == "train":
        k = rng.randrange(3)
        if k == 0:
            v = "%02d/%02d/%d" % (d, m, y)
            ctx = "DOB {v}"
        elif k == 1:
            v = "%s %d, %d" % (MONTHS[m - 1], d, y)
            ctx = "born on {v}"
        else:
            v = "%02d/%02d/%d" % (d, m, y)
            ctx = "fecha de nacimiento {v}"
    else:
        k = rng.randrange(3)
        if k == 0:
            v = "%d-%02d-%02d" % (y, m, d)
            ctx = "d.o.b. {v}"
        elif k == 1:
            v = "%d %s %d" % (d, MONTHS[m - 1], y)
            ctx = "my birthday is {v}"
        else:
            v = "%d年%d月%d日" % (y, m, d)
            ctx = "生年月日 {v}"
    return "date_of_birth", v, ctx.replace("{v}", v)


GENERATORS = [email, phone, payment_card, iban_value, national_id, account_number,
              reference_number, credential, postal_address, date_of_birth]
TYPES = ["email", "phone", "payment_card", "iban", "national_id", "account_number",
         "reference_number", "credential", "postal_address", "date_of_birth"]

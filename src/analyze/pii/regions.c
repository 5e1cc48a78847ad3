/*
 * regions: where the owner's contacts likely dial from, for reading phone
 * numbers written without "+CC". Twitter's account-timezone.js names a
 * Rails time zone ("Athens", "Pacific Time (US & Canada)"): a table maps it
 * to its country. The archive adds more: the calling codes its texts write
 * ("+254 …", "0030 …") and the scripts they use (Hangul, kana, Greek).
 */
#include "pii.h"
#include "phonelib.h"
#include "pii_check.h"
#include "scan.h"

#include <ctype.h>
#include <string.h>

/* Rails (ActiveSupport::TimeZone) names, as Twitter stores them, to ISO 3166. */
static const struct { const char *zone, *cc; } zones[] = {
	{"International Date Line West", "AS"}, {"Midway Island", "UM"}, {"American Samoa", "AS"},
	{"Hawaii", "US"}, {"Alaska", "US"}, {"Pacific Time (US & Canada)", "US"},
	{"Tijuana", "MX"}, {"Mountain Time (US & Canada)", "US"}, {"Arizona", "US"},
	{"Chihuahua", "MX"}, {"Mazatlan", "MX"}, {"Central Time (US & Canada)", "US"},
	{"Saskatchewan", "CA"}, {"Guadalajara", "MX"}, {"Mexico City", "MX"},
	{"Monterrey", "MX"}, {"Central America", "GT"}, {"Eastern Time (US & Canada)", "US"},
	{"Indiana (East)", "US"}, {"Bogota", "CO"}, {"Lima", "PE"}, {"Quito", "EC"},
	{"Atlantic Time (Canada)", "CA"}, {"Caracas", "VE"}, {"La Paz", "BO"},
	{"Santiago", "CL"}, {"Newfoundland", "CA"}, {"Brasilia", "BR"}, {"Buenos Aires", "AR"},
	{"Montevideo", "UY"}, {"Georgetown", "GY"}, {"Puerto Rico", "PR"}, {"Greenland", "GL"},
	{"Mid-Atlantic", "BR"}, {"Azores", "PT"}, {"Cape Verde Is.", "CV"},
	{"Dublin", "IE"}, {"Edinburgh", "GB"}, {"Lisbon", "PT"}, {"London", "GB"},
	{"Casablanca", "MA"}, {"Monrovia", "LR"}, {"UTC", ""}, {"Amsterdam", "NL"},
	{"Belgrade", "RS"}, {"Berlin", "DE"}, {"Bern", "CH"}, {"Bratislava", "SK"},
	{"Brussels", "BE"}, {"Budapest", "HU"}, {"Copenhagen", "DK"}, {"Ljubljana", "SI"},
	{"Madrid", "ES"}, {"Paris", "FR"}, {"Prague", "CZ"}, {"Rome", "IT"},
	{"Sarajevo", "BA"}, {"Skopje", "MK"}, {"Stockholm", "SE"}, {"Vienna", "AT"},
	{"Warsaw", "PL"}, {"West Central Africa", "NG"}, {"Zagreb", "HR"}, {"Zurich", "CH"},
	{"Athens", "GR"}, {"Bucharest", "RO"}, {"Cairo", "EG"}, {"Harare", "ZW"},
	{"Helsinki", "FI"}, {"Jerusalem", "IL"}, {"Kaliningrad", "RU"}, {"Kyiv", "UA"},
	{"Kyev", "UA"}, {"Pretoria", "ZA"}, {"Riga", "LV"}, {"Sofia", "BG"}, {"Tallinn", "EE"},
	{"Vilnius", "LT"}, {"Baghdad", "IQ"}, {"Istanbul", "TR"}, {"Kuwait", "KW"},
	{"Minsk", "BY"}, {"Moscow", "RU"}, {"Nairobi", "KE"}, {"Riyadh", "SA"},
	{"St. Petersburg", "RU"}, {"Volgograd", "RU"}, {"Tehran", "IR"}, {"Abu Dhabi", "AE"},
	{"Baku", "AZ"}, {"Muscat", "OM"}, {"Samara", "RU"}, {"Tbilisi", "GE"},
	{"Yerevan", "AM"}, {"Kabul", "AF"}, {"Almaty", "KZ"}, {"Ekaterinburg", "RU"},
	{"Islamabad", "PK"}, {"Karachi", "PK"}, {"Tashkent", "UZ"}, {"Chennai", "IN"},
	{"Kolkata", "IN"}, {"Mumbai", "IN"}, {"New Delhi", "IN"}, {"Sri Jayawardenepura", "LK"},
	{"Kathmandu", "NP"}, {"Astana", "KZ"}, {"Dhaka", "BD"}, {"Urumqi", "CN"},
	{"Rangoon", "MM"}, {"Bangkok", "TH"}, {"Hanoi", "VN"}, {"Jakarta", "ID"},
	{"Krasnoyarsk", "RU"}, {"Novosibirsk", "RU"}, {"Beijing", "CN"}, {"Chongqing", "CN"},
	{"Hong Kong", "HK"}, {"Irkutsk", "RU"}, {"Kuala Lumpur", "MY"}, {"Perth", "AU"},
	{"Singapore", "SG"}, {"Taipei", "TW"}, {"Ulaanbaatar", "MN"}, {"Osaka", "JP"},
	{"Sapporo", "JP"}, {"Seoul", "KR"}, {"Tokyo", "JP"}, {"Yakutsk", "RU"},
	{"Adelaide", "AU"}, {"Darwin", "AU"}, {"Brisbane", "AU"}, {"Canberra", "AU"},
	{"Guam", "GU"}, {"Hobart", "AU"}, {"Melbourne", "AU"}, {"Port Moresby", "PG"},
	{"Sydney", "AU"}, {"Vladivostok", "RU"}, {"Magadan", "RU"}, {"New Caledonia", "NC"},
	{"Solomon Is.", "SB"}, {"Srednekolymsk", "RU"}, {"Auckland", "NZ"}, {"Fiji", "FJ"},
	{"Kamchatka", "RU"}, {"Marshall Is.", "MH"}, {"Wellington", "NZ"},
	{"Chatham Is.", "NZ"}, {"Nuku'alofa", "TO"}, {"Tokelau Is.", "TK"}, {"Samoa", "WS"},
};

void pii_regions_add(struct pii_regions *r, const char *cc)
{
	if (!cc || strlen(cc) != 2)
		return;
	for (int i = 0; i < r->n; i++)
		if (!memcmp(r->cc[i], cc, 2))
			return;
	if (r->n < PII_MAX_REGIONS) {
		memcpy(r->cc[r->n], cc, 3);
		r->n++;
	}
}

int pii_regions_from_tld(struct pii_regions *r, const char *tld)
{
	/* sold to anyone, or a word more than a country */
	static const char *const open[] = { "co", "io", "ai", "me", "tv", "ly", "fm", "gg", "to", "cc",
					    "ws", "nu", "tk", "gl", "la", "am", "st", "sh", "ac", "vc",
					    "so", "is", "eu", "su", "im", "ms", "mu", "ag", "bz", "gs",
					    "pw", "sx", "tel", "id", NULL };
	if (!tld || strlen(tld) != 2 || !isalpha((unsigned char)tld[0]) ||
	    !isalpha((unsigned char)tld[1]))
		return -1;
	for (size_t i = 0; open[i]; i++)
		if (!strcmp(tld, open[i]))
			return -1;
	char cc[3] = { (char)toupper((unsigned char)tld[0]), (char)toupper((unsigned char)tld[1]), '\0' };
	if (!strcmp(cc, "UK"))
		memcpy(cc, "GB", 3);
	if (!phonelib_known_region(cc))
		return -1;
	pii_regions_add(r, cc);
	return 0;
}

int pii_regions_from_timezone(struct pii_regions *r, const char *tz)
{
	if (!tz)
		return -1;
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		if (!strcmp(zones[i].zone, tz)) {
			pii_regions_add(r, zones[i].cc);
			return 0;
		}
	}
	/* an IANA name, America/New_York: no country in it worth guessing */
	return -1;
}

/* Script of the UTF-8 character starting with bytes b0 b1 b2 (see enum in pii.h). */
static int script_of(const unsigned char *p, size_t avail)
{
	unsigned c;
	if (p[0] >= 0xc0 && p[0] < 0xe0 && avail >= 2)
		c = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
	else if (p[0] >= 0xe0 && p[0] < 0xf0 && avail >= 3)
		c = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
	else
		return -1;
	if (c >= 0x370 && c < 0x400)
		return PII_SCRIPT_GREEK;
	if (c >= 0x590 && c < 0x600)
		return PII_SCRIPT_HEBREW;
	if (c >= 0x1200 && c < 0x1380)
		return PII_SCRIPT_ETHIOPIC;
	if (c >= 0x400 && c < 0x530)
		return PII_SCRIPT_CYRILLIC;
	if (c >= 0x900 && c < 0x980)
		return PII_SCRIPT_DEVANAGARI;
	if (c >= 0xe00 && c < 0xe80)
		return PII_SCRIPT_THAI;
	if ((c >= 0x3040 && c < 0x3100))
		return PII_SCRIPT_KANA;
	if (c >= 0xac00 && c < 0xd7a4)
		return PII_SCRIPT_HANGUL;
	if (c >= 0x4e00 && c < 0xa000)
		return PII_SCRIPT_HAN;
	return -1;
}

void pii_seen_observe(struct pii_seen *seen, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	unsigned scripts = 0;
	seen->texts++;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = t[i];
		if (c >= 0xc0) {
			int sc = script_of(t + i, len - i);
			if (sc >= 0)
				scripts |= 1u << sc;
			continue;
		}
		/* an e-mail address's country domain: "…@haskegirls.org.ng" */
		if (c == '@' && i > 0) {
			size_t e = i + 1;
			while (e < len && (isalnum(t[e]) || t[e] == '-' ||
					   (t[e] == '.' && e + 1 < len && isalnum(t[e + 1]))))
				e++;
			if (e >= i + 5 && t[e - 3] == '.' && isalpha(t[e - 2]) && isalpha(t[e - 1])) {
				int a = tolower(t[e - 2]) - 'a', b = tolower(t[e - 1]) - 'a';
				seen->tld[a * 26 + b]++;
			}
			i = e - 1;
			continue;
		}
		/* "+CC" or "00CC" before a digit run: read the code as the library would */
		size_t q;
		if (c == '+' && i + 1 < len && is_digit(t[i + 1]))
			q = i + 1;
		else if (c == '0' && i + 2 < len && t[i + 1] == '0' && is_digit(t[i + 2]) &&
			 t[i + 2] != '0' && (i == 0 || !is_digit(t[i - 1])))
			q = i + 2;
		else
			continue;
		char d[4];
		size_t n = 0;
		while (q + n < len && n < 3 && is_digit(t[q + n])) {
			d[n] = (char)t[q + n];
			n++;
		}
		int mn, mx, k = pii_e164_cc(d, n, &mn, &mx);
		if (k) {
			int code = 0;
			for (int j = 0; j < k; j++)
				code = code * 10 + (d[j] - '0');
			if (code < 1000)
				seen->calling[code]++;
		}
		i = q;
	}
	for (int s = 0; s < PII_SCRIPT__COUNT; s++)
		if (scripts & (1u << s))
			seen->script[s]++;
}

void pii_regions_from_seen(struct pii_regions *r, const struct pii_seen *seen)
{
	/* scripts used in at least 2% of the texts, and by 3 of them at least */
	static const char *const script_cc[PII_SCRIPT__COUNT][3] = {
		[PII_SCRIPT_GREEK] = { "GR", "CY" }, [PII_SCRIPT_CYRILLIC] = { "RU", "UA" },
		[PII_SCRIPT_DEVANAGARI] = { "IN" },  [PII_SCRIPT_THAI] = { "TH" },
		[PII_SCRIPT_KANA] = { "JP" },        [PII_SCRIPT_HANGUL] = { "KR" },
		[PII_SCRIPT_HAN] = { "CN", "TW", "HK" }, [PII_SCRIPT_HEBREW] = { "IL" },
		[PII_SCRIPT_ETHIOPIC] = { "ET" },
	};
	size_t floor = seen->texts / 50 > 3 ? seen->texts / 50 : 3;
	for (int s = 0; s < PII_SCRIPT__COUNT; s++) {
		if (seen->script[s] < floor)
			continue;
		/* Han with kana is Japanese */
		if (s == PII_SCRIPT_HAN && seen->script[PII_SCRIPT_KANA] * 2 > seen->script[s])
			continue;
		for (int k = 0; k < 3 && script_cc[s][k]; k++)
			pii_regions_add(r, script_cc[s][k]);
	}
	/* country domains of e-mail addresses written twice or more */
	for (int k = 0; k < 26 * 26; k++)
		if (seen->tld[k] >= 2) {
			char tld[3] = { (char)('a' + k / 26), (char)('a' + k % 26), '\0' };
			pii_regions_from_tld(r, tld);
		}
	/* calling codes written twice or more, most frequent first */
	for (int round = 0; round < PII_MAX_REGIONS; round++) {
		int best = 0;
		unsigned bestn = 1;
		for (int c = 1; c < 1000; c++)
			if (seen->calling[c] > bestn) {
				bool have = false;
				char cc[3];
				if (phonelib_region(c, cc))
					continue;
				for (int i = 0; i < r->n; i++)
					have = have || !memcmp(r->cc[i], cc, 2);
				if (!have) {
					best = c;
					bestn = seen->calling[c];
				}
			}
		if (!best)
			break;
		char cc[3];
		if (!phonelib_region(best, cc))
			pii_regions_add(r, cc);
	}
}

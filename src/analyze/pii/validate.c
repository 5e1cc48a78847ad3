/*
 * validate: checksums and tables that turn a candidate into a finding.
 * Tables are static and sorted by hand; nothing here allocates.
 */
#include "pii_check.h"

#include <string.h>

bool pii_luhn(const char *d, size_t n)
{
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned v = (unsigned)(d[n - 1 - i] - '0');
		if (v > 9)
			return false;
		if (i & 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return n > 0 && sum % 10 == 0;
}

static unsigned prefix(const char *d, size_t n, size_t k)
{
	unsigned v = 0;
	for (size_t i = 0; i < k && i < n; i++)
		v = v * 10 + (unsigned)(d[i] - '0');
	return v;
}

bool pii_card_iin(const char *d, size_t n)
{
	unsigned p1 = prefix(d, n, 1), p2 = prefix(d, n, 2), p3 = prefix(d, n, 3);
	unsigned p4 = prefix(d, n, 4), p6 = prefix(d, n, 6);
	if (n < 12 || n > 19)
		return false;
	if (p1 == 4)                                   /* Visa */
		return n == 13 || n == 16 || n == 19;
	if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
		return n == 16;                        /* Mastercard, 2-series since 2017 */
	if (p4 >= 2200 && p4 <= 2204)                  /* Mir */
		return n >= 16;
	if (p2 == 34 || p2 == 37)                      /* American Express */
		return n == 15;
	if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 ||
	    (p6 >= 622126 && p6 <= 622925))
		return n >= 16;                        /* Discover */
	if (p4 >= 3528 && p4 <= 3589)                  /* JCB */
		return n >= 16;
	if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39)
		return n >= 14;                        /* Diners Club */
	if (p2 == 62)                                  /* UnionPay */
		return n >= 16;
	if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67)
		return n >= 12;                        /* Maestro */
	if (p4 == 9792)                                /* Troy (Turkey) */
		return n == 16;
	return false;
}

/*
 * Italian codice fiscale: six letters, two digits, a month letter, two
 * digits, a letter and three digits (the place), then the check letter over
 * the first fifteen (odd and even positions weigh differently).
 */
bool pii_codice_fiscale_valid(const char *s, size_t n)
{
	static const char shape[] = "AAAAAA99A99A999A";
	static const unsigned char odd[36] = {   /* 0-9, then A-Z */
		1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20,
		11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
	};
	if (n != 16)
		return false;
	unsigned sum = 0;
	for (size_t i = 0; i < 16; i++) {
		char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i];
		bool digit = c >= '0' && c <= '9', letter = c >= 'A' && c <= 'Z';
		if (shape[i] == 'A' ? !letter : !digit)
			return false;
		if (i == 15)
			return c == (char)('A' + sum % 26);
		unsigned v = digit ? (unsigned)(c - '0') : (unsigned)(c - 'A') + 10;
		sum += i % 2 == 0 ? odd[v] : (digit ? v : v - 10);
	}
	return false;
}

bool pii_card_valid(const char *d, size_t n)
{
	return pii_card_iin(d, n) && pii_luhn(d, n) && !pii_degenerate(d, n);
}

/* IBAN lengths: the registry's countries, and those that use the form
 * nationally (Morocco, Algeria, Iran, the CFA franc zones, Angola, ...) */
static const struct { char cc[3]; unsigned char len; } iban_len[] = {
	{"AD", 24}, {"AE", 23}, {"AL", 28}, {"AO", 25}, {"AT", 20}, {"AZ", 28}, {"BA", 20},
	{"BE", 16}, {"BF", 28}, {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BJ", 28}, {"BR", 29},
	{"BY", 28}, {"CF", 27}, {"CG", 27}, {"CH", 21}, {"CI", 28}, {"CM", 27}, {"CR", 22},
	{"CV", 25}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28},
	{"DZ", 26}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18},
	{"FR", 27}, {"GA", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GQ", 27},
	{"GR", 27}, {"GT", 28}, {"GW", 25}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
	{"IL", 23}, {"IQ", 23}, {"IR", 26}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KM", 27},
	{"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
	{"LV", 21}, {"LY", 25}, {"MA", 28}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MG", 27},
	{"MK", 19}, {"ML", 28}, {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"MZ", 25},
	{"NE", 28}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
	{"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
	{"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SN", 28},
	{"SO", 23}, {"ST", 25}, {"SV", 28}, {"TD", 27}, {"TG", 28}, {"TL", 23}, {"TN", 24},
	{"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

int pii_iban_length(const char *cc)
{
	size_t lo = 0, hi = sizeof(iban_len) / sizeof(iban_len[0]);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(iban_len[mid].cc, cc, 2);
		if (!c)
			return iban_len[mid].len;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int alnum_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return -1;
}

bool pii_iban_valid(const char *s, size_t n)
{
	if (n < 15 || n > 34 || (int)n != pii_iban_length(s))
		return false;
	if (s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9')
		return false;
	/* mod 97 of the number read from s[4..] then s[0..4), letters as 10..35 */
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		int v = alnum_value(s[(k + 4) % n]);
		if (v < 0)
			return false;
		rem = v >= 10 ? (rem * 100 + (unsigned)v) % 97 : (rem * 10 + (unsigned)v) % 97;
	}
	return rem == 1;
}

bool pii_ssn_valid(const char *d)
{
	unsigned area = prefix(d, 9, 3), group = prefix(d + 3, 6, 2), serial = prefix(d + 5, 4, 4);
	if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
		return false;
	if (!memcmp(d, "078051120", 9) || !memcmp(d, "219099999", 9) ||
	    !memcmp(d, "123456789", 9) || !memcmp(d, "987654321", 9))
		return false;
	return !pii_degenerate(d, 9);
}

/*
 * Country calling codes (ITU-T E.164) with the national number lengths in
 * use, after libphonenumber's metadata, rounded to a range. Codes are prefix
 * free, so the first that matches is the one.
 */
static const struct { const char *cc; unsigned char min, max; } e164[] = {
	{"1", 10, 10}, {"7", 10, 10}, {"20", 8, 10}, {"27", 9, 9}, {"30", 10, 10},
	{"31", 9, 9}, {"32", 8, 9}, {"33", 9, 9}, {"34", 9, 9}, {"36", 8, 9}, {"39", 6, 11},
	{"40", 9, 9}, {"41", 9, 9}, {"43", 7, 13}, {"44", 9, 10}, {"45", 8, 8}, {"46", 7, 10},
	{"47", 8, 8}, {"48", 9, 9}, {"49", 6, 13}, {"51", 8, 9}, {"52", 10, 10}, {"53", 8, 8},
	{"54", 10, 11}, {"55", 10, 11}, {"56", 9, 9}, {"57", 10, 10}, {"58", 10, 10},
	{"60", 8, 10}, {"61", 9, 9}, {"62", 8, 12}, {"63", 8, 10}, {"64", 8, 10}, {"65", 8, 8},
	{"66", 8, 9}, {"81", 9, 10}, {"82", 8, 10}, {"84", 9, 10}, {"86", 10, 11}, {"90", 10, 10},
	{"91", 10, 10}, {"92", 9, 10}, {"93", 9, 9}, {"94", 9, 9}, {"95", 7, 10}, {"98", 10, 10},
	{"211", 9, 9}, {"212", 9, 9}, {"213", 8, 9}, {"216", 8, 8}, {"218", 9, 9}, {"220", 7, 7},
	{"221", 9, 9}, {"222", 8, 8}, {"223", 8, 8}, {"224", 8, 9}, {"225", 8, 10}, {"226", 8, 8},
	{"227", 8, 8}, {"228", 8, 8}, {"229", 8, 8}, {"230", 7, 8}, {"231", 7, 9}, {"232", 8, 8},
	{"233", 9, 9}, {"234", 8, 10}, {"235", 8, 8}, {"236", 8, 8}, {"237", 8, 9}, {"238", 7, 7},
	{"239", 7, 7}, {"240", 9, 9}, {"241", 7, 8}, {"242", 9, 9}, {"243", 9, 9}, {"244", 9, 9},
	{"245", 7, 9}, {"246", 7, 7}, {"248", 7, 7}, {"249", 9, 9}, {"250", 9, 9}, {"251", 9, 9},
	{"252", 7, 9}, {"253", 8, 8}, {"254", 9, 10}, {"255", 9, 9}, {"256", 9, 9}, {"257", 8, 8},
	{"258", 8, 9}, {"260", 9, 9}, {"261", 9, 9}, {"262", 9, 9}, {"263", 9, 10}, {"264", 8, 9},
	{"265", 7, 9}, {"266", 8, 8}, {"267", 7, 8}, {"268", 8, 8}, {"269", 7, 7}, {"290", 4, 5},
	{"291", 7, 7}, {"297", 7, 7}, {"298", 6, 6}, {"299", 6, 6}, {"350", 8, 8}, {"351", 9, 9},
	{"352", 6, 11}, {"353", 7, 9}, {"354", 7, 9}, {"355", 8, 9}, {"356", 8, 8}, {"357", 8, 8},
	{"358", 6, 12}, {"359", 8, 9}, {"370", 8, 8}, {"371", 8, 8}, {"372", 7, 8}, {"373", 8, 8},
	{"374", 8, 8}, {"375", 9, 10}, {"376", 6, 9}, {"377", 8, 9}, {"378", 6, 10}, {"380", 9, 9},
	{"381", 8, 12}, {"382", 8, 9}, {"383", 8, 9}, {"385", 8, 9}, {"386", 8, 8}, {"387", 8, 9},
	{"389", 8, 8}, {"420", 9, 9}, {"421", 9, 9}, {"423", 7, 9}, {"500", 5, 5}, {"501", 7, 7},
	{"502", 8, 8}, {"503", 8, 8}, {"504", 8, 8}, {"505", 8, 8}, {"506", 8, 8}, {"507", 7, 8},
	{"508", 6, 6}, {"509", 8, 8}, {"590", 9, 9}, {"591", 8, 8}, {"592", 7, 7}, {"593", 8, 9},
	{"594", 9, 9}, {"595", 9, 9}, {"596", 9, 9}, {"597", 6, 7}, {"598", 8, 8}, {"599", 7, 8},
	{"670", 7, 8}, {"672", 6, 6}, {"673", 7, 7}, {"674", 7, 7}, {"675", 7, 8}, {"676", 5, 7},
	{"677", 5, 7}, {"678", 5, 7}, {"679", 7, 7}, {"680", 7, 7}, {"681", 6, 6}, {"682", 5, 5},
	{"683", 4, 4}, {"685", 5, 7}, {"686", 5, 8}, {"687", 6, 6}, {"688", 5, 6}, {"689", 6, 8},
	{"690", 4, 4}, {"691", 7, 7}, {"692", 7, 7}, {"850", 8, 10}, {"852", 8, 8}, {"853", 8, 8},
	{"855", 8, 9}, {"856", 8, 10}, {"880", 10, 10}, {"886", 8, 9}, {"960", 7, 7},
	{"961", 7, 8}, {"962", 8, 9}, {"963", 8, 9}, {"964", 10, 10}, {"965", 8, 8},
	{"966", 9, 9}, {"967", 7, 9}, {"968", 8, 8}, {"970", 9, 9}, {"971", 8, 9}, {"972", 8, 9},
	{"973", 8, 8}, {"974", 8, 8}, {"975", 7, 8}, {"976", 8, 8}, {"977", 8, 10}, {"992", 9, 9},
	{"993", 8, 8}, {"994", 9, 9}, {"995", 9, 9}, {"996", 9, 9}, {"998", 9, 9},
};

int pii_e164_cc(const char *d, size_t n, int *minlen, int *maxlen)
{
	for (size_t i = 0; i < sizeof(e164) / sizeof(e164[0]); i++) {
		size_t k = strlen(e164[i].cc);
		if (k <= n && !memcmp(d, e164[i].cc, k)) {
			*minlen = e164[i].min;
			*maxlen = e164[i].max;
			return (int)k;
		}
	}
	return 0;
}

bool pii_nino_valid(const char *s, size_t n)
{
	static const char *const bad_prefix[] = { "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" };
	if (n != 9)
		return false;
	for (int i = 0; i < 2; i++)
		if (s[i] < 'A' || s[i] > 'Z' || strchr("DFIQUV", s[i]))
			return false;
	if (s[1] == 'O')
		return false;
	for (int i = 2; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	if (s[8] < 'A' || s[8] > 'D')
		return false;
	for (size_t i = 0; i < sizeof(bad_prefix) / sizeof(bad_prefix[0]); i++)
		if (!memcmp(s, bad_prefix[i], 2))
			return false;
	return true;
}

bool pii_dni_valid(const char *s, size_t n)
{
	static const char letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
	unsigned long v = 0;
	size_t i = 0;
	if (n != 9)
		return false;
	if (s[0] == 'X' || s[0] == 'Y' || s[0] == 'Z') {   /* NIE: the letter stands for 0/1/2 */
		v = (unsigned long)(s[0] - 'X');
		i = 1;
	}
	for (; i < 8; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	char c = s[8];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return letters[v % 23] == c;
}

bool pii_cpf_valid(const char *d)
{
	bool same = true;
	for (int i = 0; i < 11; i++) {
		if (d[i] < '0' || d[i] > '9')
			return false;
		same = same && d[i] == d[0];
	}
	if (same)
		return false;   /* 111.111.111-11 passes the checksum */
	for (int k = 9; k <= 10; k++) {
		int sum = 0;
		for (int i = 0; i < k; i++)
			sum += (d[i] - '0') * (k + 1 - i);
		int check = sum * 10 % 11 % 10;
		if (check != d[k] - '0')
			return false;
	}
	return true;
}

bool pii_pt_nif_valid(const char *d, size_t n)
{
	if (n != 9 || !pii_all_digits(d, 9) || !strchr("1235689", d[0]) || pii_degenerate(d, 9))
		return false;
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (d[i] - '0') * (9 - i);
	int check = 11 - sum % 11;
	if (check >= 10)
		check = 0;
	return check == d[8] - '0';
}

bool pii_ru_snils_valid(const char *d, size_t n)
{
	if (n != 11 || !pii_all_digits(d, 11) || pii_degenerate(d, 9))
		return false;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (d[i] - '0') * (9 - i);
	int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101;
	if (check == 100)
		check = 0;
	return check == (d[9] - '0') * 10 + (d[10] - '0');
}

bool pii_no_account_valid(const char *d, size_t n)
{
	static const int w[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	if (n != 11 || !pii_all_digits(d, 11) || pii_degenerate(d, 11))
		return false;
	int sum = 0;
	for (int i = 0; i < 10; i++)
		sum += (d[i] - '0') * w[i];
	int r = sum % 11, check = r ? 11 - r : 0;
	return check != 10 && check == d[10] - '0';
}

bool pii_cl_rut_valid(const char *d, size_t n, char check)
{
	if (n < 7 || n > 8 || pii_degenerate(d, n))
		return false;
	int sum = 0, w = 2;
	for (size_t i = n; i-- > 0;) {
		if (d[i] < '0' || d[i] > '9')
			return false;
		sum += (d[i] - '0') * w;
		w = w == 7 ? 2 : w + 1;
	}
	int r = 11 - sum % 11;
	char want = r == 11 ? '0' : r == 10 ? 'K' : (char)('0' + r);
	return (check == 'k' ? 'K' : check) == want;
}

static int two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

bool pii_all_digits(const char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d[i] < '0' || d[i] > '9')
			return false;
	return true;
}

/* A date of two-digit year, month and day, in either century. */
static bool yymmdd_valid(int yy, int mm, int dd)
{
	return pii_date_valid(1900 + yy, mm, dd) || pii_date_valid(2000 + yy, mm, dd);
}

bool pii_cnp_valid(const char *d, size_t n)
{
	static const int weight[12] = { 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9 };
	if (n != 13 || !pii_all_digits(d, n) || d[0] == '0' || d[0] == '9')
		return false;
	static const int century[9] = { 0, 1900, 1900, 1800, 1800, 2000, 2000, 1900, 1900 };
	if (!pii_date_valid(century[d[0] - '0'] + two(d + 1), two(d + 3), two(d + 5)))
		return false;
	int sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (d[i] - '0') * weight[i];
	int c = sum % 11 == 10 ? 1 : sum % 11;
	return c == d[12] - '0';
}

bool pii_amka_valid(const char *d, size_t n)
{
	if (n != 11 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	/* the year has two digits: either century will do for the day's check */
	if (!yymmdd_valid(two(d + 4), two(d + 2), two(d)))
		return false;
	return pii_luhn(d, n);
}

bool pii_cz_birth_valid(const char *d, size_t n)
{
	if (n != 10 || !pii_all_digits(d, n))
		return false;
	int yy = two(d), mm = two(d + 2), dd = two(d + 4);
	if (mm > 70)
		mm -= 70;
	else if (mm > 50)
		mm -= 50;
	else if (mm > 20)
		mm -= 20;
	if (!pii_date_valid(yy < 54 ? 2000 + yy : 1900 + yy, mm, dd))
		return false;
	long long v = 0, head = 0;
	for (size_t i = 0; i < 10; i++) {
		v = v * 10 + (d[i] - '0');
		if (i == 8)
			head = v;
	}
	return v % 11 == 0 || (head % 11 == 10 && d[9] == '0');
}

bool pii_cn_id_valid(const char *s, size_t n)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	int sum = 0;
	if (n != 18)
		return false;
	for (int i = 0; i < 17; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		sum += (s[i] - '0') * weight[i];
	}
	char c = s[17] == 'x' ? 'X' : s[17];
	if (check[sum % 11] != c)
		return false;
	int y = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
	return pii_date_valid(y, (s[10] - '0') * 10 + (s[11] - '0'), (s[12] - '0') * 10 + (s[13] - '0'));
}

bool pii_kr_rrn_valid(const char *d, size_t n)
{
	static const int weight[12] = { 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 };
	if (n != 13 || !pii_all_digits(d, 13) || d[6] < '1' || d[6] > '8')
		return false;
	int sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (d[i] - '0') * weight[i];
	if ((11 - sum % 11) % 10 != d[12] - '0')
		return false;
	/* 1, 2, 5, 6: born in the 1900s; 3, 4, 7, 8: the 2000s */
	int century = (d[6] - '1') / 2 % 2 ? 2000 : 1900;
	return pii_date_valid(century + (d[0] - '0') * 10 + (d[1] - '0'),
			      (d[2] - '0') * 10 + (d[3] - '0'), (d[4] - '0') * 10 + (d[5] - '0'));
}

bool pii_tw_id_valid(const char *s, size_t n)
{
	/* the letters' codes: A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29,
	 * W=32, X=30, Y=31, Z=33 */
	static const int code[26] = { 10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
				      22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33 };
	if (n != 10 || s[0] < 'A' || s[0] > 'Z' || !pii_all_digits(s + 1, 9) ||
	    (s[1] != '1' && s[1] != '2' && s[1] != '8' && s[1] != '9'))
		return false;
	int c = code[s[0] - 'A'];
	int sum = c / 10 + (c % 10) * 9;
	for (int i = 1; i <= 8; i++)
		sum += (s[i] - '0') * (9 - i);
	sum += s[9] - '0';
	return sum % 10 == 0;
}

bool pii_fi_hetu_valid(const char *s, size_t n)
{
	static const char check[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
	if (n != 11 || !pii_all_digits(s, 6) || !pii_all_digits(s + 7, 3) || !strchr("+-ABCDEFUVWXY", s[6]))
		return false;
	long v = 0;
	for (int i = 0; i < 10; i++)
		if (i != 6)
			v = v * 10 + (s[i] - '0');
	char c = s[10] >= 'a' && s[10] <= 'z' ? (char)(s[10] - 32) : s[10];
	if (check[v % 31] != c)
		return false;
	int century = s[6] == '+' ? 1800 : strchr("-UVWXY", s[6]) ? 1900 : 2000;
	int y = century + (s[4] - '0') * 10 + (s[5] - '0');
	/* pii_date_valid knows 1900-2099: an 1800s year is checked as 1900s */
	return pii_date_valid(y < 1900 ? y + 100 : y, (s[2] - '0') * 10 + (s[3] - '0'),
			      (s[0] - '0') * 10 + (s[1] - '0'));
}

static int weighted(const char *d, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += (d[i] - '0') * w[i];
	return sum;
}

bool pii_se_pnr_valid(const char *d, size_t n)
{
	if (n == 12)
		d += 2, n = 10;   /* YYYYMMDDNNNN: the check is over the last ten */
	if (n != 10 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int dd = two(d + 4);
	/* a coordination number adds 60 to the day */
	return yymmdd_valid(two(d), two(d + 2), dd > 60 ? dd - 60 : dd) && pii_luhn(d, 10);
}

bool pii_no_fnr_valid(const char *d, size_t n)
{
	static const int w1[9] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	if (n != 11 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int dd = two(d), mm = two(d + 2);
	if (dd > 40)
		dd -= 40;   /* a D-number */
	if (mm > 40)
		mm -= 40;   /* an H-number */
	if (!yymmdd_valid(two(d + 4), mm, dd))
		return false;
	int k1 = 11 - weighted(d, w1, 9) % 11, k2;
	if (k1 == 11)
		k1 = 0;
	if (k1 == 10 || k1 != d[9] - '0')
		return false;
	k2 = 11 - weighted(d, w2, 10) % 11;
	if (k2 == 11)
		k2 = 0;
	return k2 == d[10] - '0';
}

bool pii_ee_ik_valid(const char *d, size_t n)
{
	static const int w1[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 };
	static const int w2[10] = { 3, 4, 5, 6, 7, 8, 9, 1, 2, 3 };
	static const int century[7] = { 0, 1800, 1800, 1900, 1900, 2000, 2000 };
	if (n != 11 || !pii_all_digits(d, n) || d[0] < '1' || d[0] > '6')
		return false;
	int y = century[d[0] - '0'] + two(d + 1);
	if (!pii_date_valid(y < 1900 ? y + 100 : y, two(d + 3), two(d + 5)))
		return false;
	int c = weighted(d, w1, 10) % 11;
	if (c == 10)
		c = weighted(d, w2, 10) % 11 % 10;
	return c == d[10] - '0';
}

bool pii_pl_pesel_valid(const char *d, size_t n)
{
	static const int w[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
	if (n != 11 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int mm = two(d + 2), century = 1900 + mm / 20 * 100;
	if (century == 2300)
		century = 1800;   /* months + 80 */
	if (century > 2099 || !pii_date_valid(century < 1900 ? century + 100 + two(d) :
					      century + two(d), mm % 20, two(d + 4)))
		return false;
	return (10 - weighted(d, w, 10) % 10) % 10 == d[10] - '0';
}

bool pii_tr_tckn_valid(const char *d, size_t n)
{
	if (n != 11 || !pii_all_digits(d, n) || d[0] == '0' || pii_degenerate(d, n))
		return false;
	int odd = 0, even = 0, all = 0;
	for (int i = 0; i < 9; i++)
		*(i % 2 ? &even : &odd) += d[i] - '0';
	if (((odd * 7 - even) % 10 + 10) % 10 != d[9] - '0')
		return false;
	for (int i = 0; i < 10; i++)
		all += d[i] - '0';
	return all % 10 == d[10] - '0';
}

bool pii_de_steuer_id_valid(const char *d, size_t n)
{
	if (n != 11 || !pii_all_digits(d, n) || d[0] == '0')
		return false;
	/* of the first ten digits one is there twice or three times, and the
	 * rest once at most */
	int seen[10] = { 0 }, repeated = 0;
	for (int i = 0; i < 10; i++)
		seen[d[i] - '0']++;
	for (int i = 0; i < 10; i++) {
		if (seen[i] > 3)
			return false;
		repeated += seen[i] >= 2;
	}
	if (repeated != 1)
		return false;
	int product = 10;   /* ISO 7064 MOD 11,10 */
	for (int i = 0; i < 10; i++) {
		int sum = (d[i] - '0' + product) % 10;
		product = (sum ? sum : 10) * 2 % 11;
	}
	return (11 - product) % 10 == d[10] - '0';
}

static long long mod97(const char *d, size_t n, long long acc)
{
	for (size_t i = 0; i < n; i++)
		acc = (acc * 10 + (d[i] - '0')) % 97;
	return acc;
}

bool pii_fr_nir_valid(const char *d, size_t n)
{
	if (n != 15 || !pii_all_digits(d, n) || (d[0] != '1' && d[0] != '2'))
		return false;
	int mm = two(d + 3);
	if (mm < 1 || (mm > 12 && mm < 20) || mm > 42)
		return false;   /* 20-42: a month not known */
	return 97 - mod97(d, 13, 0) == two(d + 13);
}

bool pii_be_rrn_valid(const char *d, size_t n)
{
	if (n != 11 || !pii_all_digits(d, n))
		return false;
	int yy = two(d), mm = two(d + 2), dd = two(d + 4), key = two(d + 9);
	/* month or day 0 when not known; a bis number adds 20 or 40 to the month */
	if (mm > 40)
		mm -= 40;
	else if (mm > 20)
		mm -= 20;
	if (mm && dd && !yymmdd_valid(yy, mm, dd))
		return false;
	if (mm > 12 || dd > 31)
		return false;
	/* born since 2000: a 2 before the nine digits */
	return 97 - mod97(d, 9, 0) == key || 97 - mod97(d, 9, 2) == key;
}

bool pii_th_id_valid(const char *d, size_t n)
{
	if (n != 13 || !pii_all_digits(d, n) || d[0] < '1' || d[0] > '8' || pii_degenerate(d, n))
		return false;
	int sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (d[i] - '0') * (13 - i);
	return (11 - sum % 11) % 10 == d[12] - '0';
}

bool pii_my_nric_valid(const char *d, size_t n)
{
	if (n != 12 || !pii_all_digits(d, n) || !yymmdd_valid(two(d), two(d + 2), two(d + 4)))
		return false;
	/* the place of birth: the states 01-16, then the codes of other lands */
	int pb = two(d + 6);
	return pb >= 1 && pb != 17 && pb != 18 && pb != 19 && pb != 20 && pb != 69 &&
	       pb != 70 && pb != 73 && pb != 80 && pb != 81 && pb != 94 && pb != 95 &&
	       pb != 96 && pb != 97;
}

bool pii_id_nik_valid(const char *d, size_t n)
{
	/* the provinces' codes (Aceh 11 … Papua's new provinces 96) */
	static const char prov[] = "11121314151617181921313233343536515253616263646571727374"
				   "7576818291929495969700";
	if (n != 16 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	bool known = false;
	for (size_t i = 0; prov[i] && prov[i + 1] && !known; i += 2)
		known = prov[i] == d[0] && prov[i + 1] == d[1] && strncmp(prov + i, "00", 2);
	if (!known || (d[2] == '0' && d[3] == '0'))
		return false;
	int dd = two(d + 6);
	if (dd > 40)
		dd -= 40;   /* women's days */
	return yymmdd_valid(two(d + 10), two(d + 8), dd) && strncmp(d + 12, "0000", 4);
}

bool pii_za_id_valid(const char *d, size_t n)
{
	/* YYMMDD, a serial of four (0-4999 women, 5000-9999 men), 0 a citizen
	 * or 1 a resident, one more digit, Luhn's check over all thirteen */
	return n == 13 && pii_all_digits(d, n) && yymmdd_valid(two(d), two(d + 2), two(d + 4)) &&
	       (d[10] == '0' || d[10] == '1') && !pii_degenerate(d, n) && pii_luhn(d, n);
}

bool pii_eg_id_valid(const char *d, size_t n)
{
	/* the century (2 the 1900s, 3 the 2000s), YYMMDD, the governorate of
	 * birth, a serial and a check digit */
	static const char gov[] = "0102030411121314151617181921222324252627282931323334358800";
	if (n != 14 || !pii_all_digits(d, n) || (d[0] != '2' && d[0] != '3'))
		return false;
	if (!pii_date_valid((d[0] == '2' ? 1900 : 2000) + two(d + 1), two(d + 3), two(d + 5)))
		return false;
	for (size_t i = 0; gov[i] && strncmp(gov + i, "00", 2); i += 2)
		if (gov[i] == d[7] && gov[i + 1] == d[8])
			return true;
	return false;
}

bool pii_sg_nric_valid(const char *s, size_t n)
{
	static const int w[7] = { 2, 7, 6, 5, 4, 3, 2 };
	if (n != 9 || !strchr("STFGMstfgm", s[0]) || !s[0] || !pii_all_digits(s + 1, 7) ||
	    !((s[8] | 32) >= 'a' && (s[8] | 32) <= 'z'))
		return false;
	char c = (char)(s[0] & ~32);
	int sum = 0;
	for (int i = 0; i < 7; i++)
		sum += (s[1 + i] - '0') * w[i];
	if (c == 'T' || c == 'G')
		sum += 4;
	else if (c == 'M')
		sum += 3;
	const char *table = c == 'S' || c == 'T' ? "JZIHGFEDCBA" : c == 'M' ? "KLJNPQRTUWX"
									 : "XWUTRQPNMLK";
	int r = sum % 11;
	return (s[8] & ~32) == table[c == 'M' ? 10 - r : r];
}

bool pii_hkid_valid(const char *s, size_t n)
{
	/* one or two capitals, six digits, a check digit or A (10): weights 9
	 * to 2, a missing first letter counting 36 */
	if ((n != 8 && n != 9))
		return false;
	size_t letters = n - 7;
	int sum = letters == 1 ? 36 * 9 : 0;
	for (size_t i = 0; i < letters; i++) {
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
		sum += (s[i] - 'A' + 10) * (int)(letters == 1 ? 8 : 9 - i);
	}
	if (!pii_all_digits(s + letters, 6))
		return false;
	for (size_t i = 0; i < 6; i++)
		sum += (s[letters + i] - '0') * (int)(7 - i);
	char c = s[n - 1];
	int check = c == 'A' ? 10 : (c >= '0' && c <= '9') ? c - '0' : -1;
	return check >= 0 && (sum + check) % 11 == 0;
}

bool pii_verhoeff(const char *d, size_t n)
{
	static const unsigned char mul[10][10] = {
		{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
		{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
		{ 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
		{ 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
		{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };
	static const unsigned char perm[8][10] = {
		{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
		{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
		{ 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
		{ 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };
	int c = 0;
	for (size_t i = 0; i < n; i++)
		c = mul[c][perm[i % 8][d[n - 1 - i] - '0']];
	return c == 0;
}

bool pii_in_aadhaar_valid(const char *d, size_t n)
{
	return n == 12 && pii_all_digits(d, n) && d[0] >= '2' && !pii_degenerate(d, n) &&
	       pii_verhoeff(d, n);
}

bool pii_jp_my_number_valid(const char *d, size_t n)
{
	if (n != 12 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int sum = 0;
	for (int k = 1; k <= 11; k++)   /* k-th digit from the right, the check left out */
		sum += (d[11 - k] - '0') * (k <= 6 ? k + 1 : k - 5);
	int c = sum % 11 <= 1 ? 0 : 11 - sum % 11;
	return c == d[11] - '0';
}

bool pii_ca_sin_valid(const char *d, size_t n)
{
	/* no SIN begins with 0 or 8 */
	return n == 9 && pii_all_digits(d, n) && d[0] != '0' && d[0] != '8' &&
	       !pii_degenerate(d, n) && pii_luhn(d, n);
}

bool pii_il_tz_valid(const char *d, size_t n)
{
	return n == 9 && pii_all_digits(d, n) && !pii_degenerate(d, n) && pii_luhn(d, n);
}

bool pii_nl_bsn_valid(const char *d, size_t n)
{
	if (n != 9 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int sum = -(d[8] - '0');
	for (int i = 0; i < 8; i++)
		sum += (9 - i) * (d[i] - '0');
	return sum % 11 == 0;
}

bool pii_ir_melli_valid(const char *d, size_t n)
{
	if (n != 10 || !pii_all_digits(d, n) || pii_degenerate(d, n))
		return false;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	int r = sum % 11;
	return d[9] - '0' == (r < 2 ? r : 11 - r);
}

bool pii_mx_rfc_valid(const char *s, size_t n)
{
	static const char alphabet[] = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ ";
	char u[13];
	if (n != 12 && n != 13)
		return false;
	/* a company's twelve are read as thirteen with a space first */
	u[0] = ' ';
	for (size_t i = 0; i < n; i++)
		u[13 - n + i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i];
	for (int i = 13 - (int)n; i < 4; i++)
		if ((u[i] < 'A' || u[i] > 'Z') && u[i] != '&')
			return false;
	if (!pii_all_digits(u + 4, 6) || !yymmdd_valid(two(u + 4), two(u + 6), two(u + 8)))
		return false;
	int sum = 0, letters = 0;
	for (int i = 0; i < 12; i++) {
		const char *v = strchr(alphabet, u[i]);
		if (!v || !u[i])
			return false;
		letters += i >= 10 && u[i] >= 'A';
		sum += (int)(v - alphabet) * (13 - i);
	}
	int r = 11 - sum % 11;
	char want = r == 11 ? '0' : r == 10 ? 'A' : (char)('0' + r);
	/* a homoclave of digits only is most often a date and a count, not an RFC */
	return want == u[12] && (letters || u[12] >= 'A');
}

bool pii_mx_curp_valid(const char *s, size_t n)
{
	static const char states[] = "ASBCBSCCCLCMCSCHDFDGGTGRHGJCMCMNMSNTNLOCPLQTQRSPSLSRTC"
				     "TSTLVZYNZSNE";
	static const char alphabet[] = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";
	char u[18];
	if (n != 18)
		return false;
	for (int i = 0; i < 18; i++)
		u[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i];
	for (int i = 0; i < 4; i++)
		if (u[i] < 'A' || u[i] > 'Z')
			return false;
	if (!pii_all_digits(u + 4, 6) || !yymmdd_valid(two(u + 4), two(u + 6), two(u + 8)) ||
	    (u[10] != 'H' && u[10] != 'M' && u[10] != 'X') || !pii_all_digits(u + 17, 1))
		return false;
	bool state = false;
	for (size_t i = 0; states[i] && !state; i += 2)
		state = states[i] == u[11] && states[i + 1] == u[12];
	if (!state)
		return false;
	for (int i = 13; i < 16; i++)
		if (u[i] < 'A' || u[i] > 'Z' || strchr("AEIOU", u[i]))
			return false;
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		const char *v = strchr(alphabet, u[i]);
		if (!v || !u[i])
			return false;
		sum += (int)(v - alphabet) * (18 - i);
	}
	return (10 - sum % 10) % 10 == u[17] - '0';
}

bool pii_date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

/* Month names and abbreviations, lower case; sorted is not needed: the entries
 * are compared only after a number or a date-like word. */
static const struct { const char *w; unsigned char m; } months[] = {
	{"january", 1}, {"jan", 1}, {"enero", 1}, {"janvier", 1}, {"januar", 1}, {"gennaio", 1},
	{"janeiro", 1}, {"ene", 1}, {"janv", 1}, {"jänner", 1},
	{"february", 2}, {"feb", 2}, {"febrero", 2}, {"février", 2}, {"fevrier", 2},
	{"februar", 2}, {"febbraio", 2}, {"fevereiro", 2}, {"févr", 2}, {"fev", 2},
	{"march", 3}, {"mar", 3}, {"marzo", 3}, {"mars", 3}, {"märz", 3}, {"marz", 3}, {"março", 3},
	{"april", 4}, {"apr", 4}, {"abril", 4}, {"avril", 4}, {"aprile", 4}, {"abr", 4}, {"avr", 4},
	{"may", 5}, {"mayo", 5}, {"mai", 5}, {"maggio", 5}, {"maio", 5},
	{"june", 6}, {"jun", 6}, {"junio", 6}, {"juin", 6}, {"juni", 6}, {"giugno", 6}, {"junho", 6},
	{"july", 7}, {"jul", 7}, {"julio", 7}, {"juillet", 7}, {"juli", 7}, {"luglio", 7},
	{"julho", 7}, {"juil", 7},
	{"august", 8}, {"aug", 8}, {"agosto", 8}, {"août", 8}, {"aout", 8},
	{"september", 9}, {"sep", 9}, {"sept", 9}, {"septiembre", 9}, {"septembre", 9},
	{"settembre", 9}, {"setembro", 9},
	{"october", 10}, {"oct", 10}, {"octubre", 10}, {"octobre", 10}, {"oktober", 10},
	{"ottobre", 10}, {"outubro", 10}, {"okt", 10},
	{"november", 11}, {"nov", 11}, {"noviembre", 11}, {"novembre", 11}, {"novembro", 11},
	{"december", 12}, {"dec", 12}, {"diciembre", 12}, {"décembre", 12}, {"decembre", 12},
	{"dezember", 12}, {"dicembre", 12}, {"dezembro", 12}, {"dic", 12}, {"dez", 12},
	{"déc", 12},
	/* Indonesian and Malay, Tagalog, Catalan, Dutch */
	{"januari", 1}, {"februari", 2}, {"maret", 3}, {"mac", 3}, {"mei", 5}, {"agustus", 8},
	{"ogos", 8}, {"desember", 12}, {"disember", 12}, {"pebrero", 2}, {"marso", 3},
	{"hunyo", 6}, {"hulyo", 7}, {"setyembre", 9}, {"oktubre", 10}, {"nobyembre", 11},
	{"disyembre", 12}, {"gener", 1}, {"febrer", 2}, {"maig", 5}, {"juny", 6}, {"juliol", 7},
	{"desembre", 12}, {"maart", 3}, {"augustus", 8},
	/* Danish, Norwegian, Swedish */
	{"marts", 3}, {"maj", 5}, {"augusti", 8},
	/* Finnish (the partitive a date takes), Estonian */
	{"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4},
	{"toukokuuta", 5}, {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8},
	{"syyskuuta", 9}, {"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12},
	{"jaanuar", 1}, {"veebruar", 2}, {"märts", 3}, {"aprill", 4}, {"juuni", 6}, {"juuli", 7},
	{"oktoober", 10}, {"detsember", 12},
	/* Greek and Russian, in the genitive a date takes */
	{"ιανουαρίου", 1}, {"φεβρουαρίου", 2}, {"μαρτίου", 3}, {"απριλίου", 4}, {"μαΐου", 5},
	{"ιουνίου", 6}, {"ιουλίου", 7}, {"αυγούστου", 8}, {"σεπτεμβρίου", 9},
	{"οκτωβρίου", 10}, {"νοεμβρίου", 11}, {"δεκεμβρίου", 12},
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
	{"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
	{"декабря", 12},
	/* Ukrainian, Polish and Czech, in the genitive a date takes; Romanian */
	{"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
	{"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
	{"листопада", 11}, {"грудня", 12},
	{"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
	{"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
	{"listopada", 11}, {"grudnia", 12},
	{"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
	{"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11},
	{"prosince", 12},
	{"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6},
	{"iulie", 7}, {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11},
	{"decembrie", 12},
	/* Turkish, Swahili */
	{"ocak", 1}, {"şubat", 2}, {"subat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5},
	{"mayis", 5}, {"haziran", 6}, {"temmuz", 7}, {"ağustos", 8}, {"agustos", 8},
	{"eylül", 9}, {"eylul", 9}, {"ekim", 10}, {"kasım", 11}, {"kasim", 11},
	{"aralık", 12}, {"aralik", 12},
	{"machi", 3}, {"aprili", 4}, {"julai", 7}, {"agosti", 8}, {"septemba", 9},
	{"oktoba", 10}, {"novemba", 11}, {"desemba", 12},
	/* Arabic (Egypt, the Gulf), Hindi */
	{"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"مايو", 5},
	{"يونيو", 6}, {"يوليو", 7}, {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9},
	{"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
	{"जनवरी", 1}, {"फरवरी", 2}, {"फ़रवरी", 2}, {"मार्च", 3}, {"अप्रैल", 4}, {"मई", 5},
	{"जून", 6}, {"जुलाई", 7}, {"अगस्त", 8}, {"सितंबर", 9}, {"सितम्बर", 9},
	{"अक्टूबर", 10}, {"नवंबर", 11}, {"नवम्बर", 11}, {"दिसंबर", 12}, {"दिसम्बर", 12},
	/* Thai, in full and abbreviated */
	{"มกราคม", 1}, {"กุมภาพันธ์", 2}, {"มีนาคม", 3}, {"เมษายน", 4}, {"พฤษภาคม", 5},
	{"มิถุนายน", 6}, {"กรกฎาคม", 7}, {"สิงหาคม", 8}, {"กันยายน", 9}, {"ตุลาคม", 10},
	{"พฤศจิกายน", 11}, {"ธันวาคม", 12},
	{"ม.ค.", 1}, {"ก.พ.", 2}, {"มี.ค.", 3}, {"เม.ย.", 4}, {"พ.ค.", 5}, {"มิ.ย.", 6},
	{"ก.ค.", 7}, {"ส.ค.", 8}, {"ก.ย.", 9}, {"ต.ค.", 10}, {"พ.ย.", 11}, {"ธ.ค.", 12},
};

int pii_month(const char *w, size_t n)
{
	if (n < 3 || n > 31)
		return 0;
	for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++)
		if (strlen(months[i].w) == n && !memcmp(months[i].w, w, n))
			return months[i].m;
	return 0;
}

bool pii_degenerate(const char *d, size_t n)
{
	bool same = true, up = true, down = true;
	for (size_t i = 1; i < n; i++) {
		same = same && d[i] == d[0];
		up = up && d[i] == (d[i - 1] == '9' ? '0' : d[i - 1] + 1);
		down = down && d[i] == (d[i - 1] == '0' ? '9' : d[i - 1] - 1);
	}
	return n > 1 && (same || up || down);
}

/* The check of an Argentine CBU block: weights 3 1 7 9 repeated from the
 * block's last digit before the check backwards (7 1 3 9 7 1 3 forwards
 * in the first block), the check making the sum a multiple of 10. */
static bool cbu_block(const char *d, size_t n)
{
	static const int w[4] = { 3, 1, 7, 9 };
	int sum = 0;
	for (size_t k = 0; k + 1 < n; k++)   /* the k-th digit back from the check */
		sum += (d[n - 2 - k] - '0') * w[k % 4];
	return (10 - sum % 10) % 10 == d[n - 1] - '0';
}

bool pii_ar_cbu_valid(const char *d, size_t n)
{
	return n == 22 && pii_all_digits(d, n) && !pii_degenerate(d, n) && cbu_block(d, 8) &&
	       cbu_block(d + 8, 14);
}

/* Hungary's bank account: 16 or 24 digits, the first eight and the rest
 * each a multiple of 10 under the weights 9 7 3 1 repeated. */
static bool hu_block(const char *d, size_t n)
{
	static const int w[4] = { 9, 7, 3, 1 };
	int sum = 0;
	for (size_t k = 0; k < n; k++)
		sum += (d[k] - '0') * w[k % 4];
	return sum % 10 == 0;
}

bool pii_hu_account_valid(const char *d, size_t n)
{
	return (n == 16 || n == 24) && pii_all_digits(d, n) && !pii_degenerate(d, n) &&
	       hu_block(d, 8) && hu_block(d + 8, n - 8);
}

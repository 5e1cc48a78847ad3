/*
 * context: the keyword table of the scanner and its hash index.
 * Adding a language is adding lines here; nothing else knows the words.
 */
#include "pii_words.h"

#include <stdint.h>
#include <pthread.h>
#include <string.h>

#define P CTX_PHONE
#define N CTX_NATID
#define A CTX_ACCOUNT
#define R CTX_REF
#define S CTX_SECRET
#define C CTX_CODE
#define D CTX_DOB
#define M CTX_CODEMOD
#define ST CTX_STREET
#define SP CTX_STREETPRE
#define L CTX_ADDRLINK
#define F CTX_FILLER
#define K CTX_CARD

static const struct { const char *w; unsigned cls; } words[] = {
	/* phone */
	{"phone", P}, {"call", P}, {"text", P}, {"tel", P}, {"tel.", P}, {"telephone", P},
	{"mobile", P}, {"cell", P}, {"cellphone", P}, {"whatsapp", P}, {"ring", P}, {"sms", P},
	{"fax", P}, {"landline", P}, {"hotline", P}, {"helpline", P}, {"ph", P}, {"mob", P}, {"signal", P}, {"telegram", P},
	{"teléfono", P}, {"telefono", P}, {"móvil", P}, {"movil", P}, {"celular", P},
	{"llámame", P}, {"llamame", P}, {"llama", P}, {"llamar", P}, {"whatsappéame", P},
	{"téléphone", P}, {"tél", P}, {"tél.", P}, {"portable", P}, {"appelle", P},
	{"appelez", P}, {"appeler", P}, {"appelle-moi", P}, {"joignable", P},
	{"telefon", P}, {"handy", P}, {"handynummer", P}, {"telefonnummer", P},
	{"anrufen", P}, {"ruf", P}, {"rufen", P}, {"erreichbar", P}, {"festnetz", P},
	{"cellulare", P}, {"chiamami", P}, {"telemóvel", P}, {"liga", P},
	{"number", P | F}, {"numero", P | F}, {"número", P | F}, {"numéro", P | F},
	{"nummer", P | F},
	/* national identity numbers */
	{"ssn", N}, {"ssns", N}, {"ss", N}, {"social", N}, {"security", N}, {"sec", N}, {"insurance", N},
	{"nino", N}, {"ni", N}, {"dni", N}, {"nie", N}, {"nif", N}, {"passport", N},
	{"pasaporte", N}, {"passeport", N}, {"reisepass", N}, {"ausweis", N},
	{"personalausweis", N}, {"ausweisnummer", N}, {"identity", N}, {"itin", N}, {"tin", N},
	{"documento", N}, {"cédula", N}, {"cedula", N}, {"curp", N}, {"cpf", N},
	{"steuer-id", N}, {"steuernummer", N}, {"sozialversicherungsnummer", N},
	{"insee", N}, {"sécu", N}, {"secu", N}, {"codice", N}, {"fiscale", N}, {"nhs", N},
	/* account numbers */
	{"account", A}, {"acct", A}, {"acc", A}, {"a/c", A}, {"customer", A}, {"client", A},
	{"member", A}, {"membership", A}, {"loyalty", A}, {"policy", A}, {"routing", A},
	{"sort", A}, {"aba", A}, {"bsb", A}, {"subscriber", A}, {"contract", A},
	{"cuenta", A}, {"cliente", A}, {"socio", A}, {"póliza", A}, {"poliza", A},
	{"compte", A}, {"adhérent", A}, {"adherent", A}, {"contrat", A},
	{"konto", A}, {"kontonummer", A}, {"kundennummer", A}, {"mitgliedsnummer", A},
	{"kunden-nr", A}, {"vertragsnummer", A}, {"versicherungsnummer", A}, {"conto", A},
	{"tessera", A}, {"conta", A},
	/* references: order, booking, case, ticket */
	{"order", R}, {"orders", R}, {"ordernumber", R}, {"booking", R}, {"reservation", R},
	{"ref", R}, {"ref.", R}, {"reference", R}, {"confirmation", R}, {"conf", R},
	{"invoice", R}, {"ticket", R}, {"case", R}, {"tracking", R}, {"claim", R},
	{"incident", R}, {"rma", R}, {"shipment", R}, {"parcel", R}, {"pnr", R}, {"receipt", R},
	{"pedido", R}, {"reserva", R}, {"referencia", R}, {"factura", R}, {"localizador", R},
	{"incidencia", R}, {"envío", R}, {"envio", R},
	{"commande", R}, {"réservation", R}, {"référence", R}, {"facture", R}, {"dossier", R},
	{"billet", R}, {"colis", R},
	{"bestellung", R}, {"bestellnummer", R}, {"buchung", R}, {"buchungsnummer", R},
	{"rechnung", R}, {"rechnungsnummer", R}, {"auftrag", R}, {"auftragsnummer", R},
	{"vorgang", R}, {"vorgangsnummer", R}, {"aktenzeichen", R}, {"sendungsnummer", R},
	{"ordine", R}, {"prenotazione", R}, {"fattura", R}, {"pratica", R}, {"encomenda", R},
	/* secrets: passwords (any value) and codes (digits) */
	{"password", S}, {"passwd", S}, {"pwd", S}, {"pw", S}, {"pass", S}, {"passphrase", S},
	{"passcode", S | C}, {"contraseña", S}, {"contrasena", S}, {"clave", S | C},
	{"mdp", S}, {"passe", S}, {"passwort", S}, {"kennwort", S}, {"senha", S},
	{"pin", C}, {"code", C}, {"otp", C}, {"2fa", C}, {"mfa", C}, {"verification", C},
	{"verify", C}, {"one-time", C}, {"onetime", C}, {"código", C}, {"codigo", C},
	{"tan", C}, {"cvv", C}, {"cvc", C}, {"code:", C}, {"pin:", C}, {"geheimzahl", C},
	{"bestätigungscode", C}, {"sicherheitscode", C}, {"codice", C},
	{"verificación", C}, {"vérification", C}, {"verifizierungscode", C},
	/* words that make the "code" after them harmless */
	{"promo", M}, {"promotional", M}, {"discount", M}, {"voucher", M}, {"coupon", M},
	{"zip", M}, {"postal", M}, {"post", M}, {"postcode", M}, {"area", M}, {"country", M},
	{"error", M}, {"qr", M}, {"source", M}, {"dress", M}, {"gift", M}, {"referral", M},
	{"descuento", M}, {"postal:", M}, {"rabatt", M}, {"gutschein", M}, {"réduction", M},
	{"reduction", M}, {"promocional", M}, {"bar", M}, {"status", M}, {"colour", M},
	{"color", M}, {"product", M}, {"checkout", M}, {"caisse", M}, {"kasse", M},
	{"compra", M}, {"sale", M}, {"offer", M},
	/* date of birth */
	{"dob", D}, {"d.o.b", D}, {"d.o.b.", D}, {"born", D}, {"birthday", D}, {"birthdate", D},
	{"bday", D}, {"b-day", D}, {"birth", D}, {"nacimiento", D}, {"nacido", D}, {"nacida", D},
	{"nací", D}, {"cumpleaños", D}, {"naissance", D}, {"né", D}, {"née", D},
	{"anniversaire", D}, {"geboren", D}, {"geburtsdatum", D}, {"geburtstag", D},
	{"geb.", D}, {"nascita", D}, {"nato", D}, {"nata", D}, {"nascimento", D},
	{"生年月日", D}, {"誕生日", D}, {"出生日期", D}, {"生日", D},
	/* streets: after the name (English) */
	{"street", ST}, {"st", ST}, {"st.", ST}, {"road", ST}, {"rd", ST}, {"rd.", ST},
	{"avenue", ST | SP}, {"ave", ST}, {"ave.", ST}, {"lane", ST}, {"ln", ST},
	{"drive", ST}, {"dr", ST}, {"dr.", ST}, {"boulevard", ST | SP}, {"blvd", ST},
	{"blvd.", ST}, {"way", ST}, {"close", ST}, {"court", ST}, {"ct", ST}, {"place", ST | SP},
	{"pl", ST}, {"terrace", ST}, {"crescent", ST}, {"square", ST}, {"highway", ST},
	{"hwy", ST}, {"parkway", ST}, {"pkwy", ST}, {"row", ST}, {"mews", ST}, {"grove", ST},
	{"gardens", ST}, {"circle", ST}, {"cir", ST}, {"trail", ST}, {"walk", ST},
	/* streets: before the name */
	{"rue", SP}, {"bd", SP}, {"allée", SP}, {"allee", SP}, {"chemin", SP}, {"impasse", SP},
	{"quai", SP}, {"route", SP}, {"calle", SP}, {"c/", SP}, {"avenida", SP}, {"avda", SP},
	{"av.", SP}, {"plaza", SP}, {"paseo", SP}, {"camino", SP}, {"carrer", SP},
	{"carretera", SP}, {"via", SP}, {"viale", SP}, {"piazza", SP}, {"corso", SP},
	{"rua", SP}, {"travessa", SP}, {"largo", SP},
	/* small words inside an address or between a keyword and its value */
	{"de", L}, {"des", L}, {"du", L}, {"la", L}, {"le", L}, {"del", L}, {"van", L},
	{"der", L}, {"am", L}, {"an", L}, {"di", L}, {"da", L}, {"do", L}, {"los", L},
	{"las", L}, {"les", L},
	{"is", F}, {"my", F}, {"no", F}, {"no.", F}, {"nr", F}, {"nr.", F}, {"num", F},
	{"#", F}, {"nº", F}, {"n°", F}, {"id", F}, {"the", F}, {"es", F}, {"est", F},
	{"ist", F}, {"mi", F}, {"mon", F}, {"ma", F}, {"mein", F}, {"meine", F}, {"your", F},
	{"our", F},
	/* payment cards */
	{"card", K}, {"visa", K}, {"mastercard", K}, {"amex", K}, {"tarjeta", K},
	{"carte", K}, {"karte", K}, {"kreditkarte", K}, {"cc", K}, {"debit", K},
	{"credit", K}, {"carta", K}, {"cartão", K},
};

#undef P
#undef N
#undef A
#undef R
#undef S
#undef C
#undef D
#undef M
#undef ST
#undef SP
#undef L
#undef F
#undef K

#define SLOTS 2048   /* power of two, several times the table */

static int16_t slot[SLOTS];   /* index + 1 into words[], 0 when empty */
static unsigned slot_cls[SLOTS];
static unsigned char slot_len[SLOTS];
static uint32_t slot_hash[SLOTS];   /* the full hash: most misses end without memcmp */
static pthread_once_t built = PTHREAD_ONCE_INIT; /* reports may run on two threads */

static uint32_t hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

/* Entries that appear twice (e.g. "codice") have their classes merged. */
static void build(void)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i].w);
		uint32_t full = hash(words[i].w, n), h = full & (SLOTS - 1);
		while (slot[h] && strcmp(words[slot[h] - 1].w, words[i].w))
			h = (h + 1) & (SLOTS - 1);
		if (!slot[h]) {
			slot[h] = (int16_t)(i + 1);
			slot_len[h] = (unsigned char)n;
			slot_hash[h] = full;
		}
		slot_cls[h] |= words[i].cls;
	}
}

unsigned pii_word_class(const char *w, size_t n)
{
	pthread_once(&built, build);
	if (n == 0 || n > 32)
		return 0;
	uint32_t full = hash(w, n), h = full & (SLOTS - 1);
	while (slot[h]) {
		size_t i = (size_t)slot[h] - 1;
		if (slot_hash[h] == full && slot_len[h] == n) {
			/* a byte loop: these words are a few bytes, a memcmp call costs more */
			size_t k = 0;
			while (k < n && words[i].w[k] == w[k])
				k++;
			if (k == n)
				return slot_cls[h];
		}
		h = (h + 1) & (SLOTS - 1);
	}
	return 0;
}

int pii_street_compound(const char *w, size_t n)
{
#define S(x) { x, sizeof(x) - 1 }
	static const struct { const char *s; size_t n; } suffix[] = {
		S("straße"), S("strasse"), S("str."), S("weg"), S("allee"), S("gasse"), S("platz"),
		S("ring"), S("damm"), S("ufer"), S("chaussee"), S("gracht"), S("straat"), S("laan"),
		S("plein"), S("kade"), S("singel"), S("dijk"), S("vej"), S("gatan"), S("gate"),
		S("veien"),
	};
#undef S
	if (n < 6)
		return 0;
	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		size_t k = suffix[i].n;
		if (n > k + 2 && w[n - 1] == suffix[i].s[k - 1] && !memcmp(w + n - k, suffix[i].s, k))
			return 1;
	}
	return 0;
}

/*
 * tone: one pass over the words of a message, sentence by sentence.
 * Name-calling nouns (idiot, moron, loser) count unless the writer calls
 * themself one ("I'm such an idiot"); insulting adjectives (stupid, dumb)
 * count in a sentence that addresses someone, profanity (crap, damn) only
 * right next to the person addressed, and neither in a sentence of praise;
 * a few fixed phrases of contempt ("shut up", "get lost", "nobody cares")
 * count alone.
 */
#include "tone.h"

#include <pthread.h>
#include <string.h>

enum { W_NOUN = 1, W_ADJ = 2, W_YOU = 4, W_SELF = 8, W_PROF = 16, W_POS = 32 };

static const struct { const char *w; int cls; } lex[] = {
	/* name-calling nouns */
	{"idiot", W_NOUN}, {"idiots", W_NOUN}, {"moron", W_NOUN}, {"morons", W_NOUN},
	{"loser", W_NOUN}, {"losers", W_NOUN}, {"clown", W_NOUN}, {"clowns", W_NOUN},
	{"imbecile", W_NOUN}, {"cretin", W_NOUN}, {"jerk", W_NOUN}, {"asshole", W_NOUN},
	{"arsehole", W_NOUN}, {"dumbass", W_NOUN}, {"bastard", W_NOUN}, {"bitch", W_NOUN},
	{"dickhead", W_NOUN}, {"twat", W_NOUN}, {"wanker", W_NOUN}, {"prick", W_NOUN},
	{"numpty", W_NOUN}, {"muppet", W_NOUN}, {"halfwit", W_NOUN}, {"dimwit", W_NOUN},
	{"idiota", W_NOUN}, {"imbécil", W_NOUN}, {"gilipollas", W_NOUN}, {"pendejo", W_NOUN},
	{"subnormal", W_NOUN}, {"payaso", W_NOUN}, {"imbécile", W_NOUN}, {"crétin", W_NOUN},
	{"connard", W_NOUN}, {"connasse", W_NOUN}, {"abruti", W_NOUN}, {"vollidiot", W_NOUN},
	{"trottel", W_NOUN}, {"depp", W_NOUN}, {"arschloch", W_NOUN}, {"idiotin", W_NOUN},
	{"cretino", W_NOUN}, {"stronzo", W_NOUN},
	/* insulting adjectives: when the sentence addresses someone */
	{"stupid", W_ADJ}, {"dumb", W_ADJ}, {"pathetic", W_ADJ}, {"useless", W_ADJ},
	{"ridiculous", W_ADJ}, {"incompetent", W_ADJ}, {"clueless", W_ADJ},
	{"brainless", W_ADJ}, {"ignorant", W_ADJ}, {"whining", W_ADJ},
	{"estúpido", W_ADJ}, {"estúpida", W_ADJ}, {"tonto", W_ADJ}, {"tonta", W_ADJ},
	{"inútil", W_ADJ}, {"stupide", W_ADJ}, {"débile", W_ADJ}, {"nul", W_ADJ},
	{"nulle", W_ADJ}, {"dumm", W_ADJ}, {"blöd", W_ADJ}, {"blöde", W_ADJ},
	/* profanity: only right next to the person addressed ("screw you", "your crap"),
	 * since "damn, you guys are great" and "this damn printer" are no insults */
	{"crap", W_PROF}, {"crappy", W_PROF}, {"shit", W_PROF}, {"shitty", W_PROF},
	{"garbage", W_PROF}, {"trash", W_PROF}, {"damn", W_PROF}, {"fucking", W_PROF},
	{"fuck", W_PROF}, {"bullshit", W_PROF}, {"mierda", W_PROF}, {"merde", W_PROF},
	{"scheiße", W_PROF}, {"scheisse", W_PROF}, {"scheiß", W_PROF},
	/* praise in the sentence turns profanity into an intensifier */
	{"amazing", W_POS}, {"awesome", W_POS}, {"love", W_POS}, {"great", W_POS},
	{"thanks", W_POS}, {"thank", W_POS}, {"best", W_POS}, {"good", W_POS},
	{"rock", W_POS}, {"rocks", W_POS}, {"brilliant", W_POS}, {"congrats", W_POS},
	{"cool", W_POS}, {"beautiful", W_POS}, {"perfect", W_POS}, {"nice", W_POS},
	{"gracias", W_POS}, {"merci", W_POS}, {"danke", W_POS}, {"genial", W_POS},
	{"génial", W_POS}, {"super", W_POS},
	/* the person addressed */
	{"you", W_YOU}, {"your", W_YOU}, {"you're", W_YOU}, {"youre", W_YOU}, {"u", W_YOU},
	{"ur", W_YOU}, {"yourself", W_YOU}, {"ya", W_YOU}, {"tu", W_YOU}, {"tú", W_YOU},
	{"te", W_YOU}, {"usted", W_YOU}, {"eres", W_YOU}, {"toi", W_YOU}, {"vous", W_YOU},
	{"ton", W_YOU}, {"ta", W_YOU}, {"tes", W_YOU}, {"du", W_YOU}, {"dich", W_YOU},
	{"dir", W_YOU}, {"dein", W_YOU}, {"deine", W_YOU}, {"bist", W_YOU}, {"sei", W_YOU},
	/* the writer speaking of themself */
	{"i", W_SELF}, {"i'm", W_SELF}, {"im", W_SELF}, {"me", W_SELF}, {"myself", W_SELF},
	{"we're", W_SELF}, {"soy", W_SELF}, {"suis", W_SELF}, {"bin", W_SELF},
};

/* Phrases of contempt, matched on consecutive lower-case words. */
static const char *const phrases[][3] = {
	{"shut", "up", NULL}, {"get", "lost", NULL}, {"nobody", "cares", NULL},
	{"no", "one", "cares"}, {"who", "cares", NULL}, {"screw", "you", NULL},
	{"piss", "off", NULL}, {"fuck", "off", NULL}, {"wasting", "our", "time"},
	{"wasting", "my", "time"}, {"learn", "to", "read"}, {"are", "you", "blind"},
	{"go", "away", NULL}, {"grow", "up", NULL}, {"cállate", NULL, NULL},
	{"cierra", "el", "pico"}, {"ta", "gueule", NULL}, {"dégage", NULL, NULL},
	{"casse-toi", NULL, NULL}, {"halt", "die", "klappe"}, {"verpiss", "dich", NULL},
	{"hau", "ab", NULL},
};

/*
 * Word lookups run for every word of every owner message: the lexicon is
 * hashed once into an open-addressing table (built under pthread_once, as
 * reports may run on two threads).
 */
#define LEX_SLOTS 512 /* a power of two, well above twice the lexicon */

static short lex_slot[LEX_SLOTS]; /* index + 1 into lex, 0 when empty */
static short end_slot[LEX_SLOTS]; /* the same for the last words of phrases */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

#define NPHRASES (sizeof(phrases) / sizeof(phrases[0]))

static const char *phrase_last(size_t p)
{
	return phrases[p][2] ? phrases[p][2] : phrases[p][1] ? phrases[p][1] : phrases[p][0];
}

static unsigned lex_hash(const char *w, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h & (LEX_SLOTS - 1);
}

static void lex_build(void)
{
	for (size_t i = 0; i < sizeof(lex) / sizeof(lex[0]); i++) {
		unsigned h = lex_hash(lex[i].w, strlen(lex[i].w));
		while (lex_slot[h])
			h = (h + 1) & (LEX_SLOTS - 1);
		lex_slot[h] = (short)(i + 1);
	}
	for (size_t p = 0; p < NPHRASES; p++) {
		const char *w = phrase_last(p);
		unsigned h = lex_hash(w, strlen(w));
		bool dup = false;
		for (; end_slot[h]; h = (h + 1) & (LEX_SLOTS - 1))
			dup |= !strcmp(phrase_last((size_t)end_slot[h] - 1), w);
		if (!dup)
			end_slot[h] = (short)(p + 1);
	}
}

/* True when w ends one of the phrases: only then are the phrases compared. */
static bool ends_phrase(const char *w, size_t n)
{
	for (unsigned h = lex_hash(w, n); end_slot[h]; h = (h + 1) & (LEX_SLOTS - 1)) {
		const char *e = phrase_last((size_t)end_slot[h] - 1);
		if (!strncmp(e, w, n) && e[n] == '\0')
			return true;
	}
	return false;
}

static int lex_class(const char *w, size_t n)
{
	pthread_once(&lex_once, lex_build);
	for (unsigned h = lex_hash(w, n); lex_slot[h]; h = (h + 1) & (LEX_SLOTS - 1)) {
		const char *e = lex[lex_slot[h] - 1].w;
		if (!strncmp(e, w, n) && e[n] == '\0')
			return lex[lex_slot[h] - 1].cls;
	}
	return 0;
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'' ||
	       c == '-';
}

#define KEEP 4   /* words remembered for phrases and "I'm such an …" */

bool tone_scan(const char *text, size_t len, struct tone_hit *hit)
{
	char words[KEEP][24];
	size_t ws[KEEP];
	int nw = 0;               /* words in the current sentence */
	bool you = false;         /* the sentence addresses someone */
	bool pos = false;         /* the sentence praises */
	size_t adj_s = 0, adj_e = 0, prof_s = 0, prof_e = 0;
	bool adj = false, prof = false;
	int you_at = -10, prof_at = -10;   /* word index of the last of each */
	size_t i = 0;
	while (i <= len) {
		if (i == len || strchr(".!?\n", text[i])) {
			if (adj && you && !pos) {
				*hit = (struct tone_hit){ adj_s, adj_e, 0.8, "insult" };
				return true;
			}
			if (prof && !pos) {
				*hit = (struct tone_hit){ prof_s, prof_e, 0.7, "profanity at someone" };
				return true;
			}
			adj = you = pos = prof = false;
			you_at = prof_at = -10;
			nw = 0;
			i++;
			continue;
		}
		if (text[i] == '@') {
			you = true;   /* a @handle in the sentence is someone addressed */
			i++;
			continue;
		}
		if (!word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t s = i;
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		size_t n = i - s;
		if (n >= 24)
			continue;
		char w[24];
		for (size_t k = 0; k < n; k++)
			w[k] = (text[s + k] >= 'A' && text[s + k] <= 'Z') ? (char)(text[s + k] + 32) : text[s + k];
		w[n] = '\0';
		memcpy(words[nw % KEEP], w, n + 1);
		ws[nw % KEEP] = s;
		nw++;
		int c = lex_class(w, n); /* also builds the tables, once */
		bool phrase = ends_phrase(w, n);
		for (size_t p = 0; phrase && p < NPHRASES; p++) {
			int k = phrases[p][2] ? 3 : phrases[p][1] ? 2 : 1;
			if (nw < k)
				continue;
			bool same = true;
			for (int j = 0; j < k && same; j++)
				same = !strcmp(words[(nw - k + j) % KEEP], phrases[p][j]);
			if (same) {
				*hit = (struct tone_hit){ ws[(nw - k) % KEEP], i, 0.9, "contempt" };
				return true;
			}
		}
		if (c & W_POS)
			pos = true;
		if (c & W_YOU) {
			you = true;
			you_at = nw;
			if (nw - prof_at <= 2 && !prof) {
				prof = true;   /* "shit, you …": the profanity before, kept in prof_s */
			}
		}
		if (c & W_PROF) {
			prof_at = nw;
			prof_s = s;
			prof_e = i;
			if (nw - you_at <= 2)
				prof = true;
		}
		if (c & W_NOUN) {
			bool self = false;
			for (int j = 2; j <= KEEP && j <= nw; j++)
				self |= (lex_class(words[(nw - j) % KEEP], strlen(words[(nw - j) % KEEP])) &
					 W_SELF) != 0;
			if (!self) {
				*hit = (struct tone_hit){ s, i, 0.9, "name-calling" };
				return true;
			}
		}
		if ((c & W_ADJ) && !adj) {
			adj = true;
			adj_s = s;
			adj_e = i;
		}
	}
	return false;
}

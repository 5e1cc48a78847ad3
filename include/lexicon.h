/*
 * lexicon: the detectors' phrase lists, kept as data.
 *
 * Each file FAMILY.tsv of src/analyze/lexicon/ holds one phrase a line, as
 * "LANG<TAB>PHRASE" (ISO 639-1 code, or "*" for phrases of no language such
 * as app names); "#" starts a comment. The build turns them into a table in
 * the binary (no file is read at run time). A phrase is matched in text that
 * text_normalize made (NFKC, case folded), with look-alike letters of other
 * scripts (Cyrillic "а", Greek "ο" in Latin words) folded to Latin on both
 * sides, so "Тhanks for fоllowing" written to dodge filters still matches.
 * A phrase matches whole words where the text has ASCII letters or digits
 * around it; a phrase ending in "*" matches as a prefix ("unsubscrib*"), one
 * starting with "*" also at the end of a longer word ("*idiot" in "Impfidiot").
 * Scripts written without spaces (Han, kana, Hangul, Thai) match anywhere.
 *
 * The module owns the table and an index built on first use (thread-safe);
 * it never allocates per call beyond a caller's buf.
 */
#ifndef DMAUDIT_LEXICON_H
#define DMAUDIT_LEXICON_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

enum lex_family {
	LEX_FOLLOW_THANKS, /* autodm-follow.tsv: "thanks for following", "merci de suivre" */
	LEX_FOOTER,        /* autodm-footer.tsv: "-via @crowdfire", "sent via", auto-DM apps */
	LEX_SCAM,          /* autodm-scam.tsv: lottery, next of kin, romance openers, crypto bait */
	LEX_PROMO,         /* autodm-promo.tsv: "check out my", "like my page", "free ebook" */
	LEX_NOTICE,        /* autodm-notice.tsv: service notices, game invites, bot echoes */
	LEX_CONTACT,       /* autodm-contact.tsv: "whatsapp me", "telegram:", "line id" */
	LEX_OFFER,         /* autodm-offer.tsv: a seller's offer: "dm for details", "للطلب" */
	LEX_AUTOREPLY,     /* autodm-autoreply.tsv: "we'll reply as soon as", "reply 1 for" */
	LEX_DISCLAIM,      /* autodm-disclaim.tsv: the pitch disowned: "unsolicited dm", "this is not spam" */
	LEX_MESSENGER,     /* autodm-messenger.tsv: messenger names: "whatsapp", "телеграм" */
	LEX_THANKS,        /* autodm-thanks.tsv: thanks words: "thx", "grazie mille", "salamat" */
	LEX_LABEL,         /* autodm-label.tsv: notice titles: "reminder", "rappel", "알림" */
	LEX_SIGNED,        /* autodm-signed.tsv: an app's signature: "sent from", "enviado desde" */
	LEX_FOLLOWWORD,    /* autodm-followword.tsv: words of following: "följet", "sledování" */
	LEX_DECLINE,       /* autodm-decline.tsv: the owner turning an offer down: "no thanks" */
	LEX_INSULT,        /* tone-insult.tsv: insults and profanity aimed at someone */
	LEX_CONTEMPT,      /* tone-contempt.tsv: contempt without profanity */
	/* the personal-data scanner's context words, read by src/analyze/pii/context.c */
	LEX_PII_PHONE,        /* pii-phone.tsv: phone words */
	LEX_PII_NATID,        /* pii-natid.tsv: national identity numbers */
	LEX_PII_ACCOUNT,      /* pii-account.tsv: account words, bank names */
	LEX_PII_REF,          /* pii-ref.tsv: order, booking, case, ticket */
	LEX_PII_SECRET,       /* pii-secret.tsv: password words */
	LEX_PII_CODE,         /* pii-code.tsv: one-time codes, PINs */
	LEX_PII_DOB,          /* pii-dob.tsv: birth words */
	LEX_PII_CODEMOD,      /* pii-codemod.tsv: promo, zip: the code after is harmless */
	LEX_PII_STREET,       /* pii-street.tsv: street words after the name */
	LEX_PII_STREETPRE,    /* pii-streetpre.tsv: street words before the name */
	LEX_PII_ADDRLINK,     /* pii-addrlink.tsv: small words inside an address */
	LEX_PII_FILLER,       /* pii-filler.tsv: between a keyword and its value */
	LEX_PII_CARD,         /* pii-card.tsv: payment card words */
	LEX_PII_STREETSUFFIX, /* pii-streetsuffix.tsv: street compounds: -straße, -gatan */
	LEX_PII_USER,         /* pii-user.tsv: login words: user, 아이디, логин */
	LEX_PII_ADDRMARK,     /* pii-addrmark.tsv: address units of CJK scripts: 市 区 丁目 동 */
	LEX_PII_ADDRESS,      /* pii-address.tsv: words naming an address: adresse, 주소 */
	LEX_PII_CONFIRM,      /* pii-confirm.tsv: a code accepted: "done!", "it worked", "готово" */
	/* The word classes that tone.c reads a sentence with (tone.h): */
	LEX_TONE_ADJ,      /* tone-adjective.tsv: "stupid", "dumm": an insult when aimed */
	LEX_TONE_PROF,     /* tone-profanity.tsv: "fuck", "scheiße": an insult when aimed */
	LEX_TONE_YOU,      /* tone-you.tsv: the person addressed: "you", "du", "ты" */
	LEX_TONE_PEOPLE,   /* tone-people.tsv: others a remark can aim at: "he", "people" */
	LEX_TONE_SELF,     /* tone-self.tsv: the writer: "me", "ich", "like me" */
	LEX_TONE_PRAISE,   /* tone-praise.tsv: praise that makes profanity an intensifier */
	LEX_TONE_NEG,      /* tone-negation.tsv: "not", "nicht": "you're not stupid" */
	LEX_TONE_IDIOM,    /* tone-idiom.tsv: idioms holding a hit, no insult: "holy shit" */
	LEX_TONE_GROUP,    /* tone-group.tsv: plural name-calling: "idiots", "Idioten" */
	LEX_TONE_WISH,     /* tone-wish.tsv: violent or dehumanising wishes: "should all die" */
	LEX_TONE_COPULA,   /* tone-copula.tsv: "is", "ist", "est": a named target's verb */
	LEX_TONE_DET,      /* tone-determiner.tsv: "the", "das": the capital after is no name */
	LEX_TONE_SOCIAL,   /* tone-social.tsv: groups of people: "immigrants", "Christen" */
	LEX_TONE_DEMO,     /* tone-demonstrative.tsv: "the", "these", "diese": name-calling after is aimed */
	LEX_TONE_QUESTION, /* tone-question.tsv: "stupid question": contempt unless the writer asks */
	LEX_TONE_PRED,     /* tone-predicate.tsv: "disgrace", "Abschaum": an insult said of someone */
	LEX_TONE_VOC,      /* tone-vocative.tsv: "clown", "payaso": an insult as a form of address */
	LEX_TONE_INTENS,   /* tone-intensifier.tsv: "a", "so", "echt": between a copula and its insult */
	LEX_TONE_LIKEYOU,  /* tone-likeyou.tsv: "like you", "wie du": the insult before is aimed */
	LEX_TONE_HOPE,     /* tone-hope.tsv: "hope", "ojalá": harm wished on the person after */
	LEX_TONE_HARM,     /* tone-harm.tsv: "choke", "verreckst": the harm a wish names */
	LEX_TONE_TYPICAL,  /* tone-typical.tsv: "typical": before a group, a sneer at it */
	LEX_TONE_UTTER,    /* tone-utterance.tsv: "take", "comment": an insult next to one is aimed */
	LEX_TONE_POSS,     /* tone-possessive.tsv: "their", "ihre": profanity before what is theirs is aimed */
	LEX_TONE_QUANT,    /* tone-quantifier.tsv: "some", "manche": plural name-calling after is aimed */
	LEX_TONE_LACK,     /* tone-lack.tsv: "no brain", "no life": an insult when said of someone */
	LEX_TONE_ONLY,     /* tone-only.tsv: "the only one", "der Einzige": who alone failed */
	LEX_TONE_CANNOT,   /* tone-cannot.tsv: "couldn't", "no supo": a failure, mocked after praise */
	LEX_TONE_VERDICT,  /* tone-verdict.tsv: "Pathetic.", "Peinlich.": a sentence of one word, aimed */
	LEX__COUNT
};
_Static_assert(LEX__COUNT <= 64, "lex_scan returns the families as 64 bits");
#define LEX_PII_FIRST LEX_PII_PHONE
#define LEX_PII_LAST LEX_PII_CONFIRM

struct lex_entry {
	enum lex_family family;
	const char *lang;
	const char *phrase;   /* as written in the file */
};

/*
 * The families of `want` (a bit set, 1ull << family) found in normalized
 * text t[0..n); LEX_ALL for every family.
 */
#define LEX_ALL (~0ull)
uint64_t lex_scan(const char *t, size_t n, uint64_t want);

/*
 * The first match of a family at or after byte `from` of normalized text t:
 * returns true with [*start, *end) in t's own bytes. Slower than lex_scan;
 * for the detectors that cite where a phrase was.
 */
int lex_find(const char *t, size_t n, enum lex_family f, size_t from, size_t *start,
	     size_t *end);

/*
 * Every match of the families of `want` in normalized text t[0..n), from
 * one scan, for code that asks several questions of one text: the hits in
 * the order lex_find would meet them. lex_hits_find answers as lex_find
 * does, without scanning again.
 */
struct lex_hit {
	size_t start, end;
	enum lex_family family;
};
struct lex_hits {
	struct lex_hit *v;
	size_t n, alloc;
	uint64_t families;   /* as lex_scan returns them */
};
#define LEX_HITS_INIT { NULL, 0, 0, 0 }
void lex_hits_scan(struct lex_hits *h, const char *t, size_t n, uint64_t want);
int lex_hits_find(const struct lex_hits *h, enum lex_family f, size_t from, size_t *start,
		  size_t *end);
void lex_hits_release(struct lex_hits *h);

/* The family's file name ("autodm-follow"), and every entry (for tests). */
const char *lex_family_name(enum lex_family f);
size_t lex_count(void);
const struct lex_entry *lex_entry(size_t i);

#endif

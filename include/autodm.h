/*
 * autodm: which accounts sent the owner automated direct messages, and
 * whether the owner's own account sent them (the `autodm` report).
 *
 * The detector reads the 1:1 messages once, in conversation order, through
 * one streaming statement, and keeps per message only ids, times, flags and
 * the 64-bit hash of its slotted text (text.h); texts are kept, with a
 * MinHash signature, only for the distinct templates that open a
 * conversation side (the messages sent before the other side wrote), which
 * are the only ones compared across conversations. Near-duplicate templates
 * are grouped by LSH (text_cluster), never by comparing all pairs.
 *
 * Inbound: each account that sent the owner 1:1 messages gets a sum S of the
 * weights below for the signals it shows, and is judged automated when
 * S >= AUTODM_AUTO_AT. The score printed is 1 - exp(-S) (0 when S <= 0),
 * so the verdict line sits at score 0.59. No signal alone decides, except
 * the two that are labels rather than guesses: the platform's own
 * welcomeMessageCreate event and a known validation service. Signals:
 *   - welcome: a welcomeMessageCreate event (a business's automated greeting);
 *   - service: a link to, or the fixed text of, a known auto-DM service;
 *   - campaign: an opening message whose template (after slotting) other
 *     senders sent too; full weight when the template carries a link,
 *     handle or e-mail, a little when it is plain text (people do say the
 *     same "thanks for the follow");
 *   - shared contact: an opening gives a phone number, e-mail address or
 *     messenger id that another stranger's opening gave too, in whatever
 *     words ("reverse it to 0559 774 201" and "return it to +233
 *     559774201"); not one the owner gave out;
 *   - crossing: minutes after the owner's mass welcome, the other side's
 *     own pitch with a link (two auto-DM apps fired by one follow) is an
 *     opening of its own, not an answer, and the owner did not write first;
 *   - a headline: an opening that starts with a pictograph and a loud first
 *     line (capitals or "!": "🔥 HOT SALE …"), never answered, as broadcasts
 *     are written in every language;
 *   - a system's notice: a sender's name and a colon first ("Posti:"), no
 *     question, and an identifier of capitals and digits or six digits, in
 *     any language, counts as a service's notice;
 *   - a discount: a percentage off and a code in capitals ("-60%, code
 *     BLACK60"), or a percentage and a link out of the blue, counts as a pitch;
 *   - resend: the same (or nearly the same) text sent again before the
 *     owner answered; more when it carries a link;
 *   - first contact with a link; a link-only (or nearly) message; a link
 *     shortener hiding the destination; several links before any answer;
 *   - unanswered: the sender wrote first and the owner never wrote back;
 *   - deaf: the owner answered and the sender never wrote again;
 *   - followed: the owner follows the sender, who wrote first (the
 *     "thanks for following, check out my…" auto-DM to new followers);
 *     not for a pitch in a letter of AUTODM_LETTER_WORDS words or more
 *     without link or handle (what a person proposing something writes);
 *   - regular: five or more opening messages at near-constant intervals;
 *   - the lexicon (lexicon.h, src/analyze/lexicon/autodm-*.tsv, 19 languages):
 *     an auto-DM tool's signature ("-via @crowdfire", or "Enviado desde
 *     <Tool>" set apart at the end of the message) anywhere; a
 *     follow-thanks formula, scam bait, a pitch or a messenger id in what
 *     the sender wrote before any answer; a service's notice or an app's
 *     invitation anywhere. Text is folded for look-alike letters first;
 *   - bait: a link with scam words or an app's invitation out of the blue
 *     (first, or after a week of silence), even from an account that talks
 *     with the owner at other times (hijacked accounts do this); such a
 *     message is not counted as an answer;
 *   - echo: answers that repeat the owner's last message inside a frame of
 *     their own ("Task ... added"), as command bots do;
 *   - plain campaign: the same words, eight or more, from three accounts or
 *     more that the owner never answered (customers ask the same short
 *     questions and stop once answered, so that alone is not a campaign);
 *     from two accounts when the text is AUTODM_PAIR_WORDS words or more
 *     and makes a pitch or an offer (customers ask, they do not sell);
 *   - instant: the same reply of AUTODM_LONG_WORDS words or more came
 *     within AUTODM_INSTANT_MS of two different messages of the owner (away
 *     notices, opening hours, "reply 1 for ..." menus): no one types twenty
 *     words in two seconds twice over, in any language. Such replies are
 *     not answers either, even when the owner wrote first; a person who
 *     answers quickly twice with different texts shows nothing;
 *   - fast: every reply came right after a message of the owner, faster
 *     than AUTODM_FAST_CPS characters a second (AUTODM_FAST_CHARS at
 *     least, a link counting as five): no one reads a message and types
 *     that much so soon. Such replies are not answers; a person whose
 *     message crossed the owner's also answers at leisure, and shows none;
 *     an automatic reply's words then count even after the owner wrote first;
 *   - scheduled: a message days after the sender's last one, at the same
 *     time of day to AUTODM_SCHEDULE_TOL_MS, without an answer between, from
 *     a sender that never answered: what a reminder or a weekly report sends;
 *   - priced: the opening names a price ("$199", "200 €") and gives a
 *     link, and the owner never answered: a seller's offer (a customer
 *     quoting what they paid is answered);
 *   - declined: the sender wrote first and the owner's first reply turned
 *     it down in a few words ("no thanks", "nein danke", autodm-decline.tsv),
 *     and the sender never answered with new text: an unsolicited offer;
 *   - keyword: the opening asks for a reply of one word in capitals
 *     ("Reply GROW and I'll send prices", "Balas NAK", "Réponds OUI"), as
 *     a robot that reads its replies does; people ask each other in words;
 *   - defanged: the opening writes its link so that filters miss it
 *     ("site . com", "site(.)net", "hxxp://"), as scam bait does;
 *   - against: the sender answered the owner with new text (a person does),
 *     and the owner opening the conversation.
 * Links to twitter.com/x.com (shared tweets) and DM attachments are not
 * counted as links.
 *
 * Confidence: sums were checked against the hand labels of the real corpus
 * (tests/real/): every sender at AUTODM_CERTAIN_AT or above was automated
 * (74 of 74), 97% of those between AUTODM_AUTO_AT and it (58 of 60). The
 * JSON says "near-certain" or "likely", and the advice follows: block and
 * report only the first.
 *
 * Outbound: the owner's messages sent before the counterpart wrote anything
 * (unsolicited) are clustered into templates. A template of three words or
 * more (besides its slots) is an auto-DM when it opened conversations with
 * at least AUTODM_OUT_RECIPIENTS accounts and its messages went mostly to
 * followers, came in bursts, were all sent within AUTODM_OUT_SPAN_MS, or
 * carry an app's invitation. Replies, and so canned answers to customers,
 * are never unsolicited; "Hi!" opening a few chats over the years is none;
 * nor is a text that nearly everyone it reached answered (AUTODM_OUT_ANSWERED:
 * a greeting is a question people answer, an app's message reaches many who
 * never do), unless its messages came in bursts or carry an invitation.
 * Bare links opening conversations with two accounts or more within
 * AUTODM_OUT_LINK_BURST_MS are auto-DMs whatever their number: what a
 * hijacked account sends.
 */
#ifndef DMAUDIT_AUTODM_H
#define DMAUDIT_AUTODM_H

/* Inbound weights: every threshold and weight of the detector is here. */
#define AUTODM_W_WELCOME        4.0
#define AUTODM_W_SERVICE        4.0
#define AUTODM_W_CAMPAIGN       1.2   /* shared template with a link, handle or e-mail */
#define AUTODM_W_CAMPAIGN_PLAIN 0.1   /* shared template of plain words, one other sender */
#define AUTODM_W_CAMPAIGN_MANY  1.0   /* … from AUTODM_CAMPAIGN_MANY other senders or more */
#define AUTODM_W_CONTACT_SHARED 1.2   /* an opening's phone, e-mail or messenger id, another stranger's too */
#define AUTODM_W_FOOTER         4.0   /* an auto-DM tool's signature (lexicon) */
#define AUTODM_W_FORMULA        0.7   /* opens with a follow-thanks formula */
#define AUTODM_W_SCAM           0.7   /* opens with scam bait */
#define AUTODM_W_STREAM         0.9   /* notices on several days, no question, no reply to the owner */
#define AUTODM_W_PROMO          0.3   /* opens with a pitch */
#define AUTODM_W_NOTICE         0.6   /* a service notice or app invitation */
#define AUTODM_W_CONTACT        0.6   /* asks to move to another messenger */
#define AUTODM_W_MERGE          0.4   /* greets with the owner's full name (a mail merge) */
#define AUTODM_W_AUTOREPLY      0.6   /* opens with a business's automatic reply */
#define AUTODM_W_HOURS          0.3   /* opens with opening hours as a range */
#define AUTODM_W_HEADER         0.6   /* opens with a bracketed label, as notices do */
#define AUTODM_W_OFFER          0.6   /* opens with a seller's offer: how to order, prices from */
#define AUTODM_W_DISCLAIM       0.6   /* opens disowning its pitch: "unsolicited DM", "not spam" */
#define AUTODM_W_INSTANT        2.0   /* the same long reply seconds after two owner messages */
#define AUTODM_W_FAST           1.0   /* its one reply faster than typing, no other answer */
#define AUTODM_W_FAST_MORE      2.0   /* … two replies or more, all of them so */
#define AUTODM_W_HANDOVER       4.0   /* an automatic reply's words faster than typing, then a person */
#define AUTODM_W_PHISHED        2.4   /* a stranger wrote first and the owner handed it a code or card */
#define AUTODM_W_PASTED         0.5   /* a second opening faster than typing after its first */
#define AUTODM_W_HASHTAGS       0.6   /* an opening with hashtags: "#TeamFollowBack #F4F" */
#define AUTODM_W_HEADLINE       0.3   /* an unanswered opening with a pictograph and a loud headline */
#define AUTODM_W_SCHEDULED      0.6   /* unanswered messages days apart at one time of day */
#define AUTODM_W_DEFANGED       0.6   /* opens with a link written to slip past filters */
#define AUTODM_W_PRICED         0.3   /* opens with a price and a link, never answered */
#define AUTODM_W_KEYWORD        0.6   /* asks for a one-word reply in capitals ("Reply GROW") */
#define AUTODM_W_DECLINED       0.3   /* the owner's first reply was "no thanks" */
#define AUTODM_W_BARE_PITCH     0.3   /* a pitch and its handle or link, nothing else */
#define AUTODM_W_BAIT           1.6   /* an app's invitation with a link out of the blue */
#define AUTODM_W_SCAM_BAIT      4.0   /* scam words with a link out of the blue: a hijacked account */
#define AUTODM_W_ECHO           4.0   /* answers that repeat the owner's message: a command bot */
#define AUTODM_W_RESEND_LINK    0.8
#define AUTODM_W_RESEND         0.3
#define AUTODM_W_RESEND_APART   0.6   /* a wordy text again, an hour or more later */
#define AUTODM_W_FIRST_LINK     0.4
#define AUTODM_W_LINK_ONLY      0.3
#define AUTODM_W_SHORTENER      0.4
#define AUTODM_W_LINK_RUN       0.2   /* two or more links before any answer */
#define AUTODM_W_UNANSWERED     0.3
#define AUTODM_W_DEAF           0.1
#define AUTODM_W_FOLLOWED       0.3
#define AUTODM_W_REGULAR        0.4
#define AUTODM_W_CONVERSES     -1.5   /* answered the owner with new text */
#define AUTODM_W_CONVERSES_MORE -0.5  /* … and did so three times or more */
#define AUTODM_W_OWNER_FIRST   -1.0
#define AUTODM_AUTO_AT          0.9   /* S at or above: automated ("likely") */
#define AUTODM_LINKS_ALONE_MAX  0.8   /* the most that link signals alone can sum to */
#define AUTODM_CERTAIN_AT       1.5   /* S at or above: "near-certain" (see README) */

#define AUTODM_CAMPAIGN_OTHERS  1     /* other senders of the template that make a campaign */
#define AUTODM_CAMPAIGN_MANY    2     /* other senders that make plain words a campaign */
#define AUTODM_CAMPAIGN_LINKED  0.8   /* share of its senders whose copy has the link */
#define AUTODM_MIN_TOKENS       3     /* shorter texts are never compared as near-duplicates */
#define AUTODM_LONG_WORDS       8     /* a shared plain text this long is a campaign */
#define AUTODM_QUESTION_TAIL    12    /* bytes after a question that still end with it (" 🙏", " :)") */
#define AUTODM_PAIR_WORDS       15    /* … from one other sender too, when it makes a pitch */
#define AUTODM_LETTER_WORDS     40    /* a plain pitch this long is a person's letter */
#define AUTODM_LINK_ONLY_WORDS  3     /* a link with at most this many words is link-only */
#define AUTODM_RESEND_WINDOW    16    /* earlier messages of a run compared for resends */
#define AUTODM_RESEND_APART_MS  (60 * 60 * 1000) /* resent this much later: not a double send */
#define AUTODM_MERGE_WITHIN     24    /* bytes from the start where the full name greets */
#define AUTODM_ECHO_MIN         2     /* echoing answers that make a bot */
#define AUTODM_ECHO_BYTES       12    /* owner messages shorter than this are not looked for */
#define AUTODM_OUT_OF_BLUE_MS   (7LL * 24 * 60 * 60 * 1000) /* silence before bait */
#define AUTODM_REGULAR_CV       0.15  /* coefficient of variation of intervals: regular */
#define AUTODM_REGULAR_MIN      5     /* opening messages needed to judge regularity */
#define AUTODM_MESSENGER_NEAR   32    /* bytes before a messenger's name where its id sits */
#define AUTODM_MESSENGER_AFTER  80    /* … and after it, on its line */
#define AUTODM_RETURNS_GAP      8     /* bytes between two amounts that promise a return */
#define AUTODM_STREAM_MSGS      3     /* a notice stream: this many messages … */
#define AUTODM_STREAM_DAYS      3     /* … on this many days */
#define AUTODM_STALE_MS         (2 * 86400000LL)  /* a message this long after the owner's answers nothing */
#define AUTODM_RETURNS_RATIO    5     /* … the second this many times the first */
#define AUTODM_HEADER_BYTES     40    /* the most a bracketed notice label holds */
#define AUTODM_LABEL_LEAD       12    /* bytes (emoji, symbols) before a notice's "Title:" */
#define AUTODM_THANKS_GAP       3     /* words between a thanks word and "follow" */
#define AUTODM_BARE_PITCH_WORDS 4     /* a pitch with a link or handle and at most this many words */
#define AUTODM_INSTANT_MS       5000  /* a long reply this soon after the owner's: no one typed it */
#define AUTODM_FAST_CHARS       24    /* a reply this long (characters, a link as five) … */
#define AUTODM_DECLINE_WORDS    6     /* a "no thanks" reply has at most this many words */
#define AUTODM_FAST_CPS         6.0   /* … at more characters a second than this: not typed */
#define AUTODM_HANDOVER_FAST    2     /* such replies before any answer: a bot, whoever follows */
#define AUTODM_HASHTAGS         2     /* hashtags in an opening that make it a timeline's text */
#define AUTODM_PHISH_REPLIES    4     /* the owner's first replies read for a code or a card handed over */
#define AUTODM_PASTE_CPS        12.0  /* a message after the sender's own at this pace: pasted */
#define AUTODM_WIDE_KEYS        2     /* characters a CJK character counts as, typed by an IME */
#define AUTODM_SCHEDULE_TOL_MS  (90 * 1000) /* days apart to this much: the same time of day */

/* Outbound. */
#define AUTODM_OUT_RECIPIENTS   3     /* a template must open this many conversations */
#define AUTODM_CONTACT_CROWD    8     /* strangers giving one number: a hotline, not a campaign */
#define AUTODM_CROSSED_MS       (3 * 60 * 60 * 1000) /* a pitch this soon after the owner's mass welcome crossed it */
#define AUTODM_OUT_MIN_KEYS     12    /* a template shorter than this is a greeting, no auto-DM */
#define AUTODM_OUT_SHARE        0.5   /* share of followers, or of messages in bursts */
#define AUTODM_OUT_ANSWERED     0.9   /* share of recipients who answered: the owner talking */
#define AUTODM_BURST_MS         (15 * 60 * 1000)  /* same template within: a burst */
#define AUTODM_OUT_LINK_BURST_MS (5 * 60 * 1000)  /* bare links to two accounts within: hijacked */
#define AUTODM_OUT_SPAN_MS      (30LL * 24 * 60 * 60 * 1000) /* all its openings within: pasted */

/* The text audit lists at most this many lines of senders (groups count one). */
#define AUTODM_VIEW_LINES       25

#endif

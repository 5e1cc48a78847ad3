/*
 * Unit tests for the autodm detector: a small store built in a temporary
 * database from the cases below (one conversation per counterpart), then
 * the verdicts of autodm_analyse checked against each case's expectation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "autodm_result.h"
#include "jsonw.h"
#include "report.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OWNER 1000

struct msg_spec {
	char who;            /* 'c' counterpart, 'o' owner, 0 ends the list */
	double minutes;      /* after the case's start (a second is 1/60) */
	const char *text;
	const char *url;     /* expanded link, or NULL */
	bool welcome;
};

struct sender_case {
	int64_t id;
	const char *handle;
	bool followed;       /* the owner follows them */
	bool follower;       /* they follow the owner */
	int expect;          /* 1 automated, 0 not, -1 never wrote (owner-only) */
	struct msg_spec m[8];
};

static const struct sender_case cases[] = {
	/* people who say "thanks for the follow", then really talk */
	{ 11, "anna", true, true, 0, {
		{ 'c', 0, "Thanks for the follow! Love your shop", NULL, false },
		{ 'o', 40, "Thank you! Anything you're looking for?", NULL, false },
		{ 'c', 55, "Yes, do you have the green scarf in medium?", NULL, false },
		{ 'o', 90, "We do, here it is", "https://shop.example/scarf", false },
		{ 'c', 95, "Great, ordering now", NULL, false } } },
	{ 12, "boris", true, true, 0, {
		{ 'c', 0, "Thanks for the follow! Love your shop", NULL, false },
		{ 'o', 30, "Thanks Boris!", NULL, false },
		{ 'c', 31, "Do you ship to Norway by the way?", NULL, false } } },
	{ 13, "chen", true, true, 0, {
		{ 'c', 0, "Thanks for the follow! Love your shop", NULL, false },
		{ 'o', 20, "Welcome aboard", NULL, false },
		{ 'c', 25, "haha thanks, the new boots look great", NULL, false } } },
	/* follower validation */
	{ 21, "dora", true, false, 1, {
		{ 'c', 0, "dora uses TrueTwit validation service. To validate click here: http://t.co/a1",
		  "http://truetwit.com/vy1", false } } },
	/* a spam campaign: one template, three senders, nobody followed */
	{ 31, "x1", false, false, 1, {
		{ 'c', 0, "Congratulations Northwind! You have been selected to receive a gift card. Claim now: https://t.co/q1",
		  "http://prize-claim.example/a", false } } },
	{ 32, "x2", false, false, 1, {
		{ 'c', 0, "Congratulations Northwind! You have been selected to receive a gift card. Claim now: https://t.co/q2",
		  "http://prize-claim.example/b", false } } },
	{ 33, "x3", false, false, 1, {
		{ 'c', 0, "Congratulations @northwind_goods! You have been selected to receive a gift card. Claim now: https://t.co/q3",
		  "http://prize-claim.example/c", false },
		{ 'c', 600, "Congratulations @northwind_goods! You have been selected to receive a gift card. Claim now: https://t.co/q3",
		  "http://prize-claim.example/c", false } } },
	/* the same in Spanish and Japanese */
	{ 41, "es1", false, false, 1, {
		{ 'c', 0, "¡Gana dinero desde casa sin experiencia! Plazas limitadas: https://t.co/e1",
		  "http://gana.example/1", false } } },
	{ 42, "es2", false, false, 1, {
		{ 'c', 0, "¡Gana dinero desde casa sin experiencia!! Plazas limitadas: https://t.co/e2",
		  "http://gana.example/2", false } } },
	{ 51, "jp1", true, false, 1, {
		{ 'c', 0, "フォローありがとうございます！無料プレゼントはこちらから https://t.co/j1",
		  "http://present.example/1", false } } },
	{ 52, "jp2", true, false, 1, {
		{ 'c', 0, "フォローありがとうございます!!無料プレゼントはこちらから https://t.co/j2",
		  "http://present.example/2", false } } },
	/* a business's welcome bot, answered by its follow-up */
	{ 61, "bankbot", true, false, 1, {
		{ 'c', 0, "Hi! Thanks for contacting NovaBank. How can we help you today?", NULL, true },
		{ 'o', 1, "I need help with my account", NULL, false },
		{ 'c', 2, "Thanks, your request has been logged.", NULL, false } } },
	/* customers: an unanswered question, one with a tracking link, one chasing */
	{ 71, "cust1", false, false, 0, {
		{ 'c', 0, "Do you ship to Ireland?", NULL, false } } },
	{ 72, "cust2", false, true, 0, {
		{ 'c', 0, "Hi, my order hasn't arrived yet, can you check? https://t.co/u1",
		  "https://www.ups.com/track?tracknum=1Z999", false },
		{ 'o', 30, "Thanks for your message! We'll get back to you within 24 hours.", NULL, false } } },
	{ 73, "cust3", false, false, 0, {
		{ 'c', 0, "Do you ship to Ireland?", NULL, false },
		{ 'c', 300, "hello? Do you ship to Ireland?", NULL, false },
		{ 'o', 400, "Thanks for your message! We'll get back to you within 24 hours.", NULL, false } } },
	{ 74, "cust4", false, false, 0, {
		{ 'c', 0, "Is the blue jacket back in stock?", NULL, false },
		{ 'o', 20, "Thanks for your message! We'll get back to you within 24 hours.", NULL, false },
		{ 'c', 25, "ok thanks", NULL, false } } },
	{ 75, "cust5", false, false, 0, {
		{ 'c', 0, "Can I change the delivery address on my order?", NULL, false },
		{ 'o', 20, "Thanks for your message! We'll get back to you within 24 hours.", NULL, false } } },
	/* the owner's own auto-DMs to new followers, in a burst */
	{ 81, "f1", false, true, -1, {
		{ 'o', 0, "Hi Fiona! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n1",
		  "https://shop.example/new", false } } },
	{ 82, "f2", false, true, -1, {
		{ 'o', 1, "Hi Gustav! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n2",
		  "https://shop.example/new", false } } },
	{ 83, "f3", false, true, -1, {
		{ 'o', 2, "Hi Hana! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n3",
		  "https://shop.example/new", false } } },
	{ 84, "f4", false, true, 0, {
		{ 'o', 3, "Hi Ivo! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n4",
		  "https://shop.example/new", false },
		{ 'c', 60, "thanks, nice shoes", NULL, false } } },
	/* the same welcome, then minutes later the other side's own pitch with its
	 * link: two auto-DM apps crossing; a person who answers it is none */
	{ 88, "crossing", false, true, 1, {
		{ 'o', 4, "Hi Jo! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n5",
		  "https://shop.example/new", false },
		{ 'c', 8, "Thanks for the follow! Stream my new single here: https://t.co/single1",
		  "https://music.example/single", false } } },
	{ 89, "answers-welcome", false, true, 0, {
		{ 'o', 5, "Hi Kai! Thanks for following Northwind Goods. Take a look at our new collection: https://t.co/n6",
		  "https://shop.example/new", false },
		{ 'c', 9, "thank you! do you ship to Norway?", NULL, false } } },
	/* a game's challenge sent from the owner's account once a week at 12:00
	 * sharp, months apart: scheduled, the owner's auto-DMs */
	{ 85, "sc1", false, false, -1, {
		{ 'o', 60 * 24 * 100 + 720, "Ik speel Fietsrace en daag je uit! Versla mijn score van 24.600 punten: https://t.co/g1",
		  "https://game.example/c/1", false } } },
	{ 86, "sc2", false, false, -1, {
		{ 'o', 60 * 24 * 121 + 720, "Ik speel Fietsrace en daag je uit! Versla mijn score van 31.200 punten: https://t.co/g2",
		  "https://game.example/c/2", false } } },
	{ 87, "sc3", false, false, -1, {
		{ 'o', 60 * 24 * 149 + 720, "Ik speel Fietsrace en daag je uit! Versla mijn score van 12.900 punten: https://t.co/g3",
		  "https://game.example/c/3", false } } },
	/* asks for a one-word reply in capitals, never answered: a robot's pitch */
	{ 981, "kw1", false, false, 1, {
		{ 'c', 0, "Hey there! We design logos for small brands in 24 hours. Reply LOGO and I will send samples", NULL, false } } },
	/* a friend asks for a word in capitals, and the talk goes on: a person */
	{ 982, "kw2", true, true, 0, {
		{ 'c', 0, "party at mine on saturday, reply YES if you are coming", NULL, false },
		{ 'o', 30, "YES obviously, what should I bring?", NULL, false },
		{ 'c', 45, "just snacks and good vibes", NULL, false } } },
	/* a keyword in quotes, or several, asks for no verb: software reads the answer */
	{ 983, "kw3", false, true, 1, {
		{ 'c', 0, "Velkommen! Du følger nu Grøn Nabo. Skriv HJÆLP for vores guides, eller STOP for at afmelde", NULL, false } } },
	{ 984, "kw4", false, false, 1, {
		{ 'c', 0, "Doubled my savings in a month with one trick 📈 DM me 'START' and I show you how", NULL, false } } },
	/* a friend quoting a shout in capitals, and the talk goes on: a person */
	{ 985, "kw5", true, true, 0, {
		{ 'c', 0, "my boss literally wrote \"URGENT\" on a post-it and left for lunch", NULL, false },
		{ 'o', 20, "classic, did you do it?", NULL, false },
		{ 'c', 26, "obviously not lol", NULL, false } } },
	/* one romance opener of many words from two accounts, asking for a messenger id,
	 * silent once the owner replied: a campaign */
	{ 986, "rs1", false, false, 1, {
		{ 'c', 0, "Good evening dear, your smile in the photos caught my eye and I would love to know you better. I work on a ship abroad, my Telegram is kaptrob88", NULL, false },
		{ 'o', 300, "no", NULL, false } } },
	{ 987, "rs2", false, false, 1, {
		{ 'c', 60 * 24 * 40, "Good evening dear, your smile in the photos caught my eye and I would love to know you better. I work on a ship abroad, my Telegram is kaptrob88", NULL, false },
		{ 'o', 60 * 24 * 40 + 90, "who are you?", NULL, false } } },
	/* a template three accounts sent, unanswered for weeks, then a chat the
	 * sender began: the chat answers nothing the template said */
	{ 988, "lc1", false, true, 1, {
		{ 'c', 0, "Hey thanks for following :) I tweet about growth hacking tips, hope you enjoy!", NULL, false },
		{ 'c', 60 * 24 * 40, "omg did you see the game last night", NULL, false },
		{ 'o', 60 * 24 * 40 + 20, "yes!! what a finish", NULL, false },
		{ 'c', 60 * 24 * 40 + 25, "unreal, my voice is gone", NULL, false } } },
	{ 989, "lc2", false, true, 1, {
		{ 'c', 60 * 24 * 3, "Hey thanks for following :) I tweet about growth hacking tips, hope you enjoy!", NULL, false } } },
	{ 991, "lc4", false, true, 1, {
		{ 'c', 60 * 24 * 5, "Hey thanks for following :) I tweet about growth hacking tips, hope you enjoy!", NULL, false } } },
	/* a person's own short thanks, then years later a real talk: a person */
	{ 990, "lc3", true, true, 0, {
		{ 'c', 0, "Thanks for the follow :)", NULL, false },
		{ 'o', 60 * 24 * 400, "Hi Dana, we met at the conference, do you still have the slides?", NULL, false },
		{ 'c', 60 * 24 * 400 + 30, "Hi! yes, sending them tonight by email", NULL, false } } },
	/* a greeting alone, to four followers within days, two never answering:
	 * however often, "こんにちは！" is no auto-DM */
	{ 1160, "hi1", true, true, -1, {
		{ 'o', 60 * 24 * 2, "こんにちは！", NULL, false } } },
	{ 1161, "hi2", true, true, 0, {
		{ 'o', 60 * 24 * 3, "こんにちは！", NULL, false },
		{ 'c', 60 * 24 * 3 + 30, "こんにちは〜元気？", NULL, false } } },
	{ 1162, "hi3", true, true, -1, {
		{ 'o', 60 * 24 * 4, "こんにちは！", NULL, false } } },
	{ 1163, "hi4", true, true, 0, {
		{ 'o', 60 * 24 * 5, "こんにちは！", NULL, false },
		{ 'c', 60 * 24 * 5 + 10, "久しぶり！", NULL, false } } },
	/* the owner's greeting, opening chats with followers now and then: each
	 * answered it, so it is the owner talking, no auto-DM */
	{ 151, "g1", true, true, 0, {
		{ 'o', 0, "Holaaa, ¿cómo vas? 😊", NULL, false },
		{ 'c', 90, "bien! y tú? hace rato", NULL, false } } },
	{ 152, "g2", true, true, 0, {
		{ 'o', 60 * 24 * 9, "Holaaa, ¿cómo vas? 😊", NULL, false },
		{ 'c', 60 * 24 * 9 + 300, "todo tranquilo, trabajando mucho", NULL, false } } },
	{ 153, "g3", true, true, 0, {
		{ 'o', 60 * 24 * 17, "Holaaa, ¿cómo vas? 😊", NULL, false },
		{ 'c', 60 * 24 * 17 + 45, "uf cansada jaja, y tu?", NULL, false } } },
	{ 154, "g4", true, true, 0, {
		{ 'o', 60 * 24 * 25, "Holaaa, ¿cómo vas? 😊", NULL, false },
		{ 'c', 60 * 24 * 26, "perdón, apenas vi esto! bien bien", NULL, false } } },
	/* the owner's thanks pasted to three people months apart, sent twice to one
	 * of them by a slip of the thumb, answered by all: no burst, no auto-DM */
	{ 155, "d1", true, true, 0, {
		{ 'o', 0, "That is brilliant, thank you so much for fundraising for us", NULL, false },
		{ 'o', 0.5, "That is brilliant, thank you so much for fundraising for us!", NULL, false },
		{ 'c', 400, "we raised 412 at the bake sale, next year more", NULL, false } } },
	{ 156, "d2", true, true, 0, {
		{ 'o', 60 * 24 * 60, "That is brilliant, thank you so much for fundraising for us", NULL, false },
		{ 'c', 60 * 24 * 60 + 30, "any time, see you at the drop-in", NULL, false } } },
	{ 157, "d3", true, true, 0, {
		{ 'o', 60 * 24 * 200, "That is brilliant, thank you so much for fundraising for us", NULL, false },
		{ 'c', 60 * 24 * 201, "aw thanks, it was fun", NULL, false } } },
	/* a service's greeting, then fourteen characters of Chinese two seconds after
	 * the owner wrote: no one types that through an input method so fast */
	{ 158, "cs1", false, true, 1, {
		{ 'c', 0, "您好，欢迎来到云帆物流官方账号～请直接留言您的问题，客服上线后第一时间回复。", NULL, false },
		{ 'o', 1, "你好、周五有空吗？", NULL, false },
		{ 'c', 1 + 2.0 / 60, "已收到您的留言，请耐心等待。", NULL, false } } },
	/* follow-thanks without a link, never answered: an auto-DM app */
	{ 91, "lf1", true, true, 1, {
		{ 'c', 0, "Thank you so much for the follow!! 💖💖 have a lovely day", NULL, false } } },
	/* a tool's signature inside a real conversation */
	{ 92, "foot", false, true, 1, {
		{ 'o', 0, "Hi Maria, are you coming to the fair?", NULL, false },
		{ 'c', 30, "Yes! See you there", NULL, false },
		{ 'c', 900, "Thanks for following me -via @crowdfire", NULL, false },
		{ 'c', 960, "sorry, that was my app", NULL, false },
		{ 'o', 990, "haha no worries", NULL, false } } },
	/* a friend's account hijacked: link bait a month after the last message */
	{ 93, "hijacked", false, false, 1, {
		{ 'o', 0, "Lunch on Friday?", NULL, false },
		{ 'c', 10, "Sure, 12:30 at the usual place", NULL, false },
		{ 'c', 50000, "is this you in this video?? https://t.co/v1", "http://vid-share.example/x", false },
		{ 'o', 50100, "I think your account was hacked", NULL, false },
		{ 'c', 50200, "oh no, thanks, changing my password now", NULL, false } } },
	/* a command bot repeats what the owner sent */
	{ 94, "todo", false, false, 1, {
		{ 'o', 0, "buy coffee beans tomorrow", NULL, false },
		{ 'c', 1, "Task \"buy coffee beans tomorrow\" saved to your list.", NULL, false },
		{ 'o', 5, "call the printer about the banner", NULL, false },
		{ 'c', 6, "Task \"call the printer about the banner\" saved to your list.", NULL, false } } },
	/* scam bait that avoids links: a spaced domain and a messenger id */
	{ 95, "bait1", false, false, 1, {
		{ 'c', 0, "Congrats!! You have won our giveaway, visit prizebox .com to claim", NULL, false } } },
	{ 96, "bait2", false, false, 1, {
		{ 'c', 0, "I help people grow their savings fast, whatsapp me +1 555 0100", NULL, false } } },
	/* the same long plain text from three accounts, never answered */
	{ 97, "pc1", false, false, 1, {
		{ 'c', 0, "Good morning, I would like to tell you about a wonderful opportunity for your family today", NULL, false } } },
	{ 98, "pc2", false, false, 1, {
		{ 'c', 0, "Good morning, I would like to tell you about a wonderful opportunity for your family today", NULL, false } } },
	{ 99, "pc3", false, false, 1, {
		{ 'c', 0, "Good morning, I would like to tell you about a wonderful opportunity for your family today", NULL, false } } },
	/* a bare link dressed up as the platform: bait from a hacked site */
	{ 104, "dressed", false, false, 1, {
		{ 'c', 0, "Recommend https://t.co/r1", "http://shop.example/img/twitter.com.html", false } } },
	/* a friend sharing links, unanswered: links alone are not enough */
	{ 101, "linker", true, true, 0, {
		{ 'c', 0, "https://t.co/l1", "https://news.example/story", false },
		{ 'c', 2, "this made me think of you", NULL, false } } },
	/* "hi dear" and a real question, answered */
	{ 102, "dear", true, false, 0, {
		{ 'c', 0, "Hi dear Maria,", NULL, false },
		{ 'c', 1, "can you make the scarf in blue too?", NULL, false },
		{ 'o', 30, "yes, next week", NULL, false } } },
	/* automatic replies, never answered: a business's voice, reply times, a menu */
	{ 110, "clinic", false, false, 1, {
		{ 'c', 0, "Hello! Thanks for your message. The front desk replies on weekdays, we'll get back to you soon.", NULL, false } } },
	{ 111, "tienda", false, false, 1, {
		{ 'c', 0, "¡Hola! Gracias por tu mensaje, te responderemos lo antes posible.", NULL, false } } },
	/* a messenger's name with an id beside it, in any words */
	{ 112, "fxmanager", false, false, 1, {
		{ 'c', 0, "Great returns every week, my manager is on Telegram @fx_manager_99", NULL, false } } },
	/* a notice's title first: a label and a colon, or a bracketed label */
	{ 113, "statsapp", false, false, 1, {
		{ 'c', 0, "Alerta: 3 cuentas dejaron de seguirte esta semana", NULL, false } } },
	{ 114, "jpnotice", false, false, 1, {
		{ 'c', 0, "【お知らせ】今週のフォロワー数が更新されました", NULL, false } } },
	/* thanks for the follow in a language that borrows the word */
	{ 115, "grazie", false, false, 1, {
		{ 'c', 0, "Grazie mille per il follow, a presto!", NULL, false } } },
	/* a seller's offer without a link */
	{ 116, "candles", false, false, 1, {
		{ 'c', 0, "Handmade soy candles, free shipping on all orders this week. DM to order!", NULL, false } } },
	/* nothing but a pitch and a handle */
	{ 117, "pleasefollow", false, false, 1, {
		{ 'c', 0, "Please follow @SomeBandOfficial", NULL, false } } },
	/* a follower validation asking to prove a person is there */
	{ 118, "guard", false, false, 1, {
		{ 'c', 0, "Hi! Please verify you're a real person before I follow back.", NULL, false } } },
	/* a pitch disowned before it is made, never answered */
	{ 119, "disclaim", false, false, 1, {
		{ 'c', 0, "This isn't a commercial message: a free guide to my garden tools, reply for it", NULL, false } } },
	/* hard negatives: customers and people in their own words */
	{ 127, "bother", false, false, 0, {
		{ 'c', 0, "Sorry to bother you out of the blue, is the workshop still on Friday?", NULL, false } } },
	{ 120, "followup", false, false, 0, {
		{ 'c', 0, "Thanks for following up on my order, it arrived today", NULL, false } } },
	{ 121, "window", false, false, 0, {
		{ 'c', 0, "Can you deliver between 09:00-13:00 on Friday? Here is the address", "https://maps.example/p/1", false } } },
	{ 122, "shipping", false, false, 0, {
		{ 'c', 0, "Do you have free shipping to Canada? And is there a discount for students?", NULL, false } } },
	{ 123, "reminder", false, false, 0, {
		{ 'c', 0, "Reminder: is my order shipped yet?", NULL, false } } },
	{ 124, "grazie-person", true, true, 0, {
		{ 'c', 0, "Grazie per il follow! Ho visto le vostre sciarpe, bellissime", NULL, false },
		{ 'o', 30, "Grazie a te!", NULL, false },
		{ 'c', 40, "Spedite anche in Svizzera? Ne vorrei due", NULL, false } } },
	{ 125, "wa-friend", false, false, 0, {
		{ 'o', 0, "What's the best way to reach you next week?", NULL, false },
		{ 'c', 10, "my whatsapp is +44 7700 900123, text me any time", NULL, false } } },
	{ 126, "thefollowup", false, false, 0, {
		{ 'c', 0, "Thank you for the follow-up yesterday, the replacement fits", NULL, false } } },
	/* the same long reply within seconds of each of the owner's messages: an away notice */
	{ 130, "awaybot", false, false, 1, {
		{ 'o', 0, "Guten Tag, ist die Teigknetmaschine TK-40 wieder lieferbar?", NULL, false },
		{ 'c', 2 / 60.0, "Vielen Dank für Ihre Nachricht! Unser Kundenservice ist Mo–Fr von 8 bis 17 Uhr für Sie da.", NULL, false },
		{ 'o', 50, "Danke, ich warte.", NULL, false },
		{ 'c', 50 + 3 / 60.0, "Vielen Dank für Ihre Nachricht! Unser Kundenservice ist Mo–Fr von 8 bis 17 Uhr für Sie da.", NULL, false } } },
	{ 131, "menubot", false, false, 1, {
		{ 'o', 0, "Olá, ainda têm farinha de centeio?", NULL, false },
		{ 'c', 1 / 60.0, "Olá! Responda com um número: 1 Horários 2 Encomendas 3 Falar com uma pessoa", NULL, false },
		{ 'o', 3, "2", NULL, false },
		{ 'c', 3 + 1 / 60.0, "Olá! Responda com um número: 1 Horários 2 Encomendas 3 Falar com uma pessoa", NULL, false } } },
	/* hard negatives: a quick person answers twice with new text, as fast as
	 * one types; a clerk pastes the same long text again, but minutes later */
	{ 132, "quick", false, false, 0, {
		{ 'o', 0, "Do you still have the green scarf in medium size?", NULL, false },
		{ 'c', 15 / 60.0, "yes we do have it in medium and also in large, want me to hold one", NULL, false },
		{ 'o', 2, "Yes please, until Friday", NULL, false },
		{ 'c', 2 + 14 / 60.0, "done, it is under your name until Friday evening at the counter", NULL, false } } },
	/* a reply faster than anyone types, and no other answer: software */
	{ 160, "away-bot", false, false, 1, {
		{ 'o', 0, "Hi Sam, thanks for following us! Your first month is free, have a look around", NULL, false },
		{ 'c', 6 / 60.0, "Thanks for reaching out! I'm away until Monday and will reply then.", NULL, false } } },
	{ 161, "menu-bot", false, false, 1, {
		{ 'o', 0, "hello, my payout for February is missing", NULL, false },
		{ 'c', 1 / 60.0, "Please share your property number and a short description of the issue.", NULL, false },
		{ 'o', 1, "Property 884213, February payout", NULL, false },
		{ 'c', 1 + 2 / 60.0, "Thanks! A case has been created. A specialist will reply by email soon.", NULL, false } } },
	/* a desk's bot answers at once, then an agent talks: the first reply was software's */
	{ 1164, "handover", false, false, 1, {
		{ 'o', 0, "Hola, mi pedido 4471 no ha llegado todavía", NULL, false },
		{ 'c', 2 / 60.0, "¡Gracias por escribirnos! Hemos recibido tu mensaje y un asesor te responderá en breve.", NULL, false },
		{ 'c', 25, "Hola, soy Lucía. Ya revisé tu pedido, sale mañana por la mañana", NULL, false },
		{ 'o', 30, "Perfecto, muchas gracias", NULL, false },
		{ 'c', 34, "A ti, cualquier cosa me escribes por aquí", NULL, false },
		{ 'o', 40, "vale", NULL, false },
		{ 'c', 41, "¡Que tengas buen día!", NULL, false } } },
	/* two replies faster than typing before any answer, then a person: a bot's dialogue */
	{ 1165, "bot-dialogue", false, false, 1, {
		{ 'o', 0, "Hi, my voucher from last week never arrived", NULL, false },
		{ 'c', 2 / 60.0, "Sure. Please type the reference of your purchase below.", NULL, false },
		{ 'o', 1, "ZX-88213", NULL, false },
		{ 'c', 1 + 2 / 60.0, "Noted, linking you with a colleague now. Typical wait: 7 minutes.", NULL, false },
		{ 'c', 20, "Hello, Tomasz here. I found it, it was stuck with the bank, refunded now", NULL, false },
		{ 'o', 25, "great, thanks", NULL, false },
		{ 'c', 28, "You're welcome, it should show up within three days", NULL, false } } },
	/* hard negative: a friend whose messages cross the owner's twice, after talking */
	{ 1166, "crossed-twice", false, false, 0, {
		{ 'c', 0, "are you still up for the hike on Saturday?", NULL, false },
		{ 'o', 20, "yes! which trail?", NULL, false },
		{ 'c', 30, "the ridge one, starts at the old mill car park", NULL, false },
		{ 'o', 40, "perfect, what time", NULL, false },
		{ 'c', 40 + 2 / 60.0, "and bring water, there is no fountain up there at all", NULL, false },
		{ 'o', 50, "will do", NULL, false },
		{ 'c', 50 + 2 / 60.0, "eight o'clock is fine with me if it works for you too", NULL, false } } },
	/* a stranger opens as support and asks for the code the owner got: phishing */
	{ 1167, "fake-support", false, false, 1, {
		{ 'c', 0, "Dobrý den, tady podpora banky. Zaznamenali jsme podezřelé přihlášení k vašemu účtu.", NULL, false },
		{ 'o', 9, "opravdu? co mám udělat", NULL, false },
		{ 'c', 12, "Pro zablokování nám prosím pošlete kód, který vám přišel v SMS.", NULL, false },
		{ 'o', 15, "kód 582014", NULL, false },
		{ 'c', 17, "Děkujeme, ještě potvrďte číslo karty kvůli vrácení peněz.", NULL, false },
		{ 'o', 20, "4556 7375 8689 9855", NULL, false } } },
	/* hard negatives: a card number the owner gives unasked; a password a friend asked for */
	{ 1168, "card-unasked", false, false, 0, {
		{ 'c', 0, "Hi, is there still room in the Saturday group for my son?", NULL, false },
		{ 'o', 60, "Yes there is, fees can be paid by transfer", NULL, false },
		{ 'c', 90, "great, he will come with his friend Tomas", NULL, false },
		{ 'o', 100, "company card for the hall booking: 4556 7375 8689 9855", NULL, false },
		{ 'c', 300, "thanks, see you Saturday", NULL, false } } },
	{ 1169, "wifi-friend", true, true, 0, {
		{ 'c', 0, "what's the wifi password at the studio again?", NULL, false },
		{ 'o', 5, "password: Bl4ckbird!77", NULL, false },
		{ 'c', 7, "works, thanks", NULL, false } } },
	/* the bait, and two seconds later where to claim it: a second text pasted */
	{ 1170, "prize-split", false, false, 1, {
		{ 'c', 0, "Selamat! Nomor kamu terpilih dapat hadiah undian bulan ini", NULL, false },
		{ 'c', 2 / 60.0, "Hubungi admin lewat WhatsApp +62 812 0959 4265 sebelum jam 12 malam ya", NULL, false },
		{ 'o', 50, "dapat nomor saya dari mana", NULL, false } } },
	/* the same, its messenger written "WA" as Indonesian, Malay and Nigerian chats write it */
	{ 1174, "prize-wa", false, false, 1, {
		{ 'c', 0, "Selamat! Akun kamu terpilih dapat saldo undian bulan ini", NULL, false },
		{ 'c', 2 / 60.0, "Konfirmasi ke admin lewat WA +6281209594265 sebelum jam 12 malam", NULL, false },
		{ 'o', 50, "dapat nomor saya dari mana", NULL, false } } },
	/* hard negative: a person's two openings, the second typed at a person's pace */
	{ 1171, "two-typed", false, false, 0, {
		{ 'c', 0, "hey, long time no see!", NULL, false },
		{ 'c', 0.5, "are you coming to Dina's birthday on Friday evening?", NULL, false },
		{ 'o', 50, "yes! see you there", NULL, false } } },
	/* a follow train's text, hashtags and all, that no one answered */
	{ 1172, "follow-train", false, false, 1, {
		{ 'c', 0, "Takip et takip edeyim 🔁 #TakipEdeniTakipEderim #GT #F4F", NULL, false } } },
	/* hard negative: a person's opening with one hashtag, answered */
	{ 1173, "one-tag", false, false, 0, {
		{ 'c', 0, "loved your talk at #PyConDE yesterday, will the slides be online?", NULL, false },
		{ 'o', 30, "yes, next week!", NULL, false },
		{ 'c', 40, "great, thanks a lot", NULL, false } } },
	/* hard negative: one message crossed the owner's, the others came at leisure */
	{ 162, "crossed", false, false, 0, {
		{ 'c', 0, "hey, are you coming to the meetup on Thursday?", NULL, false },
		{ 'o', 30, "Probably! Who else is going?", NULL, false },
		{ 'c', 30 + 2 / 60.0, "also, could you bring the projector cable if you still have it", NULL, false },
		{ 'c', 33, "Marta and Jonas, maybe Ines", NULL, false },
		{ 'o', 40, "ok, will bring it", NULL, false },
		{ 'c', 44, "great, see you there", NULL, false } } },
	/* the same time of day, days apart, never an answer: scheduled software */
	{ 163, "weekly", false, false, 1, {
		{ 'c', 0, "Your account this week: 1,204 views and 86 profile visits. Full report: https://t.co/r1", "https://stats.example/r1", false },
		{ 'c', 7 * 1440 + 0.5, "Your account this week: 1,320 views and 91 profile visits. Full report: https://t.co/r2", "https://stats.example/r2", false } } },
	/* hard negative: a friend who writes two mornings at about the same time, and talks */
	{ 164, "mornings", false, false, 0, {
		{ 'c', 0, "morning! did you see the match last night?", NULL, false },
		{ 'o', 60, "yes, what a finish", NULL, false },
		{ 'c', 1440 + 0.5, "morning again, coffee later today?", NULL, false },
		{ 'o', 1500, "sure, at ten", NULL, false },
		{ 'c', 1510, "see you then", NULL, false } } },
	/* a price and a link out of the blue, never answered: an offer */
	{ 166, "sponsor", false, false, 1, {
		{ 'c', 0, "Hello! Coffee brand looking for partner podcasts, 200 € per episode. Info: https://t.co/p1", "https://coffee.example/p", false } } },
	/* hard negative: a customer quoting what they paid, answered once */
	{ 167, "paid", false, false, 0, {
		{ 'c', 0, "The total came to $1,299.00 for 3 items, is that right? https://t.co/o1", "https://shop.example/order/1", false },
		{ 'o', 30, "Yes, that includes shipping", NULL, false } } },
	/* a reminder bot whose only answer is its acknowledgement of STOP */
	{ 168, "remind-bot", false, false, 1, {
		{ 'c', 0, "Reminder: the jam starts in 60 minutes! Reply STOP to unsubscribe.", NULL, false },
		{ 'o', 600, "STOP", NULL, false },
		{ 'c', 605, "You have been unsubscribed. Bye!", NULL, false } } },
	/* an offer the owner turned down, and the sender never said more */
	{ 169, "declined", false, false, 1, {
		{ 'c', 0, "Hi! We help brands like yours get seen. Want to hear how we do it?", NULL, false },
		{ 'o', 90, "no thanks", NULL, false } } },
	/* hard negative: a friend turned down, who answers */
	{ 170, "friend-no", false, false, 0, {
		{ 'c', 0, "want to come to the concert on Friday? I have a spare ticket", NULL, false },
		{ 'o', 20, "no thanks, I'm away this weekend", NULL, false },
		{ 'c', 25, "ah shame, next time then!", NULL, false } } },
	/* a bracketed dot before any ending; a Telegram link written apart */
	{ 171, "appeal", false, false, 1, {
		{ 'c', 0, "Twitter Support: your account was reported and will be locked. Appeal here: twitter-appeal[.]help", NULL, false } } },
	/* a link written so that filters miss it */
	{ 165, "defanged", false, false, 1, {
		{ 'c', 0, "Good news, your account has unused credit of 250 euro. Claim it today at credit-center(.)net before it ends", NULL, false } } },
	{ 133, "paster", false, false, 0, {
		{ 'o', 0, "When are you open on Saturday?", NULL, false },
		{ 'c', 4, "We are open Monday to Saturday from nine in the morning until six in the evening", NULL, false },
		{ 'o', 30, "And on holidays?", NULL, false },
		{ 'c', 36, "We are open Monday to Saturday from nine in the morning until six in the evening", NULL, false } } },
	/* an app signs what it sent: "sent from <Tool>" closing the message, in any language */
	{ 134, "signed-it", false, false, 1, {
		{ 'c', 0, "Ciao e benvenuto! Felice di averti qui.\nInviato da FollowPal", NULL, false } } },
	{ 135, "signed-de", false, false, 1, {
		{ 'c', 0, "Hallo und willkommen! (Diese Nachricht wurde automatisch über KlickFolge gesendet)", NULL, false } } },
	/* hard negatives: a phone's signature, a parcel's origin, a mistake */
	{ 136, "iphone", false, false, 0, {
		{ 'c', 0, "Is the shop open on Sunday? Sent from my iPhone", NULL, false } } },
	{ 137, "parcel", false, false, 0, {
		{ 'c', 0, "My parcel has not arrived, it was sent from Berlin", NULL, false } } },
	{ 138, "oops", false, false, 0, {
		{ 'c', 0, "Sorry, ignore that last one. Sent by mistake", NULL, false } } },
	{ 148, "amazon", false, false, 0, {
		{ 'c', 0, "I ordered the kettle last week. Sent from Amazon", NULL, false } } },
	/* scam bait that dodges links: a bracketed domain, Brazilian slang for WhatsApp */
	{ 139, "gagnant", false, false, 1, {
		{ 'c', 0, "Félicitations ! Vous êtes l'heureux gagnant. Réclamez votre cadeau sur lots-gratuits[.]fr", NULL, false } } },
	{ 140, "zap", false, false, 1, {
		{ 'c', 0, "Oi gato, tudo bem? Me chama no zap (11) 98765-4321", NULL, false } } },
	/* hard negatives: asking about a giveaway; a sentence that ends in "it" */
	{ 141, "gewinnspiel-q", false, false, 0, {
		{ 'c', 0, "Geburtsdatum: 02.03.1985 – brauchen Sie das für das Gewinnspiel?", NULL, false } } },
	{ 142, "itworks", false, false, 0, {
		{ 'c', 0, "I tried the new cable, I like it . it works now, thanks", NULL, false } } },
	/* a campaign of plain text whose wording varies: a number as a word, a word added */
	{ 143, "draw1", false, false, 1, {
		{ 'c', 0, "Wir verlosen drei Fahrräder! Einfach folgen, liken und teilen – Gewinner am Freitag", NULL, false } } },
	{ 144, "draw2", false, false, 1, {
		{ 'c', 0, "Wir verlosen 3 Fahrräder! Folgen, liken, teilen – Gewinner am Freitag", NULL, false } } },
	{ 145, "draw3", false, false, 1, {
		{ 'c', 0, "Wir verlosen 3 Fahrräder! Folgen, liken und teilen, Gewinner am Freitag", NULL, false } } },
	/* a service's notice of a new login, without a link */
	{ 146, "loginbot", false, false, 1, {
		{ 'c', 0, "Nowe logowanie na Twoje konto z urządzenia Android. Zmień hasło, jeśli to nie Ty.", NULL, false } } },
	{ 147, "regist", false, false, 0, {
		{ 'c', 0, "Neue Anmeldung für den Töpferkurs am Montag, ist noch ein Platz frei?", NULL, false } } },
	/* a person writes "thanks for following" and the owner never answers, in Spanish,
	 * then goes on writing: still a person */
	{ 103, "es-person", true, true, 0, {
		{ 'c', 0, "¡Gracias por seguirme! Me encantan tus bufandas", NULL, false },
		{ 'c', 600, "por cierto, ¿hacéis envíos a Chile? quiero dos para mi madre", NULL, false },
		{ 'o', 700, "¡Sí! Enviamos a Chile", NULL, false },
		{ 'c', 710, "genial, mañana hago el pedido", NULL, false } } },
	/* the same long pitch from two accounts, no link: a campaign (issue 14) */
	{ 181, "dronecrew1", false, false, 1, {
		{ 'c', 0, "Good morning, our small studio films aerial videos for guesthouses and cafes, "
			  "special price this autumn, reply if interested and we send samples", NULL, false } } },
	{ 182, "dronecrew2", false, false, 1, {
		{ 'c', 5, "Good morning, our small studio films aerial videos for guesthouses and cafes, "
			  "special price this autumn, reply if interested and we send samples", NULL, false } } },
	/* … but two customers asking the same long question are no campaign */
	{ 183, "asker1", false, false, 0, {
		{ 'c', 0, "Hi, is the ferry from the old harbour still running on Sundays in November "
			  "and where can I buy the tickets?", NULL, false } } },
	{ 184, "asker2", false, false, 0, {
		{ 'c', 9, "Hi, is the ferry from the old harbour still running on Sundays in November "
			  "and where can I buy the tickets?", NULL, false } } },
	/* four patients asking a clinic the same question, or telling the same
	 * errand in the first person, none answered: customers, not a campaign */
	{ 1175, "patient1", true, false, 0, {
		{ 'c', 0, "Hej! Har ni öppet på onsdag trots röda dagen, jag behöver förnya receptet?", NULL, false } } },
	{ 1176, "patient2", true, false, 0, {
		{ 'c', 900, "Hej! Har ni öppet på onsdag trots röda dagen, jag behöver förnya receptet?", NULL, false } } },
	{ 1177, "patient3", true, false, 0, {
		{ 'c', 2000, "Hej! Har ni öppet på onsdag trots röda dagen, jag behöver förnya receptet? 🙏", NULL, false } } },
	{ 1178, "patient4", true, false, 0, {
		{ 'c', 5000, "Hej! Har ni öppet på onsdag trots röda dagen, jag behöver förnya receptet?", NULL, false } } },
	{ 1179, "booked1", true, false, 0, {
		{ 'c', 0, "Hello, I booked a walk-in visit online but never got a confirmation email back", NULL, false } } },
	{ 1180, "booked2", true, false, 0, {
		{ 'c', 700, "Hello, I booked a walk-in visit online but never got a confirmation email back", NULL, false } } },
	{ 1181, "booked3", true, false, 0, {
		{ 'c', 1900, "Hello, I booked a walk-in visit online but never got a confirmation email back", NULL, false } } },
	/* … but a pitch that opens with a question, from four accounts: a campaign */
	{ 1182, "reach1", false, false, 1, {
		{ 'c', 0, "Chcesz większe zasięgi? 5000 prawdziwych obserwujących w 7 dni, bez hasła. Napisz!", NULL, false } } },
	{ 1183, "reach2", false, false, 1, {
		{ 'c', 40, "Chcesz większe zasięgi? 5000 prawdziwych obserwujących w 7 dni, bez hasła. Napisz!", NULL, false } } },
	{ 1184, "reach3", false, false, 1, {
		{ 'c', 95, "Chcesz większe zasięgi? 5000 prawdziwych obserwujących w 7 dni, bez hasła. Napisz!!", NULL, false } } },
	{ 1185, "reach4", false, false, 1, {
		{ 'c', 130, "Chcesz większe zasięgi? 5000 prawdziwych obserwujących w 7 dni, bez hasła. Napisz!", NULL, false } } },
	/* an app's signature in brackets at the end, "sent with" or "auto via" a tool */
	{ 1186, "sentwith", true, false, 1, {
		{ 'c', 0, "Cheers for hopping on board! I post vintage cars most days, so expect a bit of "
			  "noise in your feed (sent with Followlytics)", NULL, false } } },
	{ 1187, "autovia", true, false, 1, {
		{ 'c', 0, "Great to have you here! I share gadget deals daily, say hi anytime. [auto via FollowFriendly]",
		  NULL, false } } },
	/* the bait, then where to go on: the messenger's id at the end of its line, past its name */
	{ 1188, "brandface", false, false, 1, {
		{ 'c', 0, "Hi dear, I am the brand manager of Lunessa. We want you as our new face for the summer season.", NULL, false },
		{ 'c', 1.2, "Kindly reach me on WhatsApp for the contract and the $1,500 fee: +44 7822 648431", NULL, false } } },
	/* hard negative: a friend's number a line below the messenger's name */
	{ 1189, "wa-friend", true, true, 0, {
		{ 'c', 0, "are you on WhatsApp? the group is there now\nanyway, my new flat is number 12, floor 3, code 4471", NULL, false },
		{ 'o', 30, "yes, add me", NULL, false },
		{ 'c', 35, "done", NULL, false } } },
	/* investment bait: two amounts joined, the second many times the first, and a number to write to */
	{ 1190, "mentor", false, false, 1, {
		{ 'c', 0, "Honestly I was sceptical too, but my mentor turned my $250 into $3,900 in a fortnight. "
			  "She only takes a few new students. Message her directly: +44 7700 120328", NULL, false },
		{ 'o', 150, "no thanks", NULL, false } } },
	{ 1191, "mentor-es", false, false, 1, {
		{ 'c', 0, "Con mi asesora pasé de 500€ a 6.000€ en tres semanas, escríbele ya: +34 612 480 337", NULL, false } } },
	/* hard negatives: a customer's two amounts, apart; a person's own number */
	{ 1192, "two-prices", false, false, 0, {
		{ 'c', 0, "I paid $20 for shipping and $150 for the lamp, and it arrived broken", NULL, false },
		{ 'o', 60, "So sorry! Sending a new one", NULL, false },
		{ 'c', 70, "thank you", NULL, false } } },
	{ 1193, "own-number", false, false, 0, {
		{ 'c', 0, "Hi, it's Tom from the meetup, my number is +44 7700 900461 if you want to talk about the project", NULL, false },
		{ 'o', 60, "Hi Tom! Will call tomorrow", NULL, false } } },
	/* bait split in two: a shared opening, then the messenger's id, from strangers */
	{ 1194, "split1", false, false, 1, {
		{ 'c', 0, "Félicitations, votre compte a été tiré au sort !", NULL, false },
		{ 'c', 7, "Pour recevoir votre gain, contactez notre agent sur WhatsApp +1 646 810 6581", NULL, false },
		{ 'o', 60, "non merci", NULL, false } } },
	{ 1195, "split2", false, false, 1, {
		{ 'c', 0, "Félicitations, votre compte a été tiré au sort !", NULL, false },
		{ 'c', 6, "Pour recevoir votre gain, contactez notre agent sur WhatsApp +49 176 16900334", NULL, false } } },
	/* hard negative: two friends the owner follows open alike, one then gives a WhatsApp number */
	{ 1196, "friend-wa1", true, true, 0, {
		{ 'c', 0, "hey, long time no see, how are you doing", NULL, false },
		{ 'c', 3, "I moved to Lisbon, my WhatsApp is +351 912 345 678", NULL, false },
		{ 'o', 60, "great to hear from you!", NULL, false },
		{ 'c', 75, "you too! call me this weekend?", NULL, false } } },
	{ 1197, "friend-wa2", true, true, 0, {
		{ 'c', 0, "hey, long time no see, how are you doing", NULL, false },
		{ 'o', 90, "all good, you?", NULL, false },
		{ 'c', 95, "fine, busy with the kids", NULL, false } } },
	/* a grant that names money, from three accounts, turned down: a campaign of prize bait */
	{ 1198, "grant1", false, false, 1, {
		{ 'c', 0, "Hello dear, your club has been selected for a $5,000 equipment grant from the Youth "
			  "Sports Fund. Reply with the name of your treasurer to claim", NULL, false },
		{ 'o', 30, "stop", NULL, false } } },
	{ 1199, "grant2", false, false, 1, {
		{ 'c', 400, "Hello dear, your club has been selected for a $7,500 equipment grant from the Youth "
			    "Sports Fund. Reply with the name of your treasurer to claim", NULL, false },
		{ 'o', 430, "nope", NULL, false } } },
	{ 1200, "grant3", false, false, 1, {
		{ 'c', 900, "Hello dear, your club has been selected for a $5,000 equipment grant from the Youth "
			    "Sports Fund. Reply with the name of your treasurer to claim", NULL, false } } },
	/* a messenger's name with its language's ending, and the id */
	{ 1201, "telegramon", false, false, 1, {
		{ 'c', 0, "Nyert egy 200 000 Ft-os ajándékkártyát! Írjon ügynökünknek Telegramon: @ajandek_hu_nyeremeny", NULL, false } } },
	/* a pitch that ends on a question and speaks as "we", from three accounts: a campaign */
	{ 1202, "devshop1", false, false, 1, {
		{ 'c', 0, "We are a team of 120+ developers offering web, mobile and blockchain development "
			  "at affordable rates. Can we schedule a quick call this week?", NULL, false } } },
	{ 1203, "devshop2", false, false, 1, {
		{ 'c', 300, "We are a team of 120+ developers offering web, mobile and blockchain development "
			    "at affordable rates. Can we schedule a quick call this week?", NULL, false } } },
	{ 1204, "devshop3", false, false, 1, {
		{ 'c', 800, "We are a team of 120+ developers offering web, mobile and blockchain development "
			    "at affordable rates. Can we schedule a quick call this week?", NULL, false } } },
	/* a service's notices, day after day, never a question, no reply to the owner */
	{ 1205, "otanotice", false, false, 1, {
		{ 'c', 0, "Nueva reserva CC-2110-234 vía Hostelworld: 4 camas, llegada 9 de noviembre.", NULL, false },
		{ 'c', 1440 * 60, "Reserva 4387444500 cancelada por el huésped.", NULL, false },
		{ 'o', 1440 * 61, "La reserva de anoche no aparece en el calendario, ¿pueden revisar?", NULL, false },
		{ 'c', 1440 * 140, "Nueva reserva HW-556359724 vía Booking.com: 6 huéspedes, llegada 22 de marzo.", NULL, false },
		{ 'c', 1440 * 200, "Tienes 2 reservas sin confirmar.", NULL, false },
		{ 'c', 1440 * 260, "Nueva reserva CC-2207-110 vía Hostelworld: 4 camas, llegada 9 de agosto.", NULL, false } } },
	{ 1206, "notam", false, false, 1, {
		{ 'c', 0, "NOTAM: Bandara Frans Seda Maumere ditutup sementara akibat sebaran abu vulkanik.", NULL, false },
		{ 'c', 1300, "NOTAM: Bandara Komodo Labuan Bajo ditutup hingga pukul 18:15 WITA.", NULL, false },
		{ 'c', 3000, "Update: Bandara Komodo Labuan Bajo kembali beroperasi.", NULL, false } } },
	/* hard negatives: a person unanswered asks; two messages of a person with no number */
	{ 1207, "chaser", false, false, 0, {
		{ 'c', 0, "Hi, I stayed in room 12 last week and left my charger there", NULL, false },
		{ 'c', 1500, "did you find it by any chance?", NULL, false },
		{ 'c', 3000, "I can pick it up on Friday at 5", NULL, false } } },
	{ 1208, "twodays", false, false, 0, {
		{ 'c', 0, "loved the stay, thank you so much for everything", NULL, false },
		{ 'c', 2000, "also, the breakfast was the best we had on the whole trip", NULL, false } } },
	/* two strangers, other words, one phone number (Arabic-Indic digits in one): a campaign */
	{ 1209, "momo-a", false, false, 1, {
		{ 'c', 0, "Hello, I mistakenly sent 850 to your wallet. Please kindly reverse it to 0559 774 201, God bless you", NULL, false } } },
	{ 1210, "momo-b", false, false, 1, {
		{ 'c', 0, "good evening, money went to you by error, return it to +233 559774201 thanks", NULL, false } } },
	{ 1211, "prize-ar", false, false, 1, {
		{ 'c', 0, "\xd9\x85\xd8\xa8\xd8\xb1\xd9\x88\xd9\x83! \xd9\xa0\xd9\xa1\xd9\xa1\xd9\xa5\xd9\xa4\xd9\xa4\xd9\xa8\xd9\xa2\xd9\xa2\xd9\xa0\xd9\xa7", NULL, false } } },
	{ 1212, "prize-latin", false, false, 1, {
		{ 'c', 0, "you are the lucky one, write on 01154482207 today", NULL, false } } },
	/* hard negative: customers quoting the number the owner gave out */
	{ 1213, "quotes-owner-a", false, false, 0, {
		{ 'o', 0, "You can reach the front desk any time at +44 20 7946 0321", NULL, false },
		{ 'c', 30, "I called +44 20 7946 0321 twice and nobody picked up", NULL, false } } },
	{ 1214, "quotes-owner-b", false, false, 0, {
		{ 'c', 0, "is 020 7946 0321 still the right number for bookings?", NULL, false },
		{ 'o', 20, "Yes it is!", NULL, false } } },
	/* a service's notice in words no list knows: its name, a colon, an identifier */
	{ 1219, "brandnotice", false, false, 1, {
		{ 'c', 0, "Swedbank: J\xc5\xabs\xc5\xb3 u\xc5\xbeklausa u\xc5\xberegistruota. Nr. SWB-4471902.", NULL, false } } },
	/* hard negative: a customer's update the owner answered */
	{ 1220, "update", false, false, 0, {
		{ 'c', 0, "Update: the parcel 2231907 came today, all good", NULL, false },
		{ 'o', 30, "Glad to hear it!", NULL, false } } },
	/* a broadcast's first line, in words no list knows, never answered */
	{ 1221, "headline", false, false, 1, {
		{ 'c', 0, "\xf0\x9f\x94\xa5 MEGA KAMPANJA! Kaikki kitarat -30% t\xc3\xa4n\xc3\xa4\xc3\xa4n: https://t.co/kmp1", "https://shop.example/kampanja", false } } },
	{ 1224, "capsline", false, false, 1, {
		{ 'c', 0, "PROMOCJA! Kup teraz dwa zestawy, trzeci gratis: https://t.co/prm1", "https://shop.example/promo", false } } },
	/* a newsletter's name ending in a notice's title */
	{ 1225, "digest", false, false, 1, {
		{ 'c', 0, "Makers North Digest: new fees this month, three shops to watch. https://t.co/dg1", "https://news.example/dg1", false } } },
	/* hard negatives: a friend's emoji and link, no headline; a loud one the owner answered */
	{ 1222, "emoji-friend", false, false, 0, {
		{ 'c', 0, "\xf0\x9f\x98\x82 look at this one https://t.co/lol1", "https://video.example/lol", false } } },
	{ 1223, "emoji-answered", false, false, 0, {
		{ 'c', 0, "\xf0\x9f\x8e\x89 WE DID IT! the band is back together", NULL, false },
		{ 'o', 20, "no way, congrats!!", NULL, false },
		{ 'c', 25, "thanks, first gig in May", NULL, false } } },
	/* a pitch in a long letter of one's own words to someone the owner follows: a person */
	{ 185, "letterwriter", true, false, 0, {
		{ 'c', 0, "Dear team, I run a tiny pottery workshop two streets from your hotel and have "
			  "admired how you show local makers in the lobby. If it ever suits you, I could "
			  "offer your guests a morning class at a special price for you, and I would be "
			  "glad to bring a few pieces by so you can see them first. No pressure at all, "
			  "and thank you for reading this far.", NULL, false } } },
	/* … while the short pitch is the auto-DM to new followers */
	{ 186, "shortpitch", true, false, 1, {
		{ 'c', 0, "Check out my new shop, special price for you this week", NULL, false } } },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

static char dbpath[64];
static struct store st = STORE_INIT;
static json_t *result;              /* the JSON of typed, as the report writes it */
static struct autodm_result *typed;

/* A result as the JSON report writes it, read back as a tree. */
static json_t *tree_of(const struct autodm_result *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct jsonw *w = jsonw_open(f);
	int rc = autodm_json(w, r, NULL);
	rc |= jsonw_close(w);
	fclose(f);
	json_t *t = rc ? NULL : json_loadb(text, len, 0, NULL);
	free(text);
	return t;
}
static int64_t owner_auto_ids[16];
static size_t n_owner_auto;

static void exec(const char *sql)
{
	struct err e = ERR_INIT;
	if (store_exec(&st, sql, &e))
		fail_msg("%s: %s", sql, e.msg);
}

static int setup(void **state)
{
	struct err e = ERR_INIT;
	(void)state;
	snprintf(dbpath, sizeof(dbpath), "/tmp/dmaudit-autodm-XXXXXX");
	int fd = mkstemp(dbpath);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(dbpath);
	if (store_open(&st, dbpath, STORE_WRITE, &e))
		return -1;
	exec("INSERT INTO meta VALUES ('owner_id', '1000'), ('owner_handle', 'northwind_goods')");
	exec("INSERT INTO account (id, handle, name) VALUES (1000, 'northwind_goods', 'Northwind Goods')");
	exec("INSERT INTO snapshot VALUES (1, 't', 'x', 1700000000000, 'manifest', 1700000000000, "
	     "1000, 'data', 1, 1)");
	exec("INSERT INTO app VALUES (5, 1, 'AutoThanks', 'Spammy Inc', 'read,write,directmessages', NULL)");
	sqlite3_stmt *msg, *url;
	if (store_prepare(&st, "INSERT INTO message (id, conversation_id, sender_id, recipient_id, "
			       "created_at, text, kind, url_count, snapshot_id) VALUES (?,?,?,?,?,?,?,?,1)",
			  &msg, &e) ||
	    store_prepare(&st, "INSERT INTO message_url VALUES (?, 0, 'https://t.co/x', ?, NULL)", &url,
			  &e))
		return -1;
	int64_t id = 5000;
	for (size_t i = 0; i < NCASES; i++) {
		const struct sender_case *c = &cases[i];
		char sql[256], conv[64];
		snprintf(conv, sizeof(conv), "%lld-%d", (long long)c->id, OWNER);
		snprintf(sql, sizeof(sql), "INSERT INTO conversation VALUES ('%s', 'dm', %lld, NULL)", conv,
			 (long long)c->id);
		exec(sql);
		snprintf(sql, sizeof(sql), "INSERT INTO account (id, handle) VALUES (%lld, '%s')",
			 (long long)c->id, c->handle);
		exec(sql);
		if (c->followed) {
			snprintf(sql, sizeof(sql), "INSERT INTO follow (snapshot_id, direction, account_id) VALUES (1, 'following', %lld)", (long long)c->id);
			exec(sql);
		}
		if (c->follower) {
			snprintf(sql, sizeof(sql), "INSERT INTO follow (snapshot_id, direction, account_id) VALUES (1, 'follower', %lld)", (long long)c->id);
			exec(sql);
		}
		int64_t start = 1600000000000LL + (int64_t)i * 86400000LL;
		if (c->id >= 81)   /* the owner's burst: one start for all */
			start = 1650000000000LL;
		for (const struct msg_spec *m = c->m; m->who; m++) {
			bool own = m->who == 'o';
			sqlite3_bind_int64(msg, 1, ++id);
			sqlite3_bind_text(msg, 2, conv, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(msg, 3, own ? OWNER : c->id);
			sqlite3_bind_int64(msg, 4, own ? c->id : OWNER);
			sqlite3_bind_int64(msg, 5, start + (int64_t)(m->minutes * 60000));
			sqlite3_bind_text(msg, 6, m->text, -1, SQLITE_STATIC);
			sqlite3_bind_text(msg, 7, m->welcome ? "welcome" : "message", -1, SQLITE_STATIC);
			sqlite3_bind_int(msg, 8, m->url ? 1 : 0);
			if (store_step_done(&st, msg, &e))
				return -1;
			if (m->url) {
				sqlite3_bind_int64(url, 1, id);
				sqlite3_bind_text(url, 2, m->url, -1, SQLITE_STATIC);
				if (store_step_done(&st, url, &e))
					return -1;
			}
			if (own && c->id >= 81 && c->id < 90 && n_owner_auto < 16) /* the auto-DM burst cases */
				owner_auto_ids[n_owner_auto++] = id;
		}
	}
	sqlite3_finalize(msg);
	sqlite3_finalize(url);

	static const struct report_opts opts = { .hours_from = -1, .hours_to = -1, .workdays = 0 };
	struct report_ctx ctx;
	if (report_ctx_init(&ctx, &st, &opts, &e))
		return -1;
	typed = autodm_analyse(&ctx, &e);
	result = typed ? tree_of(typed) : NULL;
	report_ctx_release(&ctx);
	return result ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	json_decref(result);
	autodm_result_free(typed);
	store_close(&st, true);
	unlink(dbpath);
	return 0;
}

static json_t *find(int64_t id)
{
	char s[24];
	size_t i;
	json_t *o;
	snprintf(s, sizeof(s), "%lld", (long long)id);
	json_array_foreach(json_object_get(result, "inbound"), i, o)
		if (!strcmp(json_string_value(json_object_get(o, "account_id")), s))
			return o;
	return NULL;
}

static void test_inbound_verdicts(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES; i++) {
		const struct sender_case *c = &cases[i];
		json_t *o = find(c->id);
		if (c->expect < 0) {
			if (o)
				fail_msg("account %lld never wrote but is listed", (long long)c->id);
			continue;
		}
		if (!o)
			fail_msg("account %lld (%s) is not listed", (long long)c->id, c->handle);
		bool got = json_is_true(json_object_get(o, "auto"));
		if (got != (c->expect == 1)) {
			char *ev = json_dumps(json_object_get(o, "evidence"), 0);
			fail_msg("account %lld (%s): auto %d, expected %d; evidence %s",
				 (long long)c->id, c->handle, got, c->expect, ev);
		}
		/* the contract's fields */
		assert_true(json_is_number(json_object_get(o, "score")));
		assert_true(json_is_array(json_object_get(o, "evidence")));
		assert_true(json_array_size(json_object_get(o, "evidence")) > 0 || !got);
		assert_true(json_integer_value(json_object_get(o, "messages")) > 0);
	}
}

static void test_kinds(void **state)
{
	(void)state;
	assert_string_equal(json_string_value(json_object_get(find(21), "kind")), "validation");
	assert_string_equal(json_string_value(json_object_get(find(61), "kind")), "welcome");
	assert_string_equal(json_string_value(json_object_get(find(110), "kind")), "welcome");
	assert_string_equal(json_string_value(json_object_get(find(130), "kind")), "welcome");
	assert_string_equal(json_string_value(json_object_get(find(131), "kind")), "welcome");
	assert_string_equal(json_string_value(json_object_get(find(31), "kind")), "campaign");
	assert_int_equal(json_integer_value(json_object_get(find(33), "messages")), 2);
}

static void test_outbound(void **state)
{
	(void)state;
	json_t *out = json_object_get(result, "outbound");
	json_t *ids = json_object_get(out, "auto_message_ids");
	/* the six auto-DMs and the three scheduled challenges; the canned
	 * replies to customers are not among them */
	assert_int_equal(json_array_size(ids), n_owner_auto);
	for (size_t i = 0; i < n_owner_auto; i++) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)owner_auto_ids[i]);
		assert_string_equal(json_string_value(json_array_get(ids, i)), s);
	}
	json_t *t = json_object_get(out, "templates");
	assert_int_equal(json_array_size(t), 2);   /* the thanks, and the scheduled challenge */
	json_t *t0 = NULL;
	for (size_t i = 0; i < json_array_size(t); i++)
		if (strstr(json_string_value(json_object_get(json_array_get(t, i), "template")),
			   "Thanks for following"))
			t0 = json_array_get(t, i);
	assert_non_null(t0);
	assert_int_equal(json_integer_value(json_object_get(t0, "messages")), 6);
	assert_int_equal(json_integer_value(json_object_get(t0, "recipients")), 6);
	const char *tx = json_string_value(json_object_get(t0, "template"));
	assert_non_null(strstr(tx, "{name}! Thanks for following"));
	assert_non_null(strstr(tx, "{url}"));
}

static void test_view(void **state)
{
	(void)state;
	struct doc d;
	struct report_ctx ctx;
	struct err e = ERR_INIT;
	static const struct report_opts opts = { .hours_from = -1, .hours_to = -1, .workdays = 0 };
	assert_int_equal(report_ctx_init(&ctx, &st, &opts, &e), 0);
	doc_init(&d, "autodm");
	autodm_view(&ctx, typed, &d);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	doc_render(&d, DOC_TEXT, f, NULL);
	fclose(f);
	assert_non_null(strstr(buf, "look automated"));
	assert_non_null(strstr(buf, "Your own auto-DMs"));
	assert_non_null(strstr(buf, "AutoThanks"));
	free(buf);
	doc_release(&d);
	report_ctx_release(&ctx);
}


/*
 * Many conversations: more messages than the detector holds in memory
 * (AM_SPILL_BOUND, 24 bytes a message), so that it reads them back from
 * its temporary file, and counterparts whose numeric order is not the
 * conversations' (ids "10-1000" < "9-1000"), one of them with two
 * conversations. The result must be the one made with everything in
 * memory (no place for the file), and the campaign found in it.
 */
#define MANY_SENDERS 2400
#define MANY_EACH 24   /* messages a conversation: 2400 * 24 * 24 bytes > 1 MiB */

static json_t *many_result(const char *path, const char *tmpdir)
{
	struct store s = STORE_INIT;
	struct err e = ERR_INIT;
	sqlite3_stmt *msg;
	char sql[256], conv[64];
	if (store_open(&s, path, STORE_WRITE, &e))
		fail_msg("%s", e.msg);
	store_exec(&s, "BEGIN", &e);
	store_exec(&s, "INSERT INTO meta VALUES ('owner_id', '1000'), ('owner_handle', 'o')", &e);
	store_exec(&s, "INSERT INTO account (id, handle) VALUES (1000, 'o')", &e);
	store_exec(&s, "INSERT INTO snapshot VALUES (1, 't', 'x', 1700000000000, 'manifest', "
		       "1700000000000, 1000, 'data', 1, 1)", &e);
	assert_int_equal(store_prepare(&s, "INSERT INTO message (id, conversation_id, sender_id, "
				       "recipient_id, created_at, text, kind, url_count, snapshot_id) "
				       "VALUES (?,?,?,?,?,?,'message',0,1)", &msg, &e), 0);
	int64_t id = 1;
	for (int k = 0; k <= MANY_SENDERS; k++) {
		/* the last conversation is a second one of counterpart 7 */
		int64_t cp = k < MANY_SENDERS ? 2000 + (k * 7919) % MANY_SENDERS : 2007;
		snprintf(conv, sizeof(conv), k < MANY_SENDERS ? "%lld-1000" : "1000-%lld",
			 (long long)cp);
		snprintf(sql, sizeof(sql), "INSERT INTO conversation VALUES ('%s', 'dm', %lld, NULL)",
			 conv, (long long)cp);
		assert_int_equal(store_exec(&s, sql, &e), 0);
		for (int m = 0; m < MANY_EACH; m++) {
			/* every third sender pastes one pitch; the others talk with the owner */
			bool pitch = cp % 3 == 0, own = !pitch && m % 2;
			char text[160];
			if (pitch)
				snprintf(text, sizeof(text), "Grow your audience fast, visit our site "
					 "today and subscribe for daily tips number %d", m % 2);
			else
				snprintf(text, sizeof(text), "%s %d says thing %d about the order %d",
					 own ? "owner" : "customer", k, m, (k * 31 + m) % 97);
			sqlite3_bind_int64(msg, 1, id++);
			sqlite3_bind_text(msg, 2, conv, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(msg, 3, own ? 1000 : cp);
			sqlite3_bind_int64(msg, 4, own ? cp : 1000);
			sqlite3_bind_int64(msg, 5, 1600000000000LL + (int64_t)k * 3600000 + m * 60000);
			sqlite3_bind_text(msg, 6, text, -1, SQLITE_TRANSIENT);
			assert_int_equal(store_step_done(&s, msg, &e), 0);
		}
	}
	sqlite3_finalize(msg);
	store_exec(&s, "COMMIT", &e);

	setenv("TMPDIR", tmpdir, 1);
	static const struct report_opts opts = { .hours_from = -1, .hours_to = -1, .workdays = 0 };
	struct report_ctx ctx;
	assert_int_equal(report_ctx_init(&ctx, &s, &opts, &e), 0);
	struct autodm_result *r = autodm_analyse(&ctx, &e);
	assert_non_null(r);
	/* the keys of the automated senders, in the list's order */
	json_t *tree = tree_of(r);
	json_t *in = json_object_get(tree, "inbound");
	assert_int_equal(json_array_size(in), MANY_SENDERS);
	for (size_t i = 0; i < r->nsenders; i++) {
		json_t *o = json_array_get(in, r->senders[i].pos);
		char sid[24];
		snprintf(sid, sizeof(sid), "%lld", (long long)r->senders[i].account);
		assert_true(json_is_true(json_object_get(o, "auto")));
		assert_string_equal(json_string_value(json_object_get(o, "account_id")), sid);
	}
	unsetenv("TMPDIR");
	report_ctx_release(&ctx);
	autodm_result_free(r);
	store_close(&s, true);
	unlink(path);
	return tree;
}

static void test_many_conversations(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof(path), "/tmp/dmaudit-autodm-many-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	json_t *file = many_result(path, "/tmp");
	json_t *memory = many_result(path, "/nonexistent-dir-for-dmaudit-test");
	char *a = json_dumps(file, JSON_SORT_KEYS), *b = json_dumps(memory, JSON_SORT_KEYS);
	assert_string_equal(a, b);
	/* the pitch's senders, a third (2001, 2004, … 2007 twice), are automated, listed first */
	json_t *in = json_object_get(file, "inbound");
	size_t automated = 0;
	for (size_t i = 0; i < json_array_size(in); i++) {
		json_t *o = json_array_get(in, i);
		bool is_auto = json_is_true(json_object_get(o, "auto"));
		assert_true(is_auto == (i < MANY_SENDERS / 3));
		automated += is_auto;
	}
	assert_int_equal(automated, MANY_SENDERS / 3);
	free(a);
	free(b);
	json_decref(file);
	json_decref(memory);
}

/*
 * The inbound rows' records read back as written: NULL strings stay NULL,
 * evidence lines and message ids come back in order, in the order set, in
 * memory and past the list's bound in its temporary file.
 */
static void test_rows_round_trip(void **state)
{
	(void)state;
	struct autodm_result *r = autodm_result_new();
	enum { N = 6000 };   /* a few MB of records: past the memory bound */
	static const char ev[] = "first line\0second line, \xc3\xa9t\xc3\xa9\0";
	int64_t ids[20];
	for (int i = 0; i < 20; i++)
		ids[i] = 1000 + i;
	r->order = malloc(N * sizeof(*r->order));
	for (int i = 0; i < N; i++) {
		char handle[16];
		snprintf(handle, sizeof(handle), "h%d", i);
		struct autodm_row row = {
			.account = 10 + i, .messages = i % 7, .template_id = i % 2 ? 77 : 0,
			.first_at = 1600000000000LL + i, .last_at = 1700000000000LL + i,
			.score = 0.25, .signal = 1.5, .kind = i % 2 ? AUTODM_SPAM : AUTODM_PERSON,
			.confidence = i % 2 ? AUTODM_LIKELY : AUTODM_UNLIKELY, .is_auto = i % 2,
			.answered = i % 3 == 0, .nevidence = i % 3 ? 2 : 0,
			.evidence_len = i % 3 ? sizeof(ev) - 1 : 0, .nmessage_ids = (uint32_t)(i % 21),
			.handle = i % 5 ? handle : NULL, .template = i % 2 ? "Thanks {user}!" : NULL,
			.evidence = i % 3 ? ev : NULL, .message_ids = ids,
		};
		size_t k = autodm_add(r, &row);
		assert_int_equal(k, (size_t)i);
		r->order[N - 1 - i] = (uint32_t)k;   /* read back in reverse */
	}
	r->ninbound = N;
	struct autodm_iter it;
	size_t n = 0;
	for (const struct autodm_row *o = autodm_first(&it, r); o; o = autodm_next(&it), n++) {
		int i = N - 1 - (int)n;
		char handle[16];
		snprintf(handle, sizeof(handle), "h%d", i);
		assert_int_equal(o->account, 10 + i);
		assert_int_equal(o->first_at, 1600000000000LL + i);
		assert_int_equal(o->is_auto, i % 2);
		assert_int_equal(o->kind, i % 2 ? AUTODM_SPAM : AUTODM_PERSON);
		if (i % 5)
			assert_string_equal(o->handle, handle);
		else
			assert_null(o->handle);
		if (i % 2)
			assert_string_equal(o->template, "Thanks {user}!");
		else
			assert_null(o->template);
		const char *e = autodm_evidence_next(o, NULL);
		if (i % 3) {
			assert_string_equal(e, "first line");
			e = autodm_evidence_next(o, e);
			assert_string_equal(e, "second line, \xc3\xa9t\xc3\xa9");
			assert_null(autodm_evidence_next(o, e));
		} else {
			assert_null(e);
		}
		assert_int_equal(o->nmessage_ids, (uint32_t)(i % 21));
		for (uint32_t k = 0; k < o->nmessage_ids; k++)
			assert_int_equal(o->message_ids[k], 1000 + (int64_t)k);
	}
	assert_false(it.failed);
	assert_int_equal(n, N);
	/* the list did move to its file, unless no file could be made */
	assert_true(r->inbound.in_file > 0 || r->inbound.memory_only);
	autodm_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inbound_verdicts),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_outbound),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_many_conversations),
		cmocka_unit_test(test_rows_round_trip),
	};
	return cmocka_run_group_tests_name("autodm", tests, setup, teardown);
}

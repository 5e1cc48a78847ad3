"""Message and tweet templates.  TRAIN and HOLDOUT are disjoint sets of
wordings so that detectors can be measured on text they were not tuned on.
Slots: {name} first name, {handle} @screen_name, {url} t.co link,
{brand} a business name, {owner} the owner's display name."""

TRAIN = {
    "truetwit": [
        "{name} uses TrueTwit validation service. To validate click here: {url}",
        "{name} uses TrueTwit validation service. Please follow this link so {name} can be sure you are a legitimate follower: {url}",
    ],
    "app": [  # auto-DM apps; each app has several templates, used by many senders
        ["Thanks for following, {name}! Check out my latest video here: {url}",
         "Hey {name}, thanks for the follow! Let's connect on Facebook too: {url}",
         "Thank you for following me {handle}! Grab my free ebook: {url}"],
        ["Thx for the follow {handle}! Sign up for my newsletter → {url}",
         "Great to connect {name}! Are you on YouTube? Subscribe: {url}",
         "Appreciate the follow! Check out {url} for daily tips"],
    ],
    "campaign": [
        "Hey! I saw your profile and think you'd be perfect for our brand ambassador program 💰 Apply here {url}",
        "Congratulations {name}! You have been selected to receive a gift card. Claim now: {url}",
        "Earn from home, no experience needed!! Limited spots: {url}",
        "Your account has been flagged for review. Verify now to avoid suspension: {url}",
    ],
    "welcome": [
        "Hi! Thanks for contacting {brand}. How can we help you today?",
        "Welcome to {brand} support 👋 Choose an option below or type your question.",
        "Hello from {brand}! Our team replies Mon-Fri. Type 'agent' to talk to a person.",
    ],
    "bot_followup": [
        "Got it! An agent will pick this up soon.",
        "Thanks, your request has been logged.",
    ],
    "owner_auto": [
        "Hi {name}! Thanks for following {owner} 🙌 Take a look at our new collection: {url}",
        "Hey {name}, welcome aboard! Here's our shop if you fancy a browse: {url}",
        "Thanks for the follow {handle}! Subscribe to our newsletter for early access: {url}",
    ],
    "canned": [
        "Thanks for reaching out! One of our team members will look into this and get back to you shortly.",
        "Thanks for reaching out! We're on it and will reply as soon as possible.",
        "Hi there, thanks for your message! We've passed this to the right team.",
    ],
    "thanks_follow": [
        "Hey thanks for the follow! Love your stuff, do you ship abroad?",
        "Thanks for the follow back :) quick question about your products",
        "thanks for following! I actually bought from you last year, great quality",
    ],
    "invite_dm": [
        "{handle} Sorry to hear that! Please DM us and we'll sort it out.",
        "{handle} We'd love to help, send us a DM with the details.",
        "{handle} Can you DM us? We'll look into it right away.",
        "{handle} That's not right. Send us a direct message here: {deeplink}",
        "{handle} ¡Hola! Envíanos un DM y lo revisamos.",
        "{handle} DMでお問い合わせください。",
    ],
    "tone": [
        "you idiot", "what a moron", "shut up and read the FAQ", "stop wasting our time with this crap",
    ],
}

HOLDOUT = {
    "truetwit": [
        "{name} is protected by FollowCheck. Confirm you are human to keep following: {url}",
        "To keep spam away, {name} asks new followers to verify here: {url}",
    ],
    "app": [
        ["Cheers for the follow {name}! My podcast is live: {url}",
         "Yo {handle} glad you're here. Join my Discord: {url}",
         "{name}, you rock for following. Free template pack inside: {url}"],
        ["Welcome {handle}! I post deals daily, see {url}",
         "Hi {name} 😊 nice to meet you, here's my Instagram {url}",
         "Followed you back {name}! Check my Etsy shop {url}"],
    ],
    "campaign": [
        "Want 10k real followers? We deliver in 24h, order at {url}",
        "{name} your photo is going viral lol see {url}",
        "Crypto giveaway for our community, send nothing, just register: {url}",
        "Collab? We pay creators for quick posts, details {url}",
    ],
    "welcome": [
        "Welcome to the {brand} help desk. Pick a topic to get started.",
        "Hey there, you've reached {brand}. A bot will ask a few questions first.",
        "{brand} here 🤖 Reply MENU for options or HUMAN for staff.",
    ],
    "bot_followup": [
        "Noted. A teammate will take over from here.",
        "Request received and queued.",
    ],
    "owner_auto": [
        "{name}, so glad you found us! Your welcome gift awaits: {url}",
        "Welcome to the family {handle} 💚 Members get first dibs on drops: {url}",
        "Hello {name}! We post restocks here first, turn on alerts: {url}",
    ],
    "canned": [
        "Hello and thank you for contacting us. A support specialist will reply shortly.",
        "We appreciate your patience! Your message is with our care team now.",
        "Thank you for getting in touch, we aim to respond within one business day.",
    ],
    "thanks_follow": [
        "ty for the follow!! been eyeing your shop for a while honestly",
        "Thanks for following back 🙏 can I ask about sizes?",
        "appreciate the follow, do you do wholesale?",
    ],
    "invite_dm": [
        "{handle} Could you message us privately so we can check your account?",
        "{handle} Let's take this to DMs, we'll get it fixed.",
        "{handle} Drop us a private message with your details please.",
        "{handle} Tap here to chat with us privately: {deeplink}",
        "{handle} Écrivez-nous en message privé, on s'en occupe.",
        "{handle} 詳しくはDMでご連絡ください。",
    ],
    "tone": [
        "are you too dumb to read the instructions", "nobody cares about your stupid complaint",
        "get lost, loser", "what kind of clown writes this garbage",
    ],
}

# A third set for the families real archives showed and the first two lack:
# follow-thanks without links, with emoji and in other languages, tool
# footers, and scam bait that avoids links (messenger ids, spaced domains).
WILD = dict(HOLDOUT)
WILD.update({
    "truetwit": [
        "{name} uses a follower check 🤖 Reply YES to confirm you are a real person",
        "Hi! {name} keeps the inbox safe with VerifyMe. Confirm here: {url}",
    ],
    "app": [
        ["Thanks so much for the follow {name}!! 💖💖 have a lovely day ✨",
         "Obrigada por me seguir, {name}! 😘 -via @crowdfire",
         "¡Gracias por seguirme {name}! 🙌 (sent via @FollowBot)"],
        ["フォローありがとうございます！これからよろしくお願いします🌸",
         "Спасибо за подписку, {name}! 🙏",
         "Danke fürs Folgen, {name}! Schönen Tag noch ☀️"],
    ],
    "campaign": [
        "Good day, I am a bank officer with a business proposal for you regarding an unclaimed fund. Kindly reply",
        "Hi {name}, I help people double their money with crypto investment in 7 days, whatsapp me +1 555 0100",
        "Congrats!! You have won our monthly giveaway 🎁 visit giftbox .com to claim your prize",
        "Are you interested in earning 500 dollars daily? Work from home, telegram: @easycash_desk",
    ],
})

# Ordinary content shared by both sets (not detector targets).
CUSTOMER_Q = [
    "Hi, my order hasn't arrived yet, can you check?",
    "Hello! Is the blue version back in stock?",
    "Do you ship to Ireland?",
    "I got the wrong size & need to swap it",
    "The zip on my jacket broke after a week :(",
    "Can I change the delivery address on my order?",
    "Hi there, how long does a refund usually take?",
    "Is there a discount for students?",
    "Your website keeps logging me out",
    "hey, quick q: do the boots run small?",
    "Where can I find the care instructions?",
    "I was charged twice for the same thing",
    "Hola, ¿hacéis envíos a México?",
    "¿Cuándo llega mi pedido? Llevo dos semanas esperando",
    "こんにちは、注文した商品がまだ届きません。",
    "サイズ交換はできますか？",
    "你好，请问可以开发票吗？",
    "Bonjour, le colis est arrivé abîmé 😞",
    "Any news on my refund?",
    "The app crashes when I open my basket",
]
CUSTOMER_FOLLOW = [
    "Hello?", "any update?", "Also the box was damaged", "Sorry, one more thing",
    "I'm still waiting on this", "??", "Thanks in advance 🙏", "It's quite urgent tbh",
    "Never mind, found it", "ok", "Great, thank you so much!", "Perfect 👍",
    "That works for me", "Still nothing arrived…", "gracias!", "ありがとうございます！",
    "Line one\r\nline two of my question", "Here is what happened:\r\n- ordered\r\n- nothing came",
]
OWNER_ANSWER = [
    "Hi! Sorry about that, we've just checked and it's on its way.",
    "Yes, it's back in stock since Monday.",
    "We ship to most EU countries, Ireland included.",
    "No problem, we'll send a return label by email.",
    "So sorry! We'll replace it free of charge.",
    "Refunds take 3-5 working days once we receive the item.",
    "We're looking into the login issue, thanks for flagging.",
    "They do run slightly small, we'd suggest one size up.",
    "Care instructions are on the label & on our FAQ page.",
    "We've reversed the duplicate charge, apologies!",
    "¡Sí! Enviamos a México, tarda unos 10 días.",
    "ご迷惑をおかけしております。確認いたします。",
    "Happy to help, anything else?",
    "Done ✅ let us know if there's anything else.",
    "Thanks for your patience!\r\nWe've escalated this to our warehouse.",
]
HARD_NEG = [  # must never be labelled
    "The total came to $1,299.00 for 3 items",
    "shipping was €45 which seems a lot",
    "I'm on v2.3.1 of the app",
    "router says 192.168.1.20 if that matters",
    "ordered it on 12/03/2023 at 14:30",
    "been a customer since 2015",
    "it says 2 of 5 delivered",
    "order total £84.50 incl. VAT",
    "version 10.4.2 on iOS 16",
    "delivery window 09:00-13:00",
    "we were 4 people, table for 19:30",
    "it weighs 2.5 kg",
    "page 12 of the manual",
    "the sale ends 31 May",
]
OWNER_PROMO = [  # fragments; each cold DM combines several so no two are alike
    ["Hi {name}!", "Hey {name},", "Hello {name} 👋", "{name}, hi!"],
    ["We noticed you like outdoor gear.", "Saw your post about hiking last week.",
     "You seem to love good coffee.", "Thought you'd like our new range."],
    ["This week only: 20% off everything", "Free shipping on your first order", "Our spring sale just started",
     "We're launching a new line on Friday"],
    ["{url}", "see {url}", "details: {url}", "→ {url}"],
]
OWNER_CHASE = [
    "Just following up on my last message 🙂", "Did you get a chance to look?",
    "Last reminder, the offer ends soon!", "Bumping this in case you missed it",
]
WARM_OPEN = [
    "Hi {name}, following up on your tweet, what happened exactly?",
    "Hey {name}! Saw your mention, thanks so much. Want a discount for next time?",
    "Hi {name}, we replied publicly but wanted to check in here too.",
]
PARTNER = [
    "did you see the numbers from the weekend?", "call at 3?", "I'll send the photos later",
    "the supplier is late again", "ok sounds good", "can you post the new banner?",
    "lol", "👍", "on it", "let's move the launch to next week", "coffee tomorrow?",
    "the printer is broken again", "I updated the spreadsheet", "sure", "haha yes",
    "meeting moved to Thursday", "can you reply to the customer from yesterday?",
]
GROUP = [
    "Morning team!", "Who's covering the inbox today?", "I'll take the afternoon shift",
    "Stock count done", "Can someone check the returns shelf?", "Great work this week everyone 🎉",
    "The courier is late again", "Reminder: team lunch Friday", "Pushed the new photos to the drive",
    "👍", "On it", "Thanks!",
]
REPLY_TO_AUTO = ["thanks!", "Hi, thanks for the message", "who is this?"]
ORDINARY_TWEETS = [
    "New arrivals are in! Come and see us this weekend.",
    "We're closed on Monday for the bank holiday.",
    "Thank you all for an amazing year 💛",
    "Behind the scenes at the workshop today.",
    "Our summer sale starts now & runs all week!",
    "Question for you all: which colour should we do next?",
    "Shipping delays this week, sorry in advance.",
]
PUBLIC_REPLY = [
    "{handle} Thank you so much! 😊",
    "{handle} Glad you like it!",
    "{handle} Yes, restock is next week.",
    "{handle} We love this, thanks for sharing!",
]
PUBLIC_LEAK = [  # the owner leaking a customer's data in public; {v} is planted
    "{handle} We've resent the confirmation to {v}",
    "{handle} Your order {v} ships tomorrow!",
    "{handle} We'll call you back on {v} today",
    "{handle} Parcel is going to {v} as requested",
]
BRANDS = ["Acme Air", "NovaBank", "ShipFast", "CloudNine Hotels", "TeleOne", "PixelMart"]
SOURCES = [
    '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    '<a href="https://about.twitter.com/products/tweetdeck" rel="nofollow">TweetDeck</a>',
    '<a href="https://www.hootsuite.com" rel="nofollow">Hootsuite Inc.</a>',
]

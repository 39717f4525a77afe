"""Word lists of the events stage, kept as data. Each list says where it comes from."""
from __future__ import annotations

import re

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC"})
DATED_TYPES = frozenset({"DATE", "TIME"})
SKIP_KINDS = frozenset({"boilerplate", "credit", "signoff"})
# Paragraph kinds whose clauses are told in the headline register (present tense for past news,
# fragments): only their explicit dates make events.
SUMMARY_KINDS = frozenset({"headline", "standfirst", "caption", "subhead"})
UNDATED_KINDS = frozenset({"body", "standfirst"})
# Dependency labels that open a clause of their own inside a sentence (ClearNLP / spaCy English).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"})
# Connectives of simultaneity that carry the previous sentence's time (Penn Discourse Treebank's
# "Temporal.Synchronous" connectives that open a sentence).
SYNCHRONOUS = re.compile(r"^(?:Meanwhile|In the meantime|Meantime|At the same time|Simultaneously|"
                         r"On the same day|That same day|Also on that day)\b,?", re.I)
# Words on the path from the date to the clause's verb that put the event in the future or in a
# plan (modal and "going to" futures; verbs of planning and expectation from VerbNet's
# "want"/"wish"/"intend" classes as used in news).
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
PLAN_WORDS = frozenset({"expected", "expect", "expects", "plan", "plans", "planned", "planning", "scheduled",
                        "intend", "intends", "intended", "aims", "aim", "aimed", "slated", "likely", "hope", "hopes",
                        "hoped", "prepare", "prepares", "preparing", "propose", "proposes", "proposed", "forecast",
                        "forecasts", "foresee", "foresees", "anticipated", "anticipate", "anticipates", "upcoming",
                        "to-be", "predict", "predicts", "predicted", "forecasted"})
# Words that plan only before "to": "is set to", "are due to", "was going to" (not "set a record").
PLAN_BEFORE_TO = re.compile(r"\b(?:is|are|was|were|be|been|being|['’]s|['’]re)\s+(?:set|due|going|poised)\s+to\s+"
                            r"(?!(?:the|a|an|its|his|her|their|our|this|that)\b)\w", re.I)
# A date in the current period told as still to come ("later this week", "later today", "later
# this year"): what it dates is expected, even when the period began before the publication day.
LATER_IN_PERIOD = re.compile(r"later\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week|month|year|season|"
                             r"spring|summer|autumn|fall|winter))\b", re.I)
# Hedges (after the cues of FactBank's and the MPQA corpus's "uncertain" source-introducing
# predicates and adverbs).
HEDGE_WORDS = frozenset({"alleged", "allegedly", "reportedly", "purportedly", "supposedly", "apparently",
                         "claimed", "unconfirmed", "unverified", "rumoured", "rumored", "purported"})
# Verbs of occurrence, whose subject names the event itself ("the alleged attack took place"): a
# hedge on that subject hedges the event (Levin 1993, §48.3 "verbs of occurrence", with "take" of
# "take place").
OCCURRENCE_VERBS = frozenset("happen occur begin began begun start end continue unfold recur transpire".split())
TAKE_FORMS = frozenset("take takes took taken taking".split())
# Parts of speech of the words a hedge may qualify instead of the verb ("reportedly several people",
# "over reportedly 85%", "the alleged victim"): Universal Dependencies' nominal and determiner tags.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "DET", "PRON"})
# Passive reporting verbs of the impersonal "it was reported (that) …", and the nouns of "by reports":
# a clause told as reported by no one named (FactBank's source "unknown"; hedged as "reportedly" is).
IMPERSONAL_REPORTING = frozenset("reported said claimed alleged rumoured rumored believed understood".split())
REPORT_NOUNS = frozenset("report reports accounts".split())
# Dependencies of a clause embedded in another (relative, adverbial, participle, coordinated,
# reported, parenthetical): a hedge inside one qualifies its own story, not the clause's event.
OTHER_CLAUSE_DEPS = frozenset({"relcl", "advcl", "acl", "conj", "ccomp", "parataxis"})
NOT_VERIFIED = re.compile(
    r"\b(?:(?:has|have|had|could|can|was|were|is|are)(?:n[o’']t|\s+not)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|authenticated)"
    r"|(?:could|can|was|were)(?:n[o’']t|\s+not)\s+(?:able\s+to\s+)?(?:independently\s+)?"
    r"(?:verify|confirm|authenticate)|unverified|unconfirmed|not\s+(?:been\s+)?independently\s+verified)\b",
    re.I)
HEDGE_ADVERBS = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly|(?:is|was|were|are|been)\s+"
                           r"(?:\w+\s+)?(?:reported|said|believed|thought|rumou?red)\s+to\s+(?:have|be)\b)", re.I)
# Deictic dates that a quotation anchors to the moment of speaking, which the article does not give.
DEICTIC = re.compile(r"^(?:today|tonight|now|yesterday|tomorrow|this (?:morning|afternoon|evening|week)|"
                     r"last night|the next (?:morning|day)|earlier today)$", re.I)
# ", he says," distances the article from what it reports; a plain past ", his office said," only
# attributes it (the event is then "attributed" through the attribution's content).
PARENTHETICAL_SAYS = re.compile(
    r",\s*(?:he|she|they|it|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:says|claims|claimed|alleges|alleged|"
    r"insists|contends)\s*,", re.I)
COORDINATED = re.compile(r"^\s*(?:,|or|and|to|until|till|through|-|–|—|or\s+early|and\s+early)?\s*$", re.I)
# Participles that work as prepositions (Quirk et al. 1985, §9.4 "marginal prepositions"; Penn
# Treebank tags them VBG/VBN): "According to a report on Wednesday, two databases were found" tells
# no event of "according"; the event is the verb the phrase hangs on.
PREPOSITIONAL_PARTICIPLES = frozenset("""
    according following given including regarding concerning considering excluding barring pending
""".split())
# Subordinating conjunctions that open a temporal or causal adjunct (Penn Treebank IN/SCONJ list).
SUBORDINATORS = frozenset({"after", "before", "when", "as", "while", "because", "since", "following", "until",
                           "once", "amid"})
# Subordinators whose clause tells an event of its own ("after a missile hit the building"); the
# conditional, concessive and purpose ones ("if", "although", "so that") do not.
EVENT_SUBORDINATORS = frozenset({"after", "before", "when", "because", "following", "once", "until"})

# ---------------------------------------------------------------------------------------------
# Which verbs name an event. Reporting verbs that only pass on what someone says are not events
# themselves: the clause they report is (PARC's and PolNeAR's neutral "say" class: say, tell,
# add, note ...). Speech acts that are news in themselves ("warned", "urged", "accused",
# "denounced", "confirmed", "announced") stay events, as in TimeML's REPORTING vs I_ACTION split.
REPORTING_ONLY = frozenset("""
    say says said saying tell tells told telling add adds added note notes noted explain explains explained
    state states stated insist insists insisted stress stresses stressed write writes wrote written
    report reports reported comment comments commented remark remarks remarked reply replies replied
    answer answered mention mentions mentioned point points pointed indicate indicates indicated
    suggest suggests suggested argue argues argued continue continued recall recalls recalled
    describe describes described quote quoted cite cited according
    recount recounts recounted recounting retell retells retold narrate narrates narrated
""".split())
# Verbs of posting on a social network ("tweeted", "tweeted that …"): like REPORTING_ONLY, they pass on
# what is posted, which the attributions hold; the posting is no event of its own.
POSTING_VERBS = frozenset("tweet tweets tweeted tweeting".split())
# Verbs of speaking about a topic ("spoke of the collaboration", "talked about the series", "also spoke
# on the economy"): they introduce what is said, no event of their own; "spoke on the phone", "spoke on
# Fox News" name a conversation or a broadcast (the media nouns that follow "on").
TOPIC_SPEECH_VERBS = frozenset("speak speaks spoke spoken speaking talk talks talked talking".split())
TOPIC_PREPS = frozenset("of about on".split())
# Prepositions of the person spoken with ("talked about the season with fans", "spoke to reporters
# about …"): a conversation, an event.
ADDRESSEE_PREPS = frozenset("with to".split())
# Verbs of telling whose object is the addressee ("told reporters", "told the world"), not a thing
# acted on ("recalled a batch of pens", "reported a loss", "added a question": acts).
TELL_FORMS = frozenset("tell tells told telling".split())
MEDIA_NOUNS = frozenset("""
    phone telephone radio television tv air camera line record stage podium video broadcast programme program
    show channel network
""".split())
# "went on to say …", "goes on to add …": the telling after "go on" is the verb that tells.
GO_FORMS = frozenset("go goes went gone going".split())
# Participles of feeling (Levin 1993, §31.1 "amuse" verbs) that the passive makes states ("she was
# thrilled when she was cast", "residents were shocked"): how someone felt, not something that happened.
FEELING_PARTICIPLES = frozenset("""
    thrilled pleased delighted saddened shocked surprised stunned excited disappointed frustrated impressed
    honoured honored devastated horrified worried alarmed amazed astonished relieved upset angered outraged
    dismayed heartbroken troubled disturbed inspired overwhelmed
""".split())
# Verbs that only place an event after, before or among others ("the move came after a vote failed",
# "his announcement followed two weeks of protests", "the attack came less than two weeks before the
# inauguration"): connectors that restate an event told elsewhere, no event of their own. "come" with
# one of the prepositions of time order (Quirk et al.'s time-relationship prepositions), "follow" in
# the active with an event, not a person, as subject.
COME_FORMS = frozenset("come comes came coming".split())
ORDER_PREPS = frozenset("after before amid following during".split())
SEQUENCE_VERBS = frozenset("follow follows followed".split())
# Nouns that name an event: the suffixes of English deverbal nouns of action (Quirk et al. 1985,
# App. I.30-31: -tion, -sion, -ment, -al, -ure, -ance, -ence, -ing) and the plain nouns of events news
# uses most ("the attack", "the vote", "the quake").
EVENT_NOUN_ENDINGS = ("tion", "sion", "ment", "al", "ure", "ance", "ence", "ing", "ings")
EVENT_NOUNS = frozenset("""
    attack attacks vote votes move crash fire blast strike strikes raid raids quake earthquake storm protest protests
    speech talks visit war fighting clash clashes riot riots death deaths killing murder arrest verdict ruling
    decision deal win victory defeat loss outbreak eruption flood floods accident incident event events
""".split())
# Verbs that tell only when what they pass on is a clause or a story ("shared that she had been
# threatened", "shared the news"): then reporting verbs; "shared a video", "shared power" are acts.
SHARING_VERBS = frozenset("share shares shared sharing relate relates related".split())
TOLD_NOUNS = frozenset("news story stories account experience experiences memories details".split())
# Stative verbs, opinions and perception (Vendler's states; the "private" verbs of Quirk et al.):
# they describe how things are or what someone thinks, not something that happened; with the verbs of
# relation that hold whatever the subject ("constituted different treatment", "specialized in exfiltration").
STATE_VERBS = frozenset("""
    be is are am was were been being have has had know knew known believe believed believes think thought thinks feel felt feels
    seem seemed seems appear appeared appears want wanted wants wish wished like liked love loved hate hated
    need needed needs remain remained remains belong belonged contain contained consist consisted own owned
    mean meant means exist existed resemble resembled depend depended include included includes involve
    involved cost costs lack lacked deserve deserved matter mattered hope hoped hopes fear feared fears
    support supported supports oppose opposed opposes advocate advocated favour favoured favor favored
    prefer preferred doubt doubted suspect suspected understand understood realise realised realize realized
    anticipate anticipated anticipates
    consider considered regard regarded expect expected expects see saw seen look looked sound sounded
    stay stayed keep kept live lived represent represented reflect reflected concern concerned
    continue continues face faced faces lie lay sit sat stand stood number numbered total totalled totaled
    tend tended range ranged ranges weigh weighed weighs measure measured relate related
    stands lies sits based located situated aged 'm ’m 're ’re
    constitute constituted constitutes comprise comprised comprises specialise specialised specialises
    specialize specialized specializes
""".split())
# Participles of STATE_VERBS that, active with an object, tell a finding ("searchers located the
# wreck"), not where a thing is ("the plant is located near …").
LOCATING_PARTICIPLES = frozenset({"located"})
# Participles with the negative prefix "un-" that news uses as adjectives of state ("the victims were
# unvaccinated", "the crew was unharmed"): they tell how something is, not what happened.
UN_PARTICIPLES = frozenset("""
    unvaccinated unharmed uninjured unhurt unchanged unaffected unopposed undecided unemployed unidentified
    unnamed unconfirmed unverified unarmed unaccounted unresolved unpaid unanswered unmarked unoccupied
    undisclosed unexploded uninsured unregistered unlicensed unauthorized unauthorised unsolved unpunished
    unreported untreated undiagnosed unprotected unattended unaccompanied undocumented unscathed
""".split())
# Standards of comparison that make a clause a comparison with all others, a state or a record held
# ("paid more than any other singer", "served longer than anyone before him"), not an event.
UNIVERSAL_COMPARISON = re.compile(r"\bthan\s+(?:any(?:one|body|thing)?|all|ever|every(?:one|body)?|most)\b", re.I)
# -ing forms of verbs of STATE_VERBS that mostly name an act in news ("appearing in court",
# "looking for survivors", "standing for election", "sitting on the panel", "seeing off"): not states.
ACTIVE_ING = frozenset("appearing looking seeing sounding standing sitting lying".split())
# Verbs of evidence (the "evidence" acts of the attribution stage: a study, data or a photograph
# shows; researchers find that ...). "show" never names a news event of its own ("Photographs showed
# the aircraft"); "find" does only with a plain object ("police found the body"), not with a clause
# ("they found oxygen levels would be high"). The clause they introduce is the event, as for
# REPORTING_ONLY.
EVIDENCE_VERBS = frozenset("show shows showed shown showing".split())
FINDING_VERBS = frozenset("find finds found".split())
# Prepositions that place an event before or after another one ("before yesterday's announcements",
# "after an attack in 2015"): a date of the noun they govern dates that other event. Before it, the
# date is wrong for the clause; after it, it is the best guess when the clause has no date of its own.
BEFORE_PREPS = frozenset("before prior ahead until till".split())
AFTER_PREPS = frozenset("after following since".split())
# "since" gives when a state or a count began ("4,200 infected since October", "has lived there since
# 2010"), never the date of the clause's event.
STATE_START_PREPS = frozenset({"since"})
# Roles told with "as" ("served as mayor", "worked as a nurse") and the stages of a life (Quirk et
# al.'s stative and durative verbs of biography): a past that describes a career, not news.
ROLE_VERBS = frozenset("serve served work worked act acted teach taught".split())
LIFE_PHRASES = frozenset({("grew", "up"), ("grow", "up")})
# Adverbs of frequency and repetition (Quirk et al.'s "frequency adjuncts"): a clause they modify
# tells a habit or a series, not one event ("has repeatedly denied", "usually meets").
HABITUAL_ADVERBS = frozenset("""
    repeatedly often usually regularly frequently always sometimes generally typically routinely
    traditionally habitually occasionally normally constantly continually seldom rarely
""".split())
# Verbs of creating and performing works (VerbNet's create-26.4 and performance-26.7 classes, as
# obituaries and profiles use them): with a vaguely quantified plural object ("made many studio
# albums", "authored several books") they sum up a career, not one event.
WORK_VERBS = frozenset("""
    make makes made write writes wrote written author authors authored compose composes composed
    record records recorded release releases released publish publishes published produce produces
    produced direct directs directed paint paints painted design designs designed pen pens penned
    co-write co-wrote co-written illustrate illustrated translate translated
""".split())
# Vague quantifiers of a plural (Quirk et al.'s "open-class quantifiers"): "many albums", "several
# books", "dozens of songs".
VAGUE_QUANTIFIERS = frozenset("many several numerous countless various multiple dozens hundreds scores".split())
# Verbs of holding a post: "worked for the agency", "worked at a bank" tell a role (a state), not an event.
POST_VERBS = frozenset("work works worked working".split())
POST_PREPS = frozenset({"for", "at"})
# Adverbs that put a clause before the news ("Previously, the hijab was banned"): history.
ANTERIOR_ADVERBS = frozenset("previously formerly historically originally once".split())
# Of them, those that say only "before" or "at first", at any distance ("was originally listed in
# critical condition", "had previously threatened her"): history only when the clause tells
# nothing of the news story (:func:`.clauses.tied_to_lead`); "originally" with a verb of making
# ("was originally built as a church") tells an origin, history.
RELATIVE_ANTERIOR = frozenset("previously originally".split())
ORIGIN_VERBS = frozenset("""
    build built found founded establish established create created design designed develop developed
    construct constructed make made write written wrote release released publish published produce produced
    compose composed record recorded name named launch launched intend intended
""".split())
# Nouns that name a time ("the night he was shot", "the day the plant closed"): a relative clause on
# one names that time by an older event and tells no event of its own.
TIME_NOUNS = frozenset("""
    day days night nights morning mornings evening evenings afternoon week weeks month months year years
    time times moment hour hours weekend date season summer winter spring autumn fall
""".split())
# Adverbs that move narrative time on from the time told before (Quirk et al.'s "time-relationship"
# adjuncts of posteriority): "She subsequently left the country" happened after the date before it.
LATER_ADVERBS = frozenset("subsequently later afterwards afterward thereafter eventually".split())
# Openings that start another story than the one told so far (news-writing connectives of a new
# item): "In a separate case, …", "Separately, …", "Elsewhere, …".
NEW_STORY = re.compile(r"^\W*(?:In\s+(?:a|an|another)\s+(?:(?:separate|unrelated|different)\s+)?(?:case|incident|"
                       r"development|matter|attack|accident|raid|ruling|announcement)\b|Separately\b|Elsewhere\b|"
                       r"In\s+other\s+news\b|Unrelatedly\b)", re.I)
# Adverbs of the present moment: a clause with one tells the news of the day, not an older story.
NOW_ADVERBS = frozenset("now currently".split())
# Nouns of long spans after "for" ("for many years", "for decades"): a state that lasted, not an event.
LONG_SPANS = frozenset("years decades months centuries generations ages lifetimes".split())
# Modal auxiliaries (Penn Treebank MD, less the futures "will" and "shall"): a clause they head
# tells a possibility, an obligation or a hypothesis, not an event.
MODALS = frozenset({"can", "ca", "could", "may", "might", "must", "should", "would", "'d", "’d", "ought", "need"})
# Phrases that place a past clause in a life or an older story rather than in the news (Quirk et
# al.'s time-position adjuncts of a life and of distance in the past): "as a teenager", "in her
# youth", "early in his career", "over the course of her career", "before joining parliament",
# "when she was 19", "years ago", "decades earlier", "years later"; a stage of schooling ("as a graduate
# student", "while at university", "growing up").
# A death "at the age of 85" is news, so ages are left out.
LIFE_AND_DISTANCE = re.compile(
    r"\b(?:as\s+an?\s+(?:(?:graduate|undergraduate|postgraduate|doctoral|PhD|medical|law|college|university|"
    r"high[- ]school|young|teenage)\s+)?(?:child|kid|boy|girl|teen|teenager|adolescent|student|undergraduate|postdoc|"
    r"intern|apprentice|schoolboy|schoolgirl|youth|young\s+(?:man|woman|boy|girl|adult|mother|father))"
    r"|in\s+(?:his|her|their|my|its|our)\s+(?:youth|childhood|teens|teenage\s+years|twenties|thirties|forties|fifties|"
    r"early\s+years|younger\s+(?:days|years)|school\s+days|student\s+days|college\s+(?:days|years)|"
    r"university\s+(?:days|years))"
    r"|(?:while|when)\s+(?:(?:he|she|they|I|we)\s+(?:was|were)\s+)?(?:still\s+)?(?:at|in)\s+(?:school|college|"
    r"university|high\s+school|graduate\s+school|medical\s+school|law\s+school)"
    r"|growing\s+up"
    r"|(?:early|late|later|earlier)\s+in\s+(?:his|her|their|my|its)\s+(?:life|career|childhood)"
    r"|(?:over|during|throughout|in)\s+the\s+course\s+of\s+(?:his|her|their|my|its)\s+(?:\w+\s+)?(?:life|career|lifetime)"
    r"|(?:for|during|throughout)\s+(?:much|most|all)\s+of\s+(?:his|her|their|my|its)\s+(?:\w+\s+)?(?:life|career|lifetime)"
    r"|(?:before|prior\s+to)\s+(?:joining|becoming|entering|founding|turning\s+to|(?:his|her|their)\s+"
    r"(?:post|time|career|tenure|role|job|appointment|election|arrival)\b)"
    r"|when\s+(?:he|she|they|I|we)\s+(?:was|were)\s+(?:just\s+|only\s+)?(?:an?\s+)?(?:\d+|child|kid|teenager|"
    r"student|young|little|boy|girl|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?:years|decades|centuries|generations)\s+(?:ago|earlier|before|later))\b", re.I)
# Spans of several years ("in the last few years", "over the past decade", "in recent years") that
# make a past or perfect clause a trend, history told for context, not one event of the news.
SPAN_PREPS = frozenset("in over during throughout within across".split())
SPAN_NOUNS = frozenset("years decades decade centuries century generations".split())
SPAN_MODIFIERS = frozenset("last past recent previous preceding several few many".split())
# Nouns of an epoch that opens a span ("since her death", "since independence", "since its
# launch"): a perfect clause governed by "since" one of them tells a change over that span.
EPOCH_NOUNS = frozenset("""
    death birth childhood youth independence founding foundation creation inception retirement
    war revolution collapse fall partition unification divorce marriage launch debut opening introduction
""".split())
# Passive verbs of birth and founding tell a life's or an institution's history even without a
# date ("was born in Ohio", "was founded by two brothers").
HISTORY_VERBS = frozenset("born founded established incorporated".split())
# How far before the publication date the news of an article reaches (its window): older events
# are background. News reports the days and weeks before publication; three months covers
# "last winter"-style references of a running story.
NEWS_WINDOW_DAYS = 92

# ---------------------------------------------------------------------------------------------
# Actors. Combining forms of nationality adjectives ("Sino-Russian", "Russo-Ukrainian"), after
# the combining forms listed in the Oxford English Dictionary's entries for these prefixes.
COMBINING_FORMS = {"sino": "China", "russo": "Russia", "anglo": "United Kingdom", "franco": "France",
                   "indo": "India", "italo": "Italy", "greco": "Greece", "turco": "Turkey", "judeo": "Israel",
                   "americano": "United States", "euro": "European Union", "afro": None, "austro": "Austria"}
# The regular suffixes of English nationality adjectives (Quirk et al., App. I.7: -(i)an, -i, -ese)
# and what the country's name may end in once one is taken off: "Tongan" = Tonga + n, "Haitian" =
# Haiti + an, "Bahamian" = Baham(as) + ian, "Mauritian" = Maurit(ius) + ian, "Omani" = Oman + i,
# "Maltese" = Malt(a) + ese.
DEMONYM_ENDINGS = ("n", "i", "ese")
DEMONYM_STEMS = (("ian", ("a", "ia", "as", "ius", "")), ("an", ("", "a", "e")), ("n", ("",)), ("i", ("",)),
                 ("ese", ("", "a")))
# Names that never take part in an event: the publisher speaking of itself, and diseases (WHO's
# names of the epidemics and diseases most reported in news since 2000).
SELF_PUBLISHERS = frozenset({"Wikinews", "Wikipedia"})
# Verbs of a conversation or correspondence ("spoke with", "talked to", "answered questions for"):
# with the publisher as the one spoken to, the reporter's own interview, no event of the news.
CONVERSATION_VERBS = TOPIC_SPEECH_VERBS | frozenset("""
    chat chats chatted answer answers answered answering reply replies replied respond responds responded
    write writes wrote written email emailed
""".split())
# Verbs of being present at an occasion ("Wikinews attended the fair on Saturday"): the publisher's
# presence stands for the occasion itself and dates what the report tells of it, so it stays an event.
PRESENCE_VERBS = frozenset("attend attends attended attending visit visits visited visiting".split())
# Prepositions of the one spoken to or written for ("spoke with", "wrote to", "answered for").
INTERVIEWER_PREPS = frozenset("with to for".split())
DISEASES = frozenset("""
    covid-19 covid covid19 coronavirus sars sars-cov-2 mers ebola hiv aids measles malaria cholera influenza
    flu h1n1 h5n1 h7n9 zika dengue polio tuberculosis mpox monkeypox anthrax alzheimer's parkinson's
    alzheimer parkinson cancer diabetes hepatitis rabies typhoid leprosy smallpox
""".split())
# A country or nationality that only names a currency ("U.S. dollars", "Hong Kong dollars",
# "Canadian dollar") or a unit of it is no party to the event (ISO 4217 currency names).
CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?|pounds?|pence|euros?|yen|yuan|renminbi|rupees?|rubles?|roubles?|"
                            r"pesos?|francs?|krona|kronor|krone|kroner|lira|liras|rand|dinars?|dirhams?|riyals?|"
                            r"rials?|shekels?|zloty|forints?|hryvnias?|reais|baht|ringgit|nairas?|shillings?)\b", re.I)
# Offices held over a place, written "Mayor of Koszalin Piotr Jedlinski": the recogniser may run the
# place into the holder's name.
PLACE_TITLES = frozenset("""
    mayor governor president premier minister bishop archbishop sheriff prefect councillor councilor
    ombudsman commissioner
""".split())
# Names that the recogniser tags as a place, a group or an organisation but that name a stance or a
# political process, no party to an event: "anti-Brexit", "pro-Kremlin" (a stance), "Brexit",
# "Grexit" (the blends of a country and "exit" coined for a withdrawal from the European Union).
NOT_A_PARTY = re.compile(r"(?:[Aa]nti|[Pp]ro)-\S+|[A-Z][a-z]*exit")
# The same stance written as a prefix before a name the recogniser tags alone ("pro-Beijing candidates").
STANCE_BEFORE = re.compile(r"\b(?:[Aa]nti|[Pp]ro)-$")
DISEASE_PATTERN = re.compile(r"(?i)(?:virus|-19|\bdisease|\bsyndrome|\bfever|\bflu)$")
# A measure the entity recogniser runs into a name ("Humberto 75 miles north of Bermuda"): a number
# and a unit of length, speed or share (SI and US customary units as written in news).
MEASURE_AFTER = re.compile(r"\s+\d[\d,.]*\s*(?:miles?|mi|km|kilometres?|kilometers?|feet|ft|foot|metres?|meters?|m|"
                           r"mph|km/h|kph|knots?|kt|nautical\s+miles?|inches|cm|per\s*cent|percent|%)(?:\W.*)?$",
                           re.I)
# Roles in a cast, a band or an event that are no titles but that the entity recogniser (or a
# capitalised sentence start) runs into the name that follows ("Lead Paul Sun-Hyung Lee",
# "Drummer ..."): crew and cast roles after the credits of film and music databases.
GLUED_ROLES = frozenset("""
    lead star co-star narrator headliner frontman frontwoman vocalist bassist keyboardist pianist violinist
    cellist conductor choreographer screenwriter showrunner animator cartoonist illustrator editor columnist
    commentator moderator panelist panellist organizer organiser volunteer winner runner-up finalist
    contestant champion veteran newcomer rookie cosplayer creator
""".split())
# Plans told in the past that the article does not tell as carried out ("he was to have given an
# address", "the Senate was to meet Monday", "she had planned to visit", "was supposed to sign"): the
# head verbs of the "be to" and of the past plan (Quirk et al. 1985, §4.49 "be to" of arrangement,
# §4.52 the "future in the past" of unfulfilled intention).
BE_TO_PAST = frozenset({"was", "were"})
BE_TO_PRESENT = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})   # "is to take effect": arranged, expected
UNREALISED_PLANS = frozenset("planned intended hoped meant supposed wanted".split())
SUPPOSED = frozenset("supposed meant".split())
# Verbs of naming and describing (Levin 1993, §29.3 "dub" verbs and §29.2 "characterize" verbs): as a
# participle on a noun ("a plume, called …", "a programme dubbed …"), in the passive ("was called the
# breadbasket", "is known as") or with "as" ("referred to the vote as …") they describe, not tell an event.
NAMING_VERBS = frozenset("""
    called dubbed termed nicknamed labelled labeled titled entitled branded christened known referred described
""".split())
# Verbs of relation (Vendler's states): with a subject that is no person they tell how two things
# stand ("the warning applied to six counties", "the proclamation contradicted the UN's position",
# "the fair featured robots", "the exhibition spanned two halls").
RELATION_VERBS = frozenset("""
    apply applies applied contradict contradicts contradicted correspond corresponds corresponded coincide coincides
    coincided differ differs differed outnumber outnumbers outnumbered feature features featured span spans spanned
""".split())
# Verbs whose clause, said by researchers or a study, passes on a finding ("the study found that when
# the whites disappeared, sevengill sharks moved in"; "scholars have suggested Egyptians farmed the
# birds"): a result of research, not an event of the news.
FINDING_REPORTS = frozenset("""
    find finds found show shows showed shown suggest suggests suggested report reports reported note notes noted
    conclude concludes concluded indicate indicates indicated observe observes observed estimate estimates estimated
    reason reasoned determine determined discover discovered propose proposed hypothesize hypothesized
    hypothesise hypothesised
""".split())
# The people of science by their field ("Egyptologists", "biologists", "astronomers", "scholars").
_SCIENCE_PEOPLE = r"olog(?:ist|er)|scientist|researcher|scholar|astronomer|physicist|chemist"
# Who reports a finding: the researchers, their work and the documents that report one (like
# RESEARCH_SUBJECTS without "team", "we" and "author"; "the report found that …", "the audit concluded …").
FINDING_SOURCES = re.compile(r"(?:" + _SCIENCE_PEOPLE + r"|historian|economist|mathematician)s?$|"
                             r"^(?:study|studies|research|paper|papers|analysis|findings|"
                             r"results|data|survey|experiment|experiments|authors|report|reports|letter|memo|document|"
                             r"documents|audit|review)$", re.I)
# Pronouns that report a finding only with "found" ("They found that certain wavelengths weakened").
FINDING_PRONOUNS = frozenset({"they", "we"})
# A preposition or conjunction the entity recogniser left at the end of a name ("Patrice Talon of
# Benin" -> "Patrice Talon of"): no English name ends on one.
TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:of|and|or|in|on|at|for|from|to|with|by|the)$", re.I)

# ---------------------------------------------------------------------------------------------
# What a study did to reach what it reports (the methods section of a paper, as news of science
# retells it: "The researchers examined 93 statues", "The study focused on fine particles", "We used
# statistical tools"): a description of how a finding was reached, not an event of the news. Base
# forms (and irregular forms) of the verbs of method (after the "Methods" items of the CONSORT and STROBE reporting checklists),
# and the subjects that make them a study's method.
METHOD_VERBS = frozenset("""
    examine analyse analyze observe collect measure compare assess focus cover survey sample model estimate
    calculate track monitor use test study conceptualize conceptualise simulate combine adjust design include
    involve review look choose select recruit quantify sequence scan extrapolate control evaluate explore
    apply identify classify count chose chosen
""".split())
# Steps of laboratory and field work that news of science retells ("they attached artificial wings to
# ostriches", "she spliced these into plasmids", "they equipped horses with striped cloths", "we
# repeated the analysis"): method only in a story of research (:data:`RESEARCH_STORY_WORDS`), where a
# person or a pronoun does them.
LAB_VERBS = frozenset("""
    attach equip splice insert inject implant dissect extract incubate culture feed expose band tag fit repeat
    produce grow place
""".split())
# Words in a story's title or lead that make it a story of research: the people of science by their
# field and the words of a study (like FINDING_SOURCES, without the documents of any news: "report",
# "letter", "data").
RESEARCH_STORY_WORDS = re.compile(r"(?:" + _SCIENCE_PEOPLE + r")s?$|^(?:study|studie|research|journal|paper|finding|"
                                  r"experiment)s?$", re.I)
RESEARCH_SUBJECTS = frozenset("""
    study studies research researcher researchers scientist scientists author authors paper analysis survey
    experiment experiments team we
""".split())
# Verbs that tell doing research only by their object ("performed their research in the lab",
# "conducted a survey", "carried out experiments"), and those objects.
CONDUCT_VERBS = frozenset("perform conduct carry undertake establish build construct devise".split())
RESEARCH_OBJECTS = frozenset("research study studies experiment experiments survey surveys analysis analyses tests "
                             "trial trials fieldwork measurements observations simulations model models".split())
# Modal auxiliaries of possibility and obligation: a clause they head tells no event even when it
# carries a date ("your results can be applied to the situation today"). "would" is left out: in
# reported speech it is the future of the past ("said it would close on Friday").
POSSIBILITY_MODALS = frozenset({"can", "ca", "could", "may", "might", "must", "should", "ought"})
# Common nouns that may qualify "team" as a research team ("the research team"); any other one ("the
# rescue team", "the national team") makes it a team of another kind.
RESEARCH_QUALIFIERS = frozenset("research science scientific study international joint".split())
# Words of calendar and clock time (days of the week, months, parts of the day, deictic days and
# their modifiers): a name made of them only ("Tuesday", "Tuesday night", "Saturday morning") is a
# time, never a party to an event, whatever the entity recogniser or a capital letter suggests. The
# months that are also names of people ("May", "June", "August": "May said") are left out.
TIME_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
    saturdays sundays january february march april july september october november december
    jan feb mar apr jul aug sep sept oct nov dec morning afternoon evening night midnight noon dawn dusk
    today tonight yesterday tomorrow weekend
""".split())
# A quotation of at least this many words is someone's words (a direct quotation); a shorter one names
# a title, a nickname or a programme ("nicknamed “Ripley”", "the “Zrínyi 2026” programme").
QUOTATION_MIN_WORDS = 4
# A clock time ("7:45 p.m.", "3:30am", "15:00", "noon") and the words that name its day (a weekday,
# a month, a deictic day, a year; not a time of the 24-hour clock: "1700 UTC"): a timex with the first
# and none of the second gives the hour, not the day, which the date stage then takes from the
# publication date (see :func:`.story.on_story_day`).
CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b|\b\d{1,2}\s*[ap]\.?\s?m\b\.?|\b(?:noon|midnight)\b", re.I)
DAY_NAMES = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:january|february|march|april|may|june|july"
                       r"|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
                       r"|\b(?:today|tonight|yesterday|tomorrow|day|date|weekend)\b|\d/\d"
                       r"|\b(?:1[89]|20)\d\d\b(?!\s*(?:UTC|GMT|Z\b|hours\b|hrs\b|h\b))", re.I)

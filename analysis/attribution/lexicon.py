"""Word lists for attribution, kept as data. Each list says where it comes from.

Verbs are stored as base forms; :func:`verb_forms` expands them to the inflected forms seen in text
(the pipeline runs without a lemmatizer).
"""
from __future__ import annotations

import functools
import re

# Verbs that report speech only beside a quotation ('"Overall," she continued, "…"', '"…," he went on');
# "continued to grow" reports nothing.
QUOTE_ONLY_VERBS = frozenset({"continue", "go"})

# ---------------------------------------------------------------------------------------------
# Reporting verbs. Speech verbs after textacy's REPORTING_VERBS and the verb lists of the
# PARC / PolNeAR attribution guidelines (Pareti 2015; Newell et al. 2018), extended with the
# verbs of condemnation and appeal common in international news ("denounced", "urged").
SPEECH_VERBS = frozenset("""
    say tell add write tweet post announce state declare claim assert insist stress emphasize emphasise
    warn argue note explain suggest report reply respond answer ask acknowledge admit confirm deny reveal
    disclose indicate predict promise pledge vow threaten urge accuse blame criticize criticise condemn
    denounce praise complain concede contend maintain recall remark repeat reiterate comment counter boast
    joke quip mention observe allege assure agree disagree conclude estimate caution lament speculate
    propose recommend demand inform notify testify signal hint affirm reaffirm underline underscore
    highlight shout yell scream whisper mutter protest object retort describe characterize characterise
    dismiss reject defend blast slam attack question challenge decry lambaste charge suggest explain
    brag cry exclaim proclaim point counsel advise urge appeal plead beg implore request order
    instruct tout hail applaud welcome thank apologize apologise concur acknowledge estimate
    forecast project calculate guarantee swear certify attest stipulate specify clarify elaborate
    summarize summarise outline detail predict recount relate narrate confide disclose leak
    identify find show conclude determine establish discover document
    announce publish broadcast air release issue circulate
    endorse support back oppose
    discuss speak talk refer express embrace decline refuse apologize apologise mention cite quote
    ridicule mock fault congratulate champion advocate resist petition lobby press pressure push
    persuade convince dispute contest contradict correct debate rebut refute acknowledge tease
    sing chant preach lecture brief poll survey rate rank grade predict label dub term
    liken compare portray paint frame cast brand
""".split()) | frozenset(
    # manner of speaking (VerbNet 37.3) and repeating what another said ("echoed")
    "blurt stutter stammer mumble murmur gasp sob hiss snap bark growl roar groan sigh gush rave rant "
    "echo parrot plead read put".split()) | frozenset(
    # judging someone or something aloud (VerbNet 33, judgment verbs): praise and blame
    "laud extol commend deride scorn disparage belittle berate rebuke chide scold castigate excoriate "
    "assail denigrate vilify demonize demonise".split()) | frozenset(
    # complaining (VerbNet 37.8 complain): "bemoaned the climate", "railed against immigrants"
    "bemoan bewail gripe grumble grouse moan whine carp rail fume".split()) | frozenset(
    # implying and characterising (VerbNet 29.2 characterize, 78 indicate): "implied that …", "deemed the
    # release a reasonable trade-off"; a court that "ruled that …" (only with a clause: CLAUSE_ONLY_VERBS)
    "imply insinuate deem rule".split()) | QUOTE_ONLY_VERBS

# Cognition and intention verbs (PolNeAR annotates beliefs and intentions as attributions).
COGNITION_VERBS = frozenset("""
    think believe expect hope fear feel know worry doubt suspect assume understand realize realise
    consider foresee anticipate want wish plan intend decide learn see view recognize recognise
    imagine guess reckon figure suppose presume trust bet insist predict envision envisage
    remember forget regret seem appear like love hate prefer favor favour worry care ponder weigh
    mull question wonder lean
""".split())

# Nouns for one person by occupation that lack an agent-noun ending (-er, -or, -ist, -ant, -ent,
# -ian, -ee): "a court clerk", "a nurse", "the judge". Common occupations of news reports.
OCCUPATION_NOUNS = frozenset("""
    clerk judge nurse doctor medic paramedic surgeon pilot chef cook guard cop priest cleric monk imam
    rabbi pastor nun bishop envoy diplomat aide expert analyst chief mayor governor senator minister
    coach athlete scientist engineer architect activist student teacher officer official spokesperson
""".split())

# Documents, data and images: what gives evidence ("the study found", "the records show").
EVIDENCE_NOUNS = frozenset("""
    study studies research report reports data poll polls survey surveys analysis analyses figures
    numbers statistics evidence image images photo photos photograph photographs picture pictures video
    videos footage record records document documents test tests results findings review audit
    investigation probe inquiry autopsy satellite imagery map maps chart model models estimate estimates
    paper papers census filing filings average averages polling tally tallies count counts
""".split())

# Heads of subjects that can be sources: people, groups, documents, data and images (for verbs whose
# object is taken as content only when a plausible source acts: "Polls show a close race", "Footage
# showed protesters running", not "The response highlights divisions").
SOURCE_HEADS = frozenset("""
    poll polls survey surveys study studies report reports statement release document documents
    memo letter data analysis ad ads video campaign group groups party government administration
    ministry department agency committee office court people voters supporters critics officials
    leaders members spokesman spokeswoman aide aides adviser advisers official source sources
""".split()) | EVIDENCE_NOUNS

# Verbs whose direct object can be what is attributed ("denied the allegations").
OBJECT_CONTENT_VERBS = frozenset("""
    announce deny reject criticize criticise condemn denounce praise defend blast slam attack question
    dismiss endorse support back oppose propose demand promise pledge vow predict describe call
    confirm acknowledge admit reveal disclose hail applaud welcome decry lambaste tout cite
    laud extol commend deride scorn disparage belittle berate rebuke chide scold castigate excoriate
    assail denigrate vilify demonize demonise
""".split())

# Verbs that take "to"-infinitives as content ("urged China not to ...", "wants to help").
XCOMP_VERBS = frozenset("""
    urge ask tell warn promise pledge vow threaten want plan intend hope expect decide refuse agree
    offer demand call order advise encourage invite appeal seek wish decline
""".split())

# Irregular past forms of the verbs above (the regular ones are generated).
IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "know": ("knew", "known"), "see": ("saw", "seen"), "feel": ("felt",), "hold": ("held",),
    "find": ("found",), "show": ("shown",), "understand": ("understood",), "forget": ("forgot", "forgotten"),
    "swear": ("swore", "sworn"), "bet": ("bet",), "speak": ("spoke", "spoken"), "learn": ("learnt",),
    "broadcast": ("broadcast",), "cry": ("cried", "cries"), "reply": ("replied", "replies"),
    "deny": ("denied", "denies"), "testify": ("testified", "testifies"), "certify": ("certified",),
    "specify": ("specified",), "clarify": ("clarified",), "notify": ("notified",), "worry": ("worried", "worries"),
    "identify": ("identified", "identifies"), "apply": ("applied",), "rely": ("relied",),
    "seek": ("sought",), "quip": ("quipped", "quipping"), "admit": ("admitted", "admitting"),
    "concur": ("concurred",), "plan": ("planned", "planning"), "regret": ("regretted",),
    "beg": ("begged", "begging"), "object": ("objected",), "blast": ("blasted",),
    "slam": ("slammed", "slamming"), "lean": ("leant",),
    "refer": ("referred", "referring"), "prefer": ("preferred", "preferring"), "rebut": ("rebutted",),
    "dub": ("dubbed", "dubbing"), "compare": ("compared",), "brief": ("briefed",),
    "plead": ("pled", "pleaded", "plead"), "read": ("read", "reads", "reading"), "put": ("put", "puts"),
    "sob": ("sobbed",), "snap": ("snapped",), "extol": ("extolled", "extolling"), "stammer": ("stammered",), "echo": ("echoed", "echoes"),
    "rail": ("railed", "railing"), "go": ("went", "gone", "goes"), "imply": ("implied", "implies"), "carp": ("carped",),
}

# Participles that go on with the speaker's own report after a comma ("X said A, adding that B",
# "…, citing B", "…, warning that B"): the reporting adjuncts of the PolNeAR guidelines' examples.
GOES_ON_VERBS = frozenset("""
    add say cite note argue claim insist warn stress explain point promise vow urge call accuse suggest
    acknowledge admit predict describe emphasize emphasise reiterate repeat contend maintain conclude
    assert state pledge threaten deny blame praise criticize criticise question ask recall
""".split())

# Nouns that head a reporting phrase ("in a statement", "his claim that").
SPEECH_NOUNS = frozenset("""
    statement claim assertion warning announcement remark remarks comment comments promise pledge
    allegation accusation argument belief view message suggestion insistence admission denial
    assessment prediction vow threat call plea demand proposal report
""".split())

# ---------------------------------------------------------------------------------------------
# Sources that withhold a name. Phrases from the anonymity guidelines of the AP Stylebook and
# the Gender Gap Tracker's anonymous-source list, plus collective nouns seen in wire copy.
ANONYMOUS_HEADS = frozenset("""
    source sources official officials person people aide aides adviser advisers advisor advisors
    diplomat diplomats insider insiders figure figures observer observers analyst analysts expert
    experts witness witnesses resident residents government governments authority authorities
    staffer staffers member members operative operatives ally allies associate associates confidant
    confidants employee employees worker workers insider someone critics critic supporters supporter
    officer officers investigator investigators lawmaker lawmakers legislator legislators
    administration campaign team scholar scholars academic academics
""".split())
ANONYMITY_PHRASES = (
    "familiar with", "who spoke on condition of anonymity", "on condition of anonymity",
    "speaking on condition of anonymity", "not authorized to", "declined to be named", "asked not to be named",
    "requested anonymity", "who asked not to be identified", "close to", "with knowledge of", "briefed on",
)
# A quantifier or a vague determiner before such a head marks it as unnamed.
ANONYMOUS_DETS = frozenset("a an some several many other others two three four few senior one another".split())

# Media words that turn an organisation into media ("a team from France24", "state television").
MEDIA_WORDS = frozenset("newspaper paper magazine channel network broadcaster agency outlet outlets tv television "
                        "radio daily weekly tabloid station reporters reporter journalists journalist correspondent "
                        "correspondents editorial media press outlet newsroom".split())


def _inflect(base: str) -> set[str]:
    forms = {base}
    if base.endswith("ee"):      # agree, see, guarantee: "agreeing", not "agreing"
        forms |= {base + "s", base + "d", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", base):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif re.search(r"(?:s|x|z|ch|sh)$", base):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    forms |= set(IRREGULAR.get(base, ()))
    return forms


def _forms_of(bases: frozenset[str], irregular: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """Every inflected form of ``bases`` -> its base form (the first base, in alphabetical order, that
    has it); ``irregular`` adds forms to those of :data:`IRREGULAR`."""
    out: dict[str, str] = {}
    for base in sorted(bases):
        for f in _inflect(base) | set((irregular or {}).get(base, ())):
            out.setdefault(f, base)
    return out


@functools.lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Every inflected form of the reporting and cognition verbs -> its base form."""
    return _forms_of(SPEECH_VERBS | COGNITION_VERBS | XCOMP_VERBS | OBJECT_CONTENT_VERBS)


# ---------------------------------------------------------------------------------------------
# Acts. What an attribution attributes, by the class of its verb (the attitude classes of the
# PARC attribution guidelines, Pareti 2015: assertion, belief, intention, and "factual" sources;
# VerbNet's classes 29.5 conjecture, 32.1 want, 29.9 consider and 30.1 see). A verb not listed is speech.
BELIEF_VERBS = frozenset("""
    think believe expect hope fear feel worry doubt suspect assume understand realize realise consider
    foresee anticipate imagine guess reckon figure suppose presume trust bet envision envisage regret
    seem appear view ponder wonder mull weigh question lean remember forget know learn recognize
    recognise care support back oppose endorse favor favour champion embrace like love hate deem
""".split())
# A refusal ("declined to say whether", "refused to resign") is an intention not to act.
INTENTION_VERBS = frozenset("want plan intend decide wish prefer seek aim mean refuse decline".split())
# Findings: a study, data or an investigation "found", "shows", "reveals" (any subject for the first
# group; the second group is evidence only when a document, data or an image is the subject).
FINDING_VERBS = frozenset("find conclude determine establish discover document identify".split())
DISPLAY_VERBS = frozenset("show reveal indicate suggest confirm demonstrate prove".split())
# Estimating: a person who "predicted" or "estimated" it states it; records, models or data that
# "predicted" where a wreck would lie give evidence, as the display verbs do ("the Navy's records predicted").
ESTIMATE_VERBS = frozenset("predict estimate forecast project calculate".split())
# Knowledge: "knew that …" is held true (a belief); "knew the area", "to learn more" attribute nothing.
KNOWLEDGE_VERBS = frozenset("know learn understand remember forget realize realise recognize recognise".split())
# Naming: "a phenomenon called coral bleaching", "a plan dubbed X" name a thing, they report no statement.
NAMING_VERBS = frozenset("call dub term name label brand nickname christen title".split())
# Legal acts report a statement only with a clause ("charged that …"), not "charged with murder", "sued".
LEGAL_VERBS = frozenset("charge sue indict convict sentence appeal".split())
# Verbs that report a statement only with a clause: "the court ruled that …", not "ruled the country".
CLAUSE_ONLY_VERBS = frozenset({"rule"})
# Who rules on something (a name, or one of these): "the court ruled that …", not "egalitarianism ruled".
RULING_BODIES = frozenset("court courts judge judges justice justices tribunal panel board commission regulator "
                          "regulators referee umpire jury arbitrator magistrate".split())
# Subordinators of a condition: "If the House votes to …" reports nothing that happened.
CONDITION_MARKS = frozenset("if unless whether".split())
# Perception: what someone saw or heard is not something they said (VerbNet 30.1).
PERCEPTION_VERBS = frozenset("see hear watch witness notice observe spot smell".split())
# Modals that make speech hypothetical ("would say", "could tell"); "will" is kept (prepared remarks).
HYPOTHETICAL_MODALS = frozenset("would could might may should 'd".split())
# Speech verbs whose negation still reports a statement ("denied", "refused" carry their own content).
NEGATION_WORDS = frozenset("not n't never no".split())


# ---------------------------------------------------------------------------------------------
# Noun cues and their act, after the attitude classes of the PARC attribution guidelines (Pareti
# 2015: assertion, belief, intention, factual) and the noun cues PolNeAR's guidelines list
# ("claim", "argument", "view", "plan"). Plural forms are derived.
NOUN_ACTS: dict[str, str] = {
    **dict.fromkeys("""claim assertion statement remark comment warning announcement allegation accusation
        argument contention insistence admission acknowledgment acknowledgement denial promise pledge vow
        threat suggestion charge complaint testimony explanation prediction assurance insinuation
        proclamation declaration""".split(), "speech"),
    **dict.fromkeys("""view belief fear hope concern conviction opinion suspicion assumption expectation
        worry doubt feeling sense impression understanding""".split(), "belief"),
    **dict.fromkeys("plan intention decision proposal goal aim wish desire demand".split(), "intention"),
    **dict.fromkeys("conclusion finding estimate assessment determination".split(), "evidence"),
    # Taking sides (FrameNet Taking_sides: "her support for the bill", "their opposition to the plan"):
    # a position held, as the verbs "support", "oppose", "endorse" are (BELIEF_VERBS).
    **dict.fromkeys("support opposition endorsement stance position thoughts".split(), "belief"),
    # Judging and requesting aloud (FrameNet Judgment_communication, Request) and the nouns a support
    # verb makes into a statement ("made the case that", "raised questions about", "made the point that").
    **dict.fromkeys("""criticism praise condemnation denunciation call appeal case observation point question
        mention""".split(), "speech"),
}
# What a noun cue is about when no clause follows: its topic ("her comments on the tolls") or, for a
# side taken or a judgment passed, what it is for or against ("his support for the bill", "the
# union's criticism of the cuts", "a call for calm"). A stance, a position or a view "on" a subject
# names only the subject, no view of it ("his stance on trade"): those attribute with a clause only.
NOUN_TOPIC_PREPS: dict[str, frozenset[str]] = {
    **dict.fromkeys("comment remark statement claim allegation complaint testimony warning question concern "
                    "doubt".split(), frozenset({"on", "about", "over"})),
    **dict.fromkeys("support call appeal plea praise".split(), frozenset({"for"})),
    "opposition": frozenset({"to"}), "mention": frozenset({"of"}), "case": frozenset({"for", "against"}),
    **dict.fromkeys("endorsement criticism condemnation denunciation".split(), frozenset({"of"})),
}
# Support verbs (FrameNet's term): verbs that lend a noun cue their subject as its owner ("X made the
# case that …", "X raised questions about …", "X voiced support for …", "X holds the view that …").
# Reporting verbs that take such a noun ("expressed concern", "issued a statement that") are not among
# them: the verb reports, with the noun in what it reports.
SUPPORT_VERBS = frozenset("make raise voice deliver sound share give lodge level renew hold take".split())
# Irregular forms of the support verbs (the regular ones are generated, as for the reporting verbs).
SUPPORT_IRREGULAR = {"make": ("made", "making"), "give": ("gave", "given"), "take": ("took", "taken"),
                     "hold": ("held",), "level": ("levelled", "leveled", "levelling")}
# Verbs by which a thing meets a judgment passed by others ("the plan drew criticism from unions", "the
# bill faced condemnation from both parties", "won praise from critics"): the "from" phrase passes it.
RECEIVING_VERBS = frozenset("draw face receive attract earn get win garner meet".split())
RECEIVING_IRREGULAR = {"draw": ("drew", "drawn"), "get": ("got", "gotten"), "win": ("won",), "meet": ("met",)}
# The judgments that can be received so ("drew criticism", "won praise").
JUDGMENT_NOUNS = frozenset("criticism praise condemnation denunciation".split())
# Support verbs that lend their subject only to some nouns: one holds a view or takes a stance, but
# "took questions" leaves the questions to others and "offered support" is help given, not a side taken.
SUPPORT_VERB_NOUNS: dict[str, frozenset[str]] = {
    "hold": frozenset("view belief opinion position conviction suspicion".split()),
    "take": frozenset("stance position view".split()),
    "offer": frozenset("thoughts view assessment observation explanation prediction assurance praise".split()),
    "give": frozenset("statement assessment explanation assurance warning endorsement praise".split()),
}


# Adjective cues after a copula ("is convinced that", "were willing to"), after the attitude classes
# of the PARC guidelines (belief, intention) and the adjective cues PolNeAR annotates. Emotions count
# as a view only with a clause ("glad that it is over"): see EMOTION_ADJECTIVES.
EMOTION_ADJECTIVES = frozenset("glad happy pleased delighted proud disappointed upset angry furious frustrated "
                               "sad saddened relieved thankful grateful outraged dismayed alarmed".split())
ADJECTIVE_ACTS: dict[str, str] = {
    **dict.fromkeys("""convinced unconvinced confident sure unsure certain uncertain aware unaware worried
        concerned afraid fearful hopeful optimistic pessimistic skeptical sceptical doubtful adamant wary
        suspicious anxious nervous satisfied""".split(), "belief"),
    **dict.fromkeys(EMOTION_ADJECTIVES, "belief"),
    # Sides taken and judgments held (FrameNet Taking_sides, Judgment): "were critical of the deal",
    # "is opposed to the plan", "has been supportive of the reforms".
    **dict.fromkeys("critical supportive dismissive appreciative disapproving opposed".split(), "belief"),
    **dict.fromkeys("""willing unwilling eager keen determined ready prepared reluctant loath loth intent
        hesitant""".split(), "intention"),
}
# The prepositions that say what an adjective's attitude is about ("worried about", "intent on").
ATTITUDE_PREPS: dict[str, frozenset[str]] = {
    **dict.fromkeys("worried concerned anxious nervous optimistic pessimistic hopeful confident unsure uncertain "
                    "doubtful adamant".split(), frozenset({"about", "over"})),
    **dict.fromkeys("skeptical sceptical wary suspicious afraid fearful aware unaware convinced sure certain "
                    "satisfied".split(), frozenset({"of", "about"})),
    **dict.fromkeys("critical supportive dismissive appreciative disapproving".split(), frozenset({"of"})),
    "opposed": frozenset({"to"}),
    "intent": frozenset({"on"}), "keen": frozenset({"on"}), "determined": frozenset(),
}

def noun_base(word: str) -> str | None:
    """The singular cue of a noun form ("claims" -> "claim"), or None for a word that is no cue."""
    low = word.lower()
    if low in NOUN_ACTS:
        return low
    if low.endswith("s") and low[:-1] in NOUN_ACTS:
        return low[:-1]
    return None


@functools.lru_cache(maxsize=1)
def receiving_verb_forms() -> dict[str, str]:
    """Every inflected form of the receiving verbs -> its base form ("drew" -> "draw")."""
    return _forms_of(RECEIVING_VERBS, RECEIVING_IRREGULAR)


@functools.lru_cache(maxsize=1)
def support_verb_forms() -> dict[str, str]:
    """Every inflected form of the support verbs -> its base form ("made" -> "make")."""
    return _forms_of(SUPPORT_VERBS, SUPPORT_IRREGULAR)

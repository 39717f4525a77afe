"""Word lists for attribution, kept as data. Each list says where it comes from.

Verbs are stored as base forms; :func:`verb_forms` expands them to the inflected forms seen in text
(the pipeline runs without a lemmatizer).
"""
from __future__ import annotations

import functools
import re

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
    persuade convince sue dispute contest contradict correct debate rebut refute acknowledge tease
    sing chant preach lecture brief interview poll survey rate rank grade predict label dub term
    liken compare portray paint frame cast brand
""".split())

# Cognition and intention verbs (PolNeAR annotates beliefs and intentions as attributions).
COGNITION_VERBS = frozenset("""
    think believe expect hope fear feel know worry doubt suspect assume understand realize realise
    consider foresee anticipate want wish plan intend decide learn see view recognize recognise
    imagine guess reckon figure suppose presume trust bet insist predict envision envisage
    remember forget regret seem appear like love hate prefer favor favour worry care ponder weigh
    mull question wonder lean
""".split())

# Heads of subjects that can be sources: people, groups, documents (for verbs whose object is
# taken as content only when a plausible source acts: "Polls show a close race", not "The
# response highlights divisions").
SOURCE_HEADS = frozenset("""
    poll polls survey surveys study studies report reports statement release document documents
    memo letter data analysis ad ads video campaign group groups party government administration
    ministry department agency committee office court people voters supporters critics officials
    leaders members spokesman spokeswoman aide aides adviser advisers official source sources
""".split())

# Verbs whose direct object can be what is attributed ("denied the allegations").
OBJECT_CONTENT_VERBS = frozenset("""
    announce deny reject criticize criticise condemn denounce praise defend blast slam attack question
    dismiss endorse support back oppose propose demand promise pledge vow predict describe call
    confirm acknowledge admit reveal disclose hail applaud welcome decry lambaste tout cite
""".split())

# Verbs that take "to"-infinitives as content ("urged China not to ...", "wants to help").
XCOMP_VERBS = frozenset("""
    urge ask tell warn promise pledge vow threaten want plan intend hope expect decide refuse agree
    offer demand call order advise encourage invite appeal seek wish vote
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
}

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
    administration campaign team
""".split())
ANONYMITY_PHRASES = (
    "familiar with", "who spoke on condition of anonymity", "on condition of anonymity",
    "speaking on condition of anonymity", "not authorized to", "declined to be named", "asked not to be named",
    "requested anonymity", "who asked not to be identified", "close to", "with knowledge of", "briefed on",
)
# A quantifier or a vague determiner before such a head marks it as unnamed.
ANONYMOUS_DETS = frozenset("a an some several many other others two three four few senior one another".split())

# Documents and statements that "say" things (press releases, reports, polls).
DOCUMENT_WORDS = frozenset("""
    release statement communique communiqué report reports document documents memo memorandum letter
    filing filings affidavit complaint indictment lawsuit ruling verdict study survey poll polls
    analysis transcript record records email emails cable cables dossier paper bill law decree order
    resolution declaration text note notice announcement readout minutes budget data figures
    estimate estimates assessment audit review investigation findings results chart website
""".split())
DOCUMENT_PHRASES = ("press release", "news release", "joint statement", "court documents", "court filing",
                    "exit poll", "official statement", "written statement")

# Social platforms and the words for their posts (platform names as their companies spell them).
PLATFORMS = {
    "telegram": "Telegram", "twitter": "Twitter", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "weibo": "Weibo", "wechat": "WeChat", "vk": "VK",
    "vkontakte": "VKontakte", "truth social": "Truth Social", "reddit": "Reddit", "linkedin": "LinkedIn",
    "threads": "Threads", "mastodon": "Mastodon", "bluesky": "Bluesky", "snapchat": "Snapchat",
    "whatsapp": "WhatsApp", "substack": "Substack",
}
POST_WORDS = frozenset("post posts tweet tweets video videos message messages account channel feed blog "
                       "livestream podcast story stories thread".split())
# Channel nouns: the owner of "X's press service" is the speaker, the noun is the channel.
CHANNEL_NOUNS = frozenset("""
    service office spokesman spokeswoman spokesperson spokespeople account channel website site feed blog
    statement release post tweet video message team campaign lawyer lawyers attorney attorneys
    representative representatives
""".split())
PERSONAL_CHANNEL_NOUNS = frozenset("spokesman spokeswoman spokesperson spokespeople lawyer lawyers attorney "
                                   "attorneys representative representatives".split())

# Organisation heads (common nouns) for typing sources that are not named entities.
ORG_HEADS = frozenset("""
    ministry ministries government department agency committee commission council court party campaign
    company firm corporation group organization organisation union association police army military
    kremlin administration embassy parliament congress senate house cabinet office bank fund board
    foundation institute university council coalition alliance movement network bureau service
    prosecutor prosecutors prosecutors' regime junta command headquarters team
""".split())

# Media words that turn an organisation into media ("a team from France24", "state television").
MEDIA_WORDS = frozenset("newspaper paper magazine channel network broadcaster agency outlet outlets tv television "
                        "radio daily weekly tabloid station reporters reporter journalists journalist correspondent "
                        "correspondents editorial".split())

# ---------------------------------------------------------------------------------------------
# Titles and offices (Wikipedia "List of heads of state and government" and "Minister"
# articles; US and UK political offices). An office maps to a class, so that a description
# ("the highest representative of US diplomacy") can meet a title ("US Secretary of State").
OFFICES = {
    "secretary of state": "foreign minister", "foreign minister": "foreign minister",
    "foreign secretary": "foreign minister", "minister of foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister", "top diplomat": "foreign minister",
    "chief diplomat": "foreign minister", "representative of diplomacy": "foreign minister",
    "head of diplomacy": "foreign minister", "foreign policy chief": "foreign minister",
    "representative of * diplomacy": "foreign minister", "head of * diplomacy": "foreign minister",
    "chancellor": "head of government", "prime minister": "head of government", "premier": "head of government",
    "president": "head of state", "king": "head of state", "queen": "head of state", "emir": "head of state",
    "defense secretary": "defence minister", "defence secretary": "defence minister",
    "defense minister": "defence minister", "defence minister": "defence minister",
    "secretary of defense": "defence minister", "pentagon chief": "defence minister",
    "finance minister": "finance minister", "treasury secretary": "finance minister",
    "chancellor of the exchequer": "finance minister", "secretary of the treasury": "finance minister",
    "interior minister": "interior minister", "home secretary": "interior minister",
    "attorney general": "attorney general", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson", "press secretary": "spokesperson", "governor": "governor",
    "mayor": "mayor", "senator": "senator", "sen.": "senator", "congressman": "representative",
    "congresswoman": "representative", "rep.": "representative", "speaker": "speaker",
    "nominee": "candidate", "candidate": "candidate", "frontrunner": "candidate", "front-runner": "candidate",
    "ambassador": "ambassador", "general": "general", "commander": "commander", "founder": "founder",
    "leader": "leader", "chief": "chief", "ceo": "chief executive", "chief executive": "chief executive",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "director": "director", "minister": "minister",
    "secretary": "secretary", "vice president": "vice president", "vice-president": "vice president",
    "secretary-general": "secretary-general", "secretary general": "secretary-general", "pope": "pope",
    "manager": "manager", "campaign manager": "campaign manager", "chief of staff": "chief of staff",
}
# Words of office titles and their modifiers, for matching a description ("the highest
# representative of US diplomacy") to an office; the title-before-name list is entities.TITLE_WORDS.
OFFICE_WORDS = frozenset(w for k in OFFICES for w in k.replace("*", "").split()) | frozenset(
    "mr. mrs. ms. dr. prof. gov. sen. rep. gen. lt. col. adm. former then acting deputy top senior "
    "highest foreign interior defense defence presidential".split())

# Honorifics and first names used to guess a person's gender, for pronoun agreement (common
# given names from the US Social Security Administration's lists and names frequent in world news).
MALE_TITLES = frozenset("mr mr. sir lord king prince father brother uncle".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam lady queen princess mother sister aunt dame".split())
MALE_NAMES = frozenset("""
    john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    antony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas
    zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin
    arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne
    roy ralph randy eugene vincent russell elijah louis bobby philip johnny barack bernie ted marco mike
    mitt jeb chris rand newt rick bill vladimir sergei sergey dmitry dmitri alexei alexey yevgeny
    evgeny volodymyr olaf emmanuel boris rishi keir xi wang li recep yair naftali narendra
    jair luiz luis carlos jorge pedro manuel francisco antonio giuseppe silvio mario matteo
    friedrich heinz hans klaus wolfgang jens jürgen josep mohammed muhammad ahmed ali hassan hussein
    abdullah omar khalid ibrahim yusuf kim jong shinzo fumio lloyd jake
    rex ron tim ben dan jim tom bob dick chuck mitch reince corey
    rudy jared steve jeff beto pete cory
    josh marty herman lincoln ray elon warren tucker sean
    yevgeny igor ivan nikolai oleksandr oleksiy andriy dmytro vitali vitaly ramzan viktor
    qin gang
""".split())
FEMALE_NAMES = frozenset("""
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
    joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
    jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy
    grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary kamala nikki carly michele kellyanne hope ivanka melania
    chelsea huma debbie nancy kirsten tulsi ilhan alexandria condoleezza madeleine
    ursula liz giorgia marine jacinda sanna annalena kaja maia yulia svetlana
    valentina olena iryna lyudmila tatiana natalia yekaterina sheryl kristi
    stacey mia ayanna rashida katie kate kristen jill dianne
""".split())

# Collective words and pronouns.
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
PLURAL_PRONOUNS = frozenset("they them their themselves".split())
NEUTER_PRONOUNS = frozenset("it its itself".split())
RELATIVE_PRONOUNS = frozenset("who which that whom whose".split())
FIRST_PERSON = frozenset("i we me us my our".split())

# ---------------------------------------------------------------------------------------------
# Nationality words -> country. The country names are pycountry's (ISO 3166) where it has
# them; the adjectives are the demonyms of Wikipedia's "List of adjectival and demonymic forms
# for countries and nations", for the countries most present in international news.
DEMONYMS = {
    "american": "United States", "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "russian": "Russia", "ukrainian": "Ukraine", "chinese": "China",
    "german": "Germany", "french": "France", "british": "United Kingdom", "uk": "United Kingdom",
    "english": "United Kingdom", "italian": "Italy", "spanish": "Spain", "polish": "Poland",
    "japanese": "Japan", "korean": "South Korea", "south korean": "South Korea", "north korean": "North Korea",
    "indian": "India", "pakistani": "Pakistan", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "israeli": "Israel", "palestinian": "Palestine", "turkish": "Turkey", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "australian": "Australia", "dutch": "Netherlands",
    "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "greek": "Greece",
    "hungarian": "Hungary", "czech": "Czechia", "slovak": "Slovakia", "romanian": "Romania",
    "bulgarian": "Bulgaria", "serbian": "Serbia", "croatian": "Croatia", "belarusian": "Belarus",
    "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan",
    "moldovan": "Moldova", "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia",
    "irish": "Ireland", "portuguese": "Portugal", "afghan": "Afghanistan", "lebanese": "Lebanon",
    "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates", "yemeni": "Yemen",
    "libyan": "Libya", "tunisian": "Tunisia", "algerian": "Algeria", "moroccan": "Morocco",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "south african": "South Africa",
    "sudanese": "Sudan", "somali": "Somalia", "indonesian": "Indonesia", "malaysian": "Malaysia",
    "thai": "Thailand", "vietnamese": "Viet Nam", "filipino": "Philippines", "philippine": "Philippines",
    "taiwanese": "Taiwan", "venezuelan": "Venezuela", "colombian": "Colombia", "chilean": "Chile",
    "peruvian": "Peru", "cuban": "Cuba", "bolivian": "Bolivia", "sino": "China", "soviet": "Soviet Union",
    "european": "European Union", "eu": "European Union", "nato": "NATO", "un": "United Nations",
    "western": "the West",
}
# Capitals and seats of power used for their governments ("Beijing assures that ...").
SEATS_OF_POWER = {
    "kremlin": "Russia", "white house": "United States", "pentagon": "United States",
    "downing street": "United Kingdom", "élysée": "France", "elysee": "France", "zhongnanhai": "China",
    "brussels": "European Union", "capitol hill": "United States", "foggy bottom": "United States",
}
# US parties give the side of a voice in US political news.
PARTIES = {
    "republican": "Republican Party", "republicans": "Republican Party", "gop": "Republican Party",
    "democrat": "Democratic Party", "democrats": "Democratic Party", "democratic": "Democratic Party",
    "labour": "Labour Party", "tory": "Conservative Party", "tories": "Conservative Party",
}


@functools.lru_cache(maxsize=512)
def country_name(word: str) -> str | None:
    """A country's common name from a nationality word, a country name or a code, else None."""
    low = word.lower().strip()
    if low in DEMONYMS:
        return DEMONYMS[low]
    if len(low) < 2 or not word[:1].isupper():
        return None
    import pycountry
    try:
        c = pycountry.countries.lookup(word)
    except LookupError:
        return None
    return getattr(c, "common_name", None) or c.name


def _inflect(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", base):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif re.search(r"(?:s|x|z|ch|sh)$", base):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    forms |= set(IRREGULAR.get(base, ()))
    return forms


@functools.lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Every inflected form of the reporting and cognition verbs -> its base form."""
    out: dict[str, str] = {}
    for base in sorted(SPEECH_VERBS | COGNITION_VERBS | XCOMP_VERBS | OBJECT_CONTENT_VERBS):
        for f in _inflect(base):
            out.setdefault(f, base)
    return out

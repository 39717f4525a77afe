"""Word lists for deciding who a mention refers to: offices and titles, given names and honorifics
(for pronoun agreement), pronouns, nationality words, seats of power, parties, and the nouns of
documents, posts and channels ("X's press service"). Each list says where it comes from.
"""
from __future__ import annotations

import functools
import re

# Documents and statements that "say" things (press releases, reports, polls).
DOCUMENT_WORDS = frozenset("""
    release statement communique communiqué report reports document documents memo memorandum letter
    filing filings affidavit complaint indictment lawsuit ruling verdict study survey poll polls
    analysis transcript record records email emails cable cables dossier paper bill law decree order
    resolution declaration text note notice announcement readout minutes budget data figures
    estimate estimates assessment audit review investigation findings results chart website
    decision judgment judgement schedule timetable guidelines manifesto sign banner constitution treaty charter
    leaflet leaflets flyer flyers pamphlet pamphlets brochure brochures
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

# Nouns for one person by kin or role ("his wife Mary", "the victim's son").
KINSHIP_NOUNS = frozenset("son daughter wife husband mother father brother sister parent child spouse partner "
                          "friend neighbour neighbor colleague widow widower fiancée fiancé fiancee fiance "
                          "girlfriend boyfriend relative cousin uncle aunt grandmother grandfather victim survivor "
                          "captain witness owner".split())

# Organisation heads (common nouns) for typing sources that are not named entities.
ORG_NOUNS = frozenset("""
    ministry ministries government department agency committee commission council court party campaign
    company firm corporation group organization organisation union association police army military
    kremlin administration embassy parliament congress senate house cabinet office bank fund board
    foundation institute university council coalition alliance movement network bureau service
    regime junta command headquarters team academy diocese archdiocese church college school hospital
    museum society club tribunal authority
""".split())

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
# Roles a definite description can stand for once the article has named their holder ("the
# commissioner said", "the princess announced"), kept out of OFFICE_WORDS (which the attribution stage
# reads as heads of sources).
HOLDER_ROLES = {
    "prince": "prince", "princess": "princess", "crown prince": "crown prince",
    "commissioner": "commissioner", "judge": "judge", "prosecutor": "prosecutor", "sheriff": "sheriff",
    "coach": "coach", "superintendent": "superintendent", "bishop": "bishop", "archbishop": "archbishop",
    "envoy": "envoy", "professor": "professor", "headmaster": "head teacher", "headteacher": "head teacher",
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
# Offices held for a state: their holder speaks for the country the title names ("US Secretary of
# State", "the Indian ambassador", "the German prosecutor"). A candidate, a founder, a chief
# executive or a professor described by nationality speaks for no country ("French inventor",
# "a candidate for the US Libertarian Party's nomination").
STATE_OFFICES = frozenset({
    "foreign minister", "head of government", "head of state", "defence minister", "finance minister",
    "interior minister", "attorney general", "spokesperson", "governor", "mayor", "senator", "representative",
    "speaker", "ambassador", "general", "commander", "leader", "minister", "secretary", "vice president",
    "chief of staff", "prince", "princess", "crown prince", "commissioner", "judge", "prosecutor", "sheriff",
    "envoy"})
# Words of a title or a body that serve a state: government bodies, diplomats, armed forces,
# police ("Iraqi military", "Chinese authorities", "Western diplomats", "a Russian police officer"), and
# an official's counterpart ("his Chinese counterpart, Qin Gang").
STATE_WORDS = frozenset("""
    government governments administration ministry ministries department embassy consulate cabinet parliament
    parliamentary lawmaker lawmakers legislator legislators official officials authorities authority officer
    officers diplomat diplomats army military navy forces troops soldier soldiers police marines coast guard
    colonel lieutenant sergeant captain admiral gen. col. lt. adm. commission council court judiciary intelligence
    agency agencies senate counterpart counterparts delegate delegates delegation
""".split())
# A state's civil protection and its weather, earth and space services, named by what they do
# ("French Civil Security", "the Philippine Institute of Volcanology and Seismology", "Japan Meteorological Agency").
STATE_AGENCY = re.compile(r"\b(?:civil (?:security|protection|defen[cs]e)|meteorolog\w*|volcanolog\w*|seismolog\w*"
                          r"|geological survey|weather service|fire service|space agency)\b", re.I)
# Capitalised titles of a state's lawyers, agents and legislators ("U.S. Attorney", "District Attorney",
# "US Representative").
STATE_TITLE = re.compile(r"\b(?:Attorney|Marshal|Special Agent|Representative|Rep\.|Delegate)(?!\w)")
# Words that set a person or a group against the state their nationality word names ("Russian
# opposition leader", "the Kurdish-led Syrian Democratic Forces", "Free Syrian Army", "Syrian rebels"),
# that make them run for an office rather than hold it ("US presidential candidate"), or that make
# them an outlet ("Saudi Press Agency", "Syrian state media").
NON_STATE = re.compile(r"\b(?:opposition|rebels?|insurgents?|militias?|militants?|separatists?|resistance|liberation"
                       r"|free|dissidents?|exiled|guerrillas?|jihadists?|candidates?|nominees?|hopefuls?"
                       r"|democratic\s+forces|revolutionary"
                       r"|press|news|newspaper|daily|media|magazine|tv|television|radio|broadcaster)\b|\w-led\b", re.I)
# US parties give the side of a voice in US political news.
PARTIES = {
    "republican": "Republican Party", "republicans": "Republican Party", "gop": "Republican Party",
    "democrat": "Democratic Party", "democrats": "Democratic Party", "democratic": "Democratic Party",
    "libertarian": "Libertarian Party", "libertarians": "Libertarian Party",
    "labour": "Labour Party", "tory": "Conservative Party", "tories": "Conservative Party",
}


@functools.lru_cache(maxsize=512)
def country_name(word: str) -> str | None:
    """A country's common name from a nationality word, a country's name or a news abbreviation
    ("US", "UK"), else None. Two- and three-letter ISO codes are not read: "AU", "LA" or "MAN" in a
    text are seldom Australia, Laos or the Isle of Man.

    >>> country_name("AU"), country_name("Germany"), country_name("Chinese")
    (None, 'Germany', 'China')
    """
    from ..gazetteer import country_from_abbreviation

    low = word.lower().strip()
    if low in DEMONYMS:
        return DEMONYMS[low]
    if country_from_abbreviation(word.strip()):
        return country_from_abbreviation(word.strip())
    if len(low) < 4 or not word[:1].isupper():
        return None
    import pycountry
    try:
        c = pycountry.countries.lookup(word)
    except LookupError:
        return None
    return getattr(c, "common_name", None) or c.name


# The agent-noun endings of English (driver, inspector, scientist, resident, assistant, technician,
# employee; Quirk et al., "A Comprehensive Grammar", I.34-I.36).
PERSON_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|ent|ian|ee)$")
# Common nouns of news text with those endings that name no person ("factor", "honor", "event"; a
# "committee" is a group): frequent exceptions, picked by hand from news vocabulary.
NOT_AGENT_NOUNS = frozenset("""
    factor sector error mirror motor color colour honor honour labor labour favor favour humor humour rumor
    rumour terror horror tumor tumour vapor vigor interior exterior floor door corridor meteor behavior
    behaviour harbor harbour armor armour tractor reactor elevator indicator monitor
    number matter order water paper letter power border center centre corner weather winter summer river
    tower chapter quarter murder danger manner answer offer cancer disaster shelter theater theatre computer
    banner barrier butter chamber character cluster container counter cover dinner encounter fiber filter
    finger flower gender hunger layer ledger lever liter litre meter metre parameter pepper pillar poster
    register semester silver slaughter thunder timber trigger wonder transfer trailer charter
    government event agreement moment percent comment payment element extent content incident accident talent
    department statement parliament settlement management development environment movement treatment
    investment equipment document argument instrument judgment judgement tournament amendment announcement
    assessment commitment employment requirement achievement punishment appointment experiment segment
    fragment sentiment supplement cement garment apartment compartment establishment continent
    present current patent intent consent descent dissent accent
    plant grant restaurant variant quadrant pageant covenant warrant
    committee coffee fee tree degree guarantee jubilee knee decree marquee
""".split())


def agent_noun(word: str) -> bool:
    """A noun that can name a person by its agent ending ("driver", "inspector", "resident"), not
    one of the common things with the same ending ("factor", "honor", "event")."""
    word = word.lower()
    return bool(PERSON_NOUN.search(word)) and word not in NOT_AGENT_NOUNS

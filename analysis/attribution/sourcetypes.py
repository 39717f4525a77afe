"""The type of a source (person, organisation, media, anonymous, document, social media) and the
side it speaks for (a country or an organisation), from lexicons.

>>> source_type("a senior official", speaker="senior official", label=None, head="official")
'anonymous'
>>> affiliation("Russian Foreign Ministry", speaker="Russian Foreign Ministry", label="ORG")
'Russia'
"""
from __future__ import annotations

import re

from ..entities.lexicon import (
    DEMONYMS,
    DOCUMENT_PHRASES,
    DOCUMENT_WORDS,
    FEMALE_PRONOUNS,
    KINSHIP_NOUNS,
    MALE_PRONOUNS,
    NON_STATE,
    OFFICE_WORDS,
    PARTIES,
    PLATFORMS,
    POST_WORDS,
    SEATS_OF_POWER,
    agent_noun,
    country_name,
)
from ..entities.lexicon import ORG_NOUNS as ORG_HEADS
from ..entities.names import ORG_HEADS as ORG_NAME_HEADS
from ..entities.referents import NEWS_SITE, serves_state
from ..gazetteer import capitals
from ..lexicons import OUTLETS
from .lexicon import (
    ANONYMITY_PHRASES,
    ANONYMOUS_DETS,
    ANONYMOUS_HEADS,
    EVIDENCE_NOUNS,
    MEDIA_WORDS,
    OCCUPATION_NOUNS,
    SPEECH_NOUNS,
)

# Heads of descriptions that stand for one person ("the founder", "the candidate", "she").
PERSON_HEADS = frozenset(w for w in OFFICE_WORDS if w.isalpha() and w not in ("foreign", "interior", "defense", "defence",
                                                                               "former", "then", "acting", "deputy", "top",
                                                                               "senior", "highest", "presidential", "of",
                                                                               "state", "general", "house", "affairs"))
# Quantifiers standing for unnamed people ("others", "some", "one of the victims").
QUANTIFIER_HEADS = frozenset("others other some many most few several one two three everyone everybody someone "
                             "somebody nobody none all both".split())
# Pronoun heads whose type is the type of what they resolve to ("who", "they").
PRONOUN_HEADS = frozenset("who whom that which he she they it we i".split())
# "Western" means the West only before these ("Western governments", "Western allies").
WEST_NOUNS = re.compile(r"\s+(?:governments?|nations?|countries|allies|powers|leaders|officials|diplomats|capitals)\b")
# Bodies of states named by an adjective ("European", "UN", "NATO", "Western"), whose every voice
# speaks for them.
INTERNATIONAL = frozenset({"European Union", "United Nations", "NATO", "the West"})
# What joins another party to a source: its affiliation is not the source's.
_OTHERS = re.compile(r",?\s+(?:along|together)\s+with\b|,?\s+as\s+well\s+as\b|,?\s+alongside\b")
# A relative or participle clause after a source describes it ("Protesters, carrying European Union
# flags"); what it names is not the source's side.
_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom|where"
                       r"|(?!(?:including|representing|speaking|acting|working)\b)[a-z]+ing)\b")
_MEDIA = {m.lower() for m in OUTLETS}
# Titles of members of a legislature written as abbreviations ("an MP", "one MEP").
_MEMBER_TITLES = frozenset("mp mps mep meps mk msp mla mpp td".split())
_WORD = re.compile(r"[\w.’'-]+")

# Heads of the names of institutions people work at, for which they are quoted as experts.
INSTITUTION_HEADS = "University|College|Institute|Institution|Academy|School|Museum|Hospital|Foundation|Society|" \
                    "Laboratory|Observatory|Library|Center|Centre"
_NAME_WORD = r"[A-Z][\w.&’'-]*"
_INSTITUTION = re.compile(rf"\b(?:of|at|from)\s+(?:the\s+)?((?:{_NAME_WORD}\s+)*(?:{INSTITUTION_HEADS})\b"
                          rf"(?:\s+{_NAME_WORD})*(?:\s+(?:of|for|and)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*)*)")
_INSTITUTION_HEAD = re.compile(rf"\b(?:{INSTITUTION_HEADS})\b")

# Last words of newspaper names ("The Baltimore Sun", "Daily Telegraph", "Gulf News"): the mastheads
# of the English-language dailies listed by the World Association of News Publishers.
MASTHEADS = frozenset("Sun Times Post Herald Tribune Journal Gazette News Telegraph Guardian Chronicle Examiner "
                      "Observer Inquirer Courier Dispatch Mirror Bulletin Sentinel Daily Weekly TV Radio".split())


# A channel named "TV" + letters or digits ("TVN24", "TV5").
_TV_CHANNEL = re.compile(r"^TV[A-Z0-9][A-Za-z0-9]*$")


def is_media(name: str | None) -> bool:
    if not name:
        return False
    low = re.sub(r"^the\s+", "", name.lower().strip())
    if low in _MEDIA or ("the " + low) in _MEDIA:
        return True
    if NEWS_SITE.match(name.strip()):
        return True       # a news site by its address: "Znak.com", "Meduza.io"
    words = name.split()
    if any(w == "TV" or w.endswith("-TV") or _TV_CHANNEL.match(w) for w in words):
        return True       # a television channel: "BFM TV", "WSET-TV", "TVN24"
    if len(words) == 2 and words[0].lower() in _MEDIA and country_name(words[1]):
        return True       # a national edition: "CNN Philippines", "BBC Brasil"
    return len(words) >= 2 and words[-1] in MASTHEADS and all(w[:1].isupper() for w in words)


def platform_in(text: str | None) -> str | None:
    """The social platform named in ``text`` ("via a Telegram post" -> "Telegram")."""
    if not text:
        return None
    low = text.lower()
    for key, name in PLATFORMS.items():
        if len(key) > 1 and re.search(r"\b" + re.escape(key) + r"\b", low):
            return name
    if re.search(r"\bX\b(?:\s+post|\s*\(formerly)", text):
        return "X"
    return None


def source_type(source: str | None, *, speaker: str | None, label: str | None, head: str | None,
                channel: str | None = None) -> str:
    """One of the contract's source types for a source mention and what it resolved to."""
    head = (head or "").lower()
    if head in PRONOUN_HEADS and label is None and speaker and speaker.lower() != head:
        words = speaker.split()     # "one of the victims": its head is the quantifier
        return source_type(speaker, speaker=speaker, label=None, channel=channel,
                           head=words[0] if words[0].lower() in QUANTIFIER_HEADS else words[-1])
    text = (source or "").lower()
    words = _WORD.findall(text)
    if platform_in(channel) or platform_in(source) and head in ("post", "tweet", "account", "video", "message"):
        return "social_media"
    media_head = label is None and (head in MEDIA_WORDS or head in PUBLICATION_WORDS)
    if is_media(speaker) or media_head or is_media(source):
        return "media"
    people = head.endswith(("er", "ers", "ist", "ists")) or head in ANONYMOUS_HEADS
    if any(p in text for p in DOCUMENT_PHRASES) or (channel and label is None and not people
                                                    and any(w in DOCUMENT_WORDS for w in channel.lower().split())
                                                    and not any(w in ("spokesman", "spokeswoman", "spokesperson")
                                                                for w in channel.lower().split())):
        return "document"      # a person or a body speaking in a press release is still the person or body
    if label is None and (head in DOCUMENT_WORDS or head in EVIDENCE_NOUNS or head in LEGAL_PAPERS
                          or head in WRITINGS or _statement_noun(head)):
        return "document"      # "WHO's statistics", "the survey", "the motion claims", "her memoirs",
                               # "the warnings called for …", "the comments called her party …"
    if label == "LAW" or label in (None, "ORG") and head in DOCUMENT_WORDS:
        return "document"      # "The Constitution specifies …"
    if head in QUANTIFIER_HEADS or words[:2] == ["not", "everyone"]:
        return "anonymous"     # "others preferred …", "one of the victims decided …"
    if label == "PERSON":
        return "person"
    if label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return "organisation"
    if any(p in text for p in ANONYMITY_PHRASES):
        return "anonymous"
    if head in ANONYMOUS_HEADS and head not in ("administration", "campaign", "team"):
        if not words or words[0] in ANONYMOUS_DETS or words[0] in ("the",) and head.endswith("s") \
                or head.endswith("s") or len(words) > 1 and words[0] not in ("the", "this", "that"):
            return "anonymous"
    if head in ORG_HEADS or _plural_organisations(head):
        return "organisation"  # "German firms including …", "neighbouring countries including …"
    if label is None and words and words[0] in ANONYMOUS_DETS and (head in PERSON_HEADS or head in OCCUPATION_NOUNS
                                                                   or head in _MEMBER_TITLES):
        return "anonymous"     # "One MP told the BBC", "a senator said": an unnamed holder of a title
    if head in PERSON_HEADS or head in MALE_PRONOUNS or head in FEMALE_PRONOUNS:
        return "person"
    if head in KINSHIP_NOUNS or head in OCCUPATION_NOUNS or agent_noun(head) and not head.endswith("s"):
        # one described, unnamed person: "a driver" is anonymous, "the driver", "his son" a person
        return "anonymous" if words and words[0] in ANONYMOUS_DETS else "person"
    if head.endswith("s") and (agent_noun(head[:-1]) or head in PEOPLE_PLURALS):
        return "anonymous"     # "the researchers estimate", "some scholars have suggested", "eyewitnesses"
    if label is None and (any(_organisation_name(n) for n in (source, speaker) if n)
                          or speaker and capitals().get(speaker.lower())):
        return "organisation"  # "Transport for London (TfL)", "Amazon Web services", an untagged capital
    if speaker and speaker[:1].isupper() and label is None and head and head[:1].isalpha():
        return "person" if speaker.split()[-1][:1].isupper() and len(speaker.split()) > 1 else "unknown"
    return "unknown"


# Writings and records beside the shared document words ("the NHC advisory", "her memoirs", "the
# summary", "a database detailing …").
WRITINGS = frozenset("advisory advisories summary summaries memoir memoirs database databases bulletin bulletins "
                     "forecast forecasts guidance".split())
# Plural nouns for unnamed people that no agent ending marks ("eyewitnesses said", "his classmates").
PEOPLE_PLURALS = frozenset("eyewitnesses classmates schoolmates locals neighbours neighbors friends parents fans "
                           "colleagues relatives".split())
# Heads of the names of publications beside the media words ("the journal Science", "the industry
# publication", "local news").
PUBLICATION_WORDS = frozenset("publication publications journal journals news newswire".split())


# Papers filed or read in court, which say what their filers claim ("the motion claims", "the petition
# argues", "according to agreed facts heard in court", "the charge sheet says").
LEGAL_PAPERS = frozenset("motion motions petition petitions complaint affidavit brief briefs lawsuit suit "
                         "indictment subpoena warrant appeal facts submission submissions pleading pleadings "
                         "deposition depositions sheet".split())


# Plural heads that name several organisations or states ("firms", "countries"), beside the plurals
# of the organisation nouns ("ministries", "unions").
PLURAL_ORG_HEADS = frozenset("firms companies countries nations states governments businesses".split())


# Nouns for something said or written, other than one for a view held ("belief", "view").
STATEMENT_WORDS = (SPEECH_NOUNS | POST_WORDS) - {"belief", "view"}


def _statement_noun(head: str) -> bool:
    """A noun of :data:`STATEMENT_WORDS`, singular or plural."""
    return head in STATEMENT_WORDS or head.endswith("s") and head[:-1] in STATEMENT_WORDS


def _plural_organisations(head: str) -> bool:
    if head in PLURAL_ORG_HEADS:
        return True
    single = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else None
    return single is not None and single in ORG_HEADS


_ACRONYM_AFTER = re.compile(r"\(\s*[A-Z][A-Za-z&.]*[A-Z]\s*\)\s*$")


def _organisation_name(name: str) -> bool:
    """A capitalised name that reads as an organisation's: it ends in an acronym in brackets, or
    holds an organisation word ("Services", "Ministry", "Agency")."""
    name = re.sub(r"^(?:the|The)\s+", "", name)
    if not name[:1].isupper():
        return False
    return bool(_ACRONYM_AFTER.search(name)) or any(w.capitalize() in ORG_NAME_HEADS for w in name.split()[1:])


def _place_named_from(text: str, m: re.Match) -> str | None:
    """A country whose name opens with a nationality word ("American Samoa", "South African
    Republic"), or its own nationality word ("American Samoan"): the country, not the nationality's."""
    nxt = re.match(r"\s+([A-Z][\w.]*)", text[m.end():])
    if not nxt:
        return None
    name = m.group(0) + " " + nxt.group(1)
    return country_name(name) or (country_name(name[:-1]) if name.endswith("an") else None)


def _institution(text: str) -> str | None:
    """The university, institute, museum... a person is "of", "at" or "from" ("Ana Cruz of American
    University", "a researcher at London's Royal College of Music"): the side they speak for, even
    when its name opens with a nationality word. Two institutions joined by "and" are both its side.

    >>> _institution("scientists from the University of Bergen and UC Davis")
    'University of Bergen and UC Davis'
    """
    m = _INSTITUTION.search(text)
    if not m:
        return None
    names = []
    for part in re.split(r"\s+and\s+", m.group(1)):
        if names and not (_INSTITUTION_HEAD.search(part) or re.match(r"(?:the\s+)?[A-Z]{2,}\b", part)):
            names[-1] += " and " + part      # one name with "and" in it ("Institute of Marine and Coastal Research")
        else:
            names.append(part)               # another institution ("and Kyoto University", "and UC Davis")
    return " and ".join(re.sub(r"['’]s$", "", re.sub(r"^.*['’]s\s+|^the\s+", "", n)) for n in names)


def _side_named(text: str, *, speaker: str | None, label: str | None) -> str | None:
    """The first side a capitalised word of ``text`` names: a nationality word where the phrase
    serves that state (or names a union of states), or a party. A party word inside an
    organisation's name is not that party ("Syrian Democratic Forces", "Free Democratic Party"), nor
    a surname that spells one ("mayor John Tory")."""
    state = label in ("GPE", "NORP") and not NON_STATE.search(text) or serves_state(text)
    for m in re.finditer(r"[A-Z][\w.]*", text):
        lw = m.group(0).lower()
        if lw == "western" and not WEST_NOUNS.match(text, m.end()):
            continue           # "the army's Western Mindanao Command" is not the West
        if lw in DEMONYMS and (state or DEMONYMS[lw] in INTERNATIONAL):
            return _place_named_from(text, m) or DEMONYMS[lw]
        if lw in PARTIES and not (label == "PERSON" and m.group(0) in (speaker or "").split()) \
                and not (label == "ORG" and _NAME_BEFORE.search(text, 0, m.start())):
            return PARTIES[lw]
    return None


# A capitalised word (not an article) right before a position: the word after it is inside a name.
_NAME_BEFORE = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w.-]*\s+$")


def affiliation(source: str | None, *, speaker: str | None, label: str | None,
                title_country: str | None = None) -> str | None:
    """The country or organisation a source speaks for: from its title, a state's nationality word
    (a government body, an official, the armed forces: not a private person, a party's candidate or
    an outlet of that nationality), a capital or seat of power, a party, or the institution a
    person is of. An organisation is not given itself as its side."""
    if title_country:
        return title_country
    if is_media(speaker) or is_media(source):
        return None                         # an outlet speaks for itself, not for its country ("USA Today")
    if label == "GPE" and speaker and country_name(speaker):
        return country_name(speaker)        # a country speaks for itself, whatever its relative clause names
    m = re.match(r"Government of (.+)$", speaker or "")
    if m and country_name(m.group(1)):
        return country_name(m.group(1))     # "the government", resolved to the country's government
    for text in (source, speaker):
        if not text:
            continue
        text = _OTHERS.split(text)[0]     # "Planned Parenthood, along with the American Civil Liberties Union"
        text = _RELATIVE.split(text)[0]   # "the US, which has retreated from ousting Syrian President …"
        if label not in ("ORG", "GPE", "NORP") and (institution := _institution(text)):
            return institution
        low = text.lower()
        for seat, country in SEATS_OF_POWER.items():
            if seat in low:
                return country
        side = _side_named(text, speaker=speaker, label=label)
        if side:
            return side if side != speaker else None     # "NATO guidelines": NATO is not its own side
    if speaker and label in ("GPE", "NORP", "ORG", None):
        cap = capitals().get(speaker.lower())
        if cap:
            return cap
        c = country_name(speaker) if label in ("GPE", "NORP") else None
        if c:
            return c
    return None          # an organisation is not its own side: its name adds nothing

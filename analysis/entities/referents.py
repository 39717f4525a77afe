"""Who a mention refers to: pronouns, titles, role nouns, short names and possessives resolved to
the canonical (fullest) name the article gives the entity. One mechanism for every stage: the
attribution stage resolves its speakers with it, the events stage its actors.

>>> # refs = Referents(doc, entities); refs.canonical(start, end) -> "Yevgeny Prigozhin" or None

A :class:`Referents` is built once per article from the entity stage's mentions (canonical names)
or, when that stage gave nothing, from spaCy's own entities clustered by surname. Every lookup
walks a sorted list of mentions backwards from a position (``bisect``), so resolving all the
sources of an article stays linear in practice.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from typing import NamedTuple

from ..lexicons import OUTLETS
from .lexicon import (
    CHANNEL_NOUNS,
    DEMONYMS,
    DOCUMENT_WORDS,
    FEMALE_NAMES,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    FIRST_PERSON,
    HOLDER_ROLES,
    KINSHIP_NOUNS,
    MALE_NAMES,
    MALE_PRONOUNS,
    MALE_TITLES,
    NEUTER_PRONOUNS,
    NON_STATE,
    OFFICE_WORDS,
    OFFICES,
    ORG_NOUNS,
    PARTIES,
    PERSONAL_CHANNEL_NOUNS,
    PLURAL_PRONOUNS,
    POST_WORDS,
    RELATIVE_PRONOUNS,
    STATE_AGENCY,
    STATE_OFFICES,
    STATE_TITLE,
    STATE_WORDS,
    agent_noun,
    country_name,
)
from .names import ORG_HEADS, fold, role_noun

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_OFFICE_RES = sorted(((re.compile(r"\b" + re.escape(k).replace(r"\*", r"[\w.]+(?:\s[\w.]+)?") + r"\b"), v)
                      for k, v in {**OFFICES, **HOLDER_ROLES}.items()), key=lambda kv: -len(kv[0].pattern))
LOOKBACK_CHARS = 2500     # how far back a pronoun looks for its antecedent
CATAPHORA_CHARS = 600     # how far after a role ("the founder of …") its holder may be named
PAIR_CHARS = 400           # how far back "they" takes two people named together ("X and Y met. They …")
# A site named by its web address (a name, a dot, a top-level domain): "Znak.com", "Meduza.io".
NEWS_SITE = re.compile(r"^[A-Z][\w-]*\.(?:com|net|org|io|info|news|ru|ua|de|fr|it|es|pl|hu|in|co\.uk|com\.au)$")
_SITE_ADDRESS = re.compile(NEWS_SITE.pattern.strip("^$").join((r"(?<![\w.])", r"(?![\w.]\w)")))
ORG_LOOKBACK_CHARS = 1500  # how far back "the company" looks for the company
# Nouns that stand for whichever organisation the article last named ("the company said").
GENERIC_ORG_NOUNS = frozenset("company firm corporation group organisation organization business "
                              "carrier airline bank manufacturer retailer startup".split())


# Verbs whose "to X" / "with X" is the one spoken to.
ADDRESSING = frozenset("speak speaks speaking spoke spoken talk talks talking talked".split())
# Plural nouns for people (agent-noun endings, as in the lexicon's PERSON_NOUN, and a few
# collective plurals): what "they" can stand for when no organisation is nearer.
PEOPLE_PLURAL = re.compile(r"^(?:[a-z]{2,}(?:ers|ors|ists|ants|ents|ians|ees|ics)|people|police|officials|members|"
                           r"leaders|staff|crew|families|relatives|authorities|troops|forces|women|men|children|"
                           r"protesters|demonstrators|residents|citizens|voters|workers|experts|critics)$")

def _inflected(bases: str, irregular: str = "") -> frozenset[str]:
    """The forms of regular verbs ("rule" -> rule, rules, ruled, ruling), plus irregular ones."""
    out = set(irregular.split())
    for b in bases.split():
        stem = b[:-1] if b.endswith("e") else b
        out |= {b, b + "s", stem + "ed", stem + "ing"}
    return frozenset(out)


# Nouns for states, which speak through their governments ("nations that oppose the plan").
STATE_NOUNS = frozenset("nation country state republic kingdom".split())
# People a person has, who speak for themselves: "his critics" are "Jair Bolsonaro's critics".
GROUP_NOUNS = frozenset("critics supporters opponents detractors aides allies advisers advisors followers fans "
                        "rivals friends colleagues voters backers loyalists".split())
# Verbs a court document comes from: "the ruling" is the court's that "ruled".
_RULE = _inflected("rule")
DOCUMENT_VERBS = {"ruling": _RULE, "decision": _RULE | _inflected("decide"), "judgment": _RULE, "judgement": _RULE,
                  "verdict": _RULE, "filing": _inflected("file"), "lawsuit": _inflected("sue file"),
                  "indictment": _inflected("indict")}

# Verbs by which someone puts out a document ("the court issued a ruling", "Ford filed a complaint").
ISSUING_VERBS = _inflected("issue release publish file submit deliver hand sign draft",
                           "send sends sent sending write writes wrote written writing")
# Nouns for two people named together before ("David and Louise Turpin … the couple").
COUPLE_NOUNS = frozenset("couple pair parents duo spouses".split())
# People an event makes, whom articles seldom name ("one of the victims", "a survivor").
EVENT_PEOPLE = frozenset("victim victims survivor survivors witness witnesses patient patients passenger passengers "
                         "hostage hostages".split())
# Plural nouns for people of a kind that stand for the people the article named together before
# ("officers Antoine Quirin and Nicolas Redouane … The defendants claimed"), with the gender some give.
PEOPLE_GROUPS = {"defendants": None, "accused": None, "suspects": None, "officers": None, "men": "m",
                 "women": "f", "brothers": "m", "sisters": "f"}
# Words for people who do research together, which stand for the organisations they are named from
# ("researchers from the University of Washington and Stanford University … The researchers found").
RESEARCH_GROUPS = frozenset("researchers scientists team authors co-authors scholars".split())
# Names of public bodies, schools and outlets, which "the company", "the group" or "the firm" never
# stands for ("the Missouri Senate", "Temple University", "the White House", "Business Insider").
PUBLIC_BODY = re.compile(r"\b(?:Senate|House|Congress|Parliament|Assembly|Ministry|Department|Court|Council|Committee"
                         r"|Party|Government|Administration|Police|Army|Navy|University|College|School|Academy)\b")
# Determiners of a description that introduces someone unnamed ("a Democratic senator said").
INDEFINITE_DETS = frozenset("a an another one some any".split())
# A title of someone who held the office before ("former President Bill Clinton", "ex-minister").
FORMER = re.compile(r"\b(?:former|ex)\b|\bex-", re.I)
# Determiners that make a plural noun stand for a group named before ("the defendants", "both officers").
GROUP_DETS = frozenset("the both these those two".split())
# One of such a pair by gender ("the father", "the wife").
PAIR_ROLES = {"father": "m", "husband": "m", "mother": "f", "wife": "f"}
# Who stands for a person when a statement is theirs: kin, the family, the lawyer.
ISSUER_NOUNS = KINSHIP_NOUNS | frozenset("family relatives lawyer lawyers attorney attorneys spokesman "
                                         "spokeswoman spokesperson".split())


# Titles of people sent to another country or body ("ambassador to Germany").
ENVOY_WORDS = frozenset("ambassador ambassadors envoy envoys emissary delegate".split())
# "US Ambassador to Germany": the place sent to, which is not the side the envoy speaks for.
_ENVOY_TITLES = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted({w.removesuffix("s") for w in ENVOY_WORDS}))
_SENT_TO = re.compile(rf"\b((?:{_ENVOY_TITLES})s?)\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s(?:of\s)?[A-Z][\w.]*)*")
# Participles that give the name of someone described ("a student named Wong", "a man identified as
# Ahmed Khan", "a group called Extinction Rebellion").
NAMING_VERBS = frozenset("named called identified nicknamed".split())
# Nouns for one unnamed person that agent endings do not mark ("a man named …").
PERSON_NOUNS = frozenset("man woman boy girl person teenager youth resident student child".split())


# Plural numbers that count people ("thousands of protesters").
COUNT_NOUNS = frozenset("dozens hundreds thousands millions tens scores".split())


def _people_counted(tok):
    """The people a counting subject counts ("thousands of Hong Kong protesters"), else None."""
    if tok.lower_ not in COUNT_NOUNS:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ == "NNS" and PEOPLE_PLURAL.match(obj.lower_):
                return obj
    return None


def _role_word(tok) -> bool:
    """A singular common noun of a role or an office ("spokesperson", "minister") just before a name."""
    return tok.tag_ == "NN" and bool(role_noun(tok.lower_) or office_of(tok.lower_)[0])


class Mention(NamedTuple):
    start: int            # char offsets
    end: int
    tstart: int           # token span
    tend: int
    label: str
    name: str             # canonical name


_NOBODY = Mention(0, 0, 0, 0, "", "")


class Referent(NamedTuple):
    """What a mention refers to: ``name`` is the fullest name the article gives the entity (or the
    cleaned description when no entity matches, then ``label`` is None)."""
    name: str | None
    label: str | None     # PERSON, ORG, GPE, NORP, or None for a description
    channel: str | None = None
    mention: Mention | None = None


def office_of(text: str) -> tuple[str | None, str | None]:
    """(office class, country) named in a title or description.

    >>> office_of("the highest representative of US diplomacy")
    ('foreign minister', 'United States')
    """
    low = text.lower()
    office = next((v for r, v in _OFFICE_RES if r.search(low)), None)
    country = None
    text = re.sub(r"\b(?:An?|The)\s+", "", text)       # "An Australian, Brenton Tarrant"
    text = _SENT_TO.sub(r"\1", text)      # "US Ambassador to Germany": the country sent to is not the side
    for w in re.findall(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?", text):
        words = w.split()
        # "US Secretary" names the country of an office; "Iraq War veteran" does not
        if len(words) == 2 and words[1].lower() not in OFFICE_WORDS and not country_name(w):
            continue
        country = country_name(w) or country_name(words[0])
        if country:
            break
    return office, country


# A run for office that is over: what the person holds now decides ("former presidential candidate Senator").
_FORMER_RUN = re.compile(r"\bformer\b[^,;]*?\b(?:candidate|nominee|hopeful|contender)s?\b", re.I)
# The head of a country's or a territory's government named by "of" ("Chief Executive of Hong Kong").
_HEAD_OF_PLACE = re.compile(r"\b(?i:chief executive|chief minister|premier|president|prime minister|governor"
                            r"|head of government|head of state|ruler)\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)")
# A statement or decree named only by a nationality word is that state's ("the Turkish statement").
_STATE_PAPER = re.compile(r"(?:[Tt]he\s+|[Aa]n?\s+)?[A-Z]\w+\s+(?:statement|communiqu[eé]|decree|declaration)s?$")


def serves_state(text: str) -> bool:
    """True when a title or description is a state's service: an office held for a state or a word
    of its bodies, diplomats, forces or police ("US Secretary of State", "Iraqi military", "Western
    diplomats", "U.S. Attorney"); not a private person, an outlet or a group described by
    nationality ("French inventor", "Hungarian daily"), nor one set against the state or running
    for its office ("Russian opposition leader", "Kurdish-led Syrian Democratic Forces", "candidate")."""
    text = _FORMER_RUN.sub("", text)     # "former presidential candidate Senator Ted Cruz" holds an office now
    if NON_STATE.search(text):
        return False
    if (head := _HEAD_OF_PLACE.search(text)) and country_name(head.group(1)):
        return True                       # "the chief executive of Hong Kong"
    if STATE_AGENCY.search(text) or _STATE_PAPER.match(text):
        return True                       # "French Civil Security", "the Turkish statement"
    return office_of(text)[0] in STATE_OFFICES or bool(STATE_TITLE.search(text)) \
        or any(w in STATE_WORDS for w in re.findall(r"[\w.]+", text.lower()))


def state_side(text: str) -> str | None:
    """The country a title speaks for when it is a state's (:func:`serves_state`).

    >>> state_side("US Ambassador to Germany"), state_side("French inventor")
    ('United States', None)
    """
    country = office_of(text)[1]
    return country if country and serves_state(text) else None


def _clean(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:’s|'s)$", "", text)
    return text.strip(" ,;:")


class Referents:
    """Resolves source mentions of one parsed article."""

    def __init__(self, doc, entities=(), *, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text      # spaCy joins the tokens on every read
        self.mentions = self._mentions(doc, entities)
        self.starts = [m.start for m in self.mentions]
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.tstart, m.tend):
                self.by_token[i] = m
        persons = [m for m in self.mentions if m.label == "PERSON"]
        self.surnames: dict[str, str] = {}
        for m in sorted(persons, key=lambda m: len(m.name)):
            for part in m.name.split():
                if part[:1].isupper() and len(part) > 2:
                    self.surnames[fold(part)] = m.name
        self.last_names = {fold(m.name.split()[-1]): m.name for m in sorted(persons, key=lambda m: len(m.name))
                           if len(m.name.split()) > 1}
        self.titles = self._titles(persons)
        self.employers = self._employers(persons)
        self.parties = self._parties(persons)
        self.sides = self._sides(persons)
        self.former = {m.name for m in persons if any(FORMER.fullmatch(w) for w in self._title_words(m))}
        self._sent_starts: list[int] | None = None
        self._token_starts: list[int] | None = None
        self._chain: dict[int, Mention] | None = None
        self.gender = self._genders(persons)
        self.pairs = self._pairs(persons)

    # ----------------------------------------------------------------- building
    @staticmethod
    def _mentions(doc, entities) -> list[Mention]:
        out = []
        if entities:
            for e in entities:
                span = doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is not None and e.label in NAMED:
                    out.append(Mention(e.start, e.end, span.start, span.end, e.label, e.canonical or e.text))
            return sorted(out)
        ents = [e for e in doc.ents if e.label_ in NAMED]
        full: dict[str, str] = {}
        for e in sorted((e for e in ents if e.label_ == "PERSON"), key=lambda e: -len(e.text)):
            name = _clean(e.text)
            last = name.split()[-1].lower() if name else ""
            full.setdefault(last, name)
        for e in ents:
            name = _clean(e.text)
            label = e.label_
            last = name.split()[-1].lower() if name else ""
            if label == "PERSON" or (label == "ORG" and len(name.split()) == 1 and last in full):
                label, name = "PERSON", full.get(last, name)
            if name:
                out.append(Mention(e.start_char, e.end_char, e.start, e.end, label, name))
        return out

    def _titles(self, persons) -> dict[str, tuple[str | None, str | None]]:
        """(office, country) of each person, from the words before the name or an apposition."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for m in persons:
            words = self._title_words(m)
            if words:
                office, country = office_of(" ".join(words))
                old = out.get(m.name, (None, None))
                out[m.name] = (old[0] or office, old[1] or country)
        return out

    def _employers(self, persons) -> dict[str, str]:
        """The organisation each person is named with: before a role noun that precedes the name
        ("African Export–Import Bank president Okey Oramah", "Facebook spokesperson Andy Stone") or
        after "of" right after it ("Carl Hensman of the Bill and Melinda Gates Foundation"); "at" may
        name a place the person was ("Clinton at the State Department", "Obama at Harvard Law School")."""
        out: dict[str, str] = {}
        doc = self.doc
        for m in persons:
            i = m.tstart - 1
            org = None
            if i >= 1 and _role_word(doc[i]):
                org = self.by_token.get(i - 1)
                org = org if org is not None and org.tend == i else None
            j = m.tend
            if org is None and j + 1 < len(doc) and doc[j].lower_ == "of":      # not "at": "Obama at Harvard"
                k = j + 2 if doc[j + 1].lower_ == "the" and j + 1 not in self.by_token else j + 1
                org = self.by_token.get(k)
                org = org if org is not None and org.tstart == k else None     # ("the" may open the name)
            if org is not None and org.label == "ORG" and self._whole_name(org):
                out.setdefault(m.name, org.name)
        return out

    def _whole_name(self, m: Mention) -> bool:
        """True unless the organisation's name is cut: glued by a dash to more of it
        ("Harvard–Smithsonian Center"), going on after the mention ("National Institute of Allergy
        and Infectious Diseases"), or a bare head noun ("Assembly president Richard Ferrand")."""
        doc = self.doc
        glued = m.tend < len(doc) and doc[m.tend].text in ("-", "–", "—") and not doc[m.tend - 1].whitespace_
        goes_on = m.tend + 1 < len(doc) and doc[m.tend].lower_ in ("and", "of", "for") and doc[m.tend + 1].is_title
        return not glued and not goes_on and m.name not in ORG_HEADS

    def _sides(self, persons) -> dict[str, str]:
        """The country each person speaks for by a state title (:func:`state_side`)."""
        out: dict[str, str] = {}
        for m in persons:
            words = self._title_words(m)
            side = state_side(" ".join(words)) if words else None
            if side:
                out.setdefault(m.name, side)
        return out

    def _parties(self, persons) -> dict[str, str]:
        """The party each person's title or apposition names ("Libertarian nominee Gary Johnson")."""
        out: dict[str, str] = {}
        for m in persons:
            party = self.party_of(" ".join(self._title_words(m)))
            if party:
                out.setdefault(m.name, party)
        return out

    def _title_words(self, m: Mention) -> list[str]:
        """Words of a title before a name ("US Secretary of State Antony Blinken"), or of an
        apposition on either side ("the highest representative of Chinese diplomacy, Wang Yi")."""
        doc = self.doc
        words: list[str] = []
        i = m.tstart - 1
        comma = i >= 0 and doc[i].text == ","
        if comma:
            i -= 1
            if self.by_token.get(i, _NOBODY).label == "PERSON":
                i = -1      # "According to … Jacinda Ardern, Brenton had": another person, no apposition
        lo = i - (8 if comma else 6)
        while i >= 0 and i > lo:
            t = doc[i]
            if t.tag_ in ("NNP", "NN", "NNS", "JJ", "JJS", "NNPS") or t.lower_ == "of" \
                    or t.lower_ == "to" and i and doc[i - 1].lower_ in ENVOY_WORDS:
                words.insert(0, t.text)
            else:
                break
            i -= 1
        j = m.tend
        if j + 1 < len(doc) and doc[j].text == "," and (doc[j + 1].lower_ in ("the", "a", "an")
                                                         or doc[j + 1].lower_ in OFFICE_WORDS):
            k = j + 1
            while k < len(doc) and k < j + 12 and not doc[k].is_punct:
                if doc[k].pos_ in ("VERB", "AUX"):
                    break      # "According to al-Eryani, the rebels are backed by Iran": a clause, no title
                words.append(doc[k].text)
                k += 1
        return words

    def _pairs(self, persons) -> list[tuple[int, str, str]]:
        """Two people named together ("David and Louise Turpin", "Cherie and Sean O'Donnell"): (char
        offset, first name, second name), in text order."""
        out = []
        for a, b in zip(persons, persons[1:], strict=False):
            if a.name != b.name and self.text[a.end:b.start].strip() == "and":
                out.append((a.start, a.name, b.name))
        return out

    def _pair_member(self, head) -> Referent | None:
        """"The couple said" -> both people of the pair named last before; "the father said" -> the man
        of that pair (by the gender the article gives each), when the noun stands alone (no "his", no
        "of …")."""
        low = head.lower_
        if low not in COUPLE_NOUNS and low not in PAIR_ROLES or head.tag_ not in ("NN", "NNS"):
            return None
        kids = list(head.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
                or any(c.dep_ in ("poss", "prep", "appos", "compound") for c in kids):
            return None
        pairs = [p for p in self.pairs if head.idx - LOOKBACK_CHARS <= p[0] < head.idx]
        if not pairs:
            return None
        _, a, b = pairs[-1]
        if low in COUPLE_NOUNS:
            return Referent(f"{a} and {b}", "PERSON")
        want = PAIR_ROLES[low]
        ga, gb = self.gender.get(a), self.gender.get(b)
        if ga == want and gb != want or gb is not None and gb != want and ga is None:
            return Referent(a, "PERSON")
        if gb == want and ga != want or ga is not None and ga != want and gb is None:
            return Referent(b, "PERSON")
        return None

    def _named_group(self, head) -> Referent | None:
        """A group the article names: researchers named by their organisations, in the phrase itself
        ("researchers from GT and USC Beaufort") or before, for a definite "the researchers", "the
        team" (:meth:`_organisations_from`); "the defendants", "the two men", "both officers": the two
        people named together last before (of the noun's gender, when it gives one)."""
        low = head.lower_
        kids = list(head.children)
        if low in RESEARCH_GROUPS:
            own = self._organisations_from(head.i + 1)
            if own is not None:
                return Referent(own, "ORG")
        if not any(c.lower_ in GROUP_DETS and c.dep_ in ("det", "predet", "nummod", "preconj") for c in kids) \
                or any(c.dep_ in ("poss", "prep", "appos", "relcl") or c.lower_ in ("other", "three")
                       or c.dep_ == "compound" and c.tag_ == "NNP" for c in kids):
            return None         # not "the other defendants", "the Montreal team": another group
        if low in RESEARCH_GROUPS:
            lo = max(0, self._first_token_from(head.idx - LOOKBACK_CHARS))
            for t in reversed(self.doc[lo:head.i]):
                found = self._organisations_from(t.i + 1) if t.lower_ in RESEARCH_GROUPS else None
                if found is not None:
                    return Referent(found, "ORG")
            return None
        if low not in PEOPLE_GROUPS or head.tag_ != "NNS":
            return None
        pairs = [p for p in self.pairs if head.idx - LOOKBACK_CHARS <= p[0] < head.idx]
        want = PEOPLE_GROUPS[low]
        if not pairs or want and any(self.gender.get(n, want) != want for n in pairs[-1][1:]):
            return None
        return Referent(f"{pairs[-1][1]} and {pairs[-1][2]}", "PERSON")

    def _organisations_from(self, i: int) -> str | None:
        """The organisations named in a "from"/"of"/"at" phrase at token ``i`` ("from the Georgia
        Institute of Technology (GT) and University of South Carolina Beaufort", "mostly from Penn
        State", "from China's Tsinghua University and the Chinese Academy of Sciences"), joined by
        "and"; None unless the phrase opens with one."""
        doc = self.doc
        k = i + (i < len(doc) and doc[i].tag_ == "RB")
        if k >= len(doc) or doc[k].lower_ not in ("from", "of", "at"):
            return None
        names: list[str] = []
        k += 1
        while k < len(doc):
            m = self._mention_at(k, "GPE")
            if m is not None and m.tend < len(doc) and doc[m.tend].text in ("'s", "’s"):
                k = m.tend + 1          # "China's Tsinghua University"
            m = self._mention_at(k, "ORG")
            if m is None:
                return None             # a part not named as an organisation: the group is not all named
            names.append(m.name)
            k = self._after_name(m.tend)
            if k < len(doc) and doc[k].text == ",":
                k += 1
            if k >= len(doc) or doc[k].lower_ != "and":
                break
            k += 1
        return " and ".join(dict.fromkeys(names)) or None

    def _mention_at(self, k: int, label: str) -> Mention | None:
        """The mention of ``label`` that starts at token ``k``, or right after a "the" there."""
        m = self.by_token.get(k)
        if m is None and k + 1 < len(self.doc) and self.doc[k].lower_ == "the":
            m = self.by_token.get(k + 1)
            k += 1
        return m if m is not None and m.label == label and m.tstart in (k, k - 1) else None

    def _after_name(self, k: int) -> int:
        """The token after an organisation's name and what only tells it apart: an acronym in
        brackets ("(GT)") and its place ("in Colorado", "in the U.S.")."""
        doc = self.doc
        for _ in range(3):        # "University of Colorado at Boulder (CU Boulder) in Colorado"
            start = k
            if k < len(doc) and doc[k].text == "(":
                close = next((j for j in range(k, min(k + 6, len(doc))) if doc[j].text == ")"), None)
                k = close + 1 if close is not None else k
            if k + 1 < len(doc) and doc[k].lower_ in ("in", "at"):
                place = self._mention_at(k + 1, "GPE")
                k = place.tend if place is not None else k
            if k == start:
                break
        return k

    def _person_of_institution(self, m: Mention) -> Mention | None:
        """"Jo Anne Van Tilburg of the University of California, Los Angeles disagreed": a place after a
        comma that ends an institution's name, which the parse took for the subject; the person the
        institution belongs to ("X of …", "X at …") is the one who speaks."""
        i = m.tstart - 1
        org = self.by_token.get(i - 1) if i >= 1 and self.doc[i].text == "," else None
        if org is None or org.label != "ORG":
            return None
        tok = self.doc[org.tstart:org.tend].root
        for _ in range(3):
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "at", "from"):
                return None
            tok = tok.head.head
            owner = self.by_token.get(tok.i)
            if owner is not None and owner.label == "PERSON":
                return owner
        return None

    def _issued_for(self, head, depth: int) -> Referent | None:
        """"The palace issued the following statement from the king": the one the issued document is
        from, not the one who put it out."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lower_ not in ISSUING_VERBS:
            return None
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.lower_ not in DOCUMENT_WORDS:
                continue
            for prep in obj.children:
                src = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                    if prep.dep_ == "prep" and prep.lower_ == "from" else None
                if src is not None:
                    r = self.resolve(src, depth=depth + 1)
                    if r.name:
                        return Referent(r.name, r.label, obj.text, r.mention)
        return None

    def _genders(self, persons) -> dict[str, str]:
        votes: dict[str, Counter] = defaultdict(Counter)
        doc = self.doc
        for m in persons:
            first = m.name.split()[0].lower()
            prev = doc[m.tstart - 1].lower_ if m.tstart else ""
            if first in MALE_NAMES or prev in MALE_TITLES:
                votes[m.name]["m"] += 3
            if first in FEMALE_NAMES or prev in FEMALE_TITLES:
                votes[m.name]["f"] += 3
        for tok in doc:
            low = tok.lower_
            g = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
            if g is None:
                continue
            m = self._gender_voted(tok)
            if m is not None and not any(q in self.text[m.end:tok.idx] for q in '"“”\n'):
                votes[m.name][g] += 1     # a pronoun in a quotation is about someone else
        return {name: v.most_common(1)[0][0] for name, v in votes.items() if v}

    def _gender_voted(self, tok) -> Mention | None:
        """The person a "he"/"she" votes the gender of: the nearest one named before it, unless that
        one is in an earlier sentence whose subject is a "he"/"she" already, which the pronoun more
        likely goes on with ("He flew to Abuja to meet the minister, Ngozi Balewa. He stayed …")."""
        m = self._before(tok.idx, lambda m: m.label == "PERSON", limit=200)
        if m is None or self._sentence_number(m.tstart) == self._sentence_number(tok.i):
            return m
        pronoun_subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she")
                              for t in self.doc[m.tstart].sent)
        return None if pronoun_subject else m

    # ----------------------------------------------------------------- public
    def canonical(self, start: int, end: int) -> str | None:
        """The canonical name of the mention at char offsets ``[start, end)``: a name ("Lavrov" ->
        "Sergei Lavrov"), a pronoun, a role or description ("the minister", "the company", "the
        founder of the Russian group of mercenaries") or a possessive; None when it refers to no
        entity the article names."""
        r = self.at(start, end)
        return r.name if r.label is not None else None

    def at(self, start: int, end: int) -> Referent:
        """The :class:`Referent` of the mention at char offsets ``[start, end)``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return Referent(None, None)
        return self.resolve(span.root, (span.start, span.end))

    # ----------------------------------------------------------------- lookups
    def _before(self, pos: int, ok, limit: int = LOOKBACK_CHARS) -> Mention | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self.mentions[k].start >= pos - limit:
            if ok(self.mentions[k]):
                return self.mentions[k]
            k -= 1
        return None

    def _salient_person(self, tok, gender: str) -> Mention | None:
        """The person a "he"/"she" most likely stands for: the one with the highest salience over
        the last :data:`LOOKBACK_CHARS` (after Lappin & Leass 1994). Every mention of a person, and
        every pronoun already resolved to them, adds 100 plus the weight of its role
        (:meth:`_role_weight`), halved for each sentence between it and the pronoun. Left out:
        persons known to be of the other gender, names inside the clause the pronoun is subject of
        ("Speaking to Martin Smith, he said"), and names quoted in the pronoun's own sentence
        ("'I love Larry,' he said")."""
        chain = self._pronoun_chain()
        if tok.i in chain:
            return chain[tok.i]
        return self._most_salient(tok, gender, chain)

    def _pronoun_chain(self) -> dict[int, Mention]:
        """Every "he"/"she" of the article resolved in text order, each one adding to the salience
        of its person for the pronouns after it ("Rendell said … he said … he argued")."""
        if self._chain is None:
            self._chain = {}
            for t in self.doc:
                low = t.lower_
                if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
                    m = self._most_salient(t, "m" if low in MALE_PRONOUNS else "f", self._chain)
                    if m is not None:
                        self._chain[t.i] = m
        return self._chain

    def _most_salient(self, tok, gender: str, chain: dict[int, Mention]) -> Mention | None:
        owner = self._coordinated_owner(tok, gender)
        if owner is not None:
            return owner
        sent_no = self._sentence_number
        here = sent_no(tok.i)
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        # "Speaking to Martin Smith, he said": the adverbials before the pronoun's verb are not it
        bound = [(c.left_edge.i, c.right_edge.i + 1) for c in tok.head.children
                 if subject and c.i < tok.i and c.dep_ in ("advcl", "prep", "npadvmod")]
        reporter = self._reporter(tok) if subject else None
        score: dict[str, float] = defaultdict(float)
        latest: dict[str, Mention] = {}
        k = bisect.bisect_left(self.starts, tok.idx) - 1
        while k >= 0 and self.mentions[k].start >= tok.idx - LOOKBACK_CHARS:
            m = self.mentions[k]
            k -= 1
            if m.label != "PERSON" or self.gender.get(m.name, gender) != gender \
                    or any(a <= m.tstart < b for a, b in bound) or self._addressee(m, here):
                continue
            if "\n" not in self.text[m.end:tok.idx] and self._quoted(m.start, tok.idx):
                continue
            weight = 100 + self._role_weight(self.doc[m.tstart:m.tend].root) + (200 if reporter in range(m.tstart, m.tend) else 0)
            score[m.name] += weight * 0.5 ** (here - sent_no(m.tstart))
            latest.setdefault(m.name, m)
        for i, m in chain.items():
            if i < tok.i and self.doc[i].idx >= tok.idx - LOOKBACK_CHARS and m.name in latest:
                score[m.name] += (100 + self._role_weight(self.doc[i])) * 0.5 ** (here - sent_no(i))
        if not score:
            return None
        return latest[max(score, key=lambda n: (score[n], latest[n].start))]

    @staticmethod
    def _reporter(tok) -> int | None:
        """The subject of the verb that reports the pronoun's clause ("Brudziński wrote he had ordered
        …"), also when that clause is joined to the reported one ("Biden said Trump had lied and he
        would …")."""
        clause = tok.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        return next((c.i for c in clause.head.children if c.dep_ == "nsubj"), None)

    def _coordinated_owner(self, tok, gender: str) -> Mention | None:
        """"Joe Biden and his son", "the minister and her aides": a possessive on a noun joined to a
        named person is that person's."""
        if tok.dep_ != "poss" or tok.head.dep_ != "conj":
            return None
        m = self.by_token.get(tok.head.head.i)
        ok = m is not None and m.label == "PERSON" and self.gender.get(m.name, gender) == gender
        return m if ok else None

    def _addressee(self, m: Mention, sentence: int) -> bool:
        """A person spoken to in the pronoun's sentence ("Speaking to Martin Smith, he said")."""
        root = self.doc[m.tstart:m.tend].root
        return root.dep_ == "pobj" and root.head.lower_ in ("to", "with") and root.head.head.lower_ in ADDRESSING \
            and self._sentence_number(m.tstart) == sentence

    def _quoted(self, start: int, end: int) -> bool:
        """True when the text at ``start`` lies inside a quotation that closes before ``end``."""
        between = self.text[start:end]
        return between.count("”") > between.count("“") or between.count('"') % 2 == 1 \
            or between.count("''") % 2 == 1

    def _plural(self, m: Mention) -> bool:
        """A people or group named in the plural ("Democrats", "the Kurds"), not an adjective of
        nationality or faith ("American", "Islamic"), which "they" cannot stand for."""
        last = self.doc[m.tend - 1]
        return last.tag_ in ("NNPS", "NNS") or last.text.endswith("s")

    def _plural_subject(self, tok):
        """The last plural common noun that is a subject in the pronoun's sentence or the two before
        it ("The protesters … They"), not part of a name."""
        here = self._sentence_number(tok.i)      # (fills self._sent_starts)
        first = self._sent_starts[max(0, here - 2)]
        for i in range(tok.i - 1, first - 1, -1):
            t = self.doc[i]
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and i not in self.by_token:
                if PEOPLE_PLURAL.match(t.lower_):
                    return t
                people = _people_counted(t)      # "thousands of protesters … as they chanted"
                if people is not None:
                    return people
        return None

    def _first_token_from(self, char: int) -> int:
        """The index of the first token that starts at or after the offset ``char``."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        return bisect.bisect_left(self._token_starts, char)

    def _sentence_number(self, i: int) -> int:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        return bisect.bisect_right(self._sent_starts, i) - 1

    @staticmethod
    def _role_weight(root) -> int:
        """Salience of a mention's role (``root``: its head token): subject (or the X of "according
        to X", "said by X") 80, object 50, other complement of a verb 40; plus 80 when it heads its
        own noun phrase (not "the fiancée of X", "X's leadership") and 50 when its clause is the
        sentence's main one. A mention in no such role ("noted Friday") weighs nothing."""
        dep, up = root.dep_, root.head
        by_verb = dep == "pobj" and up.head.pos_ in ("VERB", "AUX", "ADP")
        if dep in ("nsubj", "nsubjpass") or by_verb and (up.lower_ == "by" or up.head.lower_ == "according"):
            weight = 80
        elif dep in ("dobj", "attr"):
            weight = 50
        elif dep == "dative" or by_verb:
            weight = 40
        elif dep in ("poss", "compound", "appos", "conj", "pobj"):
            weight = 0
        else:
            return 0
        if dep not in ("poss", "compound", "appos", "conj") and not (dep == "pobj" and up.head.pos_ in ("NOUN", "PROPN")):
            weight += 80
        verb = root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
            weight += 50
        return weight

    def _described_subject(self, tok):
        """A subject described, not named, earlier in the pronoun's sentence ("The founder of
        Wagner published a video that, he says, …")."""
        for t in tok.sent:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.tag_ == "NN" \
                    and t.i not in self.by_token and office_of(t.text)[0]:
                return t
        return None

    def _unnamed_before(self, tok, gender: str):
        """An unnamed person who is the subject of the sentence before a "he"/"she" that opens its own,
        when that sentence gives them the pronoun's gender and names no one ("One of the victims
        decided to allow her name to be made public. She said …": the victim, not the prosecutor
        named before)."""
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in tok.sent if t.i < tok.i) or tok.sent.start == 0:
            return None
        prev = self.doc[tok.sent.start - 1].sent
        subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"),
                    prev.root if prev.root.pos_ in ("NOUN", "NUM") else None)   # "One of the victims asked …" parsed as a phrase
        if subj is None or subj.i in self.by_token or subj.pos_ == "PRON" and subj.lower_ != "one":
            return None
        if any(self.by_token.get(t.i, _NOBODY).label == "PERSON" for t in prev):
            return None
        person = subj if subj.lower_ != "one" else next(
            (g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        pronouns = MALE_PRONOUNS if gender == "m" else FEMALE_PRONOUNS
        if person is None or not self._can_speak(person) and person.lower_ not in PERSON_NOUNS | EVENT_PEOPLE \
                or not any(t.lower_ in pronouns and t.i > subj.i for t in prev):
            return None
        return subj

    def _pronoun(self, tok, depth: int = 0) -> Referent:
        low = tok.lower_
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            g = "m" if low in MALE_PRONOUNS else "f"
            best = self._salient_person(tok, g)
            near = self._before(tok.idx, lambda m: m.label == "PERSON" and self.gender.get(m.name, g) == g)
            desc = self._described_subject(tok) or self._unnamed_before(tok, g)
            if desc is not None and (near is None or near.start < desc.idx):
                r = self.resolve(desc, depth=depth + 1)
                if r.name:
                    return r
            return Referent(best.name, "PERSON", mention=best) if best else Referent(None, None)
        if low in PLURAL_PRONOUNS:      # "they": a group or a people; a place only when it acts as a government
            m = self._group_before(tok)
            group = self._plural_subject(tok)
            pair = next((p for p in reversed(self.pairs) if tok.idx - PAIR_CHARS <= p[0] < tok.idx), None)
            if pair is not None and (m is None or pair[0] > m.start) and (group is None or pair[0] > group.idx):
                return Referent(f"{pair[1]} and {pair[2]}", "PERSON")     # "X and Y met … They agreed"
            if group is not None and (m is None or group.idx > m.start):    # "Protesters … They had asked"
                return self._named_group(group) or Referent(self._description(group, None, _clean(self.text_of(group))), None)
            return self._with_partners(m) if m else Referent(None, None)
        if low in NEUTER_PRONOUNS:
            m = self._before(tok.idx, lambda m: m.label in ("ORG", "GPE"), limit=600)
            return Referent(m.name, m.label, mention=m) if m else Referent(None, None)
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            antecedent = tok.head.head
            r = self.resolve(antecedent, depth=depth + 1)
            if r.label is None and low in ("that", "which") and not self._can_speak(antecedent):
                return Referent(None, None)     # "brain cancer, which confirmed …": a thing says nothing
            return r
        if low in RELATIVE_PRONOUNS and tok.i > 1 and self.doc[tok.i - 1].text == "," \
                and self.doc[tok.i - 2].pos_ in ("NOUN", "PROPN"):
            return self.resolve(self.doc[tok.i - 2], depth=depth + 1)    # "…, according to police, who said"
        return Referent(None, None)

    def _group_before(self, tok) -> Mention | None:
        """The organisation, people or state a "they" stands for: the nearest one named before it (a
        place only when it acts as a government); for a "they" that is a subject, the nearest one
        that was a subject too, when there is one ("The National Hurricane Center reported … it would
        be named Tropical Storm Chantal. On Tuesday, however, they reported …")."""
        def group(m: Mention) -> bool:
            return m.label == "ORG" or m.label == "NORP" and self._plural(m) \
                or m.label == "GPE" and self.doc[m.tend - 1].dep_ in ("nsubj", "nsubjpass")
        m = self._before(tok.idx, group, limit=600)
        if m is not None and tok.dep_ in ("nsubj", "nsubjpass") and not self._subject(m) and not self._in_quote(tok):
            return self._before(tok.idx, lambda m: group(m) and self._subject(m), limit=600) or m
        return m

    def _with_partners(self, m: Mention) -> Referent:
        """A group named with others of its kind ("American Airlines and JetBlue are affected, as they
        both offer …"): all of them, in text order."""
        root = self.doc[m.tstart:m.tend].root
        first = root.head if root.dep_ == "conj" and root.head.i in self.by_token else root
        toks = [first, *(c for c in first.children if c.dep_ == "conj")]
        found = [self.by_token.get(t.i) for t in toks]
        names = list(dict.fromkeys(x.name for x in found if x is not None and x.label in ("ORG", "GPE", "NORP")))
        if len(names) > 1 and len(names) == len(found):
            return Referent(" and ".join(names), m.label)
        return Referent(m.name, m.label, mention=m)

    def _in_quote(self, tok) -> bool:
        """True when the token stands inside a quotation (its pronouns speak of the quoted one's world)."""
        before = self.text[self.text.rfind("\n", 0, tok.idx) + 1:tok.idx]
        return before.count('"') % 2 == 1 or before.count("“") > before.count("”")

    def _subject(self, m: Mention) -> bool:
        return self.doc[m.tstart:m.tend].root.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _can_speak(head) -> bool:
        """True when a common noun can be who says something: a person by its agent ending or kind
        ("researcher", "protesters"), a body ("committee", "company"), a document ("report")."""
        low = head.lower_
        one = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
        return agent_noun(low) or bool(PEOPLE_PLURAL.match(low)) or low in GROUP_NOUNS or bool(office_of(low)[0]) \
            or any(w in ORG_NOUNS or w in GENERIC_ORG_NOUNS or w in DOCUMENT_WORDS or w in POST_WORDS
                   or w in CHANNEL_NOUNS or w in KINSHIP_NOUNS or w in STATE_NOUNS for w in (low, one))

    def resolve(self, head, span: tuple[int, int] | None = None, depth: int = 0) -> Referent:
        """Resolve the noun phrase headed by token ``head`` (token span ``span``)."""
        if depth > 4:
            return Referent(None, None)
        doc = self.doc
        low = head.lower_
        if head.pos_ == "PRON" or low in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            if low in FIRST_PERSON:
                return Referent(None, None)
            return self._pronoun(head, depth)
        issued = self._issued_for(head, depth) if depth == 0 else None
        if issued is not None:
            return issued
        m = self.by_token.get(head.i)
        conj = [c for c in head.children if c.dep_ == "conj"]
        if conj and (span is None or all(span[0] <= c.i < span[1] for c in conj)):
            parts = [head, *conj]
            ends = [p.i for p in parts[1:]] + [span[1] if span else conj[-1].right_edge.i + 1]
            found = [self._conjunct(p, e, depth) for p, e in zip(parts, ends, strict=True)]
            names = [r.name for r in found]
            titled = self._titled(head, found)
            if titled is not None:
                return titled
            if all(names) and not self._described(found, conj):
                return Referent(" and ".join(dict.fromkeys(names)), found[0].label)
        glued = self._glued_person(head, span)
        if glued is not None:
            return Referent(self._fullest(glued), "PERSON", mention=glued)
        if m is not None and m.label in ("GPE", "LOC") and any(
                c.dep_ == "compound" and c.i < head.i and c.ent_type_ == "ORG" for c in head.children):
            name = " ".join(t.text for t in self.doc[head.left_edge.i:head.i + 1] if t.dep_ != "det")
            return Referent(name, "ORG")     # "CNN Philippines", "BBC Brasil": an outlet named with a place
        if m is not None and m.label == "NORP":      # "a Republican, Mark Amodei": the person named
            named = self._named_after(head, span, group=True) or next(
                (self.by_token[c.i] for c in head.children if c.dep_ == "appos" and c.i in self.by_token
                 and self.by_token[c.i].label == "PERSON"), None)
            if named is not None:
                return Referent(self._fullest(named), "PERSON", mention=named)
        if m is not None and m.label in ("GPE", "LOC"):
            owner = self._person_of_institution(m)
            if owner is not None:
                return Referent(self._fullest(owner), "PERSON", mention=owner)
        if m is not None:
            if m.label != "PERSON" and m.tend - m.tstart == 1 and fold(m.name) in self.last_names:
                return Referent(self.last_names[fold(m.name)], "PERSON", mention=m)   # "Bolton said", tagged a town
            return Referent(self._fullest(m), m.label, mention=m)
        kids = list(head.children)
        member = self._pair_member(head) or self._named_group(head)
        if member is not None:
            return member
        outlet = self._site_named_before(head, kids)
        if outlet is not None:
            return Referent(outlet, "ORG")
        owner = next((c for c in kids if c.dep_ == "poss"), None)
        if owner is not None and (low in CHANNEL_NOUNS or low in DOCUMENT_WORDS or low in POST_WORDS):
            r = self.resolve(owner, depth=depth + 1)
            if r.name:
                channel = " ".join(t.text for t in head.subtree if t.i > owner.right_edge.i and t.i <= head.i)
                return Referent(r.name, r.label, channel, r.mention)
        if (low in CHANNEL_NOUNS or low in DOCUMENT_WORDS or low in POST_WORDS) and low not in PERSONAL_CHANNEL_NOUNS:
            for c in self._by_phrases(kids):
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "of", "by"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        r = self.resolve(obj, depth=depth + 1)
                        if r.label is not None or r.name and (obj.lower_ in ISSUER_NOUNS or c.dep_ == "agent"):
                            channel = " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ != "det")
                            return Referent(r.name, r.label, channel, r.mention)
            nxt = head.i + 1     # the parse may hang "from X" elsewhere: read the surface too
            if nxt + 1 < len(doc) and doc[nxt].lower_ in ("from", "of", "by", "at"):
                k = nxt + 1
                while k < len(doc) and k < nxt + 4 and k not in self.by_token and doc[k].tag_ in ("DT", "JJ", "NNP"):
                    k += 1
                m = self.by_token.get(k)
                if m is not None:
                    channel = " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ != "det")
                    if m.label == "NORP" and m.tend < len(doc) and doc[m.tend].pos_ == "NOUN":
                        r = self.resolve(doc[m.tend], depth=depth + 1)   # "from the Mexican government"
                        return Referent(r.name, r.label, channel, r.mention) if r.name else Referent(None, None)
                    return Referent(m.name, m.label, channel, m)
            for c in kids:       # "a Russian Foreign Ministry statement"
                if c.dep_ == "compound" and c.i in self.by_token and low not in PERSONAL_CHANNEL_NOUNS:
                    m = self.by_token[c.i]
                    channel = " ".join(t.text for t in head.subtree if m.tend <= t.i <= head.i)
                    return Referent(m.name, m.label, channel, m)
            if low in DOCUMENT_WORDS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids):
                r = self._issuer(head, depth)
                if r is not None:
                    return Referent(r.name, r.label, head.text, r.mention)
        named = self._named_by(head)
        if named is not None:
            return named
        for c in kids:           # apposition: "the German Chancellor, Olaf Scholz", "one of the groups, the SDF"
            m = self.by_token.get(c.i) if c.dep_ == "appos" else None
            if m is None and c.dep_ == "prep" and c.lower_ == "of" and low in ("one", "some", "many", "most", "two"):
                m = next((self.by_token[g.i] for g in c.subtree if g.dep_ == "appos" and g.i in self.by_token), None)
            if m is not None and (m.label == "PERSON" or head.tag_ != "NNP"):
                return Referent(self._fullest(m), m.label, mention=m)
        named = self._named_after(head, span)
        if named is not None:
            return Referent(self._fullest(named), "PERSON", mention=named)
        if head.text[:1].isupper() and fold(low) in self.surnames:
            return Referent(self.surnames[fold(low)], "PERSON")
        if head.tag_ in ("NNP", "NNPS") and low in DEMONYMS:
            return Referent(head.text, "NORP")
        text = self.text_of(head, span)
        holder = self._holder_named_in(head, span)
        if holder is not None:
            return Referent(self._fullest(holder), "PERSON", mention=holder)
        if head.tag_ == "NNP" and not head.ent_type_:     # a name the recogniser missed: "Regina Ip from the camp"
            name = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [head]
            if len(name) > 1 and name[0].i == head.i - len(name) + 1:
                return Referent(" ".join(t.text for t in name), None)
        office, country = office_of(text)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids) \
            or any(c.dep_ == "poss" for c in kids)
        named = self.by_token.get(head.head.i) if head.dep_ == "appos" and head.tag_ == "NN" \
            and self.doc[head.left_edge.i - 1].text == "," else None
        if named is not None and named.label == "PERSON":
            return Referent(self._fullest(named), "PERSON", mention=named)   # "Allan Lichtman, a professor …"
        unnamed = any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETS for c in kids)   # "a Democratic senator"
        if office and not unnamed:
            found = self._by_office(head.idx, office, country, self.party_of(text), bool(FORMER.search(text)))
            if found is None and definite and head.tag_ == "NN" and any(
                    c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for c in kids):
                found = self._named_next(head)      # "the founder of …", never a bare "the mayor"
            if found:
                return Referent(found, "PERSON")
        if definite and (low in ORG_NOUNS or low in GENERIC_ORG_NOUNS) and head.tag_ in ("NN", "NNP"):
            m = self._organisation(head.idx, low)
            if m is not None:
                return Referent(m.name, m.label, mention=m)
            place = self._government_of(head) if low == "government" else None
            if place is not None:
                return Referent(f"Government of {place}", "ORG")     # "Goa's government", "the government of Samoa"
            if low == "government" and not any(c.dep_ in ("amod", "compound", "poss") for c in kids):
                country = self._country_before(head.idx)    # "the government has reported", in Samoa
                if country is not None:
                    return Referent(f"Government of {country}", "ORG")
        owner = next((c for c in kids if c.dep_ == "poss"), None)
        if owner is not None and (low in ISSUER_NOUNS or low in GROUP_NOUNS):
            r = self.resolve(owner, depth=depth + 1)      # "her family" -> "Kay Hagan's family",
            if r.name and r.label == "PERSON":            # "his critics" -> "Jair Bolsonaro's critics"
                return Referent(f"{r.name}'s {head.text}", None)
        return Referent(self._description(head, span, _clean(text)) or None, None)

    def _site_named_before(self, head, kids) -> str | None:
        """"The website", "the site" on its own: the outlet named last before it, by name or by its web
        address ("Znak.com reported … The website further reported"), within :data:`ORG_LOOKBACK_CHARS`."""
        if head.lower_ not in ("website", "site") or [c.lower_ for c in kids if c.dep_ != "prep"] != ["the"]:
            return None
        lo = max(0, head.idx - ORG_LOOKBACK_CHARS)
        last = self._before(head.idx, lambda m: m.label == "ORG" or m.name in OUTLETS, ORG_LOOKBACK_CHARS)
        addresses = list(_SITE_ADDRESS.finditer(self.doc.text, lo, head.idx))
        address = addresses[-1] if addresses else None
        if address is not None and (last is None or address.start() > last.start):
            return address.group(0)
        outlet = last is not None and (last.name in OUTLETS or NEWS_SITE.match(last.name))
        return last.name if outlet else None     # not an outlet when another body was named since

    def _glued_person(self, head, span) -> Mention | None:
        """"Longtime Imus in the Morning writer and performer Rob Bartlett tweeted": the parse made a
        capitalised description the head, and the phrase ends in a person's name right after a role
        noun ("performer Rob Bartlett"), with no comma between: the words before describe the person,
        who is the one that speaks."""
        end = span[1] if span is not None else head.right_edge.i + 1
        p = self.by_token.get(end - 1)
        if p is None or p.label != "PERSON" or p.tend != end or p.tstart <= head.i + 1:
            return None
        role = self.doc[p.tstart - 1]
        if not _role_word(role):
            return None
        return None if any(t.is_punct and t.i not in self.by_token for t in self.doc[head.i + 1:p.tstart]) else p

    def _named_by(self, head) -> Referent | None:
        """"A university student named Wong said", "a man identified as Ahmed Khan": the name that a
        naming participle (:data:`NAMING_VERBS`) gives the one described is who speaks; a person
        noun makes an untagged or mis-tagged name a person's."""
        if head.pos_ != "NOUN":
            return None
        for verb in head.children:
            if verb.dep_ != "acl" or verb.lower_ not in NAMING_VERBS or verb.tag_ != "VBN":
                continue
            for c in verb.children:
                name = c if c.dep_ in ("oprd", "attr", "dobj") else next(
                    (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "as" else None
                if name is None or name.tag_ != "NNP":
                    continue
                m = self.by_token.get(name.i)
                person = head.lower_ in PERSON_NOUNS or agent_noun(head.lower_) or role_noun(head.lower_)
                if m is not None and (m.label == "PERSON" or m.label == "ORG" and not person):
                    return Referent(self._fullest(m), m.label, mention=m)
                if person:
                    words = [t for t in name.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [name]
                    return Referent(" ".join(t.text for t in words), "PERSON", mention=m)
        return None

    def _holder_named_in(self, head, span) -> Mention | None:
        """The person named at the end of a title the parse made the head ("US Ambassador to Germany
        Richard Grenell alleged", "Former US Ambassador to the United Nations Nikki Haley wrote")."""
        if span is None or not (head.lower_ in OFFICE_WORDS or office_of(head.lower_)[0]):
            return None
        m = self.by_token.get(span[1] - 1)
        if m is None or m.label != "PERSON" or m.tend != span[1] or m.tstart <= head.i:
            return None
        return m if all(t.i >= m.tstart or not t.is_punct for t in self.doc[head.i:m.tstart]) else None

    def _issuer(self, head, depth: int) -> Referent | None:
        """Who issued "the ruling", "the filing", "the report" when the article says so elsewhere: the
        named subject of a verb that puts out that document (:data:`ISSUING_VERBS`: "the European
        Court of Justice issued a ruling", "Ford filed a complaint") or, for a document of the courts, of the verb it
        comes from ("the court ruled"). The nearest one before the noun, else the first one after it
        (within :data:`CATAPHORA_CHARS`)."""
        noun = head.lower_
        verbs = DOCUMENT_VERBS.get(noun, ())
        forms = (noun, noun + "s", noun[:-1] if noun.endswith("s") else noun)
        before, after = None, None
        for t in self.doc:
            if t.pos_ not in ("VERB", "AUX") or t.i == head.i or t.idx > head.idx + CATAPHORA_CHARS:
                continue
            if t.lower_ not in verbs and not (t.lower_ in ISSUING_VERBS and any(
                    c.dep_ == "dobj" and c.lower_ in forms for c in t.children)):
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.i == head.i:
                continue
            r = self.resolve(subj, depth=depth + 1)
            if r.label not in ("PERSON", "ORG", "GPE") and not (r.name and subj.lower_ in ORG_NOUNS):
                continue      # a named issuer, or a body described by its kind ("the appeals court")
            if t.i < head.i:
                before = r
            elif after is None:
                after = r
        return before or after

    def _named_after(self, head, span, *, group: bool = False) -> Mention | None:
        """The person named in apposition after a description, inside the source's span ("Windsor
        Locks' first selectman, Chris Kervick"; with ``group``, after a group word: "a Republican,
        Mark Amodei"), when the parse did not join the name to it."""
        if span is None or head.pos_ != "NOUN" and not group:
            return None
        for i in range(head.i + 1, span[1]):
            m = self.by_token.get(i)
            if m is not None and m.label == "PERSON" and m.tstart == i and self.doc[i - 1].text == "," \
                    and (m.tend >= span[1] or self.doc[m.tend].text in (",", "(")):
                return m
        return None

    @staticmethod
    def _by_phrases(kids):
        """The prepositions of a document noun, and the agent of its participle ("a statement
        released by Erdogan's office")."""
        for c in kids:
            yield c
            if c.dep_ == "acl" and c.tag_ == "VBN":
                yield from (g for g in c.children if g.dep_ == "agent")

    def _description(self, head, span, text: str) -> str:
        """A description as a name, in the case it has mid-sentence: "Officials said" and "officials
        said" are one source."""
        start = self.doc[span[0]] if span else head.left_edge
        if text[:1].isupper() and start.is_sent_start and start.pos_ not in ("PROPN", "DET") and start.tag_ != "NNP":
            first = text.split()[0]
            if first[1:] == first[1:].lower() and not self._capitalised_inside(first, start.i, head.i):
                return text[:1].lower() + text[1:]
        return text

    def _capitalised_inside(self, word: str, first: int, last: int) -> bool:
        """True when ``word`` stands capitalised inside a sentence elsewhere in the article (outside
        tokens ``first``..``last``, the description itself): a name
        the recogniser missed ("Chief Superintendent Graciano Mijares … Mijares claimed"), never in
        lower case, not a common noun opening a sentence ("Police said")."""
        low = word.lower()
        inside = False
        for t in self.doc:
            if t.lower_ == low and t.text != word:
                return False          # "police" is written in lower case too: a common noun
            inside = inside or t.text == word and not t.is_sent_start and not first <= t.i <= last
        return inside

    def _named_next(self, head) -> str | None:
        """The person a role introduces when the name follows it ("The founder of the group … .
        Prigozhin's press service …"): the first person named after the role, close by, who holds
        no other title in the article and is not named before the role (a role that stands for
        someone already named is resolved by their title, or not at all: "The Indiana governor
        said …" is not whoever the next sentence names). Only a role with a complement ("the
        founder of …", "the head of …") introduces a name this way; a bare "the mayor" does not."""
        k = bisect.bisect_left(self.starts, head.right_edge.idx + len(head.right_edge))
        while k < len(self.mentions) and self.mentions[k].start - head.idx < CATAPHORA_CHARS:
            m = self.mentions[k]
            if m.label == "PERSON":
                office = self.titles.get(m.name, (None, None))[0]
                named_before = self._before(head.idx, lambda p, name=m.name: p.name == name, limit=len(self.text)) is not None
                return m.name if office is None and not named_before else None
            k += 1
        return None

    def _organisation(self, pos: int, noun: str) -> Mention | None:
        """The organisation a definite noun stands for ("the company", "the ministry"): the nearest
        organisation before it whose name holds the noun, else, for a generic noun, the nearest one."""
        named = self._before(pos, lambda m: m.label == "ORG" and noun in m.name.lower().split())
        if named is not None:
            return named
        if noun in GENERIC_ORG_NOUNS:
            return self._before(pos, lambda m: m.label == "ORG" and not PUBLIC_BODY.search(m.name)
                                and m.name not in OUTLETS, limit=ORG_LOOKBACK_CHARS)
        return None

    def _government_of(self, head) -> str | None:
        """The place a government is of, when the phrase names it ("Goa's government", "the government
        of American Samoa")."""
        for c in head.children:
            tok = c if c.dep_ == "poss" else next((g for g in c.children if g.dep_ == "pobj"), None) \
                if c.dep_ == "prep" and c.lower_ == "of" else None
            m = self.by_token.get(tok.i) if tok is not None else None
            if m is not None and m.label == "GPE":
                return m.name
        return None

    def _country_before(self, pos: int) -> str | None:
        """The country the article names most often before ``pos`` (a tie goes to the nearest)."""
        seen: Counter = Counter()
        last: dict[str, int] = {}
        k = bisect.bisect_left(self.starts, pos)
        for m in self.mentions[:k]:
            country = country_name(m.name) if m.label == "GPE" else None
            if country:
                seen[country] += 1
                last[country] = m.start
        if not seen:
            return None
        return max(seen, key=lambda c: (seen[c], last[c]))

    def _fullest(self, m: Mention) -> str:
        if m.label == "PERSON" and " " not in m.name:
            return self.surnames.get(fold(m.name), m.name)
        return m.name

    def conjuncts(self, head, span: tuple[int, int]) -> list[tuple[tuple[int, int], Referent]]:
        """Each of several coordinated sources ("Moscow and Beijing", "Lavrov and his Chinese
        counterpart, Qin Gang") with its own token span, when every one resolves to a name; else []."""
        conj = [c for c in head.children if c.dep_ == "conj"]
        if not conj or not all(span[0] <= c.i < span[1] for c in conj):
            return []
        parts = [head, *conj]
        ends = [p.i for p in parts[1:]] + [span[1]]
        found = [self._conjunct(p, e, 0) for p, e in zip(parts, ends, strict=True)]
        if not all(r.name for r in found) or len({r.name for r in found}) < len(found):
            return []
        if self._described(found, conj) or self._titled(head, found) is not None:
            return []
        starts = [span[0]] + [min(p.left_edge.i, p.i) for p in conj]
        out = []
        for s, e, r in zip(starts, [p.left_edge.i for p in conj] + [span[1]], found, strict=True):
            while e > s + 1 and self.doc[e - 1].dep_ in ("cc", "punct"):
                e -= 1
            out.append(((s, e), r))
        return out

    def _described(self, found: list[Referent], conj) -> bool:
        """True when "A, B and C" is one named entity described ("Maya Cummings, his wife and the
        party's chair"), not several: a name, a comma, then descriptions."""
        if found[0].label not in ("PERSON", "ORG") or not any(r.label is None for r in found[1:]):
            return False
        # "Jennifer Daskal of American University and contributor to Slate": a bare singular role
        # noun (no article) joined to a name describes that name
        return self.doc[conj[0].left_edge.i - 1].text == "," or any(
            r.label is None and c.tag_ == "NN" and not any(k.dep_ in ("det", "poss", "nummod") for k in c.children)
            and not any(t.tag_ == "NNP" and self.by_token.get(t.i, _NOBODY).label not in ("ORG", "GPE", "NORP")
                        for t in c.subtree)     # "and incoming chair of …, Adam Schiff": a second person
            for c, r in zip(conj, found[1:], strict=True))

    @staticmethod
    def _titled(head, found: list[Referent]) -> Referent | None:
        """"Retired FBI agent and terrorism specialist Ali Soufan": roles joined before one name are
        that person's titles; the bare role nouns (no article) before the last conjunct describe it."""
        last = found[-1]
        rest = [r for r in found[:-1] if r.name != last.name]     # "terrorism specialist [Ali Soufan]"
        if len(found) < 2 or last.label != "PERSON" or any(r.label is not None for r in rest):
            return None
        if head.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
            return None
        return last

    def _conjunct(self, tok, end: int, depth: int) -> Referent:
        """One of "A and B": a name, or a title followed by the name it introduces."""
        m = self.by_token.get(tok.i)
        if m is not None:
            return Referent(m.name, m.label, mention=m)
        if tok.lower_ in OFFICE_WORDS or tok.pos_ == "NOUN":
            for i in range(tok.i + 1, min(end, tok.i + 12)):
                m = self.by_token.get(i)
                if m is not None and m.label == "PERSON":
                    return Referent(m.name, m.label, mention=m)
        toks = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("cc", "conj", "punct")]
        return self.resolve(tok, (toks[0].i if toks else tok.i, tok.i + 1), depth + 1)

    def _by_office(self, pos: int, office: str, country: str | None, party: str | None = None,
                   former: bool = False) -> str | None:
        """The holder of ``office`` named nearest before ``pos``, of the same country and party when
        the role names them ("the GOP nominee" is not the Libertarian nominee), and a former holder
        for "the former president" only (the current one otherwise)."""
        best, best_d = None, None
        for name, (off, ctry) in self.titles.items():
            if off is None or (off != office and office not in off.split()) or (country and ctry and ctry != country) \
                    or (country and not ctry):   # "the minister" meets "interior minister"
                continue
            if party and self.parties.get(name, party) != party or former != (name in self.former):
                continue
            k = max((m.start for m in self.mentions if m.name == name and m.start < pos), default=None)
            d = pos - k if k is not None else 10**9
            if best_d is None or d < best_d:
                best, best_d = name, d
        return best

    def text_of(self, head, span: tuple[int, int] | None = None) -> str:
        """The source phrase as a name: the head with its modifiers, without relative clauses."""
        doc = self.doc
        toks = [t for t in head.subtree
                if not any(a.dep_ in ("relcl", "acl", "appos", "punct") and a.i != head.i and
                           a.head.i == head.i and t in a.subtree for a in head.children)]
        if span is not None:
            toks = [t for t in toks if span[0] <= t.i < span[1]]
        toks = [t for t in toks if t.i >= head.i or not any("\n" in x.text_with_ws for x in doc[t.i:head.i])]
        if not toks:       # (a phrase never runs over a line break: "Trade fair\n\nVisitors")
            return head.text
        return doc[toks[0].i: toks[-1].i + 1].text

    def affiliation_of(self, name: str | None) -> str | None:
        """The side a person speaks for: the country of a state title, else the organisation or the
        party the article ties them to ("Carl Hensman of the Gates Foundation", "a candidate for the
        Libertarian Party's nomination")."""
        if not name:
            return None
        return self.sides.get(name) or self.employers.get(name) or self.parties.get(name)

    @staticmethod
    def party_of(text: str) -> str | None:
        for w in re.findall(r"[A-Za-z]+", text):
            if w.lower() in PARTIES and w[:1].isupper():
                return PARTIES[w.lower()]
        return None


def resolve_mention(doc, entities, start: int, end: int) -> str | None:
    """The canonical name of the mention at char offsets ``[start, end)`` of ``doc`` (see
    :meth:`Referents.canonical`). To resolve many mentions of one article, build
    ``Referents(doc, entities)`` once and call its ``canonical``."""
    return Referents(doc, entities).canonical(start, end)

"""Who takes part in an event: the canonical names of the entities in its clause, as a reader
expects them.

- A nationality adjective that names a party to the event stands for its country ("Ukrainian
  forces" -> Ukraine, "Sino-Russian relations" -> China and Russia); one that only qualifies a
  person or title ("Russian Foreign Minister Sergei Lavrov") is left out.
- A country written as an abbreviation is named in full ("US" -> United States).
- The publisher speaking of itself ("Wikinews"), diseases ("COVID-19") and time zones are not
  actors; news media and agencies are actors only as the subject of the event ("Reuters
  identified …"), not as the channel it came through ("told Reuters", "via Twitter").
- Products, companies and market indices are (an aircraft, a phone, "the Dow Jones").
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from ..entities import TITLE_WORDS, Referents
from ..entities.lexicon import PLATFORMS, country_name
from ..entities.names import CHAMBER_HEADS, INSTITUTIONS, TIME_ZONES
from ..gazetteer import country_from_abbreviation, country_names, gazetteer
from ..lexicons import OUTLETS
from ..types import Entity
from .clauses import first_conjunct
from .lexicon import (
    ACTOR_LABELS,
    COMBINING_FORMS,
    CURRENCY_AFTER,
    DEMONYM_ENDINGS,
    DEMONYM_STEMS,
    DISEASE_PATTERN,
    DISEASES,
    GLUED_ROLES,
    MEASURE_AFTER,
    NAMING_VERBS,
    NOT_A_PARTY,
    PLACE_TITLES,
    QUOTATION_MIN_WORDS,
    REPORTING_ONLY,
    SELF_PUBLISHERS,
    STANCE_BEFORE,
    SUBORDINATORS,
    TIME_WORDS,
    TRAILING_FUNCTION_WORD,
)

_MEDIA = OUTLETS | frozenset(PLATFORMS.values())
_RELATIVE_PRONOUNS = frozenset({"WP", "WDT"})     # "who", "which", "that" as a relative subject
OBJECT_PRONOUNS = frozenset("him her".split())     # ("them" stands for things as often: "released them")
FIRST_PERSON_SUBJECTS = frozenset("i we".split())     # a quoted "I"/"we": the speaker
_OF_PLACE = re.compile(r"\b(?:" + "|".join(sorted(PLACE_TITLES)) + r")\s+of\s+$", re.I)  # "Mayor of "
_CONTROL_STEPS = 4       # how far up a chain of verbs without subjects the subject is looked for
_RELATIVE = re.compile(r"(?:where|which|who|whom|whose|that|when)\b", re.I)
_PLACES = frozenset({"GPE", "LOC", "FAC"})     # where the event happens, even when a clause on a noun says it
# A participle on a noun that names it ("a boy identified as Ivan", "a man named …", "a programme dubbed …"):
# the naming verbs (:data:`NAMING_VERBS`) and the participles of identifying and naming they leave out
_NAMING = NAMING_VERBS | {"named", "identified"}
_CLOCK = re.compile(r"[ap]\.?\s?m\.?", re.I)                # "A.M.", "P.M.": a time of day, no name
# What joins the two halves of one name the recogniser cut in two ("Islamic State of Iraq | and the |
# Levant", "Order | of the | Sun", "Ministry | of the | Interior")
_NAME_JOINT = re.compile(r"\s+(?:of|on|and|for)\s+the\s+")
# A proper name going on after a word on the same line ("Muslim| Mindanao", "Cheyenne| Tribe")
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
# Up to three capitalised words of a title, a comma maybe, before a name ("| Majority Leader, |John Thune")
_TITLE_BETWEEN = re.compile(r" ((?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*),? ")
# The capitalised words that finish a name cut after a joining word ("Operation Fast and| Furious")
_NAME_REST = re.compile(r"(?: the)? [A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*)*")
# A possessive that owns what follows ("North Carolina|'s state |Senate", "the commonwealth|'s |House")
_OWNER = re.compile(r"(\S)(?:'s|’s) (?:(?:state|national|federal|country's|upper|lower) )?(?:the )?$")
# A name the recogniser cut before an institution ("116th United States| Congress"), not "The| Senate"
_NAME_BEFORE = re.compile(r"(?<![\w.])(?!The )[A-Z][\w.]* $")
_OF_PLACE_AFTER = re.compile(r" of (?:the )?")
_TITLE_QUALIFIERS = frozenset({"ORG", "GPE"})   # (NORP by :func:`_modifies_name`)
_SCALE = re.compile(r"(?:Category|Magnitude|Force|Level|Grade) [\d.]+", re.I)    # a degree on a scale, no party
_LIKENESS = frozenset("same similar comparable identical equivalent akin".split())   # "similar regions to X"
# Named things that act in the news whatever label the recogniser gives them (an event, a work, a person):
# storms ("Hurricane Dorian", "Tropical Depression Three"), flights ("Lion Air Flight 610"), ships
# ("USS Grayback", "MV Namse Bangdzod"). Each kind with the nouns a definite description of it uses.
_NAMED_KINDS = {
    "storm": re.compile(r"(?:Super )?(?:Hurricane|Typhoon|Cyclone|(?:Post-|Sub)?[Tt]ropical (?:Storm|Depression|Cyclone)"
                        r"|Storm) [A-Z][\w-]+"),
    "flight": re.compile(r"(?:[A-Z][\w-]* )+Flight [A-Z]{0,3}\d+"),
    "ship": re.compile(r"(?:MV|MS|USS|U\.S\.S\.|HMS|RMS|HMAS|INS) [A-Z][\w-]*(?: [A-Z][\w-]*)*"),
}
_PICKING = frozenset("first last next previous other another same most latest recent second third".split())
_STAGE_NOUNS = frozenset("hurricane typhoon depression".split())    # a description that names a storm's stage
_STORM_TOPS = ("Hurricane", "Typhoon", "Super Typhoon", "Cyclone")     # a storm's strongest stages
_KIND_NOUNS = {
    "storm": frozenset("storm hurricane typhoon cyclone depression".split()),
    "flight": frozenset("flight plane aircraft airliner jet".split()),
    "ship": frozenset("ship vessel submarine tanker freighter ferry".split()),
}


def nationality_countries(word: str) -> tuple[str, ...]:
    """Countries named by a nationality word: "Ukrainian" -> (Ukraine,), "Sino-Russian" ->
    (China, Russia); () when it names none ("Kurdish", "Muslim")."""
    out: list[str] = []
    for part in re.split(r"[-–]", word.strip()):
        low = part.lower()
        country = COMBINING_FORMS.get(low) if low in COMBINING_FORMS else \
            country_name(part) or _people_of(part) or _demonym_of(part)
        country = country.removeprefix("the ") if country else None     # "Western" -> West, as its entity
        if country and country not in out:
            out.append(country)
    return tuple(out)


def _people_of(word: str) -> str | None:
    """The country whose people a plural noun names ("Mexicans" -> Mexico); the people of a continent
    ("Europeans") are no member state of a union."""
    country = country_name(word[:-1]) if word.lower().endswith("ns") else None
    return country if country in country_names() else None


def _demonym_of(word: str) -> str | None:
    """The country a regular nationality adjective is formed from, read off its English suffix
    (-n, -an, -ian, -i, -ese: "Tongan" -> Tonga, "Haitian" -> Haiti, "Bahamian" -> Bahamas,
    "Omani" -> Oman, "Bhutanese" -> Bhutan, "Maltese" -> Malta) and kept only when the stem is a
    country's name (the gazetteer's list); None otherwise."""
    if not word[:1].isupper() or not word.endswith(DEMONYM_ENDINGS):
        return None
    names = country_names()
    if word + " Republic" in names:
        return word + " Republic"                 # "Dominican" -> Dominican Republic, not Dominica
    for cut, add in DEMONYM_STEMS:
        if word.endswith(cut) and len(word) - len(cut) >= 3:
            stem = word[:len(word) - len(cut)]
            for candidate in (stem + a for a in add):
                if candidate in names:
                    return candidate
                if "El " + candidate in names:
                    return "El " + candidate      # "Salvadoran" -> El Salvador
    return None


def actor_names(e: Entity) -> tuple[str, ...]:
    """The names under which entity ``e`` takes part in events (none for non-actors). A measure the
    recogniser ran into the name is cut off ("Humberto 75 miles" -> "Humberto"), and so is a
    preposition or conjunction it ended on ("Patrice Talon of" -> "Patrice Talon")."""
    return _names(e.text, e.label, e.canonical)


@functools.lru_cache(maxsize=8192)
def _names(text: str, label: str, canonical: str) -> tuple[str, ...]:
    """:func:`actor_names` of an entity, by the fields it reads (an article names the same entities again and again)."""
    name = TRAILING_FUNCTION_WORD.sub("", MEASURE_AFTER.sub("", canonical)) or canonical
    if label not in ACTOR_LABELS or name in SELF_PUBLISHERS or text in TIME_ZONES or name in TIME_ZONES \
            or a_time(name) or _CLOCK.fullmatch(name.strip()):
        return ()
    if name.lower() in DISEASES or DISEASE_PATTERN.search(name) or NOT_A_PARTY.fullmatch(name) \
            or len(name.strip(". ")) <= 1 or _SCALE.fullmatch(name):
        return ()       # (also "Mr. A"'s letter, "Category 5", "Magnitude 6.3")
    if label == "NORP":
        return nationality_countries(text) or (name,)
    if label == "ORG" and " " not in name and nationality_countries(name) not in ((), (name,)):
        return nationality_countries(name)       # "the Samoan government" resolved to the name "Samoan"
    if label == "GPE":
        return (country_from_abbreviation(text.strip()) or country_from_abbreviation(name) or name,)
    return (name,)


def a_time(name: str) -> bool:
    """``name`` is only words of time ("Tuesday", "Tuesday night", "Saturday morning")."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    return bool(words) and all(w in TIME_WORDS or w == "s" for w in words)    # "s": "Tuesday's"


class Actors:
    """Finds the actors of clauses of one parsed article."""

    def __init__(self, doc, text: str, entities: Sequence[Entity], *, referents: Referents | None = None):
        self.doc, self.text = doc, text
        self.entities = sorted(entities, key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self._things = _named_things(text, self.entities)
        self._joined = _unfinished_names(text, self.entities) | _cut_names(text, self.entities) \
            | _institution_names(text, self.entities) | _thing_names(self.entities, self._things)
        self._names = {e: self._names_of(e) for e in self.entities}     # read for every clause: once each
        self.labels = {n: e.label for e in self.entities for n in self._names[e]}
        self._by_name = {e.canonical: self._names[e] for e in self.entities}     # a referent's names, as its mentions
        self._referents = referents
        self._common: dict[Entity, bool] = {}      # _common_noun of each mention, read once

    @property
    def referents(self) -> Referents:
        """The article's :class:`Referents`: the caller's, or built at the first pronoun or role noun to resolve."""
        if self._referents is None:
            self._referents = Referents(self.doc, self.entities)
        return self._referents

    def of(self, start: int, end: int, *, verb=None) -> tuple[str, ...]:
        """Actors of the clause ``start:end`` whose event word is ``verb`` (a spaCy token): the
        referent of its subject ("he", "the company") first, then the entities of the clause. A news
        medium counts only as the subject."""
        ents, text = self.entities, self.text
        subj = _subject(verb) if verb is not None else None
        out: list[str] = list(self._referent(subj) or self._owners(subj)) if subj is not None else []
        out += self._quoting(verb, subj) if subj is not None and subj.lower_ in FIRST_PERSON_SUBJECTS else []
        out += [n for obj in _pronoun_objects(verb) for n in self._referent(obj)] if verb is not None else []
        out += self._unnamed(verb, start, end) if verb is not None else []
        told = _content_spans(verb) if verb is not None else []
        embedded = _embedded_spans(verb, self.doc, start, end) if verb is not None else []
        others = (_source_spans(verb) + _stray_spans(verb)) if verb is not None else []
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and re.fullmatch(r"\W{0,3}", text[ents[i - 1].end:start]) and _RELATIVE.match(text[start:start + 6]):
            out += self.names(ents[i - 1])       # the antecedent of a relative clause: "Zaporizhia, where …"
        while i < len(ents) and ents[i].start < end:
            e = ents[i]
            i += 1
            if e.end > end or (e.label == "NORP" and _modifies_name(text, e, ents, i)) or self._common_noun(e) \
                    or (e.label in _TITLE_QUALIFIERS and _qualifies_title(text, e, ents, i)) \
                    or (e.label in ("GPE", "NORP") and CURRENCY_AFTER.match(text, e.end)) or self._role(e) \
                    or STANCE_BEFORE.search(text, max(0, e.start - 6), e.start) or self._compared(e):
                continue        # (also "pro-Beijing candidates": a stance, not a party)
            if (e.canonical in _MEDIA and not _heads(subj, e.start, e.end) and not _agent(verb, e.start)) \
                    or any(a <= e.start < b for a, b in told):
                continue        # "on Twitter", "a government Twitter account"; "proposed that in Caudipteryx …"
            if (e.label not in _PLACES and any(a <= e.start < b for a, b in embedded)) \
                    or any(a <= e.start < b for a, b in others):
                continue        # "the statement, which criticised the SDF, called …"; "…, El Paso's police chief said"
            if verb is not None and opened_quote(text, start, e.start) and not opened_quote(text, start, verb.idx):
                continue        # a name inside a quotation the event only passes on ("tweeted '… Earth's …'")
            out += [n for n in self.names(e) if n not in out]
        if verb is not None and self._things:
            skip = told + embedded + others
            out += [n for tok in verb.sent if start <= tok.idx < end and not any(a <= tok.idx < b for a, b in skip)
                    and not opened_quote(text, start, tok.idx) and not self._covered(tok.idx)
                    for n in self._thing_at(tok.idx) or self._described_thing(tok)]
            # (a named thing a definite description points back to: "All 189 on the aircraft died")
        return tuple(dict.fromkeys(out))

    def subject(self, verb) -> tuple[str, ...]:
        """Actor names of the subject of ``verb`` (a spaCy token): its entity or its referent."""
        subj = _subject(verb)
        return self._referent(subj) if subj is not None else ()

    def named_subject(self, verb) -> tuple[str, ...]:
        """Actor names of the subject of ``verb`` when the text names it there (a proper noun, not
        "he" or "the company"); () otherwise."""
        subj = _subject(verb)
        return self._referent(subj) if subj is not None and subj.pos_ == "PROPN" else ()

    def in_name(self, start: int, end: int) -> bool:
        """The span ``start:end`` (a date word) is part of a longer name that is not a date ("Easter
        Island", "Fridays for Future", "the Tuesday Club")."""
        k = bisect.bisect_right(self.starts, start) - 1
        return any(e.start <= start and end <= e.end and e.end - e.start > end - start
                   and e.label not in ("DATE", "TIME", "EVENT") for e in self.entities[max(0, k - 3):k + 1])

    def names(self, e: Entity) -> tuple[str, ...]:
        return self._names[e] if e in self._names else self._names_of(e)

    def _names_of(self, e: Entity) -> tuple[str, ...]:
        """:func:`actor_names` of ``e``; a person's name without a word glued before it: a role
        (:func:`without_role`) or a word the parse does not tag as a proper noun ("Born Robert Burns
        in Arroyo Grande": "Born" is a participle)."""
        if e in self._joined:
            return self._joined[e]
        names = actor_names(e)
        if e.label != "PERSON":
            return names
        first = e.text.split()[0]
        if len(e.text.split()) >= 3 and first in gazetteer() and _OF_PLACE.search(self.text, max(0, e.start - 30), e.start):
            names = tuple(n.removeprefix(first + " ") for n in names)   # "Mayor of Koszalin Piotr Jedlinski"
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None and len(span) >= 3 and span[0].tag_ not in ("NNP", "NNPS") and span[0].text.istitle() \
                and sum(t.tag_ == "NNP" for t in span[1:]) >= 2:
            glued = span[0].text + " "
            names = tuple(n.removeprefix(glued) for n in names)
        return tuple(without_role(n) for n in names)

    def _common_noun(self, e: Entity) -> bool:
        """The recogniser took a capitalised common noun for a name ("Photographs, videos and text
        messages were deleted"): every word of the mention is tagged as a common noun, and the article
        gives it no fuller name (a surname such as "Jobs" has one: "Steve Jobs")."""
        if e.canonical != e.text or not e.text.istitle():
            return False        # "ISIS", "AR-15": an acronym or a model is a name whatever its tag
        if e not in self._common:
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            self._common[e] = span is not None and len(span) > 0 and all(t.tag_ in ("NN", "NNS") for t in span)
        return self._common[e]

    def _role(self, e: Entity) -> bool:
        """A role said of someone, not a party: a title (its last word one of :data:`TITLE_WORDS`) as
        the complement of a copula or of "as" ("where he is a former City Councillor", "served as
        Secretary")."""
        if e.text.split()[-1].lower() not in TITLE_WORDS:
            return False
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        return root is not None and (root.dep_ in ("attr", "oprd") or (root.dep_ == "pobj" and root.head.lower_ == "as"))

    def _covered(self, idx: int) -> bool:
        k = bisect.bisect_right(self.starts, idx) - 1
        return k >= 0 and self.entities[k].start <= idx < self.entities[k].end

    def _unnamed(self, verb, start: int, end: int) -> list[str]:
        """Names the entity recogniser missed among the event's subject and object: a product, a
        brand or a model ("the iPhone 3G went on sale", "Boeing grounded the 737 MAX"). A medium
        counts only as the argument itself ("contacted Facebook"), not as a word qualifying it."""
        out = []
        for tok in _arguments(verb):
            name = _name_run(tok)
            if name is None or name[0] < start or name[1] > end or self._covered(tok.idx) or self._covered(name[0]) \
                    or self._thing_at(name[0]):
                continue
            text = self.text[name[0]:name[1]]
            if text in _MEDIA and not name[0] <= tok.idx < name[1]:
                continue        # "a government Twitter account": the medium only qualifies the argument
            if CURRENCY_AFTER.match(self.text, name[1]):
                continue        # "300 million U.S. dollars": an amount, not a name
            text = without_role(text)
            if a_time(text) or (text.lower() in TITLE_WORDS and _titled(tok)):
                continue        # "Tuesday night's vote": a time the recogniser did not tag; "the Governor": a title
            if _looks_like_product(text, _opens_sentence(self.text, name[0])) and text not in out:
                out.append(text)
        return out

    def _owners(self, head) -> tuple[str, ...]:
        """The countries or organisations a subject with no name of its own belongs to, by a name that
        qualifies it ("U.S. troops … then returned", "Iraqi forces", "NASA's probe"; not an organisation
        run into the noun, "a Facebook user", "told Agence France-Presse arson …"): the party of the event,
        where the clause's span (a coordinated verb's) does not hold the subject."""
        if head.pos_ != "NOUN":
            return ()
        out: list[str] = []
        for c in head.children:
            k = bisect.bisect_right(self.starts, c.idx) - 1
            e = self.entities[k] if k >= 0 and self.entities[k].start <= c.idx < self.entities[k].end else None
            if e is not None and ((c.dep_ in ("compound", "amod", "poss") and e.label in ("GPE", "NORP"))
                                  or (c.dep_ == "poss" and e.label == "ORG")) and not self._common_noun(e):
                out += self.names(e)
        return tuple(out)

    def _compared(self, e: Entity) -> bool:
        """A name a thing is only compared with ("about the same size as Caudipteryx", "similar regions
        to Typhoon Haiyan", "stronger than Katrina", "as strong as …"): no party to the event."""
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ != "pobj":
            return False
        prep = span.root.head
        near = [prep.head, *prep.head.children, *(g for c in prep.head.children if c.dep_ == "dobj" for g in c.children)]
        return prep.lower_ == "than" or (prep.lower_ in ("as", "to") and any(
            t.lower_ in _LIKENESS or (prep.lower_ == "as" and t.lower_ == "as" and t.i < prep.i) for t in near))

    def _quoting(self, verb, subj) -> tuple[str, ...]:
        """The speaker a quoted "I" or "we" stands for: the subject of the verb that reports the quotation
        in the same sentence ('Zapata told reporters, "We made a machine …"', '"I saw it," she said')."""
        teller = _teller(verb)
        if teller is None or not opened_quote(self.text, verb.sent.start_char, subj.idx):
            return ()
        speaker = next((c for c in teller.children if c.dep_ == "nsubj"), None)
        return self._referent(speaker) if speaker is not None and speaker.lower_ not in FIRST_PERSON_SUBJECTS else ()

    def _thing_at(self, idx: int) -> tuple[str, ...]:
        """The named storm, flight or ship written at ``idx`` (:func:`_named_things`), if any."""
        return next(((name,) for a, b, _, name in self._things if a <= idx < b), ())

    def _described_thing(self, head) -> tuple[str, ...]:
        """The named storm, flight or ship a definite description stands for ("the storm" after
        "Hurricane Dorian", "the flight" after "Lion Air Flight 610"): the first one of its kind the
        article names before it (the article's subject; a storm only told of later is an aside), one of
        the stage the noun names ("the depression": a "Tropical Depression …")."""
        kind = next((k for k, nouns in _KIND_NOUNS.items() if head.lower_ in nouns), None)
        if kind is None or not _plain_definite(head):
            return ()
        before = [name for a, b, k, name in self._things if k == kind and a < head.idx
                  and (head.lower_ not in _STAGE_NOUNS or head.lower_ in self.text[a:b].lower())]
        return before[:1]

    def _referent(self, head) -> tuple[str, ...]:
        """Actor names of the subject headed by ``head``: its entity, or the referent of a mention
        that names none ("he", "the company", "the storm")."""
        k = bisect.bisect_right(self.starts, head.idx) - 1
        if k >= 0 and self.entities[k].start <= head.idx < self.entities[k].end:
            return () if self._common_noun(self.entities[k]) else self.names(self.entities[k])
        thing = self._thing_at(head.idx) or self._described_thing(head)
        if thing:
            return thing
        ref = self.referents.at(head.idx, head.idx + len(head.text))
        if ref.name is None or ref.label is None or (ref.name == head.text and head.lower_ in TITLE_WORDS):
            return ()       # "Governor of Lublin Marek Zielinski announced": the title is not the party
        if ref.name in self._by_name:
            return self._by_name[ref.name]      # "the mayor" -> the names of his mention, cleaned as there
        return actor_names(Entity(head.idx, head.idx + len(head.text), ref.name, ref.label, ref.name))


def _named_things(text: str, entities: Sequence[Entity]) -> list[tuple[int, int, str, str]]:
    """The named storms, flights and ships the article writes (:data:`_NAMED_KINDS`), whatever the
    recogniser made of them (a person, an event, a work, nothing), as (start, end, kind, name), in text
    order; not a word of another name ("National Hurricane Center"). A storm's bare name ("Dorian") and
    each of its stages ("Tropical Storm Humberto", later "Hurricane Humberto") go under one name: that
    of its strongest stage (:data:`_STORM_TOPS`), else the first written."""
    found = []
    starts = [e.start for e in entities]
    for kind, form in _NAMED_KINDS.items():
        for m in form.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            host = entities[k] if k >= 0 and entities[k].end > m.start() else None
            if host is None or form.fullmatch(_bare(host.text)) or _bare(host.text).startswith(m.group(0)):
                found.append((m.start(), m.end(), kind, m.group(0)))
    full: dict[str, list[str]] = {}             # a storm's bare name -> its full names, as the text goes
    for _, _, kind, name in sorted(found):
        if kind == "storm":
            full.setdefault(name.split()[-1], []).append(name)
    one = {bare: next((n for n in names if n.startswith(_STORM_TOPS)), names[0]) for bare, names in full.items()}
    found = [(a, b, kind, one.get(name.split()[-1], name) if kind == "storm" else name) for a, b, kind, name in found]
    for bare, name in one.items():      # "Dorian", as a person, a place or no name at all
        found += [(m.start(), m.end(), "storm", name) for m in re.finditer(rf"\b{re.escape(bare)}\b", text)
                  if not any(a <= m.start() < b for a, b, _, _ in found)]
    return sorted(found)


def _thing_names(entities: Sequence[Entity], things: list[tuple[int, int, str, str]]) -> dict[Entity, tuple[str, ...]]:
    """The named thing each mention of one stands for (:func:`_named_things`): the one written over its
    end ("the Hurricane Dorian", "Dorian", "Storm Barry" cut from "Tropical Storm Barry"; not "Hurricane
    Humberto Advisory Number 14", a document)."""
    out = {}
    for e in entities:
        end = e.start + len(MEASURE_AFTER.sub("", e.text))      # ("Humberto 75 miles")
        name = next((name for a, b, _, name in things if a < end <= b + 1 and e.start < b), None)
        if name is not None:
            out[e] = (name,)
    return out


def _cut_names(text: str, entities: Sequence[Entity]) -> dict[Entity, tuple[str, ...]]:
    """Names the recogniser cut in two at "and the", "of the" …: the first part named by the whole
    name as the article writes it ("Islamic State of Iraq and the Levant"), the second by none. The
    second part is one capitalised word that is no country, no medium and no acronym ("Levant",
    "Sun"; not "Iraq and the Netherlands", "Russia and the US"); after "and", the first part must
    itself be a name with "of" ("State of Iraq and the Levant", not "Spain and the Basque …")."""
    out: dict[Entity, tuple[str, ...]] = {}
    for first, second in zip(entities, entities[1:], strict=False):
        joint = _NAME_JOINT.fullmatch(text, first.end, second.start)
        word = second.text
        if joint is None or first in out or first.label == "PERSON" or not actor_names(first) or " " in word \
                or not word.istitle() \
                or word in country_names() or word in _MEDIA or second.label not in ACTOR_LABELS:
            continue
        if joint.group(0).split()[0] == "and" and " of " not in first.text:
            continue
        whole = _bare(text[first.start:second.end])
        out[first], out[second] = (whole,), ()
    return out


def _institution_names(text: str, entities: Sequence[Entity]) -> dict[Entity, tuple[str, ...]]:
    """Institutions named by the place they belong to, as the reader reads each mention: one the mention
    itself qualifies ("the Supreme Court of the United Kingdom", "North Carolina's state Senate") by
    that place; a bare one ("the Senate", "The Supreme Court ruled") by the nearest qualified mention of
    the same institution before it, else by its own words when the article's qualified name of it comes
    only later or with a possessive that names no place ("the commonwealth's House of Representatives":
    not the "U.S. House of Representatives" of the last paragraph)."""
    out: dict[Entity, tuple[str, ...]] = {}
    last: dict[str, tuple[str, ...]] = {}       # the qualified name of each institution, as the text goes
    first: dict[str, int] = {}                  # where the article first writes each name in full
    for e in entities:
        if _bare(e.text) == e.canonical:
            first.setdefault(e.canonical, e.start)
    for k, e in enumerate(entities):
        bare = _bare(e.text)
        inst = _institution_in(bare) if e.label == "ORG" else None
        if inst is None:
            continue
        if inst != bare:
            last[inst] = (e.canonical,)           # "the Puerto Rico Senate", "the U.S. Senate"
            continue
        place, owned = _place_of(text, entities, k)
        if place:
            last[inst] = out[e] = (f"{place} {inst}",)
        elif inst in last and not owned:
            out[e] = last[inst]
        elif inst != e.canonical and e.canonical.endswith(" " + inst) \
                and not _NAME_BEFORE.search(text, max(0, e.start - 40), e.start) \
                and (owned or first.get(e.canonical, e.start) > e.start):
            out[e] = (inst,)
    return out


def _bare(name: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", name)


def _institution_in(name: str) -> str | None:
    """The legislature, chamber or court ``name`` ends on ("Senate" of "Puerto Rico Senate", "House of
    Representatives", "Supreme Court"), or None."""
    words = name.split()
    for n in range(min(3, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        if tail in INSTITUTIONS or words[-n] in CHAMBER_HEADS or (n == 2 and words[-1] == "Court"):
            return tail
    return None


def _place_of(text: str, entities: Sequence[Entity], k: int) -> tuple[str | None, bool]:
    """The place the mention of an institution ``entities[k]`` names as its owner, and whether a
    possessive owns it at all: "North Carolina's state Senate" -> (North Carolina, True), "the Supreme
    Court of the United Kingdom" -> (United Kingdom, True), "the commonwealth's House" -> (None, True)."""
    e = entities[k]
    after = entities[k + 1] if k + 1 < len(entities) else None
    if after is not None and after.label == "GPE" and _OF_PLACE_AFTER.fullmatch(text, e.end, after.start):
        return after.canonical, True
    owner = _OWNER.search(text, max(0, e.start - 80), e.start)
    if owner is None:
        return None, False
    before = entities[k - 1] if k > 0 else None
    if before is not None and before.end == owner.start() + 1 and before.label == "GPE":
        return before.canonical, True
    return None, True


def _unfinished_names(text: str, entities: Sequence[Entity]) -> dict[Entity, tuple[str, ...]]:
    """Names the recogniser ended on a joining word, the rest of the name left out ("Operation Fast and"
    of "Operation Fast and Furious", "Control Centre of" of "Control Centre of the Coast Guard"): the name
    runs on through the capitalised words after it on the line. Not into a place: "Patrice Talon of Benin"
    (even tagged as an organisation) is Patrice Talon, of Benin."""
    out: dict[Entity, tuple[str, ...]] = {}
    for k, e in enumerate(entities):
        after = entities[k + 1] if k + 1 < len(entities) else None
        if e.label == "PERSON" or e.label not in ACTOR_LABELS or not TRAILING_FUNCTION_WORD.search(e.text):
            continue
        rest = _NAME_REST.match(text, e.end)
        if rest is not None and not (after is not None and after.start < rest.end() and after.label in _PLACES):
            out[e] = (_bare(text[e.start:rest.end()]),)
    return out


def opened_quote(text: str, start: int, pos: int) -> bool:
    """``pos`` lies inside a direct quotation (:data:`QUOTATION_MIN_WORDS` words or more, curly or
    straight quotes) opened after ``start``."""
    seg = text[start:pos]
    if seg.count("“") > seg.count("”"):
        opening, closing = seg.rfind("“"), text.find("”", pos)
    elif seg.count('"') % 2 == 1:
        opening, closing = seg.rfind('"'), text.find('"', pos)
    else:
        return False
    closing = len(text) if closing < 0 else closing
    return len(text[start + opening + 1:closing].split()) >= QUOTATION_MIN_WORDS


def _subject(verb):
    """The subject of ``verb``, or of the verb it is coordinated with ("fled and hid"); for a
    participle or relative clause without a subject of its own, or with a relative pronoun for
    one, the noun it qualifies ("Jobs, born in San Francisco", "the miner who was rescued"); for a
    verb without a subject of its own that completes or qualifies another (an infinitive, an
    adverbial participle), the subject of that verb ("Van Biljon had been in the area attempting to
    mend a fence", "the storm made landfall, killing 20"), or its object when it has one ("police
    asked him to leave")."""
    tok = verb
    for _ in range(_CONTROL_STEPS):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not (tok.dep_ == "relcl" and subj.tag_ in _RELATIVE_PRONOUNS):
            return subj
        if tok.head.pos_ in ("PROPN", "NOUN") and (tok.dep_ == "acl" or (tok.dep_ == "relcl" and subj is not None)):
            return tok.head
        if subj is None and tok.dep_ == "conj" and (stray := _stray_subject(tok)) is not None:
            return stray
        if subj is not None or tok.head.i == tok.i or not _controlled(tok):
            return None
        if tok.dep_ == "xcomp":
            obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        tok = tok.head
    return None


def _stray_subject(verb):
    """The subject of the coordinated clause ``verb`` heads that the parser joined to a noun of the
    clause before ("X resigned as governor of Puerto Rico and Pedro Pierluisi was sworn in": the parse
    coordinates "Pierluisi" with "Puerto Rico"): the noun coordinated there, just before the verb and
    its auxiliaries, after the first verb."""
    first = min([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb],
                key=lambda t: t.i)
    if first.i == 0:
        return None
    noun = first.doc[first.i - 1]
    if noun.dep_ == "conj" and noun.pos_ in ("PROPN", "NOUN") and noun.head.i > verb.head.i \
            and any(c.dep_ == "cc" for c in noun.head.children):
        return noun
    return None


def _stray_spans(verb) -> list[tuple[int, int]]:
    """Character spans of the subjects of the clauses coordinated after ``verb`` that the parser joined
    to its own nouns (:func:`_stray_subject`): parties of the next clause, not of this one."""
    strays = [_stray_subject(c) for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return [(n.left_edge.idx, n.idx + len(n.text)) for n in strays if n is not None]


def _controlled(tok) -> bool:
    """``tok`` takes its subject from the verb it hangs on: a coordinated verb, an infinitive or
    participle complement, or an adverbial participle without a subordinator ("…, killing 20")."""
    if tok.head.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "acomp" and tok.tag_ == "VBN"):
        return True     # (a passive participle the parse hangs on its "was": "He was nominated by Ford")
    if tok.dep_ != "advcl":
        return False
    if tok.tag_ == "VBG":
        return True
    if tok.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in SUBORDINATORS) for c in tok.children):
        return True     # a finite verb without a subject: a coordination the parse took for an adverbial
        # ("U.S. troops left Iraq in 2011, then at the request of … returned in 2014")
    # a past participle: "Born in Ohio, he …", "when elected in 2001", "having lost it"; not an object's
    # participle after the verb ("committed to a trial, anticipated to begin in January")
    return tok.tag_ == "VBN" and (tok.i < tok.head.i or any(
        c.dep_ in ("aux", "mark", "advmod") and (c.dep_ == "aux" or c.lower_ in SUBORDINATORS) for c in tok.children))


def without_role(name: str) -> str:
    """``name`` without a role of :data:`GLUED_ROLES` run into it ("Lead Paul Sun-Hyung Lee" ->
    "Paul Sun-Hyung Lee"), when at least two capitalised words remain."""
    first, _, rest = name.partition(" ")
    if first.lower() in GLUED_ROLES and sum(w[:1].isupper() for w in rest.split()) >= 2:
        return rest
    return name


def _titled(tok) -> bool:
    """``tok`` is used as a title, not a surname: with a determiner or an "of" ("the Queen", "Governor
    of Lublin …"; not "Queloz and Mayor")."""
    return any(c.dep_ in ("det", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)


def _agent(verb, start: int) -> bool:
    """The name at ``start`` is the agent of the passive ``verb`` ("was confirmed by the Associated
    Press"): the one who did it, as a subject would be."""
    return verb is not None and any(c.dep_ == "agent" and c.idx <= start <= c.right_edge.idx for c in verb.children)


def _heads(subj, start: int, end: int) -> bool:
    """The name at ``start:end`` is the subject ``subj`` itself ("Reuters reported"), not a word
    that qualifies it ("a government Twitter account") or another part of the clause."""
    return subj is not None and start <= subj.idx < end


def _content_spans(verb) -> list[tuple[int, int]]:
    """Character spans of the clauses ``verb`` takes as its content ("proposed that in Caudipteryx
    running induced flapping", "warned that Russia would …"): what is told, whose names are not
    parties to the telling."""
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in verb.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children)]


def _embedded_spans(verb, doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the clauses in ``start:end`` that qualify a noun (relative and participle
    clauses: "the statement, which criticised the SDF, called …", "the crash, involving RAF jets,
    occurred …") and do not hold ``verb``: their names are parties to another event. Not a clause
    on the event word itself or on a date ("on June 27, when Roberts posted …"), nor a participle that
    names the noun ("a boy, identified as Ivan") or restricts it ("a bus operated by Viazul"): that
    one says which thing takes part."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for tok in span:
        if tok.dep_ not in ("relcl", "acl") or tok.pos_ not in ("VERB", "AUX") \
                or tok.head.pos_ not in ("NOUN", "PROPN", "PRON") or tok.i == verb.i or tok.head.i == verb.i \
                or tok in verb.ancestors or tok.head.ent_type_ in ("DATE", "TIME") or (tok.dep_ == "acl" and (
                    tok.lower_ in _NAMING or tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",")):
            continue
        out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)))
    return out


def _source_spans(verb) -> list[tuple[int, int]]:
    """Character spans of the source of an attribution that passes ``verb``'s event on, or the
    sentence's main verb, or a clause under ``verb`` ("died inside the hall, according to the Times",
    "stormed the hotel and one guest died, the Times reported", "the Times reported that … died"):
    the teller and whom it told, not parties (the event's own subject is read apart, as its first
    actor). A pronoun subject is taken for the teller ("the agency told Reuters it was ending …",
    "Schumer said 'we made …'"): the teller stays then."""
    verbs = [verb]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)        # "stormed …, and one guest died, …": the attribution of the coordination
    tellers = [c for v in verbs for c in v.children if c.dep_ in ("parataxis", "ccomp", "advcl")
               and c.lower_ in REPORTING_ONLY]
    tellers += [v.head for v in verbs if v.dep_ in ("ccomp", "parataxis") and v.head.lower_ in REPORTING_ONLY]
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    roles = ("dative", "dobj") if own is not None and own.tag_ == "PRP" else ("nsubj", "nsubjpass", "dative", "dobj")
    out = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
           for t in tellers for c in t.children if c.dep_ in roles]
    for t in verb.sent:
        to = next((c for c in t.children if c.lower_ == "to"), None) if t.lower_ == "according" else None
        if to is not None and (first_conjunct(t.head).i == verbs[-1].i or t.head.i == verb.sent.root.i
                               or verb in t.head.ancestors):
            out.append((t.idx, to.right_edge.idx + len(to.right_edge.text)))
    return out


def _plain_definite(head) -> bool:
    """``head`` is a definite noun that points back to what was named ("the storm", "its ship"), not
    one that picks out another of its kind ("the most recent hurricane, Hurricane Gonzalo", "the first
    hurricane of the season", "the plane that crashed in 2018")."""
    kids = list(head.children)
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its") for c in kids) and not any(
        c.dep_ in ("appos", "acl", "relcl", "prep") or c.tag_ in ("JJS", "RBS") or c.lower_ in _PICKING
        or any(g.tag_ in ("JJS", "RBS") for g in c.children) for c in kids)


def _teller(verb):
    """The reporting verb (:data:`REPORTING_ONLY`) whose quoted content holds ``verb``: the one its
    clause (or the clause it is coordinated with) hangs on, or one hanging on it as an aside ('"We
    made it," Zapata said' parsed with "said" under "made")."""
    tok = verb
    while tok.dep_ in ("conj", "ccomp", "parataxis", "xcomp", "advcl") and tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lower_ in REPORTING_ONLY:
            return tok.head
        tok = tok.head
    return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp") and c.lower_ in REPORTING_ONLY), None)


def _pronoun_objects(verb) -> list:
    """The personal pronouns ``verb`` takes as its object or as the agent of its passive ("police shot
    *him*", "was praised by *her*"): parties the pronoun's referent names."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [h for h in heads if h.tag_ == "PRP" and h.lower_ in OBJECT_PRONOUNS]


def _arguments(verb) -> list:
    """The heads of ``verb``'s subject and object, and of the nouns coordinated with them."""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return heads + [c for h in heads for c in h.children if c.dep_ == "conj"]


def _name_run(tok) -> tuple[int, int] | None:
    """Character span of the name a noun phrase headed by ``tok`` holds: its run of proper nouns
    and numbers around the first proper noun ("iPhone 3 G", "737 MAX"), or None."""
    words = [t for t in tok.subtree if t.ent_type_ not in ("DATE", "TIME")
             and (t.pos_ in ("PROPN", "NUM") or (t.i == tok.i and t.pos_ == "NOUN" and not t.text.islower()))]
    if not any(t.pos_ == "PROPN" for t in words):
        return None
    first = next(t for t in words if t.pos_ == "PROPN")
    run = [first]
    for t in words[words.index(first) + 1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while run[0].i > 0 and run[0].nbor(-1) in words and run[0].nbor(-1).pos_ == "NUM":
        run.insert(0, run[0].nbor(-1))
    return run[0].idx, run[-1].idx + len(run[-1].text)


def _opens_sentence(text: str, pos: int) -> bool:
    """``pos`` is the first word of a sentence or paragraph (quotes and brackets aside)."""
    before = text[max(0, pos - 40):pos]
    stripped = before.rstrip(" \t\"“‘'(")
    return not stripped or "\n" in before[len(stripped):] or stripped[-1] in ".!?:;"


def _looks_like_product(text: str, sentence_start: bool) -> bool:
    """A name by its form: a capital inside a word ("iPhone", "eBay"), a model number ("737 MAX"),
    or several capitalised words; a lone capitalised word that opens a sentence may be any noun."""
    words = text.split()
    if any(re.search(r"[a-z][A-Z]", w) for w in words) or (any(any(ch.isdigit() for ch in w) for w in words)
                                                          and any(w[:1].isupper() for w in words)):
        return True
    return len(words) >= 2 and all(w[:1].isupper() for w in words) or (len(words) == 1 and words[0][:1].isupper()
                                                                        and not sentence_start)


def _modifies_name(text: str, e: Entity, entities: Sequence[Entity], nxt: int) -> bool:
    """A nationality that only qualifies a person or title ("Russian Foreign Minister Sergei Lavrov"),
    or is a word of a longer proper name: a capitalised word follows it on the line ("the Autonomous
    Region in Muslim Mindanao", "the Northern Cheyenne Tribe")."""
    following = text[e.end:e.end + 40].split()
    if following and following[0].lower().strip(",") in TITLE_WORDS:
        return True
    if _NAME_GOES_ON.match(text, e.end):
        return True
    words = [w for w in following[:3] if w[:1].isupper()]
    return bool(words) and nxt < len(entities) and entities[nxt].start - e.end <= 30 \
        and entities[nxt].label in ("PERSON", "ORG")


def _qualifies_title(text: str, e: Entity, entities: Sequence[Entity], nxt: int) -> bool:
    """An organisation or place that only qualifies the title of the person named next ("Senate Majority
    Leader John Thune", "the State Congress President, Girish Chodankar", "US President Donald Trump"):
    the person is the party, the institution or country of the title is not."""
    if nxt >= len(entities) or entities[nxt].label != "PERSON":
        return False
    m = _TITLE_BETWEEN.fullmatch(text, e.end, entities[nxt].start)
    return m is not None and any(w.lower() in TITLE_WORDS for w in m.group(1).split())

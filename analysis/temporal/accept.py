"""Context checks for the rules of :mod:`.extract`: a rule's match is kept only when the words
around it say it is a time ("in May", not "may"; "in 1990", not "1990 people"). Each check is
``(text, start, end, groups) -> bool``; :data:`ACCEPT` maps rule names to their check.
"""
from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.]*)[ \t\u00a0,]*$")
_PREP = {"in", "on", "since", "until", "till", "by", "from", "to", "of", "last", "next", "this", "early", "late",
         "through", "during", "before", "after", "between", "and", "or", "mid", "around", "throughout", "for",
         "at", "that", "than", "every", "each", "past", "coming", "as"}
_POSSESSIVE = {"their", "his", "her", "its", "my", "our", "your", "the"}
_NOT_WEEKDAY_BEFORE = {"Black", "Good", "Cyber", "Super", "Ash", "Holy", "Bloody", "Easter", "Palm", "Maundy",
                       "Giving", "Blue", "Manic", "Shrove", "Clean", "Great"}
_UNIT_NOUN_AFTER = re.compile(r"[ \t]+(?:[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis)(?<!\bits)"
                              r"(?<!\bhis)(?<!\bus)(?<!\bplus)(?<!\bversus)|[A-Z]\w*\s+[Ii]ndex|[Ii]ndex|percent|per)")


def prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


# "the March accession", "a March deadline": a month naming a noun; not "the March on Washington"
_DETERMINERS = {"the", "a", "its", "their", "his", "her", "our"}
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:on|for|of|to|in|at|against|through|from|and|or)\b)[a-z]{3,}\b")


def _ok_month(text, start, end, g):
    if g.get("mod") or g.get("rel"):
        return True
    prev = prev_word(text, start).lower()
    if g["mon"] in ("May", "March") or g["mon"].endswith("."):
        return prev in _PREP or (prev in _DETERMINERS and g["mon"] != "May" and bool(_NOUN_AFTER.match(text, end)))
    return True


# A bare four-digit number that counts something is not a year: "1770 km", "over 1800 people".
_MEASURE_AFTER = re.compile(r"[ \t]*(?:km|kilomet(?:er|re)s?|mi(?:les?)?|m|met(?:er|re)s?|ft|feet|kg|lbs?|tonnes?|tons?|"
                            r"acres?|hectares?|ha|people|persons|men|women|children|troops|mph|km/h|kph|MW|GW|"
                            r"dollars|euros|pounds|yuan|rupees)\b")
_COUNT_BEFORE = re.compile(r"(?:\bover|\bmore than|\bnearly|\balmost|\bat least|\bfewer than|\bless than|"
                           r"\bup to|\bsome)[ \t]+$", re.I)


# A number that is the subject of "had", "were" ("1720 had already been discharged") counts people.
_COUNT_VERB_AFTER = re.compile(r"[ \t]+(?:had|have|were|are)\b")
# Names that carry a year without dating anything: laws, treaties, graduating classes ("the
# Judiciary Act of 1869", "the Class of 1999"); and a name right before a year ("Windows 2000").
_NAME_OF_BEFORE = re.compile(r"(?:\b[A-Z][\w'’.-]*[ \t]+(?:Act|Acts|Treaty|Accords?|Agreement|Convention|Charter|Compact|"
                             r"Pact|Statute|Code|Amendment|Protocol)|\bClass)[ \t]+of[ \t]+$")
# ... and a year at the head of such a name ("the 1965 Voting Rights Act", "the 1998 Good Friday Agreement")
_NAME_OF_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’.-]*){0,5}[ \t]+(?:Act|Acts|Treaty|Accords?|Agreement|Convention|Charter|"
                            r"Compact|Pact|Statute|Amendment|Protocol)\b")
# A tally: "by 2013 to 1990 votes" (a range runs forward; a score or a vote need not)
_TALLY_AFTER = re.compile(r"[ \t]*(?:to|-|–)[ \t]*(\d{1,4})\b")
# Capitalised words that may stand right before a year and date it ("Christmas 2019", "Fiscal 2020").
DATE_WORDS_BEFORE_YEAR = frozenset(
    "christmas easter ramadan hanukkah thanksgiving diwali eid passover lent advent day eve year fiscal fy summer "
    "winter spring autumn fall q1 q2 q3 q4 h1 h2 ad bc ce early late mid end".split())
# Names of recurring events, whose year is the point ("the Worldwide Developers Conference 2010").
EVENT_NAMES = frozenset(
    "conference summit games olympics cup championship championships expo festival congress election elections "
    "forum week awards open assembly fair show census budget season tour".split())


# "Navigation Mixte's 1989 profit" dates the profit; "Kopp's 1987 Chevrolet" names a car.
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")


def _named(text, start, end):
    if _NAME_OF_BEFORE.search(text, max(0, start - 60), start) or _NAME_OF_AFTER.match(text, end):
        return True
    prev = prev_word(text, start)      # "Windows 2000", "Orion 1980"; not "WWDC 2005" nor "Expo 2020"
    return bool(prev) and prev[0].isupper() and not prev.isupper() and text[start - 1:start] == " " \
        and text[start - 2:start - 1].isalpha() and prev.lower() not in _PREP \
        and prev.lower() not in DATE_WORDS_BEFORE_YEAR and prev.lower() not in EVENT_NAMES \
        and prev.lower() not in ("the", "this", "that", "its", "their") \
        and not (prev.endswith(("'s", "’s")) and _LOWER_AFTER.match(text, end))


def _ok_year(text, start, end, g):
    if g.get("mod"):
        return True
    if _MEASURE_AFTER.match(text, end) or _named(text, start, end):
        return False
    if _COUNT_VERB_AFTER.match(text, end) and prev_word(text, start).lower() not in _PREP:
        return False
    tally = _TALLY_AFTER.match(text, end)
    if tally and int(tally.group(1)) < int(g["y"]) and len(tally.group(1)) > 2:
        return False
    if prev_word(text, start).lower() in ("the", "this", "that", "its", "their"):
        return True                                   # "the 2019 elections", "its 2023 budget"
    if _UNIT_NOUN_AFTER.match(text, end):
        return False
    return not _COUNT_BEFORE.search(text, max(0, start - 15), start)


def _ok_short_year(text, start, end, g):
    return prev_word(text, start).lower() in {"since", "in", "of", "until", "from", "the", "and", "by", "summer",
                                              "spring", "winter", "autumn", "fall"}


def _ok_decade(text, start, end, g):
    if g["dec"][0].isdigit() and len(g["dec"]) == 3:
        return prev_word(text, start).lower() not in {"their", "his", "her", "its", "my", "our", "your"} and (
            prev_word(text, start).lower() in {"the", "and", "early", "late", "mid"} or bool(g.get("mod")))
    return True


def _ok_vague_phrase(text, start, end, g):
    """"the future of the company" is its fate, no time ("in the future" is one)."""
    return not (g["w"].lower().endswith("the future") and re.match(r"[ \t]+of\b", text[end:end + 4]))


# "USA Today", "VOA Today": a capitalised "Today" after an acronym is the name of a paper or a show
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")


def _ok_deictic(text, start, end, g):
    return not (g["w"] == "Today" and not g.get("pre") and _ACRONYM_BEFORE.search(text, max(0, start - 12), start))


# "highs in the upper sixties", "the mercury hit the nineties": temperatures, not decades
_TEMPERATURE_NEAR = re.compile(r"\b(?:degrees?|temperatures?|highs?|lows?|mercury|thermometers?|Fahrenheit|heat)\b|°", re.I)


def _ok_spelled_decade(text, start, end, g):
    if prev_word(text, start).lower() in {"upper", "lower", "high", "low"}:
        return False
    return not _TEMPERATURE_NEAR.search(text, max(0, start - 60), min(len(text), end + 40))


# Capitalised words before a season that still leave it a season ("In Spring", "Last Summer").
_SEASON_LEADS = {"The", "In", "This", "Last", "Next", "Early", "Late", "By", "Until", "Since", "During", "Through",
                 "Mid", "Each", "Every", "Over", "Before", "After"}
_NAME_AFTER = re.compile(r"(?:[ 	]+of)?[ 	]+[A-Z][a-z]")


def _season_in_a_name(text, start, end, g):
    """"the Arab Spring", "the Summer Olympics", "a Spring of Life rally": a capitalised season
    inside a name, not a season."""
    if not g["s"][0].isupper() or g.get("rel") or g.get("mod"):
        return False
    prev = prev_word(text, start)
    if prev[:1].isupper() and prev not in _SEASON_LEADS and not re.search(r"[.!?]['\"’”]*\s*$", text[max(0, start - 4):start]):
        return True
    return bool(_NAME_AFTER.match(text, end)) and not g.get("y")


def _ok_season(text, start, end, g):
    if _season_in_a_name(text, start, end, g):
        return False
    if g["s"].lower() != "fall" or g.get("rel") or g.get("y") or g.get("mod"):
        return True
    return prev_word(text, start).lower() in {"the", "this", "last", "next", "in", "by", "until", "early", "late"} \
        and not re.match(r"[ \t]+(?:of|in|from|to|by)\b", text[end:end + 8])


def _ok_holiday(text, start, end, g):
    return not _NAME_OF_AFTER.match(text, end)          # "the Good Friday Agreement" names a treaty


def _ok_noon(text, start, end, g):
    return prev_word(text, start).lower() != "high"      # "high noon": a showdown, not midday


def _ok_weekday(text, start, end, g):
    return prev_word(text, start) not in _NOT_WEEKDAY_BEFORE


def _ok_time24(text, start, end, g):
    if g.get("z"):
        return True
    return prev_word(text, start).lower() in {"at", "by", "from", "until", "till", "to", "around", "about",
                                              "before", "after", "since", "approximately", "and"}


def _ok_anaphor(text, start, end, g):
    det = g["det"].lower().split()[-1]
    unit = g["unit"].lower()
    if g.get("after") and unit not in ("time", "period"):     # "the year before", "the day after"
        return True
    if g.get("mod"):
        return unit in ("day", "week", "month", "year")
    if det == "same" and unit == "time":
        return False
    if det == "the":
        prev = prev_word(text, start).lower()
        if unit in ("morning", "afternoon", "evening", "night"):
            return prev in {"in", "during", "by", "until", "overnight", "through", "throughout", "early", "late"}
        if unit == "time":
            return prev in {"at", "by"} and not re.match(r"[ \t]+(?:of|when|that|it|he|she|they|we)\b",
                                                           text[end:end + 8])
        if unit == "quarter":      # "for the quarter", not "the quarter of the vote"
            return not re.match(r"[ \t]+of\b", text[end:end + 4])
        if unit == "year":         # "for the year", "the first nine months of the year": the year reported on
            return _whole_year_reported(text, start, end, prev)
        if unit in ("day", "weekend"):
            return prev in {"for", "during", "end", "ended", "ending", "finish", "finished", "start", "started",
                            "over", "throughout", "that", "on"} and not re.match(r"[ \t]+(?:of|when|before|after)\b",
                                                                                text[end:end + 8])
        return False
    if det == "that" and unit in ("time", "period"):
        return prev_word(text, start).lower() in {"at", "by", "since", "until", "before", "after", "during", "in"}
    return True


# "the year" as the span results or a record are counted over; not "the year 2000", "the year
# ahead", "Person of the Year", "the year before" (read as a step from a date)
_YEAR_OVER_BEFORE = {"for", "during", "throughout"}
_PERIODS_OF_BEFORE = re.compile(r"\b(?:months|weeks|days|quarters|half)[ \t]+of[ \t]+$")
_NOT_THE_YEAR_AFTER = re.compile(r"[ \t]*(?:\d|[A-Za-z-]*[ \t]+(?:thousand|hundred)\b|ahead\b|to[ \t]+come\b|before\b|"
                                 r"after\b|when\b|that\b|in[ \t]+which\b|-)")


def _whole_year_reported(text, start, end, prev):
    if _NOT_THE_YEAR_AFTER.match(text, end):
        return False
    return prev in _YEAR_OVER_BEFORE or bool(_PERIODS_OF_BEFORE.search(text, max(0, start - 16), start))


def _ok_vague(text, start, end, g):
    w = g["w"].lower()
    if w == "now":
        return not re.match(r"[ \t]*-", text[end:end + 6]) and \
            prev_word(text, start).lower() not in {"from", "right"}
    if w == "current":    # "the current crisis"; not "current account", "current affairs"
        return not re.match(r"[ \t]+(?:accounts?|affairs|events|assets|liabilities|ratio)\b", text[end:end + 14])
    if w == "soon":
        return prev_word(text, start).lower() not in {"as", "very"} and \
            not re.match(r"[ \t]+(?:after|afterwards|as|-)", text[end:end + 7])
    if w == "recent":
        return not re.match(r"[ \t]+(?:days|weeks|months|years|decades|times|history)\b", text[end:end + 12])
    return True


# "at 4 in the morning", "until 9 in the evening": a number before "in the morning" is a clock time
# only after a preposition of time ("lost 5 in the morning session" is not one).
_CLOCK_PREPOSITIONS = frozenset("at by until till around about before after from since".split())


def _ok_clock_part(text, start, end, g):
    return prev_word(text, start).lower() in _CLOCK_PREPOSITIONS


def _ok_bare_plural(text, start, end, g):
    if g.get("long"):
        return True
    prev = prev_word(text, start).lower()
    if prev in {"early", "small", "wee"} and g["unit"].lower() == "hours":
        return False        # "in the early hours of Sunday": a time of night, not a stretch of hours
    if g.get("ago"):
        return prev not in {"many", "several", "few", "recent", "past", "coming"}
    if prev in {"for", "in", "over", "within", "took", "take", "takes", "spent", "spend", "lasted", "last",
                "after", "just", "only", "many", "several", "few", "recent", "past", "coming"}:
        return prev not in {"many", "several", "few", "recent", "past", "coming"}
    return bool(re.match(r"[ \t]+(?:of|ago|later|earlier|before|after|long|in)\b", text[end:end + 8]))


def _ok_duration(text, start, end, g):
    if re.match(r"(?:-|[ \t]+)old\b", text[end:end + 5]):
        return False
    num = g["num"].lower()
    if num in ("some", "many") and not g.get("pl"):
        return False
    unit = g["unit"].lower()
    if num in ("a", "an", "one") and unit == "day" and re.match(r"[ \t]+when\b", text[end:end + 7]):
        return False
    if num in ("a", "an") and unit == "second":
        return False
    if unit == "quarter" and re.match(r"[ \t]*,?[ \t]*of\b", text[end:end + 8]) and not g.get("the"):
        return False        # "a quarter of the dealers", "789, or about a quarter, of them": a fraction
    return True


def _ok_set(text, start, end, g):
    if g["q"].lower() == "per":      # "per year" is a rate; "kilometres per hour" a speed, not a time
        return not g.get("num") and g["unit"].lower() not in ("hour", "minute", "second")
    return True


# "the quarterly dividend", "an initial quarterly of five cents": a kind of payment, not a time (TimeBank)
_PAYMENT_AFTER = re.compile(r"[ \t]+(?:(?:cash|stock|common|preferred)[ \t]+)?(?:dividends?|payouts?|distributions?|of)\b")


def _ok_freq(text, start, end, g):
    return not re.match(r"[ \t]+[A-Z]", text[end:end + 3]) and not _PAYMENT_AFTER.match(text, end)


def range_years(g: dict) -> tuple[int, int]:
    """First and last year of "2009-2011", "1957-58", "between 2014 and 2016"."""
    y1 = int(g["y1"])
    y2 = g["y2"]
    return y1, (int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2))


def _ok_year_range(text, start, end, g):
    y1, y2 = range_years(g)
    conj = g["conj"].strip()
    if not y1 < y2 <= y1 + 100 or (conj == "and") != (g.get("pre", "").lower() == "between"):
        return False
    if len(g["y2"]) == 2 and conj in "-–—/" and int(g["y2"]) <= 12:     # "2009-10": a month, or a season?
        return False
    return not _MEASURE_AFTER.match(text, end) and not _UNIT_NOUN_AFTER.match(text, end)


def _ok_month_range(text, start, end, g):
    return g["conj"].strip() != "and" or bool(g.get("y"))     # "in March and May": two dates, left to "month"


ACCEPT = {
    "year_range": _ok_year_range, "month_range": _ok_month_range,
    "month": _ok_month, "year": _ok_year, "short_year": _ok_short_year, "decade": _ok_decade,
    "spelled_decade": _ok_spelled_decade, "season": _ok_season, "noon": _ok_noon, "holiday": _ok_holiday,
    "deictic": _ok_deictic, "clock_part": _ok_clock_part, "weekday": _ok_weekday, "time24": _ok_time24,
    "anaphor": _ok_anaphor, "vague": _ok_vague, "vague_phrase": _ok_vague_phrase,
    "bare_plural": _ok_bare_plural, "duration": _ok_duration, "dur_range": _ok_duration, "set": _ok_set, "freq": _ok_freq,
}

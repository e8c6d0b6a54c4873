"""English words that stand for a country in the news: its name, the name of its people or its
language ("ukrainian", "azeri", "the georgians"), and its capital or seat of power ("what did
ankara say", "the kremlin's line", "kyiv's reaction").

A question names the actor one way and a fact another: "what did the ukrainian authorities do"
of a fact saying "Ukraine's interior ministry", "moscow-appointed officials" of one saying
"Russian-installed". Each such word is read as its country (``country_of``), and the words
that stand for one country are gathered (``country_members``) for the matcher to meet one by
another.

Where the words come from, and why from a library rather than a list of our own: CLDR (through
babel, already a dependency) names every territory in English and says which language is
official where, and with what share of the people; a people's name is its country's name with
a regular ending ("georgian", "iranian", "kazakh"; ``country_names.english_country``), or the
name of the official language of the country where that language is at home ("turkish",
"polish", "greek": the language's most likely territory, where it is official, and official in
few territories, so that "english" and "arabic" name no one country). Those tables are kept up
to date by the Unicode consortium for every country at once, and a hand list would cover only
the countries someone thought of. CLDR has no capitals, though: its time zones are named after
a city, but for only 130 of the 216 territories with one time zone is that the capital
(Turkey's clocks are Istanbul's, Kazakhstan's Almaty's, India's Kolkata's). So the seats of
power are the one list written here: the capitals of the region the bot reports on and of the
powers its news names, and the buildings that stand for a government.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from anyascii import anyascii
from babel import Locale
from babel.core import get_global

from bot.core.country_names import english_country, english_names
from bot.core.folding import fold

# Most territories a language may be official in for its name to name one people: "turkish"
# (Türkiye, Cyprus), "swedish" (Sweden, Finland, Åland) do; "english", "french", "arabic" and
# "russian" (four) do not (and "russian" is Russia's by its ending anyway).
_OFFICIAL_IN_AT_MOST = 3
# Seats of power CLDR does not give (see the module's note): capitals and the buildings that
# stand for their governments, by the country's one-word CLDR name (folded). Only places
# whose name is that government in the news ("Ankara said"), not every large city.
_SEATS: Mapping[str, tuple[str, ...]] = {
    "russia": ("moscow", "kremlin"),
    "ukraine": ("kyiv", "kiev"),
    "belarus": ("minsk",),
    "moldova": ("chisinau", "kishinev"),
    "azerbaijan": ("baku",),
    "armenia": ("yerevan",),
    "georgia": ("tbilisi",),
    "turkiye": ("ankara",),
    "iran": ("tehran",),
    "kazakhstan": ("astana", "akorda"),
    "uzbekistan": ("tashkent",),
    "kyrgyzstan": ("bishkek",),
    "tajikistan": ("dushanbe",),
    "turkmenistan": ("ashgabat",),
    "china": ("beijing",),
    "france": ("paris", "elysee"),
    "germany": ("berlin",),
    "poland": ("warsaw",),
    "israel": ("jerusalem",),
    "lithuania": ("vilnius",),
    "latvia": ("riga",),
    "estonia": ("tallinn",),
    "romania": ("bucharest",),
}
# Language names that are everyday words too ("polish the shoes").
_EVERYDAY_WORDS = frozenset({"polish"})
# Names of a people or a country that CLDR spells otherwise: "azeri" (its language is
# "Azerbaijani"), "turkey" (CLDR now writes "Türkiye"), "turks".
_OTHER_NAMES: Mapping[str, tuple[str, ...]] = {
    "azerbaijan": ("azeri", "azeris"),
    "turkiye": ("turkey", "turks"),
}


@cache
def _languages() -> dict[str, str]:
    """People's names that are their language's (folded, one word) -> the country's name."""
    english = Locale.parse("en")
    territories = get_global("territory_languages")
    likely = get_global("likely_subtags")
    official: dict[str, int] = {}
    for spoken in territories.values():
        for code, info in spoken.items():
            if info.get("official_status") in ("official", "de_facto_official"):
                official[code] = official.get(code, 0) + 1
    names = english_names()
    out: dict[str, str] = {}
    for code, name in english.languages.items():
        subtags = likely.get(code)
        if "_" in code or not subtags or not name.isalpha():
            continue
        home = subtags.split("_")[-1]
        info = territories.get(home, {}).get(code)
        if not info or info.get("official_status") not in ("official", "de_facto_official"):
            continue
        if official.get(code, 0) > _OFFICIAL_IN_AT_MOST:
            continue
        country = fold(english.territories.get(home, ""))
        if country in names:
            out[fold(name)] = country
    return out


# How a people's name is made of its country's, written out for each name: each ending of a
# name with what replaces it ("ukraine" -> "ukrainian", "iran" -> "iranian", "kazakhstan" ->
# "kazakh"), each form kept if ``english_country`` reads it back as that country. Forms no one
# writes ("ukrainan") are kept too: they never meet a fact's word. Both endings of a name in
# "a": "kenya" -> "kenyan", "canada" -> "canadian" (which ``english_country`` reads).
_MADE = (
    ("", ("ian", "i", "ese")),
    ("a", ("an", "ian")),
    ("e", ("ian",)),
    ("y", ("ian",)),
    ("stan", ("",)),
    ("istan", ("",)),
)
_VOWELS = frozenset("aeiouy")


def _people(country: str) -> set[str]:
    out = set()
    for ending, made in _MADE:
        if not country.endswith(ending) or (not ending and country[-1] in _VOWELS):
            continue
        root = country[: len(country) - len(ending)] if ending else country
        for add in made:
            form = root + add
            if form != country and english_country(form) == country:
                out.add(form)
                if not form.endswith(("s", "ese")):
                    out.add(form + "s")  # the people: "ukrainians", "azerbaijanis"
    return out


@cache
def country_members() -> dict[str, frozenset[str]]:
    """Each country (its one-word English name, folded) with every word that stands for it:
    the name, its people's and language's names, its seats of power."""
    members: dict[str, set[str]] = {name: {name} for name in english_names()}
    for name, words in members.items():
        words.update(_people(name))
    for word, country in _languages().items():
        if word not in _EVERYDAY_WORDS:
            members[country].add(word)
            if not word.endswith(("s", "sh", "ese")):
                members[country].add(word + "s")  # "greeks", "tajiks"
    for table in (_SEATS, _OTHER_NAMES):
        for country, seats in table.items():
            members.setdefault(country, {country}).update(seats)
    return {country: frozenset(words) for country, words in members.items()}


@cache
def _word_countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for country, words in country_members().items():
        for word in words:
            out.setdefault(word, country)
    return out


def country_of(word: str) -> str | None:
    """The country a folded English ``word`` stands for ("kyiv", "ukrainian", "ukrainians"
    -> "ukraine"), or None."""
    return _word_countries().get(word)


# The words after a country's word that make it the side that speaks or decides: its
# authorities and people in office ("the ukrainian side", "russian officials", "the
# azerbaijani government", "the georgian pm"). Not its forces: "russian troops left the
# monastery" asks what the troops did, which another side's statement may tell.
_ACTING = (
    "side authorities authority government govt officials official administration ministry "
    "ministries minister president pm premier leader leaders leadership parliament "
    "prosecutors investigators diplomats delegation envoy ambassador embassy spokesman "
    "spokeswoman spokesperson"
).split()
# The second half of a compound that puts a side in office: "Russian-installed",
# "Moscow-appointed", "Kremlin-backed". Not "-held" or "-controlled": "the Ukrainian-held bank"
# is a place.
_CHARGED = "installed appointed backed led run".split()
# Words after which a seat of power is the subject, the government that speaks or acts: a
# question's auxiliary or question word ("what did ankara say", "why is baku angry"), or
# nothing (a clause's start: "Kyiv says ...", "..., Moscow said"). Elsewhere it is a place or
# an object: "flights to Kyiv", "ties with Moscow", "accused Baku".
_SUBJECT_LEADS = frozenset(
    "did does do has have had is was are were will would could can should may might "
    "why how when what where who whom".split()
) | {""}
# Words before a side's office that make it the object of what is said, not who says it:
# "sanctions against Georgian officials", "a letter to the Russian ambassador". Not for "side":
# "on the ukrainian side" is the side itself.
_OBJECT_LEADS = frozenset(
    "against to with at in into on onto from toward towards for about over between among "
    "near around outside across via".split()
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\u2014\u2013\"]")
_ACTING_WORDS = "|".join(_ACTING)
_WORD = re.compile(r"[a-z]+")
_PAIRED = re.compile(r"([a-z]+)\s+(?:and|or|&)\s+([a-z]+)\s+(?:" + _ACTING_WORDS + r")\b")
_ACTOR = re.compile(
    r"([a-z]+)(?:(?P<possessive>['\u2019]s(?:\s+[a-z]+)?\s+(?:"
    + _ACTING_WORDS
    + r"))\b|-(?P<charged>"
    + "|".join(_CHARGED)
    + r")\b|\s+(?P<acting>"
    + _ACTING_WORDS
    + r")\b)?"
)


def actors_named(text: str) -> list[str]:
    """The countries ``text`` names as a side that speaks or decides, each once, in order: by
    a word of office after it, possessive or not ("Ukraine's interior ministry", "the ukrainian
    side", "azeri officials"; not "Russia's Kursk region"), a compound ("Russian-installed"),
    or its seat of power as a subject (``_SUBJECT_LEADS``: "Ankara said", "what did ankara
    say", but not "flights to Ankara" nor "ties with Ankara")."""
    out: list[str] = []
    plain = (text if text.isascii() else anyascii(text)).lower()
    if _word_countries().keys().isdisjoint(_WORD.findall(plain)):
        return out  # most texts name no country: read no further
    seats = _seat_words()
    before = ""
    end = 0
    for match in _ACTOR.finditer(plain):
        word = match.group(1)
        if _CLAUSE_BREAK.search(plain, end, match.start()):
            before = ""
        country = country_of(word)
        acting = match.group("possessive") or match.group("charged") or match.group("acting")
        if acting and before in _OBJECT_LEADS and match.group("acting") != "side":
            acting = None
        side = acting or (word in seats and before in _SUBJECT_LEADS)
        if country is not None and country not in out and side:
            out.append(country)
        if word != "the":  # "to the kremlin" is a place, "is the kremlin's line" a subject
            before = word
        end = match.end()
    for match in _PAIRED.finditer(plain):
        # "the moldovan and romanian authorities": both are sides.
        for word in match.groups():
            country = country_of(word)
            if country is not None and country not in out:
                out.append(country)
    return out


@cache
def _seat_words() -> frozenset[str]:
    return frozenset(word for seats in _SEATS.values() for word in seats)

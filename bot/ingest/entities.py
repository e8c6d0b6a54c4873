"""Named entities without a model: capitalised word sequences, with demonyms folded to places.

"Russian", "Russia's" and "Russia" are one entity (Russia) when the article names Russia;
"Azerbaijani" becomes Azerbaijan the same way. Good enough for tags and for finding the two
parties an article is about; moderators review every draft.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from babel import Locale

from bot.core.filler_words import STOPWORDS
from bot.core.language import english_frequency

# A capitalised word (Nagorno-Karabakh, McDonald, U.S., Belém, COP29) possibly with a
# possessive. Letters beyond ASCII and digits belong to the word: with ASCII letters only,
# "Belém" was cut to "Bel", "António" to "Ant" and "COP29" to "COP", tags no reader types.
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][^\W_]*(?:[-.][^\W_]+)*\.?)"
_ENTITY = re.compile(rf"{_CAP}(?:\s+(?:of\s+|the\s+|de\s+)?{_CAP})*")
_POSSESSIVE = re.compile(r"'s?$")
# Capitalised words that start sentences or name days and months: not entities on their own.
_NOT_ENTITIES = frozenset(
    """
    A An The This That These Those It Its In On At By For From With Without After Before During
    Despite However Meanwhile Moreover Furthermore Additionally Also Still Nevertheless Yet But And
    Or So Then Two Three Four Five Several Some Many Most Both Each Every Other Another One Mr Mrs
    Ms Dr He She They We I You His Her Their Our My Your As If While When Where Why How What Who
    Which Whose Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Read More Click Share
    """.split()
)


# Words that end a body's or a place's name, never a person's ("Civic Party", "Foreign Ministry").
NOT_PERSON_WORDS = frozenset(
    """Ministry Committee Court Council Union Party Parliament Assembly Agency Service Services
    Bank Company Group Conference Nations Republic Organisation Organization Treaty Agreement Act
    Law Avenue Street Square Sea River Lake Mountains Mountain Region Province City Hall
    University Airport Station Dream Front Movement Forces Army Police Guard Office Department
    Commission Fund Association Institute Centre Center Museum Cathedral Mosque Church Palace
    Kremlin House Times Post News Press Television Radio Channel Federation Kingdom States
    Emirates Islands Island Valley District Oblast Krai Airlines Railways Corporation Holding
    Media Network Club Games Cup League Prize Award Day Week Year Agents Registration Article
    Accord Pact Bay Gulf Strait Canal Peninsula Desert Plain Basin Coast""".split()
)


def _given_names(mentions: Iterable[str]) -> frozenset[str]:
    """First words of a person's two- or three-word name in the article ("Armen" of "Armen
    Sarkissian"): a first name written alone is that person, not a people whose land adds
    "-ia" ("Gagauz" -> Gagauzia). A body's or a place's name ("Gagauz People Assembly") is no
    person's, nor is one ending in an everyday English word ("Gagauz People")."""
    found: set[str] = set()
    for mention in mentions:
        words = mention.split()
        if (
            2 <= len(words) <= 3
            and words[-1] not in NOT_PERSON_WORDS
            and english_frequency(words[-1].lower()) < _EVERYDAY
        ):
            found.add(words[0])
    return frozenset(found)


# How often a word is written in general English to be an everyday word rather than a surname
# (wordfreq: "people" 2e-3, "republic" 4e-5; "Sarkissian", "Petrov" are not listed).
_EVERYDAY = 1e-5


def raw_entities(sentence: str) -> list[str]:
    """Capitalised sequences of ``sentence`` ("Russian Foreign Ministry", "Yekaterinburg")."""
    out: list[str] = []
    for match in _ENTITY.finditer(sentence):
        words = [_POSSESSIVE.sub("", w) for w in match.group().split()]
        if words and words[-1].endswith(".") and words[-1].count(".") == 1:
            words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation (U.S.)
        while words and (words[0] in _NOT_ENTITIES or words[0].lower() in STOPWORDS):
            words.pop(0)
        while words and words[-1].lower() in STOPWORDS:
            words.pop()
        if words:
            out.append(" ".join(words))
    return out


class EntityIndex:
    """The entities of one article, counted, with demonyms mapped to the places they name."""

    def __init__(self, sentences: Iterable[str]) -> None:
        sentences = list(sentences)
        lower_words = {w for s in sentences for w in re.findall(r"\b[a-z][a-z-]+\b", s)}
        mentions = [
            entity
            for sentence in sentences
            for entity in raw_entities(sentence)
            # A capitalised word the article also writes in lower case starts a sentence.
            if " " in entity or not {entity.lower(), entity.lower() + "s"} & lower_words
        ]
        standalone = {e for e in mentions if "-" not in e}
        counts: Counter[str] = Counter()
        self._parts: dict[str, list[str]] = {}
        for entity in mentions:
            counts.update(self._split(entity, standalone))
        singles = {e for e in counts if " " not in e}
        given = _given_names(mentions)
        self._root: dict[str, str] = {}
        for entity in counts:
            self._root[entity] = self._place_of(entity, singles, given)
        self._lower_words = lower_words
        self.counts: Counter[str] = Counter()
        self._first: dict[str, int] = {}
        for index, entity in enumerate(mentions):
            for part in self._parts.get(entity, [entity]):
                self._first.setdefault(self.root(part), index)
        for entity, count in counts.items():
            self.counts[self.root(entity)] += count

    def _split(self, entity: str, standalone: set[str]) -> list[str]:
        """Russian-Azerbaijani is two entities when both are named alone; Nagorno-Karabakh one."""
        parts = re.split(r"-(?=[A-Z])", entity)
        if len(parts) > 1 and all(
            any(other.startswith(part[:-3] or part) for other in standalone) for part in parts
        ):
            self._parts[entity] = parts
            return parts
        return [entity]

    @staticmethod
    def _place_of(word: str, singles: set[str], given: frozenset[str] = frozenset()) -> str:
        """Russian -> Russia, Azerbaijani -> Azerbaijan, Armenians -> Armenia, if named."""
        if " " in word:
            return word
        if word + "stan" in singles:
            return word + "stan"  # Kazakh -> Kazakhstan, Uzbek -> Uzbekistan
        if word + "ia" in singles and word not in given:
            # Gagauz -> Gagauzia; but Armen (of Armen Sarkissian) is a man, not a people.
            return word + "ia"
        if word.endswith("ia") and word[:-2] in singles:
            # "Gagauzia" is the land and "Gagauz" its people: the land is not filed under
            # the shorter word, as "Russian" is under "Russia" (else a headline's "Gagauzia's
            # leader" names no place, and the story is set in the next place it names).
            return word
        for cut in range(1, 4):
            stem = word[:-cut]
            if len(stem) >= 4 and stem in singles:
                return stem
        return word

    def root(self, entity: str) -> str:
        first, *rest = entity.split(" ")
        if rest:
            return entity
        return self._root.get(first, first)

    def entities_in(self, sentence: str) -> list[str]:
        """The entities of ``sentence``, demonyms folded, first mention first, no repeats."""
        found: dict[str, None] = {}
        for entity in raw_entities(sentence):
            if " " not in entity and {entity.lower(), entity.lower() + "s"} & self._lower_words:
                continue
            for part in self._parts.get(entity, [entity]):
                found.setdefault(self.root(part), None)
        return list(found)

    def written_names(self) -> set[str]:
        """Every entity word as the article writes it, adjectives of places too ("Crimean",
        "Ukrainian" beside "Crimea", "Ukraine"): "Crimean bridge" is a name as written, though
        ``counts`` files it under Crimea."""
        return {w for e in self._root for w in re.split(r"[\s-]", e)}

    def has_demonym(self, place: str) -> bool:
        """Does the article name ``place`` by a demonym too ("Georgian", "Kazakh")? Then it is
        a country (or a people's land), not a city."""
        return any(word != place and root == place for word, root in self._root.items())

    def demonyms(self, place: str) -> list[str]:
        """The words the article names ``place``'s people by ("Kazakh" for Kazakhstan)."""
        return [w for w, root in self._root.items() if root == place and w != place]

    def main_pair(self) -> tuple[str, str] | None:
        """The two single-word entities the article names most (the parties of a dispute)."""
        singles = [(e, n) for e, n in self.counts.most_common() if " " not in e and n >= 2]
        if len(singles) < 2:
            return None
        first, second = sorted((singles[0][0], singles[1][0]), key=lambda e: self._first.get(e, 0))
        return first, second


@cache
def _place_names() -> frozenset[str]:
    # Babel's CLDR territory names (it comes with trafilatura, through courlan): every country
    # and region in English, kept up to date by the Unicode consortium rather than by a list
    # of our own that would miss "Nigeria" or "Argentina".
    names = Locale("en").territories.values()
    return frozenset(n for n in names if " " not in n)


def is_place_name(word: str) -> bool:
    """Is ``word`` a country's or region's name ("Nigeria", "Argentina")? Such a word keeps
    its capital wherever it stands, even when the article only writes it first."""
    return word in _place_names()


def is_demonym(word: str) -> bool:
    """Is ``word`` the people of a country or region, as the article's demonyms are read
    ("Kyrgyz" of Kyrgyzstan, "Armenian" of Armenia, "Azerbaijani" of Azerbaijan)? It keeps
    its capital wherever it stands, as the place's name does."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    if is_place_name(word + "stan") or is_place_name(word + "istan"):
        return True  # Kazakh, Tajik
    # Ukrainian -> Ukraine, Chinese -> China, German -> Germany, Italian -> Italy
    for ending, place in (("ian", "e"), ("ese", "a"), ("", "y"), ("ian", "y")):
        if word.endswith(ending) and is_place_name(word[: -len(ending)] + place):
            return True
    return any(len(word) - cut >= 4 and is_place_name(word[:-cut]) for cut in range(1, 4))

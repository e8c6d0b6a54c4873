"""The people an article names: each full name, the surname a later sentence may use alone,
and the title the article first gives ("President Kassym-Jomart Tokayev"), so that a fact
naming "Tokayev" alone can say who he is. Also the word lists that tell a person's name from a
sentence opener or a quantifier ("Many Georgians").
"""

from __future__ import annotations

import re

from bot.ingest.entities import NOT_PERSON_WORDS, EntityIndex, is_place_name
from bot.ingest.lexicon import zipf

TITLES = re.compile(
    r"^(?:(?:UN|US|EU|Former|Acting|Deputy|Vice)\s+)*(?:President|Prime Minister|Minister|"
    r"Foreign Minister|Secretary of State|Secretary-General|Secretary|Chancellor|King|Queen|"
    r"Pope|General|Gen|Colonel|Judge|Mayor|Governor|Senator|Ambassador|Patriarch|Sheikh|Emir|"
    r"Speaker|Chairman|Chairwoman|Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:chief|minister|president|spokesman|spokeswoman|spokesperson|leader|head|envoy|"
    r"ambassador|commander|secretary|speaker|premier|mayor|governor|billionaire|businessman|"
    r"activist|journalist|editor|editor-in-chief|lawyer|director|founder|politician|blogger|"
    r"judge|prosecutor|dissident|writer|reporter|opposition figure|general)\s*,?\s*$"
)
NOT_FIRST_NAMES = frozenset(
    """North South East West Northern Southern Eastern Western Central New Old United European
    Upper Lower Greater Saint St Lake Mount Cape Port Fort Great Little Middle Far Near Inner
    Outer Royal National Federal Islamic Arab Soviet Russian American British Chinese
    Georgian Azerbaijani Armenian Kazakh Turkish Iranian Ukrainian""".split()
)
# Determiners and quantifiers, which open a noun phrase and never a person's name.
_QUANTIFIERS = frozenset(
    """several some many most few all both each every other another any no such these those
    numerous various""".split()
)
# Capitalised words that open a sentence or a time phrase ("Late on Sunday Stoianoglo"), never
# a first name.
SENTENCE_OPENERS = frozenset(
    """In On At By For From With After Before During Since Until Under Over Near Outside Inside
    Across Among Between Despite Following Amid The A An This That These Those When While As
    If Late Early Later Earlier Last Next Hours Days Weeks Months Years Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December""".split()
)


def article_people(
    texts: list[str], entities: EntityIndex
) -> tuple[dict[str, str], dict[str, str]]:
    """Each person the article names, by full name and by surname alone; and each full name
    with its title, where the article gives one."""
    joined = " ".join(texts)
    singles = {e for e in entities.counts if " " not in e}
    people: dict[str, str] = {}
    titles: dict[str, str] = {}
    for text in texts:
        for match in re.finditer(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*", text):
            raw, start = match.group(), match.start()
            titled = TITLES.match(raw)
            if titled is None and (inner := _inner_title(raw)) is not None:
                # "European President Maia Sandu" (after "pro-"): a title inside the run of
                # capitals says who follows; the words before it are no part of the name.
                raw, start = raw[inner:], start + inner
                titled = TITLES.match(raw)
            name = raw[titled.end() :] if titled else raw
            while titled is not None and (again := TITLES.match(name)) is not None:
                name = name[again.end() :]  # "President Judge Piotr Hofmanski"
            name = re.sub(r"'s$", "", name.rstrip(".,;:")).strip()
            words = name.split()
            if words and words[0] in SENTENCE_OPENERS:
                # "In Moscow, Kremlin spokesman ...": the preposition is capitalised only
                # because it opens the sentence; "In Moscow" is nobody, and taking it for a
                # person wrote every later "Moscow" as "In Moscow".
                continue
            if not 2 <= len(words) <= 3 or any(w in NOT_PERSON_WORDS for w in words):
                continue
            if words[0] in NOT_FIRST_NAMES or not all(w[:1].isupper() for w in words):
                continue
            if words[0].lower() in _QUANTIFIERS:
                # "Several Western governments": a quantifier before an adjective, no name;
                # taken for one, every later "Western" was written out as "Several Western".
                continue
            if "of" in words or any(re.search(r"'s$", w) for w in words[:-1]):
                continue  # "Georgia's EU path": a possessive inside is no one's name
            if any(entities.has_demonym(w) or w in _DEMONYM_PLACES for w in words):
                continue  # "Sputnik Azerbaijan": a country in it, no person
            before = text[:start]
            role = titled is not None or _ROLE_BEFORE.search(before) is not None
            surname_alone = words[-1] in singles and re.search(
                rf"(?<![A-Z][a-z]\s)\b{re.escape(words[-1])}\b(?!\s+[A-Z])", joined
            )
            if not role and re.search(_PLACE_BEFORE + rf"{re.escape(name)}\b(?!\s+[A-Z]|['’]s)",
                                      joined):  # fmt: skip
                # "its hydroelectric station at Nova Kakhovka": somewhere, not someone.
                continue
            if role or surname_alone or (raw == name and _rare(words)):
                people.setdefault(name, name)
                people.setdefault(words[-1], name)
                if titled is not None and people[name] == name:
                    titles.setdefault(name, f"{titled.group().strip()} {name}")
    return people, titles


# What stands before a place's name: "in", "near", "outside", and "at" right after a noun
# ("the station at Nova Kakhovka"); not after a verb or an aside ("crowds chanted at ...",
# '... - "Old man, go!" - at Nursultan Nazarbayev').
_PLACE_BEFORE = r"\b(?:in|near|outside|around|(?<=[a-z]\s)(?<!ed\s)at)\s+"


def _inner_title(raw: str) -> int | None:
    """Where a title starts inside a run of capitals ("European President Maia Sandu": 9)."""
    for inner in re.finditer(r"\s(?=[A-Z])", raw):
        if TITLES.match(raw[inner.end() :]):
            return inner.end()
    return None


def untitled(entity: str) -> str:
    """``entity`` without a title before a name, wherever the title stands in it:
    "President Ilham Aliyev" and "Western President Grace Okonkwo" name the person alone."""
    inner = _inner_title(entity)
    if inner is not None:
        entity = entity[inner:]
    while (titled := TITLES.match(entity)) is not None and entity[titled.end() :]:
        entity = entity[titled.end() :]
    return entity


_DEMONYM_PLACES = frozenset(
    """Russia Azerbaijan Armenia Georgia Kazakhstan Ukraine Turkey Iran Uzbekistan Kyrgyzstan
    Tajikistan Turkmenistan Belarus Moldova China India Europe America""".split()
)


def _rare(words: list[str]) -> bool:
    """Two words no English text uses much: a name from elsewhere ("Bidzina Ivanishvili")."""
    return all(zipf(w.lower()) < 3.0 for w in words)


def own_first_name(before: str) -> bool:
    """Does ``before`` end on a first name of the surname after it ("lawmaker Akylbek " before
    "Japarov")? Then the person is named whole already, and may be another one than the
    article's other bearer of that surname (President Sadyr Japarov): not a title ("President
    "), a place ("Bishkek "), a word opening a sentence ("On ") or a demonym ("Russian ")."""
    last = re.search(r"(?:^|\s)(?P<word>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+$", before)
    if last is None:
        return False
    word = last["word"]
    return not (
        TITLES.match(f"{word} ")
        or word in SENTENCE_OPENERS | NOT_FIRST_NAMES
        or is_place_name(word)
    )

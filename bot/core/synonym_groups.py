"""Synonym groups as the analyser reads them: the knowledge base's groups joined with the
everyday news ones (``news_words``), an English phrase's first word matched in its
inflections, and a Russian or Azerbaijani member by its stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from bot.core import russian_lemmas
from bot.core.az_nouns import az_stem
from bot.core.english_stems import stem
from bot.core.folding import fold, translit
from bot.core.news_words import IRREGULAR_FORMS, NEWS_SYNONYMS, OWN_SENSE
from bot.core.other_stems import other_words, russian_stem, stem_in
from bot.core.remembered_texts import REMEMBERED_TEXTS


def with_news_synonyms(groups: Iterable[Sequence[str]]) -> list[Sequence[str]]:
    """The knowledge base's synonym groups after the everyday news ones (``news_words``): a
    news group sharing a word with one of the knowledge base's joins it (the curator's head
    word stands); the rest come first, so that a word in both keeps the curator's meaning."""
    own = [list(group) for group in groups]
    keys = [{_group_key(member) for member in group} for group in own]
    separate: list[Sequence[str]] = []
    for news_group, news_keys in zip(NEWS_SYNONYMS, _news_keys(), strict=True):
        for group, group_keys in zip(own, keys, strict=True):
            if not news_keys.isdisjoint(group_keys):
                group.extend(m for m in news_group if _group_key(m) not in group_keys)
                group_keys.update(news_keys)
                break
        else:
            separate.append(news_group)
    return [*separate, *own]


@cache
def _news_keys() -> tuple[frozenset[str], ...]:
    """The keys of each news synonym group's members: the same for every knowledge base, and
    read again for every analyser made (each test's knowledge base, each reload with new
    synonyms), where folding and stemming the news groups' members was a sixth of making one."""
    return tuple(frozenset(_group_key(member) for member in group) for group in NEWS_SYNONYMS)


@lru_cache(maxsize=REMEMBERED_TEXTS)
def _group_key(member: str) -> str:
    return " ".join(
        w if w in OWN_SENSE else stem(IRREGULAR_FORMS.get(w, w)) for w in fold(member).split()
    )


def inflected_pattern(word: str) -> str:
    """A pattern for ``word`` and its regular inflections, as the first word of a phrase in a
    synonym group is a verb more often than not: "cool off" is also "cooled off", "cooling
    off", "cools off"; "ease off" "eased off"; "dig in" "digging in". Irregular forms ("blew
    up", "dug in") are listed in the group."""
    if len(word) < 3 or not word.isalpha():
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(word) + f"(?:s|es|ed|ing|{word[-1]}ed|{word[-1]}ing)?"


def add_other_member(
    member: str,
    language: str,
    head: str,
    table: dict[str, str],
    phrases: list[tuple[re.Pattern[str], str]],
    nouns: dict[str, set[str]],
) -> None:
    """A Russian or Azerbaijani synonym: its transliterated form and its stem (inflected
    forms: "Екатеринбурге") name the group in ``table``; a phrase, put in ``phrases``,
    matches each word's stem as a prefix. A Russian noun's dictionary form is kept in
    ``nouns`` under its stem (``Analyzer._by_stem``)."""
    parts = other_words(member, language)
    if not parts:
        return
    if len(parts) == 1:
        table[translit(parts[0])] = head
        stemmed = translit(stem_in(parts[0], language))
        if len(stemmed) >= 3 and table.setdefault(stemmed, head) == head and language == "ru":
            # A member that is no noun ("виноват") meets every word of its stem ("").
            noun = russian_lemmas.noun_form(parts[0])
            nouns.setdefault(stemmed, set()).add(noun or "")
        return
    # Each word's stem as written, which its other forms start with ("москв" of "Москва"
    # and "Москве"), not its dictionary form's.
    # (An Azerbaijani word by ``az_stem``, in the letters the text's words are matched in, even
    # where ``stem_in`` reads it as a Russian name: "qafqaz" of "cənubi qafqaz".)
    written = russian_stem if language == "ru" else az_stem
    prefixes = [re.escape(written(part)) + r"\w*" for part in parts]
    phrases.append((re.compile(r"\b" + r"\s+".join(prefixes)), head))

"""The nouns an English question asks about: those of a noun phrase its question word asks
about ("why was the stadium in mingachevir closed": stadium; "who is the new mayor": mayor;
"which theatre"), and the noun phrase an "of" joins to one ("the population of qabala": qabala),
not one of the scene ("in the first place", "after the vote"), nor a
referent's own property ("his record", "its size").

A question whose thing asked about no fact mentions is about something else, however well its
place, verb and question word match (``Matcher._unknown_thing``). Only nouns count: a verb no
fact has ("why was the bridge yanked") is most often a paraphrase of the fact's own, and nouns
are what a determiner opens. No tagger is loaded (see ``bot.ingest.lexicon``); a question is
short and regular enough for these rules.
"""

from __future__ import annotations

from bot.core.chat_expansion import expand_chat
from bot.core.english_stems import has_everyday_adverb
from bot.core.filler_words import FILLER, STOPWORDS
from bot.core.focus_words import QUESTION_WORDS
from bot.core.folding import fold
from bot.core.news_words import IRREGULAR_FORMS

# What opens a noun phrase asked about: an article ("his record", "its size" ask a property of
# a referent the question already names, which is what it is about).
_DETERMINERS = frozenset("the a an".split())
# Words between the question word and the noun phrase asked about: "is", "did", "happened to".
_BETWEEN = 2
# Do-support and modals: after them the noun phrase is followed by the verb's base form ("why
# did the city ban it"), which is no part of the phrase.
_BASE_VERB_BEFORE = frozenset("did does do will would can could should must may might".split())
# Words of a noun phrase after its opener: a modifier or two and the head.
_PHRASE_WORDS = 3


def asked_things(question: str) -> frozenset[str]:
    """The folded nouns of the noun phrases ``question`` asks about: opened by "which", or by
    an article right after a question word (chat spellings read as the words they stand for)."""
    words = expand_chat(fold(question)).split()
    found: set[str] = set()
    for index, word in enumerate(words):
        if word != "which" and (word not in _DETERMINERS or not _asked_at(words, index)):
            continue
        phrase = _phrase_at(words, index + 1)
        complement = _complement(words, index + 1 + len(phrase))
        base_verb = not _BASE_VERB_BEFORE.isdisjoint(words[:index])
        last = complement or phrase
        if base_verb and len(last) > 1:
            last.pop()  # "what did the mayor (of shaki) say": "say" is the verb
        found.update(filter(_noun, phrase + complement))
    return frozenset(found)


def _phrase_at(words: list[str], start: int) -> list[str]:
    """The words of the noun phrase starting at ``start``: up to ``_PHRASE_WORDS`` words that
    can stand inside one."""
    phrase: list[str] = []
    for following in words[start : start + _PHRASE_WORDS]:
        if not _phrase_word(following):
            break
        phrase.append(following)
    return phrase


def _complement(words: list[str], start: int) -> list[str]:
    """The noun phrase an "of" at ``start`` joins to the one asked about: what "the population
    of khankendi", "the mayor of shaki" or "the name of the prison" is of, which the question
    is as much about as the property it asks (a fact on another town's population does not
    tell this one's)."""
    if words[start : start + 1] != ["of"]:
        return []
    start += 1
    if words[start : start + 1] and words[start] in _DETERMINERS:
        start += 1
    return _phrase_at(words, start)


def _asked_at(words: list[str], index: int) -> bool:
    """Whether the noun phrase opening at ``index`` is what a question word asks about: it
    follows the question word, at most a verb or two between ("why was the stadium ...", "who
    is the mayor", "what happened to the bridge"). A noun phrase further on, or one in a
    sentence that asks nothing ("explain the angle", "is there a risk that ..."), may name an
    aspect or the scene as often as the thing asked about."""
    for between, word in enumerate(reversed(words[:index])):
        if word in QUESTION_WORDS:
            return True
        if word in _DETERMINERS or between == _BETWEEN:
            return False
    return False


def _phrase_word(word: str) -> bool:
    """Can ``word`` stand inside a noun phrase (not a function word, a past or -ing form)?"""
    return (
        word.isalpha()
        and word not in STOPWORDS
        and word not in IRREGULAR_FORMS
        and not word.endswith(("ed", "ing"))
    )


def _noun(word: str) -> bool:
    """Is ``word`` (of a noun phrase) a noun: no filler, adverb or adjective?"""
    return (
        len(word) > 2
        and word not in FILLER
        and not word.endswith("ly")
        and not has_everyday_adverb(word)
    )

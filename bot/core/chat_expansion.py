"""Chat spellings read as the words they stand for, in folded English text: the table
(``chat_words``: "ppl" -> people, "lol" -> nothing), the rules (``chat_spellings``: "every1"),
a dropped final g ("payin" -> paying), a question word's contraction ("when's" -> when
is), "the pm" as the prime minister, and idioms that only
say how one asks ("what's the deal with", "fill me in").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.chat_spellings import respelled
from bot.core.chat_words import CHAT_WORDS
from bot.core.contractions import written_out
from bot.core.folding import fold
from bot.core.language import english_frequency
from bot.core.remembered_texts import REMEMBERED_TEXTS


@lru_cache(maxsize=REMEMBERED_TEXTS)
def chat_folded(question: str) -> str:
    """``expand_chat(fold(question))``, remembered: a question's focus, its terms and its
    clause of time each read it so, and a new question paid for folding it and reading its
    chat spellings three times over. For questions: a fact's texts, read once when indexed,
    would only crowd them out."""
    return expand_chat(fold(question))


def expand_chat(folded: str) -> str:
    """Folded text with chat spellings replaced by the words they stand for, and a dropped
    final g put back ("payin" -> "paying", "goin" -> "going"); a question word's contraction
    written out ("when s" -> "when is": ``contractions``)."""
    folded = written_out(folded)
    if " pm" in folded and _PRIME_MINISTER.search(folded):
        # "the pm", "the new pm", "armenia's pm": the prime minister the facts write out;
        # "at 5 pm" stays the afternoon.
        folded = _PRIME_MINISTER.sub(r"\1 prime minister", folded)
    words = folded.split()
    dropped = [word for word in words if word.endswith("in") and len(word) >= 4]
    respellings = list(map(respelled, words))
    if (
        _CHAT_KEYS.isdisjoint(words)
        and not any(_g_dropped(word) for word in dropped)
        and not any(respellings)
    ):
        return _without_idioms(folded)
    # The table first ("tho" is "though"); a spelling read by rule may land on a table word
    # ("omggg" -> "omg" -> nothing).
    out = [
        CHAT_WORDS.get(word, word)
        if spelled is None or word in CHAT_WORDS
        else " ".join(CHAT_WORDS.get(part, part) for part in spelled.split())
        for word, spelled in zip(words, respellings, strict=True)
    ]
    return _without_idioms(
        " ".join(word + "g" if _g_dropped(word) else word for word in out if word)
    )


def _without_idioms(text: str) -> str:
    """``text`` without the idioms that only say how one asks: "what's the deal with" asks what
    is going on (its "deal" is no agreement: "what's the deal with baku and moscow" asks for no
    pact), and "fill me in", "catch me up", "bring me up to speed", "walk me through", "break it
    down" ask to be told (no filling, catching or breaking: "break" is "break away")."""
    if " deal " in text:
        text = _DEAL_WITH.sub(r"\1 with", text)
    if " me " in text or " us " in text or " down" in text:
        text = _TELL_ME.sub(" ", text)
    return text


# "what's the deal with", "whats the deal w/" (the chat words read first), "what is the deal
# with", folded.
_DEAL_WITH = re.compile(r"\b(what (?:s|is)) the deal (?:with|w)\b")
# Asking to be told, as Russian's "введите в курс дела" (``FILLER_PHRASES``).
_TELL_ME = re.compile(
    r"\b(?:(?:fill|clue) (?:me|us) in|catch (?:me|us) up|(?:bring|get) (?:me|us) up to speed"
    r"|walk (?:me|us) through|break (?:it|this|that) down)\b"
)


@lru_cache(maxsize=20_000)
def _g_dropped(word: str) -> bool:
    """Whether ``word`` is an "-ing" word typed without its g: far commoner with the g
    ("payin" -> "paying", "sayin" -> "saying") and common then. Words and names of their own
    stay ("putin", "kremlin", "within", "thin": "thing" is commoner, but not by that much)."""
    if not word.endswith("in") or len(word) < 4:
        return False
    with_g = english_frequency(word + "g")
    return with_g >= _COMMON_WORD and with_g >= _G_DROPPED_RATIO * english_frequency(word)


# One in 200,000 English words is common; a word typed without its g is rarer than the word
# with it by far more than "thin" is than "thing" (17 times).
_COMMON_WORD = 5e-6
_G_DROPPED_RATIO = 30.0


_CHAT_KEYS = frozenset(CHAT_WORDS)
_PRIME_MINISTER = re.compile(r"\b(the|a|new|former|acting|interim|deputy|ex|s|their|its)\s+pm\b")

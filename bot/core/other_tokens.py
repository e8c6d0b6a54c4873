"""A Russian or Azerbaijani question's words as the analyser reads them: chat spellings and
abbreviations read as the words they stand for (Russian words spelled as said, by rule:
``russian_chat_spellings``), Russian indefinite pronouns ("кто-то") left out, a soft sign typed
for a hard one put right, set phrases of asking dropped, and Azerbaijani "nə oldu" read as "what
happened".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.core import latin_russian
from bot.core.chat_words import OTHER_CHAT_WORDS
from bot.core.filler_words import FILLER_PHRASES
from bot.core.language import az_plain, plain_lower
from bot.core.other_stems import frequency_in, other_words, stem_in
from bot.core.russian_chat_spellings import respelled


def other_tokens(
    text: str, language: str, kept: frozenset[tuple[str, ...]] = frozenset()
) -> list[str]:
    """The lower-cased words of ``text`` in ``language``, chat spellings and abbreviations read
    as the words they stand for ("чё" -> "что", "СК" -> "следственный комитет"), without the
    set phrases that only say how one asks ("в общих чертах": ``FILLER_PHRASES``), but for
    those in ``kept`` (as ``filler_key`` gives them): a synonym group that lists one reads it
    as its term, as English reads "outline" and "in a nutshell" as a request for a summary."""
    table = OTHER_CHAT_WORDS.get(language, {})
    out: list[str] = []
    if language == "ru":
        text = without_indefinites(text)
    words = other_words(text, language)
    if language == "ru":
        words = [_hard_sign(word) for word in words]
    phrases = _dropped_phrases(language, kept)
    if phrases and len(words) > 1:
        words = _without_phrases(words, phrases, az_plain if language == "az" else None)
    for word in words:
        key = az_plain(word) if language == "az" else word
        meant = table.get(key)
        if meant is None and language == "ru":
            # Spelled as said ("пачему", "што", "чтооо"): read as the word it stands for.
            word = key = respelled(word) or word
            meant = table.get(key)
        if meant is None and language == "ru" and len(word) > 4:
            meant = _inflected_chat_words().get(stem_in(word, "ru"))
        if meant is None:
            out.append(word)
        else:
            out.extend(meant.split())
    if language == "az" and len(out) > 1:
        # After the chat spellings: "noldu" is "nə oldu".
        out = _what_happened(out)
    return out


def filler_key(phrase: str, language: str) -> tuple[str, ...]:
    """``phrase`` as ``FILLER_PHRASES`` holds its words: lower-cased, and Azerbaijani as typed
    without its letters ("ümumi şəkildə" -> ("umumi", "sekilde"))."""
    return tuple(plain_lower(phrase, language).split())


@lru_cache(maxsize=8)
def _dropped_phrases(
    language: str, kept: frozenset[tuple[str, ...]]
) -> tuple[tuple[str, ...], ...]:
    """The set phrases of asking ``other_tokens`` drops in ``language``: all but those a
    synonym group keeps. Worked out once per language, not for every text read."""
    return tuple(p for p in FILLER_PHRASES.get(language, ()) if p not in kept)


def without_indefinites(text: str) -> str:
    """Russian ``text`` (read in Cyrillic when typed in Latin letters) without its indefinite
    pronouns and adverbs ("кто-то", "что-нибудь", "когда-либо", "кое-где", chat's "кто-нить"):
    they are made of a question word and ask nothing ("Пошёл ли кто-то на уступки?" asks
    whether, not who), and say nothing of the topic either. Only the forms that cannot be
    anything else are read so: joined by a hyphen or written as one word, or apart with a
    particle that is no word of its own ("кто нибудь"); "когда то соглашение подписали" asks
    when, and "какая нить" (thread) is a thread."""
    if text.isascii():
        text = latin_russian.to_cyrillic(text)
    return _INDEFINITE.sub(" ", text)


# The question words indefinite pronouns are made of, and their particles: "-то", "-нибудь"
# (typed "-нибуть", "-нибуд", clipped "-нить" in chat), "-либо"; "кое-" before.
_PRONOUNS = (
    r"(?:кто|кого|кому|кем|что|чего|чему|чем|где|когда|куда|откуда|почему|зачем|сколько"
    r"|как|как(?:ой|ая|ое|ие|ого|ую|ом|им|их|ими|ому)|чей|чья|чьё|чье|чьи)"
)
_INDEFINITE = re.compile(
    rf"(?<![\w-]){_PRONOUNS}(?:-?(?:то|нить|нибуд)|[-\s]?(?:нибудь|нибуть|либо))(?![\w-])"
    rf"|(?<![\w-])кое-?{_PRONOUNS}(?![\w-])",
    re.IGNORECASE,
)


def _without_phrases(
    words: list[str],
    phrases: tuple[tuple[str, ...], ...],
    plain: Callable[[str], str] | None,
) -> list[str]:
    """``words`` without the runs of them that are one of ``phrases`` (compared as ``plain``
    gives them, when given: Azerbaijani typed with or without its letters)."""
    keys = [plain(word) for word in words] if plain else words
    out: list[str] = []
    index = 0
    while index < len(words):
        for phrase in phrases:
            if tuple(keys[index : index + len(phrase)]) == phrase:
                index += len(phrase)
                break
        else:
            out.append(words[index])
            index += 1
    return out


def _what_happened(words: list[str]) -> list[str]:
    """Azerbaijani ``words`` with "nə olub" / "nə oldu" (what happened, literally "what has
    been") read as "nə baş verib", as the facts write it: "olmaq" alone is the light verb
    "be", dropped like English's "is". Not "ölüb" (died), which typed plainly is "olub" too:
    "nə" asks what happened, not what died. Not after a subject either: "səbəb nə oldu", "böhranın
    tətiyi nə oldu" ask what the cause, the trigger was (``_has_subject``)."""
    out = list(words)
    for index in range(1, len(out)):
        asked = az_plain(out[index - 1]) == "ne" and az_plain(out[index]) in _HAPPENED
        if asked and not _has_subject(out, index - 1):
            out[index : index + 1] = ["baş", "verib"]
    return out


def _has_subject(words: list[str], asked: int) -> bool:
    """Whether the "nə" at ``asked`` follows the subject of "nə oldu": a noun with no case
    ending ("səbəb", "tətiyi", "nüfuzu"), which makes it "what was (or became of) X". Where
    it follows nothing, an adverb ("indi", "bəs", "sonra") or a noun in an oblique case (the
    place, "Yekaterinburqda", "arasında"; the source, "reyddən"; the one it befell,
    "qardaşlarına"), it asks what happened."""
    if asked == 0:
        return False
    before = az_plain(words[asked - 1])
    if before in _HAPPENED_ADVERBS or not before.isalpha():
        return False
    return not before.endswith(_OBLIQUE_ENDINGS)


# Adverbs of time and manner a "nə oldu" (what happened) follows: "indi nə olub", "bəs nə oldu".
_HAPPENED_ADVERBS = frozenset(
    az_plain(word)
    for word in "indi bəs sonra sonda axırda dünən yenə görəsən birdən orada burada onda".split()
)
# Case endings (typed without special letters) of a noun that is no subject: the locative and
# ablative ("-da", "-dan"), the dative ("-a", "-ya", "-na"), "ilə" written on ("-la").
_OBLIQUE_ENDINGS = ("da", "de", "ta", "te", "dan", "den", "tan", "ten", "a", "e", "la", "le")


# "Has been", "was", "had been", "will be" of "olmaq", as typed with or without the letters.
_HAPPENED = frozenset("olub oldu olmusdu olmusdur olmus olubdur olacaq olur".split())


@lru_cache(maxsize=20_000)
def _hard_sign(word: str) -> str:
    """A Russian word typed with "ь" for the "ъ" after a prefix ("обьясните", "подьезд"),
    as it is spelled, when that spelling is the common word: keyboards and habits mix them."""
    if "ь" not in word or not _SOFT_FOR_HARD.search(word):
        return word
    spelled = _SOFT_FOR_HARD.sub(r"\1ъ\2", word)
    return spelled if frequency_in(spelled, "ru") > frequency_in(word, "ru") else word


# "ь" where "ъ" belongs: after a prefix's consonant, before a vowel that starts the root.
_SOFT_FOR_HARD = re.compile(r"^(об|от|под|над|из|раз|с|в|пред|меж|сверх|суб|ад|кон)ь([еёюя])")


@lru_cache(maxsize=1)
def _inflected_chat_words() -> dict[str, str]:
    """Russian chat words by stem, for their inflected forms: slang declines like any noun
    ("с азерами", "у следаков"), and the table lists one or two forms. Abbreviations and
    words of three letters or fewer are left out: their stems would catch unrelated words."""
    out: dict[str, str] = {}
    for word, meant in OTHER_CHAT_WORDS["ru"].items():
        if len(word) >= 4 and meant and " " not in meant:
            out.setdefault(stem_in(word, "ru"), meant)
    return out

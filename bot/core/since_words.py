"""Russian and Azerbaijani words that ask, or tell, how things stand since the news.

English reads these in ``bot.core.focus`` (``Want.LATER``): "has the ambassador gone back yet"
or "how many arrested so far" asks how things stand since, which a fact telling only of the
event itself does not say; a fact saying "still", "remains", "continues" does. Russian asks it
with "в итоге" (in the end), "уже" (yet, already), "до сих пор", "пока что", "ещё не" (not
yet), "чем закончилось" (what came of it); Azerbaijani with "hələ" (yet, still), "nəhayət" (at
last), "axırda" (in the end), "indiyə qədər" (so far), "nə ilə bitdi" (how did it end).

Not with "artıq": it says "already" ("konsul artıq qayıdıb?"), which English does not read as
asking how things stand, "more" after an ablative ("bundan artıq qızışdırmaq", to heat up any
further) and "no longer" beside a negative ("artıq təsiri yoxdur"), a change a fact on the trend
tells. Russian "уже" stays: in a question asking what it says "so far" ("что уже решили"), which
English reads as asking, and reading it as "already" answered more wrongly than rightly.

A fact's Russian or Azerbaijani answer says so with "продолжает", "до сих пор", "остаётся",
"davam edir", "hələ də", "qalır", which its English answer may put another way ("keeps
escalating").

Questions are read as words (``bot.core.other_tokens``: lower-cased, in their script;
Azerbaijani compared as typed without its special letters), answers as lower-cased text.
"""

from __future__ import annotations

import re

from bot.core.language import az_plain

# Phrases asking how things stand since, as word tuples (Russian with "е" for "ё").
_ASKED_RU = tuple(
    tuple(phrase.split())
    for phrase in (
        "до сих пор",
        "пока что",
        "по прежнему",
        "все еще",
        "так и не",
        "больше не",
        "на сегодня",
        "к настоящему времени",
        "к этому времени",
        "уже",
    )
)
# "In the end": whether something came about later ("посол в итоге вернулся?"), in a question
# asked yes or no; "что в итоге?" asks what the outcome was, which the news itself may tell.
_EVENTUALLY_RU = (("в", "итоге"), ("в", "конце", "концов"), ("в", "конечном", "итоге"))
_ASKING_RU = frozenset(
    "что как какой какая какое какие каков какова кто кого кому когда где куда откуда почему "
    "зачем сколько чем чего".split()
)
# Verbs of ending: "чем закончилось" (what came of it), "закончилось ли" (is it over).
_ENDED_RU = ("закончил", "кончил", "завершил", "обернул")
_ASKED_AZ = tuple(
    tuple(phrase.split())
    for phrase in (
        "hele",
        "helelik",
        "nehayet",
        "axirda",
        "sonda",
        "indiyedek",
        "indiye qeder",
        "bu gune qeder",
        "bu vaxta qeder",
        "indiki halda",
    )
)
# "bitdi" (ended), "nəticələndi" (resulted): asked "nə ilə" (in what) or with "mi" (is it over).
_ENDED_AZ = ("bit", "neticelen")

# An answer that tells how things stand since: continues, still, remains, not yet, to this day.
_SAYS = {
    "ru": re.compile(
        r"\b(?:продолжа\w*|до сих пор|вс[её] ещ[её]|ещ[её] не|пока не|по-прежнему|"
        r"оста[её]тся|остаются|по сей день|так и не)\b"
    ),
    "az": re.compile(
        r"\b(?:davam\w*|hələ|hələlik|indiyədək|indiyə qədər|bu günə qədər|qalır|qalırlar|"
        r"qalmaqdadır|qalmaqda)\b"
    ),
}


def asks_since(words: list[str], language: str) -> bool:
    """Whether a Russian or Azerbaijani question, given as its words, asks how things stand
    since the news ("посол уже вернулся?", "səfir hələ qayıtmayıb?")."""
    if language == "ru":
        keys = [word.replace("ё", "е") for word in words]
        return (
            _has_phrase(keys, _ASKED_RU)
            or (_has_phrase(keys, _EVENTUALLY_RU) and _ASKING_RU.isdisjoint(keys))
            or ("еще" in keys and "не" in keys)  # "ещё не вернулся", "не помирились ещё"
            or any(_ended_ru(keys, index) for index in range(len(keys)))
        )
    if language == "az":
        keys = [az_plain(word) for word in words]
        return _has_phrase(keys, _ASKED_AZ) or any(
            _ended_az(keys, index) for index in range(len(keys))
        )
    return False


def says_since(answer: str, language: str) -> bool:
    """Whether a Russian or Azerbaijani answer tells how things stand since ("кризис
    продолжает обостряться", "səfir hələ də Bakıdadır")."""
    pattern = _SAYS.get(language)
    return pattern is not None and pattern.search(answer.lower()) is not None


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for index in range(len(words)):
        for phrase in phrases:
            if tuple(words[index : index + len(phrase)]) == phrase:
                return True
    return False


def _ended_ru(words: list[str], index: int) -> bool:
    """ "чем закончилось", "закончилось ли": what came of it, whether it is over. Not "когда
    закончилась война", which asks when, as a fact on the end itself says."""
    if not words[index].startswith(_ENDED_RU):
        return False
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before == "чем" or after == "ли"


def _ended_az(words: list[str], index: int) -> bool:
    """ "nə ilə bitdi", "bitibmi": what came of it, whether it is over. Not "nə vaxt bitdi"
    (when did it end)."""
    word = words[index]
    if not word.startswith(_ENDED_AZ):
        return False
    after = words[index + 1] if index + 1 < len(words) else ""
    asked = word.endswith(("mi", "mu")) or after in ("mi", "mu")
    return asked or words[max(0, index - 2) : index] == ["ne", "ile"]

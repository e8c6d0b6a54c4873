"""Questions about a verdict: how long the sentence a named person was given is.

What readers ask of a verdict is its length, in the words of a sentence handed down: "how long
did gutsul get", "how many years is the sentence". Articles state it in shapes whose own
questions never say "sentence": "X received eight years", "was given six and a half years", "a
court jailed X for five years", "gave the longest term, 14 years, to X". The clause questions of
such a sentence ask who did it, or break at the number ("who was sentenced ... to more than
ten"), so a reader's "how long was X's sentence" met the fact by the name alone and a sibling
naming the same person came first. Here each sentence handed to one named person is asked as
readers ask it: "how long was <person>'s sentence", or "what sentence did <person> get" for a
life term.

A sentence that is sought or demanded ("prosecutors asked for nine years") is no verdict, and
one shared by several people ("X and Y were jailed for six and five years") is left to the
clause questions: asked of one of them, the question would give the other's term.
"""

from __future__ import annotations

import re

from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest.time_spans import time_spans_in

_NUMBER = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|thirty)"
)
# A term of years or months ("eight years", "13 and a half years", "more than ten years") or a
# life term.
_TERM = (
    r"(?P<term>life(?:\s+imprisonment|\s+in\s+prison)?\b|"
    r"(?:(?:more\s+than|nearly|almost|over|up\s+to)\s+)?" + _NUMBER + r"(?:\s+and\s+a\s+half)?"
    r"[\s-]+(?:years?|months?)\b)"
)
# A person's name: one to four capitalised words ("Sefilian", "Yevgenia Gutsul").
_NAME = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
# What may stand between a name and its verb: an apposition set off by commas ("Nadezhda
# Suddenok, general director of the mall, received ..."), or the comma closing one that stood
# before it ("His deputy, Nino Sharashidze, received ...").
_APPOSITION = r"(?:,[^,.;]{1,100},|,)?"
# The person is the subject: "X was sentenced ... to N years", "X received N years".
_UNDERGONE = re.compile(
    _NAME
    + _APPOSITION
    # Passive ("was jailed"): an active "X jailed him" names the one who jailed.
    + r"\s+(?:(?:has\s+been|had\s+been|was|is)\s+(?:sentenced|jailed|imprisoned|given)"
    r"|received|got)\b[^.;]{0,80}?\b" + _TERM
)
# The person is the object: "a court sentenced X, ..., to N years", "jailed X for N years";
# the name may follow what the person is: "sentenced the city's former mayor, Levan Kobaidze, to".
_HANDED = re.compile(
    r"\b(?:sentenced|jailed|imprisoned)\s+(?:(?:the|a|an|its|his|her|their)\s+[^,.;]{1,80},\s+)?"
    + _NAME
    + _APPOSITION
    + r"\s+(?:to|for)\s+"
    + _TERM
)
# The term is given to the person: "gave the longest term, 14 years, to X".
_GIVEN_TO = re.compile(
    r"\b(?:gave|handed|handed\s+down)\b[^.;]{0,40}?" + _TERM + r",?\s+(?:in\s+prison\s+)?to\s+"
    r"(?:the\s+(?:[a-z-]+\s+){0,3})?" + _NAME
)
# A term that is asked for, not given.
_SOUGHT = re.compile(
    r"\b(?:sought|seeks?|seeking|asked\s+for|demanded|requested|faces?|facing|could\s+get)\b",
    re.IGNORECASE,
)
# A name right after another and "and" is one of several people sharing the sentence.
_IN_A_LIST = re.compile(r"\band\s*$")
_AFTER_THE_NAME = re.compile(r"^\s+and\s+[A-Z]")


def verdict_questions(text: str) -> list[str]:
    """ "how long was yevgenia gutsul's sentence": one question for each person ``text`` says
    was given a prison term, in the order it names them; nothing for a term sought."""
    if _SOUGHT.search(text):
        return []
    found: list[tuple[int, str, str]] = []
    for pattern in (_UNDERGONE, _HANDED, _GIVEN_TO):
        for match in pattern.finditer(text):
            if _IN_A_LIST.search(text[: match.start("name")]) or _AFTER_THE_NAME.match(
                text[match.end("name") :]
            ):
                continue
            name = _person(match["name"])
            if name:
                found.append((match.start(), name, match["term"].lower()))
    asked: dict[str, None] = {}
    for _, name, term in sorted(found):
        if term.startswith("life"):
            asked.setdefault(f"what sentence did {name} get", None)
        else:
            asked.setdefault(f"how long was {name}'s sentence", None)
    return list(asked)


def _person(phrase: str) -> str:
    """``phrase`` folded, without leading words that are no name ("The", "Her") and without a
    time before the name ("On Tuesday Gutsul", "Last Friday Sefilian": capitalised, so the
    name's pattern takes it in); "" when nothing of a name is left."""
    words = phrase.split()
    led = False
    while words and fold(words[0]) in STOPWORDS:
        words = words[1:]
        led = True
    name = " ".join(words)
    spans = time_spans_in(name)
    if spans:
        start, end = min(spans)
        # A lone month or weekday word with nothing before it may be a first name ("August
        # Ivanov"); after "on" or "in", or of several words ("Last Friday"), it is a time.
        if start == 0 and (led or " " in name[:end]):
            name = name[end:]
    return fold(name.strip(" ,"))


def asks_verdict(question: str) -> bool:
    """Does ``question`` already ask how long a sentence is?"""
    words = fold(question).split()
    return "sentence" in words and words[:2] in (["how", "long"], ["what", "sentence"])

"""An asker saying they missed the news, in Russian or Azerbaijani: a request for the whole
story when nothing in particular is asked, and only the asker's scene when something is.

People who were away ask to be caught up by telling where they were rather than by asking for
a summary: "Я месяц провёл в горах без связи", "я всё пропустил", "я в танке" (an idiom: I
am out of the loop), "hadisələri heç izləməmişəm" (I have not followed the events at all),
"tam qaçırmışam" (I missed it all). Their words are no topic, and no fact holds them, so on
their own they leave the question to its names and its "what happened", which every sibling
fact shares. Read as what they mean, such a statement asks what "в общих чертах" and "ümumi
şəkildə" (in broad outline) ask, which a knowledge base's synonym group may read as a request
for its summary (``other_tokens(kept=...)``); with no such group the phrase is dropped, as a
set phrase of asking is. Where the question asks for a particular kind of answer
("я неделю был без связи, почему отозвали посла?": why), the statement is only where the
asker was, and is dropped: it must not draw a question about the ambassador to the overview.

Only forms that cannot mean anything else are read: the first person of "пропустить" (to miss,
also to let through: "пропустили фуры" is about lorries) after "я" or "всё", and of "qaçırmaq"
(to miss, also to let slip: "yanından qaçırır"). Forms that may also tell of the story itself
("без связи": a town cut off by the storm; "в танке": inside a tank; "не следили": authorities
who did not watch a dam; "izləmir": observers who do not monitor a vote) are read only where
their clause names the asker or a person before them.
"""

from __future__ import annotations

import re

from bot.core.language import plain_lower

# The statements, matched in the lower-cased question (Azerbaijani also as typed without its
# letters: ``plain_lower``), "ё" read as "е": forms that say the news was missed whoever says
# them ("xəbərsiz itkin düşüb" is gone missing, not unaware), and forms that say it only of a
# person (``_SAID_OF_SOMEONE``).
_MISSED = {
    "ru": re.compile(
        r"\b(?:я|все|мы)\s+(?:\w+\s+)?пропустил[аи]?\b"
        r"|\bбез новостей\b"
        r"|\bне (?:слежу|следим)\b"
    ),
    "az": re.compile(
        r"\bxebersiz\w*\b(?!\s+itkin)"
        r"|\bizleme(?:mis(?:em|ik)|dim|dik|yen)\w*|\bizlemir(?:em|ik)\b"
        r"|\bqacirmis(?:am|iq)\b"
        r"|\binternet(?:siz\w*| yox idi)"
    ),
}
# Forms that also tell of things: a city "без связи" or "без интернета" after a storm, soldiers
# killed "в танке", authorities who "не следили" for a dam, observers who "izləmir" (do not
# monitor) an election. They say the news was missed only where their clause, before them,
# names the asker or a person ("я", "для тех, кто", "человеку, который") or, in Azerbaijani,
# the news or events that were not followed ("hadisələri izləməyib").
_SAID_OF_SOMEONE = {
    "ru": re.compile(
        r"\bбез (?:связи|интернета|инета)\b"
        r"|\bне (?:следил[аи]?|следит|в курсе|в теме)\b"
        r"|\bв танке\b"
    ),
    "az": re.compile(r"\bizleme(?:mis|yib)\w*|\bizlemir\w*"),
}
_SOMEONE = {
    "ru": re.compile(
        r"\b(?:я|мы|меня|нас|(?:тех|тем|того|тому),?\s+кто|человек\w*,?\s+котор\w+)\b"
    ),
    "az": re.compile(r"\b(?:men|biz|xeber\w*|hadise\w*|muzakire\w*|movzu\w*)\b"),
}
# Where a clause ends, so that "я хочу знать, сколько сёл осталось без связи" is not the
# asker's scene: a sentence's end, a dash, and a comma but one opening a clause about a person
# ("человеку, который не следил", "для тех, кто в танке").
_CLAUSE_BREAK = re.compile(r"[.!?;:—]|,(?!\s*(?:кто|котор))")
# What each language's statement asks when nothing in particular is asked: its set phrase for
# "in broad outline", which a synonym group of the whole story lists.
_ASKED_AS = {"ru": "в общих чертах", "az": "ümumi şəkildə"}


def read_missed_news(text: str, language: str, *, particular: bool) -> str:
    """``text`` with each statement that its asker missed the news read as a request for the
    whole story ("в общих чертах", "ümumi şəkildə"), or, when the question asks for a ``particular``
    kind of answer (a cause, a count, a time), dropped as the asker's scene."""
    pattern = _MISSED.get(language)
    if pattern is None:
        return text
    matched = _matched_form(text, language)
    spans = _statement_spans(matched, pattern, language)
    if not spans:
        return text
    # Lower-casing and typing without letters keep a text's length but for a few letters
    # outside these languages' alphabets; where they do not, the lower-cased text is read.
    source = text if len(matched) == len(text) else matched
    instead = " " if particular else f" {_ASKED_AS[language]} "
    out, last = [], 0
    for start, end in spans:
        out += [source[last:start], instead]
        last = end
    out.append(source[last:])
    return "".join(out)


def _statement_spans(
    matched: str, pattern: re.Pattern[str], language: str
) -> list[tuple[int, int]]:
    """Where ``matched`` says its asker (or the person asked for) missed the news, in order."""
    spans = [found.span() for found in pattern.finditer(matched)]
    for found in _SAID_OF_SOMEONE[language].finditer(matched):
        clause = _CLAUSE_BREAK.split(matched[: found.start()])[-1]
        if _SOMEONE[language].search(clause):
            spans.append(found.span())
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _matched_form(text: str, language: str) -> str:
    return plain_lower(text, language).replace("ё", "е")

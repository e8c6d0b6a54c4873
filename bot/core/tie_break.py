"""What a reader sees that tells two nearly tied siblings apart, breaking the tie only then.

Siblings (facts of one story) share their names and most of their words, so two of them can
match a question equally well word by word, and the bot offers both ("did you mean"). Counting
the words only one of them shares with the question settles such ties no better than a coin
(measured on the older tune stories). What a reader goes by is narrower, and this module reads
three such signs in an English question, the last two also in a Russian or Azerbaijani one:

- a **qualifier** it ties to a word: "the day *after* the crash", "*after* parliament's vote",
  "the *second* round". Of two facts on one event, the one whose answer writes the same
  qualifier beside the same word is the one told of: "the day after the plane crash" against a
  fact dated by its own day;
- a request for the **whole story** ("what happened", "catch me up", "whats this ... about";
  "что произошло", "в двух словах", "nə baş verib", "qısaca") that asks for no particular kind
  of answer: of two facts, the one its curator phrased (in English) as telling what happened,
  where the other is not;
- the **kind of answer** asked for ("how many", "how much money", "what share", "why"; in each
  language): of two facts phrased as a curator writes them, the one whose answer states a
  count, a sum, a share or a cause, where the other's states none. Siblings often share the
  phrasing ("how many died" of the overview and of the toll), but only one says the number.

When the signs point one way (and none the other), the tie is no tie: the fact they favour is
put first and marked (``Candidate.favoured_over``), and ``confidence.clearance`` lets it be
answered outright against that runner-up, every other gate still applying. Otherwise the "did
you mean" stays. Other signs were measured and left out, each answering about as many wrong
first facts as right ones: the side a question names (``actors_named``), a date it names, the
other kinds of answer (``_TOLD_KINDS``), and the question's words that one sibling holds and the
other does not, however they are weighted (see README, "How answers are found").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.chat_expansion import expand_chat
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.language import plain_lower
from bot.core.matcher_settings import MatcherSettings
from bot.core.sibling_order import KIND_PHRASINGS, holds_asked
from bot.core.wants import Want

_WORD = re.compile(r"[a-z0-9]+")

# Words that place one event among others of its kind: an order ("first", "second round",
# "final reading"), a time relative to another ("the day after", "before the vote"), a
# repetition ("again"). Paired with the word of substance beside them, they say which of two
# events of one story is meant. Not "new" or "former", which a story repeats of one thing.
QUALIFIERS = frozenset(
    "first second third fourth fifth final last again initially originally earlier later "
    "previous next before after".split()
)

# How a reader asks for the whole story rather than a detail of it (folded and with chat
# spellings read, so "wat happend" and "whats this" meet them).
_OVERVIEW_ASKED = re.compile(
    r"\b(?:what happened|what went down|what (?:is|s) (?:going on|happening|this)|"
    r"what was that|catch me up|fill me in|the gist|rundown|recap|tldr|cliff notes|"
    r"overview|summary)\b"
)
# The same requests in Russian and Azerbaijani, read on the lower-cased question as typed
# (Azerbaijani also as typed without its letters: ``az_plain``): "what happened / is going
# on" ("что произошло", "что творится", "nə baş verib", "nə olub"), "what is this story",
# "the gist" ("в чём суть", "mahiyyəti"), "in a nutshell / in broad outline / briefly"
# ("в двух словах", "в общих чертах", "вкратце", "qısaca", "bir sözlə", "ümumi şəkildə"), "a
# summary / the big picture" ("саммари", "сводка", "общая картина", "xülasə", "icmal", "ümumi
# mənzərə"), "bring me up to speed" ("введите в курс", "что нового"), "what's new" ("nə var
# nə yox").
_OTHER_OVERVIEW_ASKED = {
    "ru": re.compile(
        r"\b(?:что (?:же |вообще |ваще |там |тут )?(?:произошло|случилось|стряслось|происходит|"
        r"творится)|что за истори|в ч[её]м (?:же )?(?:суть|дело)|в двух словах|в общих чертах|"
        r"вкратце|если (?:коротко|кратко)|саммари|сводк|общ(?:ая|ую|ей) картин|в курс)"
    ),
    "az": re.compile(
        r"\b(?:ne bas ver(?:ib|di|ir)|ne olub|ne oldu|noldu|ne var ne yox|qisaca|xulase|icmal|"
        r"bir sozle|umumi sekilde|umumi menzere|mahiyyet)"
    ),
}
# The kinds of answer whose presence in one sibling's answer and absence from the other's
# tells them apart: a number of what is counted, a sum, a share, a cause. Not a date (siblings
# of one story are mostly dated alike), a person or a place (any capitalised word counts as
# one: every answer has it), words said (most siblings report some), nor "so far": of the
# Russian and Azerbaijani near ties it settled, it pointed to the wrong fact five times in
# eight. Older tune near ties between the first two (round 21): where one of the two was the
# answer, the four kinds pointed to it 14 times and to the other never (between facts of five
# phrasings or more, ``_written``: 6 times and never).
_TOLD_KINDS = int(Want.COUNT | Want.MONEY | Want.SHARE | Want.CAUSE)
# A curator's phrasing that asks what happened: the fact tells the story as a whole.
_OVERVIEW_PHRASED = re.compile(r"^(?:what happened|what went down|what (?:is|s) going on)\b")


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded to ASCII, with chat spellings read as what they stand
    for ("b4" -> before)."""
    return tuple(_WORD.findall(expand_chat(fold(text))))


# Answers and phrasings recur from question to question (the same siblings tie again); the
# questions mostly do not.
_text_words = lru_cache(maxsize=50_000)(_words)


def qualified(words: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Each qualifier of ``words`` with a word of substance right beside it, in their order:
    "the day after the crash" gives ("day", "after"); "after parliament's vote" gives
    ("after", "parliament"). A qualifier beside a function word alone ("after the") tells no
    event from another."""
    pairs = set()
    for index, word in enumerate(words):
        if word not in QUALIFIERS:
            continue
        if index + 1 < len(words) and words[index + 1] not in STOPWORDS:
            pairs.add((word, words[index + 1]))
        if index and words[index - 1] not in STOPWORDS:
            pairs.add((words[index - 1], word))
    return frozenset(pairs)


def asks_overview(question: str, asked: AskedQuestion) -> bool:
    """Whether the question asks for the whole story: an overview request asking for no
    particular kind of answer (a "what happened ... and how many died" wants a count)."""
    if asked.focus.wants:
        return False
    # A Russian or Azerbaijani question by its own language's requests: folded to ASCII, its
    # words would be transliterations the English ones never meet.
    other = _OTHER_OVERVIEW_ASKED.get(asked.language)
    if other is not None:
        # Azerbaijani "İ" lower-cased as Azerbaijani does ("i"; str.lower adds a dot above).
        return bool(other.search(plain_lower(question, asked.language)))
    # As typed too: reading chat spellings drops set phrases that only say how one asks
    # ("catch me up", "fill me in"), which here are the request itself.
    typed = " ".join(_WORD.findall(fold(question)))
    return any(_OVERVIEW_ASKED.search(text) for text in (typed, " ".join(_words(question))))


def _english_answer(candidate: Candidate) -> str | None:
    english = candidate.entry.fact.translation("en")
    return None if english is None else english.answer


def _overview_phrased(candidate: Candidate) -> bool:
    english = candidate.entry.fact.translation("en")
    questions = () if english is None else english.questions
    return any(_OVERVIEW_PHRASED.match(" ".join(_text_words(text))) for text in questions)


def _written(candidate: Candidate) -> bool:
    """Whether a fact is phrased as a curator writes one (``KIND_PHRASINGS`` questions or more),
    not as a draft is. A drafted fact is one sentence of its article, and the number it states
    is often of a narrower scope than the question's (the strikes on one city, asked of the
    whole war): on the tune stories' drafts the kind of answer answered no more questions
    right outright and one near-topic question wrongly (round 21)."""
    return len(candidate.entry.fact.questions) >= KIND_PHRASINGS


def _sign(one: bool, other: bool) -> int:
    """1 when only ``one`` holds, -1 when only ``other`` does, else 0."""
    return int(one and not other) - int(other and not one)


def favoured(question: str, asked: AskedQuestion, one: Candidate, other: Candidate) -> int:
    """Which of two nearly tied facts a reader's signs favour for a question: 1 for ``one``, -1
    for ``other``, 0 when none speaks or they disagree. A qualifier is read in English only
    (its words are English's); a request for the whole story and the kind of answer asked for
    in each language."""
    signs = []
    wants = int(asked.focus.wants) & _TOLD_KINDS
    if wants and _written(one) and _written(other):
        # What each answer holds is read from its English text (``answer_kinds``); a fact
        # without one is taken to hold every kind, so it is never told apart by its lack.
        signs.append(_sign(bool(one.entry.kinds & wants), bool(other.entry.kinds & wants)))
    pairs = qualified(_words(question)) if asked.language == "en" else frozenset()
    if pairs:
        one_answer, other_answer = _english_answer(one), _english_answer(other)
        if one_answer is not None and other_answer is not None:
            signs.append(
                _sign(
                    not pairs.isdisjoint(qualified(_text_words(one_answer))),
                    not pairs.isdisjoint(qualified(_text_words(other_answer))),
                )
            )
    if asks_overview(question, asked):
        signs.append(_sign(_overview_phrased(one), _overview_phrased(other)))
    spoken = {sign for sign in signs if sign}
    return spoken.pop() if len(spoken) == 1 else 0


def told_apart(
    ranked: list[Candidate], question: str, asked: AskedQuestion, settings: MatcherSettings
) -> list[Candidate]:
    """``ranked`` with a near tie between its first two (a lead under ``answer_margin``) broken
    where the reader's signs favour one (``favoured``): that one first, marked as told apart
    from the other. A runner-up that lacks what is asked never moves ahead of a best that has
    it, nor ahead of a best an earlier order rule put first (scoring below it)."""
    if not settings.tie_break or len(ranked) < 2:
        return ranked
    best, runner_up = ranked[0], ranked[1]
    lead = best.relevance - runner_up.relevance
    if lead >= settings.answer_margin:
        return ranked
    side = favoured(question, asked, best, runner_up)
    if side > 0:
        best.favoured_over = runner_up.entry.fact.id
    elif side < 0 and lead >= 0.0 and (holds_asked(runner_up) or not holds_asked(best)):
        runner_up.favoured_over = best.entry.fact.id
        return [runner_up, best, *ranked[2:]]
    return ranked

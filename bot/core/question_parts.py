"""The parts of a question that do not ask: sentences of context around the one that asks, a
trailing clause saying when ("... once the court had ruled"), and a noun asked about that no fact
has. Their terms weigh less, or rule out an outright answer."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from bot.core.asked_things import asked_things
from bot.core.candidates import QueryTerm
from bot.core.chat_expansion import chat_folded
from bot.core.fact_index import FactIndex
from bot.core.query_terms import LIKE_LETTERS
from bot.core.related_words import table as related_words

# Where one sentence of a message ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Words an English question starts with.
_QUESTION_STARTS = frozenset(
    """
    what whats wat who whos whose whom why y how when where which is are was were did does do
    can could will would has have had should
    """.split()
)
# Share of its weight a word keeps when only a sentence of context has it, not the question.
CONTEXT_WEIGHT = 0.5
# Share of its weight a word keeps when only a clause saying when has it ("... once the court
# had ruled"). Right-first tune figures rose alike from 0.5 to 0.7; drafted stories lost two
# right answers outright at 0.5, one at 0.6, none at 0.7.
CLAUSE_WEIGHT = 0.7


def _asks(sentence: str) -> bool:
    """Whether a sentence of a message asks something: ends in a question mark or starts as an
    English question does."""
    words = sentence.lower().split()
    return sentence.rstrip().endswith("?") or bool(words and words[0] in _QUESTION_STARTS)


# Words that open a clause of time after what a question asks, and the least words before
# one (a question word, a verb and what it is about: "when" opening "when did ..." is not one).
_CLAUSE_LEADS = frozenset("when once".split())
_CLAUSE_START = 3
_CLAUSE_BREAK = re.compile(r"[,;:?!]")


class _ClauseSplit(NamedTuple):
    """A question cut at a trailing clause of time (``_clause_split``), each part folded."""

    earlier: str
    """The stretches between commas before the one holding the clause."""
    asked: str
    """The words of that stretch before the clause: what is asked."""
    clause: str
    """The clause after its leading word ("investigators had ruled")."""


def _clause_split(question: str) -> _ClauseSplit | None:
    """A question cut at the first word that leads a trailing clause of time (``_CLAUSE_LEADS``:
    "... once investigators had ruled") within a stretch between commas; None without one."""
    parts = _CLAUSE_BREAK.split(question)
    for number, part in enumerate(parts):
        words = chat_folded(part).split()
        for index in range(_CLAUSE_START, len(words) - 1):
            if words[index] in _CLAUSE_LEADS:
                earlier = " ".join(chat_folded(stretch) for stretch in parts[:number])
                return _ClauseSplit(earlier, " ".join(words[:index]), " ".join(words[index + 1 :]))
    return None


# Russian conjunctions that open a clause of time or circumstance ("после того, как их
# задержали", "на фоне того, как портятся отношения"), and the clause up to the next stop or
# comma: compound ones only, which never ask (a bare "когда" after a comma may be an indirect
# question: "выяснить, когда").
_RU_CLAUSE = re.compile(
    r"\b(?:после того|на фоне того|в то время|с тех пор|до того|перед тем|по мере того"
    r"|в ходе того),?\s+как\b[^,;:?!.]*",
    re.IGNORECASE,
)
# The least words before such a clause for the question to have asked something.
_RU_CLAUSE_START = 2


def _ru_clause(question: str) -> tuple[str, str] | None:
    """A Russian question cut at a clause of time or circumstance (``_RU_CLAUSE``): what is
    asked before it, and the clause, its conjunction included ("на фоне" is no topic
    either); None without one."""
    match = _RU_CLAUSE.search(question)
    if match is None:
        return None
    before = question[: match.start()]
    if len(re.findall(r"[^\W\d_]+", before)) < _RU_CLAUSE_START:
        return None
    return before, match.group(0)


class QuestionParts(FactIndex):
    """What of a question asks, and what only tells around it."""

    def _unknown_thing(
        self, question: str, query: list[QueryTerm], context: AbstractSet[str]
    ) -> bool:
        """Whether a noun an English question asks about (``asked_things``: "the stadium",
        "the mayor") is a word no fact has, nor a misspelling or a close paraphrase of one
        (``related_words``): the question is about another thing than the facts that share
        its place, verb and question word, and none is answered outright. A sentence of
        context's nouns are not what is asked about."""
        if not self.settings.unknown_thing_guard:
            return False
        unknown = {qt.term for qt in query if qt.confidence == 0.0 and qt.term not in context}
        if len(unknown) != 1:
            return False
        things = asked_things(question)
        if not things:
            return False
        (term,) = unknown
        words = [w for t, _, w in self.analyzer.analyze(question) if t == term and w in things]
        if not words:
            return False
        if any(other in self._df for other in related_words().get(term, ())):
            return False
        # A word like a fact's ("turks" of "Turkey", "organisation" of "organization") is
        # another form of it, as ``_named_elsewhere`` reads a name.
        return not any(next(self._indexed_starting(word[:LIKE_LETTERS]), None) for word in words)

    def _context_terms(self, question: str, language: str) -> frozenset[str]:
        """The terms only a message's sentences of context have, when it also has a sentence
        that asks ("is the internet down in almaty? my friend isnt answering": the friend and
        the answering are not what is asked about); none for a message of one sentence."""
        sentences = [part for part in _SENTENCE_END.split(question.strip()) if part]
        if len(sentences) < 2:
            return frozenset()
        asking: set[str] = set()
        telling: set[str] = set()
        for sentence in sentences:
            terms = {term for term, _, _ in self.analyzer.analyze(sentence, language=language)}
            (asking if _asks(sentence) else telling).update(terms)
        # Looked up term by term: ``set.isdisjoint`` of a dict walks the whole dict (every
        # term of the facts, 12 ms at 100,000 facts), not the few terms asked.
        if not telling or not any(term in self._df for term in asking):
            # An asking sentence with no word the facts know ("is that true and why?") asks
            # about what the sentences before it told: they are the question's topic.
            return frozenset()
        return frozenset(telling - asking)

    def _clause_terms(self, question: str) -> frozenset[str]:
        """The terms only a trailing clause of time has ("... when armenia's cabinet backed the
        draft", "... once investigators had ruled"): it says when the thing asked about
        happened, and a sibling telling of that earlier event is not the answer. Read within a
        stretch between commas ("..., when did she first win" asks when); none when the
        question asks little before the clause."""
        split = _clause_split(question)
        if split is None:
            return frozenset()
        asked = set(self.analyzer.terms(split.asked))
        if not asked:
            return frozenset()
        return frozenset(self.analyzer.terms(split.clause)) - asked

    def _ru_clause_terms(self, question: str) -> frozenset[str]:
        """The terms only a Russian clause of time or circumstance has (``_ru_clause``), as
        ``_clause_terms`` reads an English one."""
        split = _ru_clause(question)
        if split is None:
            return frozenset()
        asked = {term for term, _, _ in self.analyzer.analyze(split[0], language="ru")}
        if not asked:
            return frozenset()
        clause = {term for term, _, _ in self.analyzer.analyze(split[1], language="ru")}
        return frozenset(clause - asked)

    def _asking_terms(self, question: str, language: str) -> tuple[str, ...]:
        """The terms of the part of a question that asks (``_asking_text``), in their order."""
        text = self._asking_text(question, language)
        return tuple(term for term, _, _ in self.analyzer.analyze(text, language=language))

    def _asking_text(self, question: str, language: str) -> str:
        """The part of a question that asks, which its form is read from (``phrased_first``):
        its asking sentences, when the others only tell (``_context_terms``); else, in
        English, what comes before a trailing clause of time (``_clause_terms``): "what did
        the union demand once the inspectors had cleared the mine" is asked as "what did the
        union demand", however like a sibling's "did the inspectors clear the mine" its
        scene reads."""
        if self._context_terms(question, language):
            sentences = _SENTENCE_END.split(question.strip())
            return " ".join(sentence for sentence in sentences if sentence and _asks(sentence))
        if language == "en":
            split = _clause_split(question)
            if split is not None and self.analyzer.terms(split.asked):
                return f"{split.earlier} {split.asked}"
        return question

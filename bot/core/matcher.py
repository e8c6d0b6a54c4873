"""The matcher: the one door callers ask a question through, and the order of its stages.

``Matcher`` is the index of facts (``fact_index``) with each stage of answering a question
mixed in from a module of its own, and takes a question through them (``_rank``):

1. Reading it: its words as weighted terms (``query_terms``), what of it only tells around
   the asking part (``question_parts``), and the paraphrases its terms may be met by
   (``paraphrase_terms``).
2. Candidates (``candidate_gathering``): the facts sharing its terms, rarest term first within
   a budget of postings, so a question stays cheap however large the fact base grows.
3. Scoring (``candidate_scoring``): the best few candidates get a relevance in [0, 1], then
   the order rules of ``sibling_order`` among close siblings, and a near tie that a reader's
   sign tells apart is settled (``tie_break``).
4. The decision (``answer_decision``): confidences, and answer, offer or "I don't know".

Each stage is a class over the index's state, not functions handed it: a stage reads the
index's fields in its hot loops, and calls between stages stay plain method calls.
"""

from __future__ import annotations

import functools
from collections.abc import KeysView

from bot.core import completion, succession
from bot.core.answer_decision import AnswerDecision
from bot.core.answered_asks import answered_asks
from bot.core.candidate_gathering import CandidateGathering
from bot.core.candidate_scoring import CandidateScoring
from bot.core.candidates import AskedQuestion, Candidate, QueryTerm
from bot.core.counted_sides import counted_side
from bot.core.language import detect
from bot.core.matcher_settings import MatcherSettings as MatcherSettings
from bot.core.missed_news import read_missed_news
from bot.core.models import AskResult, Decision, Fact, Match
from bot.core.paraphrase_terms import ParaphraseTerms
from bot.core.query_terms import QueryTerms
from bot.core.question_parts import CLAUSE_WEIGHT, CONTEXT_WEIGHT, QuestionParts
from bot.core.sibling_order import (
    actor_first,
    bound_first,
    kind_first,
    named_first,
    phrased_first,
    stating_first,
    worded_first,
)
from bot.core.tie_break import told_apart


def _phrasing_shown(fact: Fact, matched: str | None, language: str) -> str | None:
    """The phrasing a match is offered by: the one that matched, unless it is in another
    language than the question and the fact has phrasings in the question's own; then the first
    of those. A name can match across scripts, and "russia azerbaijan" should not be offered
    "как сейчас москва и баку"."""
    if matched is None or not fact.translations:
        return matched  # one language: the phrasing that matched is in it
    own = fact.translation(language)
    if own is None or not own.questions or matched in own.questions:
        return matched
    for translation in (fact.translation(fact.language), *fact.translations):
        other = translation is not None and translation.language != language
        if other and translation is not None and matched in translation.questions:
            return own.questions[0]
    return matched


class Matcher(
    QueryTerms, QuestionParts, ParaphraseTerms, CandidateGathering, CandidateScoring, AnswerDecision
):
    """Index of facts answering ``ask(question)`` with ranked, scored matches and a decision."""

    # --------------------------------------------------------------------------- asking
    def ask(
        self,
        question: str,
        *,
        limit: int = 5,
        guild_id: int | None = None,
        current: bool = True,
    ) -> AskResult:
        """Rank facts visible in ``guild_id`` (None: outside any server) for ``question``.

        With ``current``, a superseded fact gives way to its newest visible successor (see
        ``current_only``); without, every fact is ranked as it is (to find facts by id).
        """
        scored, asked = self._rank(question, guild_id, max(2, limit))
        if not scored:
            return AskResult(question, Decision.UNKNOWN)
        if current and self._successors:
            # A fact and the one that replaced it are one answer, not a near tie: the tie and
            # the lead are judged, and confidences given, among distinct answers.
            placed: set[str] = set()
            distinct = []
            for candidate in scored:
                newest = self.newest(candidate.entry.fact, guild_id).id
                if newest not in placed:
                    placed.add(newest)
                    distinct.append(candidate)
            if len(distinct) < len(scored):
                # Each answer's first candidate is the one ``current_only`` shows it by.
                self._calibrate(distinct[: max(2, limit)], asked)
        successors = current and bool(self._successors)
        # Only the matches returned are made, unless superseded ones may give way below.
        shown = scored if successors else scored[: max(1, limit)]
        matches = [
            Match(
                c.entry.fact,
                c.confidence,
                _phrasing_shown(c.entry.fact, c.question, asked.language),
            )
            for c in shown
        ]
        if successors:
            matches = self.current_only(matches, guild_id)
            scored = distinct
        return AskResult(question, self.decide(scored, asked), tuple(matches[: max(1, limit)]))

    def explain(
        self, question: str, *, guild_id: int | None = None
    ) -> tuple[list[Candidate], AskedQuestion]:
        """The scored candidates of ``question``, best first, with what was read from it (for
        benchmarks and calibration: the features behind each score); ``decide`` says what the
        bot does with them."""
        return self._rank(question, guild_id)

    def _rank(
        self, question: str, guild_id: int | None, calibrated: int | None = None
    ) -> tuple[list[Candidate], AskedQuestion]:
        """Candidates best first, the first ``calibrated`` (all: None) given confidences."""
        asked = self._read_question(question)
        if not asked.query or asked.total <= 0.0:
            return [], asked
        shortlist = self._shortlist(asked.query, guild_id)
        if not shortlist:
            return [], asked
        scored, known_terms = self._scored(question, asked, shortlist, guild_id)
        if self.settings.semantic is not None and scored:
            self._semantic_blend(scored, question, asked.language, self.settings.semantic)
        scored = self._in_order(scored, question, asked, known_terms)
        if asked.focus.ask_wants:
            answered_asks(scored)
        self._calibrate(scored[:calibrated] if calibrated else scored, asked)
        return scored, asked

    def _read_question(self, question: str) -> AskedQuestion:
        """What is read from ``question`` once for every stage: its language, focus and weighted
        terms, those of its context weighing less (a sentence around the asking part, or the
        clause a long question tells its scene in)."""
        # Read once: the terms, the focus and the weight of names all depend on it.
        language = detect(question)
        focus = self.analyzer.focus(question, language)
        # "я всё пропустил": a request for the whole story, or where something in particular
        # is asked, only the asker's scene (``missed_news``).
        read = read_missed_news(question, language, particular=bool(focus.wants))
        query = self._query_terms(read, language, focus.kind_words)
        context = self._context_terms(question, language)
        share = CONTEXT_WEIGHT
        if not context and language == "en":
            context, share = self._clause_terms(question), CLAUSE_WEIGHT
        elif not context and language == "ru":
            context, share = self._ru_clause_terms(question), CLAUSE_WEIGHT
        if context:
            query = [
                QueryTerm(qt.term, qt.weight * share, qt.confidence, qt.elsewhere)
                if qt.term in context
                else qt
                for qt in query
            ]
        total = sum(qt.weight for qt in query)
        known = sum(qt.weight * qt.confidence for qt in query)
        # A name only a sentence of context has ("я из Казахстана") is not what is asked about.
        elsewhere = any(qt.elsewhere and qt.term not in context for qt in query)
        return AskedQuestion(
            focus,
            total,
            known / total if total > 0 else 0.0,
            len(query),
            query,
            len(query) == focus.words,
            language,
            elsewhere,
            language == "en" and self._unknown_thing(question, query, context),
        )

    def _shortlist(self, query: list[QueryTerm], guild_id: int | None) -> list[tuple[int, float]]:
        """The facts worth scoring, by their rough score, best first: twice as many as are
        scored, as some may not be visible in ``guild_id``."""
        breadth = self.settings.candidates * 2
        rough = self._candidates(query, guild_id, breadth)
        # What heapq.nlargest gives (ties in the order gathered), sorted in C: quicker for
        # the few hundred candidates of most questions and the thousands of a common word's.
        # The keys are sorted, not (key, score) pairs: only the shortlist's pairs are made.
        score_of = rough.__getitem__
        return [(key, score_of(key)) for key in sorted(rough, key=score_of, reverse=True)[:breadth]]

    def _scored(
        self,
        question: str,
        asked: AskedQuestion,
        shortlist: list[tuple[int, float]],
        guild_id: int | None,
    ) -> tuple[list[Candidate], KeysView[str]]:
        """The shortlist's facts visible in ``guild_id`` scored (``_score``), as many as the
        settings' ``candidates``, in the shortlist's order; with the question's terms the index
        knows, which the order rules read."""
        query, focus, language = asked.query, asked.focus, asked.language
        scored: list[Candidate] = []
        names = language != "en"
        weights = self._weights(names)
        pairs = [(qt.term, qt.weight * qt.confidence) for qt in query if qt.confidence > 0.0]
        related = self._related_terms(query, language, question)
        if language == "en" and self.settings.titled_share > 0.0:
            related = self._with_titled(related, query, shortlist)
        if language == "en" and self.settings.place_share > 0.0:
            related = self._with_places(related, query, question)
        # Every neighbour at all: a phrasing holding none of them is passed over at once.
        related_any = frozenset().union(*(near for _, _, near in related))
        attribute_terms = self._attribute_terms(focus)
        counted_terms = self._counted_query(focus)
        if counted_terms:
            # What happened to the people counted ("injured"), like an attribute, must be in
            # the fact for its numbers to be that count.
            events = sorted(counted_terms & self._counted_events)
            attribute_terms += tuple((term,) for term in events)
        bm25 = self._bm25_query(query, pairs)
        # "How many russian citizens ...": whose people are counted.
        side = counted_side(question) if language == "en" and focus.countable else None
        for key, _ in shortlist:
            entry = self._entries[key]
            if not entry.fact.visible_in(guild_id):
                continue
            scored.append(
                self._score(
                    entry,
                    pairs,
                    asked.total,
                    weights,
                    focus,
                    attribute_terms,
                    counted_terms,
                    names,
                    related,
                    related_any,
                    bm25=bm25,
                    side=side,
                )
            )
            if len(scored) >= self.settings.candidates:
                break
        return scored, bm25.idf.keys()

    def _in_order(
        self,
        scored: list[Candidate],
        question: str,
        asked: AskedQuestion,
        known_terms: KeysView[str],
    ) -> list[Candidate]:
        """``scored`` best first: by relevance, then by the order rules among close siblings
        (``sibling_order``), each on what the question asks and how it is worded, and by a sign
        of the reader's that tells a near tie apart (``tie_break``)."""
        focus, language = asked.focus, asked.language
        # A tie is broken by the share of the question the answer text itself says.
        scored.sort(key=lambda c: (-c.relevance, -c.answer, c.entry.fact.id))
        scored = stating_first(scored, self.settings)
        if focus.wants and self.settings.kind_window > 0.0:
            scored = kind_first(
                scored, focus, known_terms, self.analyzer, self.settings.kind_window
            )
        scored = worded_first(scored, question, known_terms)
        scored = actor_first(scored, question, language, self.settings.kind_window)
        if focus.until:
            scored = bound_first(scored, self.settings.kind_window)
        # An Azerbaijani question's word pairs are compared as terms: its words' endings make
        # pairs as written meet next to no phrasing. Not a Russian one's: compared so, the
        # older tune Russian questions lost three right-first answers (round 14).
        asking_terms = (
            functools.partial(self._asking_terms, question, language) if language == "az" else None
        )
        scored = phrased_first(
            scored,
            functools.partial(self._asking_text, question, language),
            self.settings,
            asking_terms,
        )
        if asked.bare and len(asked.query) <= self.settings.keyword_terms:
            scored = named_first(scored, asked, self.analyzer)
        # A near tie a reader's sign tells apart: English's qualifiers, and a request for the
        # whole story in each language ("catch me up", "в двух словах", "nə baş verib").
        return told_apart(scored, question, asked, self.settings)

    # ---------------------------------------------------------------------- supersession
    # The views themselves are ``succession``'s; these read this index for it.
    def superseded_in(self, fact_id: str, guild_id: int | None) -> bool:
        """Whether a fact visible in ``guild_id`` replaces ``fact_id`` there."""
        return succession.superseded_in(fact_id, guild_id, self._successors, self.get)

    def newest(self, fact: Fact, guild_id: int | None) -> Fact:
        """The newest fact visible in ``guild_id`` that replaces ``fact`` (following chains),
        or ``fact`` itself when none does there."""
        return succession.newest(fact, guild_id, self._successors, self.get)

    def earlier(self, fact: Fact, guild_id: int | None, *, limit: int = 10) -> tuple[Fact, ...]:
        """The facts ``fact`` replaced, directly or down a chain, visible in ``guild_id``,
        newest first."""
        return succession.earlier(fact, guild_id, self.get, limit=limit)

    def current_only(self, ranked: list[Match], guild_id: int | None) -> list[Match]:
        """``ranked`` with each superseded fact replaced by its newest visible successor (see
        ``succession.current_only``)."""
        return succession.current_only(ranked, guild_id, self._successors, self.get)

    # ---------------------------------------------------------------------- autocomplete
    def complete(self, prefix: str, *, limit: int = 25, guild_id: int | None = None) -> list[str]:
        """Questions from the fact base that fit what someone has typed so far (``completion``).

        The last word may be half-typed ("why was the ambas"): it is completed to the most
        common indexed word it begins.
        """
        return completion.complete(
            prefix,
            ask=self.ask,
            facts=(entry.fact for entry in self._entries.values()),
            surface=self._surface,
            vocabulary=self._vocabulary.groups,
            df=self._df,
            limit=limit,
            guild_id=guild_id,
        )

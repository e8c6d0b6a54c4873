"""The order rules that move a close sibling ahead of the best scored candidate.

Siblings (facts of one story) share their names and much of their wording, so the one that
answers a question can score just below one that merely mentions what is asked. Each rule reads
one sign of which sibling the question is for (it states what is asked, a phrasing asks for the
kind of thing asked, opens as the question does, is phrased nearly as the question is asked,
is told by the side asked about, says until when, is named after a keyword) and moves that
candidate first. Scores stay as they were: a sibling moved ahead has no lead to be answered
outright by.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from bot.core.answer_kinds import bound_stated
from bot.core.candidates import AskedQuestion, Candidate
from bot.core.chat_expansion import expand_chat
from bot.core.confidence import dominates
from bot.core.country_words import actors_named
from bot.core.focus import Focus, question_focus
from bot.core.focus_words import QUESTION_WORDS
from bot.core.folding import fold
from bot.core.index_entries import IndexEntry
from bot.core.matcher_settings import MatcherSettings
from bot.core.phrase_pairs import closer_by, term_pairs, word_pairs
from bot.core.text import Analyzer
from bot.core.wants import ORDERING, STRICT

# Least questions of its own a fact must have for the lack of one asking for some kind of thing
# to tell ("how many", "why", ...): a hand-written fact has five to ten, a draft two to four,
# and a draft's few questions leave most kinds unasked (with drafts counted, tune drafts lost
# three points of right-first answers; with them left out, none). The decision's tie break
# (``AnswerDecision._kind_lead``) keeps the same floor though drafts never reach it: with three,
# older tune drafts gained two answers right outright and hand-written knowledge one, the fresh
# tune sets none, and a best phrased "how many died" then answers "how many footbridges" over a
# sibling of three phrasings (tests/unit/test_count_in_other_words.py); with two, drafts also
# gained one more wrong.
KIND_PHRASINGS = 5
# Relevance within which candidates tie so closely that the form of their best phrasing ("when
# did", "how many") decides their order (``worded_first``).
_WORDED_TIE = 0.02
_STRICT = int(STRICT)


def question_opening(question: str | None) -> tuple[str, ...]:
    """The question word and the word after it that a question opens with when they ask for a
    kind of answer ("when did", "why was", "how many"), or nothing ("what did", "what are",
    a question opening otherwise)."""
    if not question:
        return ()
    opening = expand_chat(fold(question)).split()[:2]
    # The question words every reader of a question shares (``focus_words``): one list, so
    # that none of them drifts from the others.
    if len(opening) < 2 or opening[0] not in QUESTION_WORDS:
        return ()
    return _kind_opening(opening[0], opening[1])


@lru_cache(maxsize=4096)
def _kind_opening(first: str, second: str) -> tuple[str, ...]:
    """The two words when a question opening with them asks for a kind of answer, else
    nothing: read once per pair, for the few pairs that open questions recur, where
    ``worded_first`` reads the opening of every phrasing of a close tie (two dozen siblings
    tying cost a question up to a millisecond at 100,000 facts, reading what the same few
    openings ask for again and again)."""
    return (first, second) if question_focus([first, second]).wants else ()


def stating_first(ranked: list[Candidate], settings: MatcherSettings) -> list[Candidate]:
    """``ranked`` with the runner-up first when it nearly ties the best and dominates it
    (``dominates``): it states what is asked, where the best only shares the question's words
    in its phrasings ("what is china's role" of a fact asked "did china play a role in the
    port" against the one that says what role China plays)."""
    if len(ranked) < 2:
        return ranked
    best, runner_up = ranked[0], ranked[1]
    if best.relevance - runner_up.relevance < settings.answer_margin and dominates(
        runner_up, best, settings
    ):
        return [runner_up, best, *ranked[2:]]
    return ranked


def phrased_first(
    ranked: list[Candidate],
    asking: Callable[[], str],
    settings: MatcherSettings,
    asking_terms: Callable[[], tuple[str, ...]] | None = None,
) -> list[Candidate]:
    """``ranked`` with the runner-up first when it nearly ties the best (within
    ``answer_margin``, in the order the scores give) and one of its phrasings shares
    ``phrase_lead`` more of the question's word pairs than any of the best's
    (``phrase_pairs``): "so did the storm stop the ferry" is asked as its curator asked "did
    the storm stop the ferry", not as a sibling's "was the ferry stopped long by the storm",
    though word by word they tie. ``asking`` gives the part of the question that asks, its
    scene left out (``Matcher._asking_text``); it is read only in a near tie. A runner-up
    that lacks what is asked never moves ahead of a best that has it, and a best an earlier
    rule put first (scoring below the runner-up) keeps its place. The scores stay as they
    were: the one moved has no lead to be answered outright by. With ``asking_terms`` (an
    Azerbaijani question's), the pairs compared are of terms, not of words as written
    (``phrase_pairs.term_pairs``)."""
    if len(ranked) < 2 or settings.phrase_lead > 1.0:
        return ranked
    best, runner_up = ranked[0], ranked[1]
    lead = best.relevance - runner_up.relevance
    if not 0.0 <= lead < settings.answer_margin or not (
        holds_asked(runner_up) or not holds_asked(best)
    ):
        return ranked
    # Read only in a near tie: most questions never need their word pairs.
    if asking_terms is not None:
        closer = closer_by(term_pairs(asking_terms()), runner_up.entry, best.entry, stems=True)
    else:
        closer = closer_by(word_pairs(asking()), runner_up.entry, best.entry)
    if closer >= settings.phrase_lead:
        return [runner_up, best, *ranked[2:]]
    return ranked


def holds_asked(candidate: Candidate) -> bool:
    """Whether a candidate has what is asked: not blocked for lacking it, and its numbers count
    what a "how many" asks of. A contender that lacks it never moves ahead of a best that has
    it, whatever its phrasings or side say."""
    return not (candidate.blocked or candidate.count_miss)


def _promoted(
    ranked: list[Candidate], floor: float, moves: Callable[[Candidate], bool]
) -> list[Candidate]:
    """``ranked`` with the first candidate after the best, of those whose relevance is ``floor``
    or more, that ``moves`` put first; the others keep their order. The order rules
    (``kind_first``, ``worded_first``, ``bound_first``, ``actor_first``) differ only in which
    one moves."""
    for index in range(1, len(ranked)):
        candidate = ranked[index]
        if candidate.relevance < floor:
            break
        if moves(candidate):
            return [candidate, *ranked[:index], *ranked[index + 1 :]]
    return ranked


# Read once per answer text, as candidates recur from question to question.
@lru_cache(maxsize=50_000)
def _first_actor(answer: str) -> str | None:
    named = actors_named(answer)
    return named[0] if named else None


def kind_first(
    ranked: list[Candidate],
    focus: Focus,
    asked_terms: AbstractSet[str],
    analyzer: Analyzer,
    window: float,
) -> list[Candidate]:
    """``ranked`` with the best of the contenders (the candidates within ``kind_window`` of
    the best) that has a phrasing asking for what the question asks for moved first, when
    the best has none; the rest keep their order, so the runner-up it is judged against
    (its lead, a tie) is the best scored of the others.

    Siblings share their names, so a question's names can make the fact whose phrasings
    merely mention them score as well as the one that answers it: "how many died in the
    flood" against a sibling phrased "where did the flood hit" and another phrased "how
    many people died". The curator's phrasings say which kind of question a fact answers.
    Only phrasings sharing a word with the question are read, and only the contenders', so
    a question costs a few phrasing reads at most. A contender that lacks what is asked
    (blocked: "what share of voters" of a fact with a head count but no share), or whose
    numbers count something else, is not moved ahead of a best fact that has it: a phrasing
    asking some other count does not make its answer hold this one. Nor is any contender
    whose phrasing asks only part of what is asked ("how many voters" for "what share of
    voters"): a best fact holding what is asked gives way only to one phrased for all of
    it. Nor does a compound question ("how many were arrested, and what nationalities are
    they": ``question_asks``) move anything: it asks two kinds of thing, so a sibling phrased
    for one of them ("how many people rallied") is no more the fact asked for than the best
    (older tune English: two story questions and a seed one got their right fact back first,
    one of them answered outright; none lost)."""
    wants = int(focus.wants & ORDERING)
    best = ranked[0].entry
    if (
        not wants
        or len(focus.ask_wants) > 1
        or len(best.fact.questions) < KIND_PHRASINGS
        or phrased_for(analyzer, best, wants, asked_terms)
    ):
        return ranked
    best_holds = holds_asked(ranked[0])
    return _promoted(
        ranked,
        ranked[0].relevance - window,
        lambda candidate: (
            (holds_asked(candidate) or not best_holds)
            and phrased_for(analyzer, candidate.entry, wants, asked_terms, every=best_holds)
        ),
    )


def actor_first(
    ranked: list[Candidate], question: str, language: str, window: float
) -> list[Candidate]:
    """``ranked`` with the first contender (within ``kind_window`` of the best) whose answer
    is told by the side the question asks about put first, when the best's is told by
    another: of two siblings sharing their names and numbers ("eight died on their side,
    Russian-installed officials said; Ukraine's minister could not check it" and "ten died
    on the Ukrainian-held bank, Ukraine's minister said"), "how many died on the ukrainian
    side" asks for the one whose side is Ukraine, not the one that merely mentions it. A
    side is a country named as one that acts or speaks (``actors_named``); a fact's is the
    first its answer names. A question naming no side, or two ("the moldovan and romanian
    authorities"), moves nothing; nor does a best whose side is not known. The scores stay
    as they were: the one moved has no lead to be answered outright by."""
    if len(ranked) < 2 or window <= 0.0 or language != "en":
        return ranked
    named = actors_named(question)
    if len(named) != 1:
        return ranked
    asked = named[0]
    best = _actor(ranked[0].entry)
    if best is None or best == asked:
        return ranked
    best_holds = holds_asked(ranked[0])
    return _promoted(
        ranked,
        ranked[0].relevance - window,
        lambda candidate: (
            (holds_asked(candidate) or not best_holds) and _actor(candidate.entry) == asked
        ),
    )


def _actor(entry: IndexEntry) -> str | None:
    """The side that tells or does what a fact's English answer says: the first country
    it names as one that acts or speaks (``actors_named``), or None."""
    english = entry.fact.translation("en")
    return None if english is None else _first_actor(english.answer)


def bound_first(ranked: list[Candidate], window: float) -> list[Candidate]:
    """``ranked`` with the first contender (within ``kind_window`` of the best) whose answer
    says until when ("until 2040") put first, when the best's does not: "until what year
    could he stay" asks for that end, not for when his old term would have ended."""
    if not ranked or states_bound(ranked[0]):
        return ranked
    return _promoted(
        ranked,
        ranked[0].relevance - window,
        lambda candidate: not candidate.blocked and states_bound(candidate),
    )


def states_bound(candidate: Candidate) -> bool:
    """Whether the fact's English answer says until when something lasts ("until 2040")."""
    english = candidate.entry.fact.translation("en")
    return english is not None and bound_stated(english.answer)


def worded_first(
    ranked: list[Candidate], question: str, asked_terms: AbstractSet[str]
) -> list[Candidate]:
    """``ranked`` with, among the candidates that tie with the best (within ``_WORDED_TIE``),
    the first with a phrasing that opens as the question does ("when did ...") put first,
    if the best has none: "when did the new constitution kick in" is asked as its curator
    asked "when did the new constitution take effect", not "how many articles does the new
    constitution have", though the content words they share weigh the same. Only phrasings
    sharing a word with the question are read."""
    if len(ranked) < 2 or ranked[1].relevance < ranked[0].relevance - _WORDED_TIE:
        return ranked
    opening = question_opening(question)
    if not opening or opens_as(ranked[0].entry, opening, asked_terms):
        return ranked
    return _promoted(
        ranked,
        ranked[0].relevance - _WORDED_TIE,
        lambda candidate: opens_as(candidate.entry, opening, asked_terms),
    )


def opens_as(entry: IndexEntry, opening: tuple[str, ...], asked_terms: AbstractSet[str]) -> bool:
    """Whether one of the fact's phrasings sharing a term with the question opens with
    ``opening``."""
    return any(
        text and not asked_terms.isdisjoint(terms) and question_opening(text) == opening
        for terms, text in entry.phrasings
    )


def phrased_for(
    analyzer: Analyzer,
    entry: IndexEntry,
    wants: int,
    asked_terms: AbstractSet[str],
    *,
    every: bool = False,
) -> bool:
    """Whether one of the fact's phrasings that shares a term with the question asks for
    one of the kinds ``wants`` holds; with ``every``, for each of the kinds a fact must
    hold among them (a phrasing asking "how many" is not phrased for "what share")."""
    focus = analyzer.focus
    needed = wants & _STRICT if every else 0
    for terms, text in entry.phrasings:
        if text and not asked_terms.isdisjoint(terms):
            asked = int(focus(text).wants)
            if asked & wants and asked & needed == needed:
                return True
    return False


def named_first(
    ranked: list[Candidate], asked: AskedQuestion, analyzer: Analyzer
) -> list[Candidate]:
    """``ranked`` with the one fact named after a keyword question's words first: of the
    facts that hold "nakhchivan", a short one that mentions it scores as well by BM25 as
    the one its curator named after it, which is what the keyword is about."""
    named = keyword_named(ranked, asked, analyzer)
    if len(named) != 1 or named[0] is ranked[0]:
        return ranked
    return [named[0], *(candidate for candidate in ranked if candidate is not named[0])]


def keyword_named(
    ranked: list[Candidate], asked: AskedQuestion, analyzer: Analyzer
) -> list[Candidate]:
    """The candidates holding all of a keyword question's words whose id names them all."""
    words = {qt.term for qt in asked.query}
    return [
        candidate
        for candidate in ranked
        if candidate.whole >= 0.99
        and words <= set(analyzer.terms(candidate.entry.fact.id.replace("-", " ")))
    ]

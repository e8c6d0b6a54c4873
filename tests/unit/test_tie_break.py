"""Two sibling facts that match a question equally well word by word: a qualifier the question
ties to a word ("the day after it closed"), or its asking for the whole story ("catch me up"),
tells a reader which one is meant, and the bot then answers it outright instead of asking "did
you mean". Without such a sign the tie stays a "did you mean".

The facts and questions are written for these tests (a bridge in Ganja, a ferry at Alat); none
comes from the held-out benchmark questions.
"""

from __future__ import annotations

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.confidence import TOLD_APART, clearance
from bot.core.focus import NO_FOCUS
from bot.core.index_entries import IndexEntry
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Decision, Fact
from bot.core.text import focus
from bot.core.tie_break import asks_overview, favoured, qualified, told_apart

BRIDGE_CLOSED = Fact(
    "kur-bridge-closed",
    "Ganja's council closed the Kur river bridge on 2 April 2025 when engineers found cracks "
    "in two of its pillars.",
    (
        "why was the kur bridge in ganja closed",
        "when did the ganja bridge close",
        "kur bridge closure",
        "what did engineers find on the kur bridge",
    ),
)
GOVERNOR_VISIT = Fact(
    "kur-bridge-visit",
    "The day after the Kur river bridge closed, Ganja's governor walked across it with "
    "engineers and promised repairs by June 2025.",
    (
        "did the governor visit the kur bridge",
        "when will the kur bridge be repaired",
        "what did the ganja governor promise",
    ),
)
FERRY_AGROUND = Fact(
    "caspian-ferry-storm",
    "A storm on 9 February 2025 drove the Caspian ferry Shirvan aground near Alat; all 40 crew "
    "were taken off safely and fuel leaked onto the shore.",
    (
        "what happened to the shirvan ferry",
        "shirvan ferry storm alat",
        "was anyone hurt when the shirvan ran aground",
    ),
)
FERRY_FUEL = Fact(
    "caspian-ferry-fuel",
    "Azerbaijan's ecology ministry said fuel from the Shirvan ferry had reached about 3 km of "
    "shore near Alat by 12 February 2025.",
    (
        "how far did the shirvan fuel spread",
        "what did the ecology ministry say about the ferry fuel",
        "is the alat shore polluted",
    ),
)
FACTS = [BRIDGE_CLOSED, GOVERNOR_VISIT, FERRY_AGROUND, FERRY_FUEL]
OFF = MatcherSettings(tie_break=False)


def _first(result: AskResult) -> str | None:
    return result.best.fact.id if result.best is not None else None


def test_a_qualifier_only_one_answer_writes_settles_the_tie() -> None:
    """Both facts hold the bridge and its closing; only the governor's visit is told as "the
    day after" it closed, so that question is answered with it outright."""
    for question in (
        "what happened on the kur bridge the day after it closed",
        "kur bridge the day after it closed",
    ):
        tied = Matcher(FACTS, settings=OFF).ask(question)
        assert tied.decision is Decision.SUGGEST, question
        result = Matcher(FACTS).ask(question)
        assert result.decision is Decision.ANSWER, question
        assert _first(result) == "kur-bridge-visit"


def test_a_request_for_the_whole_story_goes_to_the_fact_telling_what_happened() -> None:
    """ "Catch me up" asks for the whole story: of two ferry facts sharing its words, the one
    its curator phrased as what happened is answered; the bot no longer offers both."""
    question = "shirvan ferry alat fuel shore catch me up"
    assert Matcher(FACTS, settings=OFF).ask(question).decision is Decision.SUGGEST
    result = Matcher(FACTS).ask(question)
    assert result.decision is Decision.ANSWER
    assert _first(result) == "caspian-ferry-storm"


def test_without_a_sign_the_tie_stays_a_did_you_mean() -> None:
    """A question the two bridge facts match alike, with no qualifier, is still offered as a
    "did you mean": it asks what happened, but neither fact is phrased as telling that."""
    question = "kur bridge, what happened"
    for settings in (OFF, MatcherSettings()):
        assert Matcher(FACTS, settings=settings).ask(question).decision is Decision.SUGGEST


def test_a_qualifier_is_read_beside_a_word_of_substance() -> None:
    """ "After the" says which of a story's events is meant no more than "the" does; "the day
    after" and "after parliament" do."""
    assert qualified(("the", "day", "after", "the", "crash")) == {("day", "after")}
    assert qualified(("after", "parliament", "s", "vote")) == {("after", "parliament")}
    assert qualified(("they", "met", "after", "the", "vote")) == {("met", "after")}
    assert qualified(("after", "the", "vote")) == frozenset()
    assert qualified(("second", "round")) == {("second", "round")}


def _scored(fact: Fact, relevance: float, *, blocked: bool = False) -> Candidate:
    phrasings = tuple(((question,), question) for question in fact.questions)
    return Candidate(
        IndexEntry(fact, phrasings, ()), relevance, None, 0.5, 0.5, 0.5, 1.0, strict_miss=blocked
    )


ASKED = AskedQuestion(NO_FOCUS, 1.0, 1.0, 3, [])


def test_the_runner_up_a_qualifier_tells_of_comes_first_and_clears_the_tie() -> None:
    """The fact scored a little lower but told "the day after" is put first, and against the
    fact it was told apart from it has a clear way to an outright answer."""
    settings = MatcherSettings()
    closed, visit = _scored(BRIDGE_CLOSED, 0.52), _scored(GOVERNOR_VISIT, 0.50)
    ranked = told_apart([closed, visit], "the bridge the day after it closed", ASKED, settings)
    assert [c.entry.fact.id for c in ranked] == ["kur-bridge-visit", "kur-bridge-closed"]
    assert clearance(ranked, settings) == TOLD_APART
    # Against another runner-up it is no clearance at all.
    assert clearance([ranked[0], _scored(FERRY_FUEL, 0.50)], settings) is None


def test_a_runner_up_lacking_what_is_asked_is_not_put_first() -> None:
    """A sibling blocked for lacking what is asked stays behind a best that has it, whatever
    qualifier it shares with the question."""
    closed, visit = _scored(BRIDGE_CLOSED, 0.52), _scored(GOVERNOR_VISIT, 0.50, blocked=True)
    question = "the bridge the day after it closed"
    ranked = told_apart([closed, visit], question, ASKED, MatcherSettings())
    assert ranked[0] is closed and closed.favoured_over is None


def test_signs_that_disagree_or_repeat_in_both_answers_tell_nothing() -> None:
    """A qualifier both answers write favours neither; a clear lead is no tie to break."""
    visit = _scored(GOVERNOR_VISIT, 0.50)
    again = _scored(
        Fact(
            "kur-bridge-reopened",
            "The day after the Kur river bridge reopened, traffic jams returned to Ganja.",
            ("did the kur bridge reopen",),
        ),
        0.50,
    )
    assert favoured("the day after the bridge", ASKED, visit, again) == 0
    # "The day after" favours the governor's visit, "catch me up" the fact phrased as what
    # happened: two signs pointing two ways settle nothing.
    both = "catch me up on the day after the closure"
    asked = AskedQuestion(focus(both), 1.0, 1.0, 3, [])
    assert favoured(both, asked, visit, _scored(FERRY_AGROUND, 0.50)) == 0
    assert favoured("the day after the closure", ASKED, visit, _scored(FERRY_AGROUND, 0.50)) == 1
    closed = _scored(BRIDGE_CLOSED, 0.9)
    ranked = told_apart([closed, visit], "the day after it closed", ASKED, MatcherSettings())
    assert ranked[0] is closed and closed.favoured_over is None


def test_an_overview_request_asking_for_a_detail_is_no_overview_request() -> None:
    """ "What happened and how many were hurt" asks for a count, not the whole story."""
    detail = "what happened at alat and how many were hurt"
    assert not asks_overview(detail, AskedQuestion(focus(detail), 1.0, 1.0, 3, []))
    whole = "alat ferry, catch me up"
    assert asks_overview(whole, AskedQuestion(focus(whole), 1.0, 1.0, 3, []))

"""Among sibling facts of one article, the one holding what the question asks for comes first,
and a fact lacking it is not given as the answer.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.core.answer_kinds import answer_kinds
from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import AskResult, Decision, Fact, Source
from bot.core.text import Analyzer, focus
from bot.core.wants import Want

# A referendum article's siblings: a head count with no share, and the turnout as a share.
REGISTER = Fact(
    "vote-register",
    "Election officials said 4.2 million citizens were registered to vote in the 12 May "
    "referendum, which put a single question to them.",
    (
        "how many people can vote in the referendum",
        "how many registered voters are there",
        "what question was on the referendum ballot",
        "how many questions were on the ballot",
        "who runs the referendum",
    ),
)
TURNOUT = Fact(
    "vote-turnout",
    "Turnout in the 12 May referendum was 61% of registered voters, officials said, well above "
    "the threshold.",
    ("what was the turnout in the referendum", "did many people vote", "was turnout high enough"),
)
YES_SHARE = Fact(
    "vote-result",
    "Two-thirds of those who voted in the 12 May referendum backed the new constitution.",
    (
        "did the constitution pass",
        "what did the referendum decide",
        "was the new constitution approved",
        "referendum result",
        "did voters back the constitution",
    ),
)


def answered(result: AskResult) -> str | None:
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None


def test_a_share_asked_for_wants_a_share_not_a_head_count() -> None:
    """ "What percentage of voters took part" wants a part of a whole ("61%", "two-thirds"): a
    fact giving only how many people may vote does not answer it, however well its phrasings
    ("how many registered voters") match."""
    asked = question_focus("what proportion of registered voters took part".split())
    assert asked.wants & Want.SHARE and asked.wants & Want.COUNT
    assert asked.counted[:2] == ("registered", "voters")
    assert not question_focus("by what margin did it pass".split()).wants & Want.SHARE
    assert answer_kinds("Turnout was 61%.") & Want.SHARE
    assert answer_kinds("Two-thirds of voters backed it.") & Want.SHARE
    assert not answer_kinds("4.2 million citizens may vote.") & Want.SHARE
    result = Matcher([REGISTER, TURNOUT]).ask(
        "what proportion of registered voters took part in the referendum"
    )
    assert result.best is not None and result.best.fact.id == "vote-turnout"


def test_a_sibling_phrased_for_another_count_is_not_put_first() -> None:
    """The fact whose phrasings ask "how many" is not moved ahead of the others for a question
    asking a share when its answer holds no share."""
    matcher = Matcher([REGISTER, YES_SHARE])
    question = "what percentage of people voted for the new constitution in the 12 may referendum"
    assert answered(matcher.ask(question)) == "vote-result"


def test_how_large_asks_for_a_size() -> None:
    """ "How large was the force" wants a number; "how big a deal" asks how much it matters."""
    assert focus("how large was the attacking force").wants & Want.COUNT
    assert focus("how big is the evacuation zone").wants & Want.COUNT
    assert not focus("how big a deal is the referendum").wants & Want.COUNT
    assert not focus("how big of a problem is this").wants & Want.COUNT
    force = Fact(
        "raid-force",
        "The border guards said about 300 fighters with armoured cars took part in the raid.",
        ("how many fighters took part in the raid", "who said the raid was stopped"),
    )
    reaction = Fact(
        "raid-reaction",
        "The president called the raid a large-scale provocation by the fighters.",
        ("what did the president say about the raid", "how did the president react"),
    )
    result = Matcher([force, reaction]).ask("how large was the force that carried out the raid")
    assert result.best is not None and result.best.fact.id == "raid-force"


def test_a_role_in_the_possessive_is_not_the_role_asked() -> None:
    """ "Who is exercising the governor's powers" asks who stands in for the governor: a fact
    naming the deputy who does is not ruled out for naming no governor."""
    assert focus("who is exercising the governor's powers while she is in jail").roles == ()
    assert focus("who is the governor of the region").roles == ("governor",)


def test_who_is_in_charge_asks_for_the_head_not_the_charges() -> None:
    """ "Who's in charge of the region" asks who heads it, like "who runs it"; "in charge" is
    not the charges against someone, and "right now" only says "now"."""
    assert "head" in focus("whos in charge of the region rn").roles
    analyzer = Analyzer()
    assert analyzer.terms("who is in charge of the region right now") == analyzer.terms(
        "who is head of the region"
    )
    assert "charg" in analyzer.terms("what was she charged with")
    acting = Fact(
        "region-acting-head",
        "While the governor is in jail, her first deputy acts as the region's acting head.",
        ("who runs the region now", "who is acting head of the region", "is she still governor"),
    )
    charges = Fact(
        "governor-charges",
        "The governor was charged with illegally financing the Shor party and with paying "
        "protesters, prosecutors said.",
        ("what are the charges against the governor", "what was the governor convicted of"),
    )
    matcher = Matcher([acting, charges])
    assert answered(matcher.ask("whos in charge of the region rn")) == "region-acting-head"
    assert answered(matcher.ask("what was the governor charged with")) == "governor-charges"


def test_a_question_ending_in_since_asks_how_things_stand_since() -> None:
    """ "Has the consul gone back since?" asks about what came after the recall, which the
    recall's own fact does not tell."""
    assert focus("has the consul gone back to batumi since?").wants & Want.LATER
    assert focus("has anything changed since then").wants & Want.LATER
    assert not focus("since when has the border been closed").wants & Want.LATER
    recall = Fact(
        "consul-recall",
        "Armenia recalled its consul from Batumi on 3 April 2025 after a dispute over a border "
        "post.",
        ("why did armenia recall its consul", "is the armenian consul back in batumi"),
    )
    result = Matcher([recall]).ask("has armenia sent its consul back to batumi since?")
    assert result.decision is not Decision.ANSWER


def test_what_happened_after_a_fact_was_written_is_not_told_by_it() -> None:
    """A fact written in August that names the September election cannot say who won it: asked
    in the past tense about a time after its writing, it is not the answer. Asked when the
    election is, it is."""
    assert focus("who won the september 2025 election").happened_from == dt.date(2025, 9, 1)
    assert focus("who won the 2026 vote").happened_from == dt.date(2026, 1, 1)
    assert focus("when is the september 2025 election").happened_from is None
    assert focus("will he run again in 2030").happened_from is None
    assert focus("what goal for 2035 did the summit set").happened_from is None
    upcoming = Fact(
        "vote-called",
        "The president called an early parliamentary election for 28 September 2025, saying "
        "the new constitution required a fresh mandate.",
        (
            "when is the parliamentary election",
            "why did the president call an early election",
            "early parliamentary election 2025",
        ),
        source=Source(published=dt.date(2025, 8, 7)),
    )
    matcher = Matcher([upcoming])
    assert answered(matcher.ask("when is the september 2025 parliamentary election")) == (
        "vote-called"
    )
    result = matcher.ask("who won the september 2025 parliamentary election")
    assert result.decision is not Decision.ANSWER
    # A fact of unknown date is not ruled out by its date.
    undated = dataclasses.replace(upcoming, source=None)
    ranked, _ = Matcher([undated]).explain("who won the september 2025 parliamentary election")
    assert not ranked[0].strict_miss


def test_the_name_of_a_thing_wants_the_thing_named_not_mentioned() -> None:
    """ "What is the name of the prison" is not answered by a fact that names the convict and
    only mentions "a semi-closed prison"; a fact naming the prison answers it."""
    assert focus("what is the name of the prison she was sent to").roles == ("prison",)
    assert focus("what was the village called").roles == ("village",)
    assert focus("what is the name of the coalition").roles == ("coalition",)
    sentenced = Fact(
        "mayor-sentenced",
        "A Chisinau court sentenced the former mayor Ion Rusu to six years in prison on 2 June; "
        "he was taken to a semi-closed prison straight from the courtroom.",
        ("how long was the mayor sentenced to", "where was the mayor sent"),
    )
    question = "what is the name of the prison the former mayor was sent to"
    assert Matcher([sentenced]).ask(question).decision is not Decision.ANSWER
    named = Fact(
        "mayor-prison",
        "The former mayor Ion Rusu was sent to the Taraclia prison to serve his sentence, his "
        "lawyer said.",
        ("where is the mayor serving his sentence", "which prison was the former mayor sent to"),
    )
    assert answered(Matcher([sentenced, named]).ask(question)) == "mayor-prison"


def test_a_fact_holding_the_share_keeps_its_place_against_a_head_count_phrasing() -> None:
    """Of two siblings that both hold a percentage, the one whose answer matches better stays
    first for "what share of voters ...": a sibling's phrasing asking "how many voters" is not
    phrased for a share, so it does not overtake it."""
    result = Fact(
        "poll-result",
        "In the 4 June referendum 72% of voters approved joining the customs union, the election "
        "commission said.",
        (
            "did the customs union referendum pass",
            "what was the referendum result",
            "did the yes side win",
            "customs union referendum",
            "what did the election commission announce",
        ),
    )
    turnout = Fact(
        "poll-turnout",
        "Turnout in the 4 June referendum was 58%, with 2.1 million of the 3.6 million registered "
        "voters taking part.",
        (
            "how many voters took part in the referendum",
            "what was the turnout in the referendum",
            "how many registered voters are there",
        ),
    )
    result_first = Matcher([result, turnout]).ask(
        "what share of voters approved it in the referendum"
    )
    assert result_first.best is not None and result_first.best.fact.id == "poll-result"


def test_of_tied_siblings_the_one_asked_the_same_way_comes_first() -> None:
    """ "When did the new charter kick in" shares its content words as much with the fact on
    the charter's articles as with the one on its taking effect; the latter is asked "when did
    ..." by its curator, so it comes first."""
    articles = Fact(
        "charter-articles",
        "The republic's new charter, adopted in 2024, has 155 articles, up from 128 in the old "
        "one.",
        (
            "how many articles does the new charter have",
            "how much of the charter changed",
            "is the new charter longer",
        ),
    )
    in_force = Fact(
        "charter-in-force",
        "The republic's new charter took effect on 1 May 2024, the day after the vote.",
        ("when did the new charter take effect", "is the new charter in force"),
        date=dt.date(2024, 5, 1),
    )
    ranked, _ = Matcher([articles, in_force]).explain("when did the new charter kick in")
    assert ranked[0].entry.fact.id == "charter-in-force"
    # Asked in a form that asks for no kind of answer, the order stays as scored.
    ranked, _ = Matcher([articles, in_force]).explain("what about the new charter kick in")
    assert ranked[0].relevance >= ranked[1].relevance


def test_a_word_naming_the_kind_asked_in_a_phrasing_is_not_its_topic() -> None:
    """ "Old" in the phrasing "how old is karimli" asks an age; "his old terms" is about terms,
    and the fact on the terms comes before the one whose curator asked the president's age."""
    assert focus("how old is the president").kind_words == ("old",)
    assert focus("how many died so far").kind_words == ("far",)
    assert focus("his old terms dont count anymore").kind_words == ()
    background = Fact(
        "president-background",
        "President Karimli, 61, came to power in 2016; under the old rules his second term "
        "would have been his last.",
        ("who is president karimli", "how old is karimli", "when did karimli come to power"),
    )
    reset = Fact(
        "term-reset",
        "A transitional clause of the new charter lets officials in post stand again however "
        "many terms they have served, resetting President Karimli's count.",
        ("can karimli run again", "how long can karimli stay in power"),
    )
    ranked, _ = Matcher([background, reset]).explain("so his old terms just dont count anymore??")
    assert ranked[0].entry.fact.id == "term-reset"


def test_a_measure_is_no_count_of_things() -> None:
    """ "How many soldiers were captured" is not answered by "1,000 square kilometres of
    Armenian territory captured", though the fact's phrasing asks "how much territory"; that
    question, an amount, still gets it."""
    assert focus("how many soldiers were captured").countable
    assert not focus("how much territory was captured").countable
    area = Fact(
        "rebels-territory",
        "The rebel commander said his units had captured about 1,000 square kilometres of "
        "Armenian territory by 12 August.",
        (
            "how much territory did the rebels capture",
            "what did the rebel commander say",
            "square kilometres captured by the rebels",
        ),
    )
    matcher = Matcher([area])
    question = "how many armenian soldiers did the rebels capture"
    assert matcher.ask(question).decision is not Decision.ANSWER
    assert answered(matcher.ask("how much armenian territory did the rebels capture")) == (
        "rebels-territory"
    )


def test_a_clause_saying_when_weighs_less_than_what_is_asked() -> None:
    """ "What did the opposition demand when the commission announced the results" asks for
    the demand; the announcement only says when. The fact on the results, which holds the
    clause's words, is not given as the answer."""
    results = Fact(
        "poll-results",
        "The central election commission announced on 3 March that the ruling party had won 54% "
        "of the vote in the parliamentary election.",
        (
            "what were the election results",
            "who won the parliamentary election",
            "what did the election commission announce",
            "when were the results announced",
        ),
    )
    recount = Fact(
        "opposition-recount",
        "The opposition bloc rejected the official count and demanded a full recount under "
        "international observers.",
        (
            "what does the opposition want",
            "did the opposition accept the result",
            "is there going to be a recount",
        ),
    )
    matcher = Matcher([results, recount])
    question = "what did the opposition demand when the commission announced the results"
    assert matcher.ask(question).decision is not Decision.ANSWER
    _, asked = matcher.explain(question)
    _, plain = matcher.explain("what did the commission announce about the results")
    weight = {qt.term: qt.weight for qt in asked.query}
    assert weight["commiss"] < {qt.term: qt.weight for qt in plain.query}["commiss"]
    # Asked when, the announcement is what is asked about.
    assert answered(matcher.ask("when did the commission announce the election results")) == (
        "poll-results"
    )


def test_until_when_asks_for_the_end_a_fact_states() -> None:
    """ "Until what year could he stay" asks for an end ("until 2036"), which the fact on the
    reset terms states and the one on when his old term would have ended does not."""
    assert focus("until what year could he stay in power").until
    assert not focus("what year did he come to power").until
    background = Fact(
        "leader-background",
        "President Karimli came to power in 2016 and was re-elected in 2021; his second term "
        "would have been his last.",
        (
            "who is president karimli",
            "when did president karimli come to power",
            "when would karimli's term have ended",
            "when was karimli re-elected",
            "how old is karimli",
        ),
    )
    reset = Fact(
        "leader-term-reset",
        "The new charter resets the count of President Karimli's terms: he could win two more "
        "terms and stay in power until 2036.",
        ("can karimli run again", "were karimli's terms reset"),
    )
    ranked, _ = Matcher([background, reset]).explain(
        "until what year could president karimli remain in power"
    )
    assert ranked[0].entry.fact.id == "leader-term-reset"

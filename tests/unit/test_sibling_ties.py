"""Sibling facts that match a question about as well as each other: which one answers, and
when the bot may say so outright rather than ask "did you mean".

The facts and questions here are written for these tests, in the style of the questions the
bot gets on Discord; none comes from the held-out benchmark questions.
"""

from __future__ import annotations

import datetime as dt

from bot.core.focus import Want, answer_kinds
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Decision, Fact
from bot.core.text import focus


def answered(result: AskResult) -> str | None:
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None


# ------------------------------------------------------------- "when" setting the scene
MAYOR_RESIGNS = Fact(
    "gyumri-mayor-resigns",
    "Gyumri's mayor Vardan Ghukasyan resigned on 4 March 2025 after his arrest on bribery charges.",
    ("why did the gyumri mayor resign", "when did the mayor of gyumri quit", "mayor resignation"),
    date=dt.date(2025, 3, 4),
)
MINISTRY_REACTS = Fact(
    "ministry-reaction",
    "The interior ministry called the mayor's resignation a private matter for the city council.",
    ("how did the ministry react to the resignation", "what did the interior ministry say"),
)


def test_when_after_another_question_word_sets_the_scene() -> None:
    """ "How did X react when Y happened" asks how, not when; "when" first, or joined on by
    "and", still asks for a time."""
    assert not focus("how did the ministry react when the mayor resigned").wants & Want.TIME
    assert not focus("what happened when police raided the market").wants & Want.TIME
    assert focus("so when did the bridge open").wants & Want.TIME
    assert focus("do you know when the bridge opens").wants & Want.TIME
    assert focus("who was arrested and when").wants & Want.TIME
    assert focus("when will the bridge open").wants & Want.FUTURE


def test_a_reaction_is_answered_though_the_question_says_when_it_came() -> None:
    """The fact on the ministry's reaction holds no date, and needs none to answer."""
    matcher = Matcher([MAYOR_RESIGNS, MINISTRY_REACTS])
    question = "how did the interior ministry react when the gyumri mayor resigned"
    assert answered(matcher.ask(question)) == "ministry-reaction"


# ------------------------------------------------------------------ thousands, not years
def test_a_count_in_the_thousands_is_a_count_not_a_year() -> None:
    """ "About 2,000 residents" counts people; "in 2020," is a year."""
    assert answer_kinds("About 2,000 residents were evacuated.") & Want.COUNT
    assert not answer_kinds("About 2,000 residents were evacuated.") & Want.TIME
    assert answer_kinds("In 2020, the war began.") & Want.TIME
    evacuated = Fact(
        "shirvan-evacuation",
        "About 2,000 people were evacuated from their homes in Shirvan as the Kura rose.",
        ("were people evacuated in shirvan", "shirvan evacuation"),
    )
    matcher = Matcher([evacuated, MINISTRY_REACTS])
    assert answered(matcher.ask("how many people were evacuated in shirvan")) == (
        "shirvan-evacuation"
    )


# -------------------------------------------------- the sibling that states what is asked
DRY_PORT = Fact(
    "khorgos-dry-port-2019",
    "In 2019 Kazakhstan opened the Khorgos dry port on its eastern border.",
    (
        "china's role in the khorgos port",
        "china role khorgos",
        "did china play a role in the port",
        "china role in 2019",
        "role of china at khorgos",
    ),
)
CHINA_INVESTOR = Fact(
    "china-investor",
    "China now plays a growing role as Kazakhstan's biggest investor, funding railways and "
    "pipelines every year and buying its gas, oil and uranium while lending to its state banks "
    "and building roads.",
    ("china role now", "is kazakhstan turning to china"),
)


def test_of_two_nearly_tied_siblings_the_one_stating_it_comes_first() -> None:
    """A fact whose phrasings repeat the question's words scores a little higher than the one
    whose answer says them; the one that says them, as well phrased and covered, is the
    answer."""
    matcher = Matcher([DRY_PORT, CHINA_INVESTOR])
    for question in ("what is china's role", "whats chinas role", "china, whats its role"):
        result = matcher.ask(question)
        assert answered(result) == "china-investor", question
        assert result.matches[1].fact.id == "khorgos-dry-port-2019"


# ------------------------------------------------------- the sibling asked that question
CSTO_DEPLOYMENT = Fact(
    "csto-deployment",
    "Russian paratroopers arrived in Kazakhstan on 6 January 2022 with a CSTO force, because "
    "President Tokayev asked the alliance for help against what he called terrorists.",
    (
        "why did russian troops go to kazakhstan in 2022",
        "csto deployment kazakhstan",
        "who sent troops to kazakhstan",
        "when did the csto arrive",
        "how many csto troops came",
    ),
)
CSTO_WITHDRAWAL = Fact(
    "csto-withdrawal",
    "The CSTO force, most of it Russian troops, left Kazakhstan by 19 January 2022 after "
    "Tokayev said its mission was over.",
    (
        "when did russian troops leave kazakhstan",
        "are russian troops still in kazakhstan",
        "csto withdrawal",
        "did the csto troops go home",
        "is the csto mission over",
    ),
)
WHY_TROOPS = ("y r russian troops in kazakhstan lol", "russian troops in kazakhstan, why")


def test_a_near_tie_is_broken_by_the_sibling_asked_that_kind_of_question() -> None:
    """Both facts hold "russian troops kazakhstan"; only the deployment's curator wrote a "why"
    question for it, so a confident "why" is answered by it, not offered as a tie."""
    matcher = Matcher([CSTO_WITHDRAWAL, CSTO_DEPLOYMENT])
    for question in WHY_TROOPS:
        assert answered(matcher.ask(question)) == "csto-deployment", question


def test_the_kind_of_question_breaks_a_tie_only_when_confident() -> None:
    """Below ``kind_confidence`` (a weaker sign than a lead in score, so it asks for more than
    the answer threshold) the near tie stays a "did you mean"."""
    strict = Matcher(
        [CSTO_WITHDRAWAL, CSTO_DEPLOYMENT], settings=MatcherSettings(kind_confidence=0.95)
    )
    for question in WHY_TROOPS:
        result = strict.ask(question)
        assert result.decision is Decision.SUGGEST, question
        assert result.best is not None and result.best.fact.id == "csto-deployment"


# ------------------------------------------------------------ in charge, not charged
BRIDGE_INQUIRY = Fact(
    "bridge-inquiry",
    "Armenia's Investigative Committee is in charge of the inquiry into the Debed bridge collapse.",
    ("who is in charge of the bridge inquiry", "who is investigating the debed bridge collapse"),
)
BRIDGE_ARRESTS = Fact(
    "bridge-arrests",
    "Police detained three engineers of the firm that repaired the Debed bridge.",
    ("were engineers arrested over the bridge", "who was detained after the collapse"),
)


def test_being_in_charge_is_leading_not_being_charged() -> None:
    """A question about the charges a firm faces is not answered by the fact on who is in
    charge of the inquiry; one about who leads the inquiry meets it."""
    matcher = Matcher([BRIDGE_INQUIRY, BRIDGE_ARRESTS])
    charged = matcher.ask("what charges does the debed bridge firm face")
    assert answered(charged) != "bridge-inquiry"
    assert answered(matcher.ask("is the committee leading the bridge inquiry")) == (
        "bridge-inquiry"
    )

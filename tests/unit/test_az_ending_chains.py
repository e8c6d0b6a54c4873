"""An Azerbaijani question word no fact holds is read as a form of a fact's word by the chain of
endings after it (``bot.core.az_chains``): "qalmasının" (of its staying) of a fact saying
"qalır" (stays), "aparan" (carrying) of one saying "aparır". Left a word of its own, the verb
the question turns on met nothing, and the question was only offered. A verb the stemmer cut
to a shorter word the facts hold is read as its own root too: "başlayım" (let me begin) is
"başla-", not "baş" (head, or the "baş" of "baş verdi", happened), which answered a request for
a wedding toast with a fact on what happened.

Every example is this file's own (ferries and a harbour), never the knowledge's nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_chains import chain_start
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

HELD = frozenset(
    {"qal", "apar", "deyis", "gel", "basla", "2021", "olke", "men", "xeber", "pis", "esas", "gun"}
)


@pytest.mark.parametrize(
    ("word", "start"),
    [
        ("qalmasinin", "qal"),  # the verbal noun, its possessive and case
        ("aparan", "apar"),  # the participle
        ("deyismekdedir", "deyis"),  # the infinitive, its locative and the copula
        ("gelende", "gel"),  # the converb of time
        ("gelmeyecekmi", "gel"),  # the negative future with the question particle
        ("baslayim", "basla"),  # the optative: let me begin
        ("2021den", "2021"),  # a year with its case ending, typed without the hyphen
    ],
)
def test_a_verb_form_is_read_as_its_root(word: str, start: str) -> None:
    assert chain_start(word, HELD.__contains__) == start


@pytest.mark.parametrize(
    "word",
    [
        "xebersiz",  # uninformed: "-siz" makes another word
        "mena",  # meaning, no "mən" with an ending
        "olkeyik",  # a noun's own chain is left to the stemmers
        "pisikler",  # cats, no "pis" (bad)
        "dovlet",  # nothing held starts it
        "esasen",  # mainly: a word of its own in the lexicon, no participle of "əsas"
        "gunyan",  # the buffer "y" follows a vowel only
    ],
)
def test_a_word_that_is_no_form_of_a_held_word_stays_unread(word: str) -> None:
    assert chain_start(word, HELD.__contains__) is None


FERRIES_STAY = Fact(
    "ferries-in-port",
    "The ferries stay in port at Alat because of the storm.",
    ("why are the ferries in port",),
    translations=(
        Translation(
            "az",
            "Fırtına səbəbindən bərələr Ələt limanında qalır.",
            ("bərələr niyə limanda qalır",),
        ),
    ),
)
FERRIES_CARRY = Fact(
    "ferries-carry-grain",
    "The ferries carry grain from Alat to Turkmenbashi on a new route.",
    ("what do the ferries carry",),
    translations=(
        Translation(
            "az",
            "Bərələr yeni marşrutla Ələtdən Türkmənbaşıya taxıl aparır.",
            ("bərələr nə aparır",),
        ),
    ),
)


def test_a_question_turning_on_a_verb_form_is_answered() -> None:
    matcher = Matcher([FERRIES_STAY, FERRIES_CARRY], analyzer=Analyzer())
    result = matcher.ask("bərələrin qalmasının səbəbi nədir")
    assert result.best is not None and result.best.fact.id == "ferries-in-port"
    assert result.decision is Decision.ANSWER


PORT_FIRE = Fact(
    "port-fire",
    "A fire broke out in a warehouse at the port of Alat; two dockers' brothers were hurt.",
    ("what happened at alat port",),
    translations=(
        Translation(
            "az",
            "Ələt limanında anbarda yanğın baş verdi, iki yükdaşıyanın qardaşı yaralandı.",
            ("ələt limanında nə baş verdi",),
        ),
    ),
)
SAILINGS_RESUME = Fact(
    "ferries-resume",
    "Ferry sailings from Alat resumed after the storm.",
    ("did the ferries resume",),
    translations=(
        Translation(
            "az",
            "Fırtınadan sonra Ələtdən bərə reysləri yenidən başladı.",
            ("bərə reysləri başladı",),
        ),
    ),
)


@pytest.mark.parametrize(
    "question",
    ["qardaşımın toyunda nitqə necə başlayım?", "qardasimin toyunda nitqe nece baslayim"],
)
def test_let_me_begin_is_no_happening(question: str) -> None:
    matcher = Matcher([PORT_FIRE, SAILINGS_RESUME], analyzer=Analyzer())
    result = matcher.ask(question)
    assert result.decision is not Decision.ANSWER

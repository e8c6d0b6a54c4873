"""Russian and Azerbaijani idioms read as what they mean: "из одной оперы" (of a piece) is no
opera and no operation, and an idiom a synonym group lists beside the English it translates
("упираться рогом", to dig one's heels in; "сдать назад", to back down; "geri durmaq", to hold
back) meets that group in its inflected forms.

The groups and questions are written for these tests; none comes from the benchmark questions.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Fact, Translation
from bot.core.text import Analyzer

STUBBORN = ("entrenched", "dig in", "упираться рогом", "коса на камень")
BACK_DOWN = ("back down", "budge", "сдал назад", "сдвинулся", "сдвинулись", "geri durmaq")


def test_of_one_opera_is_no_opera() -> None:
    """ "это всё из одной оперы" says two things go together: its words are no topic, so the
    question is read as its other words, and "опера" alone is still an opera."""
    analyzer = Analyzer()
    assert analyzer.terms("забастовка и пробки, это всё из одной оперы?") == analyzer.terms(
        "забастовка и пробки?"
    )
    assert analyzer.terms("а это уже из другой оперы") == ()
    assert analyzer.terms("опера в гяндже") != analyzer.terms("в гяндже")


def test_an_idiom_meets_its_group_in_its_inflected_forms() -> None:
    analyzer = Analyzer([STUBBORN, BACK_DOWN])
    stubborn, back_down = analyzer.terms("entrenched"), analyzer.terms("back down")
    assert set(analyzer.terms("профсоюз упирается рогом")) == {
        *analyzer.terms("профсоюз"),
        *stubborn,
    }
    assert set(stubborn) <= set(analyzer.terms("нашла коса на камень"))
    for said in ("никто не сдвинулся", "стороны не сдвинулись", "кто-то уже сдал назад"):
        assert set(back_down) <= set(analyzer.terms(said)), said
    assert set(back_down) <= set(analyzer.terms("həmkarlar ittifaqı geri durmur"))


def test_a_russian_idiom_meets_an_english_fact() -> None:
    """ "Has anyone backed down in the port strike?" asked in Russian slang gets the fact that
    says neither side is backing down, not the sibling about the strike's start."""
    stalemate = Fact(
        "port-strike-stalemate",
        "Neither the dockers' union nor the port company is backing down in the Poti strike.",
        ("is anyone backing down in the poti strike",),
        translations=(
            Translation(
                "ru",
                "В забастовке в Поти ни профсоюз докеров, ни портовая компания не уступают.",
                ("кто-то уступает в забастовке в поти?",),
            ),
        ),
    )
    began = Fact(
        "port-strike-began",
        "Dockers in Poti went on strike on 3 June 2025 over unpaid overtime.",
        ("when did the poti strike begin",),
        translations=(
            Translation(
                "ru",
                "Докеры в Поти начали забастовку 3 июня 2025 года из-за неоплаченных переработок.",
                ("когда началась забастовка в поти",),
            ),
        ),
    )
    matcher = Matcher([stalemate, began], analyzer=Analyzer([BACK_DOWN]))
    result = matcher.ask("ну что там в поти с забастовкой, кто-то сдал назад?")
    assert result.best is not None and result.best.fact.id == "port-strike-stalemate"

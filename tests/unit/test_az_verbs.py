"""Issue 15, second pass: the forms of an Azerbaijani verb meet ("saxlayıb" / "saxlanılıb" /
"saxladı"), and nouns that end like verb forms are left whole (``bot.core.az_verbs``).

The facts and questions are this file's own (a ferry, a dairy), never the live knowledge nor
the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_nouns import az_form
from bot.core.az_verbs import verb_root
from bot.core.language import az_plain
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "ferry-crew",
        "Port police held the crew of a cargo ferry for two days after a fire in its engine room.",
        ("what happened to the ferry crew",),
        translations=(
            Translation(
                "az",
                "Liman polisi mühərrik otağında yanğından sonra yük bərəsinin heyətini iki gün "
                "saxlayıb.",
                ("bərənin heyətinə nə oldu",),
            ),
        ),
    ),
    Fact(
        "dairy-prices",
        "Milk prices at the dairy cooperative will rise by a tenth from March.",
        ("how much will milk cost",),
        translations=(
            Translation(
                "az",
                "Süd kooperativində süd qiymətləri martdan onda bir artacaq.",
                ("süd nə qədər olacaq",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    "forms",
    [
        # keep: present, past, perfect, passive perfect and past, a participle, the negative
        ("saxlayır", "saxladı", "saxlayıb", "saxlanılıb", "saxlanıldı", "saxladığı", "saxlamayıb"),
        ("istəyir", "istəmir", "istəmədi", "istəmədiyini", "istəyəcək"),
        ("keçirir", "keçirdi", "keçirib", "keçirilən", "keçiriləcək"),
        ("başladı", "başlayıb", "başlayır", "başlayacaq"),
        ("pisləşir", "pisləşib", "pisləşəcək"),
        ("çağırır", "çağırdı", "çağırılıb"),
        ("tutdu", "tutublar", "tuturuq"),
        # the passive of a short root is a verb of its own (to be arrested / to hold)
        ("tutuldu", "tutulub", "tutulmaq"),
    ],
)
def test_the_forms_of_an_azerbaijani_verb_meet(forms: tuple[str, ...]) -> None:
    stems = {form: stem_in(form, "az") for form in forms}
    assert len(set(stems.values())) == 1, stems


@pytest.mark.parametrize(
    "forms",
    [
        # the verbal noun and the infinitive with its cases meet the verb
        ("araşdırır", "araşdırma", "araşdırmanın", "araşdırılması", "araşdırmaqdan"),
        ("kəskinləşir", "kəskinləşməkdə", "kəskinləşməsini"),
        ("çağırdı", "çağırılması", "çağırmağa"),
    ],
)
def test_verbal_nouns_and_infinitives_meet_their_verb(forms: tuple[str, ...]) -> None:
    stems = {form: stem_in(form, "az") for form in forms}
    assert len(set(stems.values())) == 1, stems


def test_the_passive_of_a_short_root_stays_apart() -> None:
    assert stem_in("tutulub", "az") != stem_in("tutub", "az")


def test_a_verb_typed_without_its_letters_meets_it_written_with_them() -> None:
    assert stem_in("cagirilib", "az") == stem_in("çağırılıb", "az")
    assert stem_in("isteyir", "az") == stem_in("istəmir", "az")


@pytest.mark.parametrize(
    "noun",
    [
        # nouns and names that end like a verb form: each keeps its stem in every form
        "səfir",  # ambassador, not "səf-ir"
        "nazir",  # minister
        "dəmir",  # iron
        "təsir",  # influence
        "zəncir",  # chain
        "sərhəd",  # border: "sərhədi" is its own, not a past "sərhə-di"
        "ümid",  # hope
        "məhəmməd",
        "vladimir",
        "kəşmir",
        "ordu",  # army
        "reyd",  # raid
        "sadiq",  # loyal
        "azərbaycan",
        "meydan",  # square
        "şəhər",  # city
        "bələdiyyə",  # municipality: no participle in "-diyi"
        "iqtisadiyyat",  # economy
        "firma",  # a "-ma" that is no verbal noun
        "forma",
        "norma",
    ],
)
def test_a_noun_is_not_cut_as_a_verb(noun: str) -> None:
    for form in (noun, noun + "i", noun + "lər", noun + "dir"):
        assert verb_root(az_form(form)) is None, form


@pytest.mark.parametrize("number", ["altmış", "yetmiş"])
def test_the_tens_in_mis_are_no_evidential(number: str) -> None:
    assert verb_root(az_form(number)) is None


def test_a_root_shorter_than_three_letters_is_not_given() -> None:
    # "ölür" (dies) would be "öl": too short to be sure of; "olmuşdu" has "ol" only when
    # asked for a light verb.
    assert verb_root(az_form("ölür")) is None
    assert verb_root(az_form("olmuşdu")) is None
    assert verb_root(az_form("olmuşdu"), shortest=2) == "ol"


def test_a_question_in_another_verb_form_finds_the_fact(matcher: Matcher) -> None:
    # The fact says "saxlayıb" (has held); the question asks in the passive past.
    result = matcher.ask("bərənin heyəti nə qədər saxlanıldı?")
    assert result.best is not None
    assert result.best.fact.id == "ferry-crew"
    # The future of the fact ("artacaq") asked in the present.
    result = matcher.ask("süd qiymətləri artır?")
    assert result.best is not None
    assert result.best.fact.id == "dairy-prices"


def test_had_been_is_a_light_verb() -> None:
    analyzer = Analyzer()
    # "olmuşdu" (had been, had happened) says how the question is asked, as "olub" does.
    assert analyzer.terms("limanda nə olmuşdu") == analyzer.terms("limanda nə olub")


@pytest.mark.parametrize(
    "forms",
    [
        # the bare present after a consonant, whose root the lexicon lists, meets the past
        ("aparır", "apardı", "aparıb", "aparırlar"),
        ("seçir", "seçdi", "seçib"),
        ("qızışır", "qızışdı", "qızışıb"),
        ("tutur", "tutdu", "tutublar"),
    ],
)
def test_the_bare_present_after_a_consonant_meets_the_past(forms: tuple[str, ...]) -> None:
    stems = {form: stem_in(form, "az") for form in forms}
    assert len(set(stems.values())) == 1, stems


@pytest.mark.parametrize("noun", ["səfir", "nazir", "dəmir", "təsir", "zəncir"])
def test_a_noun_the_lexicon_lists_whole_is_no_present(noun: str) -> None:
    # "səf", "naz" and "dəm" are words too, but the lexicon lists "səfir" itself.
    stem = az_plain(stem_in(noun, "az"))
    assert stem == az_plain(noun)
    assert az_plain(stem_in(noun + "lər", "az")) == stem


def test_a_question_in_the_present_finds_the_fact_told_in_the_past() -> None:
    facts = [
        Fact(
            "lake-survey",
            "A team of divers surveyed the lake bed near the old mill last week.",
            ("what did the divers do at the lake",),
            translations=(
                Translation(
                    "az",
                    "Dalğıc qrupu keçən həftə köhnə dəyirmanın yanında göl dibində axtarış apardı.",
                    ("dalğıclar göldə nə etdi",),
                ),
            ),
        ),
        FACTS[1],
    ]
    result = Matcher(facts, analyzer=Analyzer()).ask("dalğıclar göldə axtarış aparır?")
    assert result.best is not None
    assert result.best.fact.id == "lake-survey"
    assert result.decision is Decision.ANSWER

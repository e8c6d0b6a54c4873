"""One speller (``bot.core.cyrillic_spellings``) reads both ways Russian reaches the bot in Latin
letters: typed on a Latin keyboard ("khabarovsk", "yemen") and a Russian name in Azerbaijani
letters ("Xabarovskda"). Each way is a ``Scheme`` of letters and rules; what a reader notices is
that both ways of writing one name meet the same Russian word, and that each keeps its own
habits (the keyboard's left-out soft sign only before a consonant; Azerbaijani's soft sign,
which it never writes, anywhere; a "й" after a last "ы" that Azerbaijani leaves off).

Every example is this file's own (a river port, a country, a small table of letters), never the
knowledge's nor the bench's questions.
"""

from __future__ import annotations

from bot.core.az_russian_names import russian_name
from bot.core.cyrillic_spellings import Scheme, spellings
from bot.core.latin_russian import reading
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation

# A small way of writing: enough letters for the examples below.
_TABLE: dict[str, tuple[str, ...]] = {
    "a": ("а",),
    "k": ("к",),
    "h": ("х",),
    "kh": ("х",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "s": ("с",),
    "y": ("ы", "й"),
    "j": ("й", "ж"),
    "'": ("ь",),
}


def test_both_ways_of_writing_a_name_meet_one_russian_word() -> None:
    # The keyboard's "kh" and Azerbaijani's "x" both write the "х" of Хабаровск.
    assert reading("khabarovsk")[0] == "хабаровск"
    assert russian_name("xabarovskdan") == "хабаровск"


def test_the_longest_group_of_letters_is_read_first() -> None:
    scheme = Scheme(_TABLE)
    # "kh" as one letter before "k" and "h" apart.
    assert list(spellings("kha", scheme, soft=False)) == ["ха", "кха"]


def test_a_left_out_soft_sign_stands_where_the_scheme_lets_it() -> None:
    keyboard = Scheme(_TABLE, soft_after=frozenset("л"), soft_before_vowels=False)
    anywhere = Scheme(_TABLE, soft_after=frozenset("л"))
    # Before a consonant or at the end ("sol" for "соль")...
    assert "соль" in spellings("sol", keyboard)
    assert "сольн" in spellings("soln", keyboard)
    # ...and before a vowel only where the writing leaves it out there too.
    assert "сольа" not in spellings("sola", keyboard)
    assert "сольа" in spellings("sola", anywhere)
    # Not read at all when the caller asks for the plain spellings.
    assert list(spellings("sol", anywhere, soft=False)) == ["сол"]


def test_a_letter_left_off_the_end_is_read_back() -> None:
    scheme = Scheme(_TABLE, closing={"ы": "й"})
    assert list(spellings("noy", scheme)) == ["ноы", "ноый", "ной"]


def test_russian_spelling_is_kept_whatever_the_writing() -> None:
    scheme = Scheme(_TABLE)
    # No "ь" to begin a word, no "й" after a consonant...
    assert "ьа" not in spellings("'a", scheme)
    assert list(spellings("mja", scheme, soft=False)) == ["мжа"]
    # ...but a "й" may begin one, as it does Йемен and йога.
    assert "йа" in spellings("ja", scheme)


def test_a_name_beginning_with_short_i_is_read_both_ways() -> None:
    # Typed on a keyboard and written in Azerbaijani letters: the "й" of Йемен.
    assert reading("yemen")[0] == "йемен"
    assert russian_name("yəməndə") == "йемен"


def test_a_spelling_that_begins_no_known_word_is_given_up() -> None:
    scheme = Scheme(_TABLE)
    known = {"м", "мо", "мол"}
    assert list(spellings("mol", scheme, within=known)) == ["мол"]
    assert list(spellings("mos", scheme, within=known)) == []


def test_a_spelling_past_a_known_stem_may_end_in_any_way() -> None:
    scheme = Scheme(_TABLE)
    known = {"м", "мо", "мол"}

    def may_end(before: str, left: int) -> bool:
        return before == "мол" and left <= 2

    # "мол" is a stem: the two letters after it are an ending, whatever they spell.
    assert list(spellings("molka", scheme, within=known, may_end=may_end)) == ["молка"]
    # Three letters after it are more than an ending.
    assert list(spellings("molkan", scheme, within=known, may_end=may_end)) == []


def test_a_run_of_latin_letters_longer_than_any_word_is_read_without_failing() -> None:
    """A fact whose Azerbaijani text holds a "word" of thousands of Latin letters is indexed,
    and a question holding one is answered; such a run is no Russian word (it once went
    deeper than Python's stack, and the fact could not be indexed)."""
    run = "ya" * 1200
    fact = Fact(
        "ferry-sign",
        "A ferry sign at the port was painted over.",
        ("what happened to the ferry sign",),
        translations=(
            Translation("az", f"Limandakı bərə lövhəsinin {run} yazısı rənglənib.", ("nə oldu",)),
        ),
    )
    matcher = Matcher([fact])
    result = matcher.ask(f"what happened to the ferry sign {run}")
    assert result.best is not None and result.best.fact.id == "ferry-sign"
    assert matcher.ask(f"kto {run}").decision is not Decision.ANSWER
    assert reading(run) == ("", 0.0)

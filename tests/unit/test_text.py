"""Text normalisation: folding, stemming, stopwords, synonyms and word specificity."""

from __future__ import annotations

import pytest

from bot.core.english_stems import specificity, stem
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold, words
from bot.core.text import Analyzer


def test_fold_transliterates_cyrillic() -> None:
    """A question typed in Cyrillic meets the English index: Екатеринбург reads 'ekaterinburg'."""
    assert fold("Екатеринбург") == "ekaterinburg"


def test_fold_transliterates_azerbaijani_letters() -> None:
    """Azerbaijani 'ə' and friends become plain ASCII letters inside the same word."""
    assert fold("Azərbaycan") == "azerbaycan"
    assert fold("Bakı, Gəncə") == "baki gence"


def test_fold_strips_zalgo_combining_marks() -> None:
    """Stacked combining marks (zalgo text) vanish and leave the plain words."""
    zalgo = (
        "Z\u0337\u0322a\u0335l\u0336g\u0334o\u0337 \u0338t\u0334e\u0335x\u0336t\u0300\u0301\u0302"
    )
    assert fold(zalgo) == "zalgo text"
    assert fold("ambassa\u0301\u0308\u0327dor") == "ambassador"


@pytest.mark.parametrize(
    "mark",
    ["\u200f", "\u200e", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad"],
    ids=["rlm", "lrm", "rlo", "lri", "zwsp", "bom", "soft-hyphen"],
)
def test_fold_drops_invisible_direction_and_format_marks_inside_a_word(mark: str) -> None:
    """Right-to-left and zero-width marks pasted inside a word do not split or change it."""
    assert fold(f"yekater{mark}inburg") == "yekaterinburg"


def test_fold_drops_nul_and_control_characters() -> None:
    """NUL, bell and escape characters never reach the index as characters."""
    folded = fold("\x00ambassador\x07 recalled\x1b[0m\x7f")
    assert folded.split()[:2] == ["ambassador", "recalled"]
    assert all(char.isalnum() or char == " " for char in folded)


def test_fold_turns_punctuation_into_single_spaces() -> None:
    """Punctuation and repeated spaces collapse: 'Hello,   world!!! (ok) — yes?'."""
    assert fold("Hello,   world!!! (ok) — yes?") == "hello world ok yes"
    assert fold("nagorno-karabakh's") == "nagorno karabakh s"
    assert fold("?!...;") == ""


def test_fold_normalises_compatibility_forms() -> None:
    """Full-width letters, ligatures and 'ß' read like their plain spellings."""
    assert fold("ＡＢＣ１２３") == "abc123"
    assert fold("ﬁnal") == "final"
    assert fold("Straße") == "strasse"


def test_words_keeps_stopwords() -> None:
    """words() only folds and splits; it does not drop question words."""
    assert words("Why did THEY go?") == ["why", "did", "they", "go"]


def test_stem_merges_inflections() -> None:
    """'recalled', 'recall' and 'recalling' are one term, as are plural and singular."""
    assert stem("recalled") == stem("recall") == stem("recalling")
    assert stem("sanctions") == stem("sanction")
    assert stem("ambassador") != stem("recall")


def test_terms_drop_question_words_and_filler() -> None:
    """'hey bot, why did they ...' keeps only what the question is about."""
    analyzer = Analyzer()
    assert analyzer.terms("hey bot, why did they recall the ambassador?") == (
        stem("recall"),
        "ambassador",
    )
    assert analyzer.terms("hey bot please tell me, um, thanks") == ()


def test_terms_of_empty_and_punctuation_only_text() -> None:
    """Empty, blank or punctuation-only text has no terms."""
    analyzer = Analyzer()
    assert analyzer.terms("") == ()
    assert analyzer.terms("   \n\t") == ()
    assert analyzer.terms("?!?...") == ()


def test_stopwords_cover_the_usual_question_words() -> None:
    """The question words people start with are all filler."""
    assert {"what", "why", "who", "when", "where", "how", "which", "did", "does"} <= STOPWORDS


def test_synonym_group_maps_every_member_to_one_term() -> None:
    """'envoy' and 'emissary' are indexed as the same term as 'ambassador'."""
    analyzer = Analyzer([["ambassador", "envoy", "emissary"]])
    assert analyzer.terms("envoy") == analyzer.terms("ambassador") == analyzer.terms("emissary")
    assert analyzer.terms("envoys") == analyzer.terms("ambassador")


def test_synonym_group_with_multi_word_phrases() -> None:
    """Multi-word members ('pull out', 'call home') become the group's single term."""
    analyzer = Analyzer([["recall", "withdraw", "pull out", "call home"]])
    recall = analyzer.terms("recall")
    assert len(recall) == 1
    assert analyzer.terms("they pull out the") == recall
    assert analyzer.terms("call home") == recall
    assert analyzer.terms("withdrawing") == recall


def test_a_phrase_s_first_word_meets_its_regular_forms() -> None:
    """A phrase's first word is usually a verb: "cool off" is also "cooled off", "cooling
    off", "cools off"; "ease off" "easing off"; "dig in" "digging in". A word that merely
    starts like it is not ("cooler off", "the cool office")."""
    analyzer = Analyzer([["de-escalate", "cool off", "ease off"], ["entrenched", "dig in"]])
    calm = analyzer.terms("de-escalate")
    for text in ("cooled off", "cooling off", "cools off", "eased off", "easing off"):
        assert analyzer.terms(text) == calm, text
    assert sorted(analyzer.terms("both sides digging in")) == sorted(
        analyzer.terms("both sides entrenched")
    )
    assert analyzer.terms("the cool office") != calm
    assert not set(analyzer.terms("a cooler off the coast")) & set(calm)


def test_multi_word_head_of_synonym_group() -> None:
    """A group whose first member is a phrase ('south caucasus') still gives one shared term."""
    analyzer = Analyzer([["south caucasus", "transcaucasia", "southern caucasus"]])
    term = analyzer.terms("South Caucasus")
    assert len(term) == 1
    assert analyzer.terms("Transcaucasia") == term
    assert sorted(analyzer.terms("the southern caucasus region")) == sorted(
        (*analyzer.terms("region"), *term)
    )


def test_longer_phrase_wins_over_its_prefix() -> None:
    """'south caucasus region' is matched as the longer phrase, not 'south caucasus' + 'region'."""
    analyzer = Analyzer([["south caucasus", "transcaucasia"], ["south caucasus region", "area"]])
    assert analyzer.terms("south caucasus region") == analyzer.terms("area")


def test_synonyms_do_not_leak_between_analyzers() -> None:
    """An analyzer without the group keeps 'envoy' and 'ambassador' apart."""
    Analyzer([["ambassador", "envoy"]])
    plain = Analyzer()
    assert plain.terms("envoy") != plain.terms("ambassador")


def test_specificity_ranks_everyday_words_below_topical_ones() -> None:
    """'time' says little about a topic; 'ambassador' says much; unseen words count fully."""
    assert specificity("time") < specificity("ambassador")
    assert specificity("time") < 0.3
    assert specificity("yekaterinburg") == 1.0
    for word in ("the", "time", "ambassador", "custody", "zzzqqq"):
        assert 0.05 <= specificity(word) <= 1.0


def test_analyze_reports_specificity_of_each_term() -> None:
    """analyze() pairs each content term with the specificity of the word it came from."""
    analyzed = {term: spec for term, spec, _ in Analyzer().analyze("time ambassador")}
    assert analyzed["time"] < analyzed["ambassador"]


@pytest.mark.parametrize(
    ("asked", "stated"),
    [
        ("60k signatures", "60,000 signatures"),
        ("1.2 million voters", "1,200,000 voters"),
        ("2 thousand troops", "2,000 troops"),
        ("a $3bn loan", "a $3,000,000,000 loan"),
    ],
)
def test_a_number_meets_the_same_number_written_otherwise(asked: str, stated: str) -> None:
    analyzer = Analyzer()
    assert analyzer.terms(asked) == analyzer.terms(stated)


def test_numbers_that_are_not_one_number_stay_apart() -> None:
    assert fold("in 2024, 300 people") == "in 2024 300 people"
    assert fold("cop29") == "cop29"

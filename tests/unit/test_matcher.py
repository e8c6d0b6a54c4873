"""The matcher on small hand-built fact lists: ranking, decisions, index updates, visibility."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Decision, Fact, Origin
from bot.core.text import Analyzer

AMBASSADOR = Fact(
    "ambassador-recalled",
    "Azerbaijan called its ambassador in Moscow home for consultations after two men died "
    "in custody.",
    ("why did azerbaijan recall its ambassador", "ambassador recall"),
)
RAID = Fact(
    "yekaterinburg-raid",
    "Russian police raided a building in Yekaterinburg at night.",
    ("what happened in yekaterinburg", "yekaterinburg raid"),
)
TURKEY = Fact(
    "turkey-ties",
    "Azerbaijan is building closer security ties with Turkey.",
    ("is azerbaijan turning to turkey",),
)
KARABAKH = Fact(
    "karabakh-war",
    "In 2020 Azerbaijan defeated Armenia in the war over Nagorno-Karabakh.",
    ("who won the karabakh war",),
)
# A fact with nothing but an id and an answer: it must still be answerable.
VOLCANO = Fact(
    "tolbachik", "The volcano Tolbachik erupted spectacularly on the Kamchatka peninsula."
)
FACTS = (AMBASSADOR, RAID, TURKEY, KARABAKH, VOLCANO)

SYNONYMS = (
    ("ambassador", "envoy"),
    ("yekaterinburg", "ekaterinburg"),
    ("recall", "withdraw", "pull out", "call home"),
)


@pytest.fixture
def matcher() -> Matcher:
    """The small fact list, without synonyms."""
    return Matcher(FACTS)


@pytest.fixture
def synonym_matcher() -> Matcher:
    """The small fact list with a synonym table."""
    return Matcher(FACTS, analyzer=Analyzer(SYNONYMS))


def answered(result: AskResult) -> str | None:
    """The id of the fact given outright as the answer, or None."""
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None


def test_asking_a_fact_phrasing_answers_it(matcher: Matcher) -> None:
    """Asking exactly one of a fact's questions answers that fact, naming the phrasing."""
    result = matcher.ask("why did azerbaijan recall its ambassador")
    assert answered(result) == "ambassador-recalled"
    assert result.best is not None
    assert result.best.matched_question == "why did azerbaijan recall its ambassador"


def test_word_order_does_not_matter(matcher: Matcher) -> None:
    """Shuffled keywords score exactly like the natural question."""
    natural = matcher.ask("why did azerbaijan recall its ambassador")
    shuffled = matcher.ask("ambassador azerbaijan recall why")
    assert answered(shuffled) == "ambassador-recalled"
    assert shuffled.best is not None and natural.best is not None
    assert shuffled.best.score == pytest.approx(natural.best.score)


@pytest.mark.parametrize(
    "question", ["why was the ambassador recalled", "recalling ambassadors", "ambassadors recall"]
)
def test_inflected_words_match(matcher: Matcher, question: str) -> None:
    """'recalled', 'recalling' and plurals find the fact phrased with 'recall'."""
    assert answered(matcher.ask(question)) == "ambassador-recalled"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("yekatrinburg raid", "yekaterinburg-raid"),
        ("ambasador recalled", "ambassador-recalled"),
        ("what hapened in yekaterinbrug", "yekaterinburg-raid"),
    ],
)
def test_typos_are_forgiven(matcher: Matcher, question: str, fact_id: str) -> None:
    """Misspelled words are read as the vocabulary word they most resemble."""
    assert answered(matcher.ask(question)) == fact_id


def test_typo_scores_below_correct_spelling(matcher: Matcher) -> None:
    """A misspelling still answers, but with less confidence than the right spelling."""
    typo = matcher.ask("yekatrinburg raid").best
    exact = matcher.ask("yekaterinburg raid").best
    assert typo is not None and exact is not None
    assert typo.score < exact.score


def test_numbers_are_never_typo_corrected(matcher: Matcher) -> None:
    """'2021' is not read as '2020': a wrong year must not find the 2020 war."""
    assert matcher.ask("2020").best is not None
    assert matcher.ask("2021").decision is Decision.UNKNOWN
    assert matcher.ask("2021").matches == ()


def test_synonyms_need_the_synonym_table(matcher: Matcher, synonym_matcher: Matcher) -> None:
    """'withdraw the envoy' finds the ambassador fact only when the synonym groups say so."""
    question = "why did they withdraw the envoy"
    assert matcher.ask(question).decision is Decision.UNKNOWN
    assert answered(synonym_matcher.ask(question)) == "ambassador-recalled"


def test_multi_word_synonym_phrase(synonym_matcher: Matcher) -> None:
    """'pull out' (a phrase in the recall group) finds the recall fact."""
    assert answered(synonym_matcher.ask("did baku pull out its envoy")) == "ambassador-recalled"


@pytest.mark.parametrize(
    "use_synonyms",
    [
        pytest.param(
            False,
            id="typo-only",
        ),
        pytest.param(True, id="synonym-group"),
    ],
)
def test_transliteration_variants_find_the_same_fact(use_synonyms: bool) -> None:
    """Ekaterinburg, Yekaterinburg and Cyrillic Екатеринбург all find the Yekaterinburg raid."""
    analyzer = Analyzer(SYNONYMS) if use_synonyms else Analyzer()
    matcher = Matcher(FACTS, analyzer=analyzer)
    for question in (
        "what happened in yekaterinburg",
        "what happened in ekaterinburg",
        "what happened in Екатеринбург",
    ):
        assert answered(matcher.ask(question)) == "yekaterinburg-raid", question


def test_synonym_group_makes_transliteration_as_good_as_the_original(
    matcher: Matcher, synonym_matcher: Matcher
) -> None:
    """With a synonym group, 'Ekaterinburg' scores exactly like 'Yekaterinburg'; without, less."""
    exact = synonym_matcher.ask("what happened in yekaterinburg").best
    grouped = synonym_matcher.ask("what happened in ekaterinburg").best
    corrected = matcher.ask("what happened in ekaterinburg").best
    assert exact is not None and grouped is not None and corrected is not None
    assert grouped.score == pytest.approx(exact.score)
    assert corrected.score < exact.score


def test_filler_words_do_not_change_the_answer(matcher: Matcher) -> None:
    """Greetings, 'please', 'thanks' and question words cost nothing."""
    bare = matcher.ask("what happened in yekaterinburg").best
    chatty = matcher.ask(
        "hey bot, um, could you please tell me what happened in yekaterinburg? thanks"
    ).best
    assert bare is not None and chatty is not None
    assert chatty.fact.id == "yekaterinburg-raid"
    assert chatty.score == pytest.approx(bare.score)


def test_fact_without_questions_is_answerable_from_its_answer(matcher: Matcher) -> None:
    """A fact with only an id and an answer is found through the words of its answer."""
    assert answered(matcher.ask("tolbachik volcano eruption")) == "tolbachik"
    assert answered(matcher.ask("did a volcano erupt on kamchatka")) == "tolbachik"


def test_fact_id_counts_as_a_keyword_phrasing(matcher: Matcher) -> None:
    """The words of a fact's id ('karabakh war') work as a keyword query."""
    result = matcher.ask("karabakh war")
    assert answered(result) == "karabakh-war"


@pytest.mark.parametrize(
    "question",
    [
        "what is the capital of france",
        "bitcoin price today",
        "how do i reset my discord password",
        "recommend a good sci-fi movie",
    ],
)
def test_off_topic_questions_are_unknown(matcher: Matcher, question: str) -> None:
    """Questions the fact base cannot answer get an honest 'I don't know'."""
    assert matcher.ask(question).decision is Decision.UNKNOWN


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "?!?", "...", "the what why how"])
def test_empty_or_contentless_questions_are_unknown(matcher: Matcher, question: str) -> None:
    """Blank, punctuation-only or all-filler questions are unknown and raise nothing."""
    result = matcher.ask(question)
    assert result.decision is Decision.UNKNOWN
    assert result.matches == ()
    assert result.best is None


def test_a_word_shared_by_several_facts_gets_suggestions(matcher: Matcher) -> None:
    """'azerbaijan' alone is ambiguous: the bot offers the closest facts instead of answering."""
    result = matcher.ask("azerbaijan")
    assert result.decision is Decision.SUGGEST
    assert len(result.matches) >= 2


def test_decision_follows_the_thresholds() -> None:
    """The same score is an answer, a suggestion or unknown depending on the thresholds."""
    question = "why did baku recall its ambassador from moscow"
    score = Matcher(FACTS).ask(question).best
    assert score is not None
    s = score.score

    def decide(answer_threshold: float, suggest_threshold: float) -> Decision:
        tuned = MatcherSettings(
            answer_threshold=answer_threshold, suggest_threshold=suggest_threshold
        )
        return Matcher(FACTS, settings=tuned).ask(question).decision

    assert decide(s - 0.01, s - 0.02) is Decision.ANSWER
    assert decide(s + 0.01, s - 0.01) is Decision.SUGGEST
    assert decide(s + 0.02, s + 0.01) is Decision.UNKNOWN


def test_answer_margin_turns_a_tie_into_a_suggestion() -> None:
    """Two facts answering equally well are a "did you mean", not a coin flip (the default
    margin); with no margin required, the first of them is answered."""
    twin = dataclasses.replace(AMBASSADOR, id="ambassador-recalled-copy")
    facts = (*FACTS, twin)
    question = "why did azerbaijan recall its ambassador"
    result = Matcher(facts).ask(question)
    assert result.decision is Decision.SUGGEST
    assert {m.fact.id for m in result.matches[:2]} == {AMBASSADOR.id, twin.id}
    alone = Matcher(FACTS).ask(question)
    assert answered(alone) == AMBASSADOR.id
    lax = Matcher(facts, settings=MatcherSettings(answer_margin=0.0, answer_threshold=0.0))
    assert lax.ask(question).decision is Decision.ANSWER


# Two siblings of one article phrased alike: only the first says what its phrasings ask.
DETAINED = Fact(
    "orsk-traders-detained",
    "Police raided the Orsk market at dawn and detained twelve traders.",
    ("what happened at the orsk market", "orsk market raid"),
)
REOPENED = Fact(
    "orsk-market-reopened",
    "The market reopened a week later under new management.",
    ("when did the orsk market reopen", "orsk market after the raid"),
)


def test_of_two_tied_siblings_the_one_whose_answer_says_it_is_answered() -> None:
    """A near tie between two facts phrased alike is answered outright by the one whose answer
    text states the question's words, and it is ranked first though the other's id comes
    first; without that rule (``answer_lead`` 0) the tie is a "did you mean"."""
    question = "orsk market raid??"
    result = Matcher((REOPENED, DETAINED)).ask(question)
    assert answered(result) == DETAINED.id
    assert result.matches[1].fact.id == REOPENED.id
    off = Matcher((REOPENED, DETAINED), settings=MatcherSettings(answer_lead=0.0))
    assert off.ask(question).decision is Decision.SUGGEST


def test_a_tie_with_a_sibling_that_says_as_much_stays_a_suggestion() -> None:
    """Siblings whose answers say the question's words alike stay a "did you mean"."""
    twin = dataclasses.replace(
        REOPENED, answer="The Orsk market reopened a week after the raid under new management."
    )
    result = Matcher((twin, DETAINED)).ask("orsk market raid??")
    assert result.decision is Decision.SUGGEST


def test_a_question_one_fact_was_phrased_as_is_not_a_tie() -> None:
    """A question that is word for word one fact's phrasing is answered by that fact, though a
    sibling holds the same words in a longer phrasing (relevance within the tie margin)."""
    raid = Fact(
        id="orsk-raid",
        answer="Police raided a market in Orsk on 3 May 2025 and detained twelve traders.",
        questions=("what happened in orsk", "orsk market raid"),
    )
    overview = Fact(
        id="region-overview",
        answer="Orsk and nearby towns saw raids and floods in spring 2025.",
        questions=("what happened in orsk in may",),
    )
    result = Matcher((raid, overview)).ask("what happened in Orsk")
    assert answered(result) == raid.id


@pytest.mark.parametrize(
    "question",
    ["azerbaijan", "why did azerbaijan recall its ambassador", "azerbaijan turkey war raid"],
)
def test_scores_are_in_range_and_sorted(matcher: Matcher, question: str) -> None:
    """Every score is in [0, 1] and the matches come best first."""
    result = matcher.ask(question, limit=10)
    scores = [m.score for m in result.matches]
    assert scores, "expected some matches"
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert len({m.fact.id for m in result.matches}) == len(scores)


def test_limit_caps_the_matches(matcher: Matcher) -> None:
    """limit=2 returns at most two matches; limit=0 still returns the best one."""
    assert len(matcher.ask("azerbaijan", limit=2).matches) == 2
    assert len(matcher.ask("azerbaijan", limit=0).matches) == 1


def test_removed_fact_is_never_returned(matcher: Matcher) -> None:
    """Once removed, a fact is no longer answered, suggested or listed."""
    removed = matcher.remove("ambassador-recalled")
    assert removed == AMBASSADOR
    assert "ambassador-recalled" not in matcher
    assert matcher.get("ambassador-recalled") is None
    for question in ("why did azerbaijan recall its ambassador", "azerbaijan", "ambassador"):
        ids = [m.fact.id for m in matcher.ask(question, limit=10).matches]
        assert "ambassador-recalled" not in ids
    assert matcher.remove("ambassador-recalled") is None


def test_added_fact_is_found_immediately(matcher: Matcher) -> None:
    """A fact added to a live index answers the very next question, new words included."""
    before = len(matcher)
    matcher.add(Fact("grand-prix", "Baku hosts a Formula One grand prix.", ("baku grand prix",)))
    assert len(matcher) == before + 1
    assert answered(matcher.ask("does baku host the formula one grand prix")) == "grand-prix"


def test_readding_an_id_replaces_the_fact(matcher: Matcher) -> None:
    """Adding a fact with an existing id replaces it: the old wording no longer matches."""
    matcher.add(Fact("tolbachik", "Mount Etna on Sicily erupted again.", ("did etna erupt",)))
    assert len(matcher) == len(FACTS)
    assert answered(matcher.ask("did etna erupt")) == "tolbachik"
    got = matcher.get("tolbachik")
    assert got is not None and "Etna" in got.answer
    assert matcher.ask("kamchatka volcano").decision is Decision.UNKNOWN


def test_remove_then_add_back_restores_answers(matcher: Matcher) -> None:
    """Removing and re-adding a fact leaves the index answering as before."""
    before = matcher.ask("yekatrinburg raid").best
    matcher.remove("yekaterinburg-raid")
    assert matcher.ask("yekatrinburg raid").decision is Decision.UNKNOWN
    matcher.add(RAID)
    after = matcher.ask("yekatrinburg raid").best
    assert before is not None and after is not None
    assert after.fact.id == "yekaterinburg-raid"
    assert after.score == pytest.approx(before.score)


GUILD_FACT = Fact(
    "grand-prix",
    "Baku hosts a Formula One grand prix.",
    ("when is the baku grand prix",),
    origin=Origin.USER,
    guild_id=1,
    author_id=42,
)


def test_guild_fact_is_visible_only_in_its_guild(matcher: Matcher) -> None:
    """A fact added in server 1 answers there, and is invisible in server 2 and outside servers."""
    matcher.add(GUILD_FACT)
    question = "when is the baku grand prix"
    assert answered(matcher.ask(question, guild_id=1)) == "grand-prix"
    for elsewhere in (2, None):
        result = matcher.ask(question, guild_id=elsewhere, limit=10)
        assert "grand-prix" not in [m.fact.id for m in result.matches]
        assert result.decision is Decision.UNKNOWN


def test_file_facts_are_visible_in_every_guild(matcher: Matcher) -> None:
    """Facts without a guild answer in every server and outside any server."""
    for guild_id in (None, 1, 2, 10**18):
        assert answered(matcher.ask("yekaterinburg raid", guild_id=guild_id)) == (
            "yekaterinburg-raid"
        )


def test_complete_offers_questions_for_a_prefix(matcher: Matcher) -> None:
    """Autocomplete on 'what happened in yek' offers the Yekaterinburg questions."""
    offered = matcher.complete("what happened in yek")
    assert "what happened in yekaterinburg" in offered
    assert len(offered) == len(set(offered))


def test_complete_on_empty_prefix_lists_first_questions(matcher: Matcher) -> None:
    """With nothing typed, autocomplete lists each fact's first question, up to the limit."""
    offered = matcher.complete("")
    assert sorted(offered) == sorted(f.questions[0] for f in FACTS if f.questions)
    shorter = matcher.complete("", limit=2)
    assert len(shorter) == 2 and set(shorter) <= set(offered)


def test_complete_offers_answer_text_for_a_fact_without_questions(matcher: Matcher) -> None:
    """A fact with no questions is offered by the start of its answer."""
    assert matcher.complete("volcano") == [VOLCANO.answer[:95]]


def test_complete_respects_guilds(matcher: Matcher) -> None:
    """Autocomplete never offers another server's facts."""
    matcher.add(GUILD_FACT)
    assert "when is the baku grand prix" in matcher.complete("baku grand", guild_id=1)
    assert "when is the baku grand prix" not in matcher.complete("baku grand", guild_id=2)
    assert "when is the baku grand prix" not in matcher.complete("", guild_id=None)


@pytest.mark.parametrize("prefix", ["yekaterin", "what happened in yekat", "why did the ambas"])
def test_complete_a_partly_typed_word(matcher: Matcher, prefix: str) -> None:
    """A half-typed last word ('yekaterin', 'ambas') already offers the matching questions."""
    offered = matcher.complete(prefix)
    expected = RAID if "yek" in prefix else AMBASSADOR
    assert offered[: len(expected.questions)] == list(expected.questions)


def test_everyday_word_is_not_corrected_into_a_fact(matcher: Matcher) -> None:
    """'what time is it' is not read as 'ties' and answered with the Turkey security-ties fact."""
    assert matcher.ask("what time is it").decision is not Decision.ANSWER


def test_other_guilds_facts_cannot_crowd_out_visible_ones() -> None:
    """However many facts other servers add, a visible fact that matches is still found."""
    base = Fact(
        "ambassador-recalled",
        "Azerbaijan called its envoy home for consultations.",
        ("why was the ambassador recalled",),
    )
    background = [
        Fact(f"harvest-{w}", f"The {w} harvest was good in the valley.", (f"{w} harvest",))
        for w in ("apple", "banana", "cherry", "grape", "lemon", "mango", "melon", "olive")
    ]
    question = "why was the ambassador recalled from moscow"
    alone = Matcher([*background, base]).ask(question, guild_id=1)
    assert alone.best is not None and alone.best.fact.id == "ambassador-recalled"
    crowd = [
        Fact(
            f"other-{i}",
            f"Note {i}.",
            ("ambassador recalled from moscow",),
            origin=Origin.USER,
            guild_id=2,
        )
        for i in range(200)
    ]
    crowded = Matcher([*background, base, *crowd]).ask(question, guild_id=1)
    assert crowded.best is not None and crowded.best.fact.id == "ambassador-recalled"


def test_heavy_churn_keeps_the_index_exact() -> None:
    """After 1,500 in-place replacements only the current version of a fact is ever answered."""
    matcher = Matcher(FACTS)
    for i in range(1500):
        word = "alpha" if i % 2 else "omega"
        matcher.add(
            Fact("churn", f"The {word} station sent report {i}.", (f"what did {word} station say",))
        )
    assert len(matcher) == len(FACTS) + 1
    current = matcher.ask("what did alpha station say")
    assert answered(current) == "churn"
    assert current.best is not None and current.best.fact.answer.endswith("report 1499.")
    # The replaced wording is gone from the index: "omega" finds nothing at all.
    assert matcher.ask("omega").matches == ()
    stale = matcher.ask("what did omega station say").best
    assert stale is not None and stale.score < current.best.score
    assert answered(matcher.ask("yekaterinburg raid")) == "yekaterinburg-raid"


# ----------------------------------------------------------------------------- properties
PROPERTY_MATCHER = Matcher(FACTS, analyzer=Analyzer(SYNONYMS))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.text(max_size=200), guild_id=st.one_of(st.none(), st.integers(0, 3)))
def test_ask_never_raises_on_arbitrary_text(question: str, guild_id: int | None) -> None:
    """Any text at all gets a decision and scores in [0, 1], never an exception."""
    result = PROPERTY_MATCHER.ask(question, guild_id=guild_id)
    assert isinstance(result.decision, Decision)
    assert result.question == question
    assert all(0.0 <= m.score <= 1.0 for m in result.matches)
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    if not result.matches:
        assert result.decision is Decision.UNKNOWN


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(
        st.sampled_from(
            "why did azerbaijan recall ambassador yekaterinburg raid turkey war armenia "
            "volcano tolbachik envoy the what 2020 moscow police".split()
        ),
        max_size=8,
    )
)
def test_ask_on_vocabulary_words_keeps_scores_in_range(words: list[str]) -> None:
    """Mixtures of the facts' own words score in [0, 1] with a consistent decision."""
    result = PROPERTY_MATCHER.ask(" ".join(words))
    assert all(0.0 <= m.score <= 1.0 for m in result.matches)
    if result.decision is Decision.ANSWER:
        assert result.best is not None
        assert result.best.score >= PROPERTY_MATCHER.settings.answer_threshold


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.text(max_size=60))
def test_complete_never_raises(prefix: str) -> None:
    """Autocomplete copes with any typed text and returns at most `limit` distinct strings."""
    offered = PROPERTY_MATCHER.complete(prefix, limit=5)
    assert len(offered) <= 5
    assert all(isinstance(item, str) for item in offered)


POOL = tuple(
    Fact(f"fact-{word}", f"The {word} report.", (f"{word} news",))
    for word in ("tolbachik", "kamchatka", "sverdlovsk", "nakhchivan", "shusha", "ganja")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    operations=st.lists(
        st.tuples(st.booleans(), st.integers(0, len(POOL) - 1), st.sampled_from([None, 1, 2])),
        max_size=30,
    )
)
def test_index_agrees_with_a_model_after_any_adds_and_removes(
    operations: list[tuple[bool, int, int | None]],
) -> None:
    """Any sequence of adds and removes leaves exactly the live facts answerable."""
    matcher = Matcher()
    model: dict[str, Fact] = {}
    for add, index, guild_id in operations:
        fact = dataclasses.replace(POOL[index], guild_id=guild_id)
        if add:
            matcher.add(fact)
            model[fact.id] = fact
        else:
            assert matcher.remove(fact.id) == model.pop(fact.id, None)
    assert len(matcher) == len(model)
    assert sorted(f.id for f in matcher.facts()) == sorted(model)
    for fact in POOL:
        result = matcher.ask(fact.questions[0], guild_id=1)
        ids = [m.fact.id for m in result.matches]
        assert set(ids) <= set(model)
        live = model.get(fact.id)
        if live is not None and live.visible_in(1):
            assert ids[0] == fact.id
        else:
            assert fact.id not in ids


# Two facts about one group, only one of which says who founded it.
FOUNDING = Fact(
    "wagner-founding",
    "Yevgeny Prigozhin founded the Wagner group in 2014.",
    ("who founded wagner",),
)
MARCH = Fact(
    "wagner-march",
    "Wagner mercenaries marched on Moscow in June 2023 before turning back.",
    ("what did wagner do in june 2023",),
)


def test_a_paraphrase_with_no_shared_word_finds_its_fact() -> None:
    # "created" is in neither fact: without its thesaurus neighbour "founded" the two facts
    # tie on "wagner" alone.
    ranked, _ = Matcher([FOUNDING, MARCH]).explain("who created wagner")
    assert ranked[0].entry.fact.id == "wagner-founding"
    assert ranked[0].relevance > ranked[1].relevance + 0.1
    assert "creat" not in ranked[0].matched  # a paraphrase is no word found


def test_paraphrases_can_be_turned_off() -> None:
    # BM25 off too: it would tell the two apart by their lengths alone.
    settings = MatcherSettings(related_share=0.0, bm25_share=0.0)
    off = Matcher([FOUNDING, MARCH], settings=settings)
    ranked, _ = off.explain("who created wagner")
    assert ranked[0].relevance == pytest.approx(ranked[1].relevance)


def test_a_paraphrase_weighs_less_than_the_word_itself() -> None:
    matcher = Matcher([FOUNDING, MARCH])
    said, _ = matcher.explain("who founded wagner")
    paraphrased, _ = matcher.explain("who created wagner")
    assert paraphrased[0].relevance < said[0].relevance


# Two siblings of one story: the overview's phrasings share the question's words, the toll's
# phrasing asks "how many".
HARBOUR_FIRE = Fact(
    "poti-fire",
    "A fire broke out at the grain terminal in Poti harbour on 3 March, and firefighters from "
    "Batumi helped to put it out by the next morning.",
    (
        "what happened at poti harbour",
        "where did the poti harbour fire start",
        "who helped put out the poti fire",
        "poti harbour fire",
        "which terminal burned in poti",
    ),
)
FIRE_TOLL = Fact(
    "poti-fire-toll",
    "Four dock workers died and eleven were taken to hospital after the fire at the grain "
    "terminal in Poti harbour.",
    ("how many dock workers died in poti", "was anyone hurt"),
)
# ("As", not "when": a clause opened by "when" says when, and weighs less than what is asked.)
COUNT_OF_HURT = "how many were hurt as the terminal burned in poti"


def _first(matcher: Matcher, question: str) -> str:
    ranked, _ = matcher.explain(question)
    return ranked[0].entry.fact.id


def test_the_sibling_phrased_for_what_is_asked_comes_first() -> None:
    off = Matcher([HARBOUR_FIRE, FIRE_TOLL], settings=MatcherSettings(kind_window=0.0))
    assert _first(off, COUNT_OF_HURT) == "poti-fire"  # the overview shares more words
    assert _first(Matcher([HARBOUR_FIRE, FIRE_TOLL]), COUNT_OF_HURT) == "poti-fire-toll"


def test_a_sibling_moved_first_keeps_its_score_and_is_not_answered_outright() -> None:
    matcher = Matcher([HARBOUR_FIRE, FIRE_TOLL])
    ranked, _ = matcher.explain(COUNT_OF_HURT)
    assert ranked[0].relevance < ranked[1].relevance
    result = matcher.ask(COUNT_OF_HURT)
    assert result.best is not None and result.best.fact.id == "poti-fire-toll"
    assert result.decision is not Decision.ANSWER


def test_a_sibling_far_behind_is_not_moved_first() -> None:
    # The overview leads by far more than the window: its words are the question's.
    question = "how many were in the terminal that burned in poti"
    assert _first(Matcher([HARBOUR_FIRE, FIRE_TOLL]), question) == "poti-fire"


def test_a_thinly_phrased_best_fact_keeps_its_place() -> None:
    # Two questions say little about which kinds of question a fact answers (a draft's few).
    thin = dataclasses.replace(HARBOUR_FIRE, questions=HARBOUR_FIRE.questions[3:])
    assert _first(Matcher([thin, FIRE_TOLL]), COUNT_OF_HURT) == "poti-fire"


def test_a_question_asking_for_nothing_in_particular_keeps_the_order() -> None:
    wide = Matcher([HARBOUR_FIRE, FIRE_TOLL], settings=MatcherSettings(kind_window=1.0))
    assert _first(wide, "hurt as the terminal burned in poti") == "poti-fire"


# A fact on a bridge's closure whose own question mentions how the bridge was built, and one
# that says when it was opened and is asked when it was built.
BRIDGE_CLOSED = Fact(
    "kura-bridge-closed",
    "Engineers closed the old Kura bridge in Mingachevir on 9 May 2024 after cracks were found "
    "in its pillars; prosecutors are looking into faults in its construction.",
    (
        "why was the kura bridge closed",
        "was the kura bridge built badly",
        "when did the kura bridge close",
        "who is investigating the kura bridge",
        "kura bridge cracks",
    ),
)
BRIDGE_OPENED = Fact(
    "kura-bridge-opened",
    "The Kura bridge in Mingachevir was opened to traffic in 1962.",
    ("when was the kura bridge built", "how old is the kura bridge"),
)


def test_a_question_that_only_mentions_an_attribute_does_not_state_it() -> None:
    matcher = Matcher([BRIDGE_CLOSED])
    for question in ("in what year was the kura bridge built", "when was the kura bridge built"):
        assert matcher.ask(question).decision is not Decision.ANSWER


def test_a_question_asking_the_same_kind_of_thing_states_the_attribute() -> None:
    matcher = Matcher([BRIDGE_CLOSED, BRIDGE_OPENED])
    result = matcher.ask("in what year was the kura bridge built")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "kura-bridge-opened"


def test_an_attribute_in_a_question_asking_for_nothing_in_particular_still_counts() -> None:
    result = Matcher([BRIDGE_CLOSED]).ask("was the kura bridge built badly")
    assert result.decision is Decision.ANSWER


GYUMRI_RALLY = Fact(
    "gyumri-rally",
    "Riot police broke up a rally of some 3,000 people in the main square of Gyumri on "
    "12 April and detained 40 of them.",
    (
        "what happened at the gyumri rally",
        "how many people rallied in gyumri",
        "were protesters detained in gyumri",
        "gyumri protest police",
    ),
)


def test_a_count_of_what_the_fact_never_mentions_is_not_answered() -> None:
    # It counts people rallying and people detained, not anyone hurt.
    matcher = Matcher([GYUMRI_RALLY])
    assert matcher.ask("how many protesters were injured in gyumri").decision is not (
        Decision.ANSWER
    )


def test_a_count_of_what_the_fact_says_in_other_words_is_answered() -> None:
    result = Matcher([GYUMRI_RALLY]).ask("how many protesters were arrested in gyumri")
    assert result.decision is Decision.ANSWER


WAGNER_CAMP = Fact(
    "wagner-camp",
    "After the mutiny, Wagner fighters moved to a tent camp near Tsel in the Asipovichy district "
    "of Belarus.",
    ("where did wagner go after the mutiny", "wagner camp"),
)
MOLDOVAN_VOTE = Fact(
    "moldovan-vote",
    "Moldovan voters narrowly backed writing the goal of EU membership into the constitution.",
    ("did the eu referendum pass",),
)


@pytest.mark.parametrize(
    ("question", "fact", "term"),
    [
        ("which belarusian district hosted wagner", WAGNER_CAMP, "belarus"),
        ("did moldova back eu membership", MOLDOVAN_VOTE, "moldovan"),
    ],
)
def test_a_people_s_name_meets_its_country_and_back(question: str, fact: Fact, term: str) -> None:
    matcher = Matcher([fact, RAID, TURKEY])
    ranked, asked = matcher.explain(question)
    assert term in {qt.term for qt in asked.query}
    assert ranked[0].entry.fact is fact and term in ranked[0].matched


def test_a_word_ending_like_a_people_s_name_without_a_place_is_left_alone() -> None:
    _, asked = Matcher([WAGNER_CAMP, MOLDOVAN_VOTE]).explain("human rights in minsk")
    assert {qt.term for qt in asked.query} >= {"human", "minsk"}


RUNOFF = Fact(
    "runoff-result",
    "Maia Sandu won Moldova's presidential runoff on 3 November 2024 with 55% of the vote.",
    (
        "who won the moldovan runoff",
        "what was the final score of the runoff",
        "did sandu win a second term",
        "moldova runoff result",
        "sandu percentage in the runoff",
    ),
)


def test_a_question_sharing_only_a_phrasing_word_and_mostly_unknown_is_not_answered() -> None:
    matcher = Matcher([RUNOFF, RAID, TURKEY])
    # "final" and "score" are words of one of its questions, not of its answer; "nba" no
    # fact has.
    result = matcher.ask("nba final score")
    assert result.decision is not Decision.ANSWER
    # The same fact is answered when the question is about it.
    assert matcher.ask("who won the moldovan runoff").decision is Decision.ANSWER


# Two facts that share one phrasing word for word: the dispute is what one of them is about
# (its other phrasings say it again), while the other is on a customs post and was asked about
# the dispute once.
WATER_DISPUTE = Fact(
    "chu-water-dispute",
    "Kazakhstan and Kyrgyzstan are in a dispute over water from the Chu river after a dry summer.",
    (
        "what is the chu water dispute",
        "summary of the water dispute",
        "why are they in a water dispute",
        "how did the water dispute start",
    ),
)
CUSTOMS_POST = Fact(
    "chu-customs-post",
    "Kyrgyzstan left the joint customs post on the Chu river during the water dispute.",
    (
        "what is the chu water dispute",
        "who left the customs post",
        "what happened to the joint customs post",
    ),
)
DRY_SUMMER = (
    Fact(
        "chu-dam", "A dam on the Chu river holds back its summer flow.", ("what does the dam do",)
    ),
    Fact(
        "zhambyl-harvest", "Zhambyl farmers lost their wheat to the drought.", ("who lost wheat",)
    ),
)


def test_the_fact_its_phrasings_say_is_about_the_words_comes_first() -> None:
    question = "chu water dispute"
    without = Matcher(
        [WATER_DISPUTE, CUSTOMS_POST, *DRY_SUMMER], settings=MatcherSettings(bm25_share=0.0)
    )
    ranked, _ = without.explain(question)
    assert ranked[0].relevance == pytest.approx(ranked[1].relevance)  # a tie, read by id
    matcher = Matcher([WATER_DISPUTE, CUSTOMS_POST, *DRY_SUMMER])
    ranked, _ = matcher.explain(question)
    assert ranked[0].entry.fact.id == "chu-water-dispute"
    assert ranked[0].relevance > ranked[1].relevance


def test_term_frequency_never_makes_an_unrelated_fact_relevant() -> None:
    matcher = Matcher([WATER_DISPUTE, CUSTOMS_POST, *DRY_SUMMER])
    assert matcher.ask("who won the football cup final").decision is Decision.UNKNOWN


# The cause is told by the order of the sentences, not by "because": the curator's own "why"
# phrasing says the fact holds it.
STRAIT_APOLOGY = Fact(
    "strait-ferry-apology",
    "A Georgian ferry rammed a Turkish fishing boat off Batumi in May 2024, and Georgia's "
    "prime minister apologised to Turkey's president.",
    (
        "did georgia apologise to turkey",
        "why did the georgian prime minister apologise",
        "what happened off batumi",
        "was anyone hurt when the ferry hit the boat",
        "batumi ferry collision",
    ),
)


def test_a_why_phrasing_of_its_curator_says_the_fact_holds_the_cause() -> None:
    matcher = Matcher([STRAIT_APOLOGY, *DRY_SUMMER])
    ranked, _ = matcher.explain("why did georgia's prime minister say sorry to turkey")
    assert ranked[0].entry.fact.id == "strait-ferry-apology"
    assert not ranked[0].soft_miss


def test_a_why_phrasing_on_other_words_does_not_say_it() -> None:
    matcher = Matcher([STRAIT_APOLOGY, *DRY_SUMMER])
    ranked, _ = matcher.explain("why was the fishing boat off batumi")
    assert ranked[0].entry.fact.id == "strait-ferry-apology"
    assert ranked[0].soft_miss


def test_a_fact_whose_line_moved_still_answers_when_and_how_many() -> None:
    """A reload that finds a fact unchanged but further down its file serves it in place
    (``Matcher.refresh``); it must keep answering the kinds of question it answered before:
    a moderator adding a fact above it must not turn "when" into "not sure"."""
    flood = Fact(
        "ganja-flood",
        "Three people died when the river flooded Ganja on 30 June 2025.",
        ("what happened in ganja",),
        date=dt.date(2025, 6, 30),
        file="floods.yaml",
        line=3,
    )
    matcher = Matcher((flood, TURKEY, KARABAKH))
    questions = ("when did the ganja flood happen", "how many people died in the ganja flood")
    before = [matcher.ask(q).decision for q in questions]
    assert before == [Decision.ANSWER, Decision.ANSWER]

    matcher.refresh(dataclasses.replace(flood, line=12))

    assert [matcher.ask(q).decision for q in questions] == before
    best = matcher.ask(questions[0]).best
    assert best is not None and best.fact.line == 12

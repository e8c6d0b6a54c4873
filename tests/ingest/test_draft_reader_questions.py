"""Questions a reader would ask of a draft, on short articles written for these tests (issue 12).

Each test drafts a small article of our own and checks what a moderator reading the draft, or a
reader asking the bot, would notice: which facts stand apart, and which questions are written.
"""

from __future__ import annotations

from pathlib import Path

from bot.ingest.article_draft import ArticleDraft, ProposedFact, build_draft
from bot.ingest.extract import from_text
from bot.ingest.question_check import problem
from bot.ingest.questions import generate

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
BRIDGE = (CORPUS / "kura-bridge.txt").read_text("utf-8")


def draft(text: str) -> ArticleDraft:
    return build_draft(from_text(text, None, "test"))


def fact_saying(d: ArticleDraft, words: str) -> ProposedFact:
    (found,) = [f for f in d.facts if words in f.answer]
    return found


def test_a_second_speaker_with_figures_of_their_own_gets_a_fact_of_their_own() -> None:
    """Two people saying different things one after the other are two facts a reader asks
    about apart ("how long will the bridge stay shut" is not about the shopkeepers)."""
    d = draft(BRIDGE)
    shut = fact_saying(d, "stay shut for at least two months")
    assert "trade had fallen by half" not in shut.answer
    shops = fact_saying(d, "trade had fallen by half")
    assert "stay shut" not in shops.answer


def test_a_short_reaction_still_joins_the_statement_it_answers() -> None:
    """A one-line reaction ("called the closure painful but necessary") carries on what was
    said before it, as two delegates' reactions to one deal do."""
    d = draft(BRIDGE)
    cost = fact_saying(d, "12 million manats")
    assert "painful but necessary" in cost.answer


def test_countries_and_groups_that_act_are_asked_with_who() -> None:
    """ "What withdrew its delegation" is no English: a country or a group is a who."""
    cases = {
        "Argentina withdrew its delegation in the first week of the talks.": "who withdrew",
        "Neighbouring Kyrgyzstan offered to send a helicopter and two rescue teams.": "who offered",
        "Opposition parties criticised the concession as rushed and secret.": "who criticised",
        "Rescue teams reached the stranded bus late on Friday evening.": "who reached",
    }
    for sentence, start in cases.items():
        questions = generate(sentence)
        assert any(q.startswith(start) for q in questions), (sentence, questions)
        assert not any(q.startswith("what " + start.split()[1]) for q in questions)


def test_the_second_of_two_coordinated_actions_is_asked_about_too() -> None:
    """ "reached the site ... and freed 58 people": readers ask how many were freed."""
    questions = generate(
        "Rescue teams reached the site on Wednesday morning and freed 58 people from their cars."
    )
    assert "how many people did rescue teams free from their cars" in questions
    assert any(q.startswith("when did rescue teams reach the site") for q in questions)


def test_a_count_of_those_hit_comes_before_the_day_and_place() -> None:
    """A disaster's lede: "how many people were killed" is among its four questions, beside
    what happened, although the sentence also gives a day and a place."""
    d = draft((CORPUS / "kazbegi-rockfall.txt").read_text("utf-8"))
    lede = d.facts[0]
    assert "how many people were killed" in " / ".join(lede.questions)
    assert lede.questions[0].startswith("what happened")


def test_a_cause_given_after_the_place_is_asked_with_why() -> None:
    """ "came down near Rushan, in the Gorno region, after three days of snow": why."""
    questions = generate(
        "The slide came down near the village of Vanj, in the Pamir region, after three days "
        "of heavy snowfall."
    )
    assert "why did the slide come down near the village of vanj" in questions
    assert "where did the slide come down" in questions


def test_the_grammar_check_takes_a_base_form_that_is_also_a_participle() -> None:
    """ "did the slide come down" is English; "were three people died" is still not."""
    assert problem("why did the slide come down near the village") is None
    assert problem("when did the road become impassable") is None
    assert problem("when were three people died in the flood") is not None
    assert problem("when did the mudslide came down") is not None


def test_how_long_is_asked_of_a_duration_said_of_the_future() -> None:
    """ "said the bridge would stay shut for at least two months" (no "that"): readers ask
    how long it will stay shut, in the future, not what was said alone."""
    d = draft(BRIDGE)
    shut = fact_saying(d, "stay shut for at least two months")
    assert "how long will the bridge stay shut" in shut.questions
    assert problem("how long will the bridge stay shut") is None
    assert problem("how long the bridge stay shut") is not None


def test_an_article_without_a_named_event_still_says_what_happened_in_its_place() -> None:
    """No flood, summit or law in the headline: the opening fact answers "what happened in
    ...", naming the place the story happens in."""
    d = draft(BRIDGE)
    assert d.facts[0].questions[0].startswith("what happened in ")


PORT = (CORPUS / "gyumri-depot.txt").read_text("utf-8")


def test_a_deal_is_named_by_the_place_and_thing_the_headline_gives() -> None:
    """ "Armenia leases Gyumri rail depot ... in ... deal": the event is the Gyumri rail deal,
    which readers name, not "Armenia's deal", which any of its deals could be."""
    d = draft(PORT)
    assert any("Gyumri rail deal" in f.answer for f in d.facts[1:])
    assert not any("Armenia's deal" in f.answer for f in d.facts)
    assert any("gyumri rail deal" in q for q in d.facts[0].questions)


def test_questions_never_stop_inside_a_name_or_before_a_modifiers_noun() -> None:
    """ "... a company from the Islamic Republic of | Iran" and "to help developing |
    countries" are finished, not cut."""
    d = draft(PORT)
    for fact in d.facts:
        for question in fact.questions:
            assert not question.endswith(("islamic republic", "the islamic", "developing"))
    cope = "Rich nations should give $50 billion a year to help developing countries cope."
    assert any(q.endswith("to help developing countries") for q in generate(cope))


def test_a_participle_before_a_name_is_not_kept_as_a_title() -> None:
    """ "Neighbouring Georgia offered ..." set in the event reads "..., neighbouring Georgia
    offered", and its tag is the country, not "neighbouring-georgia"."""
    d = draft(PORT)
    (fact,) = [f for f in d.facts if "rail timetables" in f.answer]
    assert "Neighbouring" not in fact.answer.split(",", 1)[-1]
    assert "neighbouring-georgia" not in fact.tags


ACTIVIST = (CORPUS / "gyumri-activist.txt").read_text("utf-8")


def test_a_deal_or_reform_the_story_is_only_about_in_passing_is_no_event() -> None:
    """ "remands activist ... over posts on pension reform": the facts are about the arrest,
    so none is set "Over Armenian's reform", and a demonym is never written as a place."""
    d = draft(ACTIVIST)
    for fact in d.facts:
        assert "Armenian's" not in fact.answer
        assert not fact.answer.startswith("Over ")
    assert "what happened in gyumri" in d.facts[0].questions


def test_custody_ordered_is_asked_how_long_and_charges_are_asked_as_readers_do() -> None:
    d = draft(ACTIVIST)
    remand = fact_saying(d, "be held in custody for three months")
    assert "how long will activist lilit hovsepyan be held in custody" in remand.questions
    accused = fact_saying(d, "Prosecutors accuse")
    assert "what is lilit hovsepyan accused of doing" in accused.questions
    # "who has about 150,000 followers" is an aside: the number is not cut at its comma.
    assert not any("000 followers" in q for f in d.facts for q in f.questions)
    assert "what are the charges against two officials" in generate(
        "Two officials were charged with negligence over the collapse."
    )


def test_no_yes_no_question_stops_at_its_verb() -> None:
    """ "did the court in gyumri order" asks nothing: the that-clause it needed was cut."""
    d = draft(ACTIVIST)
    for fact in d.facts:
        assert not any(q.endswith((" order", " ordered")) for q in fact.questions)


def test_a_cause_blamed_and_a_purpose_later_in_the_sentence_are_asked_with_why() -> None:
    """ "blamed the shortage on the driest summer": what caused the shortage; "cut water
    ... for two weeks to save drinking water": why it was cut."""
    d = draft((CORPUS / "osh-water.txt").read_text("utf-8"))
    blamed = fact_saying(d, "blamed the shortage")
    assert any(q.startswith("what caused the shortage") for q in blamed.questions)
    cut = fact_saying(d, "cut water supplies")
    assert any(q.startswith("why has the city of osh cut water supplies") for q in cut.questions)


def test_plain_nouns_of_news_verbs_are_tagged_for_readers_words() -> None:
    """ "dismissed the head" is asked as "who got fired": the fact is tagged "firing"
    (a noun, which the stemmer meets "fired" in), never the verb itself."""
    d = draft((CORPUS / "osh-water.txt").read_text("utf-8"))
    mayor = fact_saying(d, "dismissed the head")
    assert "firing" in mayor.tags
    assert "dismissed" not in mayor.tags


def test_without_an_event_a_fact_naming_nothing_is_set_in_the_dateline_city() -> None:
    """No flood or summit to set facts in: "Local officials said the bridge would stay shut"
    says where ("In Mingachevir, local officials said ..."), the city of the dateline, which
    the opening fact's general question names too."""
    d = draft(BRIDGE)
    shut = fact_saying(d, "stay shut for at least two months")
    assert shut.answer.startswith("In Mingachevir, local officials said")
    assert d.facts[0].questions[0] == "what happened in mingachevir"
    # A sentence that names its own place or body is left as it is.
    detour = fact_saying(d, "detour")
    assert detour.answer.startswith("Drivers now face")

"""Each fact names the event it belongs to (issue 12, point 1), read by a moderator or a user.

Naming a person or a country is not enough: "Kenya's delegation said the final text was too
vague" says nothing of which meeting, so a reader asking about the forum never reaches it.
The articles are short ones of our own in ``data/corpus/`` (a forum known by a coded name, a
law) and a few sentences written here.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.article_draft import build_draft
from bot.ingest.entities import raw_entities
from bot.ingest.extract import from_text
from bot.ingest.fact_sentences import is_setup
from bot.ingest.question_check import problem
from bot.ingest.statements import statements
from tests.ingest.drafting import answer_with, answers, corpus_draft


def test_a_fact_naming_only_a_country_is_set_in_the_event() -> None:
    forum = corpus_draft("baku-urban-forum")
    kenya = answer_with(forum, "too vague")
    assert kenya.startswith("At the WUF13 urban forum in Baku in May 2026, Kenya's delegation")
    # Its question names the forum too, by the name readers use.
    (fact,) = [f for f in forum.facts if f.answer == kenya]
    assert any("wuf13" in q for q in fact.questions), fact.questions


def test_the_coded_name_of_the_event_leads_and_is_a_tag() -> None:
    forum = corpus_draft("baku-urban-forum")
    for answer in answers(forum):
        assert "WUF13" in answer or "Baku" in answer, answer
    assert all("wuf13" in f.tags for f in forum.facts[1:]), [f.tags for f in forum.facts]
    assert any(q.startswith("what happened at wuf13") for q in forum.facts[0].questions)


def test_a_sentence_carrying_on_joins_the_fact_it_carries_on() -> None:
    forum = corpus_draft("baku-urban-forum")
    brazil = answer_with(forum, "informal settlements")
    # "He also invited ..." is the minister's, and reads right after him.
    assert "praised the attention given to informal settlements. He also invited" in brazil
    (fact,) = [f for f in forum.facts if f.answer == brazil]
    assert len(fact.sources) == 2


def test_a_surname_alone_is_written_out_with_the_title() -> None:
    forum = corpus_draft("baku-urban-forum")
    home = answer_with(forum, "20,000 people by 2030")
    assert "President Ilham Aliyev said the city" in home


def test_a_law_is_named_by_place_and_name_not_the_headline_verb() -> None:
    law = corpus_draft("uzbek-data-law")
    fines = answer_with(law, "face fines")
    assert fines.startswith('Under Uzbekistan\'s "digital borders" law, companies that break')
    # Not what the law says but what was done about it: "Over", never "Under".
    letter = answer_with(law, "open letter")
    assert letter.startswith('Over Uzbekistan\'s "digital borders" law, hundreds of programmers')
    assert not any("passes" in a for a in answers(law))
    for fact in law.facts:
        assert "passes" not in fact.tags
        for question in fact.questions:
            assert problem(question) is None, question


def test_a_disaster_is_named_by_its_place_and_its_noun() -> None:
    text = (
        "Mudslide buries homes in Osh region\nPublished: 2026-04-20\n\n"
        "A mudslide buried 40 homes in the Osh region of Kyrgyzstan on Sunday.\n\n"
        "The worst-hit villages include Kara-Suu and Nookat, where states of emergency "
        "were declared.\n\n"
        "Kyrgyzstan's emergencies ministry sent 300 rescuers to the area."
    )
    draft = build_draft(from_text(text, None, "mudslide.txt"))
    villages = answer_with(draft, "worst-hit villages")
    # The villages are named, and "states of emergency" is no word for the mudslide.
    assert villages.startswith("In the Osh mudslide"), villages
    ministry = answer_with(draft, "300 rescuers")
    assert "mudslide" in ministry, ministry


def test_a_leading_place_keeps_its_place_and_the_event_follows() -> None:
    text = (
        "Mudslide buries homes in Osh region\nPublished: 2026-04-20\n\n"
        "A mudslide buried 40 homes in the Osh region of Kyrgyzstan on Sunday.\n\n"
        "In Nookat, the river has cut the road to the regional centre for two days.\n\n"
        "Kyrgyzstan's emergencies ministry sent 300 rescuers and a dozen excavators to the area."
    )
    draft = build_draft(from_text(text, None, "mudslide.txt"))
    road = answer_with(draft, "cut the road")
    assert road.startswith("In Nookat, during the Osh mudslide"), road
    assert not road.startswith("In the Osh mudslide, in Nookat")


def test_names_keep_letters_beyond_ascii_and_digits() -> None:
    found = raw_entities("Delegates met in Belém with António Guterres before COP30 opened.")
    assert {"Belém", "António Guterres", "COP30"} <= set(found)


def test_a_day_owning_an_event_becomes_the_event_on_that_day() -> None:
    published = dt.date(2024, 3, 24)  # a Sunday
    said = dates.absolute("Police said Friday's attack killed 140 people.", published)
    assert said == "Police said the attack on Friday 22 March 2024 killed 140 people."
    after = dates.absolute("After last Friday's concert hall attack, guards were added.", published)
    assert after == "After the concert hall attack on Friday 22 March 2024, guards were added."
    assert "'s" not in dates.absolute("Friday's vote was close.", published)


def test_a_sentence_announcing_reactions_is_no_fact() -> None:
    assert is_setup("The plan drew angry reactions as soon as it was announced.")
    found = statements(
        [
            "Ministers in Yerevan approved a new water tariff on Monday.",
            "The tariff drew angry reactions as soon as it was adopted.",
            "Farmers' unions said it would double their costs.",
        ],
        _entities(),
    )
    assert not any("angry reactions" in s.text for s in found)


def _entities():  # type: ignore[no-untyped-def]
    from bot.ingest.entities import EntityIndex

    return EntityIndex(["Ministers in Yerevan approved a new water tariff on Monday."])


def test_questions_ask_for_what_was_done_with_the_right_verb() -> None:
    from bot.ingest.questions import generate

    done = generate("Delegates completed rules for regional carbon trading.")
    assert "what did delegates complete" in done
    # No object to ask for: "gave way", "stayed away".
    assert not any(q.startswith("what did") for q in generate("The old bridge gave way."))
    # "least developed" describes the countries; the verb is "walked out".
    walked = generate(
        "Negotiators from the least developed countries walked out of a meeting in Almaty."
    )
    assert not any("developed countries walked" in q or q.startswith("who developed")
                   for q in walked), walked  # fmt: skip
    assert any(q.startswith("who walked out of a meeting") for q in walked), walked
    # A plural subject's present verb takes "do".
    fines = generate("Companies that break the rule face fines of up to 5,000 manats.")
    assert any(q.startswith("do companies that break the rule face") for q in fines), fines

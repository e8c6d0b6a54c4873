"""Issue 11, places named by description: a question may name a place by its kind alone ("the
tajik capital", "the peninsula") where the facts use its name (Dushanbe, Crimea). The facts and
questions are this file's own (reporters held and a ferry line), never the live knowledge
nor the bench's questions; the WordNet lines of ``build`` are made up in WordNet's format."""

from __future__ import annotations

import dataclasses

from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact
from bot.core.place_kinds import Place, kinds_asked, parse, table
from bot.wordnet_tables.place_kinds import build, write

# A made-up corner of WordNet's data.noun: two kinds, a country, a city of it that is its
# capital, a town in a province of it, and a country's other name (kind "country").
WORDNET = [
    "  1 This is a licence line, as at the top of WordNet's files.\n",
    "00000010 15 n 02 national_capital 0 capital 0 000 | a seat of government\n",
    "00000011 15 n 01 town 0 000 | a settlement\n",
    "00000012 15 n 01 country 0 000 | a state\n",
    "00000020 15 n 02 Georgia 0 Sakartvelo 0 001 @i 00000012 n 0000 | a country\n",
    "00000021 15 n 01 Adjara 0 001 #p 00000020 n 0000 | a province\n",
    "00000030 15 n 02 Tbilisi 0 Tiflis 0 002 @i 00000010 n 0000 #p 00000020 n 0000 | a city\n",
    "00000031 15 n 01 Kobuleti 0 002 @i 00000011 n 0000 #p 00000021 n 0000 | a resort\n",
    "00000032 15 n 01 Big_Town 0 001 @i 00000011 n 0000 | two words\n",
]


def test_each_place_is_read_with_its_kind_and_country() -> None:
    table = build(WORDNET)
    # The last word of a kind names it ("national capital" is a capital); a country a few
    # "part of" steps up is the place's (Kobuleti, in Adjara, in Georgia).
    assert table["tbilisi"] == (("capital",), "georgia")
    assert table["tiflis"] == (("capital",), "georgia")
    assert table["kobuleti"] == (("town",), "georgia")
    # A country is met by its own words, and "the country" is no kind of place to look up; a
    # name of two words is no word of an index.
    assert "georgia" not in table and "sakartvelo" not in table
    assert "big_town" not in table and "big town" not in table


def test_the_table_reads_back_as_written() -> None:
    places = parse(write(build(WORDNET)))
    assert Place("tbilisi", "georgia") in places["capital"]
    assert places["town"] == (Place("kobuleti", "georgia"),)


def test_a_question_names_a_kind_with_its_country_or_without() -> None:
    tajik = kinds_asked("were reporters arrested in the Tajik capital?")
    assert [(kind.word, kind.country) for kind in tajik] == [("capital", "tajikistan")]
    assert Place("dushanbe", "tajikistan") in tajik[0].places
    of = kinds_asked("what happened in the capital of armenia")
    assert [(kind.word, kind.country) for kind in of] == [("capital", "armenia")]
    assert [(kind.word, kind.country) for kind in kinds_asked("who runs the peninsula")] == [
        ("peninsula", None)
    ]
    # "the country" is the one the question is about: no place to look for.
    assert kinds_asked("how many left the country") == []


DETAINED = Fact(
    "reporters-detained",
    "Police in Nairobi detained two reporters of the weekly Taifa on Friday, their editor said.",
    ("were reporters detained", "how many reporters did police detain"),
)
FREED = Fact(
    "reporters-freed-mombasa",
    "Three reporters arrested in Mombasa on Monday were freed on bail, their lawyer said.",
    ("were the reporters freed", "who was freed on bail"),
)
OFF = dataclasses.replace(MatcherSettings(), place_share=0.0)
QUESTION = "what happened to the reporters in the kenyan capital"


def test_the_capital_asked_of_a_country_meets_the_fact_naming_that_city() -> None:
    ranked, _ = Matcher([DETAINED, FREED]).explain(QUESTION)
    unread, _ = Matcher([DETAINED, FREED], settings=OFF).explain(QUESTION)
    assert ranked[0].entry.fact.id == "reporters-detained"
    # Without the reading, "capital" is a word neither fact has, and the two facts tie.
    assert ranked[0].relevance > unread[0].relevance
    assert ranked[0].relevance - ranked[1].relevance > unread[0].relevance - unread[1].relevance
    # Asked about the detentions, the Nairobi fact is offered, not "I don't know".
    result = Matcher([DETAINED, FREED]).ask("were reporters detained in the kenyan capital")
    assert result.decision is Decision.SUGGEST
    assert result.best is not None and result.best.fact.id == "reporters-detained"


def test_two_capitals_the_facts_name_say_neither() -> None:
    kampala = Fact(
        "reporters-fined-kampala",
        "A court in Kampala fined two reporters for a report on the border talks.",
        ("were reporters fined", "what were the reporters fined for"),
    )
    question = "what happened to the reporters in the capital"
    both, _ = Matcher([DETAINED, kampala]).explain(question)
    unread, _ = Matcher([DETAINED, kampala], settings=OFF).explain(question)
    assert [(c.entry.fact.id, round(c.relevance, 6)) for c in both] == [
        (c.entry.fact.id, round(c.relevance, 6)) for c in unread
    ]


def test_a_fact_added_or_removed_changes_what_the_kind_meets_at_once() -> None:
    matcher = Matcher([FREED])
    matcher.add(DETAINED)
    ranked, _ = matcher.explain(QUESTION)
    unread, _ = Matcher([FREED, DETAINED], settings=OFF).explain(QUESTION)
    assert ranked[0].entry.fact.id == "reporters-detained"
    assert ranked[0].relevance > unread[0].relevance
    # With Nairobi's fact gone, Mombasa's is not read as the capital.
    matcher.remove(DETAINED.id)
    alone, _ = matcher.explain(QUESTION)
    alone_unread, _ = Matcher([FREED], settings=OFF).explain(QUESTION)
    assert [round(c.relevance, 6) for c in alone] == [round(c.relevance, 6) for c in alone_unread]


def test_the_peninsula_meets_the_fact_naming_it() -> None:
    ferry = Fact(
        "ferry-crimea",
        "The car ferry to Crimea stopped running on Tuesday as a storm closed the strait.",
        ("why did the car ferry stop",),
    )
    bus = Fact(
        "ferry-bus-link",
        "Buses will carry ferry passengers to the port until the car ferry runs again.",
        ("how will ferry passengers get to the port",),
    )
    matcher = Matcher([ferry, bus])
    ranked, _ = matcher.explain("is the car ferry to the peninsula running")
    assert ranked[0].entry.fact.id == "ferry-crimea"
    off = Matcher([ferry, bus], settings=OFF)
    unread, _ = off.explain("is the car ferry to the peninsula running")
    assert ranked[0].relevance > unread[0].relevance
    # Answered with the Crimean ferry's fact, where without the reading it is only offered.
    result = matcher.ask("is the car ferry to the peninsula running")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "ferry-crimea"


def test_a_kind_named_again_is_read_once_and_each_country_apart() -> None:
    # A long question repeating its kinds reads each once (the places of "city" number in the
    # hundreds); the same kind of two countries stays two.
    long = "is the city " * 150 + "the tajik capital and the capital of armenia, the tajik capital"
    asked = [(kind.word, kind.country) for kind in kinds_asked(long)]
    assert asked == [("city", None), ("capital", "tajikistan"), ("capital", "armenia")]


# A made-up corner of WordNet for what is no place to meet by its kind: a city whose name is
# also an ordinary word in use (a union of workers), one named as two people are (Jackson, two
# singers), one whose name is a given name (Gary of a made-up Gary Brandt), a kind that is
# itself a place (Korea, of which Kaesong is an instance), a kind whose last word is not the
# kind ("port of entry" is no "entry"), and "region", broader than both "city" and "county".
ODD = [
    "00000100 15 n 01 region 0 000 | a part of the earth\n",
    "00000101 15 n 01 city 0 001 @ 00000100 n 0000 | a large town\n",
    "00000102 15 n 01 county 0 001 @ 00000100 n 0000 | a part of a state\n",
    "00000103 15 n 01 port 0 000 | a harbour town\n",
    "00000104 15 n 01 port_of_entry 0 001 @ 00000103 n 0000 | where goods are cleared\n",
    "00000105 15 n 01 Korea 0 001 @i 00000100 n 0000 | a peninsula's country\n",
    "00000106 14 n 01 union 0 000 | workers together\n",
    "00000107 18 n 01 singer 0 000 | one who sings\n",
    "00000108 18 n 02 Brandt 0 Gary_Brandt 0 001 @i 00000107 n 0000 | a made-up singer\n",
    "00000109 18 n 01 Jackson 0 001 @i 00000107 n 0000 | a made-up singer\n",
    "00000118 18 n 01 Jackson 0 001 @i 00000107 n 0000 | another made-up singer\n",
    "00000110 15 n 01 Union 0 001 @i 00000101 n 0000 | a city\n",
    "00000111 15 n 01 Jackson 0 001 @i 00000101 n 0000 | a city\n",
    "00000112 15 n 01 Gary 0 001 @i 00000101 n 0000 | a city\n",
    "00000113 15 n 01 Kaesong 0 001 @i 00000105 n 0000 | a city of Korea\n",
    "00000114 15 n 01 Tarnow 0 002 @i 00000101 n 0000 @i 00000102 n 0000 | a city\n",
    "00000115 15 n 01 Vyborg 0 002 @i 00000103 n 0000 @i 00000104 n 0000 | a port\n",
    "00000116 15 n 01 Halden 0 001 @i 00000104 n 0000 | a port of entry\n",
    "00000117 15 n 01 Keld 0 001 @i 00000100 n 0000 | a region\n",
]


# Which of the corner's senses WordNet's sense-tagged texts met (index.noun's lines: lemma, part
# of speech, senses, pointers, senses again, how many of the first were met, the senses): the
# union of workers.
ODD_INDEX = ["union n 2 1 @ 2 1 00000106 00000110\n"]


def test_only_real_kinds_and_names_no_other_word_has_are_read() -> None:
    table = build(ODD, ODD_INDEX)
    # "the city" meets Tarnow; a city whose name a union or a singer has too is left out,
    # lest "the city" meet "Gary" of a fact about a man.
    assert table["tarnow"] == (("city", "county"), None)
    assert not {"union", "jackson", "gary"} & set(table)
    # A port of entry is a port, not an "entry"; a place is no kind ("korea"), nor is a kind
    # broader than two others ("region" may be a city or a county).
    assert table["vyborg"] == (("port",), None)
    assert not {"halden", "kaesong", "keld"} & set(table)
    assert {kind for kinds, _ in table.values() for kind in kinds} == {"city", "county", "port"}


# Cities whose names have another sense: a hair treatment ("velm") and a film director (Quarn)
# the tagged texts never met, an adjective they met ("brisk"), a director they met (Tolland),
# and a sense of a place's own ("sorrel" of a city in use as a horse's colour).
OTHER_SENSES = [
    "00000200 15 n 01 city 0 000 | a large town\n",
    "00000201 15 n 01 Velm 0 001 @i 00000200 n 0000 | a city\n",
    "00000202 08 n 01 velm 0 000 | waves set in the hair\n",
    "00000203 15 n 01 Quarn 0 001 @i 00000200 n 0000 | a city\n",
    "00000204 18 n 01 director 0 000 | one who directs films\n",
    "00000205 18 n 02 Quarn 0 Ilya_Quarn 0 001 @i 00000204 n 0000 | a director\n",
    "00000206 15 n 01 Brisk 0 001 @i 00000200 n 0000 | a city\n",
    "00000207 15 n 01 Tolland 0 001 @i 00000200 n 0000 | a city\n",
    "00000208 18 n 01 Tolland 0 001 @i 00000204 n 0000 | a director\n",
    "00000209 15 n 01 Sorrel 0 001 @i 00000200 n 0000 | a city\n",
    "00000210 07 n 01 sorrel 0 000 | a brownish orange\n",
]
OTHER_SENSES_INDEX = [
    "velm n 2 1 @ 2 0 00000201 00000202\n",
    "quarn n 2 1 @ 2 0 00000203 00000205\n",
    "tolland n 2 1 @ 2 1 00000208 00000207\n",
    "sorrel n 2 1 @ 2 1 00000210 00000209\n",
]
ADJECTIVES_INDEX = ["brisk a 1 0 1 1 00000300\n"]


def test_a_city_is_kept_whose_other_sense_no_text_wordnet_counted_met() -> None:
    # A city also named for a hair treatment or a film director that WordNet's tagged texts
    # never met is the city a news fact means (as Perm and Kazan are); a word met in use, as
    # a noun or an adjective, or a director the texts name, may be what a fact means instead.
    table = build(OTHER_SENSES, OTHER_SENSES_INDEX, [ADJECTIVES_INDEX])
    assert table == {"velm": (("city",), None), "quarn": (("city",), None)}
    # Without the counts, no other sense is known to be in use: only Quarn's given name
    # ("ilya") and the number of directors named so could leave a city out.
    assert set(build(OTHER_SENSES)) == {"velm", "quarn", "brisk", "tolland", "sorrel"}


def test_the_shipped_table_holds_russian_cities_whose_names_have_rare_other_senses() -> None:
    assert {Place("perm", "russia"), Place("kazan", "russia")} <= set(table()["city"])
    # A city named as a given name or a word in use is still left out.
    assert not {"gary", "nice"} & {place.name for place in table()["city"]}


def test_the_russian_city_meets_the_fact_naming_kazan() -> None:
    fire = Fact(
        "tram-depot-fire",
        "A fire destroyed twelve trams at a depot in Kazan overnight, the transport office said.",
        ("how many trams burned",),
    )
    strike = Fact(
        "tram-drivers-strike",
        "Tram drivers in Almaty walked out for a day over unpaid overtime.",
        ("why did the tram drivers strike",),
    )
    question = "what burned at the tram depot in the russian city"
    ranked, _ = Matcher([fire, strike]).explain(question)
    unread, _ = Matcher([fire, strike], settings=OFF).explain(question)
    assert ranked[0].entry.fact.id == "tram-depot-fire"
    assert ranked[0].relevance > unread[0].relevance


def test_a_kind_meets_no_first_name_yet_still_the_tajik_capital() -> None:
    coach = Fact(
        "coach-fined",
        "The football federation fined coach Gary Lindqvist for insulting a referee after the "
        "derby.",
        ("why was the coach punished",),
    )
    club = Fact(
        "club-fined",
        "The league fined the home club for the fans' flares at the derby.",
        ("why was the club punished",),
    )
    market = Fact(
        "market-fire",
        "A fire destroyed part of the central market in Dushanbe on Thursday, officials said.",
        ("what burned at the market",),
    )
    facts = [coach, club, market]
    # "The city" is not read as Gary, a coach's first name: the question is not answered
    # outright, as it is not with the reading off.
    fined = Matcher(facts).ask("who was fined in the city")
    assert fined.decision is not Decision.ANSWER
    assert fined.decision is Matcher(facts, settings=OFF).ask("who was fined in the city").decision
    # "The tajik capital" still meets the fact naming Dushanbe.
    question = "what burned at the market in the tajik capital"
    ranked, _ = Matcher(facts).explain(question)
    unread, _ = Matcher(facts, settings=OFF).explain(question)
    assert ranked[0].entry.fact.id == "market-fire"
    assert ranked[0].relevance > unread[0].relevance


def test_the_warm_up_reads_every_place_name_and_changes_no_ranking() -> None:
    """A running bot reads the table's place names before members ask: the first question
    naming a kind ("the kenyan capital") then reads none again, and is ranked exactly as it is
    by an index that read them only when asked."""
    warmed = Matcher([DETAINED, FREED])
    warmed.prepare_place_names()
    read = dict(warmed._places)
    assert set(read) == {place.name for places in table().values() for place in places}
    ranked, _ = warmed.explain(QUESTION)
    assert warmed._places == read
    cold, _ = Matcher([DETAINED, FREED]).explain(QUESTION)
    assert [(c.entry.fact.id, c.relevance) for c in ranked] == [
        (c.entry.fact.id, c.relevance) for c in cold
    ]

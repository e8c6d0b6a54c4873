"""WordNet's database files as the table derivations read them (``bot/wordnet_tables``): lines
made up in WordNet's own format (wndb(5)), never the files themselves."""

from __future__ import annotations

from bot.wordnet_tables.wordnet_files import senses, synsets

DATA = [
    "  1 This is a licence line, as at the top of WordNet's files.\n",
    "00000500 15 n 02 Port_Vell 0 harbour_town(a) 0 002 @i 00000501 n 0000 #p 00000502 n 0000 "
    "| a made-up port\n",
]
INDEX = [
    "  1 This is a licence line.\n",
    "ferry n 3 2 @ ~ 3 2 00000610 00000611 00000612\n",
]


def test_a_synset_keeps_its_words_as_written_and_its_pointers_by_kind() -> None:
    (port,) = synsets(DATA).values()
    # Names stay capitalised (a name, not a common noun); an adjective's marker is dropped.
    assert port.words == ("Port_Vell", "harbour_town")
    assert port.lexicon == "15"
    assert port.targets("@i") == ("00000501",)
    assert port.targets("#p") == ("00000502",)
    assert port.targets("@") == ()


def test_a_lemma_lists_its_senses_commonest_first_and_which_are_in_use() -> None:
    ferry = senses(INDEX)["ferry"]
    assert ferry.synsets == ("00000610", "00000611", "00000612")
    # The first two were met in WordNet's sense-tagged texts; the third never was.
    assert ferry.in_use == ("00000610", "00000611")

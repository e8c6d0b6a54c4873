"""Shortlisting a misspelled word's possible readings by their letters changes no reading: the
same word is found as when the misspelling is compared with every indexed word of its length,
whatever the typo, the cutoff, and however the index was built (fact by fact or from a
snapshot)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.vocabulary import Vocabulary

# Made-up places and officials built from a few syllables, so that many words are one or two
# letters apart ("dravmir", "dravmor", "travmir"): the near misses a shortlist must keep.
SYLLABLES = "dra vin mor ost kel bar tun sha vel nir gor pol".split()
OFFICES = "warden reeve abbess bailiff steward provost".split()
DEEDS = "blockaded ransomed audited pardoned".split()


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _chronicle(count: int, seed: int) -> list[Fact]:
    rng = random.Random(seed)
    facts = []
    for n in range(count):
        place, person = _made_up(rng), _made_up(rng)
        office, deed = rng.choice(OFFICES), rng.choice(DEEDS)
        facts.append(
            Fact(
                f"chronicle-{n}",
                f"The {office} of {place.title()}, {person.title()}, {deed} the harbour.",
                (f"what did the {office} of {place} do",),
            )
        )
    return facts


FACTS = _chronicle(300, seed=5)
MATCHER = Matcher(FACTS)
SNAPSHOT = Matcher.from_state(MATCHER.export_state())
INDEXED = sorted(MATCHER._surface)
LETTERS = "abdegiklmnoprstuvwy"
NearWords = Callable[..., list[list[str]]]


def _misspelled(word: str, rng: random.Random) -> str:
    """``word`` with one or two typos: a letter dropped, added, changed or swapped."""
    for _ in range(rng.randint(1, 2)):
        at = rng.randrange(len(word))
        kind = rng.randrange(4)
        if kind == 0 and len(word) > 4:
            word = word[:at] + word[at + 1 :]
        elif kind == 1:
            word = word[:at] + rng.choice(LETTERS) + word[at:]
        elif kind == 2:
            word = word[:at] + rng.choice(LETTERS) + word[at + 1 :]
        elif at + 1 < len(word):
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word


def _every_word(vocabulary: Mapping[tuple[str, int], Iterable[str]]) -> NearWords:
    """What the search compared before the shortlist: each whole group of ``vocabulary`` of
    another first letter, in the order the search reads them."""

    def near(self: Vocabulary, word: str, lengths: range, cutoff: float) -> list[list[str]]:
        return [
            list(group)
            for (first, n), group in vocabulary.items()
            if first != word[0] and n in lengths
        ]

    return near


def _every_word_of_its_letter(vocabulary: Mapping[tuple[str, int], Iterable[str]]) -> NearWords:
    """What the search compared first before the shortlist: each whole group of the word's own
    first letter, length by length."""

    def near(self: Vocabulary, word: str, lengths: range, cutoff: float) -> list[list[str]]:
        return [list(group) for n in lengths if (group := vocabulary.get((word[:1], n)))]

    return near


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), snapshot=st.booleans())
def test_a_misspelled_word_is_read_as_when_compared_with_every_word(
    seed: int, snapshot: bool
) -> None:
    """Any misspelling of an indexed word (its first letter too), in a question: the same
    answer, and the same reading of the word, as comparing it with every word."""
    rng = random.Random(seed)
    matcher = SNAPSHOT if snapshot else MATCHER
    typo = _misspelled(rng.choice(INDEXED), rng)
    question = f"what did the warden of {typo} do"
    shortlisted = matcher.ask(question, limit=5)
    read = matcher._closest_word(typo)
    groups = matcher._vocabulary.groups
    with (
        mock.patch.object(Vocabulary, "near_other_first", _every_word(groups)),
        mock.patch.object(Vocabulary, "near_same_first", _every_word_of_its_letter(groups)),
    ):
        assert matcher._closest_word(typo) == read
        compared = matcher.ask(question, limit=5)
    assert [(m.fact.id, m.score) for m in shortlisted.matches] == [
        (m.fact.id, m.score) for m in compared.matches
    ]


def _vocabulary_of(words: list[str]) -> tuple[Vocabulary, list[str]]:
    """A vocabulary holding the words, and the words once each in the order they were added."""
    vocabulary = Vocabulary()
    unique = list(dict.fromkeys(words))
    for word in unique:
        vocabulary.add(word)
    return vocabulary, unique


# Both shortlists are tried on the same kind of input: a typed word, other words, a seed for
# the misspellings made of it, and a cutoff.
_MANY_EXAMPLES = settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_TYPED_AMONG_OTHERS = given(
    typed=st.text("abcdeéoyz", min_size=4, max_size=12),
    others=st.lists(st.text("abcdeéoyz", min_size=4, max_size=12), max_size=20),
    seed=st.integers(0, 10**6),
    cutoff=st.sampled_from([50.0, 66.7, 75.0, 80.0, 90.0, 100.0]),
)


@_MANY_EXAMPLES
@_TYPED_AMONG_OTHERS
def test_no_word_that_reaches_the_cutoff_is_left_out(
    typed: str, others: list[str], seed: int, cutoff: float
) -> None:
    """Every word of the lengths asked about, of another first letter than the typed word's,
    whose ratio with the typed word reaches the cutoff is kept, in the order a search of every
    word meets it: among words near it (the typed word misspelled, its first letter too) and
    words unlike it."""
    rng = random.Random(seed)
    near = [_misspelled(rng.choice("bdgkz") + typed[1:], rng) for _ in range(20)]
    words = rng.sample([*near, *others], len(near) + len(others))
    vocabulary, unique = _vocabulary_of(words)
    lengths = range(len(typed) - 2, len(typed) + 3)
    kept = [word for group in vocabulary.near_other_first(typed, lengths, cutoff) for word in group]
    in_scope = [word for word in unique if len(word) in lengths and word[0] != typed[0]]
    assert set(kept) <= set(in_scope)
    reaching = [word for word in in_scope if fuzz.ratio(typed, word) >= cutoff]
    assert set(reaching) <= set(kept)
    # Group by group (first letter and length) in the order each got its first word; a
    # group's words in the order they were added.
    groups: dict[tuple[str, int], int] = {}
    for word in unique:
        groups.setdefault((word[0], len(word)), len(groups))
    order = [(groups[(word[0], len(word))], unique.index(word)) for word in kept]
    assert order == sorted(order)


@_MANY_EXAMPLES
@_TYPED_AMONG_OTHERS
def test_no_word_of_its_first_letter_that_reaches_the_cutoff_is_left_out(
    typed: str, others: list[str], seed: int, cutoff: float
) -> None:
    """Every word of the typed word's first letter and of a length asked about whose ratio
    with it reaches the cutoff is kept, length by length in the order asked, each length's in
    the order the words were added: among misspellings of it and words unlike it."""
    rng = random.Random(seed)
    near = [typed[0] + _misspelled(typed[1:] + "d", rng) for _ in range(20)]
    words = rng.sample([*near, *others], len(near) + len(others))
    vocabulary, unique = _vocabulary_of(words)
    lengths = range(len(typed) - 2, len(typed) + 3)
    shortlist = vocabulary.near_same_first(typed, lengths, cutoff)
    kept = [word for group in shortlist for word in group]
    in_scope = [word for word in unique if len(word) in lengths and word[0] == typed[0]]
    assert set(kept) <= set(in_scope)
    reaching = [word for word in in_scope if fuzz.ratio(typed, word) >= cutoff]
    assert set(reaching) <= set(kept)
    assert all(group for group in shortlist)
    order = [(lengths.index(len(word)), unique.index(word)) for word in kept]
    assert order == sorted(order)


def test_a_typo_in_the_first_letter_is_still_read() -> None:
    """ "embassy" typed "rmbassy" (the key beside it) still finds the embassy fact: no word of
    the base starts that way, so the words of other first letters are searched."""
    fact = Fact("embassy-closed", "Velmora closed its embassy in Dravnik.", ("embassy closed",))
    matcher = Matcher([fact, *FACTS])
    best = matcher.ask("why was the rmbassy closed").best
    assert best is not None and best.fact.id == "embassy-closed"


# Characters whose code points share a letter class (modulo 32) with another: "a", "A", "á",
# Cyrillic "р" beside a space, Azerbaijani "ə" beside "y", "0" beside "p"; and a few that do
# not. The shortlist counts a shared class as one letter, so it can only keep more words.
SHARED_CLASSES = "aAáрəyp0 bdgk"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed=st.text(SHARED_CLASSES, min_size=4, max_size=9), seed=st.integers(0, 10**6))
def test_a_word_exactly_at_the_cutoff_is_kept_whatever_its_letters(typed: str, seed: int) -> None:
    """The cutoff set to the very ratio of a near word (as rapidfuzz computes it, and a hair
    either side): every word rapidfuzz lets through is kept, also of letters outside a-z and
    in either case (the ratio is case-sensitive and no processor folds them)."""
    rng = random.Random(seed)
    others = [rng.choice(SHARED_CLASSES) + typed[1:] for _ in range(12)]
    for at, word in enumerate(others):
        for _ in range(rng.randint(0, 2)):
            spot = rng.randrange(len(word))
            word = word[:spot] + rng.choice(SHARED_CLASSES) + word[spot + rng.randint(0, 1) :]
        others[at] = word
    vocabulary = Vocabulary()
    unique = list(dict.fromkeys(others))
    for word in unique:
        vocabulary.add(word)
    lengths = range(len(typed) - 2, len(typed) + 3)
    in_scope = [word for word in unique if len(word) in lengths and word[0] != typed[0]]
    for word in in_scope:
        exact = fuzz.ratio(typed, word)
        for cutoff in (exact, exact - 1e-12, exact + 1e-12):
            if not 0 < cutoff <= 100:
                continue
            shortlist = vocabulary.near_other_first(typed, lengths, cutoff)
            kept = {w for group in shortlist for w in group}
            reaching = {w for w in in_scope if fuzz.ratio(typed, w, score_cutoff=cutoff) >= cutoff}
            assert reaching <= kept

"""Word tables built on first use: once per process, and never seen half-built by a second
thread (the bot builds indexes in worker threads while its event loop answers questions)."""

from __future__ import annotations

import threading
import time

import pytest

from bot.core import latin_russian, word_lists
from bot.core.word_lists import frequencies, once, zipf, zipf_of


def test_a_table_asked_for_by_several_threads_at_once_is_built_once_and_shared() -> None:
    builds = []
    started = threading.Event()

    @once
    def table() -> dict[str, int]:
        """Slow enough that every thread arrives while it is being built."""
        builds.append(1)
        started.set()
        time.sleep(0.2)
        return {"first": 1, "second": 2}

    seen: list[dict[str, int]] = []
    threads = [threading.Thread(target=lambda: seen.append(table())) for _ in range(6)]
    for thread in threads:
        thread.start()
    started.wait(5)
    for thread in threads:
        thread.join(5)

    assert len(builds) == 1
    assert len(seen) == 6
    assert all(got is seen[0] and got == {"first": 1, "second": 2} for got in seen)
    assert table.__doc__ and "Slow enough" in table.__doc__


def test_a_failed_build_is_tried_again_by_the_next_caller() -> None:
    attempts = []

    @once
    def table() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("the list could not be read")
        return "read"

    with pytest.raises(OSError, match="could not be read"):
        table()
    assert table() == "read"
    assert len(attempts) == 2


def test_every_caller_reads_the_same_general_list() -> None:
    english = frequencies("en", "small")
    assert english is frequencies("en", "small")
    assert english["the"] > english["ambassador"] > 0


def test_the_small_lists_read_from_their_files_are_the_ones_wordfreq_gives() -> None:
    """Read without importing wordfreq, each small list is wordfreq's own dictionary: the same
    words with the same frequencies, in the same order."""
    import wordfreq

    for language in ("en", "ru", "tr"):
        read = word_lists._small_list(language)
        assert read is not None
        assert list(read.items()) == list(wordfreq.get_frequency_dict(language, "small").items())
    # A list wordfreq does not ship is left to wordfreq (which matches language codes).
    assert word_lists._small_list("az") is None


def test_russian_typed_in_latin_letters_is_read_the_same_from_many_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Readers racing the first build of the Russian tables get the same readings as one reader
    alone, and the tables are built once. The tables are built afresh here, with every reader
    let go at the same moment: tables another test of this process built already would leave
    nothing to race, and the test would pass whatever the build did."""
    words = ["privet", "spasibo", "segodnya", "voyna", "posol", "novosti"]
    builds: list[int] = []
    build = latin_russian._lists.__wrapped__  # type: ignore[attr-defined]

    def counted() -> object:
        builds.append(1)
        return build()

    monkeypatch.setattr(latin_russian, "_lists", once(counted))
    together = threading.Barrier(len(words))
    results: dict[str, tuple[str, float]] = {}

    def read(word: str) -> None:
        together.wait(10)
        results[word] = latin_russian.reading.__wrapped__(word)

    threads = [threading.Thread(target=read, args=(word,)) for word in words]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(builds) == 1
    alone = {word: latin_russian.reading.__wrapped__(word) for word in words}
    assert results == alone
    assert alone["privet"][0] == "привет" and alone["privet"][1] > 0


def test_the_beginnings_of_russian_words_are_every_prefix_of_every_word() -> None:
    """Latin-typed Russian is read only along beginnings of known words: none may be missing."""
    words = ["посол", "посольство", "пост", "москва", "мост", "я"]
    naive = {word[:end] for word in words for end in range(1, len(word) + 1)}
    assert latin_russian._beginnings(words) == naive
    assert latin_russian._beginnings(reversed(words)) == naive
    assert "" not in latin_russian._beginnings(words)


def test_weighing_a_word_reads_no_second_copy_of_the_large_list() -> None:
    """A word weighed (``zipf``) is looked up in the very list ``frequencies(language,
    "large")`` gave: wordfreq keeps each list by the name it was asked for, and weighing by its
    default name held the large English list a second time (27 MB)."""
    import wordfreq

    large = frequencies("en", "large")
    read_before = wordfreq.get_frequency_dict.cache_info().misses
    words = ["ambassador", "Ceasefire", "embasy", "the", "qzxv", "1990s"]
    weighed = [zipf(word, "en") for word in words]
    assert wordfreq.get_frequency_dict.cache_info().misses == read_before
    assert weighed[0] == pytest.approx(zipf_of(large["ambassador"]), abs=0.01)
    assert weighed[0] > weighed[2]
    assert weighed[3] > weighed[0] and weighed[4] == 0.0
    # The same weights as wordfreq's default list gives: that list is this same file.
    assert weighed == [wordfreq.zipf_frequency(word, "en") for word in words]

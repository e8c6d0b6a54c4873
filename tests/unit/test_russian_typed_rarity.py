"""Russian chat spellings read from the shipped table of spellings as typed, not wordfreq's
110 MB large list: a process reading Russian questions and facts never loads that list, and
reads every spelling as it would with the list (``bot.core.russian_chat_spellings``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.core import russian_chat_spellings
from bot.core.russian_chat_spellings import build, respelled
from bot.core.word_lists import zipf

REPO_ROOT = Path(__file__).resolve().parents[2]

# Chat spellings, real words and names whose frequency as typed stops a reading, and words no
# list holds: a mix of what the table holds and what it leaves out.
WORDS = (
    "пачиму",  # почему, two letters read otherwise
    "щас",
    "скока",
    "штабы",  # staffs, too common as typed to be "чтобы"
    "пачка",  # a pack, not "почка"
    "сашка",  # a name
    "махачкала",
    "кагда",
    "тожи",
    "ваабще",
    "нинавижу",
    "калбаса",
    "прасти",
)

# Runs in a process of its own: the test process may have loaded the large list elsewhere.
_LISTS_READ = """
import wordfreq
read = []
whole = wordfreq.get_frequency_list
def recorded(lang, wordlist="best", *args, **kwargs):
    read.append((lang, wordlist))
    return whole(lang, wordlist, *args, **kwargs)
wordfreq.get_frequency_list = recorded
from bot.core.other_tokens import other_tokens
print(" ".join(other_tokens("пачиму штабы атазвали пасла из масквы", "ru")))
print(sorted(set(read)))
"""


def test_a_russian_question_is_read_without_the_large_word_list() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _LISTS_READ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=True,
        timeout=120,
    )
    words, lists = done.stdout.splitlines()
    assert words.split()[:2] == ["почему", "штабы"]
    assert "large" not in lists and "best" not in lists, lists


def test_the_table_reads_each_spelling_as_the_large_list_does() -> None:
    derived = build(WORDS, lambda word: zipf(word, "ru"))
    shipped = russian_chat_spellings._typed_rarity()
    for word in WORDS:
        assert shipped.get(word) == derived.get(word), word
        with_the_list = russian_chat_spellings._reading(word, zipf(word, "ru"))
        assert respelled(word) == with_the_list, word


def test_only_a_spelling_whose_frequency_stops_a_reading_is_kept() -> None:
    # As common as typed as its reading: kept. Unknown to the list: read as typed alone.
    typed = {"штабы": 3.13, "пачиму": 1.0}
    derived = build(["штабы", "пачиму", "vii", "шт"], lambda word: typed.get(word, 0.0))
    assert derived == {"штабы": 3.13}

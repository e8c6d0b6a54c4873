"""The analyser: text to index terms, shared by indexing and querying, so both sides see the
same terms.

A question goes through: folding (``folding``: Unicode folded and transliterated, lower-cased,
tokenised), chat spellings read as the words they stand for (``chat_expansion``), dropping
question words and filler (``filler_words``), stemming (``english_stems``: recalled -> recall;
Russian and Azerbaijani by ``other_stems``, ``other_tokens`` and ``dropped_words``) and mapping
synonyms to one canonical term (``synonym_groups``: envoy -> ambassador). What a question asks
for is read by ``bot.core.focus`` (English) and ``other_focus``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.core import language as languages
from bot.core import russian_adjectives, russian_lemmas
from bot.core.az_nouns import az_form
from bot.core.az_typed_russian import typed_russian
from bot.core.chat_expansion import chat_folded, expand_chat
from bot.core.day_terms import MONTH_WORD, days_named
from bot.core.dropped_words import (
    AZ_SCRAPS,
    az_light_verb,
    az_plain_stopword,
    az_question_stems,
    az_regarding,
    ru_stopword_form,
)
from bot.core.english_stems import normal_form, specificity, specificity_of, stem, stem_word
from bot.core.filler_words import EN_FILLER_PHRASES, FILLER, FILLER_PHRASES, STOPWORDS
from bot.core.focus import Focus, question_focus
from bot.core.focus_words import MONTHS
from bot.core.folding import DIGIT, fold, translit
from bot.core.language import az_plain
from bot.core.news_words import IRREGULAR_FORMS
from bot.core.other_focus import other_focus
from bot.core.other_stems import (
    OTHER_STEMMERS,
    SPELLED_RIGHT,
    frequency_in,
    stem_in,
)
from bot.core.other_tokens import filler_key, other_tokens
from bot.core.remembered_texts import REMEMBERED_TEXTS
from bot.core.synonym_groups import add_other_member, inflected_pattern, with_news_synonyms


def focus(text: str) -> Focus:
    """What the question ``text`` asks for (``bot.core.focus``). A percent sign asks as the
    word does ("wat % did they get": what percent), which folding would drop."""
    if "%" in text:
        text = text.replace("%", " percent ")
    return question_focus(chat_folded(text).split())


@lru_cache(maxsize=REMEMBERED_TEXTS)
def _focus_in(text: str, language: str | None) -> Focus:
    """What ``text`` asks for, read in ``language`` (detected when None). The same for every
    analyser (no synonym of theirs plays a part), so they share what is remembered; least
    recently read first forgotten, as the phrasings of the facts most often matched recur."""
    if language is None:
        language = languages.detect(text)
    return focus(text) if language == "en" else other_focus(text, language)


Reading = tuple[tuple[str, float, str], ...]

# Analysers of equal synonym tables read a text alike, so they share their readings of facts'
# texts (``read_for_index``), by a number for their table. Every knowledge base opened,
# reloaded with new synonyms or read for a snapshot makes an analyser of its own, and indexing
# its facts read them all again: the same few facts for each test in the test suite, where
# that was a sixth of its time, and the unchanged facts of a knowledge base a moderator
# reloads after changing its synonyms (read anew under the new table, once).
_TABLES: dict[tuple[tuple[str, ...], ...], int] = {}
_TABLE_NUMBERS = itertools.count()
# (table, language, with phrase parts, text) -> (terms, phrase parts, words spelled right);
# forgotten all at once when full, as a reading remembered by ``analyze`` is.
_INDEXED: dict[
    tuple[int, str, bool, str], tuple[Reading, Reading, tuple[tuple[str, float], ...]]
] = {}
# Tables numbered before forgetting them all (a bot meets a new one per synonyms change).
_TABLES_KEPT = 64


def _table_number(groups: tuple[tuple[str, ...], ...]) -> int:
    number = _TABLES.get(groups)
    if number is None:
        if len(_TABLES) >= _TABLES_KEPT:
            _TABLES.clear()  # a table numbered again gets a new number: nothing is mixed up
        number = _TABLES[groups] = next(_TABLE_NUMBERS)
    return number


@lru_cache(maxsize=REMEMBERED_TEXTS)
def _member_reading(member: str) -> tuple[str, str]:
    """A synonym group member folded, and its language. The same for every analyser: the
    everyday news groups (``with_news_synonyms``) are read again by each one made, where
    folding and detecting their members was most of making one."""
    return fold(member), languages.detect(member)


class Analyzer:
    """Turns text into index terms; one instance per synonym table."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        groups = tuple(tuple(group) for group in synonym_groups)
        self._table = _table_number(groups)
        self._canonical: dict[str, str] = {}
        self._phrases: list[tuple[re.Pattern[str], str]] = []
        # Russian and Azerbaijani, by language: word keys (transliterated surface form or
        # stem) -> head, and phrases matched on the lower-cased text in its own script; made
        # from ``_other_members`` when a text of the language is first read (``_other_tables``).
        self._other: dict[str, dict[str, str]] = {}
        self._other_phrases: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        # Russian and Azerbaijani set phrases of asking that a synonym group lists ("в общих
        # чертах" beside "summary"): read as its term, not dropped (``other_tokens``).
        self._kept_filler: dict[str, frozenset[tuple[str, ...]]] = {}
        # Russian: a synonym stem (as in ``_other``) whose members are all nouns -> their
        # dictionary forms (``_by_stem``).
        self._member_nouns: dict[str, dict[str, frozenset[str]]] = {}
        # Each Russian or Azerbaijani member with its language, and each English one-word
        # member (language None: a name typed in a Russian or Azerbaijani question, "Baku"),
        # with its head, in the groups' order, which decides between groups sharing a key.
        self._other_members: list[tuple[str, str | None, str]] = []
        # The term each synonym group is read as.
        self._heads: set[str] = set()
        for group in with_news_synonyms(groups):
            readings = [(original, *_member_reading(original)) for original in group]
            readings = [reading for reading in readings if reading[1]]
            if not readings:
                continue
            head = "_".join(stem(w) for w in readings[0][1].split())
            self._heads.add(head)
            for original, member, written in readings:
                if written != "en":
                    self._other_members.append((original, written, head))
                    continue
                parts = member.split()
                if len(parts) == 1:
                    self._canonical[stem(parts[0])] = head
                    self._other_members.append((parts[0], None, head))
                else:
                    first = inflected_pattern(parts[0])
                    rest = re.escape(" ".join(parts[1:]))
                    pattern = re.compile(r"\b" + first + " " + rest + r"\b")
                    self._phrases.append((pattern, head))
        # Longer phrases first so "south caucasus region" wins over "south caucasus".
        self._phrases.sort(key=lambda item: -len(item[0].pattern))
        # One search for any phrase at all: most texts have none, and a search per phrase per
        # text was a third of indexing time.
        self._any_phrase = (
            re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in self._phrases))
            if self._phrases
            else None
        )
        # The readings of the last texts (``REMEMBERED_TEXTS``) ``analyze`` read.
        self._cache: dict[str, tuple[tuple[str, float, str], ...]] = {}
        # word -> (term, specificity), or None for a stopword: one lookup per word.
        self._words: dict[str, tuple[str, float] | None] = {}
        # Russian and Azerbaijani words (as ``analyze`` gives them back) common enough in their
        # language to be spelled right (never "corrected" to a word of the facts), with how
        # often their language uses them (``frequency_in``).
        self._spelled_right: dict[str, float] = {}

    def _other_tables(
        self, language: str
    ) -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
        """The synonym table and phrases of ``language`` ("ru" or "az"), made on first use: a
        Russian member's stem needs the dictionary (``russian_lemmas``), which a bot that
        never reads Russian then never loads."""
        if language not in self._other:
            table: dict[str, str] = {}
            phrases: list[tuple[re.Pattern[str], str]] = []
            nouns: dict[str, set[str]] = {}
            for member, written, head in self._other_members:
                if written is None:
                    table.setdefault(member, head)
                elif written == language:
                    add_other_member(member, language, head, table, phrases, nouns)
            phrases.sort(key=lambda item: -len(item[0].pattern))
            self._other_phrases[language] = phrases
            self._kept_filler[language] = frozenset(
                filler_key(member, language)
                for member, written, _ in self._other_members
                if written == language
            ) & frozenset(FILLER_PHRASES.get(language, ()))
            self._other[language] = table
            self._member_nouns[language] = {
                key: frozenset(forms) for key, forms in nouns.items() if "" not in forms
            }
        return self._other[language], self._other_phrases[language]

    def focus(self, text: str, language: str | None = None) -> Focus:
        """What the question ``text`` asks for, remembered like its terms; ``language`` is the
        text's, detected when not given."""
        return _focus_in(text, language)

    def is_synonym_head(self, term: str) -> bool:
        """Whether ``term`` is the term a synonym group is read as (whatever the language of
        the member it was read from)."""
        return term in self._heads

    def spelled_right(self, word: str) -> bool:
        """Whether a Russian or Azerbaijani word ``analyze`` gave back is common in its
        language (``frequency_in``): a real word, whatever a fact's word it resembles. English
        words are weighed by the matcher against its own setting."""
        return word in self._spelled_right

    def own_language_frequency(self, word: str) -> float:
        """How often its own language uses a Russian or Azerbaijani word ``analyze`` gave back
        (``frequency_in``), when it is ``spelled_right``; else 0."""
        return self._spelled_right.get(word, 0.0)

    def canonical(self, term: str) -> str:
        return self._canonical.get(term, term)

    def terms(self, text: str) -> tuple[str, ...]:
        """Stemmed, synonym-mapped content terms of ``text`` in order (duplicates kept)."""
        return tuple(term for term, _, _ in self.analyze(text))

    def days(self, text: str) -> list[str]:
        """The days of the year an English ``text`` names, as terms (``days_named``)."""
        if not DIGIT.search(text) or not MONTH_WORD.search(text):
            # Most texts name no month beside their numbers: not folded a second time.
            return []
        words = expand_chat(fold(text)).split()
        return days_named(words) if not MONTHS.isdisjoint(words) else []

    def stem_of(self, word: str) -> str:
        """The stem of an English ``word`` before any synonym group renames it ("" for a
        stopword)."""
        if word in STOPWORDS or word in FILLER:
            return ""
        return stem_word(word)

    def _word(self, word: str) -> tuple[str, float] | None:
        if word in STOPWORDS or word in FILLER:
            return None
        normal = normal_form(IRREGULAR_FORMS.get(word, word))
        term = stem_word(word, normal)
        return self._canonical.get(term, term), specificity(normal)

    def analyze(
        self, text: str, *, remember: bool = True, language: str | None = None
    ) -> tuple[tuple[str, float, str], ...]:
        """Each content term of ``text``, the specificity of its word, and the word itself.

        ``language`` ("en", "ru", "az") is the text's, detected when not given: Russian and
        Azerbaijani are read with their own stopwords and stemmers (``_analyze_other``).
        Short texts are remembered (questions repeat); a fact's texts are read through
        ``read_for_index`` instead, as they are analysed once and would only crowd the
        questions out.
        """
        short = remember and len(text) <= 200
        if short:
            cached = self._cache.get(text)
            if cached is not None:
                return cached
        if language is None:
            language = languages.detect(text)
        if language in OTHER_STEMMERS:
            result = self._analyze_other(text, language)
        else:
            result = self._english(_folded_english(text, remember=short), parts=False)[0]
        if short:
            # Forgotten all at once when full: what is reused is the question being answered,
            # read again by the next stage, and the question after has the same chance. (Only
            # English questions made room once: a Russian or Azerbaijani one was remembered
            # for as long as the bot ran.)
            if len(self._cache) >= REMEMBERED_TEXTS:
                self._cache.clear()
            self._cache[text] = result
        return result

    def read_for_index(
        self, text: str, language: str, *, parts: bool = False
    ) -> tuple[Reading, Reading]:
        """A fact's ``text`` in ``language`` as ``analyze`` reads it (not remembered among the
        questions), and with ``parts`` (English text) its ``phrase_parts`` too, from one
        folding and one pass over the phrases (the index wants both of every answer). Shared
        with every analyser of an equal synonym table (``_INDEXED``); a reading another one
        made still notes the words it found spelled right here (``spelled_right``), as
        reading the text again would."""
        key = (self._table, language, parts, text)
        known = _INDEXED.get(key)
        if known is not None:
            for surface, frequency in known[2]:
                self._note_spelled_right(surface, frequency)
            return known[0], known[1]
        spelled: list[tuple[str, float]] = []
        inside: Reading = ()
        if parts:
            analyzed, inside = self._english(_folded_english(text), parts=True)
        elif language in OTHER_STEMMERS:
            analyzed = self._analyze_other(text, language, spelled)
        else:
            analyzed = self._english(_folded_english(text), parts=False)[0]
        if len(_INDEXED) >= REMEMBERED_TEXTS:
            _INDEXED.clear()
        _INDEXED[key] = (analyzed, inside, tuple(spelled))
        return analyzed, inside

    def _note_spelled_right(self, surface: str, frequency: float) -> None:
        if len(self._spelled_right) < 500_000:
            self._spelled_right[surface] = max(frequency, self._spelled_right.get(surface, 0.0))

    def phrase_parts(self, text: str) -> tuple[tuple[str, float, str], ...]:
        """The content terms of the words inside the synonym phrases of English ``text``, as
        ``analyze`` gives terms, less the phrase's own term: "the Foreign Ministry" holds
        "foreign" and "ministry" besides foreign_ministry. ``analyze`` reads a phrase as its
        group's term alone, so a question naming only part of it ("what did the ministry say")
        would miss a text that writes it out in full."""
        return self._english(_folded_english(text), parts=True)[1]

    def _english(
        self, folded: str, *, parts: bool
    ) -> tuple[tuple[tuple[str, float, str], ...], tuple[tuple[str, float, str], ...]]:
        """The terms of English text folded by ``_folded_english`` (``analyze``'s), and, with
        ``parts``, the terms of the words inside its synonym phrases (``phrase_parts``')."""
        out: list[tuple[str, float, str]] = []
        inside: list[tuple[str, float, str]] = []
        phrases = self._phrases if self._any_phrase and self._any_phrase.search(folded) else ()
        for pattern, head in phrases:
            if pattern.search(folded):
                if parts:
                    for found in pattern.finditer(folded):
                        for word in found.group(0).split():
                            item = self._word(word)
                            if item is not None and item[0] != head:
                                inside.append((item[0], item[1], word))
                folded = pattern.sub(" ", folded)
                out.append((head, 1.0, head))
        known = self._words
        for word in folded.split():
            if word in known:
                item = known[word]
            else:
                item = self._word(word)
                if len(known) < 500_000:
                    known[word] = item
            if item is not None:
                out.append((item[0], item[1], word))
        return tuple(out), tuple(inside)

    def _analyze_other(
        self, text: str, language: str, spelled: list[tuple[str, float]] | None = None
    ) -> tuple[tuple[str, float, str], ...]:
        """``analyze`` for Russian or Azerbaijani text.

        Each word is stemmed in its own script with its language's stemmer, then transliterated:
        the term is that ASCII stem unless the word (as written, transliterated, or its stem)
        names a synonym group, as "Екатеринбурге" names yekaterinburg. The word given back is
        the transliterated surface form, which typo correction compares with the indexed words
        ("ekaterinburge" is close to "ekaterinburg"). Words in Latin letters inside a Russian
        question ("Baku", "NATO") are read as English. Azerbaijani is read in ``az_form``, so
        a question typed without its special letters meets facts written with them. The words
        found spelled right (``spelled_right``) are also added to ``spelled``, when given.
        """
        table, phrases = self._other_tables(language)
        written = other_tokens(text, language, self._kept_filler[language])
        az = language == "az"
        forms = [az_form(word) for word in written] if az else written
        out: list[tuple[str, float, str]] = []
        taken = _phrase_words(forms, phrases, out)
        drop = languages.stopwords(language)
        for index, word in enumerate(written):
            if index in taken or word in drop:
                continue
            if language == "ru" and ru_stopword_form(word, drop):
                continue
            if az and (
                az_plain_stopword(word)
                or az_regarding(written, index)
                or az_plain(word) in AZ_SCRAPS
            ):
                continue
            if word.isascii() and language == "ru":
                item = self._word(fold(word))
                if item is not None:
                    out.append((item[0], item[1], fold(word)))
                continue
            if az:
                russian = typed_russian(word)
                if russian is not None:
                    # Russian typed in Latin letters in an Azerbaijani question ("iskra",
                    # "koroche"): read as Russian, its stopwords dropped.
                    out.extend(self._analyze_other(russian, "ru", spelled))
                    continue
            surface = translit(word)
            if not surface:
                continue
            stemmed = translit(stem_in(word, language))
            if az and (stemmed in az_question_stems() or az_light_verb(word, stemmed)):
                continue  # "nədir", "kimdir": a question word with the copula on
            term = (
                table.get(surface) or self._by_stem(stemmed, word, language) or stemmed or surface
            )
            frequency = frequency_in(word, language)
            if frequency >= SPELLED_RIGHT:
                self._note_spelled_right(surface, frequency)
                if spelled is not None:
                    spelled.append((surface, frequency))
            out.append((term, specificity_of(frequency), surface))
        return tuple(out)

    def _by_stem(self, stemmed: str, word: str, language: str) -> str | None:
        """The synonym group ``word`` names by its stem ``stemmed``, if any. Snowball gives
        two Russian nouns of different dictionary forms one stem now and then ("место",
        place, and "месть", revenge: "мест"; "виза" and "визит": "виз"): a noun meets a
        group of nouns by its stem only as another form of one of them ("мести", "визита"),
        not as another noun ("места" is no revenge, "визы" no visit). A verb or an adjective
        of a noun's stem still meets it, as it did."""
        head = self._other[language].get(stemmed)
        if head is None or language != "ru":
            return head
        forms = self._member_nouns[language].get(stemmed)
        if forms is None:
            return head
        # "лавровские" is the Lavrov of its group, not the surname "Лавровский".
        noun = russian_adjectives.surname_of(word) or russian_lemmas.noun_form(word)
        return head if noun is None or noun in forms else None


def _phrase_words(
    forms: list[str],
    phrases: list[tuple[re.Pattern[str], str]],
    out: list[tuple[str, float, str]],
) -> set[int]:
    """Append the synonym phrases found in ``forms`` (a text's words) to ``out`` and return
    the positions of the words they took, which are not read again one by one."""
    taken: set[int] = set()
    if not phrases:
        return taken
    text = " ".join(forms)
    starts = []
    position = 0
    for form in forms:
        starts.append(position)
        position += len(form) + 1
    for pattern, head in phrases:
        found = False
        for match in pattern.finditer(text):
            covered = {
                i
                for i, begin in enumerate(starts)
                if begin < match.end() and begin + len(forms[i]) > match.start()
            }
            if covered & taken:
                continue  # part of a longer phrase found first
            taken |= covered
            found = True
        if found:
            out.append((head, 1.0, head))
    return taken


def _folded_english(text: str, *, remember: bool = False) -> str:
    """English ``text`` as ``analyze`` and ``phrase_parts`` read it: folded, chat spellings
    written out, filler phrases gone. One place, so that a phrase's parts are looked for in
    the very words its term was read from. With ``remember``, a question's folding is shared
    with the other stages reading it (``chat_folded``)."""
    folded = chat_folded(text) if remember else expand_chat(fold(text))
    if " " in folded:
        folded = EN_FILLER_PHRASES.sub(" ", folded)
    return folded

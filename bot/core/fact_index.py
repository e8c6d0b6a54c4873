"""The fact index: facts by key, each term's postings and weight, the words written in facts
(for correcting a question's), and its updates in place: a fact is added, refreshed or removed
without rebuilding anything, and the whole index is exported to, or read back from, a snapshot.

A term's weight is a smoothed inverse document frequency times how topical the term is, so a
rare name outweighs a word nearly every fact holds.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Self

from bot.core.answer_kinds import read_answer
from bot.core.chat_expansion import expand_chat
from bot.core.dated_facts import DatedFacts
from bot.core.day_terms import DAY_SPECIFICITY
from bot.core.focus import kind_words
from bot.core.folding import fold
from bot.core.index_entries import (
    ROW_FIELDS,
    ROW_GUILD_ID,
    ROW_ID,
    ROW_SUPERSEDES,
    IndexEntry,
    IndexState,
)
from bot.core.key_bitmaps import KeyBitmaps
from bot.core.language import detect
from bot.core.matcher_settings import MatcherSettings
from bot.core.models import Fact
from bot.core.news_words import COUNTED_EVENTS
from bot.core.role_names import titled_people
from bot.core.same_question import question_key
from bot.core.since_words import says_since
from bot.core.text import Analyzer
from bot.core.topic_counts import TopicCounts
from bot.core.vocabulary import Vocabulary
from bot.core.wants import Want

# The kinds of a fact whose answer cannot be read for them (no English text): all of them.
ANY_KIND = sum(int(kind) for kind in Want)


# Facts whose /latest topics are counted per step of ``timeline_steps``: about a millisecond at
# 100,000 facts.
_TOPIC_STEP = 100
# A code of letters then a number, written as one word: "cop29", "mh17", "g20".
_CODED = re.compile(r"([a-z]{2,})(\d+)")
# How much more a name the facts write weighs than a topical word when a Russian or
# Azerbaijani question is scored (in the question and in the phrasings it is held against):
# "Какую роль играет Турция" is about Turkey, however much else it shares with the phrasing
# "какую роль играет армения" of a fact on Armenia. English questions weigh names as before.
NAME_SPECIFICITY = 1.5
# A word written with a capital inside a sentence (after its first word).
_SENTENCE = re.compile(r"[.!?:;()\u2014\u2013\"]+\s*")
_CAPITALISED = re.compile(r"(?<=\s)[^\W\d_][\w-]*")


def names_in(text: str) -> list[str]:
    """The words of ``text`` that are capitalised inside a sentence."""
    out = []
    for sentence in _SENTENCE.split(text):
        for word in _CAPITALISED.findall(sentence.strip()):
            if word[0].isupper():
                out.append(word)
    return out


# The languages a term was indexed from, as bits (``Matcher._term_languages``): a Russian and
# an Azerbaijani word may transliterate to one stem ("суть", essence, and "sütun", column, both
# "sut"), and only one of them is what a question in its language says.
LANGUAGE_BITS = {"en": 1, "ru": 2, "az": 4}
ENGLISH_BIT = LANGUAGE_BITS["en"]
# Words before a kind of answer named ("how old", "what date", "so far"): a phrasing without
# any of them names none, and its focus is not read when it is indexed.
_KIND_LEADS = re.compile(r"\b(?:how|what|which|so|exact)\b|(?:date|year)\s*$", re.IGNORECASE)


class FactIndex:
    """Facts indexed by the terms of their phrasings and answers, updated in place."""

    def __init__(
        self,
        facts: Iterable[Fact] = (),
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
        taught: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.analyzer = analyzer or Analyzer()
        self.settings = settings or MatcherSettings()
        # Questions moderators taught (``kb teach``), by fact id: indexed as more phrasings of
        # the fact, without changing the fact itself (a file fact stays as its file says).
        self._taught: dict[str, tuple[str, ...]] = {
            fact_id: tuple(questions) for fact_id, questions in (taught or {}).items()
        }
        # The terms of ``COUNTED_EVENTS`` as this analyzer reads them (a knowledge base's own
        # synonym group may have absorbed one under its curator's head word).
        self._counted_events = frozenset(
            term for event in COUNTED_EVENTS for term in self.analyzer.terms(event)
        )
        self._start_postings()
        self._start_words()
        self._start_weights()
        self._start_derived()
        for fact in facts:
            self.add(fact)
        self.prepare_semantic()

    def _start_postings(self) -> None:
        """The facts by key, each term's postings and frequency, and who replaces whom: empty."""
        self._entries: dict[int, IndexEntry] = {}
        self._keys: dict[str, int] = {}
        # Postings are append-only lists: removing a fact leaves its key behind ("dead"), to be
        # skipped when read and swept out by ``_compact`` once dead keys pile up. Removal stays
        # O(terms) however long a common term's list is.
        self._postings: dict[str, list[int]] = {}
        self._df: dict[str, int] = {}
        self._dead_refs = 0
        self._live_refs = 0
        self._specificity: dict[str, float] = {}
        # Terms of the names the facts write (``_mark_names``).
        self._names: set[str] = set()
        self._next_key = 0
        # Key sets of common terms, built on first need and kept up to date after that.
        self._key_sets: dict[str, set[int]] = {}
        # Terms too common to be read within the budget get their key set as they grow past it;
        # rarer ones only if a question ever needs one.
        self._key_set_from = max(1, self.settings.posting_budget)
        # The same key sets as bitmaps, and each server's facts' keys (``_one_term_shortlist``).
        self._key_bitmaps = KeyBitmaps()
        # Keys of facts answered in one server only (members' facts), by server.
        self._guild_of: dict[int, int] = {}
        # Supersession: the ids of the facts that name each id in their ``supersedes``.
        self._successors: dict[str, set[str]] = {}

    def _start_words(self) -> None:
        """The words written in facts, for correcting and completing a question's, none yet."""
        # Words seen in facts and the term each became; for typo correction the same words
        # by (first letter, length), so that a misspelled word is compared with a few hundred
        # words, and by the letters they hold (``Vocabulary``).
        self._surface: dict[str, str] = {}
        self._vocabulary = Vocabulary()
        # The words of ``_surface`` met in Russian or Azerbaijani text (transliterated): a word
        # of such a question is corrected only to one of these, or to a name.
        self._other_words: set[str] = set()
        # The languages of the terms indexed from Russian or Azerbaijani text, as
        # ``LANGUAGE_BITS`` of the texts each was indexed from (English's too); a term of a
        # Russian or Azerbaijani question met only in the other one's text is no match
        # (``_foreign_only``). Terms of English text alone are not listed: most are.
        self._term_languages: dict[str, int] = {}
        # The same words sorted, for clipped names ("yekat"): built when first needed, and
        # from then on each new word is put in its place as it comes (words are never
        # removed). Sorting them all again after an add cost the next question 3 to 8 ms at
        # 100,000 facts, and a live bot adds facts all day.
        self._sorted_words: list[str] = []

    def _start_weights(self) -> None:
        """The index's revision, and the term weights worked out at one, none yet."""
        # Advanced by every add and remove: what is derived from the facts is current while
        # it is unchanged.
        self.revision = 0
        # Term weights (``_term_weight``) at ``_weights_revision``, for English questions and
        # for questions in which names weigh as such: a question's candidates share most of
        # their terms with other questions' candidates, and a term's weight changes only when
        # a fact is added or removed.
        self._weights_revision = -1
        self._term_weights: tuple[dict[str, float], dict[str, float]] = ({}, {})

    def _start_derived(self) -> None:
        """What is derived from all the facts, none of it made yet: each is made on first
        need and kept by every change from then on."""
        # How many facts are dated in each year (``_dated_in``): counted when first needed
        # and kept by every add and remove from then on (None: not counted yet). Reading
        # every fact's date again after a change cost the next question naming a year 14 ms
        # at 100,000 facts.
        self._years: dict[int, int] | None = None
        # The /latest topics' counts per server (``topic_counts``): counted when first needed
        # and kept by every add and remove from then on (None: not counted yet). Counting
        # them afresh after a change read every fact, about a second at 100,000 facts.
        self._topics: TopicCounts | None = None
        # The facts by date and which are current per server (``dated_facts``): placed when
        # first needed and kept by every add, remove and refresh from then on. Reading every
        # fact for /latest or a question naming only a time took 110 ms at 100,000 facts.
        self._dated: DatedFacts | None = None
        # The terms that stand for each country, as this analyzer reads them
        # (``_country_terms``): made on first need.
        self._countries: dict[str, frozenset[str]] | None = None
        # The terms of the words of office (``_office_terms``): made on first need.
        self._offices: dict[str, str] | None = None
        # The terms of each place name of ``place_kinds`` as this analyzer reads them
        # (``_place_terms``): read on first need, name by name.
        self._places: dict[str, frozenset[str]] = {}

    def prepare_semantic(self) -> None:
        """Encode the texts of the facts added since the last time, for the semantic
        re-ranker (nothing when it is off): a whole knowledge base in batches, once it is
        indexed, rather than at its first questions."""
        if self.settings.semantic is not None:
            self.settings.semantic.prepare()

    def export_state(self) -> IndexState:
        """The index as it stands (the caller must not change it until this returns)."""
        live = self._entries
        postings = self._postings
        if self._dead_refs:
            postings = {t: [k for k in keys if k in live] for t, keys in postings.items()}
        return IndexState(
            keys=tuple(live),
            facts=tuple(entry.row() for entry in live.values()),
            entries=tuple(
                (entry.phrasings, entry.answer_terms, entry.kinds, entry.roles)
                for entry in live.values()
            ),
            next_key=self._next_key,
            postings=postings,
            specificity=self._specificity,
            surface=self._surface,
            names=frozenset(self._names),
            other_words=frozenset(self._other_words),
            term_languages=self._term_languages,
            vocabulary={group: list(words) for group, words in self._vocabulary.groups.items()},
        )

    @classmethod
    def from_state(
        cls,
        state: IndexState,
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
    ) -> Self:
        """The index ``export_state`` saw, without analysing a single fact again.

        ``analyzer`` must be built from the synonyms the state was indexed with.
        """
        matcher = cls(analyzer=analyzer, settings=settings)
        entries = matcher._entries
        keys = matcher._keys
        guild_of = matcher._guild_of
        for key, row, (phrasings, answer_terms, kinds, roles) in zip(
            state.keys, state.facts, state.entries, strict=True
        ):
            if len(row) != ROW_FIELDS:
                raise ValueError(f"a fact of {len(row)} fields, not {ROW_FIELDS}")
            entries[key] = IndexEntry(row, phrasings, answer_terms, kinds, roles)
            keys[row[ROW_ID]] = key
            if row[ROW_GUILD_ID] is not None:
                guild_of[key] = row[ROW_GUILD_ID]
                matcher._key_bitmaps.add_server(row[ROW_GUILD_ID], key)
            for replaced in row[ROW_SUPERSEDES]:
                matcher._successors.setdefault(replaced, set()).add(row[ROW_ID])
        matcher._next_key = state.next_key
        matcher._postings = state.postings
        matcher._df = {term: len(posting) for term, posting in state.postings.items()}
        matcher._live_refs = sum(matcher._df.values())
        matcher._specificity = state.specificity
        matcher._names = set(state.names)
        matcher._other_words = set(state.other_words)
        matcher._term_languages = dict(state.term_languages)
        matcher._surface = state.surface
        matcher._vocabulary = Vocabulary.from_groups(state.vocabulary)
        semantic = matcher.settings.semantic
        if semantic is not None:
            for entry in entries.values():
                semantic.want(entry.fact)
            semantic.prepare()
        return matcher

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self._keys

    def get(self, fact_id: str) -> Fact | None:
        key = self._keys.get(fact_id)
        return self._entries[key].fact if key is not None else None

    def facts(self) -> list[Fact]:
        return [entry.fact for entry in self._entries.values()]

    def ids(self) -> Iterator[str]:
        """The ids of the facts in the index (a view: do not change the index meanwhile)."""
        return iter(self._keys)

    def taught(self, fact_id: str) -> tuple[str, ...]:
        """The questions taught to ``fact_id``."""
        return self._taught.get(fact_id, ())

    def set_taught(self, taught: Mapping[str, Sequence[str]]) -> None:
        """Make the taught questions exactly ``taught``, re-indexing the facts whose changed."""
        new = {fact_id: tuple(questions) for fact_id, questions in taught.items()}
        changed = {i for i in new.keys() | self._taught.keys() if new.get(i) != self._taught.get(i)}
        self._taught = new
        for fact_id in changed:
            fact = self.get(fact_id)
            if fact is not None:
                self.add(fact)

    def add(self, fact: Fact) -> None:
        """Index ``fact`` (with any questions taught to it), replacing any fact with the same
        id."""
        if fact.id in self._keys:
            self.remove(fact.id)
        self.revision += 1
        key = self._next_key
        self._next_key += 1
        entry = self._build_entry(fact)
        self._entries[key] = entry
        if self._years is not None:
            self._count_year(fact, 1)
        if self.settings.semantic is not None:
            self.settings.semantic.want(fact)
        self._keys[fact.id] = key
        if fact.guild_id is not None:
            self._guild_of[key] = fact.guild_id
            self._key_bitmaps.add_server(fact.guild_id, key)
        for replaced in fact.supersedes:
            self._successors.setdefault(replaced, set()).add(fact.id)
        if self._topics is not None:
            # Only the fact and those it replaces can stand otherwise now.
            self._topics.recount((fact.id, *fact.supersedes))
        if self._dated is not None:
            self._dated.recount((fact.id, *fact.supersedes))
        terms = entry.all_terms()
        entry.size = len(terms)
        for term in terms:
            posting = self._postings.get(term)
            if posting is None:
                self._postings[term] = [key]
            else:
                posting.append(key)
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.add(key)
                self._key_bitmaps.add(term, key)
            df = self._df.get(term, 0)
            if df == self._key_set_from and key_set is None:
                self._key_set(term)
            self._df[term] = df + 1
            self._live_refs += 1

    def refresh(self, fact: Fact) -> None:
        """Serve ``fact`` in place of the indexed fact with its id, which it must equal in all
        that is indexed (id, questions, answer, tags, server, status): a fact whose line in
        its file moved. Nothing is indexed again."""
        key = self._keys.get(fact.id)
        if key is not None:
            entry = self._entries[key]
            if self._years is not None:
                # The fact served in place may be dated otherwise than the one it replaces.
                self._count_year(entry.fact, -1)
                self._count_year(fact, 1)
            # The same answer, so the same kinds and roles: without them the fact would seem
            # to hold no date or count and stop answering "when" and "how many" outright.
            self._entries[key] = IndexEntry(
                fact, entry.phrasings, entry.answer_terms, entry.kinds, entry.roles, entry.titled
            )
            if self._dated is not None:
                # Its date may differ, so its place among the dated facts.
                self._dated.recount((fact.id,))

    def remove(self, fact_id: str) -> Fact | None:
        key = self._keys.pop(fact_id, None)
        if key is None:
            return None
        self.revision += 1
        entry = self._entries.pop(key)
        if self._years is not None:
            self._count_year(entry.fact, -1)
        guild_id = self._guild_of.pop(key, None)
        if guild_id is not None:
            self._key_bitmaps.discard_server(guild_id, key)
        for replaced in entry.supersedes:
            successors = self._successors.get(replaced)
            if successors is not None:
                successors.discard(fact_id)
                if not successors:
                    del self._successors[replaced]
        if self._topics is not None:
            self._topics.recount((fact_id, *entry.supersedes))
        if self._dated is not None:
            self._dated.recount((fact_id, *entry.supersedes))
        for term in entry.all_terms():
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.discard(key)
                self._key_bitmaps.discard(term, key)
            df = self._df[term] - 1
            self._live_refs -= 1
            self._dead_refs += 1
            if df:
                self._df[term] = df
                continue
            del self._df[term]
            del self._postings[term]
            self._key_sets.pop(term, None)
            self._key_bitmaps.drop(term)
            self._specificity.pop(term, None)
            self._names.discard(term)
            self._term_languages.pop(term, None)
        if self._dead_refs > max(10_000, self._live_refs // 4):
            self._compact()
        return entry.fact

    def _key_set(self, term: str) -> set[int]:
        key_set = self._key_sets.get(term)
        if key_set is None:
            live = self._entries
            key_set = self._key_sets[term] = {k for k in self._postings[term] if k in live}
            self._key_bitmaps.track(term, key_set)
        return key_set

    def _compact(self) -> None:
        live = self._entries
        for term, posting in self._postings.items():
            self._postings[term] = [key for key in posting if key in live]
        self._dead_refs = 0

    def _terms(
        self,
        text: str,
        language: str | None = None,
        kind_words: tuple[str, ...] = (),
        *,
        parts: bool = False,
    ) -> tuple[str, ...]:
        # Detected once here, not again by ``analyze``: every text of every fact comes here.
        read_as = language or detect(text)
        analyzed, inside = self.analyzer.read_for_index(
            text, read_as, parts=parts and read_as == "en"
        )
        if kind_words:
            analyzed = tuple(item for item in analyzed if item[2] not in kind_words)
        analyzed += inside
        specificity = self._specificity
        surface = self._surface
        other = read_as != "en"
        languages = self._term_languages
        bit = LANGUAGE_BITS.get(read_as, ENGLISH_BIT)
        for term, spec, word in analyzed:
            indexed = specificity.get(term)
            if indexed is None or spec > indexed:
                specificity[term] = spec
            if other:
                # A term indexed before and not listed here came from English text.
                held = languages.get(term, ENGLISH_BIT if indexed is not None else 0)
                languages[term] = held | bit
            elif term in languages:
                languages[term] |= ENGLISH_BIT
            if len(word) >= 4 and word.isalpha():
                if word not in surface:
                    # Typos are corrected against the words as written ("inflauion" is close
                    # to "inflation", not to its stem "inflat"). Words are kept after their
                    # facts go: a correction to a term no fact has any more is simply not used.
                    surface[word] = term
                    self._vocabulary.add(word)
                    if self._sorted_words:
                        # Sorted already (``_sorted_vocabulary``): kept so.
                        bisect.insort(self._sorted_words, word)
                if other:
                    self._other_words.add(word)
        out = [term for term, _, _ in analyzed]
        if language in (None, "en"):
            days = self.analyzer.days(text)
            for day in days:
                specificity[day] = DAY_SPECIFICITY
                if day in languages:
                    languages[day] |= ENGLISH_BIT
            out.extend(days)
            for _, _, word in analyzed:
                coded = _CODED.fullmatch(word)
                if coded:
                    # "COP29", "MH17", "S-400" are said "cop 29", "the cop", "mh 17" too: the
                    # letters and the number each meet the fact as well.
                    spaced = f"{coded.group(1)} {coded.group(2)}"
                    for part, spec, _ in self.analyzer.analyze(spaced, remember=False):
                        if spec > specificity.get(part, 0.0):
                            specificity[part] = spec
                        if part in languages:
                            languages[part] |= ENGLISH_BIT
                        out.append(part)
        return tuple(dict.fromkeys(out))

    def _build_entry(self, fact: Fact) -> IndexEntry:
        terms = self._terms
        questions = fact.questions
        taught = self._taught.get(fact.id)
        if taught:
            # A taught question that is one of the fact's own (in another letter case or
            # punctuation: ``bot.core.same_question``) is indexed once, as its own.
            keys = {question_key(q) for q in questions}
            questions = (*questions, *(q for q in taught if question_key(q) not in keys))
        own = fact.language
        # A phrasing's words that only name the kind of answer it asks ("old" in "how old is
        # he", "date" in "what date was the raid") are not what it is about, as in a question:
        # "his old terms" does not meet "how old is he".
        phrasings = [(terms(q, own, self._phrasing_kind_words(q, own)), q) for q in questions]
        # The id and the tags read like keyword queries ("prigozhin plane crash"), so each is
        # one more phrasing: apart, for the id is the curator's name for the fact, and a
        # question naming it should not be diluted by the tags; the answer and tags form the
        # answer field.
        phrasings.append((terms(fact.id.replace("-", " "), "en"), ""))
        if fact.tags:
            phrasings.append((terms(" ".join(fact.tags), "en"), ""))
        # The answer also holds the words of the synonym phrases it writes out ("Harbour
        # Board": board), for a question may name only part of one ("what did the board
        # say"). Not the phrasings: there a part would count against a phrasing's own
        # coverage of a question naming the phrase in full (older tune, beside the answer
        # alone: one more right answer outright, one more near-topic question answered).
        answer = terms(fact.answer, own, parts=True) + terms(" ".join(fact.tags), "en")
        # Each translation is indexed with its own language's analyzer: a Russian question
        # meets the Russian phrasings, and names meet across scripts in their terms.
        for translation in fact.translations:
            language = translation.language
            phrasings.extend((terms(q, language), q) for q in translation.questions)
            answer += terms(translation.answer, language)
        answer_terms = tuple(dict.fromkeys(answer))
        self._mark_names(fact)
        english = fact.translation("en")
        roles: tuple[str, ...]
        if english is None:
            # Read by English rules, a Russian or Azerbaijani answer would seem to hold no
            # cause, person or count: what it holds is not known, so nothing is ruled out.
            kinds, roles = ANY_KIND, ()
        else:
            kinds, roles = read_answer(english.answer, dated=fact.date is not None)
            if any(says_since(t.answer, t.language) for t in fact.translations):
                # "продолжает обостряться" where the English answer "keeps escalating".
                kinds |= int(Want.LATER)
        # Read now, not by the first question naming an office that shortlists the fact: such
        # a question's two dozen candidates are mostly new to it, and reading their answers
        # word by word cost it a quarter to half a millisecond at 100,000 facts.
        titled = titled_people(english.answer) if english is not None else ()
        return IndexEntry(
            fact, tuple((ts, q) for ts, q in phrasings if ts), answer_terms, kinds, roles, titled
        )

    def _phrasing_kind_words(self, question: str, language: str) -> tuple[str, ...]:
        """The words of an English phrasing that only name the kind of answer it asks."""
        if language != "en" or not _KIND_LEADS.search(question):
            return ()
        return kind_words(expand_chat(fold(question)).split())

    def _mark_names(self, fact: Fact) -> None:
        """Note the names a fact's answers write (words capitalised inside a sentence: "Turkey",
        "Турцией", "Türkiyə"): in a Russian or Azerbaijani question they weigh as names
        (``NAME_SPECIFICITY``)."""
        answers = [(fact.language, fact.answer)]
        answers.extend((t.language, t.answer) for t in fact.translations)
        for language, text in answers:
            for name in names_in(text):
                for term, _, _ in self.analyzer.read_for_index(name, language)[0]:
                    self._names.add(term)

    def _idf(self, document_frequency: int) -> float:
        # BM25's idf: a word in nearly every fact (the knowledge base's own topic, such as
        # "azerbaijan") tells facts apart hardly at all. The floor keeps it from vanishing.
        n = len(self._entries)
        df = min(document_frequency, n)
        return max(0.05, math.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def _term_weight(self, term: str, names: bool = False) -> float:
        """Weight of an indexed term: rare in the fact base and topical in English; with
        ``names`` (a Russian or Azerbaijani question), a name weighs as one
        (``NAME_SPECIFICITY``), else as any topical word."""
        if names and term in self._names:
            return self._idf(self._df.get(term, 0)) * NAME_SPECIFICITY
        return self._idf(self._df.get(term, 0)) * self._specificity.get(term, 1.0)

    def _weights(self, names: bool) -> dict[str, float]:
        """The term weights known for the index as it stands (``names``: for a Russian or
        Azerbaijani question), to be filled in as terms are met."""
        if self._weights_revision != self.revision:
            self._weights_revision = self.revision
            self._term_weights = ({}, {})
        return self._term_weights[names]

    def _weight_of(self, terms: tuple[str, ...], weights: dict[str, float], names: bool) -> float:
        """The summed weight of ``terms``, those not in ``weights`` (``_weights``) added to it."""
        own = 0.0
        for term in terms:
            weight = weights.get(term)
            if weight is None:
                weight = weights[term] = self._term_weight(term, names)
            own += weight
        return own

    def _sorted_vocabulary(self) -> list[str]:
        """The indexed words as written, sorted (``_sorted_words``: made here the first time,
        kept sorted by ``_terms`` after that)."""
        if len(self._sorted_words) != len(self._surface):
            self._sorted_words = sorted(self._surface)
        return self._sorted_words

    def _indexed_starting(self, start: str) -> Iterator[str]:
        """The indexed words starting with ``start``, in order."""
        words = self._sorted_vocabulary()
        for at in range(bisect.bisect_left(words, start), len(words)):
            if not words[at].startswith(start):
                break
            yield words[at]

    def _dated_in(self, year: int) -> bool:
        """Whether a fact is dated in ``year`` (its own date or its source's), though its text
        may not write the year."""
        if self._years is None:
            self._years = {}
            for entry in self._entries.values():
                self._count_year(entry.fact, 1)
        return year in self._years

    def topic_counts(self, guild_id: int | None) -> tuple[dict[str, int], dict[str, int]]:
        """The tag counts and the name counts of the facts current in ``guild_id`` (answered
        there, and replaced by none answered there): see ``TopicCounts``."""
        return self._topic_counts().counts(guild_id)

    def dated_facts(self) -> DatedFacts:
        """The facts by date, per server, with those current there: see ``DatedFacts``."""
        if self._dated is None:
            self._dated = DatedFacts(
                self._successors, self.get, self._keys.__getitem__, list(self._keys)
            )
        return self._dated

    def _topic_counts(self) -> TopicCounts:
        if self._topics is None:
            self._topics = TopicCounts(self._successors, self.get, list(self._keys))
        return self._topics

    @property
    def timeline_made(self) -> bool:
        """Whether the topic counts and the facts by date are made: a /latest or time-only
        question reads them at once."""
        topics, dated = self._topics, self._dated
        return topics is not None and topics.made and dated is not None and dated.made

    def timeline_steps(self) -> Iterator[None]:
        """Make the /latest topic counts and the facts by date, yielding between steps of
        about a millisecond: a background task (``bot.core.timeline_warmer``) runs them when
        the knowledge is loaded, so that the first member to ask is answered as fast as the
        next. Facts may be added and removed between steps; a read between steps makes the
        rest at once."""
        topics = self._topic_counts()
        while not topics.count_some(_TOPIC_STEP):
            yield
        dated = self.dated_facts()
        while not dated.place_some():
            yield

    def written_languages(self) -> frozenset[str]:
        """The languages the facts are written in: English, and Russian or Azerbaijani when
        a term was indexed from text in it (a fact's own or a translation)."""
        held = 0
        every = sum(LANGUAGE_BITS.values())
        for bits in self._term_languages.values():
            held |= bits
            if held == every:
                break
        return frozenset({"en"} | {name for name, bit in LANGUAGE_BITS.items() if held & bit})

    def _count_year(self, fact: Fact, change: int) -> None:
        """Count ``fact`` in (1) or out of (-1) the facts of its year in ``_years``."""
        day = fact.day()
        years = self._years
        if day is None or years is None:
            return
        count = years.get(day.year, 0) + change
        if count:
            years[day.year] = count
        else:
            del years[day.year]

"""Reading a question into query terms: each word's term, its weight, and how sure the reading
is. A word no fact holds is read as a misspelling, a clipped name, a people's or a decade's name
of one the facts hold, where it can be; else it stays a term no fact has, and whether it names
another place, person or time than the facts do is noted (the question is then about something
else)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.core import latin_russian, russian_adjectives, russian_families, russian_lemmas
from bot.core.az_chains import chain_start
from bot.core.az_descriptions import described_words
from bot.core.az_nouns import az_derived
from bot.core.az_verbs import made_from
from bot.core.candidates import QueryTerm
from bot.core.chat_words import SOFT_FILLER
from bot.core.country_names import english_country, names_country
from bot.core.day_terms import DAY_SPECIFICITY
from bot.core.fact_index import ENGLISH_BIT, LANGUAGE_BITS, NAME_SPECIFICITY, FactIndex, names_in
from bot.core.folding import fold, translit
from bot.core.language import english_frequency, turkish_frequency
from bot.core.other_stems import stem_in
from bot.core.other_tokens import other_tokens

_WORD = re.compile(r"[^\W\d_]+")
# Letters an indexed word shares at its start with a question's word that no fact has, for the
# question's word to be taken as a form or a misspelling of it, not a name of its own.
LIKE_LETTERS = 4
# Years a question may name: a year no fact has is another event's.
_YEARS = range(1900, 2100)
# A run of capitalised Cyrillic words, a space between each ("Сергея Лаврова").
_CAPITALISED_RUN = re.compile(r"[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)+")


# Letters a common Russian word shares at its start with the fact's word it is read as: its
# prefix ("при-", "про-", "пере-") makes a verb of its own.
_PREFIX = 3
# A question term met only in the other inflected language's text is kept apart under this
# mark, which no indexed term holds (terms are folded ASCII), so that it matches nothing.
_FOREIGN_MARK = "@"
# How sure the reading of an Azerbaijani word as a form of a fact's word by its endings is
# (``QueryTerms._az_form_of``): as sure as a close typo's correction.
AZ_FORM_CONFIDENCE = 0.9
# The verbal noun's ending, as an Azerbaijani word is compared typed plainly (``az_plain``):
# "-ma" after a back vowel, "-mə" after a front one.
_AZ_VERBAL_NOUN = ("ma", "me")
# How sure the reading of a Russian word as another member of a fact's word's verb family is
# (``QueryTerms._russian_relative``: "призывы" of "призвал"): as sure as an Azerbaijani form's.
RU_FAMILY_CONFIDENCE = 0.9


@cache
def _quality_look_alike_terms() -> frozenset[str]:
    """The terms of the Russian nouns whose "-н-" look-alike means something else
    (``russian_adjectives.QUALITY_LOOK_ALIKES``), as a question's word is read."""
    return frozenset(
        translit(stem_in(noun, "ru")) for noun in russian_adjectives.QUALITY_LOOK_ALIKES
    )


def _shared_start(term: str, word: str) -> int:
    """How many first letters ``term`` and ``word`` share (a Russian word and its term: the
    stem as the word writes it)."""
    shared = 0
    for left, right in zip(term, word, strict=False):
        if left != right:
            break
        shared += 1
    return shared


# A decade as written in a question: "90s", "1990s" ("'90s" once its apostrophe is gone).
_DECADE = re.compile(r"(1[89]|20)?(\d)0s")
# The fewest letters a clipped name may keep ("aze" of Azerbaijan); four or more unless every
# word it starts is the one name (``Matcher._clipped``).
_CLIPPED_SHORTEST = 3
# How many times more facts the word a clipped word is read as must be in than the facts
# that hold only other words it starts.
_CLIPPED_LEAD = 2


@dataclass(frozen=True, slots=True)
class _QuestionNames:
    """What a Russian or Azerbaijani question's spelling says of its names: the terms of its
    words capitalised inside a sentence, each word as written by its transliteration (the
    form the terms are read with), and the countries it lists beside one the facts name (by
    their transliterations: ``Matcher._listed_countries``)."""

    capitalised: frozenset[str]
    written: dict[str, str]
    listed: frozenset[str] = frozenset()
    # Given names and patronymics beside a surname the facts hold ("Сергея" of "Сергея
    # Лаврова"): the person the facts name, not another one.
    given: frozenset[str] = frozenset()
    # The terms of an Azerbaijani question's relative clauses (``az_descriptions``): a name or
    # year there tells which thing is meant ("Yeltsin Mərkəzi ilə tanınan şəhər"), not another
    # subject.
    described: frozenset[str] = frozenset()


class QueryTerms(FactIndex):
    """The question's words as terms of this index (``_query_terms``)."""

    def _query_terms(
        self, question: str, language: str, kind_words: tuple[str, ...] = ()
    ) -> list[QueryTerm]:
        """The question's terms with their weights and how sure their reading is; words that
        only name the kind of answer asked (``kind_words``: "date" in "what date") left out."""
        seen: set[str] = set()
        out: list[QueryTerm] = []
        named: _QuestionNames | None = None
        listed: frozenset[str] | None = None
        unknown_weight = self._idf(0) * self.settings.unknown_term_weight
        # In a Russian or Azerbaijani question a name is the surest evidence: it meets the
        # facts across scripts, while the other words, inflected or paraphrased, often miss
        # them, and their general frequency (of the inflected form) overrates them. English
        # questions keep their words' own weights.
        names = language != "en"
        analyzed = self.analyzer.analyze(question, language=language)
        if not names:
            days = self.analyzer.days(question)
            if days:
                analyzed += tuple((day, DAY_SPECIFICITY, day) for day in days)
        for term, spec, word in analyzed:
            if term in seen or word in kind_words:
                continue
            seen.add(term)
            df = self._df.get(term)
            if df is not None and names and self._foreign_only(term, word, language):
                # "sütunu" (column) stemmed "sut" is not the "суть" (essence) of a Russian
                # phrasing: an unknown word, kept apart so that it matches nothing.
                df, term = None, term + _FOREIGN_MARK
            if df is None and not names and word in SOFT_FILLER:
                continue  # "wait", "lowkey": a question's tone, where no fact uses the word
            if df is not None and language == "az":
                longer = self._az_longer_root(term, word)
                if longer is not None and longer not in seen:
                    # "başlayım" (let me begin) is "başla-", not the "baş" (head) the stemmer
                    # cut it to.
                    seen.add(longer)
                    term, df = longer, self._df.get(longer)
            if df is not None:
                if names and term in self._names:
                    spec = NAME_SPECIFICITY  # a name the facts write
                out.append(QueryTerm(term, self._idf(df) * spec, 1.0))
                continue
            # An English word ("time", "peace") is spelled right; it just isn't in the facts.
            # A day of the year ("day-11-03") is no misspelling of another.
            misspelled = (
                english_frequency(word) < self.settings.typo_max_frequency and word[:1].isalpha()
            )
            if (
                names
                and self.analyzer.own_language_frequency(word)
                >= self.settings.typo_max_frequency_own
                and word not in self._surface
            ):
                # A Russian or Azerbaijani word common in its own language is spelled right
                # too ("пока" is no "показ"), unless a fact writes that very word, which its
                # language's stemmer cut otherwise (an English name, "Ilan", in a question
                # read as Azerbaijani).
                misspelled = False
            # A common Russian or Azerbaijani word keeps its first letter: read as another
            # form of a fact's word ("уступит" for "уступки"), never as a word it merely
            # rhymes with ("мнению" for "армению").
            anywhere = not self.analyzer.spelled_right(word)
            # A common Russian word is read as another form of a fact's word, not as a word
            # of another prefix ("привёл", led to, is no "провёл", carried out), nor another
            # word of the same prefix ("проходил", took place, is no "происходит", happens):
            # the fact's word starts with all of its stem but the last letter, which Snowball
            # cuts apart in some forms ("уступит" and "уступки"). Its stem as written: the
            # start the word shares with its term, which is the stem of its dictionary form
            # ("остаётся" is read as "оставаться"; "останется", will remain, is still near).
            kept = 0
            if language == "ru" and not anywhere:
                kept = max(_PREFIX, _shared_start(term, word) - 1)
            corrected = self._correct(word, anywhere, kept, names) if misspelled else None
            if corrected is None and misspelled:
                corrected = self._clipped(word)
            if corrected is None and language == "en":
                corrected = self._demonym(word) or self._decade(word)
            if corrected is not None and language == "az" and az_derived(term, corrected[0]):
                corrected = None  # "yaxın" (near) is not "yaxınlaş-" (draw near) misspelled
            if corrected is None and language == "az":
                corrected = self._az_form_of(word)
            if corrected is None and language == "ru":
                if named is None:
                    named = self._question_names(question, language)
                corrected = self._russian_relative(named.written.get(word))
            if corrected is None and language == "ru":
                corrected = self._russian_adjective_of(term)
            if corrected is None and language == "az":
                corrected = self._az_verbal_noun_of(word) or self._az_made_from(word)
            if corrected is not None and corrected[0] not in seen:
                target, confidence = corrected
                seen.add(target)
                out.append(QueryTerm(target, self._term_weight(target, names), confidence))
                continue
            if names:
                if named is None:
                    named = self._question_names(question, language)
                elsewhere = self._named_elsewhere(term, word, named, language)
            else:
                if listed is None:
                    listed = self._listed_beside_named(question)
                elsewhere = word not in listed and self._country_elsewhere(term, word)
            # A very common word ("people", "get") says little about a topic either way.
            out.append(QueryTerm(term, unknown_weight * spec * spec, 0.0, elsewhere))
        return out

    def _held_in(self, term: str, language: str) -> bool:
        """Whether a fact holds ``term`` in text of ``language`` ("ru" or "az")."""
        return bool(self._df.get(term)) and bool(
            self._term_languages.get(term, 0) & LANGUAGE_BITS[language]
        )

    def _az_form_of(self, word: str) -> tuple[str, float] | None:
        """The term an Azerbaijani word no fact holds is a form of, by the chain of endings
        after a start the facts hold in Azerbaijani (``az_chains``): "qalması" of a fact
        saying "qalır"; read a little less surely than the word itself."""
        start = chain_start(word, lambda start: self._held_in(start, "az"))
        return (start, AZ_FORM_CONFIDENCE) if start is not None else None

    def _russian_relative(self, written: str | None) -> tuple[str, float] | None:
        """The term of a fact's Russian word of the same verb family as the Russian word
        ``written`` (as the question writes it), which no fact holds (``russian_families``:
        "призывы", calls, of a fact saying "призвал", called; "проверяет", checks, of one
        asking about "проверка", a check; "хотят" of "хочет"); of several, the one most facts
        hold. None when no fact's Russian word is of its family."""
        if written is None:
            return None
        held: set[str] = set()
        for form in russian_families.relatives(written):
            surface = translit(form)
            if surface not in self._other_words:
                continue
            term = self._surface[surface]
            if self._held_in(term, "ru"):
                held.add(term)
        if not held:
            return None
        # The most widely held, and of as widely held ones the last in alphabetical order:
        # the same reading however the set is ordered.
        best = max(held, key=lambda term: (self._df[term], term))
        return best, RU_FAMILY_CONFIDENCE

    def _russian_adjective_of(self, term: str) -> tuple[str, float] | None:
        """The term of the relational adjective in "-н-" the facts hold in Russian of the
        noun whose stem ``term`` is, which no fact holds: "ночью" (at night) of a fact saying
        "ночной" (night-time). As sure as a verb family's reading (``_russian_relative``).
        Not a noun whose look-alike means something else ("глава", head, is no "главный")."""
        if term in _quality_look_alike_terms():
            return None
        adjective = term + "n"
        return (adjective, RU_FAMILY_CONFIDENCE) if self._held_in(adjective, "ru") else None

    def _az_verbal_noun_of(self, word: str) -> tuple[str, float] | None:
        """The verbal noun in "-ma" / "-mə" that the facts hold whole (the lexicon lists it as a
        noun, so the stemmers keep it: "soyuması", its cooling, as "soyuma") of the verb an
        Azerbaijani word no fact holds is a form of, by the chain of endings after the verb's
        root (``az_chains``): "soyuyan" (cooling), "soyumuşdu" (had cooled) of that fact,
        whose root "soyu-" no fact holds alone. As sure as ``_az_form_of``'s reading."""

        def noun(root: str) -> str | None:
            for ending in _AZ_VERBAL_NOUN:
                term = root + ending
                if self._held_in(term, "az"):
                    return term
            return None

        root = chain_start(word, lambda start: noun(start) is not None)
        held = noun(root) if root is not None else None
        return (held, AZ_FORM_CONFIDENCE) if held is not None else None

    def _az_made_from(self, word: str) -> tuple[str, float] | None:
        """The term of the noun, adjective or verb the facts hold that an Azerbaijani verb no
        fact holds is made from by a verb-making ending (``az_verbs.made_from``): "tətiklədi"
        (triggered) of "tətik" (trigger), "kəskinləşir" (grows sharp) of "kəskin", "başlatdı"
        (set going) of "başla-" (begin), "gərginləşir" (grows tense) of "gərginlik" (tension).
        As sure as ``_az_form_of``'s reading."""
        found: dict[str, str] = {}

        def held(start: str) -> bool:
            for base in made_from(start):
                read = self.analyzer.analyze(base, remember=False, language="az")
                if len(read) != 1:
                    continue
                term = read[0][0]
                if self._held_in(term, "az"):
                    found[start] = term
                    return True
            return False

        start = chain_start(word, held)
        return (found[start], AZ_FORM_CONFIDENCE) if start is not None else None

    def _az_longer_root(self, term: str, word: str) -> str | None:
        """A verb root the facts hold that the Azerbaijani ``word`` starts with, longer than
        the held ``term`` the stemmer cut it to and followed by a verb's chain of endings
        (``az_chains``); None when there is none, or ``term`` is a name."""
        if term in self._names:
            return None
        found = self._az_form_of(word)
        if found is None or len(found[0]) <= len(term) or not found[0].startswith(term):
            return None
        return found[0]

    def _foreign_only(self, term: str, word: str, language: str) -> bool:
        """Whether ``term``, read from ``word`` (transliterated) of a question in ``language``
        ("ru" or "az"), was indexed only from text in the other of the two, while the word is
        its own language's: their words transliterate into one alphabet, where unrelated stems
        meet by chance ("sütunu", column, and "суть", essence). A word the other language uses
        more is its loanword or typed transliteration ("mid" for "МИД", "komitet"), and meets
        that language's text; so do names and a synonym group's head (its members are listed
        in each language on purpose)."""
        held = self._term_languages.get(term)
        own_bits = LANGUAGE_BITS.get(language, ENGLISH_BIT) | ENGLISH_BIT
        if held is None or held & own_bits or term in self._names:
            return False
        if self.analyzer.is_synonym_head(term):
            return False
        own = self.analyzer.own_language_frequency(word)
        if not own:
            return False  # a rare word or a typo: nothing says whose it is
        other = (
            turkish_frequency(word) if language == "ru" else latin_russian.russian_frequency(word)
        )
        return own > other

    def _correct(
        self, term: str, anywhere: bool = True, kept: int = 0, other: bool = False
    ) -> tuple[str, float] | None:
        """The indexed term a misspelled word most likely means, with a confidence (with
        ``anywhere``, a typo in its first letter too; with ``kept``, only a word that starts
        with the same ``kept`` letters; with ``other``, a word of a Russian or Azerbaijani
        question, only a word the facts write in Russian or Azerbaijani, or a name)."""
        found = self._closest_word(term, anywhere)
        if found is None:
            return None
        if found[0][:kept] != term[:kept]:
            return None
        target = self._surface[found[0]]
        if other and found[0] not in self._other_words and target not in self._names:
            # Transliterated, a Russian word can look like an English one ("срач" is "srach",
            # near "reach"): a word is misspelled in its own language, and only names are
            # written across scripts.
            return None
        return (target, found[1]) if self._df.get(target) else None

    def _clipped(self, word: str) -> tuple[str, float] | None:
        """The indexed name a clipped word stands for ("yekat", "azer"): people shorten long
        names in chat. Only a word of four letters or more that starts the name, which is at
        least three letters longer; read with less confidence than a typo's correction. A word
        of three letters ("aze", "uzb") is read so only when every word it starts is that one
        name (in any of its spellings): three letters start too many words to guess among."""
        if len(word) < _CLIPPED_SHORTEST or not word.isalpha():
            return None
        words = self._sorted_vocabulary()
        whole: str | None = None
        best_df = 0
        # The most widely used of the words it starts, among the first few in order...
        start = bisect.bisect_left(words, word)
        started: set[str] = set()
        for candidate in words[start : start + 64]:
            if not candidate.startswith(word):
                break
            if len(candidate) >= len(word) + 3:
                term = self._surface[candidate]
                started.add(term)
                df = self._df.get(term, 0)
                if df > best_df:
                    whole, best_df = candidate, df
        if whole is None:
            return None
        target = self._surface[whole]
        if len(word) < 4 and (started != {target} or target not in self._names):
            return None
        elsewhere = self._elsewhere(started - {target}, target) if len(started) > 1 else 0
        if elsewhere * _CLIPPED_LEAD > best_df:
            # ...as long as it stands out: a word that starts words of other facts about as
            # much is their common root ("sakit" of "sakitləşəcək" in one fact and "sakitliyə"
            # in another), not a name cut short, and reading it as one of them is a guess.
            return None
        return target, 0.8

    def _demonym(self, word: str) -> tuple[str, float] | None:
        """The indexed place a people's or language's name comes from, or the reverse:
        "belarusian" of a fact that says "Belarus", "moldova" of one that says "Moldovan"."""
        if len(word) < 5 or not word.isalpha():
            return None
        forms: list[str] = []
        if word.endswith("ian"):
            forms += [word[:-3], word[:-1]]
        elif word.endswith(("an", "i")):
            forms.append(word[:-1])
        forms += [word + "n", word + "ian", word + "i"]
        df = self._df
        stem_of = self.analyzer.stem_of
        for form in forms:
            term = self.analyzer.canonical(stem_of(form))
            if term and df.get(term):
                return term, 0.8
        return None

    def _decade(self, word: str) -> tuple[str, float] | None:
        """The indexed year a decade stands for ("90s", "1990s" of a fact that says "in 1999"),
        the most widely held one of that decade; read with a clipped name's confidence. A
        bare "20s" or "10s" is more often an age or a count than a decade: left as it is."""
        match = _DECADE.fullmatch(word)
        if match is None:
            return None
        century, tens = match.groups()
        if century is None:
            if tens < "3":
                return None
            century = "19"
        years = (f"{century}{tens}{unit}" for unit in "0123456789")
        held = [(count, year) for year in years if (count := self._df.get(year, 0)) > 0]
        return (max(held)[1], 0.8) if held else None

    def _elsewhere(self, terms: set[str], target: str) -> int:
        """How many facts hold one of ``terms`` and not ``target``."""
        keys: set[int] = set()
        for term in terms:
            keys.update(self._postings.get(term, ()))
        keys.difference_update(self._postings.get(target, ()))
        return sum(1 for key in keys if key in self._entries)

    def _closest_word(self, term: str, anywhere: bool = True) -> tuple[str, float] | None:
        """The vocabulary word a misspelled one most likely is, with a confidence.

        Words with the same first letter are searched first (most typos keep it); failing
        that, words of about the same length with any first letter ("embassador",
        "ekaterinburg"), as long as there are few enough of them to stay fast. Either way, only
        the words that hold nearly the same letters are compared (``Vocabulary``): the others
        cannot reach the cutoff.
        """
        if len(term) < 4 or term.isdigit():
            return None
        spread = 1 if len(term) < 7 else 2
        lengths = range(len(term) - spread, len(term) + spread + 1)
        first = term[:1]
        vocabulary = self._vocabulary
        cutoff = self.settings.typo_cutoff
        best = self._closest(term, vocabulary.near_same_first(term, lengths, cutoff))
        if best is None and anywhere:
            around = range(len(term) - 1, len(term) + 2)
            if vocabulary.count_other_first(first, around) <= self.settings.typo_fallback_words:
                best = self._closest(term, vocabulary.near_other_first(term, around, cutoff))
        return best

    def _closest(self, term: str, groups: Sequence[Collection[str]]) -> tuple[str, float] | None:
        """The best match of ``term`` in ``groups`` at the cutoff or above: of equal ones, the
        first met."""
        best: tuple[str, float] | None = None
        for group in groups:
            found = process.extractOne(
                term, group, scorer=fuzz.ratio, score_cutoff=self.settings.typo_cutoff
            )
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], float(found[1]))
        return (best[0], best[1] / 100.0) if best else None

    def _question_names(self, question: str, language: str) -> _QuestionNames:
        """The names a Russian or Azerbaijani question writes as names, and its words as
        written (``_QuestionNames``): read only for a question with a word no fact has."""
        capitalised = {
            term
            for name in names_in(question)
            for term, _, _ in self.analyzer.analyze(name, language=language)
        }
        # An abbreviation ("США", "ABŞ") is a name wherever it stands, first word or not; not
        # one that chat spelling reads as the words it stands for ("ФСБ": a security service,
        # which a fact may call just that).
        for word in _WORD.findall(question):
            if len(word) > 1 and word.isupper():
                read = self.analyzer.analyze(word, language=language)
                if len(read) == 1:
                    capitalised.add(read[0][0])
        written: dict[str, str] = {}
        for word in other_tokens(question, language):
            written.setdefault(translit(word), word)
        listed = self._listed_countries(question, language)
        given = self._given_names(question, language) if language == "ru" else frozenset()
        described: frozenset[str] = frozenset()
        if language == "az":
            words = described_words(question)
            described = frozenset(
                term for word in words for term, _, _ in self.analyzer.analyze(word, language="az")
            )
        return _QuestionNames(frozenset(capitalised), written, listed, given, described)

    def _given_names(self, question: str, language: str) -> frozenset[str]:
        """The terms of a Russian question's given names and patronymics written beside a
        name the facts hold, in one run of capitalised words ("ведомство Сергея Лаврова",
        "Ильхам Гейдарович Алиев"): a fact that names the surname names that person, whom
        a reader may call in full."""
        out: set[str] = set()
        for run in _CAPITALISED_RUN.findall(question):
            words = run.split()
            if len(words) < 2:
                continue
            read = [self.analyzer.analyze(word, language=language) for word in words]
            terms = [found[0][0] if len(found) == 1 else None for found in read]
            if not any(term in self._names for term in terms if term):
                continue
            for word, term in zip(words, terms, strict=True):
                if term and term not in self._names and russian_lemmas.given_name(word.lower()):
                    out.add(term)
        return frozenset(out)

    def _listed_countries(self, question: str, language: str) -> frozenset[str]:
        """The countries a Russian or Azerbaijani question lists beside a country the facts
        name, a comma between them (by their transliterations): a list of neighbours
        ("грузия, армения", "gürcüstan, ermənistan") is the scope of the question, which the
        facts may take as a whole, not another subject, as English reads its lists
        (``_listed_beside_named``). Without the comma two countries are as often the two
        sides of what is asked ("fransa ermənistanı dəstəkləyir": France supports Armenia)."""
        if "," not in question:
            return frozenset()
        chunks = [other_tokens(chunk, language) for chunk in question.split(",")]
        listed: set[str] = set()
        for before, after in itertools.pairwise(chunks):
            if not before or not after:
                continue
            pair = (before[-1], after[0])
            if not all(names_country(word, language) for word in pair):
                continue
            for word, other in (pair, pair[::-1]):
                if self._names_known_country(other, language):
                    listed.add(translit(word))
        return frozenset(listed)

    def _names_known_country(self, word: str, language: str) -> bool:
        """Whether a Russian or Azerbaijani ``word`` naming a country is read as a term the
        facts hold."""
        return any(
            term in self._df for term, _, _ in self.analyzer.analyze(word, language=language)
        )

    def _named_elsewhere(self, term: str, word: str, named: _QuestionNames, language: str) -> bool:
        """Whether a word of a Russian or Azerbaijani question that no fact has, nor any word
        like it, is a name (a country's, in any case form, or a word capitalised inside a
        sentence) or a year no fact is dated in: the question is about another place, person,
        body or time.

        An unknown word of such a question is more often a form of a fact's word that its
        stemmer did not meet, or a paraphrase, than a sign that the question is about something
        else; a name is neither. "Word like it": an indexed word starting with its first four
        letters, as a form or a misspelling of a fact's name would ("Екатеринбургом"). A name
        or year inside an Azerbaijani relative clause (``named.described``) is neither: it
        tells which thing the question is about ("Yeltsin Mərkəzi ilə tanınan şəhər").
        """
        if term in named.described:
            return False
        if term.isdigit():
            return self._year_elsewhere(term)
        if word in named.listed or term in named.given:
            return False
        if term not in named.capitalised and not names_country(
            named.written.get(word, ""), language
        ):
            return False
        if len(word) < LIKE_LETTERS:
            return True  # an abbreviation ("ЕС", "США") or a short name ("Рим")
        return not any(self._indexed_starting(word[:LIKE_LETTERS]))

    def _country_elsewhere(self, term: str, word: str) -> bool:
        """Whether a word of an English question that no fact has is a year no fact is dated
        in, or names a country no fact names, nor its people ("georgia", "georgians"): the
        question is about another country or time (``_named_elsewhere``).

        Only countries: English capitals mark the start of a sentence as often as a name, and
        chat leaves names in lower case, so a capitalised word is no sign. The facts name a
        country if a word of theirs starts with its name ("iranian" of "iran") or is of the
        same country ("ukrainian" of "ukraine", "chinese" of "china")."""
        if term.isdigit():
            return self._year_elsewhere(term)
        return self._names_other_country(word)

    def _names_other_country(self, word: str) -> bool:
        """Whether an English ``word`` names a country, or its people, that no fact names."""
        country = english_country(word)
        if country is None:
            return False
        return not any(
            indexed.startswith(country) or english_country(indexed) == country
            for indexed in self._indexed_starting(country[:LIKE_LETTERS])
        )

    def _listed_beside_named(self, question: str) -> frozenset[str]:
        """The words of an English question written right beside a country the facts name (a
        comma at most between): a list of countries ("armenia, georgia, all of the region") is
        the scope of the question, which the facts may take as a whole, not another subject."""
        words = fold(question).split()
        named = [english_country(w) is not None and not self._names_other_country(w) for w in words]
        return frozenset(
            word
            for at, word in enumerate(words)
            if (at > 0 and named[at - 1]) or (at + 1 < len(words) and named[at + 1])
        )

    def _year_elsewhere(self, term: str) -> bool:
        return len(term) == 4 and int(term) in _YEARS and not self._dated_in(int(term))

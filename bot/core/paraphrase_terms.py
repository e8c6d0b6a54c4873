"""Paraphrases a candidate may meet a question's terms by: a related word's, a word an expression
of several words stands for, another name of a country, the surname of the person a word of
office stands for in the shortlisted facts, and the name of the one place of a kind the facts
name. Only scoring uses them, never the gathering of candidates."""

from __future__ import annotations

from bot.core.candidates import QueryTerm
from bot.core.country_words import country_members
from bot.core.fact_index import FactIndex
from bot.core.focus_words import ROLE_WORDS
from bot.core.multiword_paraphrases import expressions_in
from bot.core.place_kinds import kinds_asked
from bot.core.place_kinds import table as place_table
from bot.core.related_words import table as related_words
from bot.core.role_names import titled_people

# A question term, the share of its weight a paraphrase earns, and its neighbours in the index.
Related = tuple[str, float, frozenset[str]]


class ParaphraseTerms(FactIndex):
    """The neighbours of a question's terms that facts hold (``_related_terms``)."""

    def _related_terms(self, query: list[QueryTerm], language: str, question: str) -> list[Related]:
        """The question's terms (as written, or unknown to the index; not typo corrections) with
        the share of their weight a paraphrase earns and their neighbours that facts hold; for
        an English ``question``, also the heaviest term of each expression of several words
        in it with the words it stands for (``_expression_terms``).

        Only candidate scoring uses them, not candidate gathering: feeding the neighbours'
        postings into the gathering as well changed no tune figure, and gave off-topic
        questions candidates they had none of.

        A Russian question reads no thesaurus: its stems are transliterated into the letters
        English stems are written in, but they are not English words ("друг", friend, stems to
        "drug", which the English table relates to "medicine"), and no Russian table the
        project could ship reached more than a handful of tune questions (round 14)."""
        share = self.settings.related_share
        country_share = self.settings.country_share
        if share <= 0.0 and country_share <= 0.0:
            return []
        neighbours = related_words() if share > 0.0 and language != "ru" else {}
        countries = self._country_terms() if country_share > 0.0 else {}
        english = language == "en" and bool(question) and share > 0.0
        expressions = self._expression_terms(query, question) if english else {}
        df = self._df
        out: list[Related] = []
        for qt in query:
            if qt.confidence not in (0.0, 1.0):
                continue
            same = countries.get(qt.term)
            if same:
                held = frozenset(term for term in same if term != qt.term and term in df)
                if held:
                    out.append(self._other_name(qt, held, country_share))
                continue
            stands_for = expressions.get(qt.term)
            if stands_for:
                # The expression says what its words mean here: "picked up" is no "chose".
                out.append(self._said_otherwise(qt, stands_for, share))
                continue
            near = neighbours.get(qt.term)
            if near:
                held = frozenset(term for term in near if term in df)
                if held:
                    out.append((qt.term, qt.weight * share, held))
        return out

    def _expression_terms(self, query: list[QueryTerm], question: str) -> dict[str, frozenset[str]]:
        """The heaviest term of each expression of several words in English ``question``
        (``multiword_paraphrases``: "picked up", "taken into custody"), with the terms of the
        words it stands for that facts hold ("arrest"). The analyzer reads such an expression
        as its heaviest word at most ("pick", "custody"), its particles being stopwords."""
        weights = {qt.term: qt.weight for qt in query}
        out: dict[str, frozenset[str]] = {}
        for words, related in expressions_in(question):
            terms = [term for word in words for term in self._english_terms(word)]
            terms = [term for term in terms if term in weights]
            held = frozenset(term for term in related if term in self._df)
            if terms and held:
                heaviest = max(terms, key=weights.__getitem__)
                out[heaviest] = out.get(heaviest, frozenset()) | held
        return out

    def _said_otherwise(self, qt: QueryTerm, held: frozenset[str], share: float) -> Related:
        """``qt``, the heaviest word of an expression, to be met by ``held``, the words the
        expression stands for, earning ``share`` of the most weight of them: the expression
        means what its one-word paraphrase does, and "go" of "what is going on" weighs
        far less than the "happen" it says."""
        weight = max(qt.weight, *(self._term_weight(term) for term in held))
        return (qt.term, weight * share, held)

    def _with_titled(
        self,
        related: list[Related],
        query: list[QueryTerm],
        shortlist: list[tuple[int, float]],
    ) -> list[Related]:
        """``related`` with, for each word of office the question holds ("the russian
        president"), the surnames the shortlisted facts' answers give that office ("President
        Vladimir Putin": ``focus.titled_people``): a sibling saying only "Putin said" then
        meets "president" too. Read from the shortlist, not the whole index: the person an
        office stands for is the one this question's story names by it."""
        offices = self._office_terms()
        asked = [qt for qt in query if qt.confidence == 1.0 and qt.term in offices]
        if not asked:
            return related
        wanted = {offices[qt.term] for qt in asked}
        named: dict[str, set[str]] = {}
        for key, _ in shortlist[: self.settings.candidates]:
            entry = self._entries.get(key)
            if entry is None:
                continue
            titled = entry.titled
            if titled is None:  # an entry read from a snapshot: its answer read now, once
                english = entry.fact.translation("en")
                titled = entry.titled = titled_people(english.answer) if english is not None else ()
            for role, surname in titled:
                if role in wanted:
                    named.setdefault(role, set()).update(self._english_terms(surname))
        if not named:
            return related
        out = list(related)
        share = self.settings.titled_share
        terms = {qt.term for qt in query}
        for qt in asked:
            if not terms.isdisjoint(named.get(offices[qt.term], ())):
                continue  # "could mirziyoyev remain president" asks of the office itself
            held = frozenset(
                term
                for term in named.get(offices[qt.term], ())
                if term != qt.term and term in self._df
            )
            if not held or any(term == qt.term for term, _, _ in related):
                continue  # a term with neighbours of its own keeps them alone
            out.append(self._other_name(qt, held, share))
        return out

    def _with_places(
        self, related: list[Related], query: list[QueryTerm], question: str
    ) -> list[Related]:
        """``related`` with, for each kind of place English ``question`` names ("the
        peninsula", "the tajik capital", "kazakhstan's biggest city": ``place_kinds``), the
        name of the one place of that kind the facts name, of the country the question
        qualifies it with if it does (Crimea, Dushanbe, Almaty): a fact naming it meets the
        kind as it meets another name of a country. Two such places the facts name ("the
        capital" of a story naming Moscow and Kyiv) say neither, nor is a kind met by a name
        the question writes too ("the crimean peninsula"). Read against the names the facts
        write as they are, so a fact added or removed changes what is met at once."""
        asked = kinds_asked(question)
        if not asked:
            return related
        terms = {qt.term for qt in query}
        out = list(related)
        # A place's name as the facts write it, capitalised: "Providence" is no "provided".
        names = self._names
        for kind in asked:
            kind_terms = self._english_terms(kind.word)
            targets = [qt for qt in query if qt.term in kind_terms and qt.confidence in (0.0, 1.0)]
            if not targets or any(entry[0] == targets[0].term for entry in out):
                continue  # a word with neighbours of its own keeps them alone
            named: set[frozenset[str]] = set()
            for place in kind.places:  # of the country asked, if one is
                held = self._place_terms(place.name)
                if held and held <= names:
                    named.add(held)
                    if len(named) > 1:
                        break
            if len(named) != 1:
                continue
            held = next(iter(named))
            if not held.isdisjoint(terms):
                continue
            out.append(self._other_name(targets[0], held, self.settings.place_share))
        return out

    def prepare_place_names(self) -> None:
        """Read the name of every place of the table (``place_kinds``) as this index's analyzer
        does, so that no member pays for it: the first question naming a kind ("the port", "the
        city") read every place of that kind the facts do not name, hundreds of names, 8-9 ms
        at 10,000 facts. For a running bot's warm-up (``timeline_warmer``): about 1,400 names,
        read once per index served."""
        for places in place_table().values():
            for place in places:
                self._place_terms(place.name)

    def _place_terms(self, name: str) -> frozenset[str]:
        """The terms of place ``name`` as this index's analyzer reads it, read once."""
        held = self._places.get(name)
        if held is None:
            held = frozenset(self._english_terms(name))
            self._places[name] = held
        return held

    def _other_name(self, qt: QueryTerm, held: frozenset[str], share: float) -> Related:
        """``qt`` to be met by ``held``, the terms of another name for what it names (its
        country's, the surname of the person in its office), earning ``share`` of the least
        weight of them all: meeting "Ukraine's" says no more than the word "ukraine" says (in
        a story about Ukraine, every fact has it, however rare "ukrainian" is)."""
        weight = min(qt.weight, *(self._term_weight(term) for term in held))
        return (qt.term, weight * share, held)

    def _english_terms(self, text: str) -> list[str]:
        """The terms of English ``text`` as this index's analyzer reads them (learning no word
        of it): how the words of office, countries and names the matcher knows of meet the
        index."""
        return [term for term, _, _ in self.analyzer.analyze(text, remember=False, language="en")]

    def _office_terms(self) -> dict[str, str]:
        """The term of each word of office (``focus.ROLE_WORDS``) as this analyzer reads it,
        with the word."""
        if self._offices is None:
            self._offices = {
                term: word for word in sorted(ROLE_WORDS) for term in self._english_terms(word)
            }
        return self._offices

    def _country_terms(self) -> dict[str, frozenset[str]]:
        """Each term of a word that stands for a country (``country_words``) with the terms of
        all the words that stand for it, read once by this index's analyzer (its synonym
        groups may make some of them one term already)."""
        if self._countries is None:
            table: dict[str, frozenset[str]] = {}
            for words in country_members().values():
                terms = frozenset(term for word in words for term in self._english_terms(word))
                for term in terms:
                    table.setdefault(term, terms)
            self._countries = table
        return self._countries

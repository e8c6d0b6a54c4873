"""The matcher: an inverted index over facts and a scorer that turns a question into a decision.

Scoring in two stages keeps a question cheap however large the fact base grows:

1. Candidates: each query term (stemmed, synonym-mapped, typo-corrected against the index's
   vocabulary) looks up the facts that contain it; candidates are ranked by the summed weight of
   the terms they share with the query. Rare terms weigh more (a smoothed inverse document
   frequency), so "yekaterinburg" outweighs "russia".
2. Scoring: the best few candidates get a score in [0, 1] that asks how much of the question's
   weight a fact covers, both in one of its phrasings (where the phrasing's own extra words
   count against it) and in its answer text. Words the index has never seen count against every
   fact, which is how off-topic questions end up "unknown".

The index is updated in place when a fact is added or removed: nothing is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from rapidfuzz import fuzz, process

from bot.core.models import AskResult, Decision, Fact, Match, Origin, Source, Status
from bot.core.text import Analyzer, words


@dataclass(frozen=True, slots=True)
class MatcherSettings:
    """Thresholds of the answer / suggest / unknown decision, and search breadth."""

    answer_threshold: float = 0.42
    suggest_threshold: float = 0.36
    # The best fact must lead the runner-up by this much to be answered outright.
    answer_margin: float = 0.0
    candidates: int = 32
    # Most posting entries one question may read to gather candidates (bounds the cost of a
    # question made only of very common words in a very large fact base).
    posting_budget: int = 3_000
    # Weight of a query word that no fact contains, relative to the rarest known word.
    unknown_term_weight: float = 0.8
    # Minimum rapidfuzz ratio for a misspelled word to be read as a vocabulary word.
    typo_cutoff: float = 80.0
    # Typos in a word's first letter are looked for only while the words of that length
    # number at most this many (a bound on the cost in huge vocabularies).
    typo_fallback_words: int = 8_000
    # Words at least this common in English are taken as spelled right, never "corrected".
    typo_max_commonness: float = 0.5
    # How much a question covered by a fact's answer text (rather than by one of its
    # phrasings) counts: answers are long and share words by chance.
    answer_field_weight: float = 0.5
    # Evidence scale: a fact matching only a little query weight (a couple of common words)
    # is damped towards "not sure", however completely it covers the question.
    evidence_scale: float = 2.0
    evidence_floor: float = 0.5


# A fact as plain values (dates as ordinals, enums as their values), the way a snapshot keeps
# it: id, answer, questions, tags, related, source (title, url, published) or None, date,
# origin, file, line, guild id, author id, status, supersedes, added at (ISO text) or None.
FactRow = tuple[Any, ...]
_ROW_FIELDS = 15
_ROW_ID = 0
_ROW_GUILD_ID = 10
_ROW_SUPERSEDES = 13
_ORIGINS = {origin.value: origin for origin in Origin}
_STATUSES = {status.value: status for status in Status}


def _ordinal(date: dt.date | None) -> int | None:
    return date.toordinal() if date is not None else None


def _date(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal is not None else None


def _fact_row(fact: Fact) -> FactRow:
    source = fact.source
    return (
        fact.id,
        fact.answer,
        fact.questions,
        fact.tags,
        fact.related,
        None if source is None else (source.title, source.url, _ordinal(source.published)),
        _ordinal(fact.date),
        fact.origin.value,
        fact.file,
        fact.line,
        fact.guild_id,
        fact.author_id,
        fact.status.value,
        fact.supersedes,
        fact.added_at.isoformat() if fact.added_at else None,
    )


def _row_fact(row: FactRow) -> Fact:
    fact_id, answer, questions, tags, related, source, date, origin, *rest = row
    file, line, guild_id, author_id, status, supersedes, added_at = rest
    return Fact(
        fact_id,
        answer,
        questions,
        tags,
        related,
        None if source is None else Source(source[0], source[1], _date(source[2])),
        _date(date),
        _ORIGINS[origin],
        file,
        line,
        guild_id,
        author_id,
        _STATUSES[status],
        supersedes,
        dt.datetime.fromisoformat(added_at) if added_at else None,
    )


class _Entry:
    """A fact as the index sees it: the terms of each phrasing and of the answer.

    Tuples, not sets: a fact has a few dozen terms, a tuple of them costs a tenth of the memory
    of a set, and scanning one is as fast at that size. An entry read from a snapshot keeps its
    fact as a row until the fact is first needed: a question needs a few dozen of them, and
    making all 100,000 at start would cost more than the rest of the snapshot.
    """

    __slots__ = ("_fact", "answer_terms", "phrasings")

    def __init__(
        self,
        fact: Fact | FactRow,
        phrasings: tuple[tuple[tuple[str, ...], str], ...],
        answer_terms: tuple[str, ...],
    ) -> None:
        self._fact = fact
        self.phrasings = phrasings
        self.answer_terms = answer_terms

    @property
    def fact(self) -> Fact:
        held = self._fact
        if isinstance(held, tuple):
            held = self._fact = _row_fact(held)
        return held

    def row(self) -> FactRow:
        held = self._fact
        return held if isinstance(held, tuple) else _fact_row(held)

    @property
    def supersedes(self) -> tuple[str, ...]:
        held = self._fact
        replaced: tuple[str, ...] = (
            held[_ROW_SUPERSEDES] if isinstance(held, tuple) else held.supersedes
        )
        return replaced

    def all_terms(self) -> set[str]:
        out = set(self.answer_terms)
        for terms, _ in self.phrasings:
            out.update(terms)
        return out


# One fact's index entry without the fact: its phrasings (terms, text) and answer terms.
EntryTerms = tuple[tuple[tuple[tuple[str, ...], str], ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class IndexState:
    """Everything an index holds, as plain values, for a snapshot to store.

    Derived state (document frequencies, server scopes, key sets) is left out and rebuilt.
    """

    keys: tuple[int, ...]
    facts: tuple[FactRow, ...]
    entries: tuple[EntryTerms, ...]
    next_key: int
    postings: dict[str, list[int]]
    specificity: dict[str, float]
    surface: dict[str, str]
    vocabulary: dict[tuple[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class _QueryTerm:
    term: str
    weight: float
    confidence: float


class Matcher:
    """Index of facts answering ``ask(question)`` with ranked, scored matches and a decision."""

    def __init__(
        self,
        facts: Iterable[Fact] = (),
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
    ) -> None:
        self.analyzer = analyzer or Analyzer()
        self.settings = settings or MatcherSettings()
        self._entries: dict[int, _Entry] = {}
        self._keys: dict[str, int] = {}
        # Postings are append-only lists: removing a fact leaves its key behind ("dead"), to be
        # skipped when read and swept out by ``_compact`` once dead keys pile up. Removal stays
        # O(terms) however long a common term's list is.
        self._postings: dict[str, list[int]] = {}
        self._df: dict[str, int] = {}
        self._dead_refs = 0
        self._live_refs = 0
        self._specificity: dict[str, float] = {}
        self._next_key = 0
        # Key sets of common terms, built on first need and kept up to date after that.
        self._key_sets: dict[str, set[int]] = {}
        # Terms too common to be read within the budget get their key set as they grow past it;
        # rarer ones only if a question ever needs one.
        self._key_set_from = max(1, self.settings.posting_budget)
        # Keys of facts answered in one server only (members' facts), by server.
        self._guild_of: dict[int, int] = {}
        # Words seen in facts and the term each became; for typo correction bucketed by
        # (first letter, length) so a misspelled word is compared with a few hundred words.
        self._surface: dict[str, str] = {}
        self._vocabulary: dict[tuple[str, int], dict[str, None]] = {}
        # Supersession: the ids of the facts that name each id in their ``supersedes``.
        self._successors: dict[str, set[str]] = {}
        # Advanced by every add and remove: what is derived from the facts is current while
        # it is unchanged.
        self.revision = 0
        for fact in facts:
            self.add(fact)

    # ------------------------------------------------------------------------ snapshot
    def export_state(self) -> IndexState:
        """The index as it stands (the caller must not change it until this returns)."""
        live = self._entries
        postings = self._postings
        if self._dead_refs:
            postings = {t: [k for k in keys if k in live] for t, keys in postings.items()}
        return IndexState(
            keys=tuple(live),
            facts=tuple(entry.row() for entry in live.values()),
            entries=tuple((entry.phrasings, entry.answer_terms) for entry in live.values()),
            next_key=self._next_key,
            postings=postings,
            specificity=self._specificity,
            surface=self._surface,
            vocabulary={bucket: list(words) for bucket, words in self._vocabulary.items()},
        )

    @classmethod
    def from_state(
        cls,
        state: IndexState,
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
    ) -> Matcher:
        """The index ``export_state`` saw, without analysing a single fact again.

        ``analyzer`` must be built from the synonyms the state was indexed with.
        """
        matcher = cls(analyzer=analyzer, settings=settings)
        entries = matcher._entries
        keys = matcher._keys
        guild_of = matcher._guild_of
        for key, row, (phrasings, answer_terms) in zip(
            state.keys, state.facts, state.entries, strict=True
        ):
            if len(row) != _ROW_FIELDS:
                raise ValueError(f"a fact of {len(row)} fields, not {_ROW_FIELDS}")
            entries[key] = _Entry(row, phrasings, answer_terms)
            keys[row[_ROW_ID]] = key
            if row[_ROW_GUILD_ID] is not None:
                guild_of[key] = row[_ROW_GUILD_ID]
            for replaced in row[_ROW_SUPERSEDES]:
                matcher._successors.setdefault(replaced, set()).add(row[_ROW_ID])
        matcher._next_key = state.next_key
        matcher._postings = state.postings
        matcher._df = {term: len(posting) for term, posting in state.postings.items()}
        matcher._live_refs = sum(matcher._df.values())
        matcher._specificity = state.specificity
        matcher._surface = state.surface
        matcher._vocabulary = {
            bucket: dict.fromkeys(words) for bucket, words in state.vocabulary.items()
        }
        return matcher

    # ----------------------------------------------------------------- index maintenance
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

    def add(self, fact: Fact) -> None:
        """Index ``fact``, replacing any fact with the same id."""
        if fact.id in self._keys:
            self.remove(fact.id)
        self.revision += 1
        key = self._next_key
        self._next_key += 1
        entry = self._build_entry(fact)
        self._entries[key] = entry
        self._keys[fact.id] = key
        if fact.guild_id is not None:
            self._guild_of[key] = fact.guild_id
        for replaced in fact.supersedes:
            self._successors.setdefault(replaced, set()).add(fact.id)
        for term in entry.all_terms():
            posting = self._postings.get(term)
            if posting is None:
                self._postings[term] = [key]
            else:
                posting.append(key)
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.add(key)
            df = self._df.get(term, 0)
            if df == 0:
                pass
            elif df == self._key_set_from and key_set is None:
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
            self._entries[key] = _Entry(fact, entry.phrasings, entry.answer_terms)

    def remove(self, fact_id: str) -> Fact | None:
        key = self._keys.pop(fact_id, None)
        if key is None:
            return None
        self.revision += 1
        entry = self._entries.pop(key)
        self._guild_of.pop(key, None)
        for replaced in entry.supersedes:
            successors = self._successors.get(replaced)
            if successors is not None:
                successors.discard(fact_id)
                if not successors:
                    del self._successors[replaced]
        for term in entry.all_terms():
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.discard(key)
            df = self._df[term] - 1
            self._live_refs -= 1
            self._dead_refs += 1
            if df:
                self._df[term] = df
                continue
            del self._df[term]
            del self._postings[term]
            self._key_sets.pop(term, None)
            self._specificity.pop(term, None)
        if self._dead_refs > max(10_000, self._live_refs // 4):
            self._compact()
        return entry.fact

    def _key_set(self, term: str) -> set[int]:
        key_set = self._key_sets.get(term)
        if key_set is None:
            live = self._entries
            key_set = self._key_sets[term] = {k for k in self._postings[term] if k in live}
        return key_set

    def _compact(self) -> None:
        live = self._entries
        for term, posting in self._postings.items():
            self._postings[term] = [key for key in posting if key in live]
        self._dead_refs = 0

    def _terms(self, text: str) -> tuple[str, ...]:
        analyzed = self.analyzer.analyze(text, remember=False)
        specificity = self._specificity
        surface = self._surface
        for term, spec, word in analyzed:
            if spec > specificity.get(term, 0.0):
                specificity[term] = spec
            if word not in surface and len(word) >= 4 and word.isalpha():
                # Typos are corrected against the words as written ("inflauion" is close to
                # "inflation", not to its stem "inflat"). Words are kept after their facts go:
                # a correction to a term no fact has any more is simply not used.
                surface[word] = term
                self._vocabulary.setdefault((word[:1], len(word)), {})[word] = None
        return tuple(dict.fromkeys(term for term, _, _ in analyzed))

    def _build_entry(self, fact: Fact) -> _Entry:
        terms = self._terms
        phrasings = [(terms(q), q) for q in fact.questions]
        # The id and tags read like a keyword query ("ambassador recalled"), so they are one
        # more phrasing; the answer and tags form the answer field.
        keywords = " ".join([fact.id.replace("-", " "), *fact.tags])
        phrasings.append((terms(keywords), ""))
        answer_terms = tuple(dict.fromkeys(terms(fact.answer) + terms(" ".join(fact.tags))))
        return _Entry(fact, tuple((ts, q) for ts, q in phrasings if ts), answer_terms)

    # ----------------------------------------------------------------------- weighting
    def _idf(self, document_frequency: int) -> float:
        # BM25's idf: a word in nearly every fact (the knowledge base's own topic, such as
        # "azerbaijan") tells facts apart hardly at all. The floor keeps it from vanishing.
        n = len(self._entries)
        df = min(document_frequency, n)
        return max(0.05, math.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def _term_weight(self, term: str) -> float:
        """Weight of an indexed term: rare in the fact base and topical in English."""
        return self._idf(self._df.get(term, 0)) * self._specificity.get(term, 1.0)

    def _correct(self, term: str) -> tuple[str, float] | None:
        """The indexed term a misspelled word most likely means, with a confidence."""
        found = self._closest_word(term)
        if found is None:
            return None
        target = self._surface[found[0]]
        return (target, found[1]) if self._df.get(target) else None

    def _closest_word(self, term: str) -> tuple[str, float] | None:
        """The vocabulary word a misspelled one most likely is, with a confidence.

        Words with the same first letter are searched first (most typos keep it); failing
        that, words of about the same length with any first letter ("embassador",
        "ekaterinburg"), as long as there are few enough of them to stay fast.
        """
        if len(term) < 4 or term.isdigit():
            return None
        spread = 1 if len(term) < 7 else 2
        lengths = range(len(term) - spread, len(term) + spread + 1)
        first = term[:1]
        same_letter = [self._vocabulary.get((first, n)) for n in lengths]
        best = self._closest(term, [b for b in same_letter if b])
        if best is None:
            others = [
                bucket
                for (letter, n), bucket in self._vocabulary.items()
                if letter != first and abs(n - len(term)) <= 1
            ]
            if sum(len(b) for b in others) <= self.settings.typo_fallback_words:
                best = self._closest(term, others)
        return best

    def _closest(self, term: str, buckets: list[dict[str, None]]) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for bucket in buckets:
            found = process.extractOne(
                term, bucket.keys(), scorer=fuzz.ratio, score_cutoff=self.settings.typo_cutoff
            )
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], float(found[1]))
        return (best[0], best[1] / 100.0) if best else None

    def _query_terms(self, question: str) -> list[_QueryTerm]:
        seen: set[str] = set()
        out: list[_QueryTerm] = []
        unknown_weight = self._idf(0) * self.settings.unknown_term_weight
        for term, spec, word in self.analyzer.analyze(question):
            if term in seen:
                continue
            seen.add(term)
            df = self._df.get(term)
            if df is not None:
                out.append(_QueryTerm(term, self._idf(df) * spec, 1.0))
                continue
            # A common English word ("time") is spelled right; it just isn't in the facts.
            corrected = self._correct(word) if spec >= self.settings.typo_max_commonness else None
            if corrected is not None and corrected[0] not in seen:
                target, confidence = corrected
                seen.add(target)
                out.append(_QueryTerm(target, self._term_weight(target), confidence))
            else:
                out.append(_QueryTerm(term, unknown_weight * spec, 0.0))
        return out

    # --------------------------------------------------------------------------- asking
    def ask(
        self,
        question: str,
        *,
        limit: int = 5,
        guild_id: int | None = None,
        current: bool = True,
    ) -> AskResult:
        """Rank facts visible in ``guild_id`` (None: outside any server) for ``question``.

        With ``current``, a superseded fact gives way to its newest visible successor (see
        ``current_only``); without, every fact is ranked as it is (to find facts by id).
        """
        query = self._query_terms(question)
        total = sum(qt.weight for qt in query)
        if not query or total <= 0.0:
            return AskResult(question, Decision.UNKNOWN)

        rough = self._candidates(query, guild_id)
        if not rough:
            return AskResult(question, Decision.UNKNOWN)
        breadth = self.settings.candidates * 2
        shortlist = heapq.nlargest(breadth, rough.items(), key=itemgetter(1))
        scored: list[Match] = []
        weights: dict[str, float] = {}
        pairs = [(qt.term, qt.weight * qt.confidence) for qt in query if qt.confidence > 0.0]
        for key, _ in shortlist:
            entry = self._entries[key]
            if not entry.fact.visible_in(guild_id):
                continue
            scored.append(self._score(entry, pairs, total, weights))
            if len(scored) >= self.settings.candidates:
                break
        scored.sort(key=lambda m: (-m.score, m.fact.id))
        if current:
            scored = self.current_only(scored, guild_id)
        matches = tuple(scored[: max(1, limit)])
        return AskResult(question, self._decide(scored), matches)

    def _candidates(self, query: list[_QueryTerm], guild_id: int | None) -> dict[int, float]:
        """Facts sharing terms with the query, with the summed weight of the shared terms.

        Rarest terms first: their postings are short and bring in the candidates. Once the
        budget of postings is spent, a more common term no longer brings in new candidates; its
        weight is added to the candidates that contain it by intersecting them with the term's
        key set (in C, however long the term's postings are). A term so common that its own
        postings exceed the budget, and comes first, brings in only its most recent facts.
        """
        budget = self.settings.posting_budget
        rough: dict[int, float] = {}
        spent = 0
        matched = [qt for qt in query if qt.confidence > 0.0 and qt.term in self._postings]
        matched.sort(key=lambda qt: self._df.get(qt.term, 0))
        for qt in matched:
            weight = qt.weight * qt.confidence
            posting = self._postings[qt.term]
            if spent and spent + len(posting) > budget:
                for key in self._key_set(qt.term).intersection(rough):
                    rough[key] += weight
                continue
            if len(posting) > budget:
                posting = posting[-budget:]
            spent += len(posting)
            get = rough.get
            for key in posting:
                rough[key] = get(key, 0.0) + weight
        if self._dead_refs:
            entries = self._entries
            for key in [key for key in rough if key not in entries]:
                del rough[key]
        if self._guild_of:
            # Other servers' facts must not crowd this server's answers out of the shortlist.
            scope = self._guild_of
            for key in [key for key in rough if scope.get(key, guild_id) != guild_id]:
                del rough[key]
        return rough

    def _score(
        self,
        entry: _Entry,
        query: list[tuple[str, float]],
        total: float,
        weights: dict[str, float],
    ) -> Match:
        """Score one candidate against the query's (term, weight) pairs; ``weights`` caches
        term weights across one question's candidates."""
        best_phrasing = 0.0
        best_question: str | None = None
        for terms, text in entry.phrasings:
            hit = sum([weight for term, weight in query if term in terms])
            if hit <= 0.0:
                continue
            own = 0.0
            for term in terms:
                weight = weights.get(term)
                if weight is None:
                    weight = weights[term] = self._term_weight(term)
                own += weight
            recall = hit / total
            precision = min(1.0, hit / own) if own else 0.0
            # F-beta with beta=2: covering the question matters more than the phrasing's extras.
            f_score = 5 * precision * recall / (4 * precision + recall)
            if f_score > best_phrasing:
                best_phrasing, best_question = f_score, text or None
        answer_terms = entry.answer_terms
        answer_hit = sum([weight for term, weight in query if term in answer_terms])
        answer_recall = answer_hit / total
        settings = self.settings
        coverage = max(best_phrasing, settings.answer_field_weight * answer_recall)
        coverage += (1.0 - coverage) * 0.15 * min(best_phrasing, answer_recall)
        evidence = max(answer_hit, best_phrasing * total)
        damping = settings.evidence_floor + (1.0 - settings.evidence_floor) * (
            1.0 - math.exp(-evidence / settings.evidence_scale)
        )
        return Match(entry.fact, min(1.0, coverage * damping), best_question)

    def _decide(self, ranked: list[Match]) -> Decision:
        if not ranked:
            return Decision.UNKNOWN
        top = ranked[0].score
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if top >= self.settings.answer_threshold and top - runner_up >= self.settings.answer_margin:
            return Decision.ANSWER
        if top >= self.settings.suggest_threshold:
            return Decision.SUGGEST
        return Decision.UNKNOWN

    # ---------------------------------------------------------------------- supersession
    def superseded_in(self, fact_id: str, guild_id: int | None) -> bool:
        """Whether a fact visible in ``guild_id`` replaces ``fact_id`` there."""
        return any(
            (newer := self.get(other)) is not None and newer.visible_in(guild_id)
            for other in self._successors.get(fact_id, ())
        )

    def newest(self, fact: Fact, guild_id: int | None) -> Fact:
        """The newest fact visible in ``guild_id`` that replaces ``fact`` (following chains:
        A -> B -> C gives C), or ``fact`` itself when none does there."""
        current = fact
        seen = {fact.id}
        while True:
            newer = [
                other
                for other_id in self._successors.get(current.id, ())
                if other_id not in seen
                and (other := self.get(other_id)) is not None
                and other.visible_in(guild_id)
            ]
            if not newer:
                return current
            current = max(newer, key=lambda f: (f.day() or dt.date.min, f.id))
            seen.add(current.id)

    def earlier(self, fact: Fact, guild_id: int | None, *, limit: int = 10) -> tuple[Fact, ...]:
        """The facts ``fact`` replaced, directly or down a chain, visible in ``guild_id``,
        newest first."""
        found: list[Fact] = []
        seen = {fact.id}
        frontier = [fact]
        while frontier and len(found) < limit:
            following: list[Fact] = []
            for newer in frontier:
                for old_id in newer.supersedes:
                    old = self.get(old_id)
                    if old_id in seen or old is None or not old.visible_in(guild_id):
                        continue
                    seen.add(old_id)
                    following.append(old)
            found.extend(following)
            frontier = following
        found.sort(key=lambda f: f.day() or dt.date.min, reverse=True)
        return tuple(found[:limit])

    def current_only(self, ranked: list[Match], guild_id: int | None) -> list[Match]:
        """``ranked`` with each superseded fact replaced by its newest visible successor,
        keeping its score, each fact once (at its best place), and with the facts each one
        replaced attached."""
        if not self._successors:
            return ranked
        direct = {m.fact.id: m for m in ranked}
        out: list[Match] = []
        placed: set[str] = set()
        for match in ranked:
            fact = self.newest(match.fact, guild_id)
            if fact.id in placed:
                continue
            placed.add(fact.id)
            own = direct.get(fact.id)
            question = own.matched_question if own is not None else None
            earlier = self.earlier(fact, guild_id) if fact.supersedes else ()
            out.append(Match(fact, match.score, question, earlier))
        return out

    # ---------------------------------------------------------------------- autocomplete
    def complete(self, prefix: str, *, limit: int = 25, guild_id: int | None = None) -> list[str]:
        """Questions from the fact base that fit what someone has typed so far.

        The last word may be half-typed ("why was the ambas"): it is completed to the most
        common indexed word it begins.
        """
        typed = words(prefix)
        suggestions = self._complete_typed(typed, prefix, limit, guild_id) if typed else []
        if suggestions:
            return suggestions
        out = []
        for entry in self._entries.values():  # lazily: stops after ``limit``, not at 100k
            fact = entry.fact
            if fact.questions and fact.visible_in(guild_id):
                out.append(fact.questions[0])
                if len(out) >= limit:
                    break
        return out

    def _complete_typed(
        self, typed: list[str], prefix: str, limit: int, guild_id: int | None
    ) -> list[str]:
        if not prefix[-1:].isspace():
            completed = self._complete_word(typed[-1])
            if completed is not None:
                typed[-1] = completed
        result = self.ask(" ".join(typed), limit=limit, guild_id=guild_id)
        out: list[str] = []
        for match in result.matches:
            for question in match.fact.questions[:3] or (match.fact.answer[:95],):
                if question not in out:
                    out.append(question)
        return out[:limit]

    def _complete_word(self, partial: str) -> str | None:
        """The word of the most facts that starts with ``partial`` (None if it is one)."""
        if len(partial) < 2 or partial in self._surface:
            return None
        best: str | None = None
        best_df = 0
        first = partial[:1]
        for (letter, length), bucket in self._vocabulary.items():
            if letter != first or length < len(partial):
                continue
            for word in bucket:
                if word.startswith(partial):
                    df = self._df.get(self._surface[word], 0)
                    if df > best_df:
                        best, best_df = word, df
        return best

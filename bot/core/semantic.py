"""Sentence-embedding vectors of the facts, for the matcher's optional semantic re-ranking.

A fact is compared with a question through the texts it is written in: its answer and its
phrasings, in the question's language when the fact has a translation in it (a Russian question
is compared with the Russian phrasings a curator wrote, not with the English ones a model must
carry across languages), else in its own. The closest of those texts is the fact's similarity.

Vectors are encoded when the index is built or reloaded and when a fact is added (``want``
marks a fact's texts; ``prepare`` encodes all that are marked in batches, far quicker per text
than one by one), and kept by text: a reload that leaves a fact's wording as it was encodes
nothing again. Questions are encoded as they are asked, the most recent few kept.

Every fact text's vector is one row of a single float32 matrix (numpy, which every backend's
package needs too): a question is compared with all its candidates' texts in one
matrix-vector product. Kept as tuples of Python floats and compared one by one in Python, the
24 candidates' 72 texts of 256 dimensions took 1.5 ms a question, and the 300,000 texts of
100,000 facts 2.5 GB (as rows: 40 microseconds, and 0.3 GB).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from bot.core.embedding import Embedder
from bot.core.models import Fact

# A text and whether it is encoded as a question (phrasings) or as a statement (answers).
_Text = tuple[str, bool]


def _texts_of(answer: str, questions: tuple[str, ...]) -> Iterator[_Text]:
    yield answer, False
    for question in questions:
        yield question, True


def _all_texts(fact: Fact) -> Iterator[_Text]:
    yield from _texts_of(fact.answer, fact.questions)
    for translation in fact.translations:
        yield from _texts_of(translation.answer, translation.questions)


def _texts_for(fact: Fact, language: str) -> Iterator[_Text]:
    own = fact.translation(language) or fact.translation(fact.language)
    assert own is not None  # a fact always has itself in its own language
    return _texts_of(own.answer, own.questions)


class SemanticIndex:
    """Unit vectors of the facts' texts and of recent questions, from one ``Embedder``."""

    def __init__(self, embedder: Embedder, *, batch: int = 64, questions: int = 1024) -> None:
        import numpy  # here, not at import: only the re-ranker needs it

        self._numpy: Any = numpy
        self._embedder = embedder
        self._batch = batch
        self._rows: dict[_Text, int] = {}  # a text's row of ``_matrix``
        self._matrix: Any = None  # float32, rows x dimensions; grown by doubling
        self._pending: dict[_Text, None] = {}
        self._fact_rows: dict[tuple[str, str], tuple[Fact, list[int]]] = {}
        self._questions: OrderedDict[str, Any] = OrderedDict()
        self._question_room = questions

    def want(self, fact: Fact) -> None:
        """Mark ``fact``'s texts to be encoded by the next ``prepare`` (cheap: nothing is
        encoded here, so adding the facts of a whole knowledge base one by one stays quick)."""
        for text in _all_texts(fact):
            if text not in self._rows:
                self._pending[text] = None

    def prepare(self) -> None:
        """Encode every text marked by ``want`` and not yet encoded."""
        if not self._pending:
            return
        pending = list(self._pending)
        for query in (True, False):
            texts = [text for text, kind in pending if kind is query]
            for start in range(0, len(texts), self._batch):
                chunk = texts[start : start + self._batch]
                vectors = self._embedder.encode(chunk, query=query)
                self._append([(text, query) for text in chunk], vectors)
        self._pending.clear()

    def _append(self, texts: Sequence[_Text], vectors: Sequence[Sequence[float]]) -> None:
        numpy = self._numpy
        block = numpy.asarray(vectors, dtype=numpy.float32).reshape(len(texts), -1)
        used = len(self._rows)
        if self._matrix is None:
            self._matrix = numpy.zeros((max(len(texts), 64), block.shape[1]), numpy.float32)
        elif used + len(texts) > len(self._matrix):
            grown = numpy.zeros(
                (max(2 * len(self._matrix), used + len(texts)), self._matrix.shape[1]),
                numpy.float32,
            )
            grown[:used] = self._matrix[:used]
            self._matrix = grown
        self._matrix[used : used + len(texts)] = block
        for offset, text in enumerate(texts):
            self._rows[text] = used + offset

    def question(self, text: str) -> Any:
        """The vector of a question (kept for the next time it is asked)."""
        vector = self._questions.get(text)
        if vector is not None:
            self._questions.move_to_end(text)
            return vector
        numpy = self._numpy
        vector = numpy.asarray(self._embedder.encode([text], query=True)[0], numpy.float32)
        self._questions[text] = vector
        if len(self._questions) > self._question_room:
            self._questions.popitem(last=False)
        return vector

    def similarities(self, question: Any, facts: Sequence[Fact], language: str) -> list[float]:
        """For each of ``facts``, the cosine of ``question`` and the closest of its texts in
        ``language`` (its own language when it has no translation in it): one product of the
        question with all their rows."""
        if not facts:
            return []
        rows: list[int] = []
        starts: list[int] = []
        for fact in facts:
            starts.append(len(rows))
            rows.extend(self._rows_of(fact, language))
        cosines = self._matrix[rows] @ question
        return [float(value) for value in self._numpy.maximum.reduceat(cosines, starts)]

    def _rows_of(self, fact: Fact, language: str) -> list[int]:
        """The rows of ``fact``'s texts in ``language``, kept while the fact is the same
        object (an edited fact is a new one): finding them anew took most of a question's
        comparison time."""
        key = (fact.id, language)
        kept = self._fact_rows.get(key)
        if kept is not None and kept[0] is fact:
            return kept[1]
        texts = list(_texts_for(fact, language))
        if any(text not in self._rows for text in texts):
            self.want(fact)  # a fact added since the last prepare: encoded now
            self.prepare()
        found = [self._rows[text] for text in texts]
        self._fact_rows[key] = (fact, found)
        return found

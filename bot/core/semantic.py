"""Sentence-embedding vectors of the facts, for the matcher's optional semantic re-ranking.

A fact is compared with a question through the texts it is written in: its answer and its
phrasings, in the question's language when the fact has a translation in it (a Russian question
is compared with the Russian phrasings a curator wrote, not with the English ones a model must
carry across languages), else in its own. The closest of those texts is the fact's similarity.

Vectors are encoded when the index is built or reloaded and when a fact is added (``want``
marks a fact's texts; ``prepare`` encodes all that are marked in batches, far quicker per text
than one by one), and kept by text: a reload that leaves a fact's wording as it was encodes
nothing again. Questions are encoded as they are asked, the most recent few kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from bot.core.embedding import Embedder, Vector, cosine
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
        self._embedder = embedder
        self._batch = batch
        self._vectors: dict[_Text, Vector] = {}
        self._pending: dict[_Text, None] = {}
        self._questions: OrderedDict[str, Vector] = OrderedDict()
        self._question_room = questions

    def want(self, fact: Fact) -> None:
        """Mark ``fact``'s texts to be encoded by the next ``prepare`` (cheap: nothing is
        encoded here, so adding the facts of a whole knowledge base one by one stays quick)."""
        for text in _all_texts(fact):
            if text not in self._vectors:
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
                for text, vector in zip(
                    chunk, self._embedder.encode(chunk, query=query), strict=True
                ):
                    self._vectors[text, query] = vector
        self._pending.clear()

    def question(self, text: str) -> Vector:
        """The vector of a question (kept for the next time it is asked)."""
        vector = self._questions.get(text)
        if vector is not None:
            self._questions.move_to_end(text)
            return vector
        vector = self._embedder.encode([text], query=True)[0]
        self._questions[text] = vector
        if len(self._questions) > self._question_room:
            self._questions.popitem(last=False)
        return vector

    def similarity(self, question: Vector, fact: Fact, language: str) -> float:
        """The cosine of ``question`` and the closest of ``fact``'s texts in ``language`` (its
        own language when it has no translation in it)."""
        texts = list(_texts_for(fact, language))
        if any(text not in self._vectors for text in texts):
            self.want(fact)
            self.prepare()
        return max(cosine(question, self._vectors[text]) for text in texts)

"""A knowledge file's node tree -> its facts, or every problem with its line and fact id.

Apart from the directory-level loader (``loader``: which files, all or nothing, caching and
worker processes) because this is the field-by-field checking of one file, run in worker
processes too; the synonyms file is read with the same checks (``synonyms_file``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.fact_caps import (
    MAX_ANSWER_CHARS,
    MAX_QUESTION_CHARS,
    MAX_QUESTIONS_PER_FACT,
    MAX_RELATED_PER_FACT,
    MAX_SUPERSEDES_PER_FACT,
    MAX_TAGS_PER_FACT,
)
from bot.core.fact_ids import FACT_ID, MEMBER_PREFIX, is_member_id
from bot.core.knowledge_errors import LocatedError
from bot.core.knowledge_yaml import DATE_TAG, NULL_TAG, TEXT_TAG, compose, describe, read_text
from bot.core.language import LANGUAGES
from bot.core.links import NotAWebLink, web_link
from bot.core.models import Fact, Origin, Source, Translation

# The most problems one load reports: a file is read no further once it has found them.
MAX_ERRORS = 50
FACT_FIELDS = (
    "id",
    "answer",
    "questions",
    "tags",
    "related",
    "supersedes",
    "date",
    "source",
    "language",
    "translations",
)
TRANSLATION_FIELDS = ("answer", "questions")
SOURCE_FIELDS = ("title", "url", "published")


class _FactLists(NamedTuple):
    """A fact's list fields as read, empty where absent or refused."""

    questions: tuple[str, ...]
    tags: tuple[str, ...]
    related: tuple[str, ...]
    supersedes: tuple[str, ...]


@dataclass(slots=True)
class FileReader:
    """Validates one file's node tree, collecting located errors."""

    name: str
    errors: list[LocatedError] = field(default_factory=list)
    _seen_nodes: set[int] = field(default_factory=set)

    def error(self, node: Node | None, message: str, fact_id: str | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.errors.append(LocatedError(self.name, line, message, fact_id))

    def mapping(
        self, node: Node, what: str, allowed: tuple[str, ...], fact_id: str | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of fields, not {describe(node)}", fact_id)
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not self._first_visit(value_node):
                self.error(value_node, "YAML anchors and aliases are not allowed", fact_id)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != TEXT_TAG:
                self.error(key_node, f"{what} has a field name that is not text", fact_id)
                continue
            key = key_node.value
            if key in out:
                self.error(key_node, f"field '{key}' appears twice in {what}", fact_id)
                continue
            if key not in allowed:
                self.error(
                    key_node,
                    f"unknown field '{key}' in {what} (allowed: {', '.join(allowed)})",
                    fact_id,
                )
                continue
            out[key] = (key_node, value_node)
        return out

    def _first_visit(self, node: Node) -> bool:
        if id(node) in self._seen_nodes:
            return False
        self._seen_nodes.add(id(node))
        return True

    def text(
        self, node: Node, what: str, fact_id: str | None, *, limit: int, nullable: bool = False
    ) -> str | None:
        if nullable and isinstance(node, ScalarNode) and node.tag == NULL_TAG:
            return None
        if not isinstance(node, ScalarNode) or node.tag != TEXT_TAG:
            self.error(node, f"'{what}' must be text, not {describe(node)}", fact_id)
            return None
        value = str(node.value).strip()
        if not value:
            self.error(node, f"'{what}' is empty", fact_id)
            return None
        if len(value) > limit:
            self.error(node, f"'{what}' is {len(value)} characters long (limit {limit})", fact_id)
            return None
        return value

    def text_list(self, node: Node, what: str, fact_id: str | None, *, limit: int) -> list[str]:
        if isinstance(node, ScalarNode) and node.tag == NULL_TAG:
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, f"'{what}' must be a list, not {describe(node)}", fact_id)
            return []
        # A dict keeps the order and finds repeats in constant time (a list would make a long
        # list quadratic: 40,000 items took 15 s).
        out: dict[str, None] = {}
        for item in node.value:
            if not self._first_visit(item):
                self.error(item, "YAML anchors and aliases are not allowed", fact_id)
                continue
            value = self.text(item, f"{what} item", fact_id, limit=limit)
            if value is not None:
                out.setdefault(value, None)
        return list(out)

    def at_most(self, field: tuple[Node, Node], most: int, what: str, fact_id: str | None) -> bool:
        """Whether the list in ``field`` has at most ``most`` items; else a located error.

        Counted before any item is read, so an absurd list costs nothing more to refuse.
        """
        key_node, value_node = field
        if isinstance(value_node, SequenceNode) and len(value_node.value) > most:
            found = len(value_node.value)
            self.error(key_node, f"at most {most} {what} (found {found})", fact_id)
            return False
        return True

    def date(self, node: Node, what: str, fact_id: str | None) -> dt.date | None:
        if isinstance(node, ScalarNode) and node.tag == NULL_TAG:
            return None
        if isinstance(node, ScalarNode) and node.tag in (DATE_TAG, TEXT_TAG):
            try:
                return dt.date.fromisoformat(node.value.strip()[:10])
            except ValueError:
                pass
        self.error(node, f"'{what}' must be a date like 2025-07-01", fact_id)
        return None

    def source(self, node: Node, fact_id: str | None) -> Source | None:
        if isinstance(node, ScalarNode) and node.tag == NULL_TAG:
            return None
        fields = self.mapping(node, "'source'", SOURCE_FIELDS, fact_id)
        if fields is None:
            return None
        title = url = None
        published = None
        if "title" in fields:
            title = self.text(fields["title"][1], "title", fact_id, limit=300, nullable=True)
        if "url" in fields:
            url = self.text(fields["url"][1], "url", fact_id, limit=2000, nullable=True)
            if url is not None:
                try:
                    web_link(url)
                except NotAWebLink as exc:
                    self.error(fields["url"][1], f"'url' is not usable: {exc}", fact_id)
        if "published" in fields:
            published = self.date(fields["published"][1], "published", fact_id)
        return Source(title, url, published)

    def fact(self, node: Node, file_source: Source | None) -> Fact | None:
        fields = self.mapping(node, "a fact", FACT_FIELDS)
        if fields is None:
            return None
        fact_id = self.fact_id(node, fields)
        # Any error in the fact's other fields leaves the fact out (a bad id already has).
        before = len(self.errors)
        answer = None
        if "answer" not in fields:
            self.error(node, "missing required field 'answer'", fact_id)
        else:
            answer = self.text(fields["answer"][1], "answer", fact_id, limit=MAX_ANSWER_CHARS)
        lists = self.fact_lists(fields, fact_id)
        date = None
        source = file_source
        if "date" in fields:
            date = self.date(fields["date"][1], "date", fact_id)
        if "source" in fields:
            source = self.source(fields["source"][1], fact_id) or file_source
        language = "en"
        if "language" in fields:
            language = self.language(fields["language"][1], fact_id) or "en"
        translations: list[Translation] = []
        if "translations" in fields:
            translations = self.translations(fields["translations"][1], language, fact_id)
        if fact_id is None or answer is None or len(self.errors) > before:
            return None
        return Fact(
            id=fact_id,
            answer=answer,
            questions=lists.questions,
            tags=lists.tags,
            related=lists.related,
            source=source,
            date=date,
            origin=Origin.FILE,
            supersedes=lists.supersedes,
            file=self.name,
            line=node.start_mark.line + 1,
            translations=tuple(translations),
            language=language,
        )

    def fact_id(self, node: Node, fields: dict[str, tuple[Node, Node]]) -> str | None:
        """The fact's id, or None (with the error said) when it has none or one that is not
        allowed: not lower-case letters, digits and '-', '_', '.', or one of the ids kept
        for the facts members add."""
        if "id" not in fields:
            self.error(node, "fact has no 'id'")
            return None
        fact_id = self.text(fields["id"][1], "id", None, limit=80)
        if fact_id is not None and not FACT_ID.match(fact_id):
            self.error(
                fields["id"][1],
                f"id '{fact_id}' must be lower-case letters, digits, '-', '_' or '.'",
            )
            return None
        if fact_id is not None and is_member_id(fact_id):
            self.error(
                fields["id"][1],
                f"id '{fact_id}': ids starting with '{MEMBER_PREFIX}' are kept for the "
                "facts members add; choose another id",
            )
            return None
        return fact_id

    def fact_lists(self, fields: dict[str, tuple[Node, Node]], fact_id: str | None) -> _FactLists:
        """The fact's questions, tags, related and superseded ids, each list checked against
        its most items and each item against its length (tags lower-cased)."""
        questions: list[str] = []
        tags: list[str] = []
        related: list[str] = []
        supersedes: list[str] = []
        if "questions" in fields and self.at_most(
            fields["questions"], MAX_QUESTIONS_PER_FACT, "questions", fact_id
        ):
            questions = self.text_list(
                fields["questions"][1], "questions", fact_id, limit=MAX_QUESTION_CHARS
            )
        if "tags" in fields and self.at_most(fields["tags"], MAX_TAGS_PER_FACT, "tags", fact_id):
            tags = [t.lower() for t in self.text_list(fields["tags"][1], "tags", fact_id, limit=50)]
        if "related" in fields and self.at_most(
            fields["related"], MAX_RELATED_PER_FACT, "related ids", fact_id
        ):
            related = self.text_list(fields["related"][1], "related", fact_id, limit=80)
        if "supersedes" in fields and self.at_most(
            fields["supersedes"], MAX_SUPERSEDES_PER_FACT, "superseded ids", fact_id
        ):
            supersedes = self.text_list(fields["supersedes"][1], "supersedes", fact_id, limit=80)
        return _FactLists(tuple(questions), tuple(tags), tuple(related), tuple(supersedes))

    def language(self, node: Node, fact_id: str | None) -> str | None:
        code = self.text(node, "language", fact_id, limit=10)
        if code is not None and code not in LANGUAGES:
            self.error(node, f"unknown language '{code}' (known: {', '.join(LANGUAGES)})", fact_id)
            return None
        return code

    def translations(self, node: Node, own: str, fact_id: str | None) -> list[Translation]:
        """``translations:``: a mapping of language code -> {answer, questions}, each checked
        like the fact's own fields (text, caps), errors at the line of the offending value."""
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"'translations' must be a mapping of language codes, not {describe(node)}",
                fact_id,
            )
            return []
        others = tuple(code for code in LANGUAGES if code != own)
        out: list[Translation] = []
        for code, (key_node, value_node) in (
            self.mapping(node, "'translations' (language codes)", others, fact_id) or {}
        ).items():
            fields = self.mapping(
                value_node, f"the '{code}' translation", TRANSLATION_FIELDS, fact_id
            )
            if fields is None:
                continue
            if "answer" not in fields:
                self.error(key_node, f"the '{code}' translation has no 'answer'", fact_id)
                continue
            answer = self.text(
                fields["answer"][1], f"translations.{code}.answer", fact_id, limit=MAX_ANSWER_CHARS
            )
            questions: list[str] = []
            if "questions" in fields and self.at_most(
                fields["questions"], MAX_QUESTIONS_PER_FACT, f"{code} questions", fact_id
            ):
                questions = self.text_list(
                    fields["questions"][1],
                    f"translations.{code}.questions",
                    fact_id,
                    limit=MAX_QUESTION_CHARS,
                )
            if answer is not None:
                out.append(Translation(code, answer, tuple(questions)))
        return out


def load_file(path: Path, name: str) -> tuple[list[Fact], list[LocatedError]]:
    """Facts of one knowledge file, and the problems found in it."""
    errors: list[LocatedError] = []
    text = read_text(path, name, errors)
    node = compose(text, name, errors) if text is not None else None
    if node is None:
        return [], errors
    reader = FileReader(name, errors)
    fields = reader.mapping(node, "the file", ("source", "facts"))
    if fields is None:
        return [], errors
    file_source = reader.source(fields["source"][1], None) if "source" in fields else None
    if "facts" not in fields:
        reader.error(node, "file has no 'facts' list")
        return [], errors
    facts_node = fields["facts"][1]
    if not isinstance(facts_node, SequenceNode):
        reader.error(facts_node, f"'facts' must be a list, not {describe(facts_node)}")
        return [], errors
    if not facts_node.value:
        reader.error(facts_node, "'facts' is an empty list")
    facts = []
    for fact_node in facts_node.value:
        fact = reader.fact(fact_node, file_source)
        if fact is not None:
            facts.append(fact)
        if len(errors) >= MAX_ERRORS:
            break
    return facts, errors

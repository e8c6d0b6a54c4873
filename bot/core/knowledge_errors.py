"""What is wrong with a knowledge directory: each problem with its file, line and fact id."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LocatedError:
    file: str
    line: int | None
    message: str
    fact_id: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        fact = f" fact '{self.fact_id}':" if self.fact_id else ""
        return f"{where}:{fact} {self.message}"


class KnowledgeError(Exception):
    """The knowledge directory is not valid; ``errors`` says where and why."""

    def __init__(self, errors: list[LocatedError]) -> None:
        self.errors = errors
        shown = "\n".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} problem(s) in the knowledge base:\n{shown}")

"""How a command ends: its exit codes, and a mistake on the command line (``UsageError``)."""

from __future__ import annotations

EXIT_INVALID_KNOWLEDGE = 1


EXIT_USAGE = 2


# The Python documentation's choice for a reader that went away (`... | head`).
EXIT_BROKEN_PIPE = 1


EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A mistake on the command line; shown as one line, exit code 2."""

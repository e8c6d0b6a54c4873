"""Errors a user can cause and read: each message is one friendly sentence, safe to show."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every expected error; ``str(error)`` is what the user is told."""


class NotFound(NewsdeskError):
    pass


class PermissionDenied(NewsdeskError):
    pass


class InvalidInput(NewsdeskError):
    pass


class LimitReached(NewsdeskError):
    pass


class WriteFailed(NewsdeskError):
    """The database refused a write (disk full, read-only...); nothing was changed."""


class SemanticUnavailable(NewsdeskError):
    """The semantic re-ranker is turned on in the settings but its package is not installed."""

"""A module whose import takes the reading child a while, as trafilatura's does on a loaded
machine: for the parsing worker's deadline (tests/ingest/test_ingest_limits.py). Only the child
waits; the test process imports it at once."""

from __future__ import annotations

import multiprocessing
import time

IMPORT_SECONDS = 1.5

if multiprocessing.parent_process() is not None:
    time.sleep(IMPORT_SECONDS)


def first_line(text: str) -> str:
    return text.splitlines()[0]

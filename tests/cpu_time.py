"""The bot's own work in seconds, for the tests' "quickly" bounds.

A wall-clock bound counts whatever else a loaded 2-core CI machine runs meanwhile (other test
workers, other programs), and fails there on work that takes a tenth of it. CPU seconds count
only what this process did: every thread (aiosqlite's, ``asyncio.to_thread``'s) and every child
process it started and waited for (the loader's and the ingester's parsing workers). A bound on
waiting (a reply held behind a lock) still needs an event to wait on, not this.
"""

from __future__ import annotations

import resource
import time


def cpu_seconds() -> float:
    """CPU seconds used so far by this process's threads and its ended children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime

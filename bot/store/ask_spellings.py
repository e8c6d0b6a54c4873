"""Asked questions counted by ``bot.core.same_question``'s rule in SQL, as both backends count
them for `kb stats` and the list of questions worth teaching.

Each ask row keeps its ``question_key`` (written with it; filled when the store opens for rows
asked before it had one). The SQL groups the rows by key and by spelling (lower case,
trimmed, as the lists always showed them), then keeps per key the most asked spelling with
the key's total: the database does the counting, never a Python loop over the asks.
"""

from __future__ import annotations

# An ask's key; a row still without one (recorded by an older process since this one
# started) counts by its lower-cased, trimmed spelling until the next start fills it.
ASK_KEY = "COALESCE(question_key, lower(trim(question)))"

# Over the CTE ``spellings`` (k the key, q the spelling, n its count, and fact_id for the 👎
# list): each question's total and its spellings ranked, the most counted first (``nth`` 1),
# ties by the spelling.
# ``{collate}`` is empty on SQLite (which compares bytes) and ' COLLATE "C"' on PostgreSQL,
# so that both break ties alike.
_RANKED_SPELLINGS = (
    "SELECT k, q, {rest}SUM(n) OVER (PARTITION BY {by}) AS total, "
    "ROW_NUMBER() OVER (PARTITION BY {by} ORDER BY n DESC, q{collate}) AS nth FROM spellings"
)

# Asks given their key per transaction when the store opens.
KEY_BATCH = 2000


def ranked_spellings(*, by_fact: bool, collate: str = "") -> str:
    """``_RANKED_SPELLINGS`` grouped by key (and by fact, for the 👎 list)."""
    return _RANKED_SPELLINGS.format(
        rest="fact_id, " if by_fact else "",
        by="k, fact_id" if by_fact else "k",
        collate=collate,
    )
